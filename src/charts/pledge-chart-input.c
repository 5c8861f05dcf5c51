/* pledge-chart-input.c: everything a chart shows, computed once from a snapshot
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-common.h"
#include "pledge-chart-text.h"
#include "pledge-chart.h"

/* Highlighted in the trend unless the caller names members: the largest
 * spenders and the members most often in the news about the pledge. */
static const char *const default_trend_members[] = { "USA", "DEU", "GBR", "FRA", "POL" };

#define MAX_DEFAULT_TREND 6

static char *
format_min (double min)
{
  int decimals = 2;

  if (fabs (min - round (min)) < 1e-9)
    decimals = 0;
  else if (fabs (min * 10 - round (min * 10)) < 1e-9)
    decimals = 1;
  return pledge_chart_format_number (min, decimals);
}

static char *
target_label (const PledgeTarget *target)
{
  g_autofree char *min = format_min (target->min);

  switch (target->metric)
    {
    case PLEDGE_METRIC_DEFENCE_GDP:
      /* Translators: a target's short label; %s is a number, "2% of GDP" */
      return g_strdup_printf (_("%s%% of GDP"), min);
    case PLEDGE_METRIC_TOTAL_GDP:
      /* Translators: a target's short label counting defence and
       * defence-related (resilience) spending; %s is a number */
      return g_strdup_printf (_("%s%% of GDP incl. related"), min);
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      /* Translators: a target's short label; %s is a number */
      return g_strdup_printf (_("%s%% of defence on equipment"), min);
    default:
      g_return_val_if_reached (g_strdup (target->name));
    }
}

static char *
units_label (const char  *currency,
             PledgeScale  scale,
             const char  *prices)
{
  g_autofree char *units = NULL;

  switch (scale)
    {
    case PLEDGE_SCALE_THOUSAND:
      /* Translators: the unit of money on a chart; %s is a currency code */
      units = g_strdup_printf (_("%s thousand"), currency);
      break;
    case PLEDGE_SCALE_MILLION:
      /* Translators: the unit of money on a chart; %s is a currency code */
      units = g_strdup_printf (_("%s million"), currency);
      break;
    case PLEDGE_SCALE_BILLION:
      /* Translators: the unit of money on a chart; %s is a currency code */
      units = g_strdup_printf (_("%s billion"), currency);
      break;
    case PLEDGE_SCALE_UNIT:
    default:
      units = g_strdup (currency);
      break;
    }

  if (prices != NULL && g_str_has_prefix (prices, "constant-"))
    /* Translators: "USD million at 2015 prices"; the first %s is a unit of
     * money, the second a year */
    return g_strdup_printf (_("%s at %s prices"), units, prices + strlen ("constant-"));
  return g_steal_pointer (&units);
}

char *
pledge_chart_input_format_money (const PledgeChartInput *input,
                                 double                  value)
{
  g_autofree char *amount = NULL;
  int unit;

  if (!isfinite (value))
    return pledge_chart_format_money (value);

  /* In a sentence, the largest unit it has one of: "USD 105.6 billion" */
  unit = CLAMP ((int) input->scale, 0, 3);
  while (unit < 4 && fabs (value) >= 1000)
    {
      value /= 1000;
      unit++;
    }
  while (unit > 0 && fabs (value) < 1 && value != 0)
    {
      value *= 1000;
      unit--;
    }
  amount = unit > 0 ? pledge_chart_format_grouped (value, 1) : pledge_chart_format_money (value);

  switch (unit)
    {
    case 1:
      /* Translators: money; the first %s is a currency code, the second an
       * amount: "USD 1,250 thousand" */
      return g_strdup_printf (_("%s %s thousand"), input->currency, amount);
    case 2:
      /* Translators: money; the first %s is a currency code, the second an
       * amount: "USD 1,250 million" */
      return g_strdup_printf (_("%s %s million"), input->currency, amount);
    case 3:
      /* Translators: money; the first %s is a currency code, the second an
       * amount: "USD 1,250 billion" */
      return g_strdup_printf (_("%s %s billion"), input->currency, amount);
    case 4:
      /* Translators: money; the first %s is a currency code, the second an
       * amount: "USD 1.3 trillion" */
      return g_strdup_printf (_("%s %s trillion"), input->currency, amount);
    default:
      /* Translators: money; the first %s is a currency code, the second an
       * amount: "USD 1,250" */
      return g_strdup_printf (C_("money", "%s %s"), input->currency, amount);
    }
}

static void
member_clear (PledgeChartMember *m)
{
  g_clear_pointer (&m->code, g_free);
  g_clear_pointer (&m->name, g_free);
  g_clear_pointer (&m->series, g_free);
  g_clear_pointer (&m->series_flags, g_free);
  g_clear_pointer (&m->reported_series, g_free);
}

