/* pledge-window-files.c: the window's files: open and save choosers,
 * recent files, dropped files, recovery, reload
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pledge-ui-util.h"
#include "pledge-window-private.h"

#define BUNDLED_DATASETS "resource:///io/github/pledgeapp/Pledge/datasets/"
#define DATASET_MIME_TYPE "application/x-pledge-dataset"
#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define CSV_MIME_TYPE "text/csv"
/* The recent files' group of the workbooks and CSV files Pledge imported:
 * exported plans are CSV files too, and no imports. */
#define IMPORT_GROUP "pledge-import"
#define MAX_RECENT 8

/* Documents */

/* The import group's name, twice. GTK 4's gtk_recent_manager_add_full()
 * adds the groups only when `((char *) data->groups)[0] != '\0'`: the
 * first byte of the array of names, which is part of the first name's
 * address (its low byte on this little-endian machine). A name at an
 * address ending in 0x00 was dropped without a word, and imports vanished
 * from Open Recent in builds whose layout put it there. Of two copies 14
 * bytes apart, one does not end in 0x00. */
static const char import_group_names[] = IMPORT_GROUP "\0" IMPORT_GROUP;

static const char *
import_group_name (void)
{
  const char *names[] = { import_group_names, NULL };

  /* GTK's test, on the array it will be given */
  if (((const char *) names)[0] != '\0')
    return import_group_names;
  return import_group_names + sizeof IMPORT_GROUP;
}

static void
add_recent (PledgeWindow *self,
            GFile        *file,
            const char   *mime_type)
{
  g_autofree char *uri = g_file_get_uri (file);
  const char *import_groups[] = { import_group_name (), NULL };
  GtkRecentData data = {
    .mime_type = (char *) mime_type,
    .groups = g_strcmp0 (mime_type, DATASET_MIME_TYPE) != 0 ? (char **) import_groups : NULL,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "pledge %u",
  };

  if (g_file_has_uri_scheme (file, "resource"))
    return;

  data.display_name = g_file_get_basename (file);
  gtk_recent_manager_add_full (self->recent, uri, &data);
  g_free (data.display_name);
}

/* The file is a recent one, and the one to open next time. */
static void
remember_file (PledgeWindow *self)
{
  GFile *file = win_file (self);

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      add_recent (self, file, DATASET_MIME_TYPE);
      g_settings_set_string (self->settings, "last-file", uri);
    }
  else
    g_settings_set_string (self->settings, "last-file", "");
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PledgeWindow     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") == 0)
    {
      pledge_window_discard_recovery (self);
      return;
    }
  if (g_strcmp0 (response, "recover") != 0)
    return;  /* asked again next time */

  if (!pledge_document_recover (self->document, &error))
    {
      pledge_window_show_error (self, _("Could Not Recover the Changes"), error->message);
      return;
    }
  remember_file (self);
  pledge_window_update_title (self);
  pledge_window_show_message (self, _("Unsaved changes recovered"));
}

/* Unsaved work left behind by a window that did not close normally. */
static void
offer_recovery (PledgeWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!pledge_document_has_recovery (self->document))
    return;

  body = g_strdup_printf (_("Pledge closed before changes to “%s” were saved. Recover them, or "
                            "discard them and keep the file as it was saved?"),
                          win_display_name (self));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Escape decides nothing: the work stays safe for next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);

  pledge_window_present_when_shown (self, GTK_WINDOW (dialog));
}

/* Loading: in a thread, so that a large file never freezes the window.
 * The dataset shown stays usable until the new one is ready; a load that
 * takes a while shows its progress, in a bar under the header, or on a
 * page of its own when the window has nothing to show yet. */

/* Milliseconds a load runs before its progress shows: a quick one never
 * flashes a bar. */
#define LOAD_PROGRESS_DELAY 300

