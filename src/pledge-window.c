/* pledge-window.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-view.h"
#include "pledge-dataset-info.h"
#include "pledge-export-dialog.h"
#include "pledge-grow-dialog.h"
#include "pledge-locale-number.h"
#include "pledge-member-table.h"
#include "pledge-plan-window.h"
#include "pledge-plan.h"
#include "pledge-document.h"
#include "pledge-window.h"

#define BUNDLED_DATASETS "resource:///io/github/pledgeapp/Pledge/datasets/"
#define DATASET_MIME_TYPE "application/x-pledge-dataset+xml"
#define MAX_RECENT 8

struct _PledgeWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *scenario_dropdown;
  GMenu               *recent_menu;
  GtkStack            *main_stack;
  GtkDropDown         *target_dropdown;
  GtkLabel            *count_label;
  AdwSqueezer         *switcher_squeezer;
  GtkWidget           *switcher_none;
  AdwViewStack        *chart_stack;
  AdwViewSwitcher     *switcher;
  AdwViewSwitcherBar  *switcher_bar;
  GtkLabel            *table_title;
  GtkLabel            *units_label;
  PledgeMemberTable   *member_table;

  GtkWidget           *charts[PLEDGE_N_CHARTS];
  GtkStringList       *years;
  GtkStringList       *scenarios;
  GtkStringList       *targets;

  GSettings           *settings;
  GtkRecentManager    *recent;

  PledgeDocument      *document;

  /* What is shown */
  int                  year;
  int                  first_year;
  int                  last_year;
  guint                target;
  char                *summary;

  gboolean             updating;        /* while the window fills its own dropdowns */
  gboolean             close_confirmed; /* the user chose to close */
  gboolean             close_after_save;
  GtkWindow           *dialog;          /* weak */
  GtkWindow           *export_dialog;   /* weak */
  GtkWindow           *grow_dialog;     /* weak */
  GtkWindow           *plan_window;     /* weak */
  GtkNativeDialog     *native;          /* the file chooser while open */
  char                *last_toast;

  AdwToast            *disk_toast;      /* weak: "The file changed on disk" */
};

G_DEFINE_FINAL_TYPE (PledgeWindow, pledge_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *chart_icons[PLEDGE_N_CHARTS] = {
  [PLEDGE_CHART_COMPLIANCE] = "pledge-compliance-symbolic",
  [PLEDGE_CHART_TREND] = "pledge-trend-symbolic",
  [PLEDGE_CHART_EQUIPMENT] = "pledge-equipment-symbolic",
  [PLEDGE_CHART_BURDEN] = "pledge-burden-symbolic",
  [PLEDGE_CHART_GAP] = "pledge-gap-symbolic",
};

static void update_view (PledgeWindow *self);
static void save_as (PledgeWindow *self);
static void dismiss_disk_toast (PledgeWindow *self);

/* What the window shows of its document */
static inline PledgeDataset *
win_dataset (PledgeWindow *self)
{
  return pledge_document_get_dataset (self->document);
}

static inline PledgeSnapshot *
win_snapshot (PledgeWindow *self)
{
  return pledge_document_get_snapshot (self->document);
}

static inline PledgeUndoStack *
win_undo (PledgeWindow *self)
{
  return pledge_document_get_undo_stack (self->document);
}

static inline GFile *
win_file (PledgeWindow *self)
{
  return pledge_document_get_file (self->document);
}

static inline const char *
win_display_name (PledgeWindow *self)
{
  return pledge_document_get_display_name (self->document);
}

/* Feedback */

static void
show_toast (PledgeWindow *self,
            AdwToast     *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (PledgeWindow *self,
              const char   *title)
{
  show_toast (self, adw_toast_new (title));
}

static void
clear_dialog (gpointer data,
              GObject *where_the_object_was)
{
  PledgeWindow *self = data;

  if (self->dialog == (GtkWindow *) where_the_object_was)
    self->dialog = NULL;
}

/* Keeps a weak pointer to the message dialog shown, for tests. */
static void
track_dialog (PledgeWindow *self,
              GtkWindow    *dialog)
{
  if (self->dialog != NULL)
    g_object_weak_unref (G_OBJECT (self->dialog), clear_dialog, self);
  self->dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), clear_dialog, self);
}

static void
present_dialog (PledgeWindow *self,
                GtkWindow    *dialog)
{
  track_dialog (self, dialog);
  gtk_window_present (dialog);
}

static gboolean
present_later (gpointer data)
{
  GtkWindow *dialog = data;

  gtk_window_present (dialog);
  return G_SOURCE_REMOVE;
}

static void
show_error (PledgeWindow *self,
            const char   *heading,
            const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* A window that fails its first file is not on screen yet: show the
   * error once it is, above it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    present_dialog (self, GTK_WINDOW (dialog));
  else
    {
      track_dialog (self, GTK_WINDOW (dialog));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_later, g_object_ref (dialog),
                       g_object_unref);
    }
}

static gboolean
has_changes (PledgeWindow *self)
{
  return pledge_document_get_has_changes (self->document);
}

