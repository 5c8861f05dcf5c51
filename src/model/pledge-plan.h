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

G_END_DECLS
