/* pledge-chart-frame.h: title, legend and footer around a chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-chart-common.h"
#include "pledge-chart-legend.h"

G_BEGIN_DECLS

/* Draws the background, title, subtitle, legend and footer (the dataset's
 * title, the year, the scenario, the sources, and note when not NULL), and
 * sets c->plot to the rest. Lays out only without a cairo_t. */
void         pledge_chart_frame        (PledgeChart            *c,
                                        const char             *title,
                                        const char             *subtitle,
                                        const PledgeLegend     *legend,
                                        const char             *note);

/* A message in the middle of the plot, e.g. "No data for 2019". */
void         pledge_chart_message      (PledgeChart            *c,
                                        const char             *message);

/* "Not enough room for the chart", where it fits: the body's layout failed. */
void         pledge_chart_no_room      (PledgeChart            *c);

G_END_DECLS
