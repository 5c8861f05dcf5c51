/* fuzz-replay.c: runs the fuzz target over files, where no fuzzer is
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GLib test: one case per file of tests/data/good, tests/data/bad,
 * tests/data/edge and tests/fuzz/corpus, so every crash the fuzzer ever found stays fixed.
 * The import targets name their own folders on the command line.
 */

#include "config.h"

#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char *loader_dirs[] = { "data/good", "data/bad", "data/edge", "fuzz/corpus", NULL };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *const *dirs = loader_dirs;

  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    dirs = (const char *const *) argv + 1;

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
          g_autofree char *test_path = g_strdup_printf ("/pledge/fuzz-replay/%s/%s", dirs[d],
                                                        (char *) g_ptr_array_index (names, i));

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test_path, path, replay);
        }
    }

  return g_test_run ();
}