static void
update_title (PledgeWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *dataset_title;

  if (win_dataset (self) == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Pledge"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Pledge"));
      return;
    }

  dataset_title = pledge_dataset_get_title (win_dataset (self));
  if (dataset_title == NULL || *dataset_title == '\0')
    dataset_title = win_display_name (self);

  /* A bullet marks unsaved changes, as in other GNOME apps. */
  if (has_changes (self))
    title = g_strdup_printf ("• %s", dataset_title);
  else
    title = g_strdup (dataset_title);

  if (pledge_document_get_bundled (self->document))
    /* Translators: the subtitle of a window showing a dataset that comes with the app */
    subtitle = g_strdup_printf (_("%s, bundled with Pledge"), win_display_name (self));
  else if (has_changes (self))
    /* Translators: the window subtitle; %s is a file name */
    subtitle = g_strdup_printf (_("%s (unsaved changes)"), win_display_name (self));
  else
    subtitle = g_strdup (win_display_name (self));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* The header may have room for only part of a long title. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), dataset_title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Dropdowns */

static void
setup_label_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (GPOINTER_TO_INT (max_chars), 8));
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  max_chars)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

/* The button shows the item ellipsized; the popover shows it whole. */
static void
set_label_factories (GtkDropDown *dropdown,
                     int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_label_item), GINT_TO_POINTER (max_chars));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label_item), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label_item), GINT_TO_POINTER (0));
  g_signal_connect (list, "bind", G_CALLBACK (bind_label_item), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
replace_strings (GtkStringList *list,
                 GPtrArray     *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean same = n == strings->len;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (strings, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, n, (const char *const *) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
}

static int
active_scenario (PledgeWindow *self)
{
  return pledge_document_get_scenario (self->document);
}

/* The name of what the window shows: a scenario, or the reported figures. */
static const char *
scenario_name (PledgeWindow *self)
{
  int scenario = active_scenario (self);

  if (scenario < 0)
    return _("Reported figures");
  return pledge_dataset_get_scenario (win_dataset (self), scenario)->name;
}

static void
fill_scenarios (PledgeWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = pledge_dataset_get_n_scenarios (win_dataset (self));

  g_ptr_array_add (names, (char *) _("Reported figures"));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, pledge_dataset_get_scenario (win_dataset (self), i)->name);

  self->updating = TRUE;
  replace_strings (self->scenarios, names);
  gtk_drop_down_set_selected (self->scenario_dropdown, active_scenario (self) + 1);
  self->updating = FALSE;
}

static void
fill_targets (PledgeWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = pledge_dataset_get_n_targets (win_dataset (self));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, pledge_dataset_get_target (win_dataset (self), i)->name);

  self->updating = TRUE;
  replace_strings (self->targets, names);
  gtk_drop_down_set_selected (self->target_dropdown, self->target);
  self->updating = FALSE;
}

static void
fill_years (PledgeWindow *self)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);

  for (int y = self->first_year; y <= self->last_year; y++)
    g_ptr_array_add (years, g_strdup_printf ("%d", y));

  self->updating = TRUE;
  replace_strings (self->years, years);
  gtk_drop_down_set_selected (self->year_dropdown, self->year - self->first_year);
  self->updating = FALSE;
}

/* Computing */

static void
update_actions (PledgeWindow *self)
{
  gboolean loaded = win_dataset (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.info", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 loaded && pledge_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 loaded && pledge_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-scenario", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-scenario",
                                 loaded && active_scenario (self) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-scenario",
                                 loaded && active_scenario (self) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-scenario",
                                 loaded && active_scenario (self) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.grow", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.grow-member", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reach-target",
                                 loaded && pledge_plan_pick_target (win_dataset (self),
                                                                           self->target) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", loaded && win_file (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-year",
                                 loaded && self->year > self->first_year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-year",
                                 loaded && self->year < self->last_year);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), loaded);
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_dropdown), loaded);
}

/* Shows the document's new snapshot; the year range follows it, since a
 * scenario may project years past the reported ones. */
static void
recompute (PledgeWindow *self)
{
  if (!pledge_snapshot_get_year_range (win_snapshot (self), &self->first_year, &self->last_year))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->first_year = self->last_year = g_date_time_get_year (now);
    }
  self->year = CLAMP (self->year, self->first_year, self->last_year);

  fill_scenarios (self);
  fill_years (self);
  update_view (self);
}

static char *
count_markup (PledgeWindow *self,
              char        **plain)
{
  guint meeting = 0, members = 0;
  g_autofree char *text = NULL;

  if (pledge_dataset_get_n_targets (win_dataset (self)) == 0)
    {
      text = g_strdup (_("This dataset has no targets"));
      *plain = g_strdup (text);
      return g_markup_escape_text (text, -1);
    }

  pledge_snapshot_count (win_snapshot (self), self->year, self->target, &meeting, &members);
  /* Translators: "6 of 28 members meet this target in 2016" */
  text = g_strdup_printf (ngettext ("%u of %u members meets this target in %d",
                                    "%u of %u members meet this target in %d", meeting),
                          meeting, members, self->year);
  *plain = g_strdup (text);
  return g_markup_printf_escaped ("<b>%s</b>", text);
}

