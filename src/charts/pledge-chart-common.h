/* pledge-chart-common.h: what the renderers share (private to src/charts)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A renderer lays its chart out and, when it has a cairo_t, draws it; with
 * no cairo_t the same layout answers hit tests, so tooltips always match
 * what is on screen. This header has the chart being drawn, its geometry
 * and plain drawing (the marks of scatter charts in pledge-chart-marks.c);
 * the others say how text (pledge-chart-text.h), hatching and ghosts
 * (pledge-chart-hatch.h), axes (pledge-chart-axis.h), the legend
 * (pledge-chart-legend.h), the frame (pledge-chart-frame.h) and rows of bars
 * (pledge-chart-bars.h) are drawn.
 */

#pragma once

#include <pango/pangocairo.h>

#include "pledge-chart.h"
#include "pledge-chart-focus.h"

G_BEGIN_DECLS

/* The smallest text a chart draws, in pixels at the default font size of
 * 14: the window's small text. Charts thin their labels below it. */
#define PLEDGE_CHART_MIN_TEXT 11.0

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PledgeRect;

/* g_sort_array() from GLib 2.82, g_qsort_with_data() before it */
static inline void
pledge_chart_sort (gpointer         array,
                   gsize            n,
                   gsize            size,
                   GCompareDataFunc compare,
                   gpointer         user_data)
{
#if GLIB_CHECK_VERSION (2, 82, 0)
  g_sort_array (array, n, size, compare, user_data);
#else
  g_qsort_with_data (array, (gint) n, size, compare, user_data);
#endif
}

gboolean pledge_rect_intersects (const PledgeRect *a,
                                 const PledgeRect *b);
gboolean pledge_rect_contains   (const PledgeRect *rect,
                                 double            x,
                                 double            y);
/* rect grown by d on every side */
PledgeRect pledge_rect_inflate  (const PledgeRect *rect,
                                 double            d);

typedef enum
{
  PLEDGE_FONT_TITLE,
  PLEDGE_FONT_SUBTITLE,
  PLEDGE_FONT_BODY,
  PLEDGE_FONT_BODY_BOLD,
  PLEDGE_FONT_LABEL,     /* category labels, axis ticks, legend */
  PLEDGE_FONT_VALUE,     /* values on bars */
  PLEDGE_FONT_FOOTER,
  PLEDGE_N_FONTS
} PledgeFont;

/* Hatching drawn once into a tile of pixels, for a bitmap target */
typedef struct
{
  cairo_pattern_t        *pattern;   /* NULL until first used */
  PledgeChartColour       colour;
  double                  scale;     /* pixels a unit */
  double                  spacing;   /* between stripes, in units */
  double                  phase[2];  /* the pixel offset, of x - y and of x + y */
} PledgeHatchTile;

/* A mark drawn once into a bitmap and stamped where each such mark goes
 * (pledge-chart-marks.c) */
typedef struct
{
  int                     kind;
  double                  radius;
  PledgeChartColour       fill;
  PledgeChartColour       outline;
  gboolean                has_outline;
  double                  scale;     /* pixels a unit */
  int                     size;      /* pixels a side */
  cairo_surface_t        *surface;
} PledgeStamp;

#define PLEDGE_CHART_STAMPS 12