static gboolean
show_load_progress (gpointer data)
{
  PledgeWindow *self = data;

  self->load_timeout = 0;
  if (win_dataset (self) == NULL)
    gtk_widget_set_opacity (GTK_WIDGET (self->loading_page), 1.0);
  else
    gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_load_progress (PledgeDocument *document,
                  GParamSpec     *pspec,
                  PledgeWindow   *self)
{
  double progress = pledge_document_get_progress (document);

  gtk_progress_bar_set_fraction (self->load_bar, progress);
  gtk_progress_bar_set_fraction (self->loading_bar, progress);
}

/* The document began or ended a load. */
static void
on_loading (PledgeDocument *document,
            GParamSpec     *pspec,
            PledgeWindow   *self)
{
  gboolean loading = pledge_document_get_loading (document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", loading);
  g_clear_handle_id (&self->load_timeout, g_source_remove);
  if (loading)
    {
      on_load_progress (document, NULL, self);
      self->load_timeout = g_timeout_add (LOAD_PROGRESS_DELAY, show_load_progress, self);
      if (win_dataset (self) == NULL)
        {
          /* Blank until the progress is worth showing. */
          gtk_widget_set_opacity (GTK_WIDGET (self->loading_page), 0.0);
          gtk_stack_set_visible_child_name (self->main_stack, "loading");
        }
    }
  else
    {
      gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
      if (win_dataset (self) == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "empty");
    }
}

/* What the load is about, for the progress and the error. */
static void
name_load (PledgeWindow *self,
           GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);

  gtk_progress_bar_set_text (self->load_bar, text);
  adw_status_page_set_title (self->loading_page, text);
}

/* Weak references to the windows: closing a window while its file loads
 * disposes it, which cancels the load. */
typedef struct
{
  GWeakRef      win;      /* the window the file loads into */
  GWeakRef      parent;   /* the window it was asked of: shows the error */
  GFile        *file;
  gboolean      bundled;
  /* A reload shows the same view of the new figures. */
  char         *target_id;
  int           year;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_weak_ref_clear (&data->win);
  g_weak_ref_clear (&data->parent);
  g_clear_object (&data->file);
  g_free (data->target_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeWindow) win = g_weak_ref_get (&data->win);
  g_autoptr(PledgeWindow) parent = g_weak_ref_get (&data->parent);
  gboolean ok = pledge_document_load_finish (PLEDGE_DOCUMENT (source), result, &error);

  if (win == NULL)
    return;  /* closed while the file loaded */
  if (!ok)
    {
      /* Cancelled: by the user or by a newer load. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (win != parent && win_dataset (win) == NULL)
            gtk_window_destroy (GTK_WINDOW (win));
          return;
        }
      /* Edited while the file loaded: the edit stays, the file opens in a
       * window of its own. */
      if (g_error_matches (error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_CHANGED))
        {
          pledge_window_open_file (win, data->file, data->bundled);
          return;
        }
      if (win != parent)
        gtk_window_destroy (GTK_WINDOW (win));
      if (parent != NULL)
        {
          g_autofree char *message = pledge_ui_describe_load_error (error);

          pledge_window_show_error (parent, _("Could Not Open the Dataset"), message);
        }
      return;
    }

  remember_file (win);
  /* An import: say what it took and what it left out */
  if (pledge_document_get_import_report (win->document) != NULL)
    {
      g_autofree char *text =
        pledge_import_report_describe_short (pledge_document_get_import_report (win->document));
      g_autofree char *markup = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (markup);

      adw_toast_set_timeout (toast, 10);
      pledge_window_show_toast (win, toast);
      /* Open Recent imports it again */
      add_recent (win, data->file,
                  pledge_import_detect_file (data->file, NULL) == PLEDGE_IMPORT_FORMAT_XLSX
                  ? XLSX_MIME_TYPE : CSV_MIME_TYPE);
    }
  offer_recovery (win);
}

void
pledge_window_open_file (PledgeWindow *self,
                         GFile        *file,
                         gboolean      bundled)
{
  OpenData *data;
  PledgeWindow *win = self;

  /* Nothing edited is lost without a question: unsaved work stays in its
   * window, and the file opens in a new one. */
  if (pledge_window_has_changes (self))
    {
      win = pledge_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (win));
    }

  data = g_new0 (OpenData, 1);
  g_weak_ref_init (&data->win, win);
  g_weak_ref_init (&data->parent, self);
  data->file = g_object_ref (file);
  data->bundled = bundled;
  name_load (win, file);
  pledge_document_load_async (win->document, file, bundled, NULL, on_opened, data);
}

