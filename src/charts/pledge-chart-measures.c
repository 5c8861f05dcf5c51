/* pledge-chart-measures.c: the format v2 measures of a chart's input, and their words
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
#include "pledge-measures.h"

static char *
edition_label (PledgeDataset *dataset)
{
  const PledgeEdition *edition = pledge_dataset_get_edition (dataset);

  if (edition == NULL || edition->name == NULL || *edition->name == '\0')
    return NULL;
  return pledge_edition_describe_for_footer (edition);
}

/* 100 x (to / from - 1), as pledge_measures_cumulative_change() */
static double
change_of (double from,
           double to)
{
  double value = 100.0 * (to / from - 1.0);

  return isfinite (from) && from > 0 && isfinite (to) && isfinite (value) ? value : NAN;
}

/* The member's real change, change since the base year and per head in
 * one snapshot: three lookups of its figures, for the year, the year
 * before and the base year */
static void
member_measures (const PledgeChartInput *input,
                 PledgeMeasures         *measures,
                 guint                   i,
                 double                 *real_change,
                 double                 *cumulative,
                 double                 *per_capita,
                 PledgeMeasureFlags     *flags)
{
  PledgeSnapshot *snapshot = pledge_measures_get_snapshot (measures);
  int year = input->year;
  const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, i, year);
  PledgeMeasureFlags made = 0;

  *real_change = *cumulative = *per_capita = NAN;
  if (f == NULL)
    return;
  *real_change = pledge_measures_figures_real_change (measures, i, f,
                                                      pledge_snapshot_get_figures (snapshot, i,
                                                                                   year - 1),
                                                      flags);
  if (year > input->base_year)
    {
      const PledgeFigures *b = pledge_snapshot_get_figures (snapshot, i, input->base_year);

      *cumulative = change_of (pledge_measures_figures_constant (measures, i, b, &made),
                               pledge_measures_figures_constant (measures, i, f, &made));
      if (isfinite (*cumulative) && flags != NULL)
        *flags |= made;
    }
  *per_capita = pledge_measures_figures_per_capita (measures, i, f, flags);
}

static void
fill_member (PledgeChartInput  *input,
             PledgeMeasures    *measures,
             PledgeMeasures    *reported,
             PledgeChartMember *m)
{
  PledgeMeasureFlags flags = 0;
  const PledgeFigures *f = pledge_snapshot_get_figures (pledge_measures_get_snapshot (measures),
                                                        m->index, input->year);

  member_measures (input, measures, m->index, &m->real_change, &m->cumulative_change,
                   &m->per_capita, &flags);
  m->measure_flags = flags;
  for (PledgeCategory c = 0; c < PLEDGE_N_CATEGORIES; c++)
    m->categories[c] = pledge_figures_category (f, c);

  m->reported_real_change = m->reported_cumulative_change = m->reported_per_capita = NAN;
  if (reported != NULL)
    member_measures (input, reported, m->index, &m->reported_real_change,
                     &m->reported_cumulative_change, &m->reported_per_capita, NULL);
  if (m->in_year)
    input->measure_flags |= flags;
}

static void
fill_aggregate (PledgeChartInput *input,
                PledgeMeasures   *measures,
                PledgeMeasures   *reported,
                PledgeAggregate   aggregate,
                double           *real_change,
                double           *cumulative,
                guint            *measure_flags,
                double           *reported_real_change,
                double           *reported_cumulative)
{
  PledgeMeasureFlags flags = 0;
  int year = input->year;

  *real_change = pledge_measures_aggregate_change (measures, aggregate, year - 1, year, NULL,
                                                   &flags);
  *cumulative = year > input->base_year
                ? pledge_measures_aggregate_change (measures, aggregate, input->base_year, year,
                                                    NULL, &flags)
                : NAN;
  *measure_flags = flags;
  input->measure_flags |= flags;
  *reported_real_change = *reported_cumulative = NAN;
  if (reported != NULL)
    {
      *reported_real_change = pledge_measures_aggregate_change (reported, aggregate, year - 1,
                                                                year, NULL, NULL);
      *reported_cumulative = year > input->base_year
                             ? pledge_measures_aggregate_change (reported, aggregate,
                                                                 input->base_year, year, NULL,
                                                                 NULL)
                             : NAN;
    }
}

