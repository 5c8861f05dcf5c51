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
#include <png.h>

#include "pledge-chart-export.h"

/* SVG and PDF pages: cairo's limit of 32767 units a side */
#define MAX_POINTS 32767

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

/* The PNG encoder is libpng, set for charts: flat colours, straight lines
 * and stripes, which deflate's string matching finds unfiltered. Filter
 * type None at zlib level 2 gives a smaller file than libpng's defaults
 * (level 6, adaptive filters) in about a sixth of the time. (Measured on
 * the five charts: Sub, Up, Paeth and adaptive filters all gave larger
 * files and took longer; memLevel 8 beats 9 on both.) */
#define PNG_DEFLATE_LEVEL 2
#define PNG_DEFLATE_MEM_LEVEL 8
#define PNG_IDAT_SIZE (256 * 1024)
/* A CSS pixel is 1/96 inch: scale 1 is 96 dpi, 3780 pixels a metre. */
#define PNG_PIXELS_PER_METRE (96.0 / 0.0254)

typedef struct
{
  GByteArray *out;
  char       *message;  /* libpng's, on failure */
} PngWriter;

static void
png_write_to_array (png_structp  png,
                    png_bytep    data,
                    size_t       length)
{
  PngWriter *writer = png_get_io_ptr (png);

  g_byte_array_append (writer->out, data, (guint) length);
}

static void
png_flush_nothing (png_structp png)
{
}

static void
png_failed (png_structp      png,
            png_const_charp  message)
{
  PngWriter *writer = png_get_error_ptr (png);

  if (writer->message == NULL)
    writer->message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
png_warned (png_structp      png,
            png_const_charp  message)
{
}

/* A text chunk: tEXt (Latin-1) where the text allows, else iTXt (UTF-8).
 * The strings are kept in strings until the chunks are written. */
static void
set_text (png_text   *text,
          GPtrArray  *strings,
          const char *keyword,
          const char *value)
{
  gsize latin1_len = 0;
  char *latin1 = g_convert (value, -1, "ISO-8859-1", "UTF-8", NULL, &latin1_len, NULL);

  memset (text, 0, sizeof *text);
  text->key = (png_charp) keyword;
  if (latin1 != NULL && memchr (latin1, '\0', latin1_len) == NULL)
    {
      g_ptr_array_add (strings, latin1);
      text->compression = PNG_TEXT_COMPRESSION_NONE;
      text->text = latin1;
      text->text_length = latin1_len;
    }
  else
    {
      g_free (latin1);
      text->compression = PNG_ITXT_COMPRESSION_NONE;
      text->text = (png_charp) value;
      text->itxt_length = strlen (value);
      text->lang = (png_charp) "";
      text->lang_key = (png_charp) "";
    }
}

/* The surface as an RGB PNG with the chart's text chunks and its pixel
 * density: IHDR, tEXt or iTXt, pHYs, IDAT, IEND. Every row has filter
 * type None. The same pixels give the same bytes. */
static GBytes *
encode_png (cairo_surface_t         *surface,
            double                   scale,
            PledgeChartKind          kind,
            const PledgeChartInput  *input,
            GError                 **error)
{
  g_autofree char *title = pledge_chart_get_title (kind, input);
  g_autofree char *description = pledge_chart_input_describe (input, kind);
  g_autofree char *source = source_text (input);
  g_autofree char *software = software_name ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree png_bytep *rows = NULL;
  const guint8 *data = cairo_image_surface_get_data (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  PngWriter writer = { NULL, NULL };
  png_structp png;
  png_infop info;
  png_text text[4];
  png_uint_32 density = (png_uint_32) lround (PNG_PIXELS_PER_METRE * scale);

  if (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_RGB24 || data == NULL ||
      width < 1 || height < 1)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_DRAW,
                   _("Could not draw the chart: %s"),
                   cairo_status_to_string (CAIRO_STATUS_INVALID_FORMAT));
      return NULL;
    }

  rows = g_new (png_bytep, height);
  for (int y = 0; y < height; y++)
    rows[y] = (png_bytep) data + (gsize) y * stride;
  set_text (&text[0], strings, "Title", title);
  set_text (&text[1], strings, "Description", description);
  set_text (&text[2], strings, "Source", source);
  set_text (&text[3], strings, "Software", software);

  /* Room for a chart's PNG, a twentieth of its rows or less, without growing */
  writer.out = g_byte_array_sized_new (MIN ((gsize) width * 3 * height / 16,
                                            PNG_IDAT_SIZE * 4) + 2048);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &writer, png_failed, png_warned);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_byte_array_unref (writer.out);
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_DRAW,
                   _("Could not draw the chart: %s"),
                   cairo_status_to_string (CAIRO_STATUS_NO_MEMORY));
      return NULL;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_byte_array_unref (writer.out);
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_DRAW,
                   _("Could not draw the chart: %s"),
                   writer.message ? writer.message : cairo_status_to_string (CAIRO_STATUS_NO_MEMORY));
      g_free (writer.message);
      return NULL;
    }

  png_set_write_fn (png, &writer, png_write_to_array, png_flush_nothing);
  png_set_compression_level (png, PNG_DEFLATE_LEVEL);
  png_set_compression_mem_level (png, PNG_DEFLATE_MEM_LEVEL);
  png_set_compression_buffer_size (png, PNG_IDAT_SIZE);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_set_text (png, info, text, G_N_ELEMENTS (text));
  png_set_pHYs (png, info, density, density, PNG_RESOLUTION_METER);
  png_write_info (png, info);

  /* cairo's RGB24 is a native-endian 0xXXRRGGBB word a pixel */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  png_set_bgr (png);
  png_set_filler (png, 0, PNG_FILLER_AFTER);
