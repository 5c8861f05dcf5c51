/* pledge-test-util.h: small helpers the tests share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Reads a file under tests/ (G_TEST_SRCDIR); fails the test if it cannot. */
static inline char *
pledge_test_read_file (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The path of a file under data/ of the source tree. */
static inline char *
pledge_test_data_path (const char *relative)
{
  const char *dir = g_getenv ("PLEDGE_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, relative, NULL);
}
