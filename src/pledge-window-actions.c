/* pledge-window-actions.c: what the window's actions do
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-chart-focus.h"
#include "pledge-chart-view.h"
#include "pledge-dataset-info.h"
#include "pledge-export-dialog.h"
#include "pledge-grow-dialog.h"
#include "pledge-locale-number.h"
#include "pledge-plan-window.h"
#include "pledge-plan.h"
#include "pledge-ui-util.h"
#include "pledge-window-private.h"

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
      pledge_window_show_toast (self, t);
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
    pledge_window_show_error (self, _("Could Not Change the Figure"), error->message);
}

static void
on_table_invalid_input (PledgeMemberTable *table,
                        const char        *text,
                        PledgeWindow      *self)
{
  g_autofree char *message = NULL;

  /* Translators: %s is what the user typed into a cell of the table */
  message = g_markup_printf_escaped (_("“%s” is not a number of zero or more"), text);
  pledge_window_show_message (self, message);
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
  /* Replaces the toast of the edit, rather than waiting behind it */
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  pledge_window_show_toast (self, t);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  AdwToast *t;

  if (win_undo (self) == NULL || !pledge_undo_stack_redo (win_undo (self)))
    return;
  /* Replaces "Edit undone", whose Redo button would now be a lie */
  t = adw_toast_new (_("Edit redone"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  pledge_window_show_toast (self, t);
}

static void
delete_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  int scenario = pledge_window_active_scenario (self);
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
  pledge_window_show_toast (self, t);
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
      pledge_window_show_error (self, _("Could Not Create the Scenario"), error->message);
      return;
    }

  /* Translators: %s is the name of a new scenario, "Scenario 2" */
  title = g_markup_printf_escaped (_("“%s” created"), name);
  pledge_window_show_undo_toast (self, title);
}

static void
duplicate_scenario_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  int scenario = pledge_window_active_scenario (self);
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
      pledge_window_show_error (self, _("Could Not Duplicate the Scenario"), error->message);
      return;
    }

  /* Translators: %s is the name of the copy of a scenario */
  title = g_markup_printf_escaped (_("“%s” created"), name);
  pledge_window_show_undo_toast (self, title);
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
  /* The name, above the id */
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
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
  pledge_window_show_undo_toast (self, title);
}

static void
on_copy_scenario_id (GtkButton  *button,
                     const char *id)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), id);
}

/* The scenario's id, which --scenario=ID and the file use: shown to
 * select, and a button that copies it */
static GtkWidget *
scenario_id_row (const char *id)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button;
  g_autofree char *text = NULL;

  /* Translators: in the Rename Scenario dialog; %s is the scenario's id,
   * what pledge --scenario=ID takes */
  text = g_strdup_printf (_("ID: %s"), id);
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, _("What pledge --scenario=ID takes"));
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy the ID"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the ID"), -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_copy_scenario_id), g_strdup (id),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), button);
  return row;
}

static void
rename_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  int scenario = pledge_window_active_scenario (self);
  const PledgeScenario *s;
  GtkWidget *dialog, *entry, *box;

  if (scenario < 0)
    return;
  s = pledge_dataset_get_scenario (win_dataset (self), scenario);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Scenario"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), s->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scenario name"), -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), scenario_id_row (s->id));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
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
  pledge_window_present_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
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
      pledge_window_show_error_over (self, GTK_WINDOW (dialog), _("Could Not Grow the Spending"),
                                     error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (dialog));
  /* What the user asked about: the year grown to. */
  pledge_window_set_year (self, to);
  /* Translators: %d is the year spending grew to */
  title = g_strdup_printf (_("Spending grown to %d"), to);
  pledge_window_show_undo_toast (self, title);
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
      pledge_window_show_message (self, title);
      return TRUE;
    }
  if (reach.kind == PLEDGE_PLAN_REACH_FLAT)
    {
      /* Translators: %s is a member's name, then a target such as "3.5% of
       * GDP"; %d is the year the target is due */
      title = g_markup_printf_escaped (_("%s reaches %s by %d without spending more"), m->name,
                                       short_title, t->due);
      pledge_window_show_message (self, title);
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
  pledge_window_show_undo_toast (self, title);
  /* The plan's own window may be the one the user looks at. */
  if (self->plan_window != NULL)
    pledge_plan_window_add_toast (PLEDGE_PLAN_WINDOW (self->plan_window),
                                  pledge_ui_toast_new_wrapped (title, _("_Undo"), "plan.undo"));
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
    pledge_window_show_error (self, _("Could Not Reach the Target"), error->message);
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
    pledge_window_show_error_over (self, GTK_WINDOW (plan), _("Could Not Reach the Target"),
                                   error->message);
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

  plan = pledge_plan_window_new (GTK_WINDOW (self), self->document);
  pledge_plan_window_set_selected_target (plan, self->target);
  g_signal_connect (plan, "reach-target", G_CALLBACK (on_plan_reach_target), self);
  self->plan_window = GTK_WINDOW (plan);
  g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *) &self->plan_window);
  gtk_window_present (GTK_WINDOW (plan));
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
show_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->chart_stack, g_variant_get_string (param, NULL));
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
  pledge_window_show_toast (self, t);
}

