/* pledge-chart-export.c: one chart into a PNG, SVG or PDF file
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "pledge-chart-common.h"
#include "pledge-chart-export.h"

/* cairo's image surfaces are limited to 32767 pixels a side. */
#define MAX_PIXELS 32767
#define MAX_SCALE 8.0

gboolean
pledge_export_format_from_filename (const char         *filename,
                                    PledgeExportFormat *format)
{
  static const struct
  {
    const char        *extension;
    PledgeExportFormat format;
  } table[] = {
    { ".png", PLEDGE_EXPORT_PNG },
    { ".svg", PLEDGE_EXPORT_SVG },
    { ".pdf", PLEDGE_EXPORT_PDF },
  };
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_ascii_strcasecmp (dot, table[i].extension) == 0)
      {
        if (format != NULL)
          *format = table[i].format;
        return TRUE;
      }
  return FALSE;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_DRAW,
               /* Translators: %s is cairo's description of what went wrong */
               _("Could not draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

static char *
software_name (void)
{
  /* Translators: the program that made a file, in its metadata */
  return g_strdup_printf (_("Pledge %s"), PACKAGE_VERSION);
}

static char *
source_text (const PledgeChartInput *input)
{
  if (input->sources != NULL && *input->sources != '\0')
    return g_strdup (input->sources);
  return g_strdup (input->title ? input->title : "");
}

/* PNG text chunks: tEXt (Latin-1) where the text allows, else iTXt (UTF-8). */
static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 b[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (array, b, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  uLong crc = crc32 (0L, Z_NULL, 0);

  append_be32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  crc = crc32 (crc, (const Bytef *) type, 4);
  if (length > 0)
    {
      g_byte_array_append (out, data, length);
      crc = crc32 (crc, data, length);
    }
  append_be32 (out, (guint32) crc);
}

static void
append_text_chunk (GByteArray *out,
                   const char *keyword,
                   const char *text)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *latin1 = NULL;
  gsize latin1_len = 0;

  if (text == NULL)
    return;

  g_byte_array_append (data, (const guint8 *) keyword, strlen (keyword) + 1);
  latin1 = g_convert (text, -1, "ISO-8859-1", "UTF-8", NULL, &latin1_len, NULL);
  if (latin1 != NULL && memchr (latin1, '\0', latin1_len) == NULL)
    {
      g_byte_array_append (data, (const guint8 *) latin1, latin1_len);
      append_chunk (out, "tEXt", data->data, data->len);
    }
  else
    {
      /* compression flag, method, language tag, translated keyword */
      static const guint8 itxt_header[] = { 0, 0, 0, 0 };

      g_byte_array_append (data, itxt_header, sizeof itxt_header);
      g_byte_array_append (data, (const guint8 *) text, strlen (text));
      append_chunk (out, "iTXt", data->data, data->len);
    }
}

/* The PNG encoder: cairo's writer goes through libpng at zlib's default
 * level with adaptive filters, most of an export's time. Charts are flat
 * colours, straight lines and stripes, which deflate's string matching
 * finds unfiltered: filter type None at level 2 gives a smaller file than
 * libpng's in about a sixth of the time. (Measured on the five charts:
 * Sub, Up, Paeth and a per-row choice by the sum of absolute differences
 * all gave larger files and took longer; memLevel 8 beats 9 on both.) */
#define PNG_DEFLATE_LEVEL 2
#define PNG_DEFLATE_MEM_LEVEL 8
#define PNG_IDAT_SIZE (256 * 1024)

/* Whether every pixel of an ARGB32 surface is opaque */
static gboolean
surface_is_opaque (const guint8 *data,
                   int           width,
                   int           height,
                   int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *p = (const guint32 *) (data + (gsize) y * stride);
      guint32 all = 0xff000000;

      for (int x = 0; x < width; x++)
        all &= p[x];
      if (all != 0xff000000)
        return FALSE;
    }
  return TRUE;
}

/* One row of cairo's native-endian, premultiplied pixels as PNG's RGB or
 * RGBA, after the filter type byte (0, None). */
