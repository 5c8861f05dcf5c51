/* pledge-plan-window.h: what each member needs to meet a target by its due year
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-document.h"
#include "pledge-snapshot.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_PLAN_WINDOW (pledge_plan_window_get_type ())

G_DECLARE_FINAL_TYPE (PledgePlanWindow, pledge_plan_window, PLEDGE, PLAN_WINDOW, AdwWindow)

/* The plan table's columns, in the order they show. */
typedef enum
{
  PLEDGE_PLAN_COLUMN_MEMBER,
  PLEDGE_PLAN_COLUMN_SHARE,      /* the target's metric in the start year */
  PLEDGE_PLAN_COLUMN_GROWTH,     /* steady yearly defence growth needed */
  PLEDGE_PLAN_COLUMN_FIRST_MET,  /* a year, or "not by DUE" */
  PLEDGE_PLAN_COLUMN_GAP,        /* money to add in the start year */
  PLEDGE_PLAN_COLUMN_CUMULATIVE, /* the yearly gaps until the due year, summed */
  PLEDGE_PLAN_COLUMN_ACTION,     /* "Reach" */
  PLEDGE_N_PLAN_COLUMNS
} PledgePlanColumn;

/* The window shows the deadline solver's table (pledge_plan_compute) for
 * what document shows, and follows its changes; it emits ::reach-target
 * when the user asks for a member to meet its target. */
PledgePlanWindow *pledge_plan_window_new           (GtkWindow        *parent,
                                                    PledgeDocument   *document);
/* The target the main window selected: the plan follows it as it changes;
 * the user may choose another one here. */
void              pledge_plan_window_set_selected_target (PledgePlanWindow *self,
                                                          guint             target);
/* The target shown; -1 when no target of the dataset has a due year. */
int               pledge_plan_window_get_target    (PledgePlanWindow *self);
void              pledge_plan_window_set_target    (PledgePlanWindow *self,
                                                    guint             target);

GtkColumnView    *pledge_plan_window_get_column_view (PledgePlanWindow *self);
guint             pledge_plan_window_get_n_rows    (PledgePlanWindow *self);
/* The text a cell shows; NULL when the member is not in the table. */
char             *pledge_plan_window_dup_cell_text (PledgePlanWindow *self,
                                                    const char       *code,
                                                    PledgePlanColumn  column);
/* The Reach button of a member's row; NULL when it is scrolled out of
 * view. */
GtkWidget        *pledge_plan_window_find_reach_button (PledgePlanWindow *self,
                                                        const char       *code);

/* The name Export suggests: "plan-core-3.5.csv". */
char             *pledge_plan_window_dup_suggested_name (PledgePlanWindow *self);
/* Writes the plan as pledge --report --plan=TARGET --csv does, replacing
 * file atomically, as Export does once the user has chosen it. */
gboolean          pledge_plan_window_export_to     (PledgePlanWindow *self,
                                                    GFile            *file,
                                                    GError          **error);
/* Shows a toast over the plan (takes it): what happened to it. */
void              pledge_plan_window_add_toast     (PledgePlanWindow *self,
                                                    AdwToast         *toast);
/* The title of the last toast shown, or NULL. */
const char       *pledge_plan_window_get_last_toast (PledgePlanWindow *self);

G_END_DECLS
