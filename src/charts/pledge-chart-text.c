/* pledge-chart-text.c: text and numbers on a chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-common.h"
#include "pledge-chart-text.h"
#include "pledge-number.h"

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

/* A layout of text that nobody changes, shaped once a chart: a label is
 * measured while the chart is laid out and measured again and drawn while
 * it is painted. The caller owns a reference. */
static PangoLayout *
shared_layout (PledgeChart *c,
               PledgeFont   font,
               const char  *text)
{
  g_autofree char *key = g_strdup_printf ("%u\037%s", (guint) font, text ? text : "");
  PangoLayout *layout;

  if (c->layouts == NULL)
    c->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  layout = g_hash_table_lookup (c->layouts, key);
  if (layout == NULL)
    {
      layout = pledge_chart_layout (c, font, text);
      g_hash_table_insert (c->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

double
pledge_chart_text_width (PledgeChart *c,
                         PledgeFont   font,
                         const char  *text)
{
  g_autoptr(PangoLayout) layout = shared_layout (c, font, text);
  double width;

  pledge_chart_layout_size (layout, &width, NULL);
  return width;
}

double
pledge_chart_line_height (PledgeChart *c,
                          PledgeFont   font)
{
  g_autoptr(PangoLayout) layout = shared_layout (c, font, "Ag");
  double height;

  pledge_chart_layout_size (layout, NULL, &height);
  return height;
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

/* The pixel that an opaque colour paints on a bitmap of format, kept in
 * *key, *key_format and *pixel for the next time */
static guint32
colour_pixel_cached (const PledgeChartColour *colour,
                     cairo_format_t           format,
                     PledgeChartColour       *key,
                     cairo_format_t          *key_format,
                     guint32                 *pixel)
{
  if (*key_format != format || !pledge_chart_colour_equal (key, colour))
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

      if (!pledge_chart_user_to_pixel (c->cr, &px, &py))
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

static PledgeChartTextHook text_hook;
static gpointer text_hook_data;

void
pledge_chart_set_text_hook (PledgeChartTextHook hook,
                            gpointer            user_data)
{
  text_hook = hook;
  text_hook_data = user_data;
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

  if (text_hook != NULL)
    {
      const PangoFontDescription *desc = pango_layout_get_font_description (layout);
      PledgeRect box = rotated_box (x, y, w, h, ax, ay, angle);

      text_hook (pango_layout_get_text (layout), &box,
                 desc != NULL ? (double) pango_font_description_get_size (desc) / PANGO_SCALE : 0,
                 c->halo != NULL, text_hook_data);
    }

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
  g_autoptr(PangoLayout) layout = shared_layout (c, font, text);
  double w, h;

  pledge_chart_layout_size (layout, &w, &h);
  pledge_chart_show (c, layout, x, y, ax, ay, angle, colour);
  return rotated_box (x, y, w, h, ax, ay, angle);
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

void
pledge_chart_list_add (GString    *list,
                       guint      *n,
                       guint       max,
                       const char *sep,
                       const char *item)
{
  if ((*n)++ >= max)
    return;
  if (list->len > 0)
    g_string_append (list, sep);
  g_string_append (list, item);
}

void
pledge_chart_list_finish (GString *list,
                          guint    n,
                          guint    max)
{
  if (n > max)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: after a list of names or
                                                * sources, cut short */
                                               " and %u more", " and %u more", n - max),
                            n - max);
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

/* value with decimals in the user's locale, thousands always grouped
 * (pledge_number_format_grouped: English grouping in the C locale) */
static char *
format_fixed (double value,
              int    decimals)
{
  if (!isfinite (value))
    /* Translators: shown for a number that is not known */
    return g_strdup (_("n/a"));
  decimals = CLAMP (decimals, 0, 6);
  value = round_shown (value, decimals);
  return pledge_number_format_grouped (value, decimals);
}

char *
pledge_chart_format_number (double value,
                            int    decimals)
{
  return format_fixed (value, decimals);
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
  return format_fixed (value, decimals);
}

int
pledge_chart_money_decimals (double largest)
{
  largest = fabs (largest);
  if (!isfinite (largest) || largest >= 100 || largest < 0.5)
    return 0;
  return largest >= 10 ? 1 : 2;
}

char *
pledge_chart_format_money (double value)
{
  if (isfinite (value) && fabs (value) < 0.5)
    value = 0;
  if (!isfinite (value) || fabs (value) >= 100 || value == 0)
    return format_fixed (value, 0);
  return format_fixed (value, fabs (value) >= 10 ? 1 : 2);
}
