/* pledge-trend-chart.c: share of GDP over the years
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

#define MAX_LABELS (PLEDGE_CHART_PALETTE_SIZE * 4 + PLEDGE_MAX_TARGET_LINES + 1)

typedef struct
{
  int                      member;    /* index; n_members for the total */
  const char              *text;
  const PledgeChartColour *colour;
  double                   want_y;
  double                   y;
  double                   height;
  gboolean                 bold;
} Label;

typedef struct
{
  guint            first;         /* series index range with any value */
  guint            last;
  PledgeAxis       axis;
  double           x0;
  double           x1;
  double           top;
  double           baseline;
  double           column;        /* width of the labels right of the plot */
  int              year_step;     /* between year ticks */
  double           year_gap;      /* from the baseline to the year labels */

  PledgeTargetLine lines[PLEDGE_MAX_TARGET_LINES];
  guint            n_lines;

  Label            labels[MAX_LABELS];
  guint            n_labels;
} Layout;

static gboolean
series_range (const PledgeChartInput *input,
              guint                  *first,
              guint                  *last)
{
  gboolean any = FALSE;

  *first = 0;
  *last = 0;
  for (guint k = 0; k < input->n_years && input->has_faint_band; k++)
    if (input->faint_band.count[k] > 0)
      {
        if (!any || k < *first)
          *first = k;
        if (!any || k > *last)
          *last = k;
        any = TRUE;
      }
  for (guint i = 0; i <= input->n_members; i++)
    {
      const PledgeChartMember *m = pledge_chart_input_get_member (input, (int) i);

      if (m->series == NULL)
        continue;
      for (guint k = 0; k < input->n_years; k++)
        if (isfinite (m->series[k]))
          {
            if (!any || k < *first)
              *first = k;
            if (!any || k > *last)
              *last = k;
            any = TRUE;
          }
    }
  return any;
}

char *
pledge_trend_chart_title (const PledgeChartInput *input)
{
  guint first, last;

  if (!series_range (input, &first, &last))
    /* Translators: a chart's title */
    return g_strdup (_("Defence spending as a share of GDP"));
  if (first == last)
    /* Translators: a chart's title; %d is a year */
    return g_strdup_printf (_("Defence spending as a share of GDP, %d"),
                            input->first_year + (int) first);
  /* Translators: a chart's title; "2014–2024" */
  return g_strdup_printf (_("Defence spending as a share of GDP, %d–%d"),
                          input->first_year + (int) first, input->first_year + (int) last);
}

static gboolean
is_highlighted (const PledgeChartInput  *input,
                const PledgeChartMember *m)
{
  if (m == &input->total)
    return input->show_total_in_trend;
  return m->trend_colour >= 0;
}

/* Whether the reported figures are drawn under a series of a scenario: for
 * the highlighted lines that a scenario moved in a reported year. */
static gboolean
has_ghost (const PledgeChartInput  *input,
           const PledgeChartMember *m)
{
  return input->has_reported && m->reported_series != NULL && m->series_differs &&
         is_highlighted (input, m);
}

static const PledgeChartColour *
series_colour (PledgeChart             *c,
               const PledgeChartMember *m)
{
  if (m == &c->input->total)
    return &c->style->foreground;
  if (m->trend_colour >= 0)
    return &c->style->palette[m->trend_colour % PLEDGE_CHART_PALETTE_SIZE];
  return &c->style->faint;
}

/* The lighter band of the faint members' whole range: their grey halfway
 * to the background, opaque so that SVG and PDF need no group */
static void
band_range_colour (const PledgeChartStyle *style,
                   PledgeChartColour      *colour)
{
  colour->red = (style->faint.red + style->background.red) / 2;
  colour->green = (style->faint.green + style->background.green) / 2;
  colour->blue = (style->faint.blue + style->background.blue) / 2;
  colour->alpha = 1;
}

