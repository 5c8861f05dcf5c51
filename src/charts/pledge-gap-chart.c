/* pledge-gap-chart.c: the money each member would have to add to meet a target
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-bars.h"
#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

char *
pledge_gap_chart_title (const PledgeChartInput *input)
{
  if (input->gap_target < 0)
    /* Translators: a chart's title; %d is a year */
    return g_strdup_printf (_("Spending gap to the target, %d"), input->year);
  /* Translators: a chart's title; %s is a target's short label, %d a year:
   * "Spending gap to 2% of GDP, 2016" */
  return g_strdup_printf (_("Spending gap to %s, %d"),
                          input->targets[input->gap_target].label, input->year);
}

typedef enum
{
  GROUP_SHORT,
  GROUP_MET,
  GROUP_UNKNOWN,
} Group;

static Group
group_of (const PledgeChartMember *m)
{
  if (!isfinite (m->gap))
    return GROUP_UNKNOWN;
  return m->gap > 0 ? GROUP_SHORT : GROUP_MET;
}

/* A member's reported gap behind its row, where a scenario changed it: a
 * ghost bar of the money the member was short, also when the scenario
 * meets the target. */
static gboolean
has_ghost (const PledgeChartInput  *input,
           const PledgeChartMember *m)
{
  return input->has_reported && isfinite (m->reported_gap) && m->reported_gap > 0 &&
         pledge_chart_values_differ (m->gap, m->reported_gap);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const PledgeChartInput *input = user_data;
  const PledgeChartMember *ma = &input->members[*(const int *) a];
  const PledgeChartMember *mb = &input->members[*(const int *) b];
  Group ga = group_of (ma), gb = group_of (mb);

  if (ga != gb)
    return ga < gb ? -1 : 1;
  if (ga == GROUP_SHORT && ma->gap != mb->gap)
    return ma->gap > mb->gap ? -1 : 1;
  if (ga == GROUP_MET && ma->value != mb->value && isfinite (ma->value) && isfinite (mb->value))
    return ma->value > mb->value ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

/* The members order[from..to-1], folded into row: when one of them has a
 * ghost, the row has the group's reported gap as its ghost */
static void
folded_ghost (const PledgeChartInput *input,
              const int              *order,
              guint                   from,
              guint                   to,
              PledgeRow              *row,
              double                 *max_value)
{
  double reported = 0;
  gboolean ghosted = FALSE;

  for (guint k = from; k < to; k++)
    {
      const PledgeChartMember *m = &input->members[order[k]];

      reported += isfinite (m->reported_gap) ? m->reported_gap : MAX (0.0, m->gap);
      ghosted = ghosted || has_ghost (input, m);
    }
  if (!ghosted || !(reported > 0))
    return;
  row->has_ghost = TRUE;
  row->ghost = reported;
  *max_value = MAX (*max_value, reported);
}

static gboolean
gap_layout (PledgeChart *c,
            PledgeBars  *bars)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  g_autofree char *title = pledge_gap_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_GAP);
  g_autofree char *short_label = NULL, *meets_text = NULL;
  g_autofree int *order = g_new (int, MAX (1, input->n_members));
  g_auto(PledgeLegend) legend = { 0 };
  PledgeChartColour bar_colour;
  const PledgeChartTarget *target;
  guint n = 0, counts[3] = { 0, 0, 0 }, capacity, rows, shown_short;
  gboolean any_estimate = FALSE, any_scenario = FALSE, any_ghost = FALSE;
  double max_value = 0;
  int decimals;

  bar_colour = pledge_chart_mix (&style->target, &style->background, style->dark ? 0.15 : 0.1);

  if (input->gap_target < 0 || !pledge_chart_input_has_year_data (input))
    {
      g_autofree char *message = NULL;

      if (input->gap_target < 0)
        message = g_strdup (_("The dataset has no share-of-GDP target to measure a gap against"));
      else
        message = g_strdup_printf (_("No data for %d"), input->year);
      pledge_chart_frame (c, title, subtitle, NULL, NULL);
      pledge_chart_message (c, message);
      return FALSE;
    }
  target = &input->targets[input->gap_target];

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (!m->in_year)
        continue;
      order[n++] = (int) i;
      counts[group_of (m)]++;
      if (group_of (m) == GROUP_SHORT)
        {
          any_estimate |= pledge_bars_hatch_of (m) == 1;
          any_scenario |= pledge_bars_hatch_of (m) == 2;
        }
    }
  pledge_chart_sort (order, n, sizeof (int), compare_gaps, (gpointer) input);

  /* Translators: a legend entry; %s is a target's short label */
  short_label = g_strdup_printf (_("Money to add to reach %s"), target->label);
  /* Translators: in a row of the gap chart; %s is a target's short label */
  meets_text = g_strdup_printf (_("meets %s"), target->label);
  if (counts[GROUP_SHORT] > 0)
    pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &bar_colour, short_label);
  for (guint k = 0; k < n && !any_ghost; k++)
    any_ghost = has_ghost (input, &input->members[order[k]]);
  pledge_legend_add_marks (&legend, style, &bar_colour,
                           (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                           (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0) |
                           (any_ghost ? PLEDGE_LEGEND_REPORTED : 0));
  pledge_chart_frame (c, title, subtitle, &legend, NULL);

  if (counts[GROUP_SHORT] + counts[GROUP_MET] == 0)
    {
      /* Figures, but not those the target needs: the subtitle says so. */
      g_autofree char *message = g_strdup_printf (_("No member has the figures to compute a gap "
                                                    "to %s in %d"),
                                                  target->label, input->year);

      pledge_chart_message (c, message);
      return FALSE;
    }

  /* One row a member where there is room; else the largest gaps, then one
   * row for the other members below, one for those that meet, one for
   * those without data. */
  capacity = pledge_bars_capacity (c, TRUE);
  rows = n;
  shown_short = counts[GROUP_SHORT];
  if (n > capacity)
    {
      guint groups = (counts[GROUP_MET] > 0) + (counts[GROUP_UNKNOWN] > 0);
      guint room = capacity > groups ? capacity - groups : 1;

      /* room >= 1; with room - 1 shown, the rest take the last row */

      shown_short = counts[GROUP_SHORT] <= room ? counts[GROUP_SHORT] : room - 1;
      rows = shown_short + (shown_short < counts[GROUP_SHORT]) + groups;
    }

  /* One number of decimals for the whole column, the largest value's */
  {
    double largest = 0, rest = 0;

    for (guint k = 0; k < counts[GROUP_SHORT]; k++)
      {
        if (k < shown_short)
          largest = MAX (largest, input->members[order[k]].gap);
        else
          rest += input->members[order[k]].gap;
      }
    decimals = pledge_chart_money_decimals (MAX (largest, rest));
  }

  bars->rows = g_new0 (PledgeRow, rows + 3);
  for (guint k = 0; k < n; k++)
    {
      const PledgeChartMember *m = &input->members[order[k]];
      Group g = group_of (m);
      PledgeRow *row;

      if (n > capacity && (g != GROUP_SHORT || k >= shown_short))
        break;
      switch (g)
        {
        case GROUP_SHORT:
          row = pledge_bars_add_member (bars, input, style, order[k], m->gap,
                                        pledge_chart_format_grouped (m->gap, decimals),
                                        &bar_colour);
          max_value = MAX (max_value, m->gap);
          break;
        case GROUP_MET:
          row = pledge_bars_add_text (bars, order[k], g_strdup (m->name),
                                      g_strdup_printf ("✓ %s", meets_text), &style->meets);
          break;
        case GROUP_UNKNOWN:
        default:
          row = pledge_bars_add_text (bars, order[k], g_strdup (m->name),
                                      g_strdup (_("no data")), &style->muted);
          break;
        }
      if (has_ghost (input, m) && g != GROUP_UNKNOWN)
        {
          row->has_ghost = TRUE;
          row->ghost = m->reported_gap;
          max_value = MAX (max_value, row->ghost);
        }
    }

  if (n > capacity)
    {
      if (shown_short < counts[GROUP_SHORT])
        {
          double rest = 0;
          PledgeRow *row;

          for (guint k = shown_short; k < counts[GROUP_SHORT]; k++)
            rest += input->members[order[k]].gap;
          row = pledge_bars_add_rest (bars, style, counts[GROUP_SHORT] - shown_short, rest,
                                      pledge_chart_format_grouped (rest, decimals));
          max_value = MAX (max_value, rest);
          folded_ghost (input, order, shown_short, counts[GROUP_SHORT], row, &max_value);
        }
      for (Group g = GROUP_MET; g <= GROUP_UNKNOWN; g++)
        if (counts[g] > 0)
          {
            guint first = counts[GROUP_SHORT] + (g == GROUP_MET ? 0 : counts[GROUP_MET]);
            PledgeRow *row;

            row = pledge_bars_add_text (bars, -1,
                                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                      "%u member",
                                                                      "%u members", counts[g]),
                                                         counts[g]),
                                        g == GROUP_MET ? g_strdup_printf ("✓ %s", meets_text)
                                                       : g_strdup (_("no data")),
                                        g == GROUP_MET ? &style->meets : &style->muted);
            if (g == GROUP_MET)
              folded_ghost (input, order, first, first + counts[g], row, &max_value);
          }
    }

  bars->money = TRUE;
  bars->axis_title = input->units;
  return pledge_bars_layout (c, bars, max_value);
}

void
pledge_gap_chart_draw (cairo_t                *cr,
                       double                  width,
                       double                  height,
                       const PledgeChartStyle *style,
                       const PledgeChartInput *input)
{
  pledge_bars_chart_draw (PLEDGE_CHART_GAP, gap_layout, cr, width, height, style, input);
}

int
pledge_gap_chart_hit_test (double                  width,
                           double                  height,
                           const PledgeChartStyle *style,
                           const PledgeChartInput *input,
                           double                  x,
                           double                  y)
{
  return pledge_bars_chart_hit_test (PLEDGE_CHART_GAP, gap_layout, width, height, style,
                                     input, x, y);
}

void
pledge_gap_chart_locate (double                  width,
                         double                  height,
                         const PledgeChartStyle *style,
                         const PledgeChartInput *input,
                         GArray                 *elements)
{
  pledge_bars_chart_locate (PLEDGE_CHART_GAP, gap_layout, width, height, style, input, elements);
}
