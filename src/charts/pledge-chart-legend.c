/* pledge-chart-legend.c: the legend over a chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-common.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

void
pledge_legend_add (PledgeLegend            *legend,
                   PledgeSwatch             swatch,
                   const PledgeChartColour *colour,
                   const char              *label)
{
  PledgeLegendItem *item;

  g_assert (legend->n_items < PLEDGE_MAX_LEGEND_ITEMS);
  item = &legend->items[legend->n_items++];
  item->swatch = swatch;
  item->colour = *colour;
  item->label = label;
}

void
pledge_legend_clear (PledgeLegend *legend)
{
  for (guint i = 0; i < G_N_ELEMENTS (legend->owned); i++)
    g_clear_pointer (&legend->owned[i], g_free);
}

void
pledge_legend_add_meets (PledgeLegend            *legend,
                         const PledgeChartStyle  *style,
                         const PledgeChartTarget *target,
                         gboolean                 unknown)
{
  if (target != NULL)
    {
      g_free (legend->owned[0]);
      g_free (legend->owned[1]);
      /* Translators: a legend entry; %s is a target's short label */
      legend->owned[0] = g_strdup_printf (_("Meets %s"), target->label);
      /* Translators: a legend entry; %s is a target's short label */
      legend->owned[1] = g_strdup_printf (_("Below %s"), target->label);
      pledge_legend_add (legend, PLEDGE_SWATCH_BOX, &style->meets, legend->owned[0]);
      pledge_legend_add (legend, PLEDGE_SWATCH_BOX, &style->misses, legend->owned[1]);
    }
  if (unknown)
    pledge_legend_add (legend, PLEDGE_SWATCH_BOX, &style->unknown,
                       /* Translators: a legend entry: whether a member meets the target
                        * cannot be computed from its figures */
                       _("Cannot tell"));
}

void
pledge_legend_add_marks (PledgeLegend            *legend,
                         const PledgeChartStyle  *style,
                         const PledgeChartColour *hatch,
                         PledgeLegendMarks        marks)
{
  if (marks & PLEDGE_LEGEND_ESTIMATE)
    pledge_legend_add (legend, hatch ? PLEDGE_SWATCH_HATCHED : PLEDGE_SWATCH_RING,
                       hatch ? hatch : &style->muted, _("Estimate"));
  if (marks & PLEDGE_LEGEND_SCENARIO)
    pledge_legend_add (legend, hatch ? PLEDGE_SWATCH_CROSS_HATCHED : PLEDGE_SWATCH_RING,
                       hatch ? hatch : &style->muted, _("Scenario figure"));
  if (marks & PLEDGE_LEGEND_REPORTED)
    pledge_legend_add (legend, hatch ? PLEDGE_SWATCH_GHOST : PLEDGE_SWATCH_GHOST_RING,
                       &style->muted,
                       /* Translators: a legend entry: the figure the member reported,
                        * drawn behind the bar or as a pale point joined to the
                        * scenario's */
                       _("Reported figure"));
}

static double
swatch_width (PledgeChart  *c,
              PledgeSwatch  swatch)
{
  switch (swatch)
    {
    case PLEDGE_SWATCH_LINE:
    case PLEDGE_SWATCH_THICK_LINE:
    case PLEDGE_SWATCH_DASHED_LINE:
    case PLEDGE_SWATCH_THIN_LINE:
    case PLEDGE_SWATCH_GHOST_RING:
      return c->em * 2.0;
    case PLEDGE_SWATCH_BOX:
    case PLEDGE_SWATCH_HATCHED:
    case PLEDGE_SWATCH_CROSS_HATCHED:
    case PLEDGE_SWATCH_OUTLINE:
    case PLEDGE_SWATCH_DOT:
    case PLEDGE_SWATCH_RING:
    case PLEDGE_SWATCH_GHOST:
    default:
      return c->em * 0.9;
    }
}