static double
year_x (const Layout *l,
        guint         k)
{
  if (l->last == l->first)
    return (l->x0 + l->x1) / 2;
  return l->x0 + (double) (k - l->first) / (l->last - l->first) * (l->x1 - l->x0);
}

static gboolean
last_value (const PledgeChartInput  *input,
            const PledgeChartMember *m,
            guint                   *at)
{
  for (guint k = input->n_years; k-- > 0;)
    if (isfinite (m->series[k]))
      {
        *at = k;
        return TRUE;
      }
  return FALSE;
}

static void
add_label (Layout                  *l,
           int                      member,
           const char              *text,
           const PledgeChartColour *colour,
           double                   y,
           gboolean                 bold)
{
  Label *label;

  if (l->n_labels >= MAX_LABELS)
    return;
  label = &l->labels[l->n_labels++];
  label->member = member;
  label->text = text;
  label->colour = colour;
  label->want_y = y;
  label->y = y;
  label->bold = bold;
}

static gboolean
trend_layout (PledgeChart *c,
              Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  g_autofree char *title = pledge_trend_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_TREND);
  g_auto(PledgeLegend) legend = { 0 };
  g_autofree char *total_label = NULL;
  PledgeChartColour range;
  gboolean any_faint = FALSE, any_ghost = FALSE, any_data;
  double hi = 0, line_h, year_w, column = 0;
  guint n_years;

  any_data = series_range (input, &l->first, &l->last);
  band_range_colour (style, &range);

  for (guint i = 0; i < input->n_members && !input->has_faint_band; i++)
    {
      const PledgeChartMember *m = &input->members[i];
      guint at;

      if (m->trend_colour < 0 && last_value (input, m, &at))
        any_faint = TRUE;
    }
  for (guint i = 0; i <= input->n_members; i++)
    if (has_ghost (input, pledge_chart_input_get_member (input, (int) i)))
      any_ghost = TRUE;

  if (any_data)
    {
      gboolean total_drawn = FALSE;

      /* A file of shares alone has no total to draw */
      for (guint k = 0; k < input->n_years && input->show_total_in_trend; k++)
        total_drawn = total_drawn || isfinite (input->total.series[k]);
      if (total_drawn && input->total_partial_first != 0)
        {
          /* Say what the total covers rather than draw some members' sum */
          if (input->total_partial_first == input->total_partial_last)
            total_label = g_strdup_printf (
              /* Translators: a legend entry of the trend: "Alliance total (none in 2025:
               * 2 of 31 members have figures)" */
              _("%s (none in %d: %u of %u members have figures)"), input->total.name,
              input->total_partial_first, input->total_partial_covered,
              input->total_partial_expected);
          else
            total_label = g_strdup_printf (
              /* Translators: a legend entry of the trend: "Alliance total (none in
               * 2025–2035: 2 of 31 members have figures)" */
              _("%s (none in %d–%d: %u of %u members have figures)"), input->total.name,
              input->total_partial_first, input->total_partial_last,
              input->total_partial_covered, input->total_partial_expected);
        }
      if (total_drawn)
        pledge_legend_add (&legend, PLEDGE_SWATCH_THICK_LINE, &style->foreground,
                           total_label != NULL ? total_label : input->total.name);
      if (any_faint)
        pledge_legend_add (&legend, PLEDGE_SWATCH_LINE, &style->faint,
                           /* Translators: the grey lines of the members not highlighted */
                           _("Other members"));
      if (input->has_faint_band && input->faint_band.n_members > 0)
        {
          pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &style->faint,
                             /* Translators: a legend entry of the trend of many
                              * members: the darker grey band between the 10th and
                              * 90th percentiles of the members not highlighted */
                             /* xgettext:no-c-format */
                             _("Middle 80% of the other members"));
          pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &range,
                             /* Translators: a legend entry of the trend of many
                              * members: the lighter band from the lowest to the
                              * highest of the members not highlighted */
                             _("Range of the other members"));
        }
      if (input->series_has_estimate && input->series_has_scenario)
        pledge_legend_add (&legend, PLEDGE_SWATCH_DASHED_LINE, &style->muted,
                           _("Estimate or scenario figure"));
      else if (input->series_has_estimate)
        pledge_legend_add (&legend, PLEDGE_SWATCH_DASHED_LINE, &style->muted, _("Estimate"));
      else if (input->series_has_scenario)
        pledge_legend_add (&legend, PLEDGE_SWATCH_DASHED_LINE, &style->muted,
                           _("Scenario figure"));
      if (any_ghost)
        pledge_legend_add (&legend, PLEDGE_SWATCH_THIN_LINE, &style->muted,
                           /* Translators: a legend entry: the thin lines of the figures
                            * the members reported, under the lines of a scenario */
                           _("Reported figures"));
    }
  pledge_chart_frame (c, title, subtitle, &legend, NULL);

  if (!any_data)
    {
      pledge_chart_message (c, _("No data"));
      return FALSE;
    }

  /* Value axis over every line and every target */
  l->n_lines = pledge_chart_collect_targets (input, FALSE, l->lines);
  for (guint i = 0; i <= input->n_members; i++)
    {
      const PledgeChartMember *m = pledge_chart_input_get_member (input, (int) i);

      if ((m == &input->total && !input->show_total_in_trend) || m->series == NULL)
        continue;
      for (guint k = 0; k < input->n_years; k++)
        if (isfinite (m->series[k]))
          hi = MAX (hi, m->series[k]);
      for (guint k = 0; k < input->n_years && has_ghost (input, m); k++)
        if (isfinite (m->reported_series[k]))
          hi = MAX (hi, m->reported_series[k]);
    }
  for (guint k = 0; k < input->n_years && input->has_faint_band; k++)
    if (isfinite (input->faint_band.max[k]))
      hi = MAX (hi, input->faint_band.max[k]);
  pledge_chart_value_axis (c, &l->axis, hi, l->lines, l->n_lines);

  line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);

  /* The labels' column: the highlighted lines and the targets */
  for (guint i = 0; i <= input->n_members; i++)
    {
      const PledgeChartMember *m = pledge_chart_input_get_member (input, (int) i);
      guint at;

      if (!is_highlighted (input, m) || !last_value (input, m, &at))
        continue;
      column = MAX (column, pledge_chart_text_width (c, PLEDGE_FONT_BODY_BOLD, m->name));
    }
  for (guint k = 0; k < l->n_lines; k++)
    column = MAX (column, pledge_chart_text_width (c, PLEDGE_FONT_BODY_BOLD, l->lines[k].label));
  l->column = MIN (column + c->em * 0.8, c->plot.width * 0.3);

  {
    double tick_w = 0;

    for (guint k = 0; k < l->axis.n_ticks; k++)
      {
        g_autofree char *tick = pledge_chart_format_percent (pledge_axis_tick (&l->axis, k),
                                                             l->axis.decimals);

        tick_w = MAX (tick_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, tick));
      }
    l->x0 = c->plot.x + tick_w + c->em * 0.8;
  }
  l->x1 = c->plot.x + c->plot.width - l->column;
  l->top = c->plot.y + line_h * 0.5;
  /* The year labels clear the lowest value label, which is centred on
   * the baseline, even where text is larger than the chart's em */
  l->year_gap = MAX (c->em * 0.4, line_h * 0.5 + c->em * 0.15);
  l->baseline = c->plot.y + c->plot.height - line_h - l->year_gap;
  if (l->x1 - l->x0 < 20 || l->baseline - l->top < line_h * 2)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  /* Year ticks far enough apart for their labels */
  year_w = pledge_chart_text_width (c, PLEDGE_FONT_LABEL, "0000") + c->em;
  n_years = l->last - l->first + 1;
  {
    static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100 };
    double per_year = n_years > 1 ? (l->x1 - l->x0) / (n_years - 1) : l->x1 - l->x0;

    l->year_step = 200;
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      if (steps[s] * per_year >= year_w)
        {
          l->year_step = steps[s];
          break;
        }
  }

  /* Labels: the alliance first, then the targets, then the members */
  if (input->show_total_in_trend)
    {
      guint at;

      if (last_value (input, &input->total, &at))
        add_label (l, (int) input->n_members, input->total.name, &style->foreground,
                   pledge_axis_map (&l->axis, input->total.series[at], l->baseline, l->top), TRUE);
    }
  for (guint k = 0; k < l->n_lines; k++)
    add_label (l, -1, l->lines[k].label,
               l->lines[k].selected ? &style->target : &style->other_target,
               pledge_axis_map (&l->axis, l->lines[k].value, l->baseline, l->top),
               l->lines[k].selected);
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];
      guint at;

      if (m->trend_colour < 0 || !last_value (input, m, &at))
        continue;
      add_label (l, (int) i, m->name, series_colour (c, m),
                 pledge_axis_map (&l->axis, m->series[at], l->baseline, l->top), TRUE);
    }

  {
    double ys[MAX_LABELS], heights[MAX_LABELS];
    guint n = l->n_labels;

    for (guint k = 0; k < n; k++)
      {
        g_autoptr(PangoLayout) layout =
          pledge_chart_layout (c, l->labels[k].bold ? PLEDGE_FONT_BODY_BOLD : PLEDGE_FONT_LABEL,
                               l->labels[k].text);

        pango_layout_set_width (layout, (int) (MAX (1.0, l->column - c->em * 0.6) * PANGO_SCALE));
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        pledge_chart_layout_size (layout, NULL, &l->labels[k].height);
        heights[k] = l->labels[k].height;
      }
    for (guint k = 0; k < n; k++)
      ys[k] = l->labels[k].want_y;
    n = pledge_chart_spread_fit (ys, heights, n, c->plot.y, l->baseline + line_h);
    l->n_labels = n;
    for (guint k = 0; k < n; k++)
      l->labels[k].y = ys[k];
  }

  return TRUE;
}