static gboolean
has_year_figures (const PledgeChartInput *input,
                  PledgeSnapshot         *snapshot)
{
  PledgeDataset *dataset;

  if (snapshot == NULL)
    return FALSE;
  dataset = pledge_snapshot_get_dataset (snapshot);
  if (pledge_dataset_get_constant_year (dataset) != 0)
    return TRUE;
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, i, input->year);

      if (f != NULL && f->extra_present != 0)
        return TRUE;
    }
  return FALSE;
}

static void
clear_member (PledgeChartMember *m)
{
  m->real_change = m->cumulative_change = m->per_capita = NAN;
  m->reported_real_change = m->reported_cumulative_change = m->reported_per_capita = NAN;
  m->measure_flags = 0;
  for (PledgeCategory c = 0; c < PLEDGE_N_CATEGORIES; c++)
    m->categories[c] = NAN;
}

static void
clear_measures (PledgeChartInput *input)
{
  PledgeChartAggregate *e = &input->europe_canada;

  for (guint i = 0; i < input->n_members; i++)
    clear_member (&input->members[i]);
  clear_member (&input->total);
  e->name = g_strdup (_("Europe and Canada"));
  e->real_change = e->cumulative_change = NAN;
  e->reported_real_change = e->reported_cumulative_change = NAN;
  e->measure_flags = 0;
}

void
pledge_chart_input_fill_measures (PledgeChartInput *input,
                                  PledgeSnapshot   *snapshot,
                                  PledgeSnapshot   *reported)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  g_autoptr(PledgeMeasures) measures = pledge_measures_new (snapshot);
  g_autoptr(PledgeMeasures) reported_measures = reported ? pledge_measures_new (reported) : NULL;
  PledgeChartMember *t = &input->total;
  PledgeChartAggregate *e = &input->europe_canada;
  PledgeMeasureFlags flags = 0;

  input->edition = edition_label (dataset);
  input->constant_year = pledge_dataset_get_constant_year (dataset);
  input->base_year = PLEDGE_MEASURES_BASE_YEAR;

  /* Without a price base there are no constant figures, so every measure
   * needs a version 2 figure of the year itself: where no member has one
   * (any version 1 dataset) all are unknown, at the cost of a lookup a
   * member rather than the measures' dozen */
  if (!has_year_figures (input, snapshot) && !has_year_figures (input, reported))
    {
      clear_measures (input);
      return;
    }

  for (guint i = 0; i < input->n_members; i++)
    fill_member (input, measures, reported_measures, &input->members[i]);

  fill_aggregate (input, measures, reported_measures, PLEDGE_AGGREGATE_ALLIANCE,
                  &t->real_change, &t->cumulative_change, &t->measure_flags,
                  &t->reported_real_change, &t->reported_cumulative_change);
  t->per_capita = pledge_measures_aggregate_per_capita (measures, PLEDGE_AGGREGATE_ALLIANCE,
                                                        input->year, NULL, &flags);
  t->measure_flags |= flags;
  input->measure_flags |= flags;
  t->reported_per_capita = reported_measures != NULL
                           ? pledge_measures_aggregate_per_capita (reported_measures,
                                                                   PLEDGE_AGGREGATE_ALLIANCE,
                                                                   input->year, NULL, NULL)
                           : NAN;
  for (PledgeCategory c = 0; c < PLEDGE_N_CATEGORIES; c++)
    t->categories[c] = NAN;

  /* Translators: NATO's aggregate of every member but the United States */
  e->name = g_strdup (_("Europe and Canada"));
  fill_aggregate (input, measures, reported_measures, PLEDGE_AGGREGATE_EUROPE_CANADA,
                  &e->real_change, &e->cumulative_change, &e->measure_flags,
                  &e->reported_real_change, &e->reported_cumulative_change);
}

