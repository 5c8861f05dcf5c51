/* pledge-real-change-chart.c: real change of defence spending, on the year and since a base year
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two panels of bars from a zero line, one row a member, with the
 * alliance and Europe and Canada on top: the year's change on the left,
 * the change since the base year (2014, the Wales pledge) on the right.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-bars.h"
#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"
#include "pledge-measures.h"

#define ROW_EUROPE_CANADA (-2)

char *
pledge_real_change_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Real change of defence spending, %d"), input->year);
}

typedef struct
{
  int    member;      /* an index, the total's, ROW_EUROPE_CANADA, or -1 for text */
  char  *label;
  double values[2];   /* the year's change, the change since the base year */
  double ghosts[2];   /* the reported ones where a scenario changed them, else NAN */
  guint  hatch;
  gboolean aggregate;
  char  *text;        /* a row without bars: "no data", "5 other members" */
} Row;

typedef struct
{
  Row        *rows;
  guint       n_rows;
  guint       n_panels;   /* 1 where no row has a change since the base year */
  PledgeAxis  axes[2];
  double      x0[2];
  double      x1[2];
  double      label_right;
  double      top;
  double      row_height;
  double      bottom;
} Layout;

static void
layout_clear (Layout *l)
{
  for (guint i = 0; i < l->n_rows; i++)
    {
      g_free (l->rows[i].label);
      g_free (l->rows[i].text);
    }
  g_clear_pointer (&l->rows, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static int
compare_change (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const PledgeChartInput *input = user_data;
  const PledgeChartMember *ma = &input->members[*(const int *) a];
  const PledgeChartMember *mb = &input->members[*(const int *) b];
  double va = isfinite (ma->real_change) ? ma->real_change : ma->cumulative_change;
  double vb = isfinite (mb->real_change) ? mb->real_change : mb->cumulative_change;
  gboolean ka = isfinite (va), kb = isfinite (vb);

  if (ka != kb)
    return ka ? -1 : 1;
  if (ka && va != vb)
    return va > vb ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

static double
ghost_of (const PledgeChartInput *input,
          double                  value,
          double                  reported)
{
  return input->has_reported && isfinite (reported) && pledge_chart_values_differ (value, reported)
         ? reported : NAN;
}

static void
add_values_row (Layout     *l,
                int         member,
                const char *label,
                double      year_change,
                double      since,
                double      reported_year,
                double      reported_since,
                guint       hatch,
                gboolean    aggregate,
                const PledgeChartInput *input)
{
  Row *row = &l->rows[l->n_rows++];

  row->member = member;
  row->label = g_strdup (label);
  row->values[0] = year_change;
  row->values[1] = since;
  row->ghosts[0] = ghost_of (input, year_change, reported_year);
  row->ghosts[1] = ghost_of (input, since, reported_since);
  row->hatch = hatch;
  row->aggregate = aggregate;
}

static void
add_text_row (Layout *l,
              char   *label,
              char   *text)
{
  Row *row = &l->rows[l->n_rows++];

  row->member = -1;
  row->label = label;
  row->text = text;
  row->values[0] = row->values[1] = row->ghosts[0] = row->ghosts[1] = NAN;
}

static double
min_row (PledgeChart *c)
{
  return pledge_chart_line_height (c, PLEDGE_FONT_LABEL) * 1.15;
}

static gboolean
real_change_layout (PledgeChart *c,
                    Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  g_autofree char *title = pledge_real_change_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_REAL_CHANGE);
  g_autofree char *note = pledge_chart_input_price_note (input, PLEDGE_CHART_REAL_CHANGE);
  g_autofree int *order = g_new (int, MAX (1, input->n_members));
  g_auto(PledgeLegend) legend = { 0 };
  const PledgeChartMember *t = &input->total;
  const PledgeChartAggregate *e = &input->europe_canada;
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  double axis_h = line_h * 2 + c->em * 0.8;
  double label_w = 0, value_w, panel_gap = c->em * 1.5, room, panel_w;
  guint n = 0, known = 0, capacity, shown;
  gboolean any_estimate = FALSE, any_scenario = FALSE, any_ghost = FALSE;
  gboolean any_up = FALSE, any_down = FALSE;
  PledgeChartColour down = pledge_chart_mix (&style->target, &style->background, 0.25);

  if (!pledge_chart_input_has_year_data (input) ||
      !pledge_chart_input_has_measure (input, PLEDGE_CHART_REAL_CHANGE))
    {
      g_autofree char *message = pledge_chart_input_no_measure (input, PLEDGE_CHART_REAL_CHANGE);

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
      if (!isfinite (m->real_change) && !isfinite (m->cumulative_change))
        continue;
      known++;
      any_estimate |= pledge_bars_hatch_of (m) == 1;
      any_scenario |= pledge_bars_hatch_of (m) == 2;
      any_up |= m->real_change >= 0 || m->cumulative_change >= 0;
      any_down |= m->real_change < 0 || m->cumulative_change < 0;
      any_ghost |= !isnan (ghost_of (input, m->real_change, m->reported_real_change)) ||
                   !isnan (ghost_of (input, m->cumulative_change, m->reported_cumulative_change));
    }
  pledge_chart_sort (order, n, sizeof (int), compare_change, (gpointer) input);

  if (any_up)
    pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &style->meets, _("Increase"));
  if (any_down)
    pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &down, _("Decrease"));
  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &style->foreground, _("Aggregates"));
  pledge_legend_add_marks (&legend, style, &style->meets,
                           (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                           (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0) |
                           (any_ghost ? PLEDGE_LEGEND_REPORTED : 0));
  pledge_chart_frame (c, title, subtitle, &legend, note);

  room = c->plot.height - axis_h;
  capacity = (guint) MAX (1.0, floor (room / min_row (c)));
  shown = known;
  if (2 + known + (n > known) > capacity)
    shown = capacity > 4 ? capacity - 4 : 0;

  l->rows = g_new0 (Row, known + 5);
  add_values_row (l, PLEDGE_CHART_TOTAL_INDEX (input), t->name, t->real_change,
                  t->cumulative_change, t->reported_real_change, t->reported_cumulative_change,
                  0, TRUE, input);
  add_values_row (l, ROW_EUROPE_CANADA, e->name, e->real_change, e->cumulative_change,
                  e->reported_real_change, e->reported_cumulative_change, 0, TRUE, input);
  for (guint k = 0; k < shown; k++)
    {
      const PledgeChartMember *m = &input->members[order[k]];

      add_values_row (l, order[k], m->name, m->real_change, m->cumulative_change,
                      m->reported_real_change, m->reported_cumulative_change,
                      pledge_bars_hatch_of (m), FALSE, input);
    }
  if (shown < known)
    add_text_row (l, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other member",
                                                   "%u other members", known - shown),
                                      known - shown),
                  g_strdup (_("smaller changes")));
  if (n > known)
    add_text_row (l, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members",
                                                   n - known), n - known),
                  g_strdup (_("no data")));

  /* Columns: labels, then two panels of the same width */
  for (guint i = 0; i < l->n_rows; i++)
    label_w = MAX (label_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, l->rows[i].label));
  label_w = MIN (label_w, c->plot.width * 0.25);
  value_w = pledge_chart_text_width (c, PLEDGE_FONT_LABEL, "+888.8%") + c->em * 0.3;
  l->label_right = c->plot.x + label_w;
  l->n_panels = 1;
  for (guint i = 0; i < l->n_rows; i++)
    if (isfinite (l->rows[i].values[1]) || isfinite (l->rows[i].ghosts[1]))
      l->n_panels = 2;
  panel_w = (c->plot.x + c->plot.width - l->label_right - c->em * 0.6 -
             (l->n_panels - 1) * panel_gap) / l->n_panels;
  if (panel_w < value_w * 2 + 30 || room < min_row (c) * 0.95 * l->n_rows)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  for (guint p = 0; p < l->n_panels; p++)
    {
      double lo = 0, hi = 0;

      for (guint i = 0; i < l->n_rows; i++)
        {
          const Row *row = &l->rows[i];

          if (isfinite (row->values[p]))
            lo = MIN (lo, row->values[p]), hi = MAX (hi, row->values[p]);
          if (isfinite (row->ghosts[p]))
            lo = MIN (lo, row->ghosts[p]), hi = MAX (hi, row->ghosts[p]);
        }
      if (hi - lo < 1)
        hi = lo + 1;
      l->x0[p] = l->label_right + c->em * 0.6 + p * (panel_w + panel_gap) + value_w;
      l->x1[p] = l->x0[p] + panel_w - 2 * value_w;
      pledge_axis_init (&l->axes[p], lo, hi,
                        (guint) CLAMP ((l->x1[p] - l->x0[p]) / (value_w * 1.2), 2, 8));
    }

  l->top = c->plot.y + line_h + c->em * 0.3;
  l->row_height = MIN ((room - line_h - c->em * 0.3) / l->n_rows, line_h * 2.0);
  l->bottom = l->top + l->row_height * l->n_rows;
  return TRUE;
}

