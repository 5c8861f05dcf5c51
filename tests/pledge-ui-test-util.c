/* pledge-ui-test-util.c: what the window tests share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pledge-application.h"
#include "pledge-ui-test-util.h"

GtkApplication *app;

/* Every warning and critical, from any domain, fails the test: a window
 * that works only by luck logs them first. */
GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      g_test_fail_printf ("unexpected %s: %s",
                          (level & G_LOG_LEVEL_WARNING) ? "warning" : "critical",
                          g_log_writer_format_fields (level, fields, n_fields, FALSE));
      g_abort ();
    }
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_standard_streams (level, fields, n_fields, user_data);
}

/* Helpers */

void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, so that frames are drawn. */
void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
wait_until (WaitCondition holds,
            gpointer      data,
            guint         timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!holds (data))
    {
      if (g_get_monotonic_time () >= end)
        return FALSE;
      run_for (10);
    }
  return TRUE;
}

void
x_settle (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    XSync (gdk_x11_display_get_xdisplay (display), False);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gboolean
can_press_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X display");
      return FALSE;
    }
  return TRUE;
}

void
xdotool (GtkWindow  *window,
         const char *args)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_auto(GStrv) words = g_strsplit (args, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (surface);
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_ptr_array_add (argv, (char *) "xdotool");
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, g_strcmp0 (words[i], "WID") == 0 ? xid : words[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  x_settle ();
}

void
press_keys (GtkWindow  *window,
            const char *keys,
            guint       wait_ms)
{
  g_autofree char *args = g_strconcat ("windowfocus --sync WID key --delay 30 ", keys, NULL);

  run_for (50);
  xdotool (window, args);
  run_for (wait_ms);
}

GtkWindow *
find_transient (GtkWindow *parent,
                GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if ((parent == NULL || gtk_window_get_transient_for (window) == parent) &&
          g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;  /* the list of toplevels keeps it */
    }
  return NULL;
}

GFile *
copy_to_temp (const char  *uri,
              char       **tmpdir)
{
  g_autoptr(GFile) source = g_file_new_for_uri (uri);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (source);
  GFile *copy;

  *tmpdir = g_dir_make_tmp ("pledge-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_file_new_build_filename (*tmpdir, name, NULL);
  g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return copy;
}

void
remove_temp (const char *tmpdir)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_temp (path);
      else
        g_unlink (path);
    }
  g_rmdir (tmpdir);
}

/* Files load in a thread, and a large dataset's charts are computed in
 * one: runs the main loop until the window's load and charts are done. */
void
wait_for_load (PledgeWindow *win)
{
  while (pledge_window_get_busy (win))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

PledgeWindow *
new_window_sized (const char *uri,
                  gboolean    bundled,
                  int         width)
{
  PledgeWindow *win = pledge_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  /* Tall enough for every member of 2016 to be on screen. */
  gtk_window_set_default_size (GTK_WINDOW (win), width, 1300);
  pledge_window_load (win, file, bundled);
  gtk_window_present (GTK_WINDOW (win));
  wait_for_load (win);
  run_for (100);
  return win;
}

/* Closes a window as a user does, throwing away what it holds, and waits
 * until it is gone. */
void
destroy_window (PledgeWindow *win)
{
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);

  /* An error a test left open. */
  if (pledge_window_get_dialog (win) != NULL)
    gtk_window_destroy (pledge_window_get_dialog (win));
  iterate ();

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  if (win != NULL && pledge_window_get_dialog (win) != NULL)
    {
      run_for (20);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (pledge_window_get_dialog (win)), "discard");
    }
  for (guint i = 0; i < 100 && win != NULL; i++)
    run_for (20);
  g_assert_null (win);
}

GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    matches,
             gconstpointer  data)
{
  if (matches (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* The item of the primary menu labelled label: its sensitivity is what
 * the user sees of its action's state. */
GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *label)
{
  return find_widget (widget, is_menu_item, label);
}

typedef struct
{
  GtkWidget     *widget;
  WidgetMatch    matches;
  gconstpointer  data;
} WidgetWait;

static gboolean
has_widget (gpointer data)
{
  WidgetWait *wait = data;

  return find_widget (wait->widget, wait->matches, wait->data) != NULL;
}

GtkWidget *
wait_for_widget (GtkWidget     *widget,
                 WidgetMatch    matches,
                 gconstpointer  data,
                 guint          timeout_ms)
{
  WidgetWait wait = { widget, matches, data };

  wait_until (has_widget, &wait, timeout_ms);
  return find_widget (widget, matches, data);
}

GtkWidget *
wait_for_menu_item (GtkWidget  *widget,
                    const char *label)
{
  return wait_for_widget (widget, is_menu_item, label, 10000);
}

gboolean
menu_item_enabled (PledgeWindow *win,
                   const char   *label)
{
  GtkWidget *item = find_menu_item (GTK_WIDGET (win), label);

  g_assert_nonnull (item);
  return gtk_widget_get_sensitive (item);
}

static gboolean
is_dropdown (GtkWidget     *widget,
             gconstpointer  tooltip_start)
{
  return GTK_IS_DROP_DOWN (widget) &&
         g_str_has_prefix (gtk_widget_get_tooltip_text (widget) ?: "", tooltip_start);
}

GtkDropDown *
find_dropdown (GtkWidget  *widget,
               const char *tooltip_start)
{
  return GTK_DROP_DOWN (find_widget (widget, is_dropdown, tooltip_start));
}

char *
pledge_ui_test_init (int    *argc,
                     char ***argv)
{
  g_autoptr(GError) error = NULL;
  char *home;

  /* Recent files and settings of the tests' own, not the user's. Not
   * G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, where the MIME
   * database that icon loading needs lives. A subprocess test shares its
   * parent's: it must find what the parent left there, and leave what the
   * parent looks for. */
  home = g_strdup (g_getenv ("PLEDGE_TEST_HOME"));
  if (home == NULL)
    {
      home = g_dir_make_tmp ("pledge-ui-test-home-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("PLEDGE_TEST_HOME", home, TRUE);
    }
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* The real application: its startup loads the styles, the icons and the
   * shortcuts window, and its actions (app.quit) are the ones the window
   * uses. Registered, never run: the tests drive the main loop. */
  app = GTK_APPLICATION (pledge_application_new ());
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  return home;
}

int
pledge_ui_test_run (const char *home)
{
  int status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_temp (home);
  return status;
}
