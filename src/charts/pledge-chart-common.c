/* pledge-chart-common.c: text, geometry, axes, legend and frame for every chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-common.h"

/* Cairo works in 24.8 fixed point: keep coordinates well inside it. */
#define COORD_LIMIT 1.0e6

gboolean
pledge_rect_intersects (const PledgeRect *a,
                        const PledgeRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
pledge_rect_contains (const PledgeRect *rect,
                      double            x,
                      double            y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

PledgeRect
pledge_rect_inflate (const PledgeRect *rect,
                     double            d)
{
  PledgeRect r = { rect->x - d, rect->y - d, rect->width + 2 * d, rect->height + 2 * d };

  return r;
}

double
pledge_chart_safe (double v)
{
  if (!isfinite (v))
    return 0.0;
  return CLAMP (v, -COORD_LIMIT, COORD_LIMIT);
}

static const struct
{
  double   scale;
  gboolean bold;
} font_table[PLEDGE_N_FONTS] = {
  /* Three sizes: each size costs Pango a font load and FreeType a
   * rasterisation of every glyph, about 1.5 ms of an export each. */
  [PLEDGE_FONT_TITLE] = { 1.5, TRUE },
  [PLEDGE_FONT_SUBTITLE] = { 1.0, FALSE },
  [PLEDGE_FONT_BODY] = { 1.0, FALSE },
  [PLEDGE_FONT_BODY_BOLD] = { 1.0, TRUE },
  [PLEDGE_FONT_LABEL] = { 0.82, FALSE },
  [PLEDGE_FONT_VALUE] = { 0.82, FALSE },
  [PLEDGE_FONT_FOOTER] = { 0.82, FALSE },
};

void
pledge_chart_begin (PledgeChart            *c,
                    PledgeChartKind         kind,
                    cairo_t                *cr,
                    double                  width,
                    double                  height,
                    const PledgeChartStyle *style,
                    const PledgeChartInput *input)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options;
  double factor;

  g_assert (isfinite (width) && isfinite (height) && width > 0 && height > 0);

  memset (c, 0, sizeof *c);
  c->halo_format = CAIRO_FORMAT_INVALID;
  c->quiet_format = CAIRO_FORMAT_INVALID;
  c->kind = kind;
  c->cr = cr;
  c->style = style;
  c->input = input;
  c->width = width;
  c->height = height;

  /* Text grows with the chart, so a large export is not a small chart in a
   * large margin, and shrinks a little for small ones. */
  factor = CLAMP (MIN (width / 1200.0, height / 800.0), 0.7, 3.0);
  c->em = (style->font_size > 0 && isfinite (style->font_size) ? style->font_size : 14.0) * factor;
  c->pad = c->em * 1.4;

  c->pango = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (c->pango, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (c->pango, 96.0);
  pango_context_set_round_glyph_positions (c->pango, FALSE);
  pango_context_set_language (c->pango, pango_language_get_default ());

  for (guint i = 0; i < PLEDGE_N_FONTS; i++)
    {
      PangoFontDescription *desc = pango_font_description_new ();

      pango_font_description_set_family (desc, style->font_family ? style->font_family
                                                                  : "Cantarell");
      pango_font_description_set_absolute_size (desc, c->em * font_table[i].scale * PANGO_SCALE);
      pango_font_description_set_weight (desc, font_table[i].bold ? PANGO_WEIGHT_BOLD
                                                                  : PANGO_WEIGHT_NORMAL);
      c->fonts[i] = desc;
    }

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      pango_cairo_update_context (cr, c->pango);
    }

  c->plot.x = c->pad;
  c->plot.y = c->pad;
  c->plot.width = MAX (1.0, width - 2 * c->pad);
  c->plot.height = MAX (1.0, height - 2 * c->pad);
}

void
pledge_chart_end (PledgeChart *c)
{
  if (c->cr != NULL)
    cairo_restore (c->cr);
  for (guint i = 0; i < PLEDGE_N_FONTS; i++)
    g_clear_pointer (&c->fonts[i], pango_font_description_free);
  for (guint i = 0; i < G_N_ELEMENTS (c->hatch); i++)
    g_clear_pointer (&c->hatch[i].pattern, cairo_pattern_destroy);
  g_clear_object (&c->pango);
}

PangoLayout *
pledge_chart_layout (PledgeChart *c,
                     PledgeFont   font,
                     const char  *text)
{
  PangoLayout *layout = pango_layout_new (c->pango);

  pango_layout_set_font_description (layout, c->fonts[font]);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

void
pledge_chart_layout_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
pledge_chart_text_width (PledgeChart *c,
                         PledgeFont   font,
                         const char  *text)
{
  g_autoptr(PangoLayout) layout = pledge_chart_layout (c, font, text);
  double width;

  pledge_chart_layout_size (layout, &width, NULL);
  return width;
}

double
pledge_chart_line_height (PledgeChart *c,
                          PledgeFont   font)
{
  g_autoptr(PangoLayout) layout = pledge_chart_layout (c, font, "Ag");
  double height;

  pledge_chart_layout_size (layout, NULL, &height);
  return height;
}

void
pledge_chart_set_colour (PledgeChart             *c,
                         const PledgeChartColour *colour)
{
  if (c->cr == NULL)
    return;
  cairo_set_source_rgba (c->cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static PledgeRect
rotated_box (double x,
             double y,
             double w,
             double h,
             double ax,
             double ay,
             double angle)
{
  double rad = angle * G_PI / 180.0;
  double cs = cos (rad), sn = sin (rad);
  double xs[4] = { -ax * w, (1 - ax) * w, (1 - ax) * w, -ax * w };
  double ys[4] = { -ay * h, -ay * h, (1 - ay) * h, (1 - ay) * h };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  PledgeRect r;

  for (guint i = 0; i < 4; i++)
    {
      double rx = x + xs[i] * cs - ys[i] * sn;
      double ry = y + xs[i] * sn + ys[i] * cs;

      x0 = MIN (x0, rx);
      y0 = MIN (y0, ry);
      x1 = MAX (x1, rx);
      y1 = MAX (y1, ry);
    }
  r.x = x0;
  r.y = y0;
  r.width = x1 - x0;
  r.height = y1 - y0;
  return r;
}

/* A point of user space in the pixels of the surface drawn on, when that is
 * a bitmap drawn on directly (no group pushed): cairo_user_to_device()
 * leaves out the surface's device scale and offset (HiDPI). FALSE for
 * anything else. */
static gboolean
user_to_pixel (cairo_t *cr,
               double  *x,
               double  *y)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double sx, sy, dx, dy;

  if (cairo_get_group_target (cr) != target ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &dx, &dy);
  cairo_user_to_device (cr, x, y);
  *x = *x * sx + dx;
  *y = *y * sy + dy;
  return isfinite (*x) && isfinite (*y);
}

/* The inverse of user_to_pixel() */
static void
pixel_to_user (cairo_t *cr,
               double  *x,
               double  *y)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double sx, sy, dx, dy;

  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &dx, &dy);
  *x = (*x - dx) / sx;
  *y = (*y - dy) / sy;
  cairo_device_to_user (cr, x, y);
}

static gboolean
colour_equal (const PledgeChartColour *a,
              const PledgeChartColour *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* The pixel that an opaque colour paints on a bitmap of format, kept in
 * *key, *key_format and *pixel for the next time */
static guint32
colour_pixel_cached (const PledgeChartColour *colour,
                     cairo_format_t           format,
                     PledgeChartColour       *key,
                     cairo_format_t          *key_format,
                     guint32                 *pixel)
{
  if (*key_format != format || !colour_equal (key, colour))
    {
      cairo_surface_t *one = cairo_image_surface_create (format, 1, 1);
      cairo_t *cr = cairo_create (one);

      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (one);
      *pixel = *(const guint32 *) cairo_image_surface_get_data (one);
      *key = *colour;
      *key_format = format;
      cairo_surface_destroy (one);
    }
  return *pixel;
}

/* Whether the halo, a stroke of line_width around the layout at (mx, my)
 * in the current user space, could change any pixel. On a bitmap it
 * cannot when every pixel under it already is the halo's opaque colour:
 * most labels sit on the plain background, and stroking the outlines of
 * their glyphs was a sixth of drawing a chart. Anything else: it can. */
static gboolean
halo_shows (PledgeChart *c,
            PangoLayout *layout,
            double       mx,
            double       my,
            double       line_width)
{
  cairo_surface_t *target = cairo_get_target (c->cr);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  int left, top, right, bottom, width, height, stride;
  cairo_format_t format;
  PangoRectangle ink;
  const guint8 *data;
  guint32 pixel, quiet, mask;

  if (cairo_get_group_target (c->cr) != target ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || !(c->halo->alpha >= 1.0))
    return TRUE;
  format = cairo_image_surface_get_format (target);
  if (format == CAIRO_FORMAT_RGB24)
    mask = 0x00ffffff;
  else if (format == CAIRO_FORMAT_ARGB32)
    mask = 0xffffffff;
  else
    return TRUE;

  pango_layout_get_extents (layout, &ink, NULL);
  if (ink.width <= 0 || ink.height <= 0)
    return FALSE;

  /* The stroke's bounds in pixels: the ink, line_width / 2 around */
  for (guint i = 0; i < 4; i++)
    {
      double px = mx + (double) (ink.x + (i & 1 ? ink.width : 0)) / PANGO_SCALE +
                  (i & 1 ? 1 : -1) * line_width / 2;
      double py = my + (double) (ink.y + (i & 2 ? ink.height : 0)) / PANGO_SCALE +
                  (i & 2 ? 1 : -1) * line_width / 2;

      if (!user_to_pixel (c->cr, &px, &py))
        return TRUE;
      x0 = MIN (x0, px);
      y0 = MIN (y0, py);
      x1 = MAX (x1, px);
      y1 = MAX (y1, py);
    }
  if (!isfinite (x0) || !isfinite (y0) || !isfinite (x1) || !isfinite (y1))
    return TRUE;

  /* and a pixel more for the antialiasing, within the bitmap */
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  left = (int) CLAMP (floor (x0) - 1, 0, width);
  top = (int) CLAMP (floor (y0) - 1, 0, height);
  right = (int) CLAMP (ceil (x1) + 1, 0, width);
  bottom = (int) CLAMP (ceil (y1) + 1, 0, height);

  pixel = colour_pixel_cached (c->halo, format, &c->halo_key, &c->halo_format,
                               &c->halo_pixel) & mask;
  quiet = pixel;
  if (c->halo_quiet != NULL && c->halo_quiet->alpha >= 1.0)
    quiet = colour_pixel_cached (c->halo_quiet, format, &c->quiet_key, &c->quiet_format,
                                 &c->quiet_pixel) & mask;
  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target);
  if (data == NULL)
    return TRUE;
  for (int py = top; py < bottom; py++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) py * stride);

      for (int px = left; px < right; px++)
        if ((row[px] & mask) != pixel && (row[px] & mask) != quiet)
          return TRUE;
    }
  return FALSE;
}