/* One stroke for each run of segments with the same dashes */
static void
draw_series (PledgeChart             *c,
             const Layout            *l,
             const PledgeChartMember *m,
             double                   width,
             gboolean                 mark_estimates)
{
  const PledgeChartColour *colour = series_colour (c, m);
  const guint8 marked = PLEDGE_FIGURES_ESTIMATE | PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED;
  cairo_t *cr = c->cr;
  double dashes[2] = { MAX (2.0, width * 3.5), MAX (2.0, width * 2.5) };
  int run = -1;   /* the dashes of the path being built: -1 none, 0 solid, 1 dashed */

  if (cr == NULL)
    return;

  cairo_save (cr);
  pledge_chart_set_colour (c, colour);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint k = l->first; k <= l->last; k++)
    {
      double x = year_x (l, k);
      double y;

      if (!isfinite (m->series[k]))
        continue;
      y = pledge_axis_map (&l->axis, m->series[k], l->baseline, l->top);

      if (k > l->first && isfinite (m->series[k - 1]))
        {
          int dashed = mark_estimates && (m->series_flags[k] & marked) != 0;
          double px = year_x (l, k - 1);
          double py = pledge_axis_map (&l->axis, m->series[k - 1], l->baseline, l->top);

          if (dashed != run)
            {
              if (run >= 0)
                cairo_stroke (cr);
              cairo_set_dash (cr, dashed ? dashes : NULL, dashed ? 2 : 0, 0);
              run = dashed;
              cairo_move_to (cr, pledge_chart_safe (px), pledge_chart_safe (py));
            }
          cairo_line_to (cr, pledge_chart_safe (x), pledge_chart_safe (y));
        }
      else if (run >= 0)
        {
          /* a gap: start the next run afresh */
          cairo_stroke (cr);
          run = -1;
        }

      /* A point with no neighbour would be invisible as a line. */
      if ((k == l->first || !isfinite (m->series[k - 1])) &&
          (k == l->last || !isfinite (m->series[k + 1])))
        {
          if (run >= 0)
            {
              cairo_stroke (cr);
              run = -1;
            }
          pledge_chart_dot (c, x, y, width * 1.4, colour, NULL);
        }
    }
  if (run >= 0)
    cairo_stroke (cr);
  cairo_restore (cr);
}