char *
pledge_chart_format_change (double value)
{
  g_autofree char *text = pledge_chart_format_percent (value, 1);

  if (isfinite (value) && value >= 0.05)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

char *
pledge_chart_input_format_per_capita (const PledgeChartInput *input,
                                      double                  value)
{
  g_autofree char *number = pledge_chart_format_grouped (value, 0);

  if (input->currency == NULL || *input->currency == '\0')
    return g_steal_pointer (&number);
  /* Translators: money a head: "USD 1,234" */
  return g_strdup_printf (_("%s %s"), input->currency, number);
}

char *
pledge_chart_input_price_note (const PledgeChartInput *input,
                               PledgeChartKind         kind)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (kind == PLEDGE_CHART_CATEGORIES)
    g_string_append (s, _("Shares of defence spending as published, not forced to sum to 100%"));
  else if (input->constant_year > 0)
    /* Translators: a chart's footer: the price base of its figures */
    g_string_append_printf (s, _("Constant %d prices and exchange rates"), input->constant_year);
  else
    g_string_append (s, _("Constant prices"));

  if (kind == PLEDGE_CHART_PER_CAPITA && (input->measure_flags & PLEDGE_MEASURE_CURRENT_PRICES))
    {
      g_string_append (s, " · ");
      g_string_append (s, _("* at current prices: no constant figure"));
    }
  if (kind != PLEDGE_CHART_CATEGORIES && (input->measure_flags & PLEDGE_MEASURE_PROJECTED))
    {
      g_string_append (s, " · ");
      g_string_append (s, _("Projected years at the prices of the last reported year"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
pledge_chart_input_has_measure (const PledgeChartInput *input,
                                PledgeChartKind         kind)
{
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (!m->in_year)
        continue;
      if ((kind == PLEDGE_CHART_REAL_CHANGE &&
           (isfinite (m->real_change) || isfinite (m->cumulative_change))) ||
          (kind == PLEDGE_CHART_PER_CAPITA && isfinite (m->per_capita)))
        return TRUE;
      if (kind == PLEDGE_CHART_CATEGORIES)
        for (PledgeCategory c = PLEDGE_CATEGORY_PERSONNEL; c < PLEDGE_N_CATEGORIES; c++)
          if (isfinite (m->categories[c]))
            return TRUE;
    }
  return FALSE;
}

char *
pledge_chart_input_no_measure (const PledgeChartInput *input,
                               PledgeChartKind         kind)
{
  switch (kind)
    {
    case PLEDGE_CHART_REAL_CHANGE:
      /* Translators: %d is a year */
      return g_strdup_printf (_("No figures at constant prices for %d: the dataset "
                                "needs defence-constant or real-change"), input->year);
    case PLEDGE_CHART_PER_CAPITA:
      return g_strdup_printf (_("No population figures for %d: the dataset needs population"),
                              input->year);
    case PLEDGE_CHART_CATEGORIES:
    default:
      return g_strdup_printf (_("No spending categories for %d: the dataset does not break "
                                "defence spending down"), input->year);
    }
}

char *
pledge_chart_input_describe_measures (const PledgeChartInput *input,
                                      PledgeChartKind         kind)
{
  const PledgeChartMember *t = &input->total;

  if (!pledge_chart_input_has_measure (input, kind))
    return pledge_chart_input_no_measure (input, kind);

  switch (kind)
    {
    case PLEDGE_CHART_REAL_CHANGE:
      if (isfinite (t->real_change) && isfinite (t->cumulative_change))
        {
          g_autofree char *a = pledge_chart_format_change (t->real_change);
          g_autofree char *b = pledge_chart_format_change (t->cumulative_change);

          /* Translators: "The alliance’s defence spending: +3.2% in real terms
           * in 2024, +45.1% since 2014" */
          return g_strdup_printf (_("The alliance’s defence spending: %s in real terms in %d, "
                                    "%s since %d"), a, input->year, b, input->base_year);
        }
      if (isfinite (t->real_change))
        {
          g_autofree char *a = pledge_chart_format_change (t->real_change);

          return g_strdup_printf (_("The alliance’s defence spending: %s in real terms in %d"),
                                  a, input->year);
        }
      return g_strdup_printf (_("Real change of defence spending in %d"), input->year);

    case PLEDGE_CHART_PER_CAPITA:
      if (isfinite (t->per_capita))
        {
          g_autofree char *money = pledge_chart_input_format_per_capita (input, t->per_capita);

          /* Translators: "Alliance average: USD 1,234 a head in 2024" */
          return g_strdup_printf (_("Alliance average: %s a head in %d"), money, input->year);
        }
      return g_strdup_printf (_("Defence spending per head in %d"), input->year);

    case PLEDGE_CHART_CATEGORIES:
    default:
      {
        guint n = 0, known = 0;
        double guide = input->equipment_guide >= 0 ? input->targets[input->equipment_guide].min
                                                   : 20.0;
        g_autofree char *share = pledge_chart_format_percent (guide, 0);

        for (guint i = 0; i < input->n_members; i++)
          {
            const PledgeChartMember *m = &input->members[i];

            if (!m->in_year || !isfinite (m->categories[PLEDGE_CATEGORY_EQUIPMENT]))
              continue;
            known++;
            if (pledge_value_meets (m->categories[PLEDGE_CATEGORY_EQUIPMENT], guide) ==
                PLEDGE_MEETS_YES)
              n++;
          }
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: "5 of 28 members spend 20% or
                                              * more of defence on equipment in 2024" */
                                             "%u of %u member spends %s or more of defence on "
                                             "equipment in %d",
                                             "%u of %u members spend %s or more of defence on "
                                             "equipment in %d", known),
                                n, known, share, input->year);
      }
    }
}

void
pledge_chart_input_describe_member_measures (const PledgeChartInput *input,
                                             int                     index,
                                             GString                *s)
{
  const PledgeChartMember *m = pledge_chart_input_get_member (input, index);
  static const char *names[PLEDGE_N_CATEGORIES] = {
    N_("equipment"), N_("personnel"), N_("infrastructure"), N_("other"),
  };
  gboolean any_category = FALSE;

  if (m == NULL || !m->in_year)
    return;
  if (isfinite (m->real_change))
    {
      g_autofree char *change = pledge_chart_format_change (m->real_change);

      g_string_append_c (s, '\n');
      /* Translators: a tooltip: "Real change: +3.2% on 2023" */
      g_string_append_printf (s, _("Real change: %s on %d"), change, input->year - 1);
    }
  if (isfinite (m->cumulative_change))
    {
      g_autofree char *change = pledge_chart_format_change (m->cumulative_change);

      g_string_append_c (s, '\n');
      /* Translators: a tooltip: "Real change since 2014: +45.1%" */
      g_string_append_printf (s, _("Real change since %d: %s"), input->base_year, change);
    }
  if (isfinite (m->per_capita))
    {
      g_autofree char *money = pledge_chart_input_format_per_capita (input, m->per_capita);

      g_string_append_c (s, '\n');
      if (m->measure_flags & PLEDGE_MEASURE_CURRENT_PRICES)
        /* Translators: a tooltip: "Per head: USD 1,234 at current prices" */
        g_string_append_printf (s, _("Per head: %s at current prices"), money);
      else if (input->constant_year > 0)
        /* Translators: a tooltip: "Per head: USD 1,234 at 2021 prices" */
        g_string_append_printf (s, _("Per head: %s at %d prices"), money, input->constant_year);
      else
        g_string_append_printf (s, _("Per head: %s at constant prices"), money);
    }
  for (PledgeCategory c = PLEDGE_CATEGORY_PERSONNEL; c < PLEDGE_N_CATEGORIES; c++)
    {
      g_autofree char *share = NULL;

      if (!isfinite (m->categories[c]))
        continue;
      share = pledge_chart_format_percent (m->categories[c], 1);
      if (any_category)
        g_string_append (s, ", ");
      else
        {
          g_string_append_c (s, '\n');
          /* Translators: a tooltip: "Spending: personnel 50.0%, infrastructure 5.0%" */
          g_string_append (s, _("Spending: "));
        }
      g_string_append_printf (s, "%s %s", _(names[c]), share);
      any_category = TRUE;
    }
  if (m->measure_flags & PLEDGE_MEASURE_PROJECTED)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, _("At the prices of the last reported year"));
    }
}
