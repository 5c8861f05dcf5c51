/* pledge-gui.c: the window's entry point, in the module main.c loads
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-application.h"
#include "pledge-gui.h"

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

  /* main.c pointed GLib at a build tree's schema already. */
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