static void
update_view (PledgeWindow *self)
{
  g_autofree char *markup = NULL;
  g_autofree char *table_title = NULL;
  g_autofree char *units = NULL;
  const char *prices;
  guint n_targets = pledge_dataset_get_n_targets (win_dataset (self));

  if (self->target >= n_targets)
    self->target = 0;

  g_clear_pointer (&self->summary, g_free);
  markup = count_markup (self, &self->summary);
  gtk_label_set_markup (self->count_label, markup);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), self->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->target_dropdown), n_targets > 0);

  pledge_member_table_set_snapshot (self->member_table, win_snapshot (self), self->year, self->target);

  /* Translators: the heading of the table; %d is a year */
  table_title = g_strdup_printf (_("Members in %d"), self->year);
  gtk_label_set_text (self->table_title, table_title);
  prices = pledge_dataset_get_prices (win_dataset (self));
  if (g_strcmp0 (prices, "current") == 0)
    /* Translators: the units of the table; "USD million, current prices" */
    units = g_strdup_printf (_("%s %s, current prices"), pledge_dataset_get_currency (win_dataset (self)),
                             pledge_scale_to_string (pledge_dataset_get_scale (win_dataset (self))));
  else
    /* Translators: the units of the table; "USD million, constant-2015 prices" */
    units = g_strdup_printf (_("%s %s, %s prices"), pledge_dataset_get_currency (win_dataset (self)),
                             pledge_scale_to_string (pledge_dataset_get_scale (win_dataset (self))),
                             prices);
  gtk_label_set_text (self->units_label, units);

  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    pledge_chart_view_set_input (PLEDGE_CHART_VIEW (self->charts[k]),
                                 pledge_chart_input_new (win_snapshot (self), self->year, self->target,
                                                         NULL));

  pledge_member_table_set_plan_target (self->member_table,
                                       pledge_plan_pick_target (win_dataset (self), self->target));
  if (self->plan_window != NULL)
    pledge_plan_window_set_snapshot (PLEDGE_PLAN_WINDOW (self->plan_window), win_snapshot (self),
                                     scenario_name (self), self->target);

  update_actions (self);
}

static void
discard_recovery (PledgeWindow *self)
{
  pledge_document_discard_recovery (self->document);
}

static void
on_document_changed (PledgeDocument *document,
                     PledgeWindow   *self)
{
  recompute (self);
  update_title (self);
}

static void
on_document_state_changed (PledgeDocument *document,
                           GParamSpec     *pspec,
                           PledgeWindow   *self)
{
  update_actions (self);
  update_title (self);
}

static void
on_disk_toast_dismissed (AdwToast     *toast,
                         PledgeWindow *self)
{
  g_signal_handlers_disconnect_by_data (toast, self);
  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->disk_toast);
  self->disk_toast = NULL;
}

static void
dismiss_disk_toast (PledgeWindow *self)
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
    dismiss_disk_toast (self);
}

/* Documents */

static void
add_recent (PledgeWindow *self,
            GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) DATASET_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "pledge %u",
  };

  if (g_file_has_uri_scheme (file, "resource"))
    return;

  data.display_name = g_file_get_basename (file);
  gtk_recent_manager_add_full (self->recent, uri, &data);
  g_free (data.display_name);
}

/* The document holds a new dataset: show it from its last year. */
static void
on_document_dataset (PledgeDocument *document,
                     GParamSpec     *pspec,
                     PledgeWindow   *self)
{
  int last;

  /* The latest year the file itself has figures for, as on the command line. */
  if (pledge_dataset_get_year_range (win_dataset (self), NULL, &last))
    self->year = last;
  else
    self->year = G_MAXINT;
  self->target = 0;

  dismiss_disk_toast (self);
  fill_targets (self);
  recompute (self);
  update_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

/* The file is a recent one, and the one to open next time. */
static void
remember_file (PledgeWindow *self)
{
  GFile *file = win_file (self);

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      add_recent (self, file);
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
      discard_recovery (self);
      return;
    }
  if (g_strcmp0 (response, "recover") != 0)
    return;  /* asked again next time */

  if (!pledge_document_recover (self->document, &error))
    {
      show_error (self, _("Could Not Recover the Changes"), error->message);
      return;
    }
  remember_file (self);
  update_title (self);
  show_message (self, _("Unsaved changes recovered"));
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

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    present_dialog (self, GTK_WINDOW (dialog));
  else
    {
      track_dialog (self, GTK_WINDOW (dialog));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_later, g_object_ref (dialog),
                       g_object_unref);
    }
}

static void
open_file (PledgeWindow *self,
           GFile        *file,
           gboolean      bundled)
{
  g_autoptr(GError) error = NULL;
  PledgeWindow *win = self;

  /* Nothing edited is lost without a question: unsaved work stays in its
   * window, and the file opens in a new one. */
  if (has_changes (self))
    win = pledge_window_new (gtk_window_get_application (GTK_WINDOW (self)));

  if (!pledge_document_load (win->document, file, bundled, &error))
    {
      if (win != self)
        gtk_window_destroy (GTK_WINDOW (win));
      show_error (self, _("Could Not Open the Dataset"), error->message);
      return;
    }

  remember_file (win);
  if (win != self)
    gtk_window_present (GTK_WINDOW (win));
  offer_recovery (win);
}

