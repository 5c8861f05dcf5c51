/* pledge-categories-chart.c: equipment, personnel, infrastructure and other spending
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One 100% bar a member, the four shares as published (never forced to
 * sum), sorted by equipment, with the equipment guideline (20%) marked.
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

char *
pledge_categories_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Defence spending by category, %d"), input->year);
}

typedef struct
{
  int    *members;    /* a member index a row, -1 for a row of text */
  char  **texts;      /* the label of a row of text, else NULL */
  guint   n_rows;
  double  guide;      /* the equipment guideline, percent */
  PledgeAxis axis;
  double  label_right;
  double  x0;
  double  x1;
  double  top;
  double  row_height;
  double  bottom;
} Layout;

static void
layout_clear (Layout *l)
{
  for (guint i = 0; i < l->n_rows; i++)
    g_free (l->texts[i]);
  g_clear_pointer (&l->texts, g_free);
  g_clear_pointer (&l->members, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static gboolean
has_categories (const PledgeChartMember *m)
{
  for (PledgeCategory c = 0; c < PLEDGE_N_CATEGORIES; c++)
    if (isfinite (m->categories[c]))
      return TRUE;
  return FALSE;
}

static int
compare_equipment (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const PledgeChartInput *input = user_data;
  const PledgeChartMember *ma = &input->members[*(const int *) a];
  const PledgeChartMember *mb = &input->members[*(const int *) b];
  double va = ma->categories[PLEDGE_CATEGORY_EQUIPMENT];
  double vb = mb->categories[PLEDGE_CATEGORY_EQUIPMENT];
  gboolean ka = has_categories (ma), kb = has_categories (mb);

  if (ka != kb)
    return ka ? -1 : 1;
  if (isfinite (va) != isfinite (vb))
    return isfinite (va) ? -1 : 1;
  if (isfinite (va) && va != vb)
    return va > vb ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

/* The estimate's mark, or the scenario's where it changed the equipment
 * share (not only the money): pledge_bars_hatch_of()'s values */
static guint
member_hatch (const PledgeChartInput  *input,
              const PledgeChartMember *m)
{
  guint hatch = pledge_bars_hatch_of (m);

  if (hatch == 2 && m->status != PLEDGE_STATUS_PROJECTED &&
      !(input->has_reported &&
        pledge_chart_values_differ (m->categories[0], m->reported_equipment)))
    return 0;
  return hatch;
}

static void
category_colours (const PledgeChartStyle *style,
                  PledgeChartColour       colours[PLEDGE_N_CATEGORIES])
{
  colours[PLEDGE_CATEGORY_EQUIPMENT] = style->meets;
  colours[PLEDGE_CATEGORY_PERSONNEL] = style->palette[1];
  colours[PLEDGE_CATEGORY_INFRASTRUCTURE] = style->palette[2];
  colours[PLEDGE_CATEGORY_OTHER] = style->misses;
}

static void
add_row (Layout *l,
         int     member,
         char   *text)
{
  l->members[l->n_rows] = member;
  l->texts[l->n_rows] = text;
  l->n_rows++;
}

static gboolean
categories_layout (PledgeChart *c,
                   Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  g_autofree char *title = pledge_categories_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_CATEGORIES);
  g_autofree char *note = pledge_chart_input_price_note (input, PLEDGE_CHART_CATEGORIES);
  g_autofree char *guide_label = NULL;
  g_autofree int *order = g_new (int, MAX (1, input->n_members));
  g_auto(PledgeLegend) legend = { 0 };
  PledgeChartColour colours[PLEDGE_N_CATEGORIES];
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  double axis_h = line_h + c->em * 0.5, label_w = 0, value_w, room, hi = 100;
  guint n = 0, known = 0, capacity, shown;
  gboolean any_estimate = FALSE, any_scenario = FALSE;

  l->guide = input->equipment_guide >= 0 ? input->targets[input->equipment_guide].min : 20.0;
  if (!pledge_chart_input_has_year_data (input) ||
      !pledge_chart_input_has_measure (input, PLEDGE_CHART_CATEGORIES))
    {
      g_autofree char *message = pledge_chart_input_no_measure (input, PLEDGE_CHART_CATEGORIES);

      /* No price base to state without the figures */
      pledge_chart_frame (c, title, subtitle, NULL, NULL);
      pledge_chart_message (c, message);
      return FALSE;
    }

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];
      double sum = 0;

      if (!m->in_year)
        continue;
      order[n++] = (int) i;
      if (!has_categories (m))
        continue;
      known++;
      for (PledgeCategory k = 0; k < PLEDGE_N_CATEGORIES; k++)
        if (isfinite (m->categories[k]))
          sum += m->categories[k];
      hi = MAX (hi, sum);
      any_estimate |= member_hatch (input, m) == 1;
      any_scenario |= member_hatch (input, m) == 2;
    }
  pledge_chart_sort (order, n, sizeof (int), compare_equipment, (gpointer) input);

  category_colours (style, colours);
  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &colours[0], _("Equipment"));
  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &colours[1], _("Personnel"));
  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &colours[2], _("Infrastructure"));
  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &colours[3], _("Other"));
  {
    g_autofree char *share = pledge_chart_format_percent (l->guide, 0);

    /* Translators: a legend entry: "20% equipment guideline" */
    guide_label = g_strdup_printf (_("%s equipment guideline"), share);
  }
  pledge_legend_add (&legend, PLEDGE_SWATCH_DASHED_LINE, &style->target, guide_label);
  pledge_legend_add_marks (&legend, style, &colours[0],
                           (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                           (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0));
  pledge_chart_frame (c, title, subtitle, &legend, note);

  room = c->plot.height - axis_h;
  capacity = (guint) MAX (1.0, floor (room / (line_h * 1.15)));
  shown = known;
  if (known + (n > known) > capacity)
    shown = capacity > 2 ? capacity - 2 : 0;

  l->members = g_new0 (int, known + 3);
  l->texts = g_new0 (char *, known + 3);
  for (guint k = 0; k < shown; k++)
    add_row (l, order[k], NULL);
  if (shown < known)
    add_row (l, -1, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other member",
                                                  "%u other members", known - shown),
                                     known - shown));
  if (n > known)
    add_row (l, -1, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member without figures",
                                                  "%u members without figures", n - known),
                                     n - known));

  for (guint i = 0; i < l->n_rows; i++)
    label_w = MAX (label_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL,
                                                     l->texts[i] ? l->texts[i]
                                                                 : input->members[l->members[i]].name));
  label_w = MIN (label_w, c->plot.width * 0.3);
  value_w = pledge_chart_text_width (c, PLEDGE_FONT_LABEL, "88.8%") + c->em * 0.6;
  l->label_right = c->plot.x + label_w;
  l->x0 = l->label_right + c->em * 0.6;
  l->x1 = c->plot.x + c->plot.width - value_w;
  if (l->x1 - l->x0 < 30 || room < line_h * 1.1 * l->n_rows)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }
  /* Shares as published may sum to a little over 100 by rounding: the
   * axis stays at 100% for those, and their bars stop there */
  if (hi < 101)
    hi = 100;
  pledge_axis_init (&l->axis, 0, hi,
                    (guint) CLAMP ((l->x1 - l->x0) / (value_w * 1.3), 2, 11));
  l->top = c->plot.y;
  l->row_height = MIN (room / l->n_rows, line_h * 2.0);
  l->bottom = l->top + l->row_height * l->n_rows;
  return TRUE;
}

