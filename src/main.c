/* main.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "pledge-cli.h"
#include "pledge-document.h"
#include "pledge-gui.h"

/* The window's module: beside the program when it runs from the build tree,
 * else where it is installed. From a build tree the program also uses the
 * settings schema the build compiled into data/, unless the caller chose a
 * schema folder, so `_build/src/pledge` runs without installing. */
static void *
open_gui_module (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = program != NULL ? g_path_get_dirname (program) : NULL;
  g_autofree char *beside = dir != NULL ? g_build_filename (dir, PLEDGE_GUI_MODULE, NULL) : NULL;
  g_autofree char *installed = g_build_filename (PKGLIBDIR, PLEDGE_GUI_MODULE, NULL);

  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *schemas = g_build_filename (dir, "..", "data", NULL);
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL &&
          g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
      return dlopen (beside, RTLD_LAZY | RTLD_LOCAL);
    }
  return dlopen (installed, RTLD_LAZY | RTLD_LOCAL);
}

int
main (int   argc G_GNUC_UNUSED,
      char *argv[])
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) gui_argv = NULL;
  const char *localedir = g_getenv ("PLEDGE_LOCALEDIR");
  PledgeGuiMain gui_main;
  int exit_status = 0;
  void *module;

  setlocale (LC_ALL, "");
  /* PLEDGE_LOCALEDIR: translations from a build tree, for tests and
   * build-aux/dev run. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --report, --export, --validate, --help and mistakes: no GTK at all. */
  if (pledge_cli_run (argv, &exit_status, &files))
    return exit_status;

  /* The window. The first file is read while GTK and the window start:
   * on a large file that is most of the wait for the first frame. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GFile) first = g_file_new_for_commandline_arg (files[0]);

      pledge_document_read_ahead (first);
    }
  module = open_gui_module ();
  gui_main = module != NULL ? (PledgeGuiMain) dlsym (module, PLEDGE_GUI_MAIN_SYMBOL) : NULL;
  if (gui_main == NULL)
    {
      /* Translators: the window's library is missing; %s says why */
      g_printerr (_("pledge: cannot show the window: %s\n"), dlerror ());
      return 1;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, argv[0]);
  if (files != NULL)
    g_strv_builder_addv (builder, (const char **) files);
  gui_argv = g_strv_builder_end (builder);
  return gui_main ((int) g_strv_length (gui_argv), gui_argv);
}