void
pledge_window_load (PledgeWindow *self,
                    GFile        *file,
                    gboolean      bundled)
{
  g_return_if_fail (PLEDGE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  open_file (self, file, bundled);
}

/* Closes the window from the main loop: a message dialog is still
 * finishing its ::response when the user's answer closes the window. */
static gboolean
close_later (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_confirmed (PledgeWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
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
      show_error (self, _("Could Not Save the Dataset"), error->message);
      return FALSE;
    }

  update_title (self);
  /* What is on disk now is what the window holds. */
  dismiss_disk_toast (self);
  update_actions (self);
  remember_file (self);

  /* Translators: %s is a file name */
  message = g_markup_printf_escaped (_("Saved “%s”"), win_display_name (self));
  show_message (self, message);

  if (self->close_after_save)
    close_confirmed (self);
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
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
save (PledgeWindow *self)
{
  if (win_file (self) == NULL)
    {
      save_as (self);
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

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PledgeWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  save_as_done (self, file);
}
#else
static void
on_save_chooser_response (GtkNativeDialog *native,
                          int              response,
                          PledgeWindow    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->native);
  save_as_done (self, file);
}
#endif

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

static void
save_as (PledgeWindow *self)
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

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Save Dataset"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_initial_name (dialog, name);
    if (folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_dialog_done,
                          g_object_ref (self));
  }
#else
  if (self->native != NULL)
    return;
  self->native = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Save Dataset"),
                                                                 GTK_WINDOW (self),
                                                                 GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                 _("_Save"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->native, TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->native), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->native), name);
  g_signal_connect (self->native, "response", G_CALLBACK (on_save_chooser_response), self);
  gtk_native_dialog_show (self->native);
#endif
}

/* Opening */

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PledgeWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    open_file (self, file, FALSE);
}
#else
static void
on_open_chooser_response (GtkNativeDialog *native,
                          int              response,
                          PledgeWindow    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->native);
  if (file != NULL)
    open_file (self, file, FALSE);
}
#endif

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = dataset_filter ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Open Dataset"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_dialog_done, g_object_ref (self));
#else
  if (self->native != NULL)
    return;
  self->native = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Open Dataset"),
                                                                 GTK_WINDOW (self),
                                                                 GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                 _("_Open"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->native, TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->native), filter);
  g_signal_connect (self->native, "response", G_CALLBACK (on_open_chooser_response), self);
  gtk_native_dialog_show (self->native);
#endif
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_file (PLEDGE_WINDOW (widget), file, FALSE);
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autofree char *uri = g_strconcat (BUNDLED_DATASETS, g_variant_get_string (param, NULL), NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  open_file (PLEDGE_WINDOW (widget), file, TRUE);
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
  open_file (self, file, FALSE);
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
      !g_str_has_suffix (gtk_recent_info_get_uri (info), ".xml"))
    return FALSE;
  return gtk_recent_info_exists (info);
}

static void
fill_recent (PledgeWindow *self)
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
  fill_recent (self);
}

gboolean
pledge_window_edit_figure (PledgeWindow *self,
                           const char   *code,
                           PledgeField   field,
                           double        value,
                           GError      **error)
{
  g_autofree char *created = NULL;

  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (win_dataset (self) != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!pledge_document_edit_figure (self->document, code, self->year, field, value, &created,
                                    error))
    return FALSE;
  if (created != NULL)
    {
      g_autofree char *title = NULL;
      AdwToast *t;

      /* Translators: shown after the first edit, which creates a
       * scenario; %s is its name, "Scenario 1" */
      title = g_markup_printf_escaped (_("Edits go into “%s”"), created);
      t = adw_toast_new (title);
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "win.undo");
      show_toast (self, t);
    }
  return TRUE;
}

static void
on_table_edit (PledgeMemberTable *table,
               guint              member,
               guint              field,
               double             value,
               PledgeWindow      *self)
{
  g_autoptr(GError) error = NULL;
  const PledgeMember *m = pledge_dataset_get_member (win_dataset (self), member);

  if (!pledge_window_edit_figure (self, m->code, (PledgeField) field, value, &error))
    show_error (self, _("Could Not Change the Figure"), error->message);
}

static void
on_table_invalid_input (PledgeMemberTable *table,
                        const char        *text,
                        PledgeWindow      *self)
{
  g_autofree char *message = NULL;

  /* Translators: %s is what the user typed into a cell of the table */
  message = g_markup_printf_escaped (_("“%s” is not a number of zero or more"), text);
  show_message (self, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  AdwToast *t;

  if (win_undo (self) == NULL || !pledge_undo_stack_undo (win_undo (self)))
    return;

  t = adw_toast_new (_("Edit undone"));
  adw_toast_set_button_label (t, _("_Redo"));
  adw_toast_set_action_name (t, "win.redo");
  show_toast (self, t);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  if (win_undo (self) == NULL || !pledge_undo_stack_redo (win_undo (self)))
    return;
  show_message (self, _("Edit redone"));
}

static void
delete_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  int scenario = active_scenario (self);
  g_autofree char *title = NULL;
  AdwToast *t;

  if (scenario < 0)
    return;

  /* Translators: %s is a scenario name */
  title = g_markup_printf_escaped (_("“%s” deleted"),
                                   pledge_dataset_get_scenario (win_dataset (self), scenario)->name);
  pledge_undo_stack_remove_scenario (win_undo (self), scenario);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  show_toast (self, t);
}

/* Adds a scenario (takes it) and shows it, as one more step of undo. */
static gboolean
add_scenario (PledgeWindow   *self,
              PledgeScenario *scenario,
              guint           position,
              GError        **error)
{
  return pledge_document_add_scenario (self->document, scenario, position, error);
}

/* Adds edits to the active scenario as one step of undo. */
static gboolean
add_edits (PledgeWindow *self,
           GPtrArray    *edits,
           GError      **error)
{
  return pledge_document_add_edits (self->document, edits, error);
}

static void
show_undo_toast (PledgeWindow *self,
                 const char   *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  show_toast (self, t);
}

