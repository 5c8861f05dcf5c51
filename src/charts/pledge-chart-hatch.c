/* pledge-chart-hatch.c: hatching, ghosts and colours
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-chart-common.h"
#include "pledge-chart-hatch.h"

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
  if (!pledge_chart_user_to_pixel (c->cr, &ox, &oy) || !pledge_chart_user_to_pixel (c->cr, &ux, &uy) ||
      !pledge_chart_user_to_pixel (c->cr, &vx, &vy))
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

  if (cached->pattern == NULL || !pledge_chart_colour_equal (&cached->colour, &key.colour) ||
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
      if (pledge_chart_user_to_pixel (c->cr, &x0, &y0) && pledge_chart_user_to_pixel (c->cr, &x1, &y1) &&
          round (x1) > round (x0) && round (y1) > round (y0))
        {
          x0 = round (x0);
          y0 = round (y0);
          x1 = round (x1);
          y1 = round (y1);
          pledge_chart_pixel_to_user (c->cr, &x0, &y0);
          pledge_chart_pixel_to_user (c->cr, &x1, &y1);
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