void
pledge_chart_input_free (PledgeChartInput *input)
{
  if (input == NULL)
    return;

  g_clear_pointer (&input->compare, pledge_compare_free);
  for (guint i = 0; i < input->n_targets; i++)
    {
      g_free (input->targets[i].id);
      g_free (input->targets[i].name);
      g_free (input->targets[i].label);
      g_free (input->targets[i].line_label);
    }
  g_free (input->targets);
  for (guint i = 0; i < input->n_members; i++)
    member_clear (&input->members[i]);
  g_free (input->members);
  member_clear (&input->total);
  g_free (input->faint_band.count);
  g_free (input->faint_band.min);
  g_free (input->faint_band.low);
  g_free (input->faint_band.high);
  g_free (input->faint_band.max);
  g_free (input->title);
  g_free (input->sources);
  g_free (input->footer_sources);
  g_free (input->scenario_name);
  g_free (input->currency);
  g_free (input->units);
  g_free (input->edition);
  g_free (input->europe_canada.name);
  g_free (input);
}

static double
metric_of (const PledgeChartMember *m,
           PledgeMetric             metric)
{
  switch (metric)
    {
    case PLEDGE_METRIC_DEFENCE_GDP:
      return m->defence_gdp;
    case PLEDGE_METRIC_TOTAL_GDP:
      return m->total_gdp;
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      return m->equipment;
    default:
      return NAN;
    }
}

static int
first_target_of (PledgeDataset *dataset,
                 guint          preferred,
                 gboolean       equipment,
                 gboolean       defence_gdp_only)
{
  guint n = pledge_dataset_get_n_targets (dataset);
  int first = -1;

  for (guint i = 0; i < n; i++)
    {
      const PledgeTarget *t = pledge_dataset_get_target (dataset, i);
      gboolean ok;

      if (equipment)
        ok = t->metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE;
      else if (defence_gdp_only)
        ok = t->metric == PLEDGE_METRIC_DEFENCE_GDP;
      else
        ok = t->metric != PLEDGE_METRIC_EQUIPMENT_DEFENCE;
      if (!ok)
        continue;
      if (i == preferred)
        return (int) i;
      if (first < 0)
        first = (int) i;
    }
  return first;
}

gboolean
pledge_chart_values_differ (double scenario,
                            double reported)
{
  if (!isfinite (scenario) || !isfinite (reported))
    return FALSE;
  return fabs (scenario - reported) > 1e-9 * MAX (1.0, MAX (fabs (scenario), fabs (reported)));
}

/* A member's reported figures in the input's year, beside the scenario's */
static void
fill_reported (PledgeChartInput  *input,
               PledgeSnapshot    *reported,
               PledgeChartMember *m)
{
  const PledgeFigures *f;

  m->reported_defence = m->reported_defence_gdp = m->reported_total_gdp = NAN;
  m->reported_equipment = m->reported_alliance_share = m->reported_gap = NAN;
  if (reported == NULL)
    return;

  f = pledge_snapshot_get_figures (reported, m->index, input->year);
  if (f == NULL)
    return;
  m->reported_defence = pledge_figures_has (f, PLEDGE_FIELD_DEFENCE)
                        ? f->values[PLEDGE_FIELD_DEFENCE] : NAN;
  m->reported_defence_gdp = pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP);
  m->reported_total_gdp = pledge_figures_metric (f, PLEDGE_METRIC_TOTAL_GDP);
  m->reported_equipment = pledge_figures_metric (f, PLEDGE_METRIC_EQUIPMENT_DEFENCE);
  m->reported_alliance_share = m->in_year
                               ? pledge_snapshot_get_alliance_share (reported, m->index,
                                                                     input->year)
                               : NAN;
  m->reported_gap = input->gap_target >= 0
                    ? pledge_figures_gap (f, pledge_dataset_get_target (
                                            pledge_snapshot_get_dataset (reported),
                                            input->gap_target))
                    : NAN;
  m->reported_differs = pledge_chart_values_differ (m->defence, m->reported_defence) ||
                        pledge_chart_values_differ (m->defence_gdp, m->reported_defence_gdp) ||
                        pledge_chart_values_differ (m->total_gdp, m->reported_total_gdp) ||
                        pledge_chart_values_differ (m->equipment, m->reported_equipment);
}

/* The alliance's share of GDP in a year, NAN when it has no figures or
 * its figures cover only some members (pledge_snapshot_alliance_is_complete) */
static double
alliance_share_of_gdp (PledgeSnapshot *snapshot,
                       int             year)
{
  double defence = pledge_snapshot_get_complete_alliance_defence (snapshot, year);
  double gdp = pledge_snapshot_get_alliance_gdp (snapshot, year);

  return isfinite (defence) && isfinite (gdp) && gdp > 0 ? 100.0 * defence / gdp : NAN;
}

/* The alliance's reported figures: its defence and share of GDP, the
 * year's and the series'. */
static void
fill_total_reported (PledgeChartInput *input,
                     PledgeSnapshot   *reported)
{
  PledgeChartMember *t = &input->total;

  t->reported_defence = t->reported_defence_gdp = t->reported_total_gdp = NAN;
  t->reported_equipment = t->reported_alliance_share = t->reported_gap = NAN;
  if (reported == NULL)
    return;

  t->reported_defence = pledge_snapshot_get_complete_alliance_defence (reported, input->year);
  t->reported_defence_gdp = alliance_share_of_gdp (reported, input->year);
  t->reported_alliance_share = isfinite (t->reported_defence) ? 100.0 : NAN;
  t->reported_differs = pledge_chart_values_differ (t->defence, t->reported_defence) ||
                        pledge_chart_values_differ (t->defence_gdp, t->reported_defence_gdp);

  t->reported_series = g_new (double, MAX (1, input->n_years));
  for (guint k = 0; k < input->n_years; k++)
    {
      t->reported_series[k] = alliance_share_of_gdp (reported, input->first_year + (int) k);
      if (pledge_chart_values_differ (t->series[k], t->reported_series[k]))
        t->series_differs = TRUE;
    }
}

