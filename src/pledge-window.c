/* pledge-window.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-chart-view.h"
#include "pledge-plan-window.h"
#include "pledge-plan.h"
#include "pledge-ui-util.h"
#include "pledge-window-private.h"

G_DEFINE_FINAL_TYPE (PledgeWindow, pledge_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *chart_icons[PLEDGE_N_CHARTS] = {
  [PLEDGE_CHART_COMPLIANCE] = "pledge-compliance-symbolic",
  [PLEDGE_CHART_TREND] = "pledge-trend-symbolic",
  [PLEDGE_CHART_EQUIPMENT] = "pledge-equipment-symbolic",
  [PLEDGE_CHART_BURDEN] = "pledge-burden-symbolic",
  [PLEDGE_CHART_GAP] = "pledge-gap-symbolic",
  [PLEDGE_CHART_REAL_CHANGE] = "pledge-real-change-symbolic",
  [PLEDGE_CHART_PER_CAPITA] = "pledge-per-capita-symbolic",
  [PLEDGE_CHART_CATEGORIES] = "pledge-categories-symbolic",
  [PLEDGE_CHART_REVISIONS] = "pledge-revisions-symbolic",
  [PLEDGE_CHART_MAP] = "pledge-map-symbolic",
};

static void update_view (PledgeWindow *self);

/* Feedback */

void
pledge_window_show_toast (PledgeWindow *self,
                          AdwToast     *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
pledge_window_show_message (PledgeWindow *self,
                            const char   *title)
{
  pledge_window_show_toast (self, adw_toast_new (title));
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
void
pledge_window_track_dialog (PledgeWindow *self,
                            GtkWindow    *dialog)
{
  if (self->dialog != NULL)
    g_object_weak_unref (G_OBJECT (self->dialog), clear_dialog, self);
  self->dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), clear_dialog, self);
}

void
pledge_window_present_dialog (PledgeWindow *self,
                              GtkWindow    *dialog)
{
  pledge_window_track_dialog (self, dialog);
  gtk_window_present (dialog);
}

static gboolean
present_later (gpointer data)
{
  GtkWindow *dialog = data;

  gtk_window_present (dialog);
  return G_SOURCE_REMOVE;
}

/* A window that fails its first file is not on screen yet: show the
 * dialog once it is, above it. */
void
pledge_window_present_when_shown (PledgeWindow *self,
                                  GtkWindow    *dialog)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      pledge_window_present_dialog (self, dialog);
      return;
    }
  pledge_window_track_dialog (self, dialog);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_later, g_object_ref (dialog), g_object_unref);
}

void
pledge_window_show_error (PledgeWindow *self,
                          const char   *heading,
                          const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");

  pledge_window_present_when_shown (self, GTK_WINDOW (dialog));
}

gboolean
pledge_window_has_changes (PledgeWindow *self)
{
  return pledge_document_get_has_changes (self->document);
}

void
pledge_window_update_title (PledgeWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *with_edition = NULL;
  const PledgeEdition *edition;
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
  if (pledge_window_has_changes (self))
    title = g_strdup_printf ("• %s", dataset_title);
  else
    title = g_strdup (dataset_title);

  if (pledge_document_get_bundled (self->document))
    /* Translators: the subtitle of a window showing a dataset that comes with the app */
    subtitle = g_strdup_printf (_("%s, bundled with Pledge"), win_display_name (self));
  else if (pledge_window_has_changes (self))
    /* Translators: the window subtitle; %s is a file name */
    subtitle = g_strdup_printf (_("%s (unsaved changes)"), win_display_name (self));
  else
    subtitle = g_strdup (win_display_name (self));

  /* The edition in the subtitle, which long titles do not cut off */
  edition = pledge_dataset_get_edition (win_dataset (self));
  if (edition != NULL)
    {
      g_autofree char *described = pledge_edition_describe (edition);
      g_autofree char *file = g_steal_pointer (&subtitle);

      /* Translators: the window subtitle: the dataset's edition first (a
       * narrow header cuts the end), then where it is, such as "July 2026
       * edition, core defence · nato.xml, bundled with Pledge" */
      subtitle = g_strdup_printf (_("%s · %s"), described, file);
      /* Translators: a dataset's title and its edition, such as "Defence
       * expenditure of NATO countries — July 2026 edition, core defence" */
      with_edition = g_strdup_printf (_("%s — %s"), title, described);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* The header may have room for only part of a long title. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title),
                               with_edition != NULL ? with_edition : dataset_title);
  gtk_window_set_title (GTK_WINDOW (self), with_edition != NULL ? with_edition : title);
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

int
pledge_window_active_scenario (PledgeWindow *self)
{
  return pledge_document_get_scenario (self->document);
}