void
pledge_chart_show (PledgeChart             *c,
                   PangoLayout             *layout,
                   double                   x,
                   double                   y,
                   double                   ax,
                   double                   ay,
                   double                   angle,
                   const PledgeChartColour *colour)
{
  PangoRectangle logical;
  double w, h, mx, my;

  if (c->cr == NULL)
    return;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  mx = pledge_chart_safe (-ax * w - (double) logical.x / PANGO_SCALE);
  my = pledge_chart_safe (-ay * h - (double) logical.y / PANGO_SCALE);

  cairo_save (c->cr);
  cairo_translate (c->cr, pledge_chart_safe (x), pledge_chart_safe (y));
  if (angle != 0 && isfinite (angle))
    cairo_rotate (c->cr, angle * G_PI / 180.0);
  if (c->halo != NULL && halo_shows (c, layout, mx, my, MAX (2.0, c->em * 0.22)))
    {
      cairo_save (c->cr);
      cairo_move_to (c->cr, mx, my);
      pango_cairo_layout_path (c->cr, layout);
      pledge_chart_set_colour (c, c->halo);
      cairo_set_line_width (c->cr, MAX (2.0, c->em * 0.22));
      cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (c->cr);
      cairo_restore (c->cr);
    }
  cairo_move_to (c->cr, mx, my);
  pledge_chart_set_colour (c, colour);
  pango_cairo_show_layout (c->cr, layout);
  cairo_restore (c->cr);
}

PledgeRect
pledge_chart_text (PledgeChart             *c,
                   PledgeFont               font,
                   const char              *text,
                   double                   x,
                   double                   y,
                   double                   ax,
                   double                   ay,
                   double                   angle,
                   const PledgeChartColour *colour)
{
  g_autoptr(PangoLayout) layout = pledge_chart_layout (c, font, text);
  double w, h;

  pledge_chart_layout_size (layout, &w, &h);
  pledge_chart_show (c, layout, x, y, ax, ay, angle, colour);
  return rotated_box (x, y, w, h, ax, ay, angle);
}

void
pledge_chart_fill_rect (PledgeChart             *c,
                        double                   x,
                        double                   y,
                        double                   width,
                        double                   height,
                        const PledgeChartColour *colour)
{
  if (c->cr == NULL)
    return;
  if (!(width > 0) || !(height > 0))
    return;
  pledge_chart_set_colour (c, colour);
  cairo_rectangle (c->cr, pledge_chart_safe (x), pledge_chart_safe (y),
                   pledge_chart_safe (width), pledge_chart_safe (height));
  cairo_fill (c->cr);
}

static void
set_dash (PledgeChart *c,
          gboolean     dashed,
          double       line_width)
{
  double dashes[2] = { MAX (2.0, line_width * 3.5), MAX (2.0, line_width * 2.5) };

  if (dashed)
    cairo_set_dash (c->cr, dashes, 2, 0);
  else
    cairo_set_dash (c->cr, NULL, 0, 0);
}