static void
fill_total (PledgeChartInput *input,
            PledgeSnapshot   *snapshot)
{
  PledgeChartMember *t = &input->total;
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  double equipment_money = 0, equipment_defence = 0, related_total = 0;
  gboolean related_known = TRUE, any = FALSE;

  t->index = input->n_members;
  t->code = g_strdup ("");
  /* Translators: the line or row for all members together */
  t->name = g_strdup (_("Alliance total"));
  t->in_year = TRUE;
  t->status = PLEDGE_STATUS_REPORTED;
  t->trend_colour = -1;

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];
      const PledgeFigures *f;

      if (!m->in_year || !isfinite (m->defence))
        continue;
      any = TRUE;
      if (isfinite (m->equipment))
        {
          equipment_money += m->equipment * m->defence / 100.0;
          equipment_defence += m->defence;
        }
      f = pledge_snapshot_get_figures (snapshot, i, input->year);
      if (f != NULL && pledge_figures_has (f, PLEDGE_FIELD_RELATED))
        related_total += f->values[PLEDGE_FIELD_RELATED];
      else
        related_known = FALSE;
    }

  /* The sum of some members only is no alliance total */
  any = any && pledge_snapshot_alliance_is_complete (snapshot, input->year);
  t->defence = any ? pledge_snapshot_get_alliance_defence (snapshot, input->year) : NAN;
  t->base = any ? pledge_snapshot_get_alliance_gdp (snapshot, input->year) : NAN;
  if (!isfinite (t->base) || !(t->base > 0))
    t->base = NAN;
  t->defence_gdp = isfinite (t->base) && isfinite (t->defence) ? 100.0 * t->defence / t->base : NAN;
  t->total_gdp = related_known && isfinite (t->defence_gdp)
                 ? 100.0 * (t->defence + related_total) / t->base : NAN;
  t->equipment = any && equipment_defence > 0 ? 100.0 * equipment_money / equipment_defence : NAN;
  t->alliance_share = any ? 100.0 : NAN;
  if (input->n_targets > 0)
    {
      const PledgeChartTarget *target = &input->targets[input->target];

      t->value = metric_of (t, target->metric);
      t->meets = pledge_value_meets (t->value, target->min);
    }
  else
    {
      t->value = t->defence_gdp;
      t->meets = PLEDGE_MEETS_UNKNOWN;
    }
  t->meets_gdp_guide = input->gdp_guide >= 0
                       ? pledge_value_meets (t->defence_gdp, input->targets[input->gdp_guide].min)
                       : PLEDGE_MEETS_UNKNOWN;
  t->meets_equipment_guide = input->equipment_guide >= 0
                             ? pledge_value_meets (t->equipment,
                                                   input->targets[input->equipment_guide].min)
                             : PLEDGE_MEETS_UNKNOWN;
  t->gap = input->gap_target >= 0 ? input->total_gap : NAN;

  t->series = g_new (double, MAX (1, input->n_years));
  t->series_flags = g_new0 (guint8, MAX (1, input->n_years));
  t->first_share = t->last_share = NAN;
  for (guint k = 0; k < input->n_years; k++)
    {
      int year = input->first_year + (int) k;
      guint expected = 0, missing;

      t->series[k] = alliance_share_of_gdp (snapshot, year);
      missing = pledge_snapshot_get_alliance_missing (snapshot, year, &expected);
      if (!isfinite (t->series[k]) && missing > 0 && missing < expected)
        {
          /* Some members have figures, not all: say so rather than draw them */
          if (input->total_partial_first == 0)
            {
              input->total_partial_first = year;
              input->total_partial_covered = expected - missing;
              input->total_partial_expected = expected;
            }
          input->total_partial_last = year;
        }
      if (!isfinite (t->series[k]))
        continue;
      if (t->first_share_year == 0)
        {
          t->first_share = t->series[k];
          t->first_share_year = input->first_year + (int) k;
        }
      t->last_share = t->series[k];
      t->last_share_year = input->first_year + (int) k;
    }
  /* The flags of every member's figures that count in a year's sum: one
   * pass over each member's sorted figures, not a search a member-year */
  for (guint i = 0; i < input->n_members && input->n_years > 0; i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, i);
      GArray *figures = pledge_snapshot_get_member_figures (snapshot, i);

      for (guint j = 0; figures != NULL && j < figures->len; j++)
        {
          const PledgeFigures *f = &g_array_index (figures, PledgeFigures, j);

          if (f->year >= input->first_year && f->year <= input->last_year &&
              pledge_figures_has (f, PLEDGE_FIELD_DEFENCE) &&
              pledge_member_is_member_in (member, f->year))
            t->series_flags[f->year - input->first_year] |= f->flags;
        }
    }
}

