/* pledge-chart-text.h: text and numbers on a chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text goes through Pango only, with fixed font options (no hinting,
 * unrounded glyph positions) so that a chart measures the same on screen,
 * in a PNG, an SVG and a PDF; numbers follow the user's locale.
 */

#pragma once

#include "pledge-chart-common.h"

G_BEGIN_DECLS

/* Text. A layout's size is its logical extents. */
PangoLayout *pledge_chart_layout       (PledgeChart            *c,
                                        PledgeFont              font,
                                        const char             *text);
void         pledge_chart_layout_size  (PangoLayout            *layout,
                                        double                 *width,
                                        double                 *height);
double       pledge_chart_text_width   (PledgeChart            *c,
                                        PledgeFont              font,
                                        const char             *text);
double       pledge_chart_line_height  (PledgeChart            *c,
                                        PledgeFont              font);
/* Draws layout so that the point (ax, ay) of its box, in fractions of its
 * width and height, lands on (x, y); angle in degrees turns the text about
 * that point (-90 reads upwards). Nothing happens without a cairo_t. */
void         pledge_chart_show         (PledgeChart             *c,
                                        PangoLayout             *layout,
                                        double                   x,
                                        double                   y,
                                        double                   ax,
                                        double                   ay,
                                        double                   angle,
                                        const PledgeChartColour *colour);
/* The same for a string; returns the box the text covers (before rotation
 * when angle is not a multiple of 90). */
PledgeRect   pledge_chart_text         (PledgeChart             *c,
                                        PledgeFont               font,
                                        const char              *text,
                                        double                   x,
                                        double                   y,
                                        double                   ax,
                                        double                   ay,
                                        double                   angle,
                                        const PledgeChartColour *colour);

/* For tests: called with every string pledge_chart_show() draws, the box it
 * covers in the chart's coordinates, its font's size in those units and
 * whether it is drawn on a halo. NULL to stop; not thread-safe. */
typedef void (*PledgeChartTextHook) (const char       *text,
                                     const PledgeRect *box,
                                     double            font_size,
                                     gboolean          halo,
                                     gpointer          user_data);
void         pledge_chart_set_text_hook (PledgeChartTextHook  hook,
                                         gpointer             user_data);

/* text cut to at most max_chars characters, ending in "…" when cut */
char        *pledge_chart_truncate       (const char *text,
                                          guint       max_chars);

/* A list in a note or footer, cut short: "A, B, C and 4 more". Add every
 * item (the count goes up, the first max are appended after sep), then
 * finish. */
#define PLEDGE_LIST_MAX_NAMES 12

void         pledge_chart_list_add       (GString    *list,
                                          guint      *n,
                                          guint       max,
                                          const char *sep,
                                          const char *item);
void         pledge_chart_list_finish    (GString    *list,
                                          guint       n,
                                          guint       max);

/* Numbers in the user's locale. */
char        *pledge_chart_format_number  (double value,
                                          int    decimals);
char        *pledge_chart_format_percent (double value,
                                          int    decimals);
/* Thousands grouped as LC_NUMERIC says; money picks its decimals by size */
char        *pledge_chart_format_grouped (double value,
                                          int    decimals);
char        *pledge_chart_format_money   (double value);
/* The decimals pledge_chart_format_money() gives the largest value of a
 * column: every value of the column takes them */
int          pledge_chart_money_decimals (double largest);

G_END_DECLS