#else
  png_set_filler (png, 0, PNG_FILLER_BEFORE);
#endif
  png_write_image (png, rows);
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);

  return g_byte_array_free_to_bytes (writer.out);
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

/* A vector surface (SVG, PDF) finished, which writes the document out to
 * its stream, and destroyed; ok: whether draw_on() drew it. */
static gboolean
finish_vector (cairo_surface_t  *surface,
               gboolean          ok,
               GError          **error)
{
  cairo_surface_finish (surface);
  ok = ok && check_status (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
pledge_chart_export_check_size (PledgeExportFormat   format,
                                int                  width,
                                int                  height,
                                double               scale,
                                GError             **error)
{
  gint64 pw, ph;

  g_return_val_if_fail (format <= PLEDGE_EXPORT_PDF, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < 1 || height < 1)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE,
                   /* Translators: "Cannot draw a chart of 0 × 800" */
                   _("Cannot draw a chart of %d × %d"), width, height);
      return FALSE;
    }
  /* SVG and PDF have no pixels: their cost does not grow with the page. */
  if (format != PLEDGE_EXPORT_PNG)
    {
      if (width <= MAX_POINTS && height <= MAX_POINTS)
        return TRUE;
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE,
                   /* Translators: "A chart of 40000 × 800 points is too large: at most
                    * 32767 points a side" */
                   _("A chart of %d × %d points is too large: at most %d points a side"),
                   width, height, MAX_POINTS);
      return FALSE;
    }
  if (!isfinite (scale) || scale < 1 || scale > PLEDGE_EXPORT_MAX_SCALE)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE,
                   /* Translators: %g is the scale asked for, %d the largest one */
                   _("The scale of a PNG is from 1 to %d, not %g"),
                   PLEDGE_EXPORT_MAX_SCALE, scale);
      return FALSE;
    }

  pw = (gint64) ceil (width * scale - 1e-9);
  ph = (gint64) ceil (height * scale - 1e-9);
  if (pw > PLEDGE_EXPORT_MAX_SIDE || ph > PLEDGE_EXPORT_MAX_SIDE)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE,
                   /* Translators: "A PNG of 16000 × 40000 pixels is too large: at most
                    * 16384 pixels a side" */
                   _("A PNG of %d × %d pixels is too large: at most %d pixels a side"),
                   (int) pw, (int) ph, PLEDGE_EXPORT_MAX_SIDE);
      return FALSE;
    }
  if (pw * ph > PLEDGE_EXPORT_MAX_MEGAPIXELS * 1000000)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE,
                   /* Translators: "A PNG of 16000 × 16000 pixels is too large: at most
                    * 64 megapixels" */
                   _("A PNG of %d × %d pixels is too large: at most %d megapixels"),
                   (int) pw, (int) ph, PLEDGE_EXPORT_MAX_MEGAPIXELS);
      return FALSE;
    }
  return TRUE;
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

  if (!pledge_chart_export_check_size (format, width, height, scale, error))
    return NULL;
  if (format != PLEDGE_EXPORT_PNG)
    scale = 1;

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
          png = encode_png (surface, scale, kind, input, error);
        cairo_surface_destroy (surface);
        return png;
      }

    case PLEDGE_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array, array, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      ok = draw_on (surface, kind, input, style, width, height, error);
      if (!finish_vector (surface, ok, error))
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
        if (!finish_vector (surface, ok, error))
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
  GFileType type;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  /* A link is followed, so that it keeps pointing at the new chart; a
   * device, a pipe or a folder is never renamed over: refused before any
   * drawing. */
  target = resolve_links (file);
  path = g_file_peek_path (target);
  type = g_file_query_file_type (target, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL);
  if (type != G_FILE_TYPE_UNKNOWN && type != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, _("Not a regular file"));
      return FALSE;
    }

  bytes = pledge_chart_render (format, kind, input, style, width, height, scale, &local_error);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }

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
