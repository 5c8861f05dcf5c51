/* test-export.c: charts into PNG, SVG and PDF files
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "pledge-chart-export.h"
#include "pledge-chart.h"
#include "pledge-snapshot.h"

static PledgeChartInput *
nato_input (int year)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets",
                                                 "nato.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_autoptr(PledgeSnapshot) snapshot = NULL;

  g_assert_no_error (error);
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, &error);
  g_assert_no_error (error);
  return pledge_chart_input_new (snapshot, year, 0, NULL);
}

typedef struct
{
  char             *dir;
  PledgeChartInput *input;
  PledgeChartStyle  style;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pledge-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->input = nato_input (2016);
  pledge_chart_style_init (&f->style, FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  pledge_chart_input_free (f->input);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* n members over 1975-2024, shares of GDP spread from 0.5% to 4.5% */
static PledgeChartInput *
many_members_input (guint n)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  pledge_dataset_set_title (dataset, "Many members");
  pledge_dataset_set_units (dataset, "USD", PLEDGE_SCALE_MILLION, "current");
  pledge_dataset_add_target (dataset, "gdp-2", "2% of GDP", PLEDGE_METRIC_DEFENCE_GDP, 2, 1975, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%05u", i);
      PledgeMember *member = pledge_dataset_add_member (dataset, code, code, 1949, 0);

      for (int year = 1975; year <= 2024; year++)
        {
          PledgeFigures *f = pledge_member_add_figures (member, year);

          f->values[PLEDGE_FIELD_GDP] = 1000;
          f->values[PLEDGE_FIELD_DEFENCE] = 5 + (i * 37 + (guint) year * 11) % 41;
          f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
        }
    }
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, &error);
  g_assert_no_error (error);
  return pledge_chart_input_new (snapshot, 2024, 0, NULL);
}

static guint
count_paths (const char *path)
{
  g_autofree char *svg = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  for (const char *p = strstr (svg, "<path"); p != NULL; p = strstr (p + 1, "<path"))
    n++;
  return n;
}

/* The trend's SVG of 2,000 members holds their band, not a path a member:
 * as many paths as for 100 members, and a file of the same size; 60 faint
 * members are still 60 lines. */
static void
test_trend_band_svg (Fixture       *f,
                     gconstpointer  data)
{
  const guint counts[] = { 61, 100, 2000 };
  guint paths[G_N_ELEMENTS (counts)];

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(PledgeChartInput) input = many_members_input (counts[c]);
      g_autofree char *name = g_strdup_printf ("trend-%u.svg", counts[c]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (pledge_chart_export (file, PLEDGE_EXPORT_SVG, PLEDGE_CHART_TREND, input,
                                          &f->style, 1200, 800, 1, &error));
      g_assert_no_error (error);
      paths[c] = count_paths (path);
    }
  g_test_message ("paths: %u, %u, %u", paths[0], paths[1], paths[2]);
  g_assert_cmpuint (paths[0], >=, PLEDGE_CHART_TREND_MAX_FAINT_LINES);
  g_assert_cmpuint (paths[1], <, paths[0]);
  g_assert_cmpuint (paths[2], ==, paths[1]);
}

