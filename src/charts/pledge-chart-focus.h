/* pledge-chart-focus.h: a chart's elements for the keyboard and assistive technology
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart widget needs to make a chart's members reachable without
 * a mouse and to drag a bar, computed from the same input and layout the
 * renderers use, with no GTK: the members in the order the keyboard visits
 * them, what to say of each, where each is drawn, and the value a point
 * of a bar's axis stands for.
 */

#pragma once

#include "pledge-chart.h"

G_BEGIN_DECLS

/* Where a member is drawn, in the chart's units. A bar that can be dragged
 * also gives its value axis: the value at y is
 * axis_min + (y - axis_from) / (axis_to - axis_from) * (axis_max - axis_min). */
typedef struct
{
  int      member;
  double   x;
  double   y;
  double   width;
  double   height;
  gboolean draggable;   /* a bar of the share of GDP, with a value */
  double   axis_from;   /* the pixel of axis_min (the baseline) */
  double   axis_to;     /* the pixel of axis_max */
  double   axis_min;
  double   axis_max;
  double   hit_x;       /* a point of the element that hit tests find it at: */
  double   hit_y;       /* the rectangle's centre unless its shape says otherwise */
} PledgeChartElement;

/* The members a chart shows, in the order the keyboard visits them (as
 * drawn, left to right or top to bottom): member indices, a new array. */
GArray  *pledge_chart_focus_members   (PledgeChartKind          kind,
                                       const PledgeChartInput  *input);
/* The member delta steps from current in members (clamped at the ends);
 * the first one when current is not in it; -1 when members is empty. */
int      pledge_chart_focus_step      (const GArray            *members,
                                       int                      current,
                                       int                      delta);
/* One line for a screen reader: "Germany, 1.20% of GDP, below 2% of GDP". */
char    *pledge_chart_focus_describe  (const PledgeChartInput  *input,
                                       int                      member);
/* Where member is drawn at that size; FALSE when the chart cannot say
 * (its element is then the whole chart). */
gboolean pledge_chart_focus_element   (PledgeChartKind          kind,
                                       double                   width,
                                       double                   height,
                                       const PledgeChartStyle  *style,
                                       const PledgeChartInput  *input,
                                       int                      member,
                                       PledgeChartElement      *element);
/* The value at y on a draggable element's axis, snapped to 0.01 and at
 * least 0. */
double   pledge_chart_focus_value_at  (const PledgeChartElement *element,
                                       double                    y);
/* A share nudged by delta from value, snapped to 0.01, at least 0. */
double   pledge_chart_focus_nudge     (double                   value,
                                       double                   delta);

/* Where member is drawn at that size, by the chart kind's renderer (the
 * registry in pledge-chart.c); FALSE when it does not draw that member. */
gboolean pledge_chart_locate          (PledgeChartKind          kind,
                                       double                   width,
                                       double                   height,
                                       const PledgeChartStyle  *style,
                                       const PledgeChartInput  *input,
                                       int                      member,
                                       PledgeChartElement      *element);
/* Where every member the chart of kind draws is, from one layout of it: a
 * new array of PledgeChartElement, hit points set, in the order the
 * renderer lays them out (a member may recur: its first element is the
 * one pledge_chart_locate() gives). Empty when the size cannot be drawn.
 * What placing an element per member costs once, not once a member. */
GArray  *pledge_chart_locate_all      (PledgeChartKind          kind,
                                       double                   width,
                                       double                   height,
                                       const PledgeChartStyle  *style,
                                       const PledgeChartInput  *input);

G_END_DECLS