void
pledge_chart_stroke_rect (PledgeChart             *c,
                          double                   x,
                          double                   y,
                          double                   width,
                          double                   height,
                          double                   line_width,
                          const PledgeChartColour *colour,
                          gboolean                 dashed)
{
  if (c->cr == NULL)
    return;
  cairo_save (c->cr);
  pledge_chart_set_colour (c, colour);
  cairo_set_line_width (c->cr, pledge_chart_safe (line_width));
  set_dash (c, dashed, line_width);
  cairo_rectangle (c->cr, pledge_chart_safe (x), pledge_chart_safe (y),
                   pledge_chart_safe (width), pledge_chart_safe (height));
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

void
pledge_chart_line (PledgeChart             *c,
                   double                   x1,
                   double                   y1,
                   double                   x2,
                   double                   y2,
                   double                   line_width,
                   const PledgeChartColour *colour,
                   gboolean                 dashed)
{
  if (c->cr == NULL)
    return;
  cairo_save (c->cr);
  pledge_chart_set_colour (c, colour);
  cairo_set_line_width (c->cr, pledge_chart_safe (line_width));
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_BUTT);
  set_dash (c, dashed, line_width);
  cairo_move_to (c->cr, pledge_chart_safe (x1), pledge_chart_safe (y1));
  cairo_line_to (c->cr, pledge_chart_safe (x2), pledge_chart_safe (y2));
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* Hatching: the stripes x - y = d (and x + y = e when crossed), d and e
 * multiples of spacing, anchored to the page so that neighbouring bars line
 * up. Drawn two ways, to the same look: hatch_stroke() and hatch_fill(). */

/* Vector targets, and any transformation: the lines themselves, cut to the
 * rectangle by hand (a clip to a fractional rectangle makes cairo's image
 * backend go through a mask). An SVG or PDF keeps them as lines. */
static void
hatch_stroke (PledgeChart             *c,
              double                   x0,
              double                   y0,
              double                   x1,
              double                   y1,
              double                   spacing,
              const PledgeChartColour *colour,
              gboolean                 cross)
{
  cairo_save (c->cr);
  pledge_chart_set_colour (c, colour);
  cairo_set_line_width (c->cr, MAX (1.0, spacing * 0.3));
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (c->cr, NULL, 0, 0);

  for (double d = floor ((x0 - y1) / spacing) * spacing; d <= x1 - y0; d += spacing)
    {
      double ya = MAX (y0, x0 - d), yb = MIN (y1, x1 - d);

      if (yb > ya)
        {
          cairo_move_to (c->cr, ya + d, ya);
          cairo_line_to (c->cr, yb + d, yb);
        }
    }
  for (double e = cross ? floor ((x0 + y0) / spacing) * spacing : G_MAXDOUBLE;
       e <= x1 + y1; e += spacing)
    {
      double ya = MAX (y0, e - x1), yb = MIN (y1, e - x0);

      if (yb > ya)
        {
          cairo_move_to (c->cr, e - ya, ya);
          cairo_line_to (c->cr, e - yb, yb);
        }
    }
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

#define HATCH_MAX_TILE 256
#define HATCH_MIN_TILE 64

/* The tile's side in pixels: k periods of the stripes, k chosen so
 * that k periods are a whole number of pixels, or within a fiftieth of one
 * (the period then changes by less than that over k stripes). 0 when no
 * tile of at most HATCH_MAX_TILE pixels comes close enough. */
static int
hatch_tile_size (double period)
{
  int best = 0;
  double best_error = G_MAXDOUBLE;

  if (!(period >= 1.0) || period > HATCH_MAX_TILE)
    return 0;
  for (int k = 1; k <= 16 && k * period <= HATCH_MAX_TILE + 0.5; k++)
    {
      double size = round (k * period);
      double error = fabs (size - k * period) / k;

      if (size >= 1 && fabs (size - k * period) <= 0.02)
        return (int) size;
      if (size >= 1 && error < best_error)
        {
          best_error = error;
          best = (int) size;
        }
    }
  /* no exact fit: the best, if the period moves by under 1 % */
  return best_error <= period * 0.01 ? best : 0;
}

/* The stripes in pixels, for a repeating source pattern */
static cairo_pattern_t *
hatch_tile_new (const PledgeHatchTile *key,
                gboolean               cross)
{
  double period = key->spacing * key->scale;
  int size = hatch_tile_size (period);
  double line_width = MAX (1.0, key->spacing * 0.3) * key->scale;
  double margin = line_width + 2;
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_t *cr;
  int n;

  if (size == 0)
    return NULL;
  n = (int) round (size / period);
  period = (double) size / n;   /* exactly n stripes to the tile */
  /* At least 64 pixels a side: pixman repeats a narrower source by copying
   * each row into a wider one first. */
  if (size < HATCH_MIN_TILE)
    {
      int copies = (HATCH_MIN_TILE + size - 1) / size;

      size *= copies;
      n *= copies;
    }

  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (tile);
  cairo_set_source_rgba (cr, key->colour.red, key->colour.green, key->colour.blue,
                         key->colour.alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  /* Lines past every edge: the tile's stripes continue into its neighbours'. */
  for (int j = -n - 2; j <= n + 2; j++)
    {
      double d = key->phase[0] + j * period;

      cairo_move_to (cr, d - margin, -margin);
      cairo_line_to (cr, d + size + margin, size + margin);
    }
  for (int j = 0; cross && j <= 2 * n + 4; j++)
    {
      double e = key->phase[1] + (j - 2) * period;

      cairo_move_to (cr, e + margin, -margin);
      cairo_line_to (cr, e - size - margin, size + margin);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  if (cairo_pattern_status (pattern) != CAIRO_STATUS_SUCCESS)
    {
      cairo_pattern_destroy (pattern);
      return NULL;
    }
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  /* Pixel for pixel: no resampling */
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  return pattern;
}

/* On a bitmap, drawn without rotation or uneven scaling: the stripes as a
 * tile, made once per chart, to fill the rectangle with. Stroking a line
 * for each stripe of each bar was a fifth of a PNG export's time. */
static gboolean
hatch_fill (PledgeChart             *c,
            double                   x0,
            double                   y0,
            double                   x1,
            double                   y1,
            double                   spacing,
            const PledgeChartColour *colour,
            gboolean                 cross)
{
  PledgeHatchTile key = { NULL, *colour, 0, spacing, { 0, 0 } };
  PledgeHatchTile *cached = &c->hatch[cross ? 1 : 0];
  double ox = 0, oy = 0, ux = 1, uy = 0, vx = 0, vy = 1, period;
  cairo_matrix_t to_pixels;

  /* user space to pixels: a uniform scale and a translation only */
  if (!user_to_pixel (c->cr, &ox, &oy) || !user_to_pixel (c->cr, &ux, &uy) ||
      !user_to_pixel (c->cr, &vx, &vy))
    return FALSE;
  ux -= ox;
  uy -= oy;
  vx -= ox;
  vy -= oy;
  if (!(ux > 0) || fabs (uy) > 1e-9 * ux || fabs (vx) > 1e-9 * ux || fabs (vy - ux) > 1e-9 * ux ||
      !isfinite (ox) || !isfinite (oy))
    return FALSE;

  /* x - y = d becomes X - Y = d * scale + (ox - oy); likewise x + y = e */
  key.scale = ux;
  period = spacing * key.scale;
  key.phase[0] = fmod (ox - oy, period);
  key.phase[1] = fmod (ox + oy, period);

  if (cached->pattern == NULL || !colour_equal (&cached->colour, &key.colour) ||
      cached->scale != key.scale || cached->spacing != key.spacing ||
      cached->phase[0] != key.phase[0] || cached->phase[1] != key.phase[1])
    {
      g_clear_pointer (&cached->pattern, cairo_pattern_destroy);
      key.pattern = hatch_tile_new (&key, cross);
      if (key.pattern == NULL)
        return FALSE;
      *cached = key;
    }

  /* The pattern's space is the pixels' */
  cairo_matrix_init (&to_pixels, ux, 0, 0, ux, ox, oy);
  cairo_pattern_set_matrix (cached->pattern, &to_pixels);

  cairo_save (c->cr);
  cairo_set_source (c->cr, cached->pattern);
  {
    /* The whole pixels inside, one composite of the tile on pixman's fast
     * path; then the partly covered edges, each pixel in one piece only, so
     * that its coverage is what the one rectangle gives. One unaligned
     * rectangle would go through a mask, pixel by pixel. */
    double dx0 = x0 * ux + ox, dx1 = x1 * ux + ox, dy0 = y0 * ux + oy, dy1 = y1 * ux + oy;
    double ix0 = ceil (dx0), ix1 = floor (dx1), iy0 = ceil (dy0), iy1 = floor (dy1);

    if (ix1 - ix0 >= 1 && iy1 - iy0 >= 1)
      {
        /* [left, right) x [top, bottom) in pixels, as user space */
#define DEVICE_RECT(l, t, r, b) \
        cairo_rectangle (c->cr, ((l) - ox) / ux, ((t) - oy) / ux, \
                         ((r) - (l)) / ux, ((b) - (t)) / ux)

        DEVICE_RECT (ix0, iy0, ix1, iy1);
        cairo_fill (c->cr);
        if (ix0 > dx0)
          DEVICE_RECT (dx0, dy0, ix0, dy1);
        if (dx1 > ix1)
          DEVICE_RECT (ix1, dy0, dx1, dy1);
        if (iy0 > dy0)
          DEVICE_RECT (ix0, dy0, ix1, iy0);
        if (dy1 > iy1)
          DEVICE_RECT (ix0, iy1, ix1, dy1);
#undef DEVICE_RECT
        cairo_fill (c->cr);
      }
    else
      {
        cairo_rectangle (c->cr, x0, y0, x1 - x0, y1 - y0);
        cairo_fill (c->cr);
      }
  }
  cairo_restore (c->cr);
  return TRUE;
}

void
pledge_chart_hatch (PledgeChart             *c,
                    double                   x,
                    double                   y,
                    double                   width,
                    double                   height,
                    const PledgeChartColour *colour,
                    gboolean                 cross)
{
  double spacing = MAX (3.0, c->em * 0.4);
  double x0, y0, x1, y1;

  if (c->cr == NULL || !(width > 0) || !(height > 0))
    return;

  x0 = pledge_chart_safe (x);
  y0 = pledge_chart_safe (y);
  x1 = pledge_chart_safe (x + width);
  y1 = pledge_chart_safe (y + height);

  if (!hatch_fill (c, x0, y0, x1, y1, spacing, colour, cross))
    hatch_stroke (c, x0, y0, x1, y1, spacing, colour, cross);
}

void
pledge_chart_dot (PledgeChart             *c,
                  double                   x,
                  double                   y,
                  double                   radius,
                  const PledgeChartColour *fill,
                  const PledgeChartColour *outline)
{
  if (c->cr == NULL || !(radius > 0))
    return;
  cairo_new_sub_path (c->cr);
  cairo_arc (c->cr, pledge_chart_safe (x), pledge_chart_safe (y), pledge_chart_safe (radius),
             0, 2 * G_PI);
  if (fill != NULL)
    {
      pledge_chart_set_colour (c, fill);
      if (outline != NULL)
        cairo_fill_preserve (c->cr);
      else
        cairo_fill (c->cr);
    }
  if (outline != NULL)
    {
      pledge_chart_set_colour (c, outline);
      cairo_set_line_width (c->cr, MAX (1.0, radius * 0.3));
      cairo_set_dash (c->cr, NULL, 0, 0);
      cairo_stroke (c->cr);
    }
}

void
pledge_chart_ring (PledgeChart             *c,
                   double                   x,
                   double                   y,
                   double                   radius,
                   const PledgeChartColour *colour)
{
  double width = MAX (1.5, radius * 0.45);

  if (c->cr == NULL || !(radius > width))
    return;
  cairo_new_sub_path (c->cr);
  cairo_arc (c->cr, pledge_chart_safe (x), pledge_chart_safe (y),
             pledge_chart_safe (radius - width / 2), 0, 2 * G_PI);
  pledge_chart_set_colour (c, &c->style->background);
  cairo_fill_preserve (c->cr);
  pledge_chart_set_colour (c, colour);
  cairo_set_line_width (c->cr, width);
  cairo_set_dash (c->cr, NULL, 0, 0);
  cairo_stroke (c->cr);
}

/* The ghosts' fill: pale, and opaque, so that text over it can go without
 * a halo (halo_quiet): the halos of the values over the ghosts, stroked
 * glyph by glyph, were a third of a compliance chart's time when every
 * member had one. */
PledgeChartColour
pledge_chart_ghost_fill (PledgeChart *c)
{
  return pledge_chart_mix (&c->style->background, &c->style->muted,
                           c->style->dark ? 0.15 : 0.16);
}

void
pledge_chart_ghost_boxes (PledgeChart      *c,
                          const PledgeRect *boxes,
                          guint             n)
{
  PledgeChartColour fill;

  if (c->cr == NULL || n == 0)
    return;
  fill = pledge_chart_ghost_fill (c);

  cairo_new_path (c->cr);
  for (guint i = 0; i < n; i++)
    {
      double x0 = boxes[i].x, y0 = boxes[i].y;
      double x1 = boxes[i].x + boxes[i].width, y1 = boxes[i].y + boxes[i].height;

      if (!(boxes[i].width > 0) || !(boxes[i].height > 0))
        continue;
      /* Whole pixels on a bitmap, where the box keeps a pixel at least */
      if (user_to_pixel (c->cr, &x0, &y0) && user_to_pixel (c->cr, &x1, &y1) &&
          round (x1) > round (x0) && round (y1) > round (y0))
        {
          x0 = round (x0);
          y0 = round (y0);
          x1 = round (x1);
          y1 = round (y1);
          pixel_to_user (c->cr, &x0, &y0);
          pixel_to_user (c->cr, &x1, &y1);
        }
      else
        {
          x0 = boxes[i].x;
          y0 = boxes[i].y;
          x1 = boxes[i].x + boxes[i].width;
          y1 = boxes[i].y + boxes[i].height;
        }
      cairo_rectangle (c->cr, pledge_chart_safe (x0), pledge_chart_safe (y0),
                       pledge_chart_safe (x1 - x0), pledge_chart_safe (y1 - y0));
    }
  pledge_chart_set_colour (c, &fill);
  cairo_fill (c->cr);
}

void
pledge_chart_ghost_box (PledgeChart *c,
                        double       x,
                        double       y,
                        double       width,
                        double       height)
{
  PledgeRect box = { x, y, width, height };

  pledge_chart_ghost_boxes (c, &box, 1);
}

void
pledge_chart_ghost_markers (PledgeChart      *c,
                            const PledgeRect *segments,
                            guint             n)
{
  double width = MAX (2.0, c->em * 0.14);

  if (c->cr == NULL || n == 0)
    return;
  cairo_save (c->cr);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (c->cr, NULL, 0, 0);
  cairo_new_path (c->cr);
  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (c->cr, pledge_chart_safe (segments[i].x), pledge_chart_safe (segments[i].y));
      cairo_line_to (c->cr, pledge_chart_safe (segments[i].x + segments[i].width),
                     pledge_chart_safe (segments[i].y + segments[i].height));
    }
  /* Edged in the background, so that it reads on any bar */
  pledge_chart_set_colour (c, &c->style->background);
  cairo_set_line_width (c->cr, width + 2.0);
  cairo_stroke_preserve (c->cr);
  pledge_chart_set_colour (c, &c->style->foreground);
  cairo_set_line_width (c->cr, width);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

void
pledge_chart_ghost_marker (PledgeChart *c,
                           double       x1,
                           double       y1,
                           double       x2,
                           double       y2)
{
  PledgeRect segment = { x1, y1, x2 - x1, y2 - y1 };

  pledge_chart_ghost_markers (c, &segment, 1);
}

void
pledge_chart_ghost_point (PledgeChart *c,
                          double       x,
                          double       y,
                          double       radius)
{
  double dashes[2];

  if (c->cr == NULL || !(radius > 1))
    return;
  /* A dotted circle over the background: pale beside the points, and
   * unlike the rings of estimates */
  dashes[0] = dashes[1] = MAX (1.0, radius * G_PI / 6);
  cairo_save (c->cr);
  cairo_new_sub_path (c->cr);
  cairo_arc (c->cr, pledge_chart_safe (x), pledge_chart_safe (y),
             pledge_chart_safe (radius - 0.5), 0, 2 * G_PI);
  pledge_chart_set_colour (c, &c->style->background);
  cairo_fill_preserve (c->cr);
  pledge_chart_set_colour (c, &c->style->muted);
  cairo_set_line_width (c->cr, 1.2);
  cairo_set_dash (c->cr, dashes, 2, 0);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

double
pledge_chart_ghost_line_width (PledgeChart *c)
{
  return MAX (1.0, c->em * 0.1);
}

PledgeChartColour
pledge_chart_mix (const PledgeChartColour *a,
                  const PledgeChartColour *b,
                  double                   t)
{
  PledgeChartColour r = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };

  return r;
}

char *
pledge_chart_truncate (const char *text,
                       guint       max_chars)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = text;
  for (guint i = 0; i < max_chars && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);
  {
    g_autofree char *head = g_strndup (text, end - text);

    return g_strconcat (head, "…", NULL);
  }
}

/* The value a label shows: two decimals round as the report and the
 * compliance test do (NATO's half up, pledge_round2), so that 2.125 reads
 * 2.13 and meets a 2.13 target; and no -0.00. */
static double
round_shown (double value,
             int    decimals)
{
  if (decimals == 2)
    value = pledge_round2 (value);
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;
  return value;
}

char *
pledge_chart_format_number (double value,
                            int    decimals)
{
  if (!isfinite (value))
    /* Translators: shown for a number that is not known */
    return g_strdup (_("n/a"));
  decimals = CLAMP (decimals, 0, 6);
  value = round_shown (value, decimals);
  /* %f follows LC_NUMERIC: the user's decimal separator */
  return g_strdup_printf ("%.*f", decimals, value);
}

char *
pledge_chart_format_percent (double value,
                             int    decimals)
{
  g_autofree char *number = pledge_chart_format_number (value, decimals);

  if (!isfinite (value))
    return g_steal_pointer (&number);
  /* Translators: a percentage; %s is the number. Use the spacing and sign
   * order of your language, e.g. "%s %%" */
  return g_strdup_printf (_("%s%%"), number);
}

char *
pledge_chart_format_grouped (double value,
                             int    decimals)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  decimals = CLAMP (decimals, 0, 6);
  value = round_shown (value, decimals);
  return g_strdup_printf ("%'.*f", decimals, value);
}

char *
pledge_chart_format_money (double value)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  if (fabs (value) < 0.5)
    value = 0;
  /* The ' flag groups thousands the way LC_NUMERIC says. */
  if (fabs (value) >= 100 || value == 0)
    return g_strdup_printf ("%'.0f", value);
  if (fabs (value) >= 10)
    return g_strdup_printf ("%'.1f", value);
  return g_strdup_printf ("%'.2f", round_shown (value, 2));
}

void
pledge_axis_init (PledgeAxis *axis,
                  double      lo,
                  double      hi,
                  guint       max_ticks)
{
  static const double mantissas[] = { 1, 2, 2.5, 5 };
  double range;
  int k;

  if (!isfinite (lo))
    lo = 0;
  if (!isfinite (hi))
    hi = lo + 1;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-9 * MAX (1.0, fabs (hi)))
    hi = lo + MAX (1.0, fabs (lo) * 0.1);
  max_ticks = CLAMP (max_ticks, 2, 50);
  range = hi - lo;

  axis->min = lo;
  axis->max = hi;
  axis->step = range;
  axis->n_ticks = 2;
  axis->decimals = 0;

  for (k = (int) floor (log10 (range / max_ticks)) - 1; k < 400; k++)
    {
      gboolean found = FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        {
          double step = mantissas[m] * pow (10, k);
          double min = floor (lo / step + 1e-9) * step;
          double max = ceil (hi / step - 1e-9) * step;
          double n = round ((max - min) / step) + 1;

          if (n <= max_ticks)
            {
              axis->min = min;
              axis->max = max;
              axis->step = step;
              axis->n_ticks = (guint) n;
              found = TRUE;
              break;
            }
        }
      if (found)
        break;
    }

  for (int d = 0; d <= 6; d++)
    {
      double scaled = axis->step * pow (10, d);

      axis->decimals = d;
      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
    }
}