static void
choose_trend_members (PledgeChartInput  *input,
                      PledgeDataset     *dataset,
                      const char *const *codes)
{
  int colour = 0;

  input->show_total_in_trend = TRUE;

  if (codes != NULL)
    {
      for (guint k = 0; codes[k] != NULL; k++)
        {
          int i = pledge_dataset_find_member (dataset, codes[k]);

          if (i >= 0 && input->members[i].trend_colour < 0)
            input->members[i].trend_colour = colour++ % PLEDGE_CHART_PALETTE_SIZE;
        }
      return;
    }

  if (input->n_members <= MAX_DEFAULT_TREND)
    {
      for (guint i = 0; i < input->n_members; i++)
        input->members[i].trend_colour = colour++;
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (default_trend_members); k++)
    {
      int i = pledge_dataset_find_member (dataset, default_trend_members[k]);

      if (i >= 0)
        input->members[i].trend_colour = colour++;
    }
  if (colour > 0)
    return;

  /* A dataset without those: its largest spenders of the year, or where
   * the year has no figures, the members with the highest latest share. */
  for (guint n = 0; n < 4; n++)
    {
      int best = -1;
      double best_value = -1;

      for (guint i = 0; i < input->n_members; i++)
        {
          const PledgeChartMember *m = &input->members[i];
          double value = NAN;

          if (m->trend_colour >= 0)
            continue;
          if (input->total.in_year && isfinite (input->total.defence))
            value = m->in_year ? m->defence : NAN;
          else
            value = m->last_share;
          if (isfinite (value) && value > best_value)
            {
              best = (int) i;
              best_value = value;
            }
        }
      if (best < 0)
        break;
      input->members[best].trend_colour = colour++;
    }
}

/* A footer draws at most a few sources, each cut short: Pango lays out
 * the whole text before it ellipsizes, and a hundred long sources took
 * 650 MB to draw. */
#define FOOTER_MAX_SOURCES 8
#define FOOTER_MAX_SOURCE_CHARS 200

static char *
footer_sources (GPtrArray *sources)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PledgeSource *source = g_ptr_array_index (sources, i);
      g_autofree char *text = NULL;

      if (source->text == NULL || *source->text == '\0')
        continue;
      text = pledge_chart_truncate (source->text, FOOTER_MAX_SOURCE_CHARS);
      pledge_chart_list_add (joined, &n, FOOTER_MAX_SOURCES, "; ", text);
    }
  pledge_chart_list_finish (joined, n, FOOTER_MAX_SOURCES);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

