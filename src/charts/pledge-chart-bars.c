/* pledge-chart-bars.c: rows of horizontal bars (burden and gap)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-bars.h"
#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-text.h"

static double
bars_axis_height (PledgeChart *c,
                  gboolean     axis_title)
{
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);

  return line_h + c->em * 0.5 + (axis_title ? line_h + c->em * 0.2 : 0);
}

static double
bars_min_row (PledgeChart *c)
{
  return pledge_chart_line_height (c, PLEDGE_FONT_LABEL) * 1.15;
}

guint
pledge_bars_capacity (PledgeChart *c,
                      gboolean     axis_title)
{
  double room = c->plot.height - bars_axis_height (c, axis_title);

  return (guint) MAX (1.0, floor (room / bars_min_row (c)));
}

guint
pledge_bars_hatch_of (const PledgeChartMember *m)
{
  if (m->status == PLEDGE_STATUS_ESTIMATE)
    return 1;
  if (m->status == PLEDGE_STATUS_EDITED || m->status == PLEDGE_STATUS_PROJECTED)
    return 2;
  return 0;
}

PledgeRow *
pledge_bars_add_member (PledgeBars              *bars,
                        const PledgeChartInput  *input,
                        const PledgeChartStyle  *style,
                        int                      member,
                        double                   value,
                        char                    *value_text,
                        const PledgeChartColour *fill)
{
  const PledgeChartMember *m = &input->members[member];
  PledgeRow *row = &bars->rows[bars->n_rows++];

  row->kind = PLEDGE_ROW_BAR;
  row->member = member;
  row->label = g_strdup (m->name);
  row->value = value;
  row->value_text = value_text;
  row->fill = *fill;
  row->text_colour = &style->foreground;
  row->hatch = pledge_bars_hatch_of (m);
  return row;
}

PledgeRow *
pledge_bars_add_text (PledgeBars              *bars,
                      int                      member,
                      char                    *label,
                      char                    *value_text,
                      const PledgeChartColour *text_colour)
{
  PledgeRow *row = &bars->rows[bars->n_rows++];

  row->kind = PLEDGE_ROW_TEXT;
  row->member = member;
  row->label = label;
  row->value_text = value_text;
  row->text_colour = text_colour;
  return row;
}

PledgeRow *
pledge_bars_add_rest (PledgeBars             *bars,
                      const PledgeChartStyle *style,
                      guint                   n,
                      double                  rest,
                      char                   *value_text)
{
  PledgeRow *row = &bars->rows[bars->n_rows++];

  row->kind = PLEDGE_ROW_BAR;
  row->member = -1;
  row->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: a row grouping the smallest
                                              * members */
                                             "%u other member", "%u other members", n),
                                n);
  row->value = rest;
  row->value_text = value_text;
  row->fill = style->unknown;
  row->text_colour = &style->muted;
  return row;
}

void
pledge_bars_clear (PledgeBars *bars)
{
  for (guint i = 0; i < bars->n_rows; i++)
    {
      g_free (bars->rows[i].label);
      g_free (bars->rows[i].value_text);
    }
  g_clear_pointer (&bars->rows, g_free);
  bars->n_rows = 0;
}

gboolean
pledge_bars_layout (PledgeChart *c,
                    PledgeBars  *bars,
                    double       max_value)
{
  double label_w = 0, value_w = 0, tick_w, room;

  if (bars->n_rows == 0)
    return FALSE;

  for (guint i = 0; i < bars->n_rows; i++)
    {
      const PledgeRow *row = &bars->rows[i];

      label_w = MAX (label_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, row->label));
      if (row->kind == PLEDGE_ROW_BAR)
        value_w = MAX (value_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, row->value_text));
    }
  label_w = MIN (label_w, c->plot.width * 0.3);
  value_w = MIN (value_w, c->plot.width * 0.25);

  bars->label_right = c->plot.x + label_w;
  bars->x0 = bars->label_right + c->em * 0.6;
  bars->x1 = c->plot.x + c->plot.width - value_w - c->em * 0.6;
  room = c->plot.height - bars_axis_height (c, bars->axis_title != NULL);
  if (bars->x1 - bars->x0 < 30 || room < bars_min_row (c) * 0.95 * bars->n_rows)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  if (!isfinite (max_value) || !(max_value > 0))
    max_value = 1;
  {
    g_autofree char *widest = bars->money ? pledge_chart_format_money (max_value)
                                          : pledge_chart_format_percent (max_value, 1);

    tick_w = pledge_chart_text_width (c, PLEDGE_FONT_LABEL, widest) + c->em * 1.5;
  }
  pledge_axis_init (&bars->axis, 0, max_value,
                    (guint) CLAMP ((bars->x1 - bars->x0) / tick_w, 2, 10));

  /* The rows take the height the chart has; the bars stay at most 1.44
   * lines thick (pledge_bars_paint), so a tall chart spaces them out */
  bars->row_height = room / bars->n_rows;
  bars->top = c->plot.y;
  bars->bottom = bars->top + bars->row_height * bars->n_rows;
  return TRUE;
}