static void
convert_row (guint8        *out,
             const guint32 *p,
             int            width,
             gboolean       alpha)
{
  int x = 0;

  *out++ = 0;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  /* Four pixels at a time: 0x00RRGGBB, byte-swapped and shifted, is R, G, B
   * in the three bytes from the lowest; three words hold four pixels. */
  if (!alpha)
    for (; x + 4 <= width; x += 4, out += 12)
      {
        guint32 a = GUINT32_SWAP_LE_BE (p[x]) >> 8, b = GUINT32_SWAP_LE_BE (p[x + 1]) >> 8;
        guint32 c = GUINT32_SWAP_LE_BE (p[x + 2]) >> 8, d = GUINT32_SWAP_LE_BE (p[x + 3]) >> 8;
        guint32 w[3] = { a | b << 24, b >> 8 | c << 16, c >> 16 | d << 8 };

        memcpy (out, w, sizeof w);
      }
#endif
  if (!alpha)
    for (; x < width; x++, out += 3)
      {
        guint32 v = p[x];

        out[0] = (v >> 16) & 0xff;
        out[1] = (v >> 8) & 0xff;
        out[2] = v & 0xff;
      }
  else
    for (; x < width; x++, out += 4)
      {
        guint32 v = p[x];
        guint a = v >> 24;

        if (a == 0xff)
          {
            out[0] = (v >> 16) & 0xff;
            out[1] = (v >> 8) & 0xff;
            out[2] = v & 0xff;
          }
        else if (a == 0)
          out[0] = out[1] = out[2] = 0;
        else
          {
            /* un-premultiplied, rounded as cairo's own writer does */
            out[0] = (((v >> 16) & 0xff) * 255 + a / 2) / a;
            out[1] = (((v >> 8) & 0xff) * 255 + a / 2) / a;
            out[2] = ((v & 0xff) * 255 + a / 2) / a;
          }
        out[3] = a;
      }
}

/* The image data is deflated in PNG_PARTS bands of rows side by side, as
 * pigz does: each band is a raw deflate stream primed with the last 32 KiB
 * of the band before it, ended by a sync flush (the last by the final
 * block), and the bands joined under one zlib header and Adler-32 make the
 * one stream PNG wants. The number of bands is fixed, not the number of
 * processors, so that the same pixels give the same bytes everywhere. */
#define PNG_PARTS 2
#define PNG_PART_MIN_ROWS 64
#define PNG_WINDOW 32768

typedef struct
{
  const guint8 *data;
  int           width;
  int           stride;
  gboolean      alpha;
  gsize         row_length;
  int           first_row;
  int           end_row;
  gboolean      last;
  GByteArray   *deflated;  /* raw deflate, no zlib header */
  guint32       adler;     /* of this band's rows */
  gboolean      ok;
} PngPart;

static gboolean
deflate_to (z_stream   *z,
            GByteArray *out,
            guint8     *buffer,
            int         flush)
{
  int status;

  do
    {
      z->next_out = buffer;
      z->avail_out = PNG_IDAT_SIZE;
      status = deflate (z, flush);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
        return FALSE;
      g_byte_array_append (out, buffer, PNG_IDAT_SIZE - z->avail_out);
    }
  while (z->avail_out == 0);
  return flush != Z_FINISH || status == Z_STREAM_END;
}

