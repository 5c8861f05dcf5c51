/* pledge-application.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-application.h"
#include "pledge-window.h"

#define BUNDLED_DATASETS "resource:///io/github/pledgeapp/Pledge/datasets/"

struct _PledgeApplication
{
  AdwApplication parent_instance;

  gboolean       presented;   /* a window has been shown */
};

G_DEFINE_FINAL_TYPE (PledgeApplication, pledge_application, ADW_TYPE_APPLICATION)

PledgeApplication *
pledge_application_new (void)
{
  return g_object_new (PLEDGE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/pledgeapp/Pledge",
                       NULL);
}

GFile *
pledge_application_get_default_dataset (void)
{
  return g_file_new_for_uri (BUNDLED_DATASETS "nato.xml");
}

static PledgeWindow *
new_window (PledgeApplication *self)
{
  return pledge_window_new (GTK_APPLICATION (self));
}

/* For build-aux/bench and the tests: print the window's title and when
 * its first frame is painted, and quit. The file loads in a thread, and a
 * large dataset's chart is computed in one: the first frame counted is
 * the first one painted once both are done (or failed), the one that
 * shows the file whole; the window's first paint of all is printed too. */
static void
on_first_frame (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWindow *window = user_data;
  GtkApplication *app = gtk_window_get_application (window);

  if (g_object_get_data (G_OBJECT (window), "pledge-first-paint") == NULL)
    {
      g_print ("first-paint %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_object_set_data (G_OBJECT (window), "pledge-first-paint", GINT_TO_POINTER (TRUE));
    }
  /* Still loading, or a chart of a large dataset still computing. The
   * table of a large dataset shows its first rows and adds the others
   * after this frame. */
  if (!pledge_window_get_shows_dataset (PLEDGE_WINDOW (window)))
    return;

  g_print ("title %s\n", gtk_window_get_title (window));
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, user_data);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
present (PledgeApplication *self,
         GtkWindow         *window)
{
  gtk_window_present (window);
  if (!self->presented && g_getenv ("PLEDGE_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      if (clock != NULL)
        g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame), window);
    }
  self->presented = TRUE;
}

static void
pledge_application_activate (GApplication *app)
{
  PledgeApplication *self = PLEDGE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *last = g_settings_get_string (settings, "last-file");
      g_autoptr(GFile) file = NULL;
      PledgeWindow *win = new_window (self);
      gboolean bundled = TRUE;

      /* Back to the file of last time, if it is still there; else NATO's. */
      if (last[0] != '\0' && !g_str_has_prefix (last, "resource:"))
        {
          file = g_file_new_for_uri (last);
          bundled = FALSE;
          if (!g_file_query_exists (file, NULL))
            g_clear_object (&file);
        }
      if (file == NULL)
        {
          file = pledge_application_get_default_dataset ();
          bundled = TRUE;
        }

      pledge_window_load (win, file, bundled);
      window = GTK_WINDOW (win);
    }

  present (self, window);
}

static void
pledge_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  PledgeApplication *self = PLEDGE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      PledgeWindow *win = new_window (self);

      pledge_window_load (win, files[i], FALSE);
      present (self, GTK_WINDOW (win));
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  PledgeApplication *self = user_data;
  g_autoptr(GFile) file = pledge_application_get_default_dataset ();
  PledgeWindow *win = new_window (self);

  pledge_window_load (win, file, TRUE);
  gtk_window_present (GTK_WINDOW (win));
}

static void
open_bundled_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  PledgeApplication *self = user_data;
  g_autofree char *uri = g_strconcat (BUNDLED_DATASETS, g_variant_get_string (param, NULL), NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  PledgeWindow *win = new_window (self);

  pledge_window_load (win, file, TRUE);
  gtk_window_present (GTK_WINDOW (win));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Pledge authors", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (about, _("Pledge"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Pledge authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("See which NATO members meet the alliance’s defence "
                                   "spending targets, ask what if, and export charts."));
  adw_about_window_set_website (about, "https://github.com/pledgeapp/pledge");
  adw_about_window_set_issue_url (about, "https://github.com/pledgeapp/pledge/issues");
  /* Translators: credits for the bundled figures in the About window */
  adw_about_window_add_acknowledgement_section (about, _("Data"),
    (const char *[]) {
      "NATO Public Diplomacy Division, Defence Expenditure of NATO Countries (2014-2024), June 2024 https://www.nato.int/",
      "NATO, Defence Expenditure of NATO Countries (2014-2025), August 2025 https://www.nato.int/",
      NULL });
  adw_about_window_set_copyright (about, "© 2026 The Pledge authors");
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window with unsaved changes asks about them before it closes;
   * the application ends when the last window has gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "open-bundled", open_bundled_action, "s" },
  { "about", about_action },
  { "quit", quit_action },
};

static void
pledge_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (pledge_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window",
                                         (const char *[]) { "<Control>n", NULL });
}

static void
pledge_application_class_init (PledgeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = pledge_application_activate;
  app_class->open = pledge_application_open;
  app_class->startup = pledge_application_startup;
}

static void
pledge_application_init (PledgeApplication *self)
{
}
