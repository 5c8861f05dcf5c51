/* pledge-chart-axis.h: axes, scales and target lines
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-chart-common.h"

G_BEGIN_DECLS

/* Round axis ticks: min..max in steps of step, each label with decimals. */
typedef struct
{
  double min;
  double max;
  double step;
  int    decimals;
  guint  n_ticks;
} PledgeAxis;

void         pledge_axis_init          (PledgeAxis       *axis,
                                        double            lo,
                                        double            hi,
                                        guint             max_ticks);
double       pledge_axis_map           (const PledgeAxis *axis,
                                        double            value,
                                        double            from,
                                        double            to);
double       pledge_axis_tick          (const PledgeAxis *axis,
                                        guint             i);

/* Moves labels of the given heights, wanted centred on ys[i], apart so that
 * none overlaps and all lie within [top, bottom]. FALSE when they cannot. */
gboolean     pledge_chart_spread       (double                 *ys,
                                        const double           *heights,
                                        guint                   n,
                                        double                  top,
                                        double                  bottom);
/* The same for as many of the first labels as fit, found from the sum of
 * their heights and spread once: O(n log n), where dropping the last label
 * and spreading again until they fit was quadratic. Returns how many. */
guint        pledge_chart_spread_fit   (double                 *ys,
                                        const double           *heights,
                                        guint                   n,
                                        double                  top,
                                        double                  bottom);

/* The target lines of a value axis: every share-of-GDP target (defence-gdp
 * and total-gdp), or every equipment target; the selected one, or the first
 * of the kind when the selected one is not, is marked. */
typedef struct
{
  double      value;
  const char *label;     /* the target's line_label */
  gboolean    selected;
} PledgeTargetLine;

#define PLEDGE_MAX_TARGET_LINES 8

guint        pledge_chart_collect_targets (const PledgeChartInput *input,
                                           gboolean                equipment,
                                           PledgeTargetLine       *lines);

/* A value axis up the plot from 0: over hi and every target line (to 1 when
 * all are 0 or less), ticks far enough apart for their labels. */
void         pledge_chart_value_axis      (PledgeChart            *c,
                                           PledgeAxis             *axis,
                                           double                  hi,
                                           const PledgeTargetLine *lines,
                                           guint                   n_lines);

G_END_DECLS
