/* pledge-compliance-chart.c: one bar per member, sorted, against the targets
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-common.h"
#include "pledge-chart-focus.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

typedef enum
{
  LABELS_NAMES,
  LABELS_NAMES_WRAPPED,  /* on two lines */
  LABELS_CODES,
  LABELS_CODES_ROTATED,
} LabelMode;

typedef enum
{
  VALUES_NONE,
  VALUES_HORIZONTAL,
  VALUES_ROTATED,
} ValueMode;

typedef struct
{
  const PledgeChartInput *input;
  PledgeMetric            metric;      /* what the bars show */
  gboolean                related_missing;

  guint                   n;           /* bars: members of the year */
  guint                   n_valued;    /* the first n_valued of order have a value */
  int                    *order;       /* member indices, tallest first, then no data */

  PledgeAxis              axis;
  double                  x0;          /* the bars' area */
  double                  x1;
  double                  top;
  double                  baseline;
  double                  slot;        /* width of one bar's column */
  double                  bar_width;
  double                  tick_width;

  LabelMode               label_mode;
  guint                   stride;      /* every stride-th category label */
  double                  label_height;
  ValueMode               value_mode;

  PledgeTargetLine        lines[PLEDGE_MAX_TARGET_LINES];
  guint                   n_lines;
  double                  label_column; /* width of the target labels right of the bars */
} Layout;

static double
bar_value (const Layout            *l,
           const PledgeChartMember *m)
{
  double v;

  switch (l->metric)
    {
    case PLEDGE_METRIC_TOTAL_GDP:
      v = m->total_gdp;
      break;
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      v = m->equipment;
      break;
    case PLEDGE_METRIC_DEFENCE_GDP:
    default:
      v = m->defence_gdp;
      break;
    }
  return isfinite (v) && v >= 0 ? v : NAN;
}

/* The reported figure behind a bar drawn for a scenario; NAN when it is
 * the same or there is none. */
static double
ghost_value (const Layout            *l,
             const PledgeChartMember *m)
{
  double v;

  if (!l->input->has_reported)
    return NAN;
  switch (l->metric)
    {
    case PLEDGE_METRIC_TOTAL_GDP:
      v = m->reported_total_gdp;
      break;
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      v = m->reported_equipment;
      break;
    case PLEDGE_METRIC_DEFENCE_GDP:
    default:
      v = m->reported_defence_gdp;
      break;
    }
  if (!isfinite (v) || v < 0 || !pledge_chart_values_differ (bar_value (l, m), v))
    return NAN;
  return v;
}

static int
compare_bars (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Layout *l = user_data;
  const PledgeChartMember *ma = &l->input->members[*(const int *) a];
  const PledgeChartMember *mb = &l->input->members[*(const int *) b];
  double va = bar_value (l, ma), vb = bar_value (l, mb);
  gboolean ka = isfinite (va), kb = isfinite (vb);

  if (ka != kb)
    return ka ? -1 : 1;
  if (ka && va != vb)
    return va > vb ? -1 : 1;
  /* ties and no data: file order */
  return (int) ma->index - (int) mb->index;
}