void
pledge_window_load (PledgeWindow *self,
                    GFile        *file,
                    gboolean      bundled)
{
  g_return_if_fail (PLEDGE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  pledge_window_open_file (self, file, bundled);
}

static gboolean
save_to_file (PledgeWindow *self,
              GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!pledge_document_save_as (self->document, file, &error))
    {
      /* A window that was closing stays open, with its changes. */
      self->close_after_save = FALSE;
      pledge_window_show_error (self, _("Could Not Save the Dataset"), error->message);
      return FALSE;
    }

  pledge_window_update_title (self);
  /* What is on disk now is what the window holds. */
  pledge_window_dismiss_disk_toast (self);
  pledge_window_update_actions (self);
  remember_file (self);

  /* Translators: %s is a file name */
  message = g_markup_printf_escaped (_("Saved “%s”"), win_display_name (self));
  pledge_window_show_message (self, message);

  if (self->close_after_save)
    pledge_window_close_confirmed (self);
  return TRUE;
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       PledgeWindow     *self)
{
  if (g_strcmp0 (response, "save") == 0 && win_file (self) != NULL)
    save_to_file (self, win_file (self));
  else
    self->close_after_save = FALSE;
}

/* Another program changed the file since the window loaded or saved it:
 * saving would throw that away, so the user decides. */
static void
ask_before_overwriting (PledgeWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("“%s” changed on disk after it was opened here. Saving replaces those "
                            "changes with what this window shows."), win_display_name (self));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Over the Changes on Disk?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overwrite_response), self, 0);
  pledge_window_present_dialog (self, GTK_WINDOW (dialog));
}

void
pledge_window_save (PledgeWindow *self)
{
  if (win_file (self) == NULL)
    {
      pledge_window_save_as (self);
      return;
    }

  pledge_document_check_disk (self->document);
  if (pledge_document_get_changed_on_disk (self->document))
    ask_before_overwriting (self);
  else
    save_to_file (self, win_file (self));
}

static GtkFileFilter *
dataset_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pledge Datasets"));
  gtk_file_filter_add_mime_type (filter, DATASET_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*.xml");
  return filter;
}

/* What Open takes: datasets, and the files Pledge imports (by content;
 * the patterns only narrow the chooser's list). */
static GtkFileFilter *
open_filter (void)
{
  GtkFileFilter *filter = dataset_filter ();

  gtk_file_filter_set_name (filter, _("Datasets, Workbooks and CSV Files"));
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);
  gtk_file_filter_add_mime_type (filter, CSV_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.csv");
  return filter;
}

static void
save_as_done (PledgeWindow *self,
              GFile        *file)
{
  if (file == NULL)
    {
      /* Cancelled: a window that was closing stays open. */
      self->close_after_save = FALSE;
      return;
    }
  save_to_file (self, file);
}

static void
on_save_chosen (GtkWindow *parent,
                GFile     *file)
{
  save_as_done (PLEDGE_WINDOW (parent), file);
}

/* Where Save As starts: the file's folder, or Documents for a copy of a
 * bundled dataset. */
static GFile *
save_folder (PledgeWindow *self)
{
  const char *documents;

  if (win_file (self) != NULL)
    return g_file_get_parent (win_file (self));

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return NULL;
}