void
pledge_bars_paint (PledgeChart      *c,
                   const PledgeBars *bars)
{
  const PledgeChartStyle *style = c->style;
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  double bar_h = MAX (1.0, MIN (MIN (bars->row_height * 0.72, line_h * 1.44),
                                bars->row_height - 2));
  double over = MIN (c->em * 0.15, (bars->row_height - bar_h) * 0.4);
  double ghost_w;
  PledgeChartColour stripes = style->background;

  stripes.alpha = 0.5;

  for (guint k = 0; k < bars->axis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&bars->axis, k);
      double x = pledge_axis_map (&bars->axis, v, bars->x0, bars->x1);
      g_autofree char *tick = bars->money ? pledge_chart_format_grouped (v, bars->axis.decimals)
                                          : pledge_chart_format_percent (v, bars->axis.decimals);

      pledge_chart_line (c, x, bars->top, x, bars->bottom, 1.0,
                         k == 0 ? &style->muted : &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, x, bars->bottom + c->em * 0.3, 0.5, 0, 0,
                         &style->muted);
    }
  if (bars->axis_title != NULL)
    pledge_chart_text (c, PLEDGE_FONT_LABEL, bars->axis_title, (bars->x0 + bars->x1) / 2,
                       bars->bottom + c->em * 0.5 + line_h, 0.5, 0, 0, &style->foreground);

  for (guint i = 0; i < bars->n_rows; i++)
    {
      const PledgeRow *row = &bars->rows[i];
      double cy = bars->top + (i + 0.5) * bars->row_height;
      g_autoptr(PangoLayout) label = pledge_chart_layout (c, PLEDGE_FONT_LABEL, row->label);

      pango_layout_set_width (label, (int) ceil ((MAX (1.0, bars->label_right - c->plot.x) + 1) *
                                                 PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      pledge_chart_show (c, label, bars->label_right, cy, 1, 0.5, 0,
                         row->member >= 0 ? &style->foreground : &style->muted);

      /* The reported figure under a scenario's: behind the bar, with a
       * marker where it ends; the value goes past both. */
      ghost_w = 0;
      if (row->has_ghost && isfinite (row->ghost) && row->ghost > 0)
        {
          ghost_w = MAX (1.0, pledge_axis_map (&bars->axis, row->ghost, bars->x0, bars->x1) -
                              bars->x0);
          pledge_chart_ghost_box (c, bars->x0, cy - bar_h / 2, ghost_w, bar_h);
        }

      if (row->kind == PLEDGE_ROW_BAR)
        {
          double end = pledge_axis_map (&bars->axis, MAX (0.0, row->value), bars->x0, bars->x1);
          double w = end - bars->x0;

          if (row->value > 0 && w < 1)
            w = 1;
          pledge_chart_fill_rect (c, bars->x0, cy - bar_h / 2, w, bar_h, &row->fill);
          if (row->hatch > 0)
            pledge_chart_hatch (c, bars->x0, cy - bar_h / 2, w, bar_h, &stripes, row->hatch > 1);
          if (ghost_w > 0)
            pledge_chart_ghost_marker (c, bars->x0 + ghost_w, cy - bar_h / 2 - over,
                                       bars->x0 + ghost_w, cy + bar_h / 2 + over);
          if (row->value_text != NULL)
            pledge_chart_text (c, PLEDGE_FONT_LABEL, row->value_text,
                               bars->x0 + MAX (w, ghost_w) + c->em * 0.3, cy, 0, 0.5, 0,
                               row->text_colour);
        }
      else if (row->value_text != NULL)
        {
          g_autoptr(PangoLayout) text = pledge_chart_layout (c, PLEDGE_FONT_LABEL, row->value_text);
          double tx = bars->x0 + ghost_w + c->em * 0.3;

          if (ghost_w > 0)
            pledge_chart_ghost_marker (c, bars->x0 + ghost_w, cy - bar_h / 2 - over,
                                       bars->x0 + ghost_w, cy + bar_h / 2 + over);
          pango_layout_set_width (text, (int) (MAX (1.0, c->plot.x + c->plot.width - tx) *
                                               PANGO_SCALE));
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          pledge_chart_show (c, text, tx, cy, 0, 0.5, 0, row->text_colour);
        }
    }
}

int
pledge_bars_hit_test (const PledgeBars *bars,
                      double            x,
                      double            y)
{
  guint k;

  if (bars->n_rows == 0 || !(bars->row_height > 0) || y < bars->top || y >= bars->bottom)
    return -1;
  k = (guint) floor ((y - bars->top) / bars->row_height);
  if (k >= bars->n_rows)
    return -1;
  return bars->rows[k].member;
}

void
pledge_bars_chart_draw (PledgeChartKind         kind,
                        PledgeBarsLayoutFunc    layout,
                        cairo_t                *cr,
                        double                  width,
                        double                  height,
                        const PledgeChartStyle *style,
                        const PledgeChartInput *input)
{
  g_auto(PledgeBars) bars = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, kind, cr, width, height, style, input);
  if (layout (&c, &bars))
    pledge_bars_paint (&c, &bars);
  pledge_chart_end (&c);
}

int
pledge_bars_chart_hit_test (PledgeChartKind         kind,
                            PledgeBarsLayoutFunc    layout,
                            double                  width,
                            double                  height,
                            const PledgeChartStyle *style,
                            const PledgeChartInput *input,
                            double                  x,
                            double                  y)
{
  g_auto(PledgeBars) bars = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, kind, NULL, width, height, style, input);
  if (layout (&c, &bars) && x >= c.plot.x && x < c.plot.x + c.plot.width)
    hit = pledge_bars_hit_test (&bars, x, y);
  pledge_chart_end (&c);
  return hit;
}

void
pledge_bars_chart_locate (PledgeChartKind         kind,
                          PledgeBarsLayoutFunc    layout,
                          double                  width,
                          double                  height,
                          const PledgeChartStyle *style,
                          const PledgeChartInput *input,
                          GArray                 *elements)
{
  g_auto(PledgeBars) bars = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, kind, NULL, width, height, style, input);
  if (layout (&c, &bars) && bars.row_height > 0)
    for (guint k = 0; k < bars.n_rows; k++)
      pledge_chart_element_add_row (elements, &c, bars.rows[k].member,
                                    bars.top + k * bars.row_height, bars.row_height);
  pledge_chart_end (&c);
}
