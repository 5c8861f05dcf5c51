/* pledge-chart-test-util.c: what the chart tests share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pledge-chart-export.h"
#include "pledge-chart-test-util.h"

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("pledge-reference-XXXXXX.png", &path, &error);
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

void
check_reference (const char             *name,
                 PledgeChartKind         kind,
                 const PledgeChartInput *input,
                 gboolean                dark)
{
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "data", "reference", name,
                                                      NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *actual, *expected;
  PledgeChartStyle style;
  int width, height, stride_a, stride_e;
  const guint8 *a, *e;
  guint64 differing = 0, total_diff = 0;

  pledge_chart_style_init (&style, dark);
  bytes = pledge_chart_render (PLEDGE_EXPORT_PNG, kind, input, &style, 1200, 800, 1, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (g_getenv ("PLEDGE_UPDATE_REFERENCE"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (reference);

      g_mkdir_with_parents (dir, 0755);
      g_file_set_contents (reference, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", reference);
    }

  if (!g_file_test (reference, G_FILE_TEST_EXISTS))
    {
      g_test_message ("%s is missing: run the test with PLEDGE_UPDATE_REFERENCE=1 to make it",
                      reference);
      g_test_fail ();
      return;
    }

  actual = decode_png (bytes);
  expected = cairo_image_surface_create_from_png (reference);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (actual);
  height = cairo_image_surface_get_height (actual);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, height);

  cairo_surface_flush (actual);
  cairo_surface_flush (expected);
  a = cairo_image_surface_get_data (actual);
  e = cairo_image_surface_get_data (expected);
  stride_a = cairo_image_surface_get_stride (actual);
  stride_e = cairo_image_surface_get_stride (expected);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pa = a + y * stride_a + 4 * x;
        const guint8 *pe = e + y * stride_e + 4 * x;
        int worst = 0;

        /* The colour channels; tolerate antialiasing and rounding. */
        for (int ch = 0; ch < 3; ch++)
          worst = MAX (worst, ABS ((int) pa[ch] - (int) pe[ch]));
        total_diff += worst;
        if (worst > 48)
          differing++;
      }

  if (differing > (guint64) width * height / 200 || total_diff > (guint64) width * height * 2)
    {
      g_autofree char *base = g_strndup (name, strlen (name) - strlen (".png"));
      g_autofree char *actual_name = g_strconcat (base, "-actual.png", NULL);
      g_autofree char *out = g_test_build_filename (G_TEST_BUILT, actual_name, NULL);

      g_file_set_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      g_test_message ("%" G_GUINT64_FORMAT " pixels differ from %s; this run's image is %s",
                      differing, reference, out);
      g_test_fail ();
    }

  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

