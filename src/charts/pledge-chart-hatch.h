/* pledge-chart-hatch.h: hatching, ghosts and colours
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-chart-common.h"

G_BEGIN_DECLS

/* Diagonal lines over a rectangle: the mark of estimates. */
void         pledge_chart_hatch        (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   width,
                                        double                   height,
                                        const PledgeChartColour *colour,
                                        gboolean                 cross);

/* The reported figure behind a scenario's bar: a pale box, drawn before
 * the bar, and a marker across the bar where the reported value ends,
 * drawn after it, so that it shows whether the reported value is above or
 * below the scenario's. On a bitmap the box's edges fall on whole pixels,
 * so that text over it and the background around needs no halo (see
 * halo_quiet). */
void         pledge_chart_ghost_box    (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   width,
                                        double                   height);
void         pledge_chart_ghost_marker (PledgeChart             *c,
                                        double                   x1,
                                        double                   y1,
                                        double                   x2,
                                        double                   y2);
/* The same for many: one fill for all the boxes, two strokes for all the
 * markers (none of them cross). A marker is a segment from (x, y) to
 * (x + width, y + height). */
void         pledge_chart_ghost_boxes  (PledgeChart             *c,
                                        const PledgeRect        *boxes,
                                        guint                    n);
void         pledge_chart_ghost_markers (PledgeChart            *c,
                                         const PledgeRect       *segments,
                                         guint                   n);
/* The width of the line of a highlighted trend series' reported figures */
double       pledge_chart_ghost_line_width (PledgeChart         *c);

/* The colour of the ghosts' boxes */
PledgeChartColour pledge_chart_ghost_fill (PledgeChart         *c);

/* Colour helpers */
PledgeChartColour pledge_chart_mix     (const PledgeChartColour *a,
                                        const PledgeChartColour *b,
                                        double                   t);

G_END_DECLS