PledgeChartInput *
pledge_chart_input_new (PledgeSnapshot    *snapshot,
                        int                year,
                        guint              target,
                        const char *const *trend_members)
{
  g_autoptr(PledgeChartInput) input = NULL;
  PledgeDataset *dataset;
  GPtrArray *sources;
  g_autoptr(GString) joined = NULL;
  g_autoptr(PledgeSnapshot) reported = NULL;
  int scenario;
  guint n_targets;

  g_return_val_if_fail (snapshot != NULL, NULL);
  dataset = pledge_snapshot_get_dataset (snapshot);
  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), NULL);
  n_targets = pledge_dataset_get_n_targets (dataset);
  g_return_val_if_fail (n_targets == 0 || target < n_targets, NULL);

  input = g_new0 (PledgeChartInput, 1);
  input->year = year;
  input->target = n_targets > 0 ? target : 0;

  /* Text */
  input->title = g_strdup (pledge_dataset_get_title (dataset));
  sources = pledge_dataset_get_sources (dataset);
  joined = g_string_new (NULL);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PledgeSource *source = g_ptr_array_index (sources, i);

      if (source->text == NULL || *source->text == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, "; ");
      g_string_append (joined, source->text);
      input->n_sources++;
    }
  input->sources = g_string_free (g_steal_pointer (&joined), FALSE);
  input->footer_sources = footer_sources (sources);
  scenario = pledge_snapshot_get_scenario (snapshot);
  if (scenario >= 0)
    {
      input->scenario_name = g_strdup (pledge_dataset_get_scenario (dataset, scenario)->name);
      /* The reported figures, for the ghosts: from the dataset's cache, so
       * a copy of a few pointers. */
      reported = pledge_dataset_get_snapshot (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
      input->has_reported = reported != NULL;
    }
  input->currency = g_strdup (pledge_dataset_get_currency (dataset) ?
                              pledge_dataset_get_currency (dataset) : "");
  input->scale = pledge_dataset_get_scale (dataset);
  input->units = units_label (input->currency, input->scale, pledge_dataset_get_prices (dataset));

  /* Targets */
  input->n_targets = n_targets;
  input->targets = g_new0 (PledgeChartTarget, MAX (1, n_targets));
  for (guint i = 0; i < n_targets; i++)
    {
      const PledgeTarget *t = pledge_dataset_get_target (dataset, i);
      PledgeChartTarget *ct = &input->targets[i];

      ct->id = g_strdup (t->id);
      ct->name = g_strdup (t->name);
      ct->label = target_label (t);
      ct->metric = t->metric;
      ct->min = t->min;
      ct->from = t->from;
      ct->due = t->due;
      if (t->due > 0 && year < t->due)
        /* Translators: a target line's label: "3.5% of GDP by 2035" */
        ct->line_label = g_strdup_printf (_("%s by %d"), ct->label, t->due);
      else
        ct->line_label = g_strdup (ct->label);
    }
  input->gap_target = first_target_of (dataset, input->target, FALSE, FALSE);
  input->gdp_guide = first_target_of (dataset, input->target, FALSE, TRUE);
  input->equipment_guide = first_target_of (dataset, input->target, TRUE, FALSE);

  /* Years of the trend */
  if (pledge_snapshot_get_year_range (snapshot, &input->first_year, &input->last_year) &&
      input->last_year >= input->first_year)
    input->n_years = (guint) (input->last_year - input->first_year + 1);
  else
    input->first_year = input->last_year = 0;

  /* Members */
  input->n_members = pledge_dataset_get_n_members (dataset);
  input->members = g_new0 (PledgeChartMember, MAX (1, input->n_members));
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, i);
      const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, i, year);
      PledgeChartMember *m = &input->members[i];

      m->index = i;
      m->code = g_strdup (member->code);
      m->name = g_strdup (member->name != NULL && *member->name != '\0' ? member->name
                                                                        : member->code);
      m->in_year = pledge_member_is_member_in (member, year);
      m->status = pledge_figures_status (f);
      m->trend_colour = -1;
      m->defence = f && pledge_figures_has (f, PLEDGE_FIELD_DEFENCE)
                   ? f->values[PLEDGE_FIELD_DEFENCE] : NAN;
      m->base = f ? pledge_figures_base (f) : NAN;
      m->defence_gdp = f ? pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP) : NAN;
      m->total_gdp = f ? pledge_figures_metric (f, PLEDGE_METRIC_TOTAL_GDP) : NAN;
      m->equipment = f ? pledge_figures_metric (f, PLEDGE_METRIC_EQUIPMENT_DEFENCE) : NAN;
      m->alliance_share = m->in_year ? pledge_snapshot_get_alliance_share (snapshot, i, year) : NAN;

      if (n_targets > 0)
        {
          const PledgeChartTarget *t = &input->targets[input->target];

          m->value = metric_of (m, t->metric);
          m->meets = pledge_value_meets (m->value, t->min);
        }
      else
        {
          m->value = m->defence_gdp;
          m->meets = PLEDGE_MEETS_UNKNOWN;
        }
      m->meets_gdp_guide = input->gdp_guide >= 0
                           ? pledge_value_meets (m->defence_gdp,
                                                 input->targets[input->gdp_guide].min)
                           : PLEDGE_MEETS_UNKNOWN;
      m->meets_equipment_guide = input->equipment_guide >= 0
                                 ? pledge_value_meets (m->equipment,
                                                       input->targets[input->equipment_guide].min)
                                 : PLEDGE_MEETS_UNKNOWN;
      m->gap = input->gap_target >= 0 && f != NULL
               ? pledge_figures_gap (f, pledge_dataset_get_target (dataset, input->gap_target))
               : NAN;

      pledge_chart_input_fill_share_ends (input, snapshot, m);
      fill_reported (input, reported, m);

      if (!m->in_year)
        continue;

      if (m->reported_differs)
        input->any_reported_differs = TRUE;
      input->n_in_year++;
      if (isfinite (m->value))
        input->n_with_data++;
      if (m->meets == PLEDGE_MEETS_YES)
        input->n_meeting++;
      if (isfinite (m->gap))
        {
          input->total_gap += m->gap;
          if (m->gap > 0)
            input->n_short++;
        }
      if (f != NULL && (f->flags & PLEDGE_FIGURES_ESTIMATE))
        input->has_estimate = TRUE;
      if (f != NULL && (f->flags & (PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED)))
        input->has_scenario_figures = TRUE;
    }

  fill_total (input, snapshot);
  fill_total_reported (input, reported);
  choose_trend_members (input, dataset, trend_members);

  /* The series of what the trend draws as lines; the rest as a band when
   * they are too many to tell apart */
  {
    guint n_faint = 0;

    for (guint i = 0; i < input->n_members; i++)
      if (input->members[i].trend_colour < 0 && input->members[i].last_share_year != 0)
        n_faint++;
    input->has_faint_band = n_faint > PLEDGE_CHART_TREND_MAX_FAINT_LINES;
    for (guint i = 0; i < input->n_members; i++)
      if (!input->has_faint_band || input->members[i].trend_colour >= 0)
        pledge_chart_input_fill_series (input, snapshot, reported, &input->members[i]);
    if (input->has_faint_band)
      pledge_chart_input_fill_faint_band (input, snapshot);
  }
  pledge_chart_input_fill_measures (input, snapshot, reported);

  return g_steal_pointer (&input);
}

const PledgeChartTarget *
pledge_chart_input_get_target (const PledgeChartInput *input)
{
  if (input->n_targets == 0)
    return NULL;
  return &input->targets[input->target];
}

gboolean
pledge_chart_input_has_year_data (const PledgeChartInput *input)
{
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (m->in_year && (isfinite (m->defence_gdp) || isfinite (m->equipment) ||
                         isfinite (m->defence)))
        return TRUE;
    }
  return FALSE;
}

const PledgeChartMember *
pledge_chart_input_get_member (const PledgeChartInput *input,
                               int                     index)
{
  if (index >= 0 && (guint) index < input->n_members)
    return &input->members[index];
  if (index == (int) input->n_members)
    return &input->total;
  return NULL;
}

/* The subtitles, which are also the accessible descriptions. */