static gpointer
deflate_part (gpointer user_data)
{
  PngPart *part = user_data;
  g_autofree guint8 *row = g_malloc (part->row_length);
  g_autofree guint8 *buffer = g_malloc (PNG_IDAT_SIZE);
  z_stream z = { 0 };
  gboolean ok = TRUE;

  part->adler = adler32 (0L, Z_NULL, 0);
  if (deflateInit2 (&z, PNG_DEFLATE_LEVEL, Z_DEFLATED, -15, PNG_DEFLATE_MEM_LEVEL,
                    Z_DEFAULT_STRATEGY) != Z_OK)
    return NULL;

  if (part->first_row > 0)
    {
      /* The window the band before ends with */
      int n = (int) MIN ((gsize) part->first_row,
                         (PNG_WINDOW + part->row_length - 1) / part->row_length);
      gsize length = (gsize) n * part->row_length;
      g_autofree guint8 *window = g_malloc (length);
      gsize used = MIN (length, PNG_WINDOW);

      for (int k = 0; k < n; k++)
        convert_row (window + k * part->row_length,
                     (const guint32 *) (part->data +
                                        (gsize) (part->first_row - n + k) * part->stride),
                     part->width, part->alpha);
      ok = deflateSetDictionary (&z, window + length - used, (uInt) used) == Z_OK;
    }

  for (int y = part->first_row; y < part->end_row && ok; y++)
    {
      convert_row (row, (const guint32 *) (part->data + (gsize) y * part->stride), part->width,
                   part->alpha);
      part->adler = adler32 (part->adler, row, (uInt) part->row_length);
      z.next_in = row;
      z.avail_in = (uInt) part->row_length;
      ok = deflate_to (&z, part->deflated, buffer, Z_NO_FLUSH);
    }
  if (ok)
    ok = deflate_to (&z, part->deflated, buffer, part->last ? Z_FINISH : Z_SYNC_FLUSH);
  deflateEnd (&z);
  part->ok = ok;
  return NULL;
}

/* The surface as a PNG with the chart's text chunks: IHDR, tEXt or iTXt,
 * IDAT, IEND. RGB when every pixel is opaque, else RGBA. Every row has
 * filter type None. The same pixels give the same bytes. */
