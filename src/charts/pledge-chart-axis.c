/* pledge-chart-axis.c: axes, scales and target lines
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-common.h"
#include "pledge-chart-text.h"

void
pledge_axis_init (PledgeAxis *axis,
                  double      lo,
                  double      hi,
                  guint       max_ticks)
{
  static const double mantissas[] = { 1, 2, 2.5, 5 };
  double range;
  int k;

  if (!isfinite (lo))
    lo = 0;
  if (!isfinite (hi))
    hi = lo + 1;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-9 * MAX (1.0, fabs (hi)))
    hi = lo + MAX (1.0, fabs (lo) * 0.1);
  max_ticks = CLAMP (max_ticks, 2, 50);
  range = hi - lo;

  axis->min = lo;
  axis->max = hi;
  axis->step = range;
  axis->n_ticks = 2;
  axis->decimals = 0;

  for (k = (int) floor (log10 (range / max_ticks)) - 1; k < 400; k++)
    {
      gboolean found = FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        {
          double step = mantissas[m] * pow (10, k);
          double min = floor (lo / step + 1e-9) * step;
          double max = ceil (hi / step - 1e-9) * step;
          double n = round ((max - min) / step) + 1;

          if (n <= max_ticks)
            {
              axis->min = min;
              axis->max = max;
              axis->step = step;
              axis->n_ticks = (guint) n;
              found = TRUE;
              break;
            }
        }
      if (found)
        break;
    }

  for (int d = 0; d <= 6; d++)
    {
      double scaled = axis->step * pow (10, d);

      axis->decimals = d;
      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
    }
}

double
pledge_axis_map (const PledgeAxis *axis,
                 double            value,
                 double            from,
                 double            to)
{
  double span = axis->max - axis->min;

  if (!isfinite (value) || !(span > 0))
    return from;
  return from + (value - axis->min) / span * (to - from);
}

double
pledge_axis_tick (const PledgeAxis *axis,
                  guint             i)
{
  double v = axis->min + i * axis->step;

  /* No "-0" and no 0.30000000000000004 */
  if (fabs (v) < axis->step * 1e-9)
    v = 0;
  return v;
}

static int
compare_by_y (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const double *ys = user_data;
  double ya = ys[*(const guint *) a], yb = ys[*(const guint *) b];

  if (ya < yb)
    return -1;
  if (ya > yb)
    return 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

gboolean
pledge_chart_spread (double       *ys,
                     const double *heights,
                     guint         n,
                     double        top,
                     double        bottom)
{
  g_autofree guint *order = NULL;
  double total = 0, edge;

  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (ys[i]))
        ys[i] = top;
      total += heights[i];
    }
  if (total > bottom - top)
    return FALSE;

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  pledge_chart_sort (order, n, sizeof (guint), compare_by_y, ys);

  edge = top;
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      double t = MAX (ys[i] - heights[i] / 2, edge);

      ys[i] = t + heights[i] / 2;
      edge = t + heights[i];
    }
  edge = bottom;
  for (guint k = n; k-- > 0;)
    {
      guint i = order[k];
      double b = MIN (ys[i] + heights[i] / 2, edge);

      ys[i] = b - heights[i] / 2;
      edge = b - heights[i];
    }
  return TRUE;
}

guint
pledge_chart_spread_fit (double       *ys,
                         const double *heights,
                         guint         n,
                         double        top,
                         double        bottom)
{
  double total = 0;
  guint fit = 0;

  /* pledge_chart_spread() fails exactly when the heights, summed in
   * order, exceed the room */
  while (fit < n && total + heights[fit] <= bottom - top)
    total += heights[fit++];
  if (!pledge_chart_spread (ys, heights, fit, top, bottom))
    g_return_val_if_reached (0);
  return fit;
}

guint
pledge_chart_collect_targets (const PledgeChartInput *input,
                              gboolean                equipment,
                              PledgeTargetLine       *lines)
{
  int selected = -1;
  guint n = 0;

  for (guint i = 0; i < input->n_targets; i++)
    {
      gboolean is_equipment = input->targets[i].metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE;

      if (is_equipment != equipment)
        continue;
      if (i == input->target || selected < 0)
        selected = (int) i;
      if (i == input->target)
        break;
    }

  for (guint i = 0; i < input->n_targets && n < PLEDGE_MAX_TARGET_LINES; i++)
    {
      const PledgeChartTarget *t = &input->targets[i];
      gboolean is_equipment = t->metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE;

      if (is_equipment != equipment || !isfinite (t->min))
        continue;
      lines[n].value = t->min;
      lines[n].label = t->line_label;
      lines[n].selected = (int) i == selected;
      n++;
    }
  return n;
}

void
pledge_chart_value_axis (PledgeChart            *c,
                         PledgeAxis             *axis,
                         double                  hi,
                         const PledgeTargetLine *lines,
                         guint                   n_lines)
{
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);

  for (guint k = 0; k < n_lines; k++)
    hi = MAX (hi, lines[k].value);
  if (!(hi > 0))
    hi = 1;
  pledge_axis_init (axis, 0, hi * 1.02, (guint) CLAMP (c->plot.height / (line_h * 3.2), 2, 10));
}