double
pledge_axis_map (const PledgeAxis *axis,
                 double            value,
                 double            from,
                 double            to)
{
  double span = axis->max - axis->min;

  if (!isfinite (value) || !(span > 0))
    return from;
  return from + (value - axis->min) / span * (to - from);
}

double
pledge_axis_tick (const PledgeAxis *axis,
                  guint             i)
{
  double v = axis->min + i * axis->step;

  /* No "-0" and no 0.30000000000000004 */
  if (fabs (v) < axis->step * 1e-9)
    v = 0;
  return v;
}

void
pledge_legend_add (PledgeLegend            *legend,
                   PledgeSwatch             swatch,
                   const PledgeChartColour *colour,
                   const char              *label)
{
  PledgeLegendItem *item;

  g_assert (legend->n_items < PLEDGE_MAX_LEGEND_ITEMS);
  item = &legend->items[legend->n_items++];
  item->swatch = swatch;
  item->colour = *colour;
  item->label = label;
}

static double
swatch_width (PledgeChart  *c,
              PledgeSwatch  swatch)
{
  switch (swatch)
    {
    case PLEDGE_SWATCH_LINE:
    case PLEDGE_SWATCH_THICK_LINE:
    case PLEDGE_SWATCH_DASHED_LINE:
    case PLEDGE_SWATCH_THIN_LINE:
    case PLEDGE_SWATCH_GHOST_RING:
      return c->em * 2.0;
    case PLEDGE_SWATCH_BOX:
    case PLEDGE_SWATCH_HATCHED:
    case PLEDGE_SWATCH_CROSS_HATCHED:
    case PLEDGE_SWATCH_OUTLINE:
    case PLEDGE_SWATCH_DOT:
    case PLEDGE_SWATCH_RING:
    case PLEDGE_SWATCH_GHOST:
    default:
      return c->em * 0.9;
    }
}

