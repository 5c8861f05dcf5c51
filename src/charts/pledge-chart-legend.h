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
  char            *owned[2];  /* labels made by pledge_legend_add_meets() */
} PledgeLegend;

void         pledge_legend_clear       (PledgeLegend            *legend);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PledgeLegend, pledge_legend_clear)

void         pledge_legend_add         (PledgeLegend            *legend,
                                        PledgeSwatch             swatch,
                                        const PledgeChartColour *colour,
                                        const char              *label);
/* The colours of a chart that sets members apart by the selected target:
 * "Meets 2% of GDP" and "Below 2% of GDP" (when there is a target), then
 * "Cannot tell" when unknown. */
void         pledge_legend_add_meets   (PledgeLegend            *legend,
                                        const PledgeChartStyle  *style,
                                        const PledgeChartTarget *target,
                                        gboolean                 unknown);

/* The marks of figures that are not plainly reported: estimates, scenario
 * figures, and the reported figures a scenario moved; hatched in hatch for
 * bars, rings when hatch is NULL (the equipment chart's points). */
typedef enum
{
  PLEDGE_LEGEND_ESTIMATE = 1 << 0,
  PLEDGE_LEGEND_SCENARIO = 1 << 1,
  PLEDGE_LEGEND_REPORTED = 1 << 2,
} PledgeLegendMarks;

void         pledge_legend_add_marks   (PledgeLegend            *legend,
                                        const PledgeChartStyle  *style,
                                        const PledgeChartColour *hatch,
                                        PledgeLegendMarks        marks);

/* Lays out (and draws) the legend in rows from y; returns its height. */
double       pledge_legend_run         (PledgeChart             *c,
                                        const PledgeLegend      *legend,
                                        double                   y);

G_END_DECLS
