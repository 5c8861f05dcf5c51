/* pledge-chart-legend.h: the legend over a chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-chart-common.h"

G_BEGIN_DECLS

/* Legend entries */
typedef enum
{
  PLEDGE_SWATCH_BOX,
  PLEDGE_SWATCH_HATCHED,
  PLEDGE_SWATCH_CROSS_HATCHED,
  PLEDGE_SWATCH_OUTLINE,
  PLEDGE_SWATCH_LINE,
  PLEDGE_SWATCH_THICK_LINE,
  PLEDGE_SWATCH_DASHED_LINE,
  PLEDGE_SWATCH_DOT,
  PLEDGE_SWATCH_RING,
  PLEDGE_SWATCH_GHOST,      /* pledge_chart_ghost_box() and its marker */
  PLEDGE_SWATCH_THIN_LINE,  /* the reported figures under a scenario's line */
  PLEDGE_SWATCH_GHOST_RING, /* a reported point and the line to the scenario's */
} PledgeSwatch;

typedef struct
{
  PledgeSwatch       swatch;
  PledgeChartColour  colour;
  const char        *label;
} PledgeLegendItem;

#define PLEDGE_MAX_LEGEND_ITEMS 12

typedef struct
{
  PledgeLegendItem items[PLEDGE_MAX_LEGEND_ITEMS];
  guint            n_items;
} PledgeLegend;

void         pledge_legend_add         (PledgeLegend            *legend,
                                        PledgeSwatch             swatch,
                                        const PledgeChartColour *colour,
                                        const char              *label);
/* Lays out (and draws) the legend in rows from y; returns its height. */
double       pledge_legend_run         (PledgeChart             *c,
                                        const PledgeLegend      *legend,
                                        double                   y);

G_END_DECLS
