/* pledge-map-chart.c: the members on a map, coloured by the selected target
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"

char *
pledge_map_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Who meets the target, %d"), input->year);
}

char *
pledge_map_chart_describe (const PledgeChartInput *input)
{
  return g_strdup_printf ("%d", input->year);
}

void
pledge_map_chart_draw (cairo_t                *cr,
                       double                  width,
                       double                  height,
                       const PledgeChartStyle *style,
                       const PledgeChartInput *input)
{
  g_autofree char *title = pledge_map_chart_title (input);
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_MAP, cr, width, height, style, input);
  pledge_chart_frame (&c, title, NULL, NULL, NULL);
  pledge_chart_end (&c);
}

int
pledge_map_chart_hit_test (double                  width,
                           double                  height,
                           const PledgeChartStyle *style,
                           const PledgeChartInput *input,
                           double                  x,
                           double                  y)
{
  return -1;
}