void
pledge_window_save_as (PledgeWindow *self)
{
  g_autoptr(GFile) folder = save_folder (self);
  g_autoptr(GtkFileFilter) filter = dataset_filter ();
  g_autofree char *name = NULL;

  if (win_file (self) != NULL)
    name = g_file_get_basename (win_file (self));
  else
    {
      /* A bundled dataset is never saved over: suggest a name of its own. */
      g_autofree char *stem = g_strdup (win_display_name (self) != NULL ? win_display_name (self)
                                                                    : "nato");

      if (g_str_has_suffix (stem, ".xml"))
        stem[strlen (stem) - 4] = '\0';
      /* Translators: the file name Save As suggests for a copy of a bundled
       * dataset; %s is its name without ".xml", e.g. "nato" */
      name = g_strdup_printf (_("%s-scenarios.xml"), stem);
    }

  pledge_ui_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Dataset"),
                         _("_Save"), filter, folder, name, &self->native, on_save_chosen);
}

/* Opening */

static void
on_open_chosen (GtkWindow *parent,
                GFile     *file)
{
  if (file != NULL)
    pledge_window_open_file (PLEDGE_WINDOW (parent), file, FALSE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = open_filter ();

  pledge_ui_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Dataset"),
                         _("_Open"), filter, NULL, NULL, &self->native, on_open_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  pledge_window_open_file (PLEDGE_WINDOW (widget), file, FALSE);
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autofree char *uri = g_strconcat (BUNDLED_DATASETS, g_variant_get_string (param, NULL), NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  pledge_window_open_file (PLEDGE_WINDOW (widget), file, TRUE);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PledgeWindow  *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  pledge_window_open_file (self, file, FALSE);
  return TRUE;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ra = *(GtkRecentInfo **) a;
  GtkRecentInfo *rb = *(GtkRecentInfo **) b;
  /* The dates belong to the infos: not ours to free. */
  GDateTime *ma = gtk_recent_info_get_modified (ra);
  GDateTime *mb = gtk_recent_info_get_modified (rb);

  return -g_date_time_compare (ma, mb);
}

/* A dataset this app opened or saved: the app also has exported charts and
 * plans in the list, which are no datasets. */
static gboolean
is_recent_dataset (GtkRecentInfo *info,
                   const char    *app_name)
{
  const char *mime = gtk_recent_info_get_mime_type (info);

  if (app_name == NULL || !gtk_recent_info_has_application (info, app_name))
    return FALSE;
  if (g_strcmp0 (mime, DATASET_MIME_TYPE) != 0 &&
      !g_str_has_suffix (gtk_recent_info_get_uri (info), ".xml") &&
      !gtk_recent_info_has_group (info, IMPORT_GROUP))
    return FALSE;
  return gtk_recent_info_exists (info);
}

void
pledge_window_fill_recent (PledgeWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent);
  const char *app_name = g_get_application_name ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (is_recent_dataset (info, app_name))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }
  if (infos->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Datasets"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
}

static void
on_recent_changed (GtkRecentManager *recent,
                   PledgeWindow     *self)
{
  pledge_window_fill_recent (self);
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PledgeWindow) self = g_weak_ref_get (&data->win);
  gboolean ok = pledge_document_reload_finish (PLEDGE_DOCUMENT (source), result, &error);
  int index;

  if (self == NULL)
    return;  /* closed while the file loaded */
  if (!ok)
    {
      /* The window keeps what it has. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = pledge_ui_describe_load_error (error);

          pledge_window_show_error (self, _("Could Not Reload the Dataset"), message);
        }
      return;
    }
  remember_file (self);

  /* The same view of the new figures, where it still exists. */
  index = data->target_id != NULL
          ? pledge_dataset_find_target (win_dataset (self), data->target_id) : -1;
  if (index >= 0)
    pledge_window_set_target (self, index);
  pledge_window_set_year (self, data->year);

  /* Translators: %s is a file name */
  title = g_markup_printf_escaped (_("Reloaded “%s”"), win_display_name (self));
  pledge_window_show_message (self, title);
}

static void
reload (PledgeWindow *self)
{
  OpenData *data;

  if (win_file (self) == NULL)
    return;

  data = g_new0 (OpenData, 1);
  g_weak_ref_init (&data->win, self);
  g_weak_ref_init (&data->parent, self);
  data->file = g_object_ref (win_file (self));
  data->year = self->year;
  if (self->target < pledge_dataset_get_n_targets (win_dataset (self)))
    data->target_id = g_strdup (pledge_dataset_get_target (win_dataset (self), self->target)->id);

  /* The scenario stays where it still exists; unsaved work is let go. */
  name_load (self, data->file);
  pledge_document_reload_async (self->document, NULL, on_reloaded, data);
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PledgeWindow     *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (win_dataset (self) == NULL || win_file (self) == NULL)
    return;
  if (!pledge_window_has_changes (self))
    {
      reload (self);
      return;
    }

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Reloading “%s” shows the file as it is on disk now. The changes "
                            "made here that are not saved are lost."), win_display_name (self));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reload the Dataset?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  pledge_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* The file changed on disk: another program saved it */