static void
new_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (win_dataset (self) == NULL)
    return;

  id = pledge_dataset_make_scenario_id (win_dataset (self), "scenario");
  name = pledge_document_dup_new_scenario_name (self->document);
  if (!add_scenario (self, pledge_scenario_new (id, name),
                     pledge_dataset_get_n_scenarios (win_dataset (self)), &error))
    {
      show_error (self, _("Could Not Create the Scenario"), error->message);
      return;
    }

  /* Translators: %s is the name of a new scenario, "Scenario 2" */
  title = g_markup_printf_escaped (_("“%s” created"), name);
  show_undo_toast (self, title);
}

static void
duplicate_scenario_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  int scenario = active_scenario (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  PledgeScenario *copy;

  if (scenario < 0)
    return;

  copy = pledge_scenario_copy (pledge_dataset_get_scenario (win_dataset (self), scenario));
  g_free (copy->id);
  copy->id = pledge_dataset_make_scenario_id (win_dataset (self), "scenario");
  /* Translators: the name of a copy of a scenario; %s is the scenario's name */
  name = g_strdup_printf (_("%s (copy)"), copy->name);
  g_free (copy->name);
  copy->name = g_strdup (name);

  if (!add_scenario (self, copy, scenario + 1, &error))
    {
      show_error (self, _("Could Not Duplicate the Scenario"), error->message);
      return;
    }

  /* Translators: %s is the name of the copy of a scenario */
  title = g_markup_printf_escaped (_("“%s” created"), name);
  show_undo_toast (self, title);
}

static void
on_rename_entry_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PledgeWindow     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *id = g_object_get_data (G_OBJECT (dialog), "pledge-scenario-id");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *title = NULL;
  int scenario;

  if (g_strcmp0 (response, "rename") != 0 || *name == '\0' || win_dataset (self) == NULL)
    return;
  scenario = pledge_dataset_find_scenario (win_dataset (self), id);
  if (scenario < 0 ||
      g_strcmp0 (pledge_dataset_get_scenario (win_dataset (self), scenario)->name, name) == 0)
    return;

  pledge_undo_stack_rename_scenario (win_undo (self), scenario, name);
  /* Translators: %s is the new name of a scenario */
  title = g_markup_printf_escaped (_("Renamed to “%s”"), name);
  show_undo_toast (self, title);
}

static void
rename_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  int scenario = active_scenario (self);
  const PledgeScenario *s;
  GtkWidget *dialog, *entry;

  if (scenario < 0)
    return;
  s = pledge_dataset_get_scenario (win_dataset (self), scenario);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Scenario"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), s->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scenario name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pledge-scenario-id", g_strdup (s->id), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_entry_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Growing spending */

/* An error about what the user did in another window, shown over it. */
static void
show_error_over (PledgeWindow *self,
                 GtkWindow    *parent,
                 const char   *heading,
                 const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_grow_apply (PledgeGrowDialog *dialog,
               PledgeWindow     *self)
{
  g_autoptr(GPtrArray) edits = pledge_grow_dialog_build_edits (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  int to = pledge_grow_dialog_get_to (dialog);

  if (!add_edits (self, edits, &error))
    {
      /* The dialog stays, with what the user chose, to change it. */
      show_error_over (self, GTK_WINDOW (dialog), _("Could Not Grow the Spending"), error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (dialog));
  /* What the user asked about: the year grown to. */
  pledge_window_set_year (self, to);
  /* Translators: %d is the year spending grew to */
  title = g_strdup_printf (_("Spending grown to %d"), to);
  show_undo_toast (self, title);
}

static void
open_grow_dialog (PledgeWindow      *self,
                  const char *const *members)
{
  PledgeGrowDialog *dialog;

  if (win_dataset (self) == NULL)
    return;
  if (self->grow_dialog != NULL)
    gtk_window_destroy (self->grow_dialog);

  dialog = pledge_grow_dialog_new (GTK_WINDOW (self), win_snapshot (self));
  if (members != NULL)
    pledge_grow_dialog_set_members (dialog, members);
  g_signal_connect (dialog, "apply", G_CALLBACK (on_grow_apply), self);
  self->grow_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->grow_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
grow_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  open_grow_dialog (PLEDGE_WINDOW (widget), NULL);
}

static void
grow_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  const char *members[] = { g_variant_get_string (param, NULL), NULL };

  open_grow_dialog (PLEDGE_WINDOW (widget), members);
}

/* Reaching a target by its due year */

static gboolean
reach_target (PledgeWindow  *self,
              const char    *code,
              guint          target,
              GError       **error)
{
  const PledgeTarget *t = pledge_dataset_get_target (win_dataset (self), target);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) pledge_edit_free);
  g_autofree char *short_title = pledge_target_dup_short_title (t);
  g_autofree char *growth_text = NULL;
  g_autofree char *title = NULL;
  const PledgeMember *m;
  PledgePlanReach reach;
  int member;

  member = pledge_dataset_find_member (win_dataset (self), code);
  g_assert (member >= 0);
  m = pledge_dataset_get_member (win_dataset (self), member);

  if (!pledge_plan_reach (win_snapshot (self), target, member, &reach, error))
    return FALSE;
  if (reach.kind == PLEDGE_PLAN_REACH_MET)
    {
      /* Translators: %s is a member's name, then a target such as "3.5% of
       * GDP"; %d is the year the target is due */
      title = g_markup_printf_escaped (_("%s already reaches %s by %d"), m->name, short_title,
                                       t->due);
      show_message (self, title);
      return TRUE;
    }
  if (reach.kind == PLEDGE_PLAN_REACH_FLAT)
    {
      /* Translators: %s is a member's name, then a target such as "3.5% of
       * GDP"; %d is the year the target is due */
      title = g_markup_printf_escaped (_("%s reaches %s by %d without spending more"), m->name,
                                       short_title, t->due);
      show_message (self, title);
      return TRUE;
    }

  g_ptr_array_add (edits, pledge_edit_new_grow (code, reach.start, reach.due, reach.growth,
                                                reach.gdp_rate));
  if (!add_edits (self, edits, error))
    return FALSE;

  growth_text = pledge_locale_format_growth (reach.growth);
  if (reach.gdp_rate == 0)
    /* Translators: "Germany: defence spending +7.12 % a year reaches 3.5% of
     * GDP by 2035, GDP held at its 2024 level" */
    title = g_markup_printf_escaped (_("%s: defence spending %s a year reaches %s by %d, GDP held "
                                       "at its %d level"),
                                     m->name, growth_text, short_title, t->due, reach.start);
  else
    /* Translators: "Germany: defence spending +7.12 % a year reaches 3.5% of
     * GDP by 2035" */
    title = g_markup_printf_escaped (_("%s: defence spending %s a year reaches %s by %d"),
                                     m->name, growth_text, short_title, t->due);
  show_undo_toast (self, title);
  /* The plan's own window may be the one the user looks at. */
  if (self->plan_window != NULL)
    pledge_plan_window_add_toast (PLEDGE_PLAN_WINDOW (self->plan_window), adw_toast_new (title));
  return TRUE;
}

