/* pledge-per-capita-chart.c: defence spending per head at constant prices
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
#include "pledge-measures.h"

char *
pledge_per_capita_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Defence spending per head, %d"), input->year);
}

static int
compare_per_capita (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const PledgeChartInput *input = user_data;
  const PledgeChartMember *ma = &input->members[*(const int *) a];
  const PledgeChartMember *mb = &input->members[*(const int *) b];
  gboolean ka = isfinite (ma->per_capita), kb = isfinite (mb->per_capita);

  if (ka != kb)
    return ka ? -1 : 1;
  if (ka && ma->per_capita != mb->per_capita)
    return ma->per_capita > mb->per_capita ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

static char *
value_text (const PledgeChartInput  *input,
            const PledgeChartMember *m)
{
  g_autofree char *money = pledge_chart_input_format_per_capita (input, m->per_capita);

  /* A star: at current prices, as the footer says */
  if (m->measure_flags & PLEDGE_MEASURE_CURRENT_PRICES)
    return g_strconcat (money, "*", NULL);
  return g_steal_pointer (&money);
}

static void
add_ghost (const PledgeChartInput  *input,
           const PledgeChartMember *m,
           PledgeRow               *row,
           double                  *max_value)
{
  if (!input->has_reported || !isfinite (m->reported_per_capita) ||
      !pledge_chart_values_differ (m->per_capita, m->reported_per_capita))
    return;
  row->has_ghost = TRUE;
  row->ghost = m->reported_per_capita;
  *max_value = MAX (*max_value, row->ghost);
}

static gboolean
per_capita_layout (PledgeChart *c,
                   PledgeBars  *bars)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  g_autofree char *title = pledge_per_capita_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_PER_CAPITA);
  g_autofree char *note = pledge_chart_input_price_note (input, PLEDGE_CHART_PER_CAPITA);
  g_autofree int *order = g_new (int, MAX (1, input->n_members));
  g_auto(PledgeLegend) legend = { 0 };
  const PledgeChartMember *t = &input->total;
  guint n = 0, known = 0, capacity, shown;
  gboolean any_estimate = FALSE, any_scenario = FALSE, any_ghost = FALSE;
  double max_value = 0;

  if (!pledge_chart_input_has_year_data (input) ||
      !pledge_chart_input_has_measure (input, PLEDGE_CHART_PER_CAPITA))
    {
      g_autofree char *message = pledge_chart_input_no_measure (input, PLEDGE_CHART_PER_CAPITA);

      /* No price base to state without the figures */
      pledge_chart_frame (c, title, subtitle, NULL, NULL);
      pledge_chart_message (c, message);
      return FALSE;
    }

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (!m->in_year)
        continue;
      order[n++] = (int) i;
      if (!isfinite (m->per_capita))
        continue;
      known++;
      any_estimate |= pledge_bars_hatch_of (m) == 1;
      any_scenario |= pledge_bars_hatch_of (m) == 2;
      any_ghost |= input->has_reported && isfinite (m->reported_per_capita) &&
                   pledge_chart_values_differ (m->per_capita, m->reported_per_capita);
    }
  pledge_chart_sort (order, n, sizeof (int), compare_per_capita, (gpointer) input);

  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &style->meets, _("Defence spending per head"));
  if (isfinite (t->per_capita))
    pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &style->foreground, _("Alliance average"));
  pledge_legend_add_marks (&legend, style, &style->meets,
                           (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                           (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0) |
                           (any_ghost ? PLEDGE_LEGEND_REPORTED : 0));
  pledge_chart_frame (c, title, subtitle, &legend, note);

  /* The average first, then the members from the most per head; where
   * they do not fit, the first ones and a row for the rest. */
  capacity = pledge_bars_capacity (c, TRUE);
  shown = known;
  if (1 + known + (n > known) > capacity)
    shown = capacity > 3 ? capacity - 3 : 0;

  bars->rows = g_new0 (PledgeRow, known + 4);
  if (isfinite (t->per_capita))
    {
      PledgeRow *row = &bars->rows[bars->n_rows++];

      row->kind = PLEDGE_ROW_BAR;
      row->member = PLEDGE_CHART_TOTAL_INDEX (input);
      row->label = g_strdup (_("Alliance average"));
      row->value = t->per_capita;
      row->value_text = value_text (input, t);
      row->fill = style->foreground;
      row->text_colour = &style->foreground;
      max_value = MAX (max_value, t->per_capita);
      add_ghost (input, t, row, &max_value);
    }
  for (guint k = 0; k < shown; k++)
    {
      const PledgeChartMember *m = &input->members[order[k]];
      PledgeRow *row = pledge_bars_add_member (bars, input, style, order[k], m->per_capita,
                                               value_text (input, m), &style->meets);

      max_value = MAX (max_value, m->per_capita);
      add_ghost (input, m, row, &max_value);
    }
  if (shown < known)
    pledge_bars_add_text (bars, -1,
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other member",
                                                        "%u other members", known - shown),
                                           known - shown),
                          g_strdup (_("less per head")), &style->muted);
  if (n > known)
    pledge_bars_add_text (bars, -1,
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member",
                                                        "%u members", n - known),
                                           n - known),
                          g_strdup (_("no data")), &style->muted);

  bars->money = TRUE;
  bars->axis_title = input->currency;
  return pledge_bars_layout (c, bars, max_value);
}

void
pledge_per_capita_chart_draw (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              const PledgeChartStyle *style,
                              const PledgeChartInput *input)
{
  pledge_bars_chart_draw (PLEDGE_CHART_PER_CAPITA, per_capita_layout, cr, width, height, style,
                          input);
}

int
pledge_per_capita_chart_hit_test (double                  width,
                                  double                  height,
                                  const PledgeChartStyle *style,
                                  const PledgeChartInput *input,
                                  double                  x,
                                  double                  y)
{
  return pledge_bars_chart_hit_test (PLEDGE_CHART_PER_CAPITA, per_capita_layout, width, height,
                                     style, input, x, y);
}

void
pledge_per_capita_chart_locate (double                  width,
                                double                  height,
                                const PledgeChartStyle *style,
                                const PledgeChartInput *input,
                                GArray                 *elements)
{
  pledge_bars_chart_locate (PLEDGE_CHART_PER_CAPITA, per_capita_layout, width, height, style,
                            input, elements);
}
