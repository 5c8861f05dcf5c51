/* pledge-burden-chart.c: each member's share of the alliance's defence spending
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
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

char *
pledge_burden_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Shares of the alliance’s defence spending, %d"), input->year);
}

static int
compare_shares (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const PledgeChartInput *input = user_data;
  const PledgeChartMember *ma = &input->members[*(const int *) a];
  const PledgeChartMember *mb = &input->members[*(const int *) b];

  if (ma->alliance_share != mb->alliance_share)
    return ma->alliance_share > mb->alliance_share ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

static const PledgeChartColour *
meets_colour (PledgeChart *c,
              PledgeMeets  meets)
{
  switch (meets)
    {
    case PLEDGE_MEETS_YES:
      return &c->style->meets;
    case PLEDGE_MEETS_NO:
      return &c->style->misses;
    case PLEDGE_MEETS_UNKNOWN:
    default:
      return &c->style->unknown;
    }
}

/* A member's reported share behind its bar, where a scenario changed its own
 * spending: not the small shifts of every share that follow from the
 * others' changes. */
static gboolean
has_ghost (const PledgeChartInput  *input,
           const PledgeChartMember *m)
{
  return input->has_reported &&
         pledge_chart_values_differ (m->defence, m->reported_defence) &&
         pledge_chart_values_differ (m->alliance_share, m->reported_alliance_share);
}

static gboolean
burden_layout (PledgeChart *c,
               PledgeBars  *bars)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  const PledgeChartTarget *target = pledge_chart_input_get_target (input);
  g_autofree char *title = pledge_burden_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_BURDEN);
  g_autofree char *note = NULL, *total = NULL;
  g_autofree int *order = g_new (int, MAX (1, input->n_members));
  g_autoptr(GString) missing = g_string_new (NULL);
  g_auto(PledgeLegend) legend = { 0 };
  gboolean any_estimate = FALSE, any_scenario = FALSE, any_unknown = FALSE, any_ghost = FALSE;
  guint n = 0, n_missing = 0, capacity, shown;
  double max_value = 0;

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (!m->in_year)
        continue;
      if (!isfinite (m->alliance_share))
        {
          pledge_chart_list_add (missing, &n_missing, PLEDGE_LIST_MAX_NAMES, ", ", m->name);
          continue;
        }
      order[n++] = (int) i;
      any_estimate |= pledge_bars_hatch_of (m) == 1;
      any_scenario |= pledge_bars_hatch_of (m) == 2;
      any_unknown |= m->meets == PLEDGE_MEETS_UNKNOWN;
    }
  pledge_chart_sort (order, n, sizeof (int), compare_shares, (gpointer) input);
  pledge_chart_list_finish (missing, n_missing, PLEDGE_LIST_MAX_NAMES);

  if (n > 0)
    {
      for (guint k = 0; k < n && !any_ghost; k++)
        any_ghost = has_ghost (input, &input->members[order[k]]);
      pledge_legend_add_meets (&legend, style, target, any_unknown);
      pledge_legend_add_marks (&legend, style, &style->misses,
                               (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                               (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0) |
                               (any_ghost ? PLEDGE_LEGEND_REPORTED : 0));

      total = pledge_chart_input_format_money (input, input->total.defence);
      if (n_missing > 0)
        note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: a chart's footnote; the first %s is
                                              * money, the second a list of names */
                                             "Alliance total: %s. No defence figures: %s.",
                                             "Alliance total: %s. No defence figures: %s.",
                                             n_missing),
                                total, missing->str);
      else
        /* Translators: a chart's footnote; %s is money */
        note = g_strdup_printf (_("Alliance total: %s."), total);
    }
  pledge_chart_frame (c, title, subtitle, &legend, note);

  if (n == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No data for %d"), input->year);

      pledge_chart_message (c, message);
      return FALSE;
    }

  /* Every member if there is room, else the largest and one row for the rest. */
  capacity = pledge_bars_capacity (c, FALSE);
  shown = n <= capacity ? n : capacity - 1;
  bars->rows = g_new0 (PledgeRow, shown + 1);
  for (guint k = 0; k < shown; k++)
    {
      const PledgeChartMember *m = &input->members[order[k]];
      PledgeRow *row = pledge_bars_add_member (bars, input, style, order[k], m->alliance_share,
                                               pledge_chart_format_percent (m->alliance_share, 2),
                                               meets_colour (c, m->meets));

      max_value = MAX (max_value, m->alliance_share);
      if (has_ghost (input, m))
        {
          row->has_ghost = TRUE;
          row->ghost = m->reported_alliance_share;
          max_value = MAX (max_value, row->ghost);
        }
    }
  if (shown < n)
    {
      double rest = 0, reported = 0;
      gboolean ghosted = FALSE;
      PledgeRow *row;

      for (guint k = shown; k < n; k++)
        {
          const PledgeChartMember *m = &input->members[order[k]];

          rest += m->alliance_share;
          reported += isfinite (m->reported_alliance_share) ? m->reported_alliance_share
                                                            : m->alliance_share;
          ghosted = ghosted || has_ghost (input, m);
        }
      row = pledge_bars_add_rest (bars, style, n - shown, rest,
                                  pledge_chart_format_percent (rest, 2));
      max_value = MAX (max_value, rest);
      /* A ghosted member folded in keeps its ghost: the group's reported share */
      if (ghosted)
        {
          row->has_ghost = TRUE;
          row->ghost = reported;
          max_value = MAX (max_value, reported);
        }
    }
  bars->money = FALSE;
  return pledge_bars_layout (c, bars, max_value);
}

void
pledge_burden_chart_draw (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const PledgeChartStyle *style,
                          const PledgeChartInput *input)
{
  pledge_bars_chart_draw (PLEDGE_CHART_BURDEN, burden_layout, cr, width, height, style, input);
}

int
pledge_burden_chart_hit_test (double                  width,
                              double                  height,
                              const PledgeChartStyle *style,
                              const PledgeChartInput *input,
                              double                  x,
                              double                  y)
{
  return pledge_bars_chart_hit_test (PLEDGE_CHART_BURDEN, burden_layout, width, height, style,
                                     input, x, y);
}

void
pledge_burden_chart_locate (double                  width,
                            double                  height,
                            const PledgeChartStyle *style,
                            const PledgeChartInput *input,
                            GArray                 *elements)
{
  pledge_bars_chart_locate (PLEDGE_CHART_BURDEN, burden_layout, width, height, style, input, elements);
}