typedef struct
{
  PledgeChartKind         kind;
  cairo_t                *cr;        /* NULL: lay out only (hit tests) */
  PangoContext           *pango;
  PangoFontDescription   *fonts[PLEDGE_N_FONTS];
  GHashTable             *layouts;   /* the shaped text of the chart's labels */
  const PledgeChartStyle *style;
  const PledgeChartInput *input;
  double                  width;
  double                  height;
  double                  em;        /* body text size after scaling to the chart */
  double                  pad;       /* the outer margin */
  PledgeRect              plot;      /* what pledge_chart_frame() leaves for the body */
  const PledgeChartColour *halo;     /* when set, text is outlined in it for legibility */
  PledgeHatchTile         hatch[2];  /* pledge_chart_hatch()'s tiles: plain, crossed */
  PledgeChartColour       halo_key;  /* the colour halo_pixel is of, when halo_format is set */
  cairo_format_t          halo_format;
  guint32                 halo_pixel;
  /* When set, text over this opaque colour needs no halo either, as over
   * the halo's own: the fill of the ghosts, which no line crosses */
  const PledgeChartColour *halo_quiet;
  PledgeChartColour       quiet_key;
  cairo_format_t          quiet_format;
  guint32                 quiet_pixel;
  /* Set by pledge_chart_stamp_marks(): dots, rings and ghost points are
   * stamped from bitmaps when drawn on pixels */
  gboolean                stamp_marks;
  PledgeStamp             stamps[PLEDGE_CHART_STAMPS];
  guint                   n_stamps;
} PledgeChart;

/* cr may be NULL. Width and height must be finite and positive. */
void         pledge_chart_begin        (PledgeChart            *c,
                                        PledgeChartKind         kind,
                                        cairo_t                *cr,
                                        double                  width,
                                        double                  height,
                                        const PledgeChartStyle *style,
                                        const PledgeChartInput *input);
void         pledge_chart_end          (PledgeChart            *c);

/* Geometry that is safe to hand to cairo: NaN and infinities become 0 and
 * huge values are clamped, so cairo never sees them. */
double       pledge_chart_safe         (double                   v);
void         pledge_chart_set_colour   (PledgeChart             *c,
                                        const PledgeChartColour *colour);
void         pledge_chart_fill_rect    (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   width,
                                        double                   height,
                                        const PledgeChartColour *colour);
void         pledge_chart_stroke_rect  (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   width,
                                        double                   height,
                                        double                   line_width,
                                        const PledgeChartColour *colour,
                                        gboolean                 dashed);
/* For tests: called with every line pledge_chart_line() draws. NULL to
 * stop; not thread-safe. */
typedef void (*PledgeChartLineHook) (double                   x1,
                                     double                   y1,
                                     double                   x2,
                                     double                   y2,
                                     double                   width,
                                     const PledgeChartColour *colour,
                                     gboolean                 dashed,
                                     gpointer                 user_data);
void         pledge_chart_set_line_hook (PledgeChartLineHook  hook,
                                         gpointer             user_data);
void         pledge_chart_line         (PledgeChart             *c,
                                        double                   x1,
                                        double                   y1,
                                        double                   x2,
                                        double                   y2,
                                        double                   line_width,
                                        const PledgeChartColour *colour,
                                        gboolean                 dashed);

void         pledge_chart_dot          (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   radius,
                                        const PledgeChartColour *fill,
                                        const PledgeChartColour *outline);

/* A hollow dot: the mark of estimates in scatter charts */
void         pledge_chart_ring         (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   radius,
                                        const PledgeChartColour *colour);
/* A reported point of a scatter chart: a dotted circle */
void         pledge_chart_ghost_point  (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   radius);
/* Whether the dots, rings and ghost points drawn from now on are stamped
 * from a bitmap drawn once, when the chart is drawn on pixels (a PNG, the
 * window; never SVG or PDF): for a chart of more than
 * PLEDGE_CHART_STAMP_MIN_MARKS marks. A stamp lands on the nearest whole
 * pixel, at most half a pixel from where the mark was asked for. */
#define PLEDGE_CHART_STAMP_MIN_MARKS 200
void         pledge_chart_stamp_marks  (PledgeChart             *c,
                                        gboolean                 stamp);
/* For tests: the marks stamped so far by every chart of the process */
guint        pledge_chart_get_n_stamped (void);

/* A point of user space in the pixels of the surface drawn on, when that is
 * a bitmap drawn on directly (no group pushed); FALSE for anything else. */
