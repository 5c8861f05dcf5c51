/* pledge-chart-view.h: a widget that shows one chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pledge-chart.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_CHART_VIEW (pledge_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (PledgeChartView, pledge_chart_view, PLEDGE, CHART_VIEW, GtkWidget)

GtkWidget              *pledge_chart_view_new       (void);

PledgeChartKind         pledge_chart_view_get_kind  (PledgeChartView  *self);
void                    pledge_chart_view_set_kind  (PledgeChartView  *self,
                                                     PledgeChartKind   kind);
/* Follows AdwStyleManager:dark; setting it overrides that until the
 * desktop's style next changes. */
gboolean                pledge_chart_view_get_dark  (PledgeChartView  *self);
void                    pledge_chart_view_set_dark  (PledgeChartView  *self,
                                                     gboolean          dark);
/* Takes ownership of input, which may be NULL for an empty view. */
void                    pledge_chart_view_set_input (PledgeChartView  *self,
                                                     PledgeChartInput *input);
const PledgeChartInput *pledge_chart_view_get_input (PledgeChartView  *self);
/* The style the view draws with now, e.g. to export what is on screen. */
const PledgeChartStyle *pledge_chart_view_get_style (PledgeChartView  *self);
/* What the map colours members by; the map page's toggle sets it */
PledgeMapScale          pledge_chart_view_get_map_scale  (PledgeChartView *self);
void                    pledge_chart_view_set_map_scale  (PledgeChartView *self,
                                                          PledgeMapScale   scale);
/* The toggle on the map (NULL on other charts) */
GtkWidget              *pledge_chart_view_get_map_toggle (PledgeChartView *self);
/* The text drawn by the focus ring (the focused element's), or NULL */
char                   *pledge_chart_view_dup_focus_text (PledgeChartView *self);

G_END_DECLS