static void
test_format_from_filename (void)
{
  static const struct
  {
    const char        *name;
    gboolean           ok;
    PledgeExportFormat format;
  } table[] = {
    { "chart.png", TRUE, PLEDGE_EXPORT_PNG },
    { "/tmp/a.b/chart.PNG", TRUE, PLEDGE_EXPORT_PNG },
    { "chart.svg", TRUE, PLEDGE_EXPORT_SVG },
    { "chart.Svg", TRUE, PLEDGE_EXPORT_SVG },
    { "chart.pdf", TRUE, PLEDGE_EXPORT_PDF },
    { "chart.gif", FALSE, 0 },
    { "chart.png.txt", FALSE, 0 },
    { "png", FALSE, 0 },
    { "folder.png/chart", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      PledgeExportFormat format = 99;

      g_assert_cmpint (pledge_export_format_from_filename (table[i].name, &format), ==,
                       table[i].ok);
      if (table[i].ok)
        g_assert_cmpint (format, ==, table[i].format);
    }
}

static void
check_png_size (const char *path,
                int         width,
                int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
check_file (const char         *path,
            PledgeExportFormat  format,
            int                 width,
            int                 height,
            double              scale)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  switch (format)
    {
    case PLEDGE_EXPORT_PNG:
      g_assert_cmpuint (length, >, 8);
      g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
      check_png_size (path, (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    case PLEDGE_EXPORT_SVG:
      {
        xmlDocPtr doc = xmlReadMemory (contents, (int) length, "chart.svg", NULL,
                                       XML_PARSE_NONET);

        g_assert_nonnull (doc);
        g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
        xmlFreeDoc (doc);
        g_assert_nonnull (strstr (contents, "<title>"));
      }
      break;
    case PLEDGE_EXPORT_PDF:
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Every kind in every format, 2016 and a year without data */
static void
test_every_kind_and_format (Fixture       *f,
                            gconstpointer  data)
{
  static const char *extensions[] = { "png", "svg", "pdf" };
  g_autoptr(PledgeChartInput) empty_year = nato_input (2030);

  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    for (guint format = 0; format < G_N_ELEMENTS (extensions); format++)
      for (guint empty = 0; empty < 2; empty++)
        {
          g_autofree char *name = g_strdup_printf ("%s%s.%s", pledge_chart_kind_to_string (kind),
                                                   empty ? "-empty" : "", extensions[format]);
          g_autofree char *path = g_build_filename (f->dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          PledgeExportFormat detected;

          g_assert_true (pledge_export_format_from_filename (path, &detected));
          g_assert_cmpint (detected, ==, format);
          g_assert_true (pledge_chart_export (file, format, kind, empty ? empty_year : f->input,
                                              &f->style, 1200, 800, 1, &error));
          g_assert_no_error (error);
          check_file (path, format, 1200, 800, 1);
        }

  /* and nothing else beside them: no temporary files left */
  g_assert_cmpuint (count_files (f->dir), ==, PLEDGE_N_CHARTS * 3 * 2);
}

static void
test_png_scale (Fixture       *f,
                gconstpointer  data)
{
  static const struct
  {
    int    width;
    int    height;
    double scale;
  } table[] = {
    { 1200, 800, 1 },
    { 640, 400, 2 },
    { 640, 400, 1.5 },
    { 300, 200, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "scaled.png", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (pledge_chart_export (file, PLEDGE_EXPORT_PNG, PLEDGE_CHART_TREND, f->input,
                                          &f->style, table[i].width, table[i].height,
                                          table[i].scale, &error));
      g_assert_no_error (error);
      check_file (path, PLEDGE_EXPORT_PNG, table[i].width, table[i].height, table[i].scale);
    }
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Chunks with valid CRCs, IHDR first, IEND last, the text chunks in between */
static void
test_png_text_chunks (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pledge_chart_render (PLEDGE_EXPORT_PNG, PLEDGE_CHART_COMPLIANCE,
                                                 f->input, &f->style, 600, 400, 1, &error);
  g_autofree char *software = g_strdup_printf ("Pledge %s", PACKAGE_VERSION);
  gsize length, at = 8;
  const guint8 *png;
  gboolean title = FALSE, source = FALSE, soft = FALSE, iend = FALSE;
  guint n = 0;

  g_assert_no_error (error);
  png = g_bytes_get_data (bytes, &length);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  while (at + 12 <= length)
    {
      guint32 size = be32 (png + at);
      const char *type = (const char *) png + at + 4;
      const guint8 *chunk = png + at + 8;
      uLong crc;

      g_assert_cmpuint (at + 12 + size, <=, length);
      crc = crc32 (crc32 (0L, Z_NULL, 0), (const Bytef *) type, 4 + size);
      g_assert_cmpuint (be32 (chunk + size), ==, (guint32) crc);
      if (n == 0)
        g_assert_cmpmem (type, 4, "IHDR", 4);

      if (memcmp (type, "tEXt", 4) == 0)
        {
          /* keyword, NUL, text: copied with a NUL after the text */
          g_autofree char *text = g_malloc0 (size + 1);
          const char *value;

          memcpy (text, chunk, size);
          g_assert_cmpuint (strlen (text) + 1, <=, size);
          value = text + strlen (text) + 1;
          if (strcmp (text, "Title") == 0)
            {
              title = TRUE;
              g_assert_cmpstr (value, ==, "Defence spending as a share of GDP, 2016");
            }
          else if (strcmp (text, "Source") == 0)
            {
              source = TRUE;
              g_assert_true (g_str_has_prefix (value, "NATO Public Diplomacy Division"));
            }
          else if (strcmp (text, "Software") == 0)
            {
              soft = TRUE;
              g_assert_cmpstr (value, ==, software);
            }
        }
      if (memcmp (type, "IEND", 4) == 0)
        {
          iend = TRUE;
          g_assert_cmpuint (at + 12 + size, ==, length);
        }
      at += 12 + size;
      n++;
    }
  g_assert_true (title);
  g_assert_true (source);
  g_assert_true (soft);
  g_assert_true (iend);
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf_metadata (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pledge_chart_render (PLEDGE_EXPORT_PDF, PLEDGE_CHART_GAP,
                                                 f->input, &f->style, 600, 400, 1, &error);
  g_autofree char *creator = g_strdup_printf ("(Pledge %s)", PACKAGE_VERSION);
  gsize length;
  const char *pdf;

  g_assert_no_error (error);
  pdf = g_bytes_get_data (bytes, &length);
  g_assert_true (contains (pdf, length, "/Title (Spending gap to 2% of GDP, 2016)"));
  g_assert_true (contains (pdf, length, creator));
}

/* The same input gives the same bytes. */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) a = pledge_chart_render (PLEDGE_EXPORT_PNG, kind, f->input, &f->style,
                                                 800, 500, 1, &error);
      g_autoptr(GBytes) b = NULL;
      g_autoptr(PledgeChartInput) again = nato_input (2016);

      g_assert_no_error (error);
      b = pledge_chart_render (PLEDGE_EXPORT_PNG, kind, again, &f->style, 800, 500, 1, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (a, b));
    }

  /* A PDF too, with its date fixed the reproducible-builds way (main()
   * sets SOURCE_DATE_EPOCH). cairo numbers SVG surfaces per process, so an
   * SVG is the same only from one run of the program to the next. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) a = pledge_chart_render (PLEDGE_EXPORT_PDF, PLEDGE_CHART_EQUIPMENT, f->input,
                                               &f->style, 800, 500, 1, &error);
    g_autoptr(GBytes) b = pledge_chart_render (PLEDGE_EXPORT_PDF, PLEDGE_CHART_EQUIPMENT, f->input,
                                               &f->style, 800, 500, 1, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (a, b));
  }
}

/* The PNG encoder deflates bands of rows side by side and joins them into
 * one zlib stream: whatever the height, libpng (through cairo) reads back
 * exactly the pixels drawn, Adler-32 included. */
typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *r = closure;

  if (length > r->length - r->at)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_png_pixels (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { int width, height; double scale; } sizes[] = {
    { 320, 40, 1 }, { 640, 127, 1 }, { 640, 128, 1 }, { 640, 129, 1 },
    { 401, 333, 1 }, { 500, 300, 2 }, { 1200, 800, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int w = sizes[i].width, h = sizes[i].height;
      int pw = (int) ceil (w * sizes[i].scale), ph = (int) ceil (h * sizes[i].scale);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = pledge_chart_render (PLEDGE_EXPORT_PNG, PLEDGE_CHART_TREND, f->input,
                                                   &f->style, w, h, sizes[i].scale, &error);
      cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
      cairo_surface_t *read;
      Reader reader = { 0 };
      cairo_t *cr;

      g_assert_no_error (error);
      reader.data = g_bytes_get_data (png, &reader.length);
      read = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
      g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (read), ==, pw);
      g_assert_cmpint (cairo_image_surface_get_height (read), ==, ph);

      cairo_surface_set_device_scale (drawn, sizes[i].scale, sizes[i].scale);
      cr = cairo_create (drawn);
      pledge_chart_draw (PLEDGE_CHART_TREND, cr, w, h, &f->style, f->input);
      cairo_destroy (cr);
      cairo_surface_flush (drawn);
      cairo_surface_flush (read);

      for (int y = 0; y < ph; y++)
        {
          const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (drawn) +
                                                (gsize) y * cairo_image_surface_get_stride (drawn));
          const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (read) +
                                                (gsize) y * cairo_image_surface_get_stride (read));

          for (int x = 0; x < pw; x++)
            if ((a[x] & 0xffffff) != (b[x] & 0xffffff))
              g_error ("%d x %d at %g: pixel (%d, %d) drawn %06x, read %06x", w, h,
                       sizes[i].scale, x, y, a[x] & 0xffffff, b[x] & 0xffffff);
        }
      cairo_surface_destroy (read);
      cairo_surface_destroy (drawn);
    }
}

/* The pHYs chunk says the pixel density: 96 dpi at scale 1, 192 at 2. */
static void
test_png_density (Fixture       *f,
                  gconstpointer  data)
{
  static const double scales[] = { 1, 2, 1.5 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = pledge_chart_render (PLEDGE_EXPORT_PNG, PLEDGE_CHART_GAP,
                                                     f->input, &f->style, 300, 200, scales[i],
                                                     &error);
      gsize length, at = 8;
      const guint8 *png;
      gboolean found = FALSE;

      g_assert_no_error (error);
      png = g_bytes_get_data (bytes, &length);
      while (at + 12 <= length && !found)
        {
          guint32 size = be32 (png + at);

          if (memcmp (png + at + 4, "pHYs", 4) == 0)
            {
              guint32 expected = (guint32) lround (96.0 / 0.0254 * scales[i]);

              g_assert_cmpuint (size, ==, 9);
              g_assert_cmpuint (be32 (png + at + 8), ==, expected);
              g_assert_cmpuint (be32 (png + at + 12), ==, expected);
              g_assert_cmpuint (png[at + 16], ==, 1);  /* the metre */
              found = TRUE;
            }
          at += 12 + size;
        }
      g_assert_true (found);
    }
}

/* An existing file is replaced whole; a symbolic link keeps pointing at it. */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;

  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);
  g_assert_true (pledge_chart_export (file, PLEDGE_EXPORT_PNG, PLEDGE_CHART_BURDEN, f->input,
                                      &f->style, 400, 300, 1, &error));
  g_assert_no_error (error);
  check_file (path, PLEDGE_EXPORT_PNG, 400, 300, 1);

  g_assert_cmpint (symlink ("chart.png", link), ==, 0);
  g_assert_true (pledge_chart_export (link_file, PLEDGE_EXPORT_PNG, PLEDGE_CHART_GAP, f->input,
                                      &f->style, 500, 300, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, "chart.png");
  check_file (path, PLEDGE_EXPORT_PNG, 500, 300, 1);
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

/* Links to a device, a pipe and a folder, and the pipe itself: refused,
 * and each left as it was; a link to a regular file replaces the file. */
static void
test_special_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *null_link = g_build_filename (f->dir, "null.png", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.png", NULL);
  g_autofree char *fifo_link = g_build_filename (f->dir, "to-fifo.png", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.png", NULL);
  const char *refused[] = { null_link, fifo, fifo_link, folder };
  GStatBuf st;

  g_assert_cmpint (symlink ("/dev/null", null_link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("fifo.png", fifo_link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (refused[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (pledge_chart_export (file, PLEDGE_EXPORT_PNG, PLEDGE_CHART_COMPLIANCE,
                                           f->input, &f->style, 300, 200, 1, &error));
      g_assert_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_WRITE);
    }

  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_true (g_file_test (null_link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (fifo_link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  /* and no temporary file left behind */
  g_assert_cmpuint (count_files (f->dir), ==, 4);
  g_unlink (null_link);
  g_unlink (fifo_link);
  g_unlink (fifo);
  g_rmdir (folder);
}

/* A failed export writes nothing and leaves what was there. */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "keep.png", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "folder", "c.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  static const struct
  {
    int    width;
    int    height;
    double scale;
  } bad[] = {
    { 0, 800, 1 },
    { 1200, -1, 1 },
    { 40000, 800, 1 },
    { 1200, 800, 0 },
    { 1200, 800, -2 },
    { 1200, 800, NAN },
    { 1200, 800, INFINITY },
    { 20000, 800, 2 },
    { 16385, 100, 1 },
    { 10000, 10000, 1 },
    { 4000, 4000, 8 },
    { 1200, 800, 0.5 },
    { 1200, 800, 1e-300 },
    { 100, 100, 9 },
  };

  g_file_set_contents (path, "precious", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (pledge_chart_export (file, PLEDGE_EXPORT_PNG, PLEDGE_CHART_COMPLIANCE,
                                           f->input, &f->style, bad[i].width, bad[i].height,
                                           bad[i].scale, &error));
      g_assert_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE);
      g_assert_nonnull (strstr (error->message, "keep.png"));
      g_clear_error (&error);
    }

  g_assert_false (pledge_chart_export (missing_file, PLEDGE_EXPORT_SVG, PLEDGE_CHART_COMPLIANCE,
                                       f->input, &f->style, 1200, 800, 1, &error));
  g_assert_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "c.png"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread exists: PDFs dated reproducibly */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/export/format-from-filename", test_format_from_filename);
  g_test_add ("/pledge/export/every-kind-and-format", Fixture, NULL,
              fixture_set_up, test_every_kind_and_format, fixture_tear_down);
  g_test_add ("/pledge/export/png-scale", Fixture, NULL,
              fixture_set_up, test_png_scale, fixture_tear_down);
  g_test_add ("/pledge/export/png-text-chunks", Fixture, NULL,
              fixture_set_up, test_png_text_chunks, fixture_tear_down);
  g_test_add ("/pledge/export/pdf-metadata", Fixture, NULL,
              fixture_set_up, test_pdf_metadata, fixture_tear_down);
  g_test_add ("/pledge/export/deterministic", Fixture, NULL,
              fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add ("/pledge/export/png-pixels", Fixture, NULL,
              fixture_set_up, test_png_pixels, fixture_tear_down);
  g_test_add ("/pledge/export/replace", Fixture, NULL,
              fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/pledge/export/failures", Fixture, NULL,
              fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/pledge/export/png-density", Fixture, NULL,
              fixture_set_up, test_png_density, fixture_tear_down);
  g_test_add ("/pledge/export/special-files", Fixture, NULL,
              fixture_set_up, test_special_files, fixture_tear_down);
  g_test_add ("/pledge/export/trend-band-svg", Fixture, NULL,
              fixture_set_up, test_trend_band_svg, fixture_tear_down);

  status = g_test_run ();

  /* Free the font caches, so that leak checks see only our own leaks. */
  xmlCleanupParser ();
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
