/* pledge-gui.h: what main.c finds in libpledge-gui.so
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLEDGE_GUI_MAIN_SYMBOL "pledge_gui_main"

/* Runs the application. argv holds the program's name and the files to
 * open, already checked by pledge_cli_run(). */
int pledge_gui_main (int    argc,
                     char **argv);

typedef int (*PledgeGuiMain) (int    argc,
                              char **argv);

G_END_DECLS
