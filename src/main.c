/* main.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pledge-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PledgeApplication) app = NULL;
  const char *localedir = g_getenv ("PLEDGE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* PLEDGE_LOCALEDIR: translations from a build tree, for tests and
   * build-aux/dev run. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pledge_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