static void
paint_row (PledgeChart *c,
           const Layout *l,
           const Row    *row,
           double        cy,
           double        bar_h)
{
  const PledgeChartStyle *style = c->style;
  PledgeChartColour down = pledge_chart_mix (&style->target, &style->background, 0.25);
  PledgeChartColour stripes = style->background;
  g_autoptr(PangoLayout) label = pledge_chart_layout (c, PLEDGE_FONT_LABEL, row->label);

  stripes.alpha = 0.5;
  pango_layout_set_width (label, (int) ceil ((MAX (1.0, l->label_right - c->plot.x) + 1) *
                                             PANGO_SCALE));
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
  pledge_chart_show (c, label, l->label_right, cy, 1, 0.5, 0,
                     row->member == -1 ? &style->muted : &style->foreground);

  if (row->text != NULL)
    {
      pledge_chart_text (c, PLEDGE_FONT_LABEL, row->text, l->x0[0], cy, 0, 0.5, 0,
                         &style->muted);
      return;
    }

  for (guint p = 0; p < l->n_panels; p++)
    {
      const PledgeAxis *axis = &l->axes[p];
      double zero = pledge_axis_map (axis, 0, l->x0[p], l->x1[p]);
      double v = row->values[p], end, left, w;
      g_autofree char *text = NULL;

      if (isfinite (row->ghosts[p]))
        {
          double g = pledge_axis_map (axis, row->ghosts[p], l->x0[p], l->x1[p]);

          pledge_chart_ghost_box (c, MIN (zero, g), cy - bar_h / 2, MAX (1.0, fabs (g - zero)),
                                  bar_h);
          pledge_chart_ghost_marker (c, g, cy - bar_h / 2 - c->em * 0.1, g,
                                     cy + bar_h / 2 + c->em * 0.1);
        }
      if (!isfinite (v))
        {
          pledge_chart_text (c, PLEDGE_FONT_LABEL, "–", zero + c->em * 0.3, cy, 0, 0.5, 0,
                             &style->muted);
          continue;
        }
      end = pledge_axis_map (axis, v, l->x0[p], l->x1[p]);
      left = MIN (zero, end);
      w = MAX (1.0, fabs (end - zero));
      pledge_chart_fill_rect (c, left, cy - bar_h / 2, w, bar_h,
                              row->aggregate ? &style->foreground
                                             : v >= 0 ? &style->meets : &down);
      if (row->hatch > 0)
        pledge_chart_hatch (c, left, cy - bar_h / 2, w, bar_h, &stripes, row->hatch > 1);
      text = pledge_chart_format_change (v);
      if (v >= 0)
        pledge_chart_text (c, PLEDGE_FONT_LABEL, text, end + c->em * 0.3, cy, 0, 0.5, 0,
                           &style->foreground);
      else
        pledge_chart_text (c, PLEDGE_FONT_LABEL, text, end - c->em * 0.3, cy, 1, 0.5, 0,
                           &style->foreground);
    }
}

