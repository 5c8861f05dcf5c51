/* pledge-plan.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-plan.h"

typedef struct
{
  double defence;
  double base;
  double related;
  gboolean count_related; /* only a total-gdp target counts it */
} Path;

/* The member's figures in year y, carrying forward what y lacks. Related
 * spending stays 0 unless the target's metric counts it. */
static void
path_step (PledgeSnapshot *snapshot,
           guint           member,
           int             year,
           Path           *path)
{
  const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, member, year);
  double base;

  if (f == NULL)
    return;
  if (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
    path->defence = f->values[PLEDGE_FIELD_DEFENCE];
  base = pledge_figures_base (f);
  if (isfinite (base))
    path->base = base;
  if (path->count_related && pledge_figures_has (f, PLEDGE_FIELD_RELATED))
    path->related = f->values[PLEDGE_FIELD_RELATED];
}

GArray *
pledge_plan_compute (PledgeSnapshot  *snapshot,
                     guint            target_index,
                     int             *start_year,
                     GError         **error)
{
  PledgeDataset *dataset;
  const PledgeTarget *target;
  GArray *rows;
  int start, due;

  g_return_val_if_fail (snapshot != NULL, NULL);

  dataset = pledge_snapshot_get_dataset (snapshot);
  g_return_val_if_fail (target_index < pledge_dataset_get_n_targets (dataset), NULL);
  target = pledge_dataset_get_target (dataset, target_index);

  if (target->metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   _("target \"%s\" is a share of defence spending, not of GDP: "
                     "growth cannot reach it"), target->id);
      return NULL;
    }
  if (target->due == 0)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   _("target \"%s\" has no due year"), target->id);
      return NULL;
    }
  if (!pledge_dataset_get_year_range (dataset, NULL, &start))
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   _("the dataset has no figures to start from"));
      return NULL;
    }
  due = target->due;
  if (due <= start)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   _("target \"%s\" was due in %d, before the figures end (%d)"),
                   target->id, due, start);
      return NULL;
    }

  rows = g_array_new (FALSE, TRUE, sizeof (PledgePlanRow));
  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    {
      PledgePlanRow row = { .member = i, .growth = NAN, .gap_now = NAN };
      gboolean total = target->metric == PLEDGE_METRIC_TOTAL_GDP;
      /* Related spending only counts towards total-gdp, and is unknown
       * until a year gives it. */
      Path path = { NAN, NAN, total ? NAN : 0, total };
      double defence_start, needed;

      if (!pledge_member_is_member_in (pledge_dataset_get_member (dataset, i), start))
        continue;

      row.share_now = pledge_snapshot_get_metric (snapshot, i, start, target->metric);
      row.gap_now = pledge_snapshot_get_gap (snapshot, i, start, target_index);

      /* The first year met, by the scenario's own figures. */
      for (int y = start; y <= due && row.first_met == 0; y++)
        if (pledge_snapshot_meets (snapshot, i, y, target_index) == PLEDGE_MEETS_YES)
          row.first_met = y;

      /* The path to the due year, and the yearly gaps on it. */
      path_step (snapshot, i, start, &path);
      defence_start = path.defence;

      for (int y = start; y <= due; y++)
        {
          double gap;

          path_step (snapshot, i, y, &path);
          gap = target->min / 100.0 * path.base - path.defence - path.related;
          if (isfinite (gap) && gap > 0)
            row.cumulative_gap += gap;
          else if (!isfinite (gap))
            row.cumulative_gap = NAN;
        }

      needed = target->min / 100.0 * path.base - path.related;
      if (isfinite (needed) && isfinite (defence_start) && defence_start > 0 && needed > 0)
        row.growth = 100.0 * (pow (needed / defence_start, 1.0 / (due - start)) - 1.0);

      g_array_append_val (rows, row);
    }

  if (start_year != NULL)
    *start_year = start;
  return rows;
}