static char *
describe_compliance (const PledgeChartInput *input)
{
  const PledgeChartTarget *target = pledge_chart_input_get_target (input);

  if (target == NULL)
    /* Translators: %d is a year */
    return g_strdup_printf (_("The dataset has no targets to meet in %d"), input->year);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "1 of 28 members meets 2% of GDP in
                                        * 2016"; the third %s is a target's short label */
                                       "%u of %u members meets %s in %d",
                                       "%u of %u members meet %s in %d",
                                       input->n_meeting),
                          input->n_meeting, input->n_in_year, target->label, input->year);
}

static char *
describe_trend (const PledgeChartInput *input)
{
  int first = -1, last = -1;

  for (guint k = 0; k < input->n_years; k++)
    if (isfinite (input->total.series[k]))
      {
        if (first < 0)
          first = (int) k;
        last = (int) k;
      }

  if (first < 0)
    {
      /* No total for the alliance (a file of shares, with no money), but
       * the members' lines are drawn all the same */
      guint n = 0;

      for (guint i = 0; i < input->n_members; i++)
        {
          const PledgeChartMember *m = &input->members[i];
          int a = m->first_share_year - input->first_year;
          int b = m->last_share_year - input->first_year;

          if (m->last_share_year == 0)
            continue;
          if (first < 0 || a < first)
            first = a;
          last = MAX (last, b);
          n++;
        }
      if (n == 0)
        return g_strdup (_("No member has figures for any year"));
      if (first == last)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: "28 members have figures for
                                              * 2016" (shares only: no alliance total) */
                                             "%u member has figures for %d",
                                             "%u members have figures for %d", n),
                                n, input->first_year + first);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: "28 members have figures from 2014
                                            * to 2016" (shares only: no alliance total) */
                                           "%u member has figures from %d to %d",
                                           "%u members have figures from %d to %d", n),
                              n, input->first_year + first, input->first_year + last);
    }

  {
    g_autofree char *a = pledge_chart_format_percent (input->total.series[first], 2);
    g_autofree char *b = pledge_chart_format_percent (input->total.series[last], 2);

    if (input->total.series_flags[last] & PLEDGE_FIGURES_PROJECTED)
      {
        if (first == last)
          /* Translators: "The alliance would spend 3.10% of its GDP on defence in 2030" */
          return g_strdup_printf (_("The alliance would spend %s of its GDP on defence in %d"),
                                  b, input->first_year + last);
        /* Translators: "The alliance would spend 3.10% of its GDP on defence in
         * 2030, against 2.43% in 2014" */
        return g_strdup_printf (_("The alliance would spend %s of its GDP on defence in %d, "
                                  "against %s in %d"),
                                b, input->first_year + last, a, input->first_year + first);
      }
    if (first == last)
      /* Translators: "The alliance spent 2.43% of its GDP on defence in 2016" */
      return g_strdup_printf (_("The alliance spent %s of its GDP on defence in %d"),
                              b, input->first_year + last);
    /* Translators: "The alliance spent 2.71% of its GDP on defence in 2024,
     * 2.43% in 2014" */
    return g_strdup_printf (_("The alliance spent %s of its GDP on defence in %d, %s in %d"),
                            b, input->first_year + last, a, input->first_year + first);
  }
}

static char *
describe_equipment (const PledgeChartInput *input)
{
  guint both = 0;

  if (input->gdp_guide < 0 || input->equipment_guide < 0)
    /* Translators: %d is a year */
    return g_strdup_printf (_("Share of GDP on defence and share of defence on equipment in %d"),
                            input->year);

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (m->in_year && m->meets_gdp_guide == PLEDGE_MEETS_YES &&
          m->meets_equipment_guide == PLEDGE_MEETS_YES)
        both++;
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "9 of 28 members meet both 2% of GDP
                                        * and 20% of defence on equipment in 2016" */
                                       "%u of %u members meets both %s and %s in %d",
                                       "%u of %u members meet both %s and %s in %d",
                                       both),
                          both, input->n_in_year,
                          input->targets[input->gdp_guide].label,
                          input->targets[input->equipment_guide].label, input->year);
}

static char *
describe_burden (const PledgeChartInput *input)
{
  const PledgeChartMember *top = NULL;
  int usa = -1;
  g_autofree char *share = NULL;

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (!m->in_year || !isfinite (m->alliance_share))
        continue;
      if (strcmp (m->code, "USA") == 0)
        usa = (int) i;
      if (top == NULL || m->alliance_share > top->alliance_share)
        top = m;
    }
  if (usa >= 0)
    top = &input->members[usa];
  if (top == NULL)
    /* Translators: %d is a year */
    return g_strdup_printf (_("No member has defence figures for %d"), input->year);

  share = pledge_chart_format_percent (top->alliance_share, 2);
  /* Translators: "United States: 68.3% of the alliance's defence spending in 2016" */
  return g_strdup_printf (_("%s: %s of the alliance’s defence spending in %d"),
                          top->name, share, input->year);
}