static void
reach_target_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  const char *code = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  int target;

  if (win_dataset (self) == NULL || pledge_dataset_find_member (win_dataset (self), code) < 0)
    return;
  target = pledge_plan_pick_target (win_dataset (self), self->target);
  if (target < 0)
    return;
  if (!reach_target (self, code, target, &error))
    show_error (self, _("Could Not Reach the Target"), error->message);
}

/* The plan */

static void
on_plan_reach_target (PledgePlanWindow *plan,
                      const char       *code,
                      guint             target,
                      PledgeWindow     *self)
{
  g_autoptr(GError) error = NULL;

  if (win_dataset (self) == NULL || !pledge_plan_can_plan (win_dataset (self), target))
    return;
  if (!reach_target (self, code, target, &error))
    show_error_over (self, GTK_WINDOW (plan), _("Could Not Reach the Target"), error->message);
}

static void
show_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  PledgePlanWindow *plan;

  if (win_dataset (self) == NULL)
    return;
  if (self->plan_window != NULL)
    {
      gtk_window_present (self->plan_window);
      return;
    }

  plan = pledge_plan_window_new (GTK_WINDOW (self));
  pledge_plan_window_set_snapshot (plan, win_snapshot (self), scenario_name (self), self->target);
  g_signal_connect (plan, "reach-target", G_CALLBACK (on_plan_reach_target), self);
  self->plan_window = GTK_WINDOW (plan);
  g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *) &self->plan_window);
  gtk_window_present (GTK_WINDOW (plan));
}

static void
reload (PledgeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target_id = NULL;
  g_autofree char *title = NULL;
  int year = self->year, index;

  if (win_file (self) == NULL)
    return;
  if (self->target < pledge_dataset_get_n_targets (win_dataset (self)))
    target_id = g_strdup (pledge_dataset_get_target (win_dataset (self), self->target)->id);

  /* The scenario stays where it still exists; unsaved work is let go. */
  if (!pledge_document_reload (self->document, &error))
    {
      /* The window keeps what it has. */
      show_error (self, _("Could Not Reload the Dataset"), error->message);
      return;
    }
  remember_file (self);

  /* The same view of the new figures, where it still exists. */
  index = target_id != NULL ? pledge_dataset_find_target (win_dataset (self), target_id) : -1;
  if (index >= 0)
    pledge_window_set_target (self, index);
  pledge_window_set_year (self, year);

  /* Translators: %s is a file name */
  title = g_markup_printf_escaped (_("Reloaded “%s”"), win_display_name (self));
  show_message (self, title);
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
  if (!has_changes (self))
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
  present_dialog (self, GTK_WINDOW (dialog));
}

/* Years, scenarios, targets */

void
pledge_window_set_year (PledgeWindow *self,
                        int           year)
{
  g_return_if_fail (PLEDGE_IS_WINDOW (self));

  if (win_dataset (self) == NULL)
    return;
  year = CLAMP (year, self->first_year, self->last_year);
  if (year == self->year)
    return;

  self->year = year;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown, year - self->first_year);
  self->updating = FALSE;
  update_view (self);
}

int
pledge_window_get_year (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), 0);
  return self->year;
}

static void
previous_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  pledge_window_set_year (self, self->year - 1);
}

static void
next_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  pledge_window_set_year (self, self->year + 1);
}

static void
on_year_selected (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  PledgeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || win_dataset (self) == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  pledge_window_set_year (self, self->first_year + (int) selected);
}

int
pledge_window_get_scenario (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), PLEDGE_SNAPSHOT_REPORTED);
  return active_scenario (self);
}

void
pledge_window_set_scenario (PledgeWindow *self,
                            int           scenario)
{
  g_return_if_fail (PLEDGE_IS_WINDOW (self));
  g_return_if_fail (win_dataset (self) != NULL);
  g_return_if_fail (scenario < (int) pledge_dataset_get_n_scenarios (win_dataset (self)));

  pledge_document_set_scenario (self->document, scenario);
}

