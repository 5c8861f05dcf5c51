/* pledge-gui.c: the window's entry point, in the module main.c loads
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pledge-application.h"
#include "pledge-gui.h"

int
pledge_gui_main (int    argc,
                 char **argv)
{
  g_autoptr(PledgeApplication) app = pledge_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