gboolean     pledge_chart_user_to_pixel (cairo_t                *cr,
                                         double                 *x,
                                         double                 *y);
/* The inverse of pledge_chart_user_to_pixel() */
void         pledge_chart_pixel_to_user (cairo_t                *cr,
                                         double                 *x,
                                         double                 *y);
gboolean     pledge_chart_colour_equal  (const PledgeChartColour *a,
                                         const PledgeChartColour *b);

/* Titles shared by renderers and describe(). */
const PledgeChartTarget *pledge_chart_input_get_target     (const PledgeChartInput *input);
gboolean                 pledge_chart_input_has_year_data  (const PledgeChartInput *input);
/* A member by index, n_members for the total; NULL when out of range. */
const PledgeChartMember *pledge_chart_input_get_member     (const PledgeChartInput *input,
                                                            int                     index);
/* Money in the dataset's units: "USD 1,250 million". */
char                    *pledge_chart_input_format_money   (const PledgeChartInput *input,
                                                            double                  value);

/* The trend's part of pledge_chart_input_new() (pledge-chart-series.c): a
 * member's series (and its reported one when reported is not NULL), its
 * first and last shares without the series, and the band of the members
 * not highlighted, each linear in the member's or all figures. */
void pledge_chart_input_fill_series     (PledgeChartInput  *input,
                                         PledgeSnapshot    *snapshot,
                                         PledgeSnapshot    *reported,
                                         PledgeChartMember *m);
void pledge_chart_input_fill_share_ends (PledgeChartInput  *input,
                                         PledgeSnapshot    *snapshot,
                                         PledgeChartMember *m);
void pledge_chart_input_fill_faint_band (PledgeChartInput  *input,
                                         PledgeSnapshot    *snapshot);

/* Format v2 (pledge-chart-measures.c): the measures of the input's members
 * and aggregates, under a scenario with the reported ones (reported may be
 * NULL); the words of the three charts that draw them. */
void  pledge_chart_input_fill_measures        (PledgeChartInput       *input,
                                               PledgeSnapshot         *snapshot,
                                               PledgeSnapshot         *reported);
/* A change in percent with its sign: "+3.2%", "-1.0%" */
char *pledge_chart_format_change              (double                  value);
/* Money a head: "USD 1,234" */
char *pledge_chart_input_format_per_capita    (const PledgeChartInput *input,
                                               double                  value);
/* The footer's note: the price base, and how projections are priced */
char *pledge_chart_input_price_note           (const PledgeChartInput *input,
                                               PledgeChartKind         kind);
/* Whether a member of the year has what the chart of kind draws */
gboolean pledge_chart_input_has_measure       (const PledgeChartInput *input,
                                               PledgeChartKind         kind);
/* "No population figures for 2024: ..." */
char *pledge_chart_input_no_measure           (const PledgeChartInput *input,
                                               PledgeChartKind         kind);
char *pledge_chart_input_describe_measures    (const PledgeChartInput *input,
                                               PledgeChartKind         kind);
/* Appends the member's measures to a tooltip, a line each */
void  pledge_chart_input_describe_member_measures (const PledgeChartInput *input,
                                                   int                     index,
                                                   GString                *s);

/* The renderers, one per file, each with its title */
char *pledge_compliance_chart_title   (const PledgeChartInput *input);
char *pledge_trend_chart_title        (const PledgeChartInput *input);
char *pledge_equipment_chart_title    (const PledgeChartInput *input);
char *pledge_burden_chart_title       (const PledgeChartInput *input);
char *pledge_gap_chart_title          (const PledgeChartInput *input);
char *pledge_real_change_chart_title  (const PledgeChartInput *input);
char *pledge_per_capita_chart_title   (const PledgeChartInput *input);
char *pledge_categories_chart_title   (const PledgeChartInput *input);