static void
layout_clear (Layout *l)
{
  g_clear_pointer (&l->order, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

/* What the bars show: the selected target's metric, except that a
 * total-gdp target in a file without related spending shows defence alone. */
static PledgeMetric
bar_metric (const PledgeChartInput *input,
            gboolean               *related_missing)
{
  const PledgeChartTarget *target = pledge_chart_input_get_target (input);

  *related_missing = FALSE;
  if (target == NULL)
    return PLEDGE_METRIC_DEFENCE_GDP;
  if (target->metric == PLEDGE_METRIC_TOTAL_GDP)
    {
      for (guint i = 0; i < input->n_members; i++)
        if (input->members[i].in_year && isfinite (input->members[i].total_gdp))
          return PLEDGE_METRIC_TOTAL_GDP;
      *related_missing = TRUE;
      return PLEDGE_METRIC_DEFENCE_GDP;
    }
  return target->metric;
}

char *
pledge_compliance_chart_title (const PledgeChartInput *input)
{
  gboolean related_missing;

  switch (bar_metric (input, &related_missing))
    {
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      /* Translators: a chart's title; %d is a year */
      return g_strdup_printf (_("Share of defence spending on major equipment, %d"), input->year);
    case PLEDGE_METRIC_TOTAL_GDP:
      /* Translators: a chart's title; %d is a year */
      return g_strdup_printf (_("Defence and related spending as a share of GDP, %d"),
                              input->year);
    case PLEDGE_METRIC_DEFENCE_GDP:
    default:
      /* Translators: a chart's title; %d is a year */
      return g_strdup_printf (_("Defence spending as a share of GDP, %d"), input->year);
    }
}

static void
build_legend (const Layout *l,
              PledgeChart  *c,
              PledgeLegend *legend)
{
  const PledgeChartTarget *target = pledge_chart_input_get_target (l->input);
  gboolean any_unknown = FALSE, any_estimate = FALSE, any_scenario = FALSE, any_no_data = FALSE;
  gboolean any_ghost = FALSE;

  for (guint k = 0; k < l->n; k++)
    {
      const PledgeChartMember *m = &l->input->members[l->order[k]];

      if (k >= l->n_valued)
        any_no_data = TRUE;
      else
        {
          if (m->meets == PLEDGE_MEETS_UNKNOWN)
            any_unknown = TRUE;
          if (m->status == PLEDGE_STATUS_ESTIMATE)
            any_estimate = TRUE;
          if (m->status == PLEDGE_STATUS_EDITED || m->status == PLEDGE_STATUS_PROJECTED)
            any_scenario = TRUE;
          if (isfinite (ghost_value (l, m)))
            any_ghost = TRUE;
        }
    }

  pledge_legend_add_meets (legend, c->style, target, any_unknown);
  pledge_legend_add_marks (legend, c->style, &c->style->misses,
                           (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                           (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0) |
                           (any_ghost ? PLEDGE_LEGEND_REPORTED : 0));
  if (any_no_data)
    pledge_legend_add (legend, PLEDGE_SWATCH_OUTLINE, &c->style->muted, _("No data"));
}

static PangoLayout *
wrapped_name (PledgeChart             *c,
              const PledgeChartMember *m,
              double                   width)
{
  PangoLayout *layout = pledge_chart_layout (c, PLEDGE_FONT_LABEL, m->name);

  pango_layout_set_width (layout, (int) (MAX (1.0, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* Whether every name fits in two lines of width; their height if so */
static gboolean
names_fit_wrapped (PledgeChart  *c,
                   const Layout *l,
                   double        width,
                   double       *height)
{
  *height = 0;
  for (guint k = 0; k < l->n; k++)
    {
      g_autoptr(PangoLayout) layout = wrapped_name (c, &l->input->members[l->order[k]], width);
      PangoRectangle ink, logical;

      pango_layout_get_extents (layout, &ink, &logical);
      if (pango_layout_get_line_count (layout) > 2 ||
          (double) logical.width / PANGO_SCALE > width + 0.5)
        return FALSE;
      *height = MAX (*height, (double) logical.height / PANGO_SCALE);
    }
  return TRUE;
}

/* The widest of the codes drawn, every stride-th from the first */
static double
max_code_width (PledgeChart  *c,
                const Layout *l,
                guint         stride)
{
  double w = 0;

  for (guint k = 0; k < l->n; k += stride)
    w = MAX (w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL,
                                         l->input->members[l->order[k]].code));
  return w;
}

/* Whether every member's code (or name) is at most width wide: stops at
 * the first that is not, rather than measuring labels that will not be
 * drawn (of 3,334 codes the first: measuring them all was a third of the
 * window's longest stall opening them) */
static gboolean
labels_fit (PledgeChart  *c,
            const Layout *l,
            gboolean      codes,
            double        width)
{
  for (guint k = 0; k < l->n; k++)
    {
      const PledgeChartMember *m = &l->input->members[l->order[k]];

      if (!(pledge_chart_text_width (c, PLEDGE_FONT_LABEL, codes ? m->code : m->name) <= width))
        return FALSE;
    }
  return TRUE;
}

/* Lays the chart out, drawing the frame when c has a cairo_t. FALSE when
 * there is nothing to draw in the plot (no data, or no room). */
static gboolean
compliance_layout (PledgeChart *c,
                   Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartTarget *target = pledge_chart_input_get_target (input);
  g_autofree char *title = NULL, *subtitle = NULL, *note = NULL;
  g_auto(PledgeLegend) legend = { 0 };
  double line_h, hi = 0, plot_bottom, value_w, value_h;
  gboolean has_data = pledge_chart_input_has_year_data (input);
  guint n_labels = 0;

  l->input = input;
  l->metric = bar_metric (input, &l->related_missing);
  l->order = g_new (int, MAX (1, input->n_members));
  for (guint i = 0; i < input->n_members; i++)
    if (input->members[i].in_year)
      l->order[l->n++] = (int) i;

  pledge_chart_sort (l->order, l->n, sizeof (int), compare_bars, l);
  while (l->n_valued < l->n && isfinite (bar_value (l, &input->members[l->order[l->n_valued]])))
    l->n_valued++;

  title = pledge_compliance_chart_title (input);
  subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_COMPLIANCE);
  if (l->related_missing)
    note = g_strdup_printf (_("The dataset has no defence-related spending, so %s cannot be "
                              "told: the bars show defence alone."),
                            target->label);
  if (has_data)
    build_legend (l, c, &legend);
  pledge_chart_frame (c, title, subtitle, &legend, note);

  if (!has_data || l->n_valued == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No data for %d"), input->year);

      pledge_chart_message (c, message);
      return FALSE;
    }

  /* The value axis: every bar and every target line */
  l->n_lines = pledge_chart_collect_targets (input, l->metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE,
                                             l->lines);
  for (guint k = 0; k < l->n_valued; k++)
    {
      const PledgeChartMember *m = &input->members[l->order[k]];
      double ghost = ghost_value (l, m);

      hi = MAX (hi, bar_value (l, m));
      if (isfinite (ghost))
        hi = MAX (hi, ghost);
    }
  pledge_chart_value_axis (c, &l->axis, hi, l->lines, l->n_lines);

  line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  for (guint k = 0; k < l->axis.n_ticks; k++)
    {
      g_autofree char *tick = pledge_chart_format_percent (pledge_axis_tick (&l->axis, k),
                                                           l->axis.decimals);

      l->tick_width = MAX (l->tick_width, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, tick));
    }

  /* The target labels' column, narrow: long labels wrap */
  for (guint k = 0; k < l->n_lines; k++)
    l->label_column = MAX (l->label_column,
                           pledge_chart_text_width (c, l->lines[k].selected ? PLEDGE_FONT_BODY_BOLD
                                                                            : PLEDGE_FONT_LABEL,
                                                    l->lines[k].label));
  l->label_column = MIN (l->label_column, MIN (c->em * 8.5, c->plot.width * 0.25)) + c->em * 0.6;

  l->x0 = c->plot.x + l->tick_width + c->em * 0.6;
  l->x1 = c->plot.x + c->plot.width - l->label_column;
  if (l->x1 - l->x0 < 10 || c->plot.height < line_h * 3)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }
  l->slot = (l->x1 - l->x0) / l->n;
  l->bar_width = l->slot >= 4 ? MIN (l->slot * 0.72, c->em * 5) : l->slot;

  /* Category labels: names where they fit, else codes, else turned codes,
   * and then only every stride-th so that none overlaps. */
  l->stride = 1;
  if (labels_fit (c, l, FALSE, l->slot - c->em * 0.3))
    {
      l->label_mode = LABELS_NAMES;
      l->label_height = line_h;
    }
  else if (l->slot > c->em * 3 &&
           names_fit_wrapped (c, l, l->slot - c->em * 0.3, &l->label_height))
    l->label_mode = LABELS_NAMES_WRAPPED;
  else if (labels_fit (c, l, TRUE, l->slot - c->em * 0.15))
    {
      l->label_mode = LABELS_CODES;
      l->label_height = line_h;
    }
  else
    {
      l->label_mode = LABELS_CODES_ROTATED;
      l->stride = (guint) MAX (1.0, ceil (line_h * 1.15 / l->slot));
      l->label_height = max_code_width (c, l, l->stride);
    }
  for (guint k = 0; k < l->n; k += l->stride)
    n_labels++;

  plot_bottom = c->plot.y + c->plot.height;
  l->baseline = plot_bottom - l->label_height - c->em * 0.4;
  l->top = c->plot.y + line_h * 0.5;
  if (l->baseline - l->top < line_h * 2)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  /* Values on the bars */
  {
    g_autofree char *widest = pledge_chart_format_number (l->axis.max, 2);

    value_w = pledge_chart_text_width (c, PLEDGE_FONT_VALUE, widest);
    value_h = pledge_chart_line_height (c, PLEDGE_FONT_VALUE);
  }
  if (value_w <= l->slot - 2)
    l->value_mode = VALUES_HORIZONTAL;
  else if (value_h <= l->slot * 0.95)
    l->value_mode = VALUES_ROTATED;
  else
    l->value_mode = VALUES_NONE;

  return TRUE;
}

static double
bar_x (const Layout *l,
       guint         k)
{
  return l->x0 + k * l->slot + (l->slot - l->bar_width) / 2;
}

static void
draw_targets (PledgeChart  *c,
              const Layout *l)
{
  double ys[PLEDGE_MAX_TARGET_LINES], heights[PLEDGE_MAX_TARGET_LINES];
  PangoLayout *layouts[PLEDGE_MAX_TARGET_LINES] = { NULL };
  double label_x = l->x1 + c->em * 0.4;
  double column = l->label_column - c->em * 0.4;
  guint n = l->n_lines;

  for (guint k = 0; k < n; k++)
    {
      const PledgeTargetLine *line = &l->lines[k];
      double y = pledge_axis_map (&l->axis, line->value, l->baseline, l->top);

      pledge_chart_line (c, l->x0, y, l->x1 + c->em * 0.2, y,
                         line->selected ? MAX (2.0, c->em * 0.14) : 1.0,
                         line->selected ? &c->style->target : &c->style->other_target,
                         !line->selected);
      layouts[k] = pledge_chart_layout (c,
                                        line->selected ? PLEDGE_FONT_BODY_BOLD : PLEDGE_FONT_LABEL,
                                        line->label);
      pango_layout_set_width (layouts[k], (int) (MAX (1.0, column) * PANGO_SCALE));
      pango_layout_set_wrap (layouts[k], PANGO_WRAP_WORD_CHAR);
      pledge_chart_layout_size (layouts[k], NULL, &heights[k]);
      ys[k] = y;
    }

  /* Move the labels apart; drop the last ones when they cannot all fit. */
  n = pledge_chart_spread_fit (ys, heights, n, c->plot.y, l->baseline + l->label_height);
  for (guint k = 0; k < n; k++)
    pledge_chart_show (c, layouts[k], label_x, ys[k], 0, 0.5, 0,
                       l->lines[k].selected ? &c->style->target : &c->style->other_target);
  for (guint k = 0; k < l->n_lines; k++)
    g_object_unref (layouts[k]);
}

static void
compliance_paint (PledgeChart  *c,
                  const Layout *l)
{
  const PledgeChartStyle *style = c->style;
  const PledgeChartInput *input = c->input;
  PledgeChartColour stripes = style->background;
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  g_autofree PledgeRect *ghosts = NULL;
  g_autofree PledgeRect *markers = NULL;
  guint n_ghosts = 0;
  PledgeChartColour ghost_fill;

  stripes.alpha = 0.5;

  /* Grid and ticks */
  for (guint k = 0; k < l->axis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&l->axis, k);
      double y = pledge_axis_map (&l->axis, v, l->baseline, l->top);
      g_autofree char *tick = pledge_chart_format_percent (v, l->axis.decimals);

      if (k > 0)
        pledge_chart_line (c, l->x0, y, l->x1, y, 1.0, &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, l->x0 - c->em * 0.5, y, 1, 0.5, 0,
                         &style->muted);
    }

  /* The reported figures behind the scenario's bars; their markers come
   * after the bars */
  if (input->has_reported)
    {
      ghosts = g_new (PledgeRect, MAX (1, l->n_valued));
      markers = g_new (PledgeRect, MAX (1, l->n_valued));
      for (guint k = 0; k < l->n_valued; k++)
        {
          double ghost = ghost_value (l, &input->members[l->order[k]]);
          double y = pledge_axis_map (&l->axis, ghost, l->baseline, l->top);
          double over = MIN (c->em * 0.2, (l->slot - l->bar_width) * 0.4);
          double x = bar_x (l, k);

          if (!isfinite (ghost))
            continue;
          ghosts[n_ghosts] = (PledgeRect) { x, y, l->bar_width, l->baseline - y };
          markers[n_ghosts] = (PledgeRect) { x - over, y, l->bar_width + 2 * over, 0 };
          n_ghosts++;
        }
      pledge_chart_ghost_boxes (c, ghosts, n_ghosts);
    }

  /* Bars */
  for (guint k = 0; k < l->n_valued; k++)
    {
      const PledgeChartMember *m = &input->members[l->order[k]];
      double v = bar_value (l, m);
      double x = bar_x (l, k);
      double y = pledge_axis_map (&l->axis, v, l->baseline, l->top);
      double h = MAX (1.0, l->baseline - y);
      const PledgeChartColour *fill;

      switch (m->meets)
        {
        case PLEDGE_MEETS_YES:
          fill = &style->meets;
          break;
        case PLEDGE_MEETS_NO:
          fill = &style->misses;
          break;
        case PLEDGE_MEETS_UNKNOWN:
        default:
          fill = &style->unknown;
          break;
        }
      pledge_chart_fill_rect (c, x, l->baseline - h, l->bar_width, h, fill);
      if (m->status == PLEDGE_STATUS_ESTIMATE)
        pledge_chart_hatch (c, x, l->baseline - h, l->bar_width, h, &stripes, FALSE);
      else if (m->status == PLEDGE_STATUS_EDITED || m->status == PLEDGE_STATUS_PROJECTED)
        pledge_chart_hatch (c, x, l->baseline - h, l->bar_width, h, &stripes, TRUE);
    }

  /* Members without data: a dashed placeholder and the words */
  for (guint k = l->n_valued; k < l->n; k++)
    {
      double x = bar_x (l, k);
      double h = MIN (l->baseline - l->top, c->em * 5);

      if (l->bar_width >= 3)
        pledge_chart_stroke_rect (c, x + 0.5, l->baseline - h + 0.5, l->bar_width - 1, h - 1,
                                  1.0, &style->unknown, TRUE);
      if (line_h * 0.95 <= l->slot &&
          pledge_chart_text_width (c, PLEDGE_FONT_VALUE, _("no data")) < h - c->em * 0.4)
        pledge_chart_text (c, PLEDGE_FONT_VALUE, _("no data"), l->x0 + (k + 0.5) * l->slot,
                           l->baseline - c->em * 0.3, 0, 0.5, -90, &style->muted);
    }

  /* Baseline */
  pledge_chart_line (c, l->x0, l->baseline, l->x1, l->baseline, 1.0, &style->muted, FALSE);

  draw_targets (c, l);

  /* Where the reported figures end, across the bars and over the targets */
  pledge_chart_ghost_markers (c, markers, n_ghosts);

  /* Values, over the target lines; over a plain ghost, as over the
   * background, without a halo */
  ghost_fill = pledge_chart_ghost_fill (c);
  c->halo = &style->background;
  c->halo_quiet = n_ghosts > 0 ? &ghost_fill : NULL;
  for (guint k = 0; k < l->n_valued && l->value_mode != VALUES_NONE; k++)
    {
      const PledgeChartMember *m = &input->members[l->order[k]];
      double v = bar_value (l, m);
      double cx = l->x0 + (k + 0.5) * l->slot;
      double y = pledge_axis_map (&l->axis, v, l->baseline, l->top);
      g_autofree char *text = pledge_chart_format_number (v, 2);

      if (l->value_mode == VALUES_HORIZONTAL)
        pledge_chart_text (c, PLEDGE_FONT_VALUE, text, cx, y - c->em * 0.15, 0.5, 1, 0,
                           &style->foreground);
      else
        {
          double w = pledge_chart_text_width (c, PLEDGE_FONT_VALUE, text);

          if (y - c->em * 0.2 - w >= c->plot.y)
            pledge_chart_text (c, PLEDGE_FONT_VALUE, text, cx, y - c->em * 0.2, 0, 0.5, -90,
                               &style->foreground);
          else
            pledge_chart_text (c, PLEDGE_FONT_VALUE, text, cx, y + c->em * 0.2, 1, 0.5, -90,
                               &style->foreground);
        }
    }
  c->halo = NULL;
  c->halo_quiet = NULL;

  /* Category labels */
  for (guint k = 0; k < l->n; k += l->stride)
    {
      const PledgeChartMember *m = &input->members[l->order[k]];
      double cx = l->x0 + (k + 0.5) * l->slot;
      double y = l->baseline + c->em * 0.3;

      switch (l->label_mode)
        {
        case LABELS_NAMES:
          pledge_chart_text (c, PLEDGE_FONT_LABEL, m->name, cx, y, 0.5, 0, 0, &style->foreground);
          break;
        case LABELS_NAMES_WRAPPED:
          {
            g_autoptr(PangoLayout) layout = wrapped_name (c, m, l->slot - c->em * 0.3);

            pledge_chart_show (c, layout, cx, y, 0.5, 0, 0, &style->foreground);
          }
          break;
        case LABELS_CODES:
          pledge_chart_text (c, PLEDGE_FONT_LABEL, m->code, cx, y, 0.5, 0, 0, &style->foreground);
          break;
        case LABELS_CODES_ROTATED:
        default:
          pledge_chart_text (c, PLEDGE_FONT_LABEL, m->code, cx, y, 1, 0.5, -90,
                             &style->foreground);
          break;
        }
    }
}

void
pledge_compliance_chart_draw (cairo_t                *cr,
                              double                  width,
                              double                  height,
                              const PledgeChartStyle *style,
                              const PledgeChartInput *input)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_COMPLIANCE, cr, width, height, style, input);
  if (compliance_layout (&c, &l))
    compliance_paint (&c, &l);
  pledge_chart_end (&c);
}