static void
real_change_paint (PledgeChart  *c,
                   const Layout *l)
{
  const PledgeChartStyle *style = c->style;
  const PledgeChartInput *input = c->input;
  double bar_h = MAX (1.0, MIN (l->row_height * 0.72, l->row_height - 2));

  for (guint p = 0; p < l->n_panels; p++)
    {
      const PledgeAxis *axis = &l->axes[p];
      g_autofree char *heading = NULL;

      if (p == 0)
        /* Translators: a panel's heading: "2024 on 2023" */
        heading = g_strdup_printf (_("%d on %d"), input->year, input->year - 1);
      else
        /* Translators: a panel's heading: "Since 2014" */
        heading = g_strdup_printf (_("Since %d"), input->base_year);
      pledge_chart_text (c, PLEDGE_FONT_BODY_BOLD, heading, (l->x0[p] + l->x1[p]) / 2,
                         c->plot.y, 0.5, 0, 0, &style->foreground);

      for (guint k = 0; k < axis->n_ticks; k++)
        {
          double v = pledge_axis_tick (axis, k);
          double x = pledge_axis_map (axis, v, l->x0[p], l->x1[p]);
          g_autofree char *tick = pledge_chart_format_percent (v, axis->decimals);

          pledge_chart_line (c, x, l->top, x, l->bottom, 1.0,
                             fabs (v) < axis->step * 1e-6 ? &style->muted : &style->grid, FALSE);
          pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, x, l->bottom + c->em * 0.3, 0.5, 0, 0,
                             &style->muted);
        }
    }
  /* The aggregates apart from the members */
  if (l->n_rows > 2)
    pledge_chart_line (c, c->plot.x, l->top + 2 * l->row_height,
                       c->plot.x + c->plot.width, l->top + 2 * l->row_height, 1.0, &style->grid,
                       FALSE);

  for (guint i = 0; i < l->n_rows; i++)
    paint_row (c, l, &l->rows[i], l->top + (i + 0.5) * l->row_height, bar_h);
}