static char *
describe_gap (const PledgeChartInput *input)
{
  const PledgeChartTarget *target;
  g_autofree char *money = NULL;

  if (input->gap_target < 0)
    return g_strdup (_("The dataset has no share-of-GDP target to measure a gap against"));

  target = &input->targets[input->gap_target];
  if (input->n_short == 0)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < input->n_members; i++)
        if (input->members[i].in_year && isfinite (input->members[i].gap))
          any = TRUE;
      if (!any)
        /* Translators: "No member has the figures to compute a gap to 2% of GDP in 2016" */
        return g_strdup_printf (_("No member has the figures to compute a gap to %s in %d"),
                                target->label, input->year);
      /* Translators: "Every member with figures meets 2% of GDP in 2016" */
      return g_strdup_printf (_("Every member with figures meets %s in %d"),
                              target->label, input->year);
    }

  money = pledge_chart_input_format_money (input, input->total_gap);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "1 member would have to add USD 1,234
                                        * million to reach 2% of GDP in 2016" */
                                       "%u member would have to add %s to reach %s in %d",
                                       "%u members would have to add %s in all to reach %s in %d",
                                       input->n_short),
                          input->n_short, money, target->label, input->year);
}

char *
pledge_chart_input_describe (const PledgeChartInput *input,
                             PledgeChartKind         kind)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);

  if (kind != PLEDGE_CHART_TREND && !pledge_chart_input_has_year_data (input))
    /* Translators: %d is a year */
    return g_strdup_printf (_("No data for %d"), input->year);

  switch (kind)
    {
    case PLEDGE_CHART_COMPLIANCE:
      return describe_compliance (input);
    case PLEDGE_CHART_TREND:
      return describe_trend (input);
    case PLEDGE_CHART_EQUIPMENT:
      return describe_equipment (input);
    case PLEDGE_CHART_BURDEN:
      return describe_burden (input);
    case PLEDGE_CHART_GAP:
      return describe_gap (input);
    case PLEDGE_CHART_REAL_CHANGE:
    case PLEDGE_CHART_PER_CAPITA:
    case PLEDGE_CHART_CATEGORIES:
      return pledge_chart_input_describe_measures (input, kind);
    case PLEDGE_CHART_REVISIONS:
      return pledge_revisions_chart_describe (input);
    case PLEDGE_CHART_MAP:
      return pledge_map_chart_describe (input);
    case PLEDGE_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
status_text (PledgeStatus status)
{
  switch (status)
    {
    case PLEDGE_STATUS_ESTIMATE:
      return _("Estimate");
    case PLEDGE_STATUS_PROJECTED:
      return _("Projected by the scenario");
    case PLEDGE_STATUS_EDITED:
      return _("Changed by the scenario");
    case PLEDGE_STATUS_NO_DATA:
    case PLEDGE_STATUS_REPORTED:
    default:
      return NULL;
    }
}

char *
pledge_chart_input_describe_member (const PledgeChartInput *input,
                                    int                     index)
{
  const PledgeChartMember *m;
  const PledgeChartTarget *target;
  g_autoptr(GString) s = NULL;
  gboolean is_total;

  g_return_val_if_fail (input != NULL, NULL);
  m = pledge_chart_input_get_member (input, index);
  g_return_val_if_fail (m != NULL, NULL);

  is_total = index == (int) input->n_members;
  s = g_string_new (NULL);
  if (is_total)
    g_string_append_printf (s, "%s, %d", m->name, input->year);
  else
    /* Translators: a tooltip's heading: "Germany (DEU), 2016" */
    g_string_append_printf (s, _("%s (%s), %d"), m->name, m->code, input->year);

  if (!m->in_year)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, _("Not a member that year"));
    }
  else if (m->status == PLEDGE_STATUS_NO_DATA && !is_total)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, _("No data"));
    }
  else
    {
      if (isfinite (m->defence_gdp) || isfinite (m->defence))
        {
          g_autofree char *share = pledge_chart_format_percent (m->defence_gdp, 2);
          g_autofree char *money = pledge_chart_input_format_money (input, m->defence);

          g_string_append_c (s, '\n');
          if (isfinite (m->defence_gdp) && isfinite (m->defence))
            /* Translators: "Defence: 1.19% of GDP, USD 41,590 million" */
            g_string_append_printf (s, _("Defence: %s of GDP, %s"), share, money);
          else if (isfinite (m->defence_gdp))
            g_string_append_printf (s, _("Defence: %s of GDP"), share);
          else
            g_string_append_printf (s, _("Defence: %s"), money);
        }
      if (isfinite (m->equipment))
        {
          g_autofree char *share = pledge_chart_format_percent (m->equipment, 2);

          g_string_append_c (s, '\n');
          /* Translators: "Equipment: 13.70% of defence spending" */
          g_string_append_printf (s, _("Equipment: %s of defence spending"), share);
        }
      if (input->has_reported &&
          (pledge_chart_values_differ (m->defence_gdp, m->reported_defence_gdp) ||
           pledge_chart_values_differ (m->defence, m->reported_defence)))
        {
          g_autofree char *share = pledge_chart_format_percent (m->reported_defence_gdp, 2);
          g_autofree char *money = pledge_chart_input_format_money (input, m->reported_defence);

          g_string_append_c (s, '\n');
          if (isfinite (m->reported_defence_gdp) && isfinite (m->reported_defence))
            /* Translators: in a tooltip of a scenario's chart, the figures the
             * member reported: "Reported: 1.20% of GDP, USD 41,607 million" */
            g_string_append_printf (s, _("Reported: %s of GDP, %s"), share, money);
          else if (isfinite (m->reported_defence_gdp))
            /* Translators: in a tooltip of a scenario's chart: "Reported: 1.20% of GDP" */
            g_string_append_printf (s, _("Reported: %s of GDP"), share);
          else
            /* Translators: in a tooltip of a scenario's chart: "Reported: USD 41,607
             * million" */
            g_string_append_printf (s, _("Reported: %s"), money);
        }
      if (input->has_reported && pledge_chart_values_differ (m->equipment, m->reported_equipment))
        {
          g_autofree char *share = pledge_chart_format_percent (m->reported_equipment, 2);

          g_string_append_c (s, '\n');
          /* Translators: in a tooltip of a scenario's chart: "Reported equipment:
           * 12.21% of defence spending" */
          g_string_append_printf (s, _("Reported equipment: %s of defence spending"), share);
        }
      if (!is_total && isfinite (m->alliance_share))
        {
          g_autofree char *share = pledge_chart_format_percent (m->alliance_share, 2);

          g_string_append_c (s, '\n');
          /* Translators: "Share of the alliance’s defence spending: 4.50%" */
          g_string_append_printf (s, _("Share of the alliance’s defence spending: %s"), share);
        }

      target = pledge_chart_input_get_target (input);
      if (target != NULL)
        {
          g_string_append_c (s, '\n');
          if (m->meets == PLEDGE_MEETS_YES)
            /* Translators: %s is a target's short label, "Meets 2% of GDP" */
            g_string_append_printf (s, _("Meets %s"), target->label);
          else if (m->meets == PLEDGE_MEETS_NO)
            /* Translators: %s is a target's short label, "Misses 2% of GDP" */
            g_string_append_printf (s, _("Misses %s"), target->label);
          else
            /* Translators: %s is a target's short label */
            g_string_append_printf (s, _("%s: cannot tell from the figures"), target->label);
        }
      if (input->gap_target >= 0 && isfinite (m->gap) && m->gap > 0)
        {
          g_autofree char *money = pledge_chart_input_format_money (input, m->gap);

          g_string_append_c (s, '\n');
          /* Translators: "USD 19,734 million more to reach 2% of GDP" */
          g_string_append_printf (s, _("%s more to reach %s"), money,
                                  input->targets[input->gap_target].label);
        }
      if (!is_total && status_text (m->status) != NULL)
        {
          g_string_append_c (s, '\n');
          g_string_append (s, status_text (m->status));
        }
    }

  pledge_chart_input_describe_member_measures (input, index, s);

  /* The trend in one line */
  if (m->last_share_year > m->first_share_year)
    {
      g_autofree char *a = pledge_chart_format_percent (m->first_share, 2);
      g_autofree char *b = pledge_chart_format_percent (m->last_share, 2);

      g_string_append_c (s, '\n');
      /* Translators: "Share of GDP: 1.19% in 2014, 2.12% in 2024" */
      g_string_append_printf (s, _("Share of GDP: %s in %d, %s in %d"),
                              a, m->first_share_year, b, m->last_share_year);
    }
  /* The revisions chart: what the newer edition changed */
  if (input->compare != NULL && !is_total)
    pledge_revisions_chart_describe_revision (input, index, s);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
