/* pledge-gui.c: the window's entry point, in the module main.c loads
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-application.h"
#include "pledge-gui.h"

/* Run from a build tree (the module sits beside the program there), the
 * program uses the schema the build compiled into data/, unless the caller
 * chose a schema folder: `_build/src/pledge` then works without installing
 * and without `meson devenv`. GLib reads GSETTINGS_SCHEMA_DIR once, when the
 * first GSettings is made, so this runs before anything touches GSettings. */
static void
use_build_tree_schema (void)
{
  g_autofree char *program = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *module = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *compiled = NULL;

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;
  program = g_file_read_link ("/proc/self/exe", NULL);
  if (program == NULL)
    return;
  dir = g_path_get_dirname (program);
  module = g_build_filename (dir, PLEDGE_GUI_MODULE, NULL);
  schemas = g_build_filename (dir, "..", "data", NULL);
  compiled = g_build_filename (schemas, "gschemas.compiled", NULL);
  if (g_file_test (module, G_FILE_TEST_IS_REGULAR)
      && g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
}

/* GSettings aborts the program on a schema it cannot find; say what to do
 * instead. */
static gboolean
has_settings_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL;
}

int
pledge_gui_main (int    argc,
                 char **argv)
{
  g_autoptr(PledgeApplication) app = NULL;

  use_build_tree_schema ();
  if (!has_settings_schema ())
    {
      /* Translators: %s is the settings schema's id; keep the commands */
      g_printerr (_("pledge: the settings schema %s is not installed: install Pledge "
                    "(meson install) or run it with “meson devenv -C _build pledge”\n"),
                  APPLICATION_ID);
      return 1;
    }

  app = pledge_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
