/* pledge-chart-common.h: what the renderers share (private to src/charts)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A renderer lays its chart out and, when it has a cairo_t, draws it; with
 * no cairo_t the same layout answers hit tests, so tooltips always match
 * what is on screen. Text goes through Pango only, with fixed font options
 * (no hinting, unrounded glyph positions) so that a chart measures the same
 * on screen, in a PNG, an SVG and a PDF.
 */

#pragma once

#include <pango/pangocairo.h>

#include "pledge-chart.h"

G_BEGIN_DECLS

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

typedef struct
{
  PledgeChartKind         kind;
  cairo_t                *cr;        /* NULL: lay out only (hit tests) */
  PangoContext           *pango;
  PangoFontDescription   *fonts[PLEDGE_N_FONTS];
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
void         pledge_chart_line         (PledgeChart             *c,
                                        double                   x1,
                                        double                   y1,
                                        double                   x2,
                                        double                   y2,
                                        double                   line_width,
                                        const PledgeChartColour *colour,
                                        gboolean                 dashed);
/* Diagonal lines over a rectangle: the mark of estimates. */
void         pledge_chart_hatch        (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   width,
                                        double                   height,
                                        const PledgeChartColour *colour,
                                        gboolean                 cross);
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
/* A reported point of a scatter chart: a dotted circle */
void         pledge_chart_ghost_point  (PledgeChart             *c,
                                        double                   x,
                                        double                   y,
                                        double                   radius);
/* The width of the line of a highlighted trend series' reported figures */
double       pledge_chart_ghost_line_width (PledgeChart         *c);

/* The colour of the ghosts' boxes */
PledgeChartColour pledge_chart_ghost_fill (PledgeChart         *c);

/* Colour helpers */
PledgeChartColour pledge_chart_mix     (const PledgeChartColour *a,
                                        const PledgeChartColour *b,
                                        double                   t);

/* text cut to at most max_chars characters, ending in "…" when cut */
char        *pledge_chart_truncate       (const char *text,
                                          guint       max_chars);

/* Numbers in the user's locale. */
char        *pledge_chart_format_number  (double value,
                                          int    decimals);
char        *pledge_chart_format_percent (double value,
                                          int    decimals);
/* Thousands grouped as LC_NUMERIC says; money picks its decimals by size */
char        *pledge_chart_format_grouped (double value,
                                          int    decimals);
char        *pledge_chart_format_money   (double value);

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

/* Moves labels of the given heights, wanted centred on ys[i], apart so that
 * none overlaps and all lie within [top, bottom]. FALSE when they cannot. */
gboolean     pledge_chart_spread       (double                 *ys,
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

/* Horizontal bars, one row each, labelled on the left, valued on the right:
 * the burden and gap charts. */
typedef enum
{
  PLEDGE_ROW_BAR,
  PLEDGE_ROW_TEXT,      /* no bar, only value_text: "meets the target", "no data" */
} PledgeRowKind;

typedef struct
{
  PledgeRowKind            kind;
  int                      member;      /* -1 for a group of members */
  char                    *label;       /* owned */
  double                   value;
  char                    *value_text;  /* owned */
  PledgeChartColour        fill;
  const PledgeChartColour *text_colour;
  guint                    hatch;       /* 0, 1 hatched, 2 cross-hatched */
  gboolean                 has_ghost;   /* the reported value under a scenario */
  double                   ghost;       /* that value, on the same axis; drawn as a ghost bar */
} PledgeRow;

typedef struct
{
  PledgeRow  *rows;       /* owned */
  guint       n_rows;
  PledgeAxis  axis;
  gboolean    money;      /* ticks as money, else as percentages */
  const char *axis_title; /* under the ticks; may be NULL */
  double      label_right;
  double      x0;
  double      x1;
  double      top;
  double      row_height;
  double      bottom;
} PledgeBars;

/* How many rows fit in c->plot, at least 1. */
guint        pledge_bars_capacity      (PledgeChart            *c,
                                        gboolean                axis_title);
/* Takes the rows; FALSE when there is no room to draw them. max_value
 * covers the ghosts too. */
gboolean     pledge_bars_layout        (PledgeChart            *c,
                                        PledgeBars             *bars,
                                        double                  max_value);
void         pledge_bars_paint         (PledgeChart            *c,
                                        const PledgeBars       *bars);
int          pledge_bars_hit_test      (const PledgeBars       *bars,
                                        double                  x,
                                        double                  y);
void         pledge_bars_clear         (PledgeBars             *bars);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PledgeBars, pledge_bars_clear)

/* Titles shared by renderers and describe(). */
const PledgeChartTarget *pledge_chart_input_get_target     (const PledgeChartInput *input);
gboolean                 pledge_chart_input_has_year_data  (const PledgeChartInput *input);
/* A member by index, n_members for the total; NULL when out of range. */
const PledgeChartMember *pledge_chart_input_get_member     (const PledgeChartInput *input,
                                                            int                     index);
/* Money in the dataset's units: "USD 1,250 million". */
char                    *pledge_chart_input_format_money   (const PledgeChartInput *input,
                                                            double                  value);

/* The renderers, one per file, each with its title */
char *pledge_compliance_chart_title   (const PledgeChartInput *input);
char *pledge_trend_chart_title        (const PledgeChartInput *input);
char *pledge_equipment_chart_title    (const PledgeChartInput *input);
char *pledge_burden_chart_title       (const PledgeChartInput *input);
char *pledge_gap_chart_title          (const PledgeChartInput *input);

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

G_END_DECLS