/* The name of what the window shows: a scenario, or the reported figures. */
const char *
pledge_window_scenario_name (PledgeWindow *self)
{
  return pledge_document_get_scenario_name (self->document);
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
  gtk_drop_down_set_selected (self->scenario_dropdown, pledge_window_active_scenario (self) + 1);
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

void
pledge_window_update_actions (PledgeWindow *self)
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
                                 loaded && pledge_window_active_scenario (self) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-scenario",
                                 loaded && pledge_window_active_scenario (self) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-scenario",
                                 loaded && pledge_window_active_scenario (self) >= 0);
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
  PledgeDataset *dataset = win_dataset (self);
  PledgeSnapshot *snapshot = win_snapshot (self);
  const char *prices;
  guint n_targets = pledge_dataset_get_n_targets (dataset);

  if (self->target >= n_targets)
    self->target = 0;

  g_clear_pointer (&self->summary, g_free);
  markup = count_markup (self, &self->summary);
  gtk_label_set_markup (self->count_label, markup);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), self->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->target_dropdown), n_targets > 0);

  /* Translators: the heading of the table; %d is a year */
  table_title = g_strdup_printf (_("Members in %d"), self->year);
  gtk_label_set_text (self->table_title, table_title);
  prices = pledge_dataset_get_prices (dataset);
  if (g_strcmp0 (prices, "current") == 0)
    /* Translators: the units of the table; "USD million, current prices" */
    units = g_strdup_printf (_("%s %s, current prices"), pledge_dataset_get_currency (dataset),
                             pledge_scale_to_string (pledge_dataset_get_scale (dataset)));
  else
    /* Translators: the units of the table; "USD million, constant-2015 prices" */
    units = g_strdup_printf (_("%s %s, %s prices"), pledge_dataset_get_currency (dataset),
                             pledge_scale_to_string (pledge_dataset_get_scale (dataset)),
                             prices);
  gtk_label_set_text (self->units_label, units);

  /* The charts first: on a large dataset the shown chart's input is
   * computed in a thread, meanwhile the table fills here. */
  pledge_window_update_charts (self);
  /* After the charts: the revisions chart takes the comparison's input. */
  pledge_window_compare_update (self, snapshot);
  pledge_member_table_set_snapshot (self->member_table, snapshot, self->year, self->target);

  pledge_member_table_set_plan_target (self->member_table,
                                       pledge_plan_pick_target (dataset, self->target));
  if (self->plan_window != NULL)
    pledge_plan_window_set_selected_target (PLEDGE_PLAN_WINDOW (self->plan_window), self->target);

  pledge_window_update_actions (self);
}

void
pledge_window_discard_recovery (PledgeWindow *self)
{
  pledge_document_discard_recovery (self->document);
}

static void
on_document_changed (PledgeDocument *document,
                     PledgeWindow   *self)
{
  recompute (self);
  pledge_window_update_title (self);
}

static void
on_document_state_changed (PledgeDocument *document,
                           GParamSpec     *pspec,
                           PledgeWindow   *self)
{
  pledge_window_update_actions (self);
  pledge_window_update_title (self);
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

  pledge_window_dismiss_disk_toast (self);
  fill_targets (self);
  recompute (self);
  pledge_window_update_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

/* Closes the window from the main loop: a message dialog is still
 * finishing its ::response when the user's answer closes the window. */
static gboolean
close_later (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

void
pledge_window_close_confirmed (PledgeWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
}

void
pledge_window_show_undo_toast (PledgeWindow *self,
                               const char   *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  pledge_window_show_toast (self, t);
}

/* An error about what the user did in another window, shown over it. */
void
pledge_window_show_error_over (PledgeWindow *self,
                               GtkWindow    *parent,
                               const char   *heading,
                               const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  pledge_window_present_dialog (self, GTK_WINDOW (dialog));
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
  return pledge_window_active_scenario (self);
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

  if (pledge_window_has_changes (self) && !self->close_confirmed)
    {
      gtk_window_present (window);
      pledge_window_ask_before_closing (self);
      return TRUE;
    }

  /* Saved, thrown away on purpose, or nothing to keep. */
  pledge_window_discard_recovery (self);
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
  pledge_window_files_dispose (self);
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
      g_object_weak_unref (G_OBJECT (self->export_dialog), pledge_window_clear_export_dialog, self);
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
  pledge_ui_clear_file_chooser (&self->native);

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

  pledge_window_files_class_init (widget_class);
  pledge_window_actions_class_init (widget_class);
  pledge_window_compare_class_init (widget_class);
}

static void
pledge_window_init (PledgeWindow *self)
{
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
  pledge_ui_set_label_factories (self->year_dropdown, 5);
  pledge_ui_set_label_factories (self->scenario_dropdown, 20);
  pledge_ui_set_label_factories (self->target_dropdown, 44);
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
  /* The map's scale, as the user left it */
  g_settings_bind (self->settings, "map-scale", self->charts[PLEDGE_CHART_MAP], "map-scale",
                   G_SETTINGS_BIND_DEFAULT);
  pledge_window_charts_init (self);
  /* Now that the stack has its pages: a switcher makes its buttons once. */
  adw_view_switcher_set_stack (self->switcher, self->chart_stack);

  g_signal_connect (self->switcher_squeezer, "notify::visible-child",
                    G_CALLBACK (on_switcher_squeezed), self);
  pledge_window_actions_init (self);
  pledge_window_files_init (self);

  on_switcher_squeezed (self->switcher_squeezer, NULL, self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  pledge_window_update_actions (self);
  pledge_window_update_title (self);
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
  /* A hidden page's input is brought up to date when asked for. */
  pledge_window_update_chart_now (self, kind);
  return self->charts[kind];
}

gboolean
pledge_window_get_busy (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), FALSE);
  return !pledge_window_get_shows_dataset (self) ||
         pledge_member_table_get_filling (self->member_table);
}

gboolean
pledge_window_get_shows_dataset (PledgeWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_WINDOW (self), FALSE);
  return !pledge_document_get_loading (self->document) && self->pending_charts == 0 &&
         pledge_member_table_get_shows_rows (self->member_table);
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