int
pledge_compliance_chart_hit_test (double                  width,
                                  double                  height,
                                  const PledgeChartStyle *style,
                                  const PledgeChartInput *input,
                                  double                  x,
                                  double                  y)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_COMPLIANCE, NULL, width, height, style, input);
  if (compliance_layout (&c, &l) &&
      x >= l.x0 && x < l.x1 && y >= c.plot.y && y < c.plot.y + c.plot.height)
    {
      guint k = (guint) floor ((x - l.x0) / l.slot);

      if (k < l.n)
        hit = l.order[k];
    }
  pledge_chart_end (&c);
  return hit;
}

void
pledge_compliance_chart_locate (double                  width,
                                double                  height,
                                const PledgeChartStyle *style,
                                const PledgeChartInput *input,
                                GArray                 *elements)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_COMPLIANCE, NULL, width, height, style, input);
  if (compliance_layout (&c, &l))
    for (guint k = 0; k < l.n; k++)
      {
        int member = l.order[k];
        double v = bar_value (&l, &input->members[member]);
        double top = isfinite (v) ? pledge_axis_map (&l.axis, v, l.baseline, l.top) : l.baseline;
        PledgeChartElement *e = pledge_chart_element_add (elements, member);

        /* The bar's column, from its top (or the baseline) down */
        e->x = bar_x (&l, k);
        e->width = l.bar_width;
        e->y = MIN (top, l.baseline - 1);
        e->height = l.baseline - e->y;
        /* Only a share of GDP is what dragging sets */
        e->draggable = isfinite (v) && l.metric == PLEDGE_METRIC_DEFENCE_GDP;
        e->axis_from = l.baseline;
        e->axis_to = l.top;
        e->axis_min = l.axis.min;
        e->axis_max = l.axis.max;
      }
  pledge_chart_end (&c);
}
