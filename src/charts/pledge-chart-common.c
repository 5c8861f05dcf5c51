/* pledge-chart-common.c: the chart being drawn, geometry and plain drawing
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  double factor, min_text;

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
  /* Text never shrinks below the window's small text (11 px beside the
   * default 14): a small chart draws fewer labels, not smaller ones */
  min_text = (style->font_size > 0 && isfinite (style->font_size) ? style->font_size : 14.0) *
             PLEDGE_CHART_MIN_TEXT / 14.0;

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
      pango_font_description_set_absolute_size (desc, MAX (c->em * font_table[i].scale,
                                                           min_text) * PANGO_SCALE);
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
  for (guint i = 0; i < c->n_stamps; i++)
    g_clear_pointer (&c->stamps[i].surface, cairo_surface_destroy);
  g_clear_pointer (&c->layouts, g_hash_table_unref);
  g_clear_object (&c->pango);
}

void
pledge_chart_set_colour (PledgeChart             *c,
                         const PledgeChartColour *colour)
{
  if (c->cr == NULL)
    return;
  cairo_set_source_rgba (c->cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* A point of user space in the pixels of the surface drawn on, when that is
 * a bitmap drawn on directly (no group pushed): cairo_user_to_device()
 * leaves out the surface's device scale and offset (HiDPI). FALSE for
 * anything else. */
gboolean
pledge_chart_user_to_pixel (cairo_t *cr,
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

/* The inverse of pledge_chart_user_to_pixel() */
void
pledge_chart_pixel_to_user (cairo_t *cr,
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

gboolean
pledge_chart_colour_equal (const PledgeChartColour *a,
              const PledgeChartColour *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
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

/* The state every stroke of pledge_chart_stroke_rect() and
 * pledge_chart_line() starts from, saved: the caller restores it after
 * stroking. FALSE, with nothing saved, when there is nothing to draw on. */
static gboolean
stroke_begin (PledgeChart             *c,
              double                   line_width,
              const PledgeChartColour *colour,
              gboolean                 dashed)
{
  double dashes[2] = { MAX (2.0, line_width * 3.5), MAX (2.0, line_width * 2.5) };

  if (c->cr == NULL)
    return FALSE;
  cairo_save (c->cr);
  pledge_chart_set_colour (c, colour);
  cairo_set_line_width (c->cr, pledge_chart_safe (line_width));
  if (dashed)
    cairo_set_dash (c->cr, dashes, 2, 0);
  else
    cairo_set_dash (c->cr, NULL, 0, 0);
  return TRUE;
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
  if (!stroke_begin (c, line_width, colour, dashed))
    return;
  cairo_rectangle (c->cr, pledge_chart_safe (x), pledge_chart_safe (y),
                   pledge_chart_safe (width), pledge_chart_safe (height));
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

static PledgeChartLineHook line_hook;
static gpointer line_hook_data;

void
pledge_chart_set_line_hook (PledgeChartLineHook hook,
                            gpointer            user_data)
{
  line_hook = hook;
  line_hook_data = user_data;
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
  if (!stroke_begin (c, line_width, colour, dashed))
    return;
  if (line_hook != NULL)
    line_hook (x1, y1, x2, y2, line_width, colour, dashed, line_hook_data);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (c->cr, pledge_chart_safe (x1), pledge_chart_safe (y1));
  cairo_line_to (c->cr, pledge_chart_safe (x2), pledge_chart_safe (y2));
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}