static void
draw_swatch (PledgeChart            *c,
             const PledgeLegendItem *item,
             double                  x,
             double                  cy)
{
  double s = c->em * 0.9;
  double w = swatch_width (c, item->swatch);

  switch (item->swatch)
    {
    case PLEDGE_SWATCH_BOX:
      pledge_chart_fill_rect (c, x, cy - s / 2, s, s, &item->colour);
      break;
    case PLEDGE_SWATCH_HATCHED:
    case PLEDGE_SWATCH_CROSS_HATCHED:
      {
        PledgeChartColour stripes = c->style->background;

        stripes.alpha = 0.5;
        pledge_chart_fill_rect (c, x, cy - s / 2, s, s, &item->colour);
        pledge_chart_hatch (c, x, cy - s / 2, s, s, &stripes,
                            item->swatch == PLEDGE_SWATCH_CROSS_HATCHED);
      }
      break;
    case PLEDGE_SWATCH_OUTLINE:
      pledge_chart_stroke_rect (c, x + 0.5, cy - s / 2 + 0.5, s - 1, s - 1, 1.0,
                                &item->colour, TRUE);
      break;
    case PLEDGE_SWATCH_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, MAX (1.5, c->em * 0.14), &item->colour, FALSE);
      break;
    case PLEDGE_SWATCH_THICK_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, MAX (2.5, c->em * 0.25), &item->colour, FALSE);
      break;
    case PLEDGE_SWATCH_DASHED_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, MAX (1.5, c->em * 0.14), &item->colour, TRUE);
      break;
    case PLEDGE_SWATCH_DOT:
      pledge_chart_dot (c, x + s / 2, cy, s * 0.4, &item->colour, NULL);
      break;
    case PLEDGE_SWATCH_RING:
      pledge_chart_ring (c, x + s / 2, cy, s * 0.4, &item->colour);
      break;
    case PLEDGE_SWATCH_GHOST:
      /* the marker where the chart's bars end: at the top, or the right */
      pledge_chart_ghost_box (c, x, cy - s / 2, s, s);
      if (c->kind == PLEDGE_CHART_BURDEN || c->kind == PLEDGE_CHART_GAP)
        pledge_chart_ghost_marker (c, x + s, cy - s / 2 - c->em * 0.1, x + s,
                                   cy + s / 2 + c->em * 0.1);
      else
        pledge_chart_ghost_marker (c, x - c->em * 0.1, cy - s / 2, x + s + c->em * 0.1,
                                   cy - s / 2);
      break;
    case PLEDGE_SWATCH_THIN_LINE:
      pledge_chart_line (c, x, cy, x + w, cy, pledge_chart_ghost_line_width (c), &item->colour,
                         FALSE);
      break;
    case PLEDGE_SWATCH_GHOST_RING:
      pledge_chart_line (c, x + s * 0.4, cy, x + w - s * 0.4, cy, 1.0, &c->style->muted, FALSE);
      pledge_chart_ghost_point (c, x + s * 0.4, cy, s * 0.4);
      pledge_chart_dot (c, x + w - s * 0.4, cy, s * 0.4, &item->colour, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Lays out (and draws) the legend in rows from y; returns its height. */
static double
legend_run (PledgeChart        *c,
            const PledgeLegend *legend,
            double              y)
{
  double row_height = pledge_chart_line_height (c, PLEDGE_FONT_LABEL) * 1.25;
  double max_x = c->width - c->pad;
  double x = c->pad;
  double rows = 1;

  if (legend == NULL || legend->n_items == 0)
    return 0;

  for (guint i = 0; i < legend->n_items; i++)
    {
      const PledgeLegendItem *item = &legend->items[i];
      g_autoptr(PangoLayout) layout = pledge_chart_layout (c, PLEDGE_FONT_LABEL, item->label);
      double sw = swatch_width (c, item->swatch);
      double tw, th, w;

      pango_layout_set_width (layout, (int) (MAX (1.0, max_x - c->pad - sw - c->em * 0.4) *
                                             PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pledge_chart_layout_size (layout, &tw, &th);
      w = sw + c->em * 0.4 + tw;
      if (x > c->pad && x + w > max_x)
        {
          x = c->pad;
          y += row_height;
          rows++;
        }
      draw_swatch (c, item, x, y + row_height / 2);
      pledge_chart_show (c, layout, x + sw + c->em * 0.4, y + row_height / 2, 0, 0.5, 0,
                         &c->style->muted);
      x += w + c->em * 1.4;
    }
  return rows * row_height;
}

/* Each part of a footer: Pango lays out all of a text before it ellipsizes */
#define FOOTER_MAX_CHARS 300

static char *
footer_text (PledgeChart *c,
             const char  *note)
{
  const PledgeChartInput *in = c->input;
  g_autoptr(GString) s = g_string_new (NULL);

  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = pledge_chart_truncate (note, FOOTER_MAX_CHARS);

      g_string_append (s, text);
      g_string_append_c (s, '\n');
    }
  if (in->title != NULL && *in->title != '\0')
    {
      g_autofree char *text = pledge_chart_truncate (in->title, FOOTER_MAX_CHARS);

      g_string_append (s, text);
    }
  if (c->kind == PLEDGE_CHART_TREND && in->n_years > 0)
    {
      if (s->len > 0 && s->str[s->len - 1] != '\n')
        g_string_append (s, " · ");
      if (in->first_year == in->last_year)
        g_string_append_printf (s, "%d", in->first_year);
      else
        g_string_append_printf (s, "%d–%d", in->first_year, in->last_year);
    }
  else
    {
      if (s->len > 0 && s->str[s->len - 1] != '\n')
        g_string_append (s, " · ");
      g_string_append_printf (s, "%d", in->year);
    }
  if (in->scenario_name != NULL)
    {
      g_autofree char *text = pledge_chart_truncate (in->scenario_name, FOOTER_MAX_CHARS);

      g_string_append (s, " · ");
      /* Translators: a chart's footer; %s is a scenario's name */
      g_string_append_printf (s, _("Scenario: %s"), text);
    }
  if (in->n_sources > 0)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s",
                                              in->n_sources),
                              in->footer_sources);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
pledge_chart_frame (PledgeChart        *c,
                    const char         *title,
                    const char         *subtitle,
                    const PledgeLegend *legend,
                    const char         *note)
{
  const PledgeChartStyle *style = c->style;
  double text_width = MAX (1.0, c->width - 2 * c->pad);
  g_autoptr(PangoLayout) title_layout = pledge_chart_layout (c, PLEDGE_FONT_TITLE, title);
  g_autoptr(PangoLayout) subtitle_layout = pledge_chart_layout (c, PLEDGE_FONT_SUBTITLE, subtitle);
  g_autofree char *footer = footer_text (c, note);
  g_autoptr(PangoLayout) footer_layout = pledge_chart_layout (c, PLEDGE_FONT_FOOTER, footer);
  double y = c->pad * 0.85, h, footer_h, footer_line, footer_max, bottom;

  if (c->cr != NULL)
    {
      pledge_chart_set_colour (c, &style->background);
      cairo_paint (c->cr);
    }

  for (guint i = 0; i < 2; i++)
    {
      PangoLayout *layout = i == 0 ? title_layout : subtitle_layout;

      pango_layout_set_width (layout, (int) (text_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  pledge_chart_show (c, title_layout, c->pad, y, 0, 0, 0, &style->foreground);
  pledge_chart_layout_size (title_layout, NULL, &h);
  y += h + c->em * 0.15;
  if (subtitle != NULL && *subtitle != '\0')
    {
      pledge_chart_show (c, subtitle_layout, c->pad, y, 0, 0, 0, &style->foreground);
      pledge_chart_layout_size (subtitle_layout, NULL, &h);
      y += h;
    }
  y += c->em * 0.5;
  h = legend_run (c, legend, y);
  if (h > 0)
    y += h + c->em * 0.4;

  /* The footer: at most a fifth of the chart, ellipsized past that. */
  footer_line = pledge_chart_line_height (c, PLEDGE_FONT_FOOTER);
  footer_max = MAX (footer_line, floor (c->height * 0.2 / footer_line) * footer_line);
  pango_layout_set_width (footer_layout, (int) (text_width * PANGO_SCALE));
  pango_layout_set_wrap (footer_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (footer_layout, (int) (footer_max * PANGO_SCALE));
  pango_layout_set_ellipsize (footer_layout, PANGO_ELLIPSIZE_END);
  pledge_chart_layout_size (footer_layout, NULL, &footer_h);
  bottom = c->height - c->pad * 0.7 - footer_h;
  pledge_chart_show (c, footer_layout, c->pad, bottom, 0, 0, 0, &style->muted);
  pledge_chart_line (c, c->pad, bottom - c->em * 0.45, c->width - c->pad, bottom - c->em * 0.45,
                     1.0, &style->grid, FALSE);

  c->plot.x = c->pad;
  c->plot.width = text_width;
  c->plot.y = y + c->em * 0.2;
  c->plot.height = MAX (1.0, bottom - c->em * 1.0 - c->plot.y);
}

void
pledge_chart_message (PledgeChart *c,
                      const char  *message)
{
  g_autoptr(PangoLayout) layout = pledge_chart_layout (c, PLEDGE_FONT_SUBTITLE, message);

  pango_layout_set_width (layout, (int) (MAX (1.0, c->plot.width) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pledge_chart_show (c, layout, c->plot.x + c->plot.width / 2, c->plot.y + c->plot.height / 2,
                     0.5, 0.5, 0, &c->style->muted);
}

void
pledge_chart_no_room (PledgeChart *c)
{
  if (c->plot.height >= pledge_chart_line_height (c, PLEDGE_FONT_SUBTITLE) * 1.2)
    pledge_chart_message (c, _("Not enough room for the chart"));
}

static int
compare_by_y (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const double *ys = user_data;
  double ya = ys[*(const guint *) a], yb = ys[*(const guint *) b];

  if (ya < yb)
    return -1;
  if (ya > yb)
    return 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

gboolean
pledge_chart_spread (double       *ys,
                     const double *heights,
                     guint         n,
                     double        top,
                     double        bottom)
{
  g_autofree guint *order = NULL;
  double total = 0, edge;

  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (ys[i]))
        ys[i] = top;
      total += heights[i];
    }
  if (total > bottom - top)
    return FALSE;

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  pledge_chart_sort (order, n, sizeof (guint), compare_by_y, ys);

  edge = top;
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      double t = MAX (ys[i] - heights[i] / 2, edge);

      ys[i] = t + heights[i] / 2;
      edge = t + heights[i];
    }
  edge = bottom;
  for (guint k = n; k-- > 0;)
    {
      guint i = order[k];
      double b = MIN (ys[i] + heights[i] / 2, edge);

      ys[i] = b - heights[i] / 2;
      edge = b - heights[i];
    }
  return TRUE;
}

guint
pledge_chart_collect_targets (const PledgeChartInput *input,
                              gboolean                equipment,
                              PledgeTargetLine       *lines)
{
  int selected = -1;
  guint n = 0;

  for (guint i = 0; i < input->n_targets; i++)
    {
      gboolean is_equipment = input->targets[i].metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE;

      if (is_equipment != equipment)
        continue;
      if (i == input->target || selected < 0)
        selected = (int) i;
      if (i == input->target)
        break;
    }

  for (guint i = 0; i < input->n_targets && n < PLEDGE_MAX_TARGET_LINES; i++)
    {
      const PledgeChartTarget *t = &input->targets[i];
      gboolean is_equipment = t->metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE;

      if (is_equipment != equipment || !isfinite (t->min))
        continue;
      lines[n].value = t->min;
      lines[n].label = t->line_label;
      lines[n].selected = (int) i == selected;
      n++;
    }
  return n;
}

static double
bars_axis_height (PledgeChart *c,
                  gboolean     axis_title)
{
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);

  return line_h + c->em * 0.5 + (axis_title ? line_h + c->em * 0.2 : 0);
}

static double
bars_min_row (PledgeChart *c)
{
  return pledge_chart_line_height (c, PLEDGE_FONT_LABEL) * 1.15;
}

guint
pledge_bars_capacity (PledgeChart *c,
                      gboolean     axis_title)
{
  double room = c->plot.height - bars_axis_height (c, axis_title);

  return (guint) MAX (1.0, floor (room / bars_min_row (c)));
}

void
pledge_bars_clear (PledgeBars *bars)
{
  for (guint i = 0; i < bars->n_rows; i++)
    {
      g_free (bars->rows[i].label);
      g_free (bars->rows[i].value_text);
    }
  g_clear_pointer (&bars->rows, g_free);
  bars->n_rows = 0;
}

gboolean
pledge_bars_layout (PledgeChart *c,
                    PledgeBars  *bars,
                    double       max_value)
{
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  double label_w = 0, value_w = 0, tick_w, room;

  if (bars->n_rows == 0)
    return FALSE;

  for (guint i = 0; i < bars->n_rows; i++)
    {
      const PledgeRow *row = &bars->rows[i];

      label_w = MAX (label_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, row->label));
      if (row->kind == PLEDGE_ROW_BAR)
        value_w = MAX (value_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, row->value_text));
    }
  label_w = MIN (label_w, c->plot.width * 0.3);
  value_w = MIN (value_w, c->plot.width * 0.25);

  bars->label_right = c->plot.x + label_w;
  bars->x0 = bars->label_right + c->em * 0.6;
  bars->x1 = c->plot.x + c->plot.width - value_w - c->em * 0.6;
  room = c->plot.height - bars_axis_height (c, bars->axis_title != NULL);
  if (bars->x1 - bars->x0 < 30 || room < bars_min_row (c) * 0.95 * bars->n_rows)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  if (!isfinite (max_value) || !(max_value > 0))
    max_value = 1;
  {
    g_autofree char *widest = bars->money ? pledge_chart_format_money (max_value)
                                          : pledge_chart_format_percent (max_value, 1);

    tick_w = pledge_chart_text_width (c, PLEDGE_FONT_LABEL, widest) + c->em * 1.5;
  }
  pledge_axis_init (&bars->axis, 0, max_value,
                    (guint) CLAMP ((bars->x1 - bars->x0) / tick_w, 2, 10));

  bars->row_height = MIN (room / bars->n_rows, line_h * 2.0);
  bars->top = c->plot.y;
  bars->bottom = bars->top + bars->row_height * bars->n_rows;
  return TRUE;
}

void
pledge_bars_paint (PledgeChart      *c,
                   const PledgeBars *bars)
{
  const PledgeChartStyle *style = c->style;
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  double bar_h = MAX (1.0, MIN (bars->row_height * 0.72, bars->row_height - 2));
  double over = MIN (c->em * 0.15, (bars->row_height - bar_h) * 0.4);
  double ghost_w;
  PledgeChartColour stripes = style->background;

  stripes.alpha = 0.5;

  for (guint k = 0; k < bars->axis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&bars->axis, k);
      double x = pledge_axis_map (&bars->axis, v, bars->x0, bars->x1);
      g_autofree char *tick = bars->money ? pledge_chart_format_grouped (v, bars->axis.decimals)
                                          : pledge_chart_format_percent (v, bars->axis.decimals);

      pledge_chart_line (c, x, bars->top, x, bars->bottom, 1.0,
                         k == 0 ? &style->muted : &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, x, bars->bottom + c->em * 0.3, 0.5, 0, 0,
                         &style->muted);
    }
  if (bars->axis_title != NULL)
    pledge_chart_text (c, PLEDGE_FONT_LABEL, bars->axis_title, (bars->x0 + bars->x1) / 2,
                       bars->bottom + c->em * 0.5 + line_h, 0.5, 0, 0, &style->foreground);

  for (guint i = 0; i < bars->n_rows; i++)
    {
      const PledgeRow *row = &bars->rows[i];
      double cy = bars->top + (i + 0.5) * bars->row_height;
      g_autoptr(PangoLayout) label = pledge_chart_layout (c, PLEDGE_FONT_LABEL, row->label);

      pango_layout_set_width (label, (int) ceil ((MAX (1.0, bars->label_right - c->plot.x) + 1) *
                                                 PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      pledge_chart_show (c, label, bars->label_right, cy, 1, 0.5, 0,
                         row->member >= 0 ? &style->foreground : &style->muted);

      /* The reported figure under a scenario's: behind the bar, with a
       * marker where it ends; the value goes past both. */
      ghost_w = 0;
      if (row->has_ghost && isfinite (row->ghost) && row->ghost > 0)
        {
          ghost_w = MAX (1.0, pledge_axis_map (&bars->axis, row->ghost, bars->x0, bars->x1) -
                              bars->x0);
          pledge_chart_ghost_box (c, bars->x0, cy - bar_h / 2, ghost_w, bar_h);
        }

      if (row->kind == PLEDGE_ROW_BAR)
        {
          double end = pledge_axis_map (&bars->axis, MAX (0.0, row->value), bars->x0, bars->x1);
          double w = end - bars->x0;

          if (row->value > 0 && w < 1)
            w = 1;
          pledge_chart_fill_rect (c, bars->x0, cy - bar_h / 2, w, bar_h, &row->fill);
          if (row->hatch > 0)
            pledge_chart_hatch (c, bars->x0, cy - bar_h / 2, w, bar_h, &stripes, row->hatch > 1);
          if (ghost_w > 0)
            pledge_chart_ghost_marker (c, bars->x0 + ghost_w, cy - bar_h / 2 - over,
                                       bars->x0 + ghost_w, cy + bar_h / 2 + over);
          if (row->value_text != NULL)
            pledge_chart_text (c, PLEDGE_FONT_LABEL, row->value_text,
                               bars->x0 + MAX (w, ghost_w) + c->em * 0.3, cy, 0, 0.5, 0,
                               row->text_colour);
        }
      else if (row->value_text != NULL)
        {
          g_autoptr(PangoLayout) text = pledge_chart_layout (c, PLEDGE_FONT_LABEL, row->value_text);
          double tx = bars->x0 + ghost_w + c->em * 0.3;

          if (ghost_w > 0)
            pledge_chart_ghost_marker (c, bars->x0 + ghost_w, cy - bar_h / 2 - over,
                                       bars->x0 + ghost_w, cy + bar_h / 2 + over);
          pango_layout_set_width (text, (int) (MAX (1.0, c->plot.x + c->plot.width - tx) *
                                               PANGO_SCALE));
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          pledge_chart_show (c, text, tx, cy, 0, 0.5, 0, row->text_colour);
        }
    }
}

int
pledge_bars_hit_test (const PledgeBars *bars,
                      double            x,
                      double            y)
{
  guint k;

  if (bars->n_rows == 0 || !(bars->row_height > 0) || y < bars->top || y >= bars->bottom)
    return -1;
  k = (guint) floor ((y - bars->top) / bars->row_height);
  if (k >= bars->n_rows)
    return -1;
  return bars->rows[k].member;
}
