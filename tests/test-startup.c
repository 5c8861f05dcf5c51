/* test-startup.c: the program starts its window without an installed schema
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run as a user runs it from a build tree: no GSETTINGS_SCHEMA_DIR, no
 * installed schema. GSettings would abort; Pledge finds the schema the build
 * compiled, and when there is none says in one line what to do.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#define SYSTEM_DATA_DIR "/usr/share"

/* An environment where no installed schema can be found: XDG_DATA_DIRS is
 * the system's folder alone (its MIME database loads the icons) and
 * GSETTINGS_SCHEMA_DIR is unset. */
static char **
environment_without_schema (const char *empty_dir)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", SYSTEM_DATA_DIR, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", empty_dir, TRUE);
  envp = g_environ_setenv (envp, "PLEDGE_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);
  return envp;
}

/* Pledge installed into the system folder would be found there. */
static gboolean
schema_installed (void)
{
  return g_file_test (SYSTEM_DATA_DIR "/glib-2.0/schemas/io.github.pledgeapp.Pledge.gschema.xml",
                      G_FILE_TEST_EXISTS);
}

static void
run (const char  *binary,
     char       **envp,
     char       **out,
     char       **err,
     int         *status)
{
  g_autofree char *data = g_build_filename (g_getenv ("PLEDGE_DATA_DIR"), "datasets", NULL);
  const char *argv[] = { binary, "nato-2016.xml", NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_sync (data, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, status,
                &error);
  g_assert_no_error (error);
}

/* From the build tree: the schema compiled into _build/data is used. */
static void
test_build_tree (void)
{
  const char *binary = g_getenv ("PLEDGE_BINARY");
  g_autofree char *empty = g_dir_make_tmp ("pledge-startup-XXXXXX", NULL);
  g_auto(GStrv) envp = environment_without_schema (empty);
  g_autofree char *out = NULL, *err = NULL;
  int status = -1;

  if (binary == NULL)
    {
      g_test_skip ("PLEDGE_BINARY is not set");
      return;
    }
  run (binary, envp, &out, &err, &status);
  g_rmdir (empty);

  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "\nfirst-frame "));
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  gboolean copied = g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return copied;
}

/* A program and module copied away from the build tree, with no schema
 * anywhere: one line that says what to do, exit status 1, no abort. */
static void
test_no_schema (void)
{
  const char *binary = g_getenv ("PLEDGE_BINARY");
  g_autofree char *empty = g_dir_make_tmp ("pledge-startup-XXXXXX", NULL);
  g_autofree char *bin_dir = NULL, *program = NULL, *module = NULL;
  g_autofree char *built_dir = NULL, *built_module = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) envp = environment_without_schema (empty);
  g_auto(GStrv) lines = NULL;
  int status = -1;

  if (binary == NULL)
    {
      g_test_skip ("PLEDGE_BINARY is not set");
      return;
    }
  if (schema_installed ())
    {
      g_test_skip ("Pledge's schema is installed in " SYSTEM_DATA_DIR);
      return;
    }
  bin_dir = g_build_filename (empty, "bin", NULL);
  g_assert_cmpint (g_mkdir (bin_dir, 0700), ==, 0);
  program = g_build_filename (bin_dir, "pledge", NULL);
  module = g_build_filename (bin_dir, PLEDGE_GUI_MODULE, NULL);
  built_dir = g_path_get_dirname (binary);
  built_module = g_build_filename (built_dir, PLEDGE_GUI_MODULE, NULL);
  copy_file (binary, program);
  copy_file (built_module, module);
  g_assert_cmpint (g_chmod (program, 0700), ==, 0);

  run (program, envp, &out, &err, &status);
  g_unlink (program);
  g_unlink (module);
  g_rmdir (bin_dir);
  g_rmdir (empty);

  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (out, ==, "");
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_nonnull (strstr (lines[0], "io.github.pledgeapp.Pledge is not installed"));
  g_assert_nonnull (strstr (lines[0], "meson devenv -C _build pledge"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pledge/startup/build-tree", test_build_tree);
  g_test_add_func ("/pledge/startup/no-schema", test_no_schema);
  return g_test_run ();
}