static void
on_scenario_selected (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      PledgeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || win_dataset (self) == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  pledge_window_set_scenario (self, (int) selected - 1);
}

guint
pledge_window_get_target (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), 0);
  return self->target;
}

void
pledge_window_set_target (PledgeWindow *self,
                          guint         target)
{
  g_return_if_fail (PLEDGE_IS_WINDOW (self));
  g_return_if_fail (win_dataset (self) != NULL);
  g_return_if_fail (target < pledge_dataset_get_n_targets (win_dataset (self)));

  if (target == self->target)
    return;
  self->target = target;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->target_dropdown, target);
  self->updating = FALSE;
  update_view (self);
}

static void
on_target_selected (GtkDropDown  *dropdown,
                    GParamSpec   *pspec,
                    PledgeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || win_dataset (self) == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  pledge_window_set_target (self, selected);
}

static void
show_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->chart_stack, g_variant_get_string (param, NULL));
}

/* The view switcher sits above the charts while it fits, and moves to a
 * bar at the bottom of the window when the window is narrow. */
static void
on_switcher_squeezed (AdwSqueezer  *squeezer,
                      GParamSpec   *pspec,
                      PledgeWindow *self)
{
  gboolean reveal = adw_squeezer_get_visible_child (squeezer) == self->switcher_none;

  /* The bar makes its buttons when a narrow window first needs them. */
  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->chart_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

/* Export */

static void
open_exported (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
#else
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
#endif
}

static void
on_exported (PledgeExportDialog *dialog,
             GFile              *file,
             PledgeWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *t;

  /* Translators: %s is a file name */
  title = g_markup_printf_escaped (_("Chart exported to “%s”"), name);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Open"));
  adw_toast_set_action_name (t, "win.open-exported");
  adw_toast_set_action_target_value (t, g_variant_new_string (uri));
  show_toast (self, t);
}

static void
clear_export_dialog (gpointer data,
                     GObject *where_the_object_was)
{
  PledgeWindow *self = data;

  self->export_dialog = NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  PledgeExportDialog *dialog;
  PledgeChartKind kind = PLEDGE_CHART_COMPLIANCE;
  const char *visible = adw_view_stack_get_visible_child_name (self->chart_stack);

  if (win_dataset (self) == NULL)
    return;
  if (self->export_dialog != NULL)
    {
      gtk_window_present (self->export_dialog);
      return;
    }

  if (visible != NULL)
    pledge_chart_kind_from_string (visible, &kind);
  dialog = pledge_export_dialog_new (GTK_WINDOW (self), win_snapshot (self), self->year, self->target,
                                     kind);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  self->export_dialog = GTK_WINDOW (dialog);
  g_object_weak_ref (G_OBJECT (dialog), clear_export_dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Other actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  if (win_dataset (self) != NULL)
    save (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  if (win_dataset (self) != NULL)
    save_as (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), "help:pledge", GDK_CURRENT_TIME);
}

static void
info_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  if (win_dataset (self) != NULL)
    gtk_window_present (pledge_dataset_info_new (GTK_WINDOW (self), win_dataset (self)));
}

/* Closing */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PledgeWindow     *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    close_confirmed (self);
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

static void
ask_before_closing (PledgeWindow *self)
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
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
save_window_state (PledgeWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static gboolean
pledge_window_close_request (GtkWindow *window)
{
  PledgeWindow *self = PLEDGE_WINDOW (window);

  if (has_changes (self) && !self->close_confirmed)
    {
      gtk_window_present (window);
      ask_before_closing (self);
      return TRUE;
    }

  /* Saved, thrown away on purpose, or nothing to keep. */
  discard_recovery (self);
  save_window_state (self);
  return GTK_WINDOW_CLASS (pledge_window_parent_class)->close_request (window);
}

/* GObject */

static void
pledge_window_dispose (GObject *object)
{
  PledgeWindow *self = PLEDGE_WINDOW (object);

  if (self->disk_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->disk_toast, self);
      g_object_remove_weak_pointer (G_OBJECT (self->disk_toast), (gpointer *) &self->disk_toast);
      self->disk_toast = NULL;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  if (self->dialog != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->dialog), clear_dialog, self);
      self->dialog = NULL;
    }
  if (self->export_dialog != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->export_dialog), clear_export_dialog, self);
      gtk_window_destroy (self->export_dialog);
      self->export_dialog = NULL;
    }
  if (self->grow_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->grow_dialog, self);
      g_object_remove_weak_pointer (G_OBJECT (self->grow_dialog), (gpointer *) &self->grow_dialog);
      gtk_window_destroy (self->grow_dialog);
      self->grow_dialog = NULL;
    }
  if (self->plan_window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan_window, self);
      g_object_remove_weak_pointer (G_OBJECT (self->plan_window), (gpointer *) &self->plan_window);
      gtk_window_destroy (self->plan_window);
      self->plan_window = NULL;
    }
  if (self->native != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->native, self);
      gtk_native_dialog_destroy (self->native);
      g_clear_object (&self->native);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PLEDGE_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->years);
  g_clear_object (&self->scenarios);
  g_clear_object (&self->targets);
  self->recent = NULL;

  G_OBJECT_CLASS (pledge_window_parent_class)->dispose (object);
}