static void
on_disk_toast_dismissed (AdwToast     *toast,
                         PledgeWindow *self)
{
  g_signal_handlers_disconnect_by_data (toast, self);
  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->disk_toast);
  self->disk_toast = NULL;
}

void
pledge_window_dismiss_disk_toast (PledgeWindow *self)
{
  if (self->disk_toast != NULL)
    adw_toast_dismiss (self->disk_toast);
}

static void
show_disk_toast (PledgeWindow *self)
{
  const char *text = _("The file changed on disk");
  AdwToast *toast;
  GtkWidget *title;

  if (self->disk_toast != NULL)
    return;

  toast = adw_toast_new (text);
  /* The whole sentence, on two lines in a narrow window. */
  title = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (title), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  adw_toast_set_custom_title (toast, title);
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload");
  /* It stays until the user acts on it: the change does not go away. */
  adw_toast_set_timeout (toast, 0);
  /* Normal priority: libadwaita 1.2 aborts when a toast a high-priority
   * one postponed comes back before it finished hiding. */
  self->disk_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->disk_toast);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_disk_toast_dismissed), self);
  /* A custom title leaves the toast without a title of its own. */
  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The file on disk changed: it holds what the window shows, or not. */
static void
on_document_file_changed (PledgeDocument *document,
                          PledgeWindow   *self)
{
  if (pledge_document_get_changed_on_disk (document))
    show_disk_toast (self);
  else
    pledge_window_dismiss_disk_toast (self);
}

/* Closing with unsaved changes */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PledgeWindow     *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    pledge_window_close_confirmed (self);
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      pledge_window_save (self);
    }
}

void
pledge_window_ask_before_closing (PledgeWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not saved "
                            "are lost."), win_display_name (self));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  pledge_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* Other actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  if (win_dataset (self) != NULL)
    pledge_window_save (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  if (win_dataset (self) != NULL)
    pledge_window_save_as (self);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  pledge_document_cancel_load (PLEDGE_WINDOW (widget)->document);
}

void
pledge_window_files_dispose (PledgeWindow *self)
{
  g_clear_handle_id (&self->load_timeout, g_source_remove);
  if (self->document != NULL)
    pledge_document_cancel_load (self->document);
}

void
pledge_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", "s", open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  /* Bubbles up from the focused widget: an entry's own Escape comes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-load", NULL);

  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, load_bar);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, loading_bar);
}

void
pledge_window_files_init (PledgeWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect (self->recent, "changed", G_CALLBACK (on_recent_changed), self);
  pledge_window_fill_recent (self);

  g_signal_connect (self->document, "file-changed", G_CALLBACK (on_document_file_changed), self);
  g_signal_connect (self->document, "notify::loading", G_CALLBACK (on_loading), self);
  g_signal_connect (self->document, "notify::progress", G_CALLBACK (on_load_progress), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}