static void
draw_swatch (PledgeChart            *c,
             const PledgeLegendItem *item,
             double                  x,
             double                  cy)
{
  double s = c->em * 0.9;
  double w = swatch_width (c, item->swatch);

  switch (item->swatch)
    {
    case PLEDGE_SWATCH_BOX:
      pledge_chart_fill_rect (c, x, cy - s / 2, s, s, &item->colour);
      break;
    case PLEDGE_SWATCH_HATCHED:
    case PLEDGE_SWATCH_CROSS_HATCHED:
      {
        PledgeChartColour stripes = c->style->background;

        stripes.alpha = 0.5;
        pledge_chart_fill_rect (c, x, cy - s / 2, s, s, &item->colour);
        pledge_chart_hatch (c, x, cy - s / 2, s, s, &stripes,
                            item->swatch == PLEDGE_SWATCH_CROSS_HATCHED);
      }
      break;
    case PLEDGE_SWATCH_OUTLINE:
      pledge_chart_stroke_rect (c, x + 0.5, cy - s / 2 + 0.5, s - 1, s - 1, 1.0,
                                &item->colour, TRUE);
      break;
    case PLEDGE_SWATCH_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, MAX (1.5, c->em * 0.14), &item->colour, FALSE);
      break;
    case PLEDGE_SWATCH_THICK_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, MAX (2.5, c->em * 0.25), &item->colour, FALSE);
      break;
    case PLEDGE_SWATCH_DASHED_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, MAX (1.5, c->em * 0.14), &item->colour, TRUE);
      break;
    case PLEDGE_SWATCH_DOT:
      pledge_chart_dot (c, x + s / 2, cy, s * 0.4, &item->colour, NULL);
      break;
    case PLEDGE_SWATCH_RING:
      pledge_chart_ring (c, x + s / 2, cy, s * 0.4, &item->colour);
      break;
    case PLEDGE_SWATCH_GHOST:
      /* the marker where the chart's bars end: at the top, or the right */
      pledge_chart_ghost_box (c, x, cy - s / 2, s, s);
      if (c->kind == PLEDGE_CHART_BURDEN || c->kind == PLEDGE_CHART_GAP ||
          c->kind == PLEDGE_CHART_REAL_CHANGE || c->kind == PLEDGE_CHART_PER_CAPITA ||
          c->kind == PLEDGE_CHART_CATEGORIES)
        pledge_chart_ghost_marker (c, x + s, cy - s / 2 - c->em * 0.1, x + s,
                                   cy + s / 2 + c->em * 0.1);
      else
        pledge_chart_ghost_marker (c, x - c->em * 0.1, cy - s / 2, x + s + c->em * 0.1,
                                   cy - s / 2);
      break;
    case PLEDGE_SWATCH_THIN_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, pledge_chart_ghost_line_width (c), &item->colour,
                         FALSE);
      break;
    case PLEDGE_SWATCH_GHOST_RING:
      pledge_chart_line (c, x + s * 0.4, cy, x + w - s * 0.4, cy, 1.0, &c->style->muted, FALSE);
      pledge_chart_ghost_point (c, x + s * 0.4, cy, s * 0.4);
      pledge_chart_dot (c, x + w - s * 0.4, cy, s * 0.4, &item->colour, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Lays out (and draws) the legend in rows from y; returns its height. */
double
pledge_legend_run (PledgeChart        *c,
            const PledgeLegend *legend,
            double              y)
{
  double row_height = pledge_chart_line_height (c, PLEDGE_FONT_LABEL) * 1.25;
  double max_x = c->width - c->pad;
  double x = c->pad;
  double rows = 1;

  if (legend == NULL || legend->n_items == 0)
    return 0;

  for (guint i = 0; i < legend->n_items; i++)
    {
      const PledgeLegendItem *item = &legend->items[i];
      g_autoptr(PangoLayout) layout = pledge_chart_layout (c, PLEDGE_FONT_LABEL, item->label);
      double sw = swatch_width (c, item->swatch);
      double tw, th, w;

      pango_layout_set_width (layout, (int) (MAX (1.0, max_x - c->pad - sw - c->em * 0.4) *
                                             PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pledge_chart_layout_size (layout, &tw, &th);
      w = sw + c->em * 0.4 + tw;
      if (x > c->pad && x + w > max_x)
        {
          x = c->pad;
          y += row_height;
          rows++;
        }
      draw_swatch (c, item, x, y + row_height / 2);
      pledge_chart_show (c, layout, x + sw + c->em * 0.4, y + row_height / 2, 0, 0.5, 0,
                         &c->style->muted);
      x += w + c->em * 1.4;
    }
  return rows * row_height;
}