static void
pledge_window_finalize (GObject *object)
{
  PledgeWindow *self = PLEDGE_WINDOW (object);

  g_free (self->summary);
  g_free (self->last_toast);

  G_OBJECT_CLASS (pledge_window_parent_class)->finalize (object);
}

static void
pledge_window_class_init (PledgeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pledge_window_dispose;
  object_class->finalize = pledge_window_finalize;
  window_class->close_request = pledge_window_close_request;

  g_type_ensure (PLEDGE_TYPE_CHART_VIEW);
  g_type_ensure (PLEDGE_TYPE_MEMBER_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pledgeapp/Pledge/pledge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, switcher_none);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, table_title);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, units_label);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, member_table);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", "s", open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-scenario", NULL, new_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-scenario", NULL,
                                   duplicate_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.rename-scenario", NULL,
                                   rename_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.delete-scenario", NULL,
                                   delete_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.grow", NULL, grow_action);
  gtk_widget_class_install_action (widget_class, "win.grow-member", "s", grow_member_action);
  gtk_widget_class_install_action (widget_class, "win.reach-target", "s", reach_target_action);
  gtk_widget_class_install_action (widget_class, "win.show-plan", NULL, show_plan_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.previous-year", NULL, previous_year_action);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, next_year_action);
  gtk_widget_class_install_action (widget_class, "win.show-chart", "s", show_chart_action);
  gtk_widget_class_install_action (widget_class, "win.info", NULL, info_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.info", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.grow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-plan", NULL);
  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + k, GDK_ALT_MASK, "win.show-chart",
                                         "s", pledge_chart_kind_to_string (k));
}

static void
pledge_window_init (PledgeWindow *self)
{
  GtkDropTarget *drop;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->document = pledge_document_new ();
  g_signal_connect (self->document, "notify::dataset", G_CALLBACK (on_document_dataset), self);
  g_signal_connect (self->document, "notify::has-changes",
                    G_CALLBACK (on_document_state_changed), self);
  g_signal_connect (self->document, "notify::can-undo",
                    G_CALLBACK (on_document_state_changed), self);
  g_signal_connect (self->document, "notify::can-redo",
                    G_CALLBACK (on_document_state_changed), self);
  g_signal_connect (self->document, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_connect (self->document, "file-changed", G_CALLBACK (on_document_file_changed), self);
  self->recent = gtk_recent_manager_get_default ();

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->years = gtk_string_list_new (NULL);
  self->scenarios = gtk_string_list_new (NULL);
  self->targets = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->years));
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (self->scenarios));
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (self->targets));
  set_label_factories (self->scenario_dropdown, 20);
  set_label_factories (self->target_dropdown, 44);
  g_signal_connect (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
  g_signal_connect (self->scenario_dropdown, "notify::selected",
                    G_CALLBACK (on_scenario_selected), self);
  g_signal_connect (self->target_dropdown, "notify::selected",
                    G_CALLBACK (on_target_selected), self);

  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    {
      AdwViewStackPage *page;

      self->charts[k] = pledge_chart_view_new ();
      pledge_chart_view_set_kind (PLEDGE_CHART_VIEW (self->charts[k]), k);
      page = adw_view_stack_add_titled (self->chart_stack, self->charts[k],
                                        pledge_chart_kind_to_string (k),
                                        pledge_chart_kind_get_title (k));
      adw_view_stack_page_set_icon_name (page, chart_icons[k]);
    }
  /* Now that the stack has its pages: a switcher makes its buttons once. */
  adw_view_switcher_set_stack (self->switcher, self->chart_stack);

  g_signal_connect (self->switcher_squeezer, "notify::visible-child",
                    G_CALLBACK (on_switcher_squeezed), self);
  g_signal_connect (self->member_table, "edit", G_CALLBACK (on_table_edit), self);
  g_signal_connect (self->member_table, "invalid-input", G_CALLBACK (on_table_invalid_input), self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self->recent, "changed", G_CALLBACK (on_recent_changed), self);
  fill_recent (self);

  on_switcher_squeezed (self->switcher_squeezer, NULL, self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_actions (self);
  update_title (self);
}

PledgeWindow *
pledge_window_new (GtkApplication *application)
{
  return g_object_new (PLEDGE_TYPE_WINDOW, "application", application, NULL);
}

/* Accessors and test hooks */

PledgeDataset *
pledge_window_get_dataset (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return win_dataset (self);
}

PledgeUndoStack *
pledge_window_get_undo_stack (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return win_undo (self);
}

PledgeSnapshot *
pledge_window_get_snapshot (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return win_snapshot (self);
}

GFile *
pledge_window_get_file (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return win_file (self);
}

PledgeMemberTable *
pledge_window_get_member_table (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->member_table;
}

GtkWidget *
pledge_window_get_chart_view (PledgeWindow    *self,
                              PledgeChartKind  kind)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);
  return self->charts[kind];
}

const char *
pledge_window_get_summary (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->summary;
}

GtkWindow *
pledge_window_get_dialog (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->dialog;
}

GtkWindow *
pledge_window_get_export_dialog (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->export_dialog;
}

const char *
pledge_window_get_last_toast (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->last_toast;
}

GtkWindow *
pledge_window_get_grow_dialog (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->grow_dialog;
}

GtkWindow *
pledge_window_get_plan_window (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->plan_window;
}

PledgeDocument *
pledge_window_get_document (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), NULL);
  return self->document;
}