static void
paint_member (PledgeChart             *c,
              const Layout            *l,
              const PledgeChartMember *m,
              const PledgeChartColour *colours,
              double                   cy,
              double                   bar_h)
{
  const PledgeChartStyle *style = c->style;
  PledgeChartColour stripes = style->background;
  double x = l->x0, reported;
  guint hatch = member_hatch (c->input, m);
  g_autofree char *equipment = NULL;

  stripes.alpha = 0.5;
  for (PledgeCategory k = 0; k < PLEDGE_N_CATEGORIES; k++)
    {
      double w;

      if (!isfinite (m->categories[k]) || m->categories[k] <= 0)
        continue;
      w = MIN (pledge_axis_map (&l->axis, m->categories[k], l->x0, l->x1) - l->x0, l->x1 - x);
      if (w <= 0)
        break;
      pledge_chart_fill_rect (c, x, cy - bar_h / 2, w, bar_h, &colours[k]);
      /* A scenario may edit equipment alone: its part is marked */
      if (hatch > 0 && k == PLEDGE_CATEGORY_EQUIPMENT)
        pledge_chart_hatch (c, x, cy - bar_h / 2, w, bar_h, &stripes, hatch > 1);
      x += w;
    }

  reported = c->input->has_reported ? m->reported_equipment : NAN;
  if (isfinite (reported) && pledge_chart_values_differ (m->categories[0], reported))
    {
      double g = pledge_axis_map (&l->axis, reported, l->x0, l->x1);

      pledge_chart_ghost_marker (c, g, cy - bar_h / 2 - c->em * 0.15, g,
                                 cy + bar_h / 2 + c->em * 0.15);
    }

  equipment = isfinite (m->categories[PLEDGE_CATEGORY_EQUIPMENT])
              ? pledge_chart_format_percent (m->categories[PLEDGE_CATEGORY_EQUIPMENT], 1)
              : g_strdup ("–");
  pledge_chart_text (c, PLEDGE_FONT_LABEL, equipment, l->x1 + c->em * 0.4, cy, 0, 0.5, 0,
                     &style->foreground);
}