void
pledge_window_clear_export_dialog (gpointer data,
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
  pledge_window_compare_export (self, GTK_WINDOW (dialog));
  pledge_export_dialog_set_map_scale (
    dialog, pledge_chart_view_get_map_scale (PLEDGE_CHART_VIEW (self->charts[PLEDGE_CHART_MAP])));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  self->export_dialog = GTK_WINDOW (dialog);
  g_object_weak_ref (G_OBJECT (dialog), pledge_window_clear_export_dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Where the guide is installed: DATADIR/help/C/pledge */
static char *
dup_guide_path (void)
{
  g_autofree char *datadir = g_path_get_dirname (PKGDATADIR);

  return g_build_filename (datadir, "help", "C", "pledge", "index.page", NULL);
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PledgeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  /* No help viewer (Yelp) here: say where the guide is instead of GTK's
   * error about a URI scheme. */
  path = dup_guide_path ();
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("No help viewer is installed. The guide is in the file %s, "
                               "which any text editor or web browser can show."),
                             path);
  pledge_window_show_error (self, _("Could Not Open the Guide"), message);
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_show_uri_full (GTK_WINDOW (widget), "help:pledge", GDK_CURRENT_TIME, NULL, on_help_shown,
                     g_object_ref (widget));
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

void
pledge_window_actions_class_init (GtkWidgetClass *widget_class)
{
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

/* The charts: Enter, +/- and dragging a bar */

static void
on_chart_activate_member (PledgeChartView *view,
                          int              member,
                          PledgeWindow    *self)
{
  const PledgeMember *m = pledge_dataset_get_member (win_dataset (self), member);

  /* The same edit as the table's */
  pledge_member_table_edit_cell (self->member_table, m->code, PLEDGE_MEMBER_COLUMN_SHARE);
}

static void
on_chart_nudge (PledgeChartView *view,
                int              member,
                double           delta,
                PledgeWindow    *self)
{
  const PledgeChartInput *input = pledge_chart_view_get_input (view);
  const PledgeMember *m = pledge_dataset_get_member (win_dataset (self), member);
  g_autoptr(GError) error = NULL;

  if (input == NULL || (guint) member >= input->n_members)
    return;
  if (!pledge_window_edit_figure (self, m->code, PLEDGE_FIELD_DEFENCE_GDP,
                                  pledge_chart_focus_nudge (input->members[member].defence_gdp,
                                                            delta),
                                  &error))
    pledge_window_show_error (self, _("Could Not Change the Figure"), error->message);
}

/* A drag is one step of undo: its edits go into a group, closed when the
 * drag ends, undone when it is cancelled. */
typedef struct
{
  gboolean open;
  guint    n_edits;
} ChartDrag;

static ChartDrag *
chart_drag (PledgeWindow *self)
{
  ChartDrag *drag = g_object_get_data (G_OBJECT (self), "pledge-chart-drag");

  if (drag == NULL)
    {
      drag = g_new0 (ChartDrag, 1);
      g_object_set_data_full (G_OBJECT (self), "pledge-chart-drag", drag, g_free);
    }
  return drag;
}

static void
on_chart_drag_update (PledgeChartView *view,
                      int              member,
                      double           value,
                      PledgeWindow    *self)
{
  ChartDrag *drag = chart_drag (self);
  const PledgeMember *m = pledge_dataset_get_member (win_dataset (self), member);
  g_autoptr(GError) error = NULL;

  if (win_undo (self) == NULL)
    return;
  if (!drag->open)
    {
      pledge_undo_stack_begin_group (win_undo (self));
      *drag = (ChartDrag) { TRUE, 0 };
    }
  if (pledge_window_edit_figure (self, m->code, PLEDGE_FIELD_DEFENCE_GDP, value, &error))
    drag->n_edits++;
  else
    pledge_window_show_message (self, error->message);
}

static void
end_chart_drag (PledgeWindow *self,
                int           member,
                gboolean      cancel)
{
  ChartDrag *drag = chart_drag (self);
  const PledgeMember *m = pledge_dataset_get_member (win_dataset (self), member);
  g_autofree char *title = NULL;

  if (!drag->open)
    return;
  drag->open = FALSE;
  pledge_undo_stack_end_group (win_undo (self));
  if (drag->n_edits == 0)
    return;
  if (cancel)
    {
      pledge_undo_stack_undo (win_undo (self));
      return;
    }
  /* Translators: after dragging a bar; %s is a member's name */
  title = g_markup_printf_escaped (_("%s’s share of GDP changed"), m->name);
  pledge_window_show_undo_toast (self, title);
}

static void
on_chart_drag_end (PledgeChartView *view,
                   int              member,
                   PledgeWindow    *self)
{
  end_chart_drag (self, member, FALSE);
}

static void
on_chart_drag_cancel (PledgeChartView *view,
                      int              member,
                      PledgeWindow    *self)
{
  end_chart_drag (self, member, TRUE);
}

void
pledge_window_actions_init (PledgeWindow *self)
{
  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    {
      g_signal_connect (self->charts[k], "activate-member",
                        G_CALLBACK (on_chart_activate_member), self);
      g_signal_connect (self->charts[k], "nudge", G_CALLBACK (on_chart_nudge), self);
      g_signal_connect (self->charts[k], "drag-update", G_CALLBACK (on_chart_drag_update), self);
      g_signal_connect (self->charts[k], "drag-end", G_CALLBACK (on_chart_drag_end), self);
      g_signal_connect (self->charts[k], "drag-cancel", G_CALLBACK (on_chart_drag_cancel), self);
    }

  g_signal_connect (self->member_table, "edit", G_CALLBACK (on_table_edit), self);
  g_signal_connect (self->member_table, "invalid-input", G_CALLBACK (on_table_invalid_input), self);
  pledge_ui_name_inner_widgets (GTK_WIDGET (self));
}
