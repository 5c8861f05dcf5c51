/* pledge-dataset-private.h: what the model's own files share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-dataset.h"

G_BEGIN_DECLS

const PledgeFigures *pledge_figures_find        (GArray        *figures,
                                                 int            year);
PledgeFigures       *pledge_figures_insert      (GArray        *figures,
                                                 int            year);
void                 pledge_figures_update_base (PledgeFigures *figures);
gboolean             pledge_scale_from_string   (const char    *str,
                                                 PledgeScale   *scale);
PledgeMember        *pledge_dataset_get_member_mutable (PledgeDataset *self,
                                                        guint          index);
void                 pledge_dataset_take_scenario_unchecked (PledgeDataset  *self,
                                                             PledgeScenario *scenario);
void                 pledge_dataset_emit_changed (PledgeDataset *self);

/* The version 2 figures' storage (pledge-dataset-extras.c): slots of
 * PLEDGE_N_EXTRAS doubles, NAN-filled, at addresses that stay valid until
 * the arena is freed with its dataset. */
typedef struct _PledgeExtraArena PledgeExtraArena;

PledgeExtraArena    *pledge_extra_arena_new     (void);
void                 pledge_extra_arena_free    (PledgeExtraArena *arena);
double              *pledge_extra_arena_alloc   (PledgeExtraArena *arena);
/* A slot from the dataset's arena, made on first use. */
double              *pledge_dataset_alloc_extras (PledgeDataset *self);

typedef struct _PledgeSnapshot PledgeSnapshot;

/* Snapshots in the dataset's cache do not hold a reference on it. */
PledgeSnapshot      *pledge_snapshot_new_full   (PledgeDataset  *dataset,
                                                 int             scenario,
                                                 gboolean        hold_dataset,
                                                 GError        **error);
PledgeSnapshot      *pledge_snapshot_copy       (PledgeSnapshot *other,
                                                 gboolean        hold_dataset);

/* The bound on scenarios (for tests and the benchmark): the figures all
 * scenarios of a dataset may write and copy; an upper bound of what one
 * scenario writes and copies, from its edits alone; and what a snapshot
 * made from scratch did write and copy. */
guint64              pledge_dataset_get_scenario_budget (PledgeDataset *self);
guint64              pledge_dataset_get_scenario_cost   (PledgeDataset *self,
                                                         guint          index);
gboolean             pledge_dataset_has_cached_snapshot (PledgeDataset *self,
                                                         int            scenario);
guint64              pledge_snapshot_get_work   (PledgeSnapshot *self);
/* Fails with PLEDGE_DATASET_ERROR_TOO_LARGE when the scenarios, with extra
 * at the end of scenario extra_index if given, go past the budget. */
gboolean             pledge_dataset_check_budget (PledgeDataset    *self,
                                                  guint             extra_index,
                                                  const PledgeEdit *extra,
                                                  GError          **error);

G_END_DECLS