void pledge_compliance_chart_draw     (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_compliance_chart_hit_test (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);
void pledge_trend_chart_draw          (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_trend_chart_hit_test      (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);
int  pledge_trend_chart_year_at       (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x);
void pledge_equipment_chart_draw      (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_equipment_chart_hit_test  (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);
void pledge_burden_chart_draw         (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_burden_chart_hit_test     (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);
void pledge_gap_chart_draw            (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_gap_chart_hit_test        (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);
void pledge_real_change_chart_draw    (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_real_change_chart_hit_test (double width, double height,
                                        const PledgeChartStyle *style,
                                        const PledgeChartInput *input,
                                        double x, double y);
void pledge_per_capita_chart_draw     (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_per_capita_chart_hit_test (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);
void pledge_categories_chart_draw     (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_categories_chart_hit_test (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);

char *pledge_revisions_chart_title   (const PledgeChartInput *input);
char *pledge_revisions_chart_describe (const PledgeChartInput *input);
/* Appends to a member's tooltip its revision in the input's year, if any */
void pledge_revisions_chart_describe_revision (const PledgeChartInput *input,
                                               int                     index,
                                               GString                *out);
void pledge_revisions_chart_draw      (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_revisions_chart_hit_test  (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);

char *pledge_map_chart_title          (const PledgeChartInput *input);
char *pledge_map_chart_describe       (const PledgeChartInput *input);
void pledge_map_chart_draw            (cairo_t *cr, double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input);
int  pledge_map_chart_hit_test        (double width, double height,
                                       const PledgeChartStyle *style,
                                       const PledgeChartInput *input,
                                       double x, double y);

/* Where the members are drawn (pledge-chart-focus.h), from one layout:
 * appends to elements, an array of PledgeChartElement, one for each bar,
 * row, point or country the chart draws, in the order it lays them out.
 * A hit point left NAN means the rectangle's centre. */
void pledge_compliance_chart_locate (double width, double height,
                                     const PledgeChartStyle *style,
                                     const PledgeChartInput *input,
                                     GArray *elements);
void pledge_trend_chart_locate (double width, double height,
                                const PledgeChartStyle *style,
                                const PledgeChartInput *input,
                                GArray *elements);
void pledge_equipment_chart_locate (double width, double height,
                                    const PledgeChartStyle *style,
                                    const PledgeChartInput *input,
                                    GArray *elements);
void pledge_burden_chart_locate (double width, double height,
                                 const PledgeChartStyle *style,
                                 const PledgeChartInput *input,
                                 GArray *elements);
void pledge_gap_chart_locate (double width, double height,
                              const PledgeChartStyle *style,
                              const PledgeChartInput *input,
                              GArray *elements);
void pledge_real_change_chart_locate (double width, double height,
                                      const PledgeChartStyle *style,
                                      const PledgeChartInput *input,
                                      GArray *elements);
void pledge_per_capita_chart_locate (double width, double height,
                                     const PledgeChartStyle *style,
                                     const PledgeChartInput *input,
                                     GArray *elements);
void pledge_categories_chart_locate (double width, double height,
                                     const PledgeChartStyle *style,
                                     const PledgeChartInput *input,
                                     GArray *elements);
void pledge_revisions_chart_locate (double width, double height,
                                    const PledgeChartStyle *style,
                                    const PledgeChartInput *input,
                                    GArray *elements);
void pledge_map_chart_locate (double width, double height,
                              const PledgeChartStyle *style,
                              const PledgeChartInput *input,
                              GArray *elements);
/* Appends to elements an element of member, its rectangle empty, not
 * draggable, hit at its centre (NAN), and returns it: the pointer lasts
 * until the next append. */
PledgeChartElement *pledge_chart_element_add (GArray *elements,
                                              int     member);
/* A row's element: across the plot, from y down height */
void pledge_chart_element_add_row (GArray            *elements,
                                   const PledgeChart *c,
                                   int                member,
                                   double             y,
                                   double             height);

G_END_DECLS