void
pledge_real_change_chart_draw (cairo_t                *cr,
                               double                  width,
                               double                  height,
                               const PledgeChartStyle *style,
                               const PledgeChartInput *input)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_REAL_CHANGE, cr, width, height, style, input);
  if (real_change_layout (&c, &l))
    real_change_paint (&c, &l);
  pledge_chart_end (&c);
}

int
pledge_real_change_chart_hit_test (double                  width,
                                   double                  height,
                                   const PledgeChartStyle *style,
                                   const PledgeChartInput *input,
                                   double                  x,
                                   double                  y)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_REAL_CHANGE, NULL, width, height, style, input);
  if (real_change_layout (&c, &l) && x >= c.plot.x && x < c.plot.x + c.plot.width &&
      y >= l.top && y < l.bottom && l.row_height > 0)
    {
      guint k = (guint) floor ((y - l.top) / l.row_height);

      /* Europe and Canada has no tooltip of its own: no member index */
      if (k < l.n_rows && l.rows[k].member >= 0)
        hit = l.rows[k].member;
    }
  pledge_chart_end (&c);
  return hit;
}

void
pledge_real_change_chart_locate (double                  width,
                                 double                  height,
                                 const PledgeChartStyle *style,
                                 const PledgeChartInput *input,
                                 GArray                 *elements)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_REAL_CHANGE, NULL, width, height, style, input);
  if (real_change_layout (&c, &l) && l.row_height > 0)
    for (guint k = 0; k < l.n_rows; k++)
      pledge_chart_element_add_row (elements, &c, l.rows[k].member, l.top + k * l.row_height,
                                    l.row_height);
  pledge_chart_end (&c);
}
