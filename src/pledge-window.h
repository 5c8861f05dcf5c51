/* pledge-window.h
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLEDGE_TYPE_WINDOW (pledge_window_get_type ())

G_DECLARE_FINAL_TYPE (PledgeWindow, pledge_window, PLEDGE, WINDOW, AdwApplicationWindow)

PledgeWindow *pledge_window_new  (GtkApplication *application);
/* Loads a dataset; on failure shows the error and keeps what it had.
 * A bundled dataset is never saved over: Save asks for a new file. */
void          pledge_window_load (PledgeWindow   *self,
                                  GFile          *file,
                                  gboolean        bundled);

G_END_DECLS