/* The reported figures under a scenario's line: thin, solid and lighter in
 * the line's colour. */
static void
draw_ghost (PledgeChart             *c,
            const Layout            *l,
            const PledgeChartMember *m)
{
  PledgeChartColour colour = *series_colour (c, m);
  const double *series = m->reported_series;
  double width = pledge_chart_ghost_line_width (c);
  cairo_t *cr = c->cr;

  if (cr == NULL)
    return;
  colour.alpha *= 0.75;
  cairo_save (cr);
  pledge_chart_set_colour (c, &colour);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  for (guint k = l->first; k <= l->last; k++)
    {
      double x, y;
      gboolean before, after;

      if (!isfinite (series[k]))
        continue;
      x = year_x (l, k);
      y = pledge_axis_map (&l->axis, series[k], l->baseline, l->top);
      before = k > l->first && isfinite (series[k - 1]);
      after = k < l->last && isfinite (series[k + 1]);
      if (before)
        cairo_line_to (cr, pledge_chart_safe (x), pledge_chart_safe (y));
      else if (after)
        cairo_move_to (cr, pledge_chart_safe (x), pledge_chart_safe (y));
      else
        {
          /* a lone year: a dot, as for the scenario's lines */
          cairo_stroke (cr);
          pledge_chart_dot (c, x, y, width * 1.6, &colour, NULL);
          cairo_new_path (cr);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The area between two per-year series, one fill for each run of years
 * where both are known; a lone year is a bar one line wide. Its cost is
 * that of one path of a few hundred points, whatever the member count. */
static void
draw_band (PledgeChart             *c,
           const Layout            *l,
           const double            *lower,
           const double            *upper,
           const PledgeChartColour *colour,
           double                   width)
{
  cairo_t *cr = c->cr;
  guint k = l->first;

  if (cr == NULL)
    return;
  cairo_save (cr);
  pledge_chart_set_colour (c, colour);
  cairo_new_path (cr);
  while (k <= l->last)
    {
      guint end;

      if (!isfinite (lower[k]) || !isfinite (upper[k]))
        {
          k++;
          continue;
        }
      for (end = k; end < l->last && isfinite (lower[end + 1]) && isfinite (upper[end + 1]);)
        end++;
      if (end == k)
        {
          double top = pledge_axis_map (&l->axis, upper[k], l->baseline, l->top);
          double bottom = pledge_axis_map (&l->axis, lower[k], l->baseline, l->top);

          cairo_rectangle (cr, pledge_chart_safe (year_x (l, k) - width / 2),
                           pledge_chart_safe (top), width,
                           pledge_chart_safe (MAX (width, bottom - top)));
        }
      else
        {
          cairo_move_to (cr, pledge_chart_safe (year_x (l, k)),
                         pledge_chart_safe (pledge_axis_map (&l->axis, upper[k], l->baseline,
                                                             l->top)));
          for (guint j = k + 1; j <= end; j++)
            cairo_line_to (cr, pledge_chart_safe (year_x (l, j)),
                           pledge_chart_safe (pledge_axis_map (&l->axis, upper[j], l->baseline,
                                                               l->top)));
          for (guint j = end + 1; j-- > k;)
            cairo_line_to (cr, pledge_chart_safe (year_x (l, j)),
                           pledge_chart_safe (pledge_axis_map (&l->axis, lower[j], l->baseline,
                                                               l->top)));
          cairo_close_path (cr);
        }
      k = end + 1;
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
trend_paint (PledgeChart  *c,
             const Layout *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  double thin = MAX (1.0, c->em * 0.08), thick = MAX (2.0, c->em * 0.16);
  int first_year = input->first_year + (int) l->first;
  int last_year = input->first_year + (int) l->last;

  /* Grid and value ticks */
  for (guint k = 0; k < l->axis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&l->axis, k);
      double y = pledge_axis_map (&l->axis, v, l->baseline, l->top);
      g_autofree char *tick = pledge_chart_format_percent (v, l->axis.decimals);

      pledge_chart_line (c, l->x0, y, l->x1, y, 1.0, k == 0 ? &style->muted : &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, l->x0 - c->em * 0.6, y, 1, 0.5, 0,
                         &style->muted);
    }

  /* Year ticks at round years */
  for (int year = first_year; year <= last_year; year++)
    {
      g_autofree char *text = NULL;
      double x;

      if (year % l->year_step != 0 && !(l->year_step > 1 && year == first_year &&
                                        (last_year - first_year) < l->year_step))
        continue;
      x = year_x (l, (guint) (year - input->first_year));
      text = g_strdup_printf ("%d", year);
      pledge_chart_line (c, x, l->baseline, x, l->baseline + c->em * 0.3, 1.0, &style->muted,
                         FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, text, x, l->baseline + l->year_gap, 0.5, 0, 0,
                         &style->muted);
    }

  /* The chart's year */
  if (input->year >= first_year && input->year <= last_year && last_year > first_year)
    {
      double x = year_x (l, (guint) (input->year - input->first_year));

      g_autofree char *text = g_strdup_printf ("%d", input->year);

      pledge_chart_line (c, x, l->top, x, l->baseline, 1.0, &style->muted, TRUE);
      c->halo = &style->background;
      /* beside the line, on the plot's side of it */
      if (input->year == last_year)
        pledge_chart_text (c, PLEDGE_FONT_VALUE, text, x - c->em * 0.25, l->top, 1, 0, 0,
                           &style->muted);
      else
        pledge_chart_text (c, PLEDGE_FONT_VALUE, text, x + c->em * 0.25, l->top, 0, 0, 0,
                           &style->muted);
      c->halo = NULL;
    }

  /* Members not highlighted, faint and under the rest. One stroke per
   * member: a single path of every member makes cairo's scan converter
   * sort dozens of crossing edges on each row, 2.5 ms of a 4 ms chart at
   * NATO's size; member by member it is under 1.5 ms (build-aux/bench).
   * Their antialiasing is cairo's 4x4 grid, not its 15-row one: a faint
   * line's cost is its pixels times the rows of the grid (half the chart
   * at NATO's size under perf; the chart draws in 0.81 of the time on the
   * coarser grid: farm-bench of PLEDGE_BENCH_ONLY=trend tests/bench-charts
   * against the binary before), and on light grey lines under the
   * highlighted ones the two cannot be told apart (compared at 2x). */
  if (input->has_faint_band)
    {
      PledgeChartColour range;

      band_range_colour (style, &range);
      draw_band (c, l, input->faint_band.min, input->faint_band.max, &range, thin);
      draw_band (c, l, input->faint_band.low, input->faint_band.high, &style->faint, thin);
    }
  else if (c->cr != NULL)
    {
      cairo_save (c->cr);
      pledge_chart_set_colour (c, &style->faint);
      cairo_set_line_width (c->cr, thin);
      cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_FAST);
      for (guint i = 0; i < input->n_members; i++)
        {
          const PledgeChartMember *m = &input->members[i];

          if (m->trend_colour >= 0)
            continue;
          cairo_new_path (c->cr);
          for (guint k = l->first + 1; k <= l->last; k++)
            {
              if (!isfinite (m->series[k - 1]) || !isfinite (m->series[k]))
                continue;
              if (k == l->first + 1 || !isfinite (m->series[k - 2]))
                cairo_move_to (c->cr, pledge_chart_safe (year_x (l, k - 1)),
                               pledge_chart_safe (pledge_axis_map (&l->axis, m->series[k - 1],
                                                                   l->baseline, l->top)));
              cairo_line_to (c->cr, pledge_chart_safe (year_x (l, k)),
                             pledge_chart_safe (pledge_axis_map (&l->axis, m->series[k],
                                                                 l->baseline, l->top)));
            }
          cairo_stroke (c->cr);
        }
      cairo_restore (c->cr);
    }

  /* Targets */
  for (guint k = 0; k < l->n_lines; k++)
    {
      double y = pledge_axis_map (&l->axis, l->lines[k].value, l->baseline, l->top);

      pledge_chart_line (c, l->x0, y, l->x1 + c->em * 0.3, y,
                         l->lines[k].selected ? MAX (1.5, c->em * 0.12) : 1.0,
                         l->lines[k].selected ? &style->target : &style->other_target,
                         !l->lines[k].selected);
    }

  /* The reported figures under the lines that a scenario moved */
  for (guint i = input->n_members + 1; i-- > 0 && input->has_reported;)
    {
      const PledgeChartMember *m = pledge_chart_input_get_member (input, (int) i);

      if (has_ghost (input, m))
        draw_ghost (c, l, m);
    }

  /* Highlighted members, the first on top, then the alliance */
  for (guint i = input->n_members; i-- > 0;)
    if (input->members[i].trend_colour >= 0)
      draw_series (c, l, &input->members[i], thick, TRUE);
  if (input->show_total_in_trend)
    draw_series (c, l, &input->total, thick * 1.6, TRUE);

  /* Direct labels */
  for (guint k = 0; k < l->n_labels; k++)
    {
      const Label *label = &l->labels[k];
      g_autoptr(PangoLayout) layout =
        pledge_chart_layout (c, label->bold ? PLEDGE_FONT_BODY_BOLD : PLEDGE_FONT_LABEL,
                             label->text);
      double lx = l->x1 + c->em * 0.6;

      pango_layout_set_width (layout, (int) (MAX (1.0, l->column - c->em * 0.6) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (label->member >= 0 && fabs (label->y - label->want_y) > 0.5)
        pledge_chart_line (c, l->x1 + c->em * 0.1, label->want_y, lx - c->em * 0.1, label->y,
                           1.0, label->colour, FALSE);
      pledge_chart_show (c, layout, lx, label->y, 0, 0.5, 0, label->colour);
    }
}

void
pledge_trend_chart_draw (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const PledgeChartStyle *style,
                         const PledgeChartInput *input)
{
  Layout l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_TREND, cr, width, height, style, input);
  if (trend_layout (&c, &l))
    trend_paint (&c, &l);
  pledge_chart_end (&c);
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

static double
series_distance (const Layout            *l,
                 const PledgeChartMember *m,
                 double                   x,
                 double                   y)
{
  double best = G_MAXDOUBLE;

  for (guint k = l->first; k <= l->last; k++)
    {
      double ax, ay;

      if (!isfinite (m->series[k]))
        continue;
      ax = year_x (l, k);
      ay = pledge_axis_map (&l->axis, m->series[k], l->baseline, l->top);
      best = MIN (best, hypot (x - ax, y - ay));
      if (k < l->last && isfinite (m->series[k + 1]))
        best = MIN (best, segment_distance (x, y, ax, ay, year_x (l, k + 1),
                                            pledge_axis_map (&l->axis, m->series[k + 1],
                                                             l->baseline, l->top)));
    }
  return best;
}

int
pledge_trend_chart_hit_test (double                  width,
                             double                  height,
                             const PledgeChartStyle *style,
                             const PledgeChartInput *input,
                             double                  x,
                             double                  y)
{
  Layout l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_TREND, NULL, width, height, style, input);
  if (trend_layout (&c, &l))
    {
      double tolerance = c.em * 0.6;
      double best = G_MAXDOUBLE, best_faint = G_MAXDOUBLE;
      int faint = -1, highlighted = -1;

      /* A direct label */
      for (guint k = 0; k < l.n_labels && hit < 0; k++)
        if (l.labels[k].member >= 0 && x >= l.x1 &&
            fabs (y - l.labels[k].y) <= l.labels[k].height / 2)
          hit = l.labels[k].member;

      /* Else the nearest line, highlighted ones first */
      for (guint i = 0; i <= input->n_members && hit < 0; i++)
        {
          const PledgeChartMember *m = pledge_chart_input_get_member (input, (int) i);
          double d;

          if ((m == &input->total && !input->show_total_in_trend) || m->series == NULL)
            continue;
          d = series_distance (&l, m, x, y);
          if (is_highlighted (input, m) && d < best)
            {
              best = d;
              highlighted = (int) i;
            }
          else if (!is_highlighted (input, m) && d < best_faint)
            {
              best_faint = d;
              faint = (int) i;
            }
        }
      if (hit < 0 && highlighted >= 0 && best <= tolerance)
        hit = highlighted;
      else if (hit < 0 && faint >= 0 && best_faint <= tolerance * 0.7)
        hit = faint;
    }
  pledge_chart_end (&c);
  return hit;
}

/* The year of the series nearest to x, within the years drawn */
int
pledge_trend_chart_year_at (double                  width,
                            double                  height,
                            const PledgeChartStyle *style,
                            const PledgeChartInput *input,
                            double                  x)
{
  Layout l = { 0 };
  PledgeChart c;
  int year = input->year;

  pledge_chart_begin (&c, PLEDGE_CHART_TREND, NULL, width, height, style, input);
  if (trend_layout (&c, &l))
    {
      guint k = l.first;

      if (l.last > l.first && l.x1 > l.x0)
        k = l.first + (guint) CLAMP (round ((x - l.x0) / (l.x1 - l.x0) * (l.last - l.first)), 0,
                                     l.last - l.first);
      year = input->first_year + (int) k;
    }
  pledge_chart_end (&c);
  return year;
}

void
pledge_trend_chart_locate (double                  width,
                           double                  height,
                           const PledgeChartStyle *style,
                           const PledgeChartInput *input,
                           GArray                 *elements)
{
  Layout l = { 0 };
  PledgeChart c;
  int k = input->year - input->first_year;

  /* Points in the input's year, which must be one of the series' */
  if (input->n_years == 0 || k < 0 || (guint) k >= input->n_years)
    return;
  pledge_chart_begin (&c, PLEDGE_CHART_TREND, NULL, width, height, style, input);
  if (trend_layout (&c, &l) && (guint) k >= l.first && (guint) k <= l.last)
    /* The members, then the total */
    for (guint member = 0; member <= input->n_members; member++)
      {
        const PledgeChartMember *m = pledge_chart_input_get_member (input, (int) member);
        PledgeChartElement *e;
        double x, y, r;

        if (m == NULL || m->series == NULL || !isfinite (m->series[k]))
          continue;
        /* The line's point in the input's year, which dragging moves */
        x = year_x (&l, (guint) k);
        y = pledge_axis_map (&l.axis, m->series[k], l.baseline, l.top);
        r = c.em * 0.4;
        e = pledge_chart_element_add (elements, (int) member);
        e->x = x - r;
        e->y = y - r;
        e->width = e->height = 2 * r;
        e->draggable = member < input->n_members;
        e->axis_from = l.baseline;
        e->axis_to = l.top;
        e->axis_min = l.axis.min;
        e->axis_max = l.axis.max;
      }
  pledge_chart_end (&c);
}
