/* pledge-chart-marks.c: the dots, rings and ghost points of scatter charts
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mark is a filled circle with an outline, both antialiased: cairo
 * flattens, strokes and scan-converts each one, and the equipment chart of
 * 3,334 members spent most of its draw on them, on the window's main
 * thread. When a chart has many marks and is drawn on pixels, each kind of
 * mark (its shape, size and colours) is drawn once into a small bitmap and
 * stamped where the marks go, on whole pixels so that cairo copies it
 * rather than resampling it: that chart of the 1M file drew in 146-164 ms
 * with circles and 37-62 ms stamped (PLEDGE_BENCH_ONLY=equipment
 * tests/bench-charts FILE YEAR). SVG and PDF always get circles.
 */

#include "config.h"

#include <math.h>

#include "pledge-chart-common.h"

/* Marks stamped by every chart of the process, for tests */
static guint n_stamped;

typedef enum
{
  MARK_DOT,
  MARK_RING,
  MARK_GHOST,
} MarkKind;

static void
dot_path (PledgeChart             *c,
          double                   x,
          double                   y,
          double                   radius,
          const PledgeChartColour *fill,
          const PledgeChartColour *outline)
{
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

static double
ring_width (double radius)
{
  return MAX (1.5, radius * 0.45);
}

static void
ring_path (PledgeChart             *c,
           double                   x,
           double                   y,
           double                   radius,
           const PledgeChartColour *colour)
{
  double width = ring_width (radius);

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

/* A dotted circle over the background: pale beside the points, and unlike
 * the rings of estimates */
static void
ghost_path (PledgeChart *c,
            double       x,
            double       y,
            double       radius)
{
  double dashes[2];

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

static void
mark_path (PledgeChart             *c,
           MarkKind                 kind,
           double                   x,
           double                   y,
           double                   radius,
           const PledgeChartColour *fill,
           const PledgeChartColour *outline)
{
  switch (kind)
    {
    case MARK_DOT:
      dot_path (c, x, y, radius, fill, outline);
      break;
    case MARK_RING:
      ring_path (c, x, y, radius, outline);
      break;
    case MARK_GHOST:
      ghost_path (c, x, y, radius);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
same_colour (const PledgeChartColour *a,
             const PledgeChartColour *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* The stamp of a mark, drawn on first use; NULL when the table is full */
static PledgeStamp *
find_stamp (PledgeChart             *c,
            MarkKind                 kind,
            double                   radius,
            const PledgeChartColour *fill,
            const PledgeChartColour *outline,
            double                   scale)
{
  static const PledgeChartColour none = { 0, 0, 0, 0 };
  PledgeStamp *stamp;
  cairo_t *saved = c->cr;
  double reach;

  for (guint i = 0; i < c->n_stamps; i++)
    {
      stamp = &c->stamps[i];
      if (stamp->kind == (int) kind && stamp->radius == radius && stamp->scale == scale &&
          same_colour (&stamp->fill, fill != NULL ? fill : &none) &&
          stamp->has_outline == (outline != NULL) &&
          same_colour (&stamp->outline, outline != NULL ? outline : &none))
        return stamp;
    }
  if (c->n_stamps == PLEDGE_CHART_STAMPS)
    return NULL;

  stamp = &c->stamps[c->n_stamps++];
  stamp->kind = kind;
  stamp->radius = radius;
  stamp->fill = fill != NULL ? *fill : none;
  stamp->outline = outline != NULL ? *outline : none;
  stamp->has_outline = outline != NULL;
  stamp->scale = scale;
  /* The circle, half its widest outline and a pixel of antialiasing */
  reach = radius + MAX (ring_width (radius), MAX (1.0, radius * 0.3)) / 2 + 1;
  stamp->size = (int) ceil (2 * reach * scale);
  stamp->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, stamp->size, stamp->size);
  cairo_surface_set_device_scale (stamp->surface, scale, scale);

  c->cr = cairo_create (stamp->surface);
  mark_path (c, kind, stamp->size / 2.0 / scale, stamp->size / 2.0 / scale, radius, fill,
             outline);
  cairo_destroy (c->cr);
  c->cr = saved;
  return stamp;
}

/* The mark stamped on the pixels it covers; FALSE when it cannot be (not
 * drawn on pixels, a scaled or turned user space, a full stamp table) */
static gboolean
stamp_mark (PledgeChart             *c,
            MarkKind                 kind,
            double                   x,
            double                   y,
            double                   radius,
            const PledgeChartColour *fill,
            const PledgeChartColour *outline)
{
  cairo_matrix_t matrix;
  double sx, sy, px = x, py = y, ox, oy;
  PledgeStamp *stamp;

  cairo_get_matrix (c->cr, &matrix);
  if (matrix.xx != 1 || matrix.yy != 1 || matrix.xy != 0 || matrix.yx != 0)
    return FALSE;
  if (!pledge_chart_user_to_pixel (c->cr, &px, &py))
    return FALSE;
  cairo_surface_get_device_scale (cairo_get_target (c->cr), &sx, &sy);
  if (sx != sy || !(sx > 0) || !(radius < 1000))
    return FALSE;
  stamp = find_stamp (c, kind, radius, fill, outline, sx);
  if (stamp == NULL)
    return FALSE;

  ox = round (px - stamp->size / 2.0);
  oy = round (py - stamp->size / 2.0);
  pledge_chart_pixel_to_user (c->cr, &ox, &oy);
  cairo_set_source_surface (c->cr, stamp->surface, ox, oy);
  cairo_paint (c->cr);
  g_atomic_int_inc (&n_stamped);
  return TRUE;
}

static void
mark (PledgeChart             *c,
      MarkKind                 kind,
      double                   x,
      double                   y,
      double                   radius,
      const PledgeChartColour *fill,
      const PledgeChartColour *outline)
{
  if (c->stamp_marks && isfinite (x) && isfinite (y) &&
      stamp_mark (c, kind, x, y, radius, fill, outline))
    return;
  mark_path (c, kind, x, y, radius, fill, outline);
}

guint
pledge_chart_get_n_stamped (void)
{
  return (guint) g_atomic_int_get (&n_stamped);
}

void
pledge_chart_stamp_marks (PledgeChart *c,
                          gboolean     stamp)
{
  c->stamp_marks = stamp;
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
  mark (c, MARK_DOT, x, y, radius, fill, outline);
}

void
pledge_chart_ring (PledgeChart             *c,
                   double                   x,
                   double                   y,
                   double                   radius,
                   const PledgeChartColour *colour)
{
  if (c->cr == NULL || !(radius > ring_width (radius)))
    return;
  mark (c, MARK_RING, x, y, radius, &c->style->background, colour);
}

void
pledge_chart_ghost_point (PledgeChart *c,
                          double       x,
                          double       y,
                          double       radius)
{
  if (c->cr == NULL || !(radius > 1))
    return;
  mark (c, MARK_GHOST, x, y, radius, &c->style->background, &c->style->muted);
}
