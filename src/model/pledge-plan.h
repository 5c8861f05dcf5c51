/* pledge-plan.h: what each member needs to meet a target by its due year
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-snapshot.h"

G_BEGIN_DECLS

typedef struct
{
  guint  member;         /* index in the dataset */
  double share_now;      /* the target's metric in the start year; NAN when unknown */
  double growth;         /* constant yearly defence growth needed, percent; NAN when unknown */
  int    first_met;      /* the first year from the start the scenario meets it; 0: not by due */
  double gap_now;        /* money to add in the start year; 0 when met, NAN when unknown */
  double cumulative_gap; /* the yearly gaps from the start to the due year, summed */
} PledgePlanRow;

/* For each member of the start year (the dataset's last reported year),
 * under the snapshot's scenario, with the scenario's GDP path (a year
 * without a GDP keeps the last one known):
 *
 *   growth = (min/100 x base(due) - related(due)) / defence(start)) ^ (1 / (due - start)) - 1
 *
 * and the yearly gap, min/100 x base(y) - defence(y) - related(y) where
 * positive, for y = start..due, with figures a year lacks carried forward
 * from the year before. related counts only towards a total-gdp target:
 * it is 0 for defence-gdp. Fails for targets without a due year or on the
 * equipment metric. Returns an array of PledgePlanRow. */
GArray *pledge_plan_compute (PledgeSnapshot  *snapshot,
                             guint            target,
                             int             *start_year,
                             GError         **error);

/* Whether a plan can be about target: it has a due year and a share of
 * GDP as its metric. */
gboolean pledge_plan_can_plan       (PledgeDataset  *dataset,
                                     guint           target);
/* The target a plan is about when target is selected: that one when it
 * can be planned, else the first one that can; -1 when none can. */
int      pledge_plan_pick_target    (PledgeDataset  *dataset,
                                     guint           target);
/* Whether the member of row meets target by its due year without more
 * growth: the snapshot's figures meet it then, or flat spending would. */
gboolean pledge_plan_is_on_track    (PledgeSnapshot      *snapshot,
                                     guint                target,
                                     const PledgePlanRow *row);

typedef enum
{
  PLEDGE_PLAN_REACH_GROW,  /* growing defence by growth a year meets it */
  PLEDGE_PLAN_REACH_MET,   /* the snapshot meets it by the due year already */
  PLEDGE_PLAN_REACH_FLAT,  /* it meets it without spending more */
} PledgePlanReachKind;

typedef struct
{
  PledgePlanReachKind kind;
  int    start;     /* the year growth starts from: where the figures end */
  int    due;       /* the target's due year */
  double growth;    /* percent a year; meaningful for PLEDGE_PLAN_REACH_GROW */
  double gdp_rate;  /* the GDP growth, percent a year, for years without a
                     * GDP: the scenario's own, 0 (held) when it has none,
                     * NAN when every year has one */
} PledgePlanReach;

/* The growth that takes member to target by its due year under the
 * snapshot's scenario: its GDP figures stay, and years without one grow at
 * the scenario's own GDP rate for the member, or are held when it has
 * none; the growth is then solved under the GDP that rate gives. Growing
 * is pledge_edit_new_grow (code, start, due, growth, gdp_rate). */
gboolean pledge_plan_reach          (PledgeSnapshot  *snapshot,
                                     guint            target,
                                     guint            member,
                                     PledgePlanReach *reach,
                                     GError         **error);

G_END_DECLS
