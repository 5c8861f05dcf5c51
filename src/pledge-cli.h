/* pledge-cli.h
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses the command line. When it asks for a headless mode (or --help,
 * --version, or is wrong), runs it, sets exit_status and returns TRUE.
 * Otherwise returns FALSE with the files to open in the window. */
gboolean pledge_cli_run (char   **argv,
                         int     *exit_status,
                         char  ***files);

G_END_DECLS
