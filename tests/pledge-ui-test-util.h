/* pledge-ui-test-util.h: what the window tests share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-test-util.h"
#include "pledge-window.h"

#define BUNDLED "resource:///io/github/pledgeapp/Pledge/datasets/"

/* The application the tests' windows belong to, registered by main(). */
extern GtkApplication *app;

/* Private XDG folders (returned, to remove at the end), the C.UTF-8
 * locale, g_test_init(), fatal warnings, and the registered application. */
char            *pledge_ui_test_init (int             *argc,
                                      char          ***argv);

/* Runs the tests, then lets the application go and removes home (what
 * pledge_ui_test_init() returned); the tests' status. */
int              pledge_ui_test_run (const char     *home);

/* Every warning and critical fails the test (a GLogWriterFunc). */
GLogWriterOutput log_writer        (GLogLevelFlags   level,
                                    const GLogField *fields,
                                    gsize            n_fields,
                                    gpointer         user_data);
/* Runs what is pending in the main loop; runs it for ms milliseconds. */
void             iterate           (void);
void             run_for           (guint            ms);
/* Runs the main loop until holds (data) does, at most timeout_ms
 * milliseconds; whether it held. For what a test waits on (an event
 * through the X server, a redraw) instead of a fixed time, which a slow
 * machine or a sanitizer build outlasts. */
typedef gboolean (*WaitCondition) (gpointer data);
gboolean         wait_until        (WaitCondition    holds,
                                    gpointer         data,
                                    guint            timeout_ms);
/* Keys and the pointer through the X server (xdotool's XTEST), as a user
 * presses them. can_press_keys() skips the test without xdotool or X. */
gboolean         can_press_keys    (void);
/* Once another client (xdotool) has sent events through the X server:
 * waits until the server has given them to this process, and handles
 * them and what they make pending. */
void             x_settle          (void);
/* Runs xdotool with args, window's X id in place of "WID", then
 * x_settle() */
void             xdotool           (GtkWindow       *window,
                                    const char      *args);
/* Presses keys ("ctrl+w", "Escape", "2 Return") in window, focused
 * first, then runs the main loop for wait_ms. */
void             press_keys        (GtkWindow       *window,
                                    const char      *keys,
                                    guint            wait_ms);
/* A visible window of type (or a subtype) transient for parent (any
 * window's when parent is NULL), or NULL */
GtkWindow       *find_transient    (GtkWindow       *parent,
                                    GType            type);
/* A copy of uri in a new temporary folder. */
GFile           *copy_to_temp      (const char      *uri,
                                    char           **tmpdir);
void             remove_temp       (const char      *tmpdir);
/* Runs the main loop until the window's file has loaded (or failed to)
 * and its charts are computed. */
void             wait_for_load     (PledgeWindow    *win);
/* A presented window on uri, width wide and tall enough for 2016. */
PledgeWindow    *new_window_sized  (const char      *uri,
                                    gboolean         bundled,
                                    int              width);
/* Closes a window as a user does, throwing away what it holds. */
void             destroy_window    (PledgeWindow    *win);
/* The first widget under widget (itself included, depth first) that
 * matches (widget, data) holds for; NULL when none. */
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget       *find_widget       (GtkWidget       *widget,
                                    WidgetMatch      matches,
                                    gconstpointer    data);
/* The first such widget, once there is one: NULL after timeout_ms */
GtkWidget       *wait_for_widget   (GtkWidget       *widget,
                                    WidgetMatch      matches,
                                    gconstpointer    data,
                                    guint            timeout_ms);
GtkWidget       *find_menu_item    (GtkWidget       *widget,
                                    const char      *label);
/* The menu item, once it is there (the recent files' menu follows the
 * recent manager, which saves and tells a moment later): NULL after 10 s */
GtkWidget       *wait_for_menu_item (GtkWidget      *widget,
                                     const char     *label);
gboolean         menu_item_enabled (PledgeWindow    *win,
                                    const char      *label);
GtkDropDown     *find_dropdown     (GtkWidget       *widget,
                                    const char      *tooltip_start);