static void
categories_paint (PledgeChart  *c,
                  const Layout *l)
{
  const PledgeChartStyle *style = c->style;
  const PledgeChartInput *input = c->input;
  double bar_h = MAX (1.0, MIN (l->row_height * 0.72, l->row_height - 2));
  PledgeChartColour colours[PLEDGE_N_CATEGORIES];
  double gx;

  category_colours (style, colours);
  for (guint k = 0; k < l->axis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&l->axis, k);
      double x = pledge_axis_map (&l->axis, v, l->x0, l->x1);
      g_autofree char *tick = pledge_chart_format_percent (v, l->axis.decimals);

      pledge_chart_line (c, x, l->top, x, l->bottom, 1.0, k == 0 ? &style->muted : &style->grid,
                         FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, x, l->bottom + c->em * 0.3, 0.5, 0, 0,
                         &style->muted);
    }

  for (guint i = 0; i < l->n_rows; i++)
    {
      double cy = l->top + (i + 0.5) * l->row_height;
      const char *text = l->texts[i] ? l->texts[i] : input->members[l->members[i]].name;
      g_autoptr(PangoLayout) label = pledge_chart_layout (c, PLEDGE_FONT_LABEL, text);

      pango_layout_set_width (label, (int) ceil ((MAX (1.0, l->label_right - c->plot.x) + 1) *
                                                 PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      pledge_chart_show (c, label, l->label_right, cy, 1, 0.5, 0,
                         l->members[i] >= 0 ? &style->foreground : &style->muted);
      if (l->members[i] >= 0)
        paint_member (c, l, &input->members[l->members[i]], colours, cy, bar_h);
    }

  /* The guideline over the bars */
  gx = pledge_axis_map (&l->axis, l->guide, l->x0, l->x1);
  pledge_chart_line (c, gx, l->top - c->em * 0.2, gx, l->bottom, MAX (1.5, c->em * 0.14),
                     &style->target, TRUE);
}

void
pledge_categories_chart_draw (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              const PledgeChartStyle *style,
                              const PledgeChartInput *input)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_CATEGORIES, cr, width, height, style, input);
  if (categories_layout (&c, &l))
    categories_paint (&c, &l);
  pledge_chart_end (&c);
}

int
pledge_categories_chart_hit_test (double                  width,
                                  double                  height,
                                  const PledgeChartStyle *style,
                                  const PledgeChartInput *input,
                                  double                  x,
                                  double                  y)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_CATEGORIES, NULL, width, height, style, input);
  if (categories_layout (&c, &l) && x >= c.plot.x && x < c.plot.x + c.plot.width &&
      y >= l.top && y < l.bottom && l.row_height > 0)
    {
      guint k = (guint) floor ((y - l.top) / l.row_height);

      if (k < l.n_rows)
        hit = l.members[k];
    }
  pledge_chart_end (&c);
  return hit;
}

void
pledge_categories_chart_locate (double                  width,
                                double                  height,
                                const PledgeChartStyle *style,
                                const PledgeChartInput *input,
                                GArray                 *elements)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_CATEGORIES, NULL, width, height, style, input);
  if (categories_layout (&c, &l) && l.row_height > 0)
    for (guint k = 0; k < l.n_rows; k++)
      pledge_chart_element_add_row (elements, &c, l.members[k], l.top + k * l.row_height,
                                    l.row_height);
  pledge_chart_end (&c);
}
