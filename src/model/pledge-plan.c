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

gboolean
pledge_plan_can_plan (PledgeDataset *dataset,
                      guint          target)
{
  const PledgeTarget *t;

  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), FALSE);

  if (target >= pledge_dataset_get_n_targets (dataset))
    return FALSE;
  t = pledge_dataset_get_target (dataset, target);
  return t->due != 0 && t->metric != PLEDGE_METRIC_EQUIPMENT_DEFENCE;
}

int
pledge_plan_pick_target (PledgeDataset *dataset,
                         guint          target)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), -1);

  if (pledge_plan_can_plan (dataset, target))
    return (int) target;
  for (guint i = 0; i < pledge_dataset_get_n_targets (dataset); i++)
    if (pledge_plan_can_plan (dataset, i))
      return (int) i;
  return -1;
}

gboolean
pledge_plan_is_on_track (PledgeSnapshot      *snapshot,
                         guint                target,
                         const PledgePlanRow *row)
{
  const PledgeTarget *t;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (isfinite (row->growth) && row->growth <= 0)
    return TRUE;
  t = pledge_dataset_get_target (pledge_snapshot_get_dataset (snapshot), target);
  return pledge_snapshot_meets (snapshot, row->member, t->due, target) == PLEDGE_MEETS_YES;
}

/* Solving for a member */

/* Whether growing a member from start to due needs a GDP rate: a year
 * without a GDP in the snapshot's figures. */
static gboolean
needs_gdp_rate (PledgeSnapshot *snapshot,
                guint           member,
                int             start,
                int             due)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  const PledgeMember *m = pledge_dataset_get_member (dataset, member);

  for (int y = start + 1; y <= due && pledge_member_is_member_in (m, y); y++)
    {
      const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, member, y);

      if (f == NULL || !isfinite (pledge_figures_base (f)))
        return TRUE;
    }
  return FALSE;
}

/* The GDP rate the snapshot's scenario grows the member's GDP at: its last
 * grow edit with a GDP rate for the member or for everyone; NAN if none. */
static double
scenario_gdp_rate (PledgeSnapshot *snapshot,
                   const char     *code)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  int scenario = pledge_snapshot_get_scenario (snapshot);
  const PledgeScenario *s;

  if (scenario < 0)
    return NAN;
  s = pledge_dataset_get_scenario (dataset, scenario);
  for (guint i = s->edits->len; i > 0; i--)
    {
      const PledgeEdit *edit = g_ptr_array_index (s->edits, i - 1);

      if (edit->kind == PLEDGE_EDIT_GROW && !isnan (edit->gdp_rate) &&
          (g_strcmp0 (edit->member, "*") == 0 || g_strcmp0 (edit->member, code) == 0))
        return edit->gdp_rate;
    }
  return NAN;
}

static const PledgePlanRow *
find_row (GArray *rows,
          guint   member)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, PledgePlanRow, i).member == member)
      return &g_array_index (rows, PledgePlanRow, i);
  return NULL;
}

/* The growth that meets the target by its due year when the member's GDP
 * grows at gdp_rate where it has none: the plan's, under the figures that
 * growing at it gives, whose GDP is the one the edit makes. */
static double
solve_growth (PledgeSnapshot  *snapshot,
              guint            target,
              guint            member,
              int              start,
              double           growth,
              double           gdp_rate,
              GError         **error)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  const PledgeTarget *t = pledge_dataset_get_target (dataset, target);
  const PledgeMember *m = pledge_dataset_get_member (dataset, member);
  int scenario = pledge_snapshot_get_scenario (snapshot);
  g_autoptr(PledgeScenario) fresh = NULL;
  g_autoptr(PledgeEdit) edit = pledge_edit_new_grow (m->code, start, t->due, growth, gdp_rate);
  g_autoptr(PledgeSnapshot) trial = NULL;
  g_autoptr(GArray) rows = NULL;
  const PledgePlanRow *row;

  if (scenario < 0)
    fresh = pledge_scenario_new ("scenario", "");
  trial = pledge_snapshot_new_with_edit (snapshot,
                                         fresh != NULL ? fresh
                                                       : pledge_dataset_get_scenario (dataset,
                                                                                      scenario),
                                         edit, error);
  if (trial == NULL)
    return NAN;
  rows = pledge_plan_compute (trial, target, NULL, error);
  if (rows == NULL)
    return NAN;
  row = find_row (rows, member);
  return row != NULL ? row->growth : growth;
}

gboolean
pledge_plan_reach (PledgeSnapshot   *snapshot,
                   guint             target,
                   guint             member,
                   PledgePlanReach  *reach,
                   GError          **error)
{
  PledgeDataset *dataset;
  const PledgeTarget *t;
  const PledgeMember *m;
  const PledgePlanRow *row;
  g_autoptr(GArray) rows = NULL;
  int start;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (reach != NULL, FALSE);
  dataset = pledge_snapshot_get_dataset (snapshot);
  g_return_val_if_fail (target < pledge_dataset_get_n_targets (dataset), FALSE);
  g_return_val_if_fail (member < pledge_dataset_get_n_members (dataset), FALSE);

  t = pledge_dataset_get_target (dataset, target);
  m = pledge_dataset_get_member (dataset, member);
  rows = pledge_plan_compute (snapshot, target, &start, error);
  if (rows == NULL)
    return FALSE;
  row = find_row (rows, member);
  if (row == NULL)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   /* Translators: %s is a member's name, %d a year */
                   _("%s was not a member in %d, the year the figures end."), m->name, start);
      return FALSE;
    }
  if (!isfinite (row->growth))
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   /* Translators: %s is a member's name, %d a year */
                   _("The growth %s needs cannot be computed: it has no defence spending or no "
                     "GDP for %d to grow from."), m->name, start);
      return FALSE;
    }

  *reach = (PledgePlanReach) {
    .kind = PLEDGE_PLAN_REACH_GROW,
    .start = start,
    .due = t->due,
    .growth = row->growth,
    .gdp_rate = NAN,
  };
  if (pledge_snapshot_meets (snapshot, member, t->due, target) == PLEDGE_MEETS_YES)
    {
      reach->kind = PLEDGE_PLAN_REACH_MET;
      return TRUE;
    }
  if (row->growth <= 0)
    {
      reach->kind = PLEDGE_PLAN_REACH_FLAT;
      return TRUE;
    }

  /* GDP follows the scenario: figures it has stay, and years without one
   * grow at the scenario's own rate or, when it has none, not at all. */
  if (needs_gdp_rate (snapshot, member, start, t->due))
    {
      reach->gdp_rate = scenario_gdp_rate (snapshot, m->code);
      if (isnan (reach->gdp_rate))
        reach->gdp_rate = 0;
      else
        reach->growth = solve_growth (snapshot, target, member, start, reach->growth,
                                      reach->gdp_rate, error);
      if (!isfinite (reach->growth))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                         _("The growth %s needs cannot be computed."), m->name);
          return FALSE;
        }
    }
  return TRUE;
}
