/* pledge-undo.h: undo and redo of scenario edits
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-dataset.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_UNDO_STACK (pledge_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (PledgeUndoStack, pledge_undo_stack, PLEDGE, UNDO_STACK, GObject)

/* Every change the window makes to a dataset goes through its undo stack.
 * Properties: "can-undo", "can-redo", "has-changes" (since the last save). */
PledgeUndoStack *pledge_undo_stack_new             (PledgeDataset   *dataset);
PledgeDataset   *pledge_undo_stack_get_dataset     (PledgeUndoStack *self);

gboolean         pledge_undo_stack_get_can_undo    (PledgeUndoStack *self);
gboolean         pledge_undo_stack_get_can_redo    (PledgeUndoStack *self);
gboolean         pledge_undo_stack_get_has_changes (PledgeUndoStack *self);
void             pledge_undo_stack_mark_saved      (PledgeUndoStack *self);

/* Changes done between begin_group and end_group undo as one step. */
void             pledge_undo_stack_begin_group     (PledgeUndoStack *self);
void             pledge_undo_stack_end_group       (PledgeUndoStack *self);

/* Appends an edit to a scenario (takes ownership). */
gboolean         pledge_undo_stack_add_edit        (PledgeUndoStack *self,
                                                    guint            scenario,
                                                    PledgeEdit      *edit,
                                                    GError         **error);
gboolean         pledge_undo_stack_add_scenario    (PledgeUndoStack *self,
                                                    PledgeScenario  *scenario,
                                                    guint            position,
                                                    GError         **error);
void             pledge_undo_stack_remove_scenario (PledgeUndoStack *self,
                                                    guint            index);
void             pledge_undo_stack_rename_scenario (PledgeUndoStack *self,
                                                    guint            index,
                                                    const char      *name);

gboolean         pledge_undo_stack_undo            (PledgeUndoStack *self);
gboolean         pledge_undo_stack_redo            (PledgeUndoStack *self);

G_END_DECLS