pledge_chart_input_describe_member_year (const PledgeChartInput *input,
                                         int                     index,
                                         int                     year)
{
  const PledgeChartMember *m;
  g_autoptr(GString) s = NULL;
  PledgeStatus status = PLEDGE_STATUS_REPORTED;
  double value, reported;
  guint k;

  g_return_val_if_fail (input != NULL, NULL);
  m = pledge_chart_input_get_member (input, index);
  g_return_val_if_fail (m != NULL, NULL);

  if (year == input->year || input->n_years == 0 || year < input->first_year ||
      year > input->last_year || m->series == NULL)
    return pledge_chart_input_describe_member (input, index);

  k = (guint) (year - input->first_year);
  value = m->series[k];
  reported = m->reported_series != NULL ? m->reported_series[k] : NAN;
  s = g_string_new (NULL);
  if (index == (int) input->n_members)
    g_string_append_printf (s, "%s, %d", m->name, year);
  else
    g_string_append_printf (s, _("%s (%s), %d"), m->name, m->code, year);

  g_string_append_c (s, '\n');
  if (!isfinite (value))
    {
      g_string_append (s, _("No data"));
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  {
    g_autofree char *share = pledge_chart_format_percent (value, 2);

    g_string_append_printf (s, _("Defence: %s of GDP"), share);
  }
  if (input->has_reported && pledge_chart_values_differ (value, reported) && isfinite (reported))
    {
      g_autofree char *share = pledge_chart_format_percent (reported, 2);

      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Reported: %s of GDP"), share);
    }

  if (m->series_flags[k] & PLEDGE_FIGURES_PROJECTED)
    status = PLEDGE_STATUS_PROJECTED;
  else if (m->series_flags[k] & PLEDGE_FIGURES_EDITED)
    status = PLEDGE_STATUS_EDITED;
  else if (m->series_flags[k] & PLEDGE_FIGURES_ESTIMATE)
    status = PLEDGE_STATUS_ESTIMATE;
  if (status_text (status) != NULL)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, status_text (status));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