static GBytes *
encode_png (cairo_surface_t         *surface,
            PledgeChartKind          kind,
            const PledgeChartInput  *input,
            GError                 **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *title = pledge_chart_get_title (kind, input);
  g_autofree char *description = pledge_chart_input_describe (input, kind);
  g_autofree char *source = source_text (input);
  g_autofree char *software = software_name ();
  cairo_format_t format = cairo_image_surface_get_format (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GByteArray) zlib = NULL;
  PngPart parts[PNG_PARTS];
  GThread *threads[PNG_PARTS] = { NULL };
  guint n_parts;
  guint32 adler;
  gboolean alpha, ok = TRUE;
  gsize row_length;
  guint8 ihdr[13];

  if ((format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_ARGB32) || data == NULL ||
      width < 1 || height < 1)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_DRAW,
                   _("Could not draw the chart: %s"),
                   cairo_status_to_string (CAIRO_STATUS_INVALID_FORMAT));
      return NULL;
    }
  alpha = format == CAIRO_FORMAT_ARGB32 && !surface_is_opaque (data, width, height, stride);
  row_length = 1 + (gsize) width * (alpha ? 4 : 3);

  /* Room for a chart's PNG, a twentieth of its rows or less, without growing */
  out = g_byte_array_sized_new (MIN (row_length * height / 16, PNG_IDAT_SIZE * 4) + 2048);
  g_byte_array_append (out, signature, sizeof signature);

  ihdr[0] = (guint32) width >> 24;
  ihdr[1] = ((guint32) width >> 16) & 0xff;
  ihdr[2] = ((guint32) width >> 8) & 0xff;
  ihdr[3] = (guint32) width & 0xff;
  ihdr[4] = (guint32) height >> 24;
  ihdr[5] = ((guint32) height >> 16) & 0xff;
  ihdr[6] = ((guint32) height >> 8) & 0xff;
  ihdr[7] = (guint32) height & 0xff;
  ihdr[8] = 8;                  /* bit depth */
  ihdr[9] = alpha ? 6 : 2;      /* colour type: RGBA or RGB */
  ihdr[10] = 0;                 /* deflate */
  ihdr[11] = 0;                 /* adaptive filtering, each row's type in its first byte */
  ihdr[12] = 0;                 /* not interlaced */
  append_chunk (out, "IHDR", ihdr, sizeof ihdr);

  append_text_chunk (out, "Title", title);
  append_text_chunk (out, "Description", description);
  append_text_chunk (out, "Source", source);
  append_text_chunk (out, "Software", software);

  /* The bands, the first here and the others in threads */
  n_parts = height >= PNG_PARTS * PNG_PART_MIN_ROWS ? PNG_PARTS : 1;
  for (guint i = 0; i < n_parts; i++)
    {
      parts[i] = (PngPart) {
        .data = data, .width = width, .stride = stride, .alpha = alpha,
        .row_length = row_length,
        .first_row = (int) ((gint64) height * i / n_parts),
        .end_row = (int) ((gint64) height * (i + 1) / n_parts),
        .last = i + 1 == n_parts,
        .deflated = g_byte_array_sized_new (row_length * height / (16 * n_parts) + 1024),
      };
    }
  for (guint i = 1; i < n_parts; i++)
    threads[i] = g_thread_new ("pledge-png", deflate_part, &parts[i]);
  deflate_part (&parts[0]);
  for (guint i = 1; i < n_parts; i++)
    g_thread_join (threads[i]);

  /* One zlib stream: header (deflate, 32 KiB window, level 2-5), the
   * bands, the Adler-32 of all rows. */
  zlib = g_byte_array_sized_new (2 + 4 + parts[0].deflated->len * n_parts);
  g_byte_array_append (zlib, (const guint8 *) "\x78\x5e", 2);
  adler = parts[0].adler;
  for (guint i = 0; i < n_parts; i++)
    {
      ok = ok && parts[i].ok;
      g_byte_array_append (zlib, parts[i].deflated->data, parts[i].deflated->len);
      if (i > 0)
        adler = adler32_combine (adler, parts[i].adler,
                                 (z_off_t) (parts[i].end_row - parts[i].first_row) * row_length);
      g_byte_array_unref (parts[i].deflated);
    }
  append_be32 (zlib, adler);
  if (!ok)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_DRAW,
                   _("Could not draw the chart: %s"),
                   cairo_status_to_string (CAIRO_STATUS_NO_MEMORY));
      return NULL;
    }
  for (gsize at = 0; at < zlib->len; at += PNG_IDAT_SIZE)
    append_chunk (out, "IDAT", zlib->data + at, MIN ((gsize) PNG_IDAT_SIZE, zlib->len - at));

  append_chunk (out, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* cairo's SVG has no title: put one, and a description, first in the root. */
static GBytes *
add_svg_title (GByteArray             *svg,
               PledgeChartKind         kind,
               const PledgeChartInput *input)
{
  g_autofree char *title = pledge_chart_get_title (kind, input);
  g_autofree char *description = pledge_chart_input_describe (input, kind);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *description_markup = g_markup_escape_text (description, -1);
  g_autofree char *insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>",
                                             title_markup, description_markup);
  const char *data = (const char *) svg->data;
  const char *root = g_strstr_len (data, svg->len, "<svg");
  const char *end = root ? memchr (root, '>', svg->len - (root - data)) : NULL;
  g_autoptr(GByteArray) out = NULL;
  gsize at;

  if (end == NULL)
    return g_byte_array_free_to_bytes (g_byte_array_ref (svg));

  at = (gsize) (end - data) + 1;
  out = g_byte_array_sized_new (svg->len + strlen (insert));
  g_byte_array_append (out, svg->data, at);
  g_byte_array_append (out, (const guint8 *) insert, strlen (insert));
  g_byte_array_append (out, svg->data + at, svg->len - at);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The date of a reproducible build (SOURCE_DATE_EPOCH), in ISO 8601 for
 * cairo's PDF metadata; NULL to let cairo put the current time. */
static char *
reproducible_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (epoch == NULL || !g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return NULL;
  date = g_date_time_new_from_unix_utc ((gint64) seconds);
  if (date == NULL)
    return NULL;
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
draw_on (cairo_surface_t        *surface,
         PledgeChartKind         kind,
         const PledgeChartInput *input,
         const PledgeChartStyle *style,
         int                     width,
         int                     height,
         GError                **error)
{
  cairo_t *cr;
  cairo_status_t status;

  if (!check_status (cairo_surface_status (surface), error))
    return FALSE;

  cr = cairo_create (surface);
  pledge_chart_draw (kind, cr, width, height, style, input);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (!check_status (status, error))
    return FALSE;

  cairo_surface_flush (surface);
  return check_status (cairo_surface_status (surface), error);
}

GBytes *
pledge_chart_render (PledgeExportFormat       format,
                     PledgeChartKind          kind,
                     const PledgeChartInput  *input,
                     const PledgeChartStyle  *style,
                     int                      width,
                     int                      height,
                     double                   scale,
                     GError                 **error)
{
  g_autoptr(GByteArray) array = NULL;
  cairo_surface_t *surface = NULL;
  gboolean ok;

  g_return_val_if_fail (format <= PLEDGE_EXPORT_PDF, NULL);
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != PLEDGE_EXPORT_PNG)
    scale = 1;
  if (width < 1 || height < 1 || width > MAX_PIXELS || height > MAX_PIXELS ||
      !isfinite (scale) || scale <= 0 || scale > MAX_SCALE ||
      ceil (width * scale) > MAX_PIXELS || ceil (height * scale) > MAX_PIXELS)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE,
                   /* Translators: "Cannot draw a chart of 0 x 800 at scale 1" */
                   _("Cannot draw a chart of %d × %d at scale %g"), width, height, scale);
      return NULL;
    }

  array = g_byte_array_new ();

  switch (format)
    {
    case PLEDGE_EXPORT_PNG:
      {
        int pw = (int) ceil (width * scale - 1e-9);
        int ph = (int) ceil (height * scale - 1e-9);
        GBytes *png = NULL;

        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
        cairo_surface_set_device_scale (surface, scale, scale);
        if (draw_on (surface, kind, input, style, width, height, error))
          png = encode_png (surface, kind, input, error);
        cairo_surface_destroy (surface);
        return png;
      }

    case PLEDGE_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array, array, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      ok = draw_on (surface, kind, input, style, width, height, error);
      cairo_surface_finish (surface);
      ok = ok && check_status (cairo_surface_status (surface), error);
      cairo_surface_destroy (surface);
      if (!ok)
        return NULL;
      return add_svg_title (array, kind, input);

    case PLEDGE_EXPORT_PDF:
      {
        g_autofree char *title = pledge_chart_get_title (kind, input);
        g_autofree char *description = pledge_chart_input_describe (input, kind);
        g_autofree char *software = software_name ();
        g_autofree char *date = reproducible_date ();

        surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, software);
        if (date != NULL)
          {
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
          }
        ok = draw_on (surface, kind, input, style, width, height, error);
        cairo_surface_finish (surface);
        ok = ok && check_status (cairo_surface_status (surface), error);
        cairo_surface_destroy (surface);
        if (!ok)
          return NULL;
        return g_byte_array_free_to_bytes (g_steal_pointer (&array));
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Writing: replace the file the user named, following symbolic links so a
 * link keeps pointing at the new chart. */
static GFile *
resolve_links (GFile *file)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint depth = 0; depth < 16; depth++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info))
        break;
      target = g_file_info_get_symlink_target (info);
      if (target == NULL)
        break;
      parent = g_file_get_parent (current);
      if (parent == NULL)
        break;
      {
        GFile *next = g_file_resolve_relative_path (parent, target);

        g_object_unref (current);
        current = next;
      }
    }
  return g_steal_pointer (&current);
}

static gboolean
write_with_gio (GFile   *target,
                GBytes  *bytes,
                GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autofree char *basename = g_file_get_basename (target);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Not a file name"));
      return FALSE;
    }

  for (guint attempt = 0; stream == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());

      g_clear_object (&temp);
      temp = g_file_get_child (parent, name);
      stream = g_file_create (temp, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (stream == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("Could not make a temporary file"));
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error) ||
      !g_file_move (temp, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, error))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Abandon the stream without flushing, then remove what it wrote. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
pledge_chart_export (GFile                   *file,
                     PledgeExportFormat       format,
                     PledgeChartKind          kind,
                     const PledgeChartInput  *input,
                     const PledgeChartStyle  *style,
                     int                      width,
                     int                      height,
                     double                   scale,
                     GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *path;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  bytes = pledge_chart_render (format, kind, input, style, width, height, scale, &local_error);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }

  target = resolve_links (file);
  path = g_file_peek_path (target);
  if (path != NULL)
    /* A temporary file beside the target, renamed over it; removed on failure. */
    ok = g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error);
  else
    ok = write_with_gio (target, bytes, &local_error);

  if (!ok)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_WRITE,
                   /* Translators: the first %s is a file name, the second says why */
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
