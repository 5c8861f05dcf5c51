/* pledge-plan-window.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pledge-locale-number.h"
#include "pledge-member-table.h"
#include "pledge-plan.h"
#include "pledge-plan-item.h"
#include "pledge-plan-window.h"
#include "pledge-ui-util.h"
#include "pledge-report.h"

struct _PledgePlanWindow
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkDropDown      *target_dropdown;
  AdwWindowTitle   *window_title;
  GtkStack         *stack;
  GtkLabel         *heading_label;
  GtkLabel         *description_label;
  AdwStatusPage    *status_page;
  GtkColumnView    *column_view;

  GListStore       *items;          /* PledgePlanItem */
  GPtrArray        *columns;        /* GtkColumnViewColumn, in PledgePlanColumn order */
  GtkStringList    *target_names;
  GArray           *targets;        /* guint: the dataset's index of each in the dropdown */

  PledgeDocument   *document;
  PledgeSnapshot   *snapshot;
  int               target;         /* -1: none can be planned */
  int               followed;       /* the main window's selection last seen; -1 at first */
  int               start;          /* the plan's start year */
  int               decimals[2];    /* of the gap now and the cumulative gap, in every row */
  gboolean          updating;
  GtkNativeDialog  *native;
  char             *last_toast;
};

G_DEFINE_FINAL_TYPE (PledgePlanWindow, pledge_plan_window, ADW_TYPE_WINDOW)

enum { REACH_TARGET, N_SIGNALS };

static guint signals[N_SIGNALS];

/* Text */

static char *
cell_text (PledgePlanWindow *self,
           PledgePlanColumn  column,
           PledgePlanItem   *item)
{
  const PledgePlanRow *row = pledge_plan_item_get_row (item);
  const PledgeTarget *target;

  switch (column)
    {
    case PLEDGE_PLAN_COLUMN_MEMBER:
      return g_strdup (pledge_plan_item_get_name (item));
    case PLEDGE_PLAN_COLUMN_SHARE:
      return pledge_locale_format_percent (row->share_now);
    case PLEDGE_PLAN_COLUMN_GROWTH:
      return pledge_locale_format_growth (row->growth);
    case PLEDGE_PLAN_COLUMN_FIRST_MET:
      if (row->first_met != 0)
        return g_strdup_printf ("%d", row->first_met);
      if (isnan (row->share_now))
        return g_strdup ("");
      target = pledge_dataset_get_target (pledge_snapshot_get_dataset (self->snapshot),
                                          self->target);
      /* Translators: a member does not meet the target by its due year */
      return g_strdup_printf (_("not by %d"), target->due);
    case PLEDGE_PLAN_COLUMN_GAP:
      return pledge_plan_format_money (row->gap_now, self->decimals[0]);
    case PLEDGE_PLAN_COLUMN_CUMULATIVE:
      return pledge_plan_format_money (row->cumulative_gap, self->decimals[1]);
    case PLEDGE_PLAN_COLUMN_ACTION:
      if (pledge_plan_is_on_track (self->snapshot, self->target, row))
        /* Translators: a member meets the target by its due year without
         * spending more each year */
        return g_strdup (_("On track"));
      if (!isfinite (row->growth))
        return g_strdup ("");
      /* Translators: a button that grows a member's spending to meet the target */
      return g_strdup (_("Reach"));
    case PLEDGE_N_PLAN_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Cells */

static PledgePlanWindow *
window_of_item (GtkListItem *list_item)
{
  return g_object_get_data (G_OBJECT (list_item), "pledge-plan-window");
}

static void
update_cell (PledgePlanItem *item,
             GtkListItem    *list_item)
{
  PledgePlanWindow *self = window_of_item (list_item);
  PledgePlanColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_item),
                                                                 "pledge-plan-column"));
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const PledgePlanRow *row = pledge_plan_item_get_row (item);
  g_autofree char *text = cell_text (self, column, item);
  GtkWidget *cell = gtk_widget_get_parent (child);

  /* The cell and row GtkColumnView made would be named after their
   * classes: "Germany, Growth needed, +3.45 %" */
  if (cell != NULL)
    {
      const char *title =
        gtk_column_view_column_get_title (g_ptr_array_index (self->columns, column));
      g_autofree char *name = NULL;

      if (column == PLEDGE_PLAN_COLUMN_MEMBER || title == NULL)
        name = g_strdup (pledge_plan_item_get_name (item));
      else
        /* Translators: a table cell's name for screen readers: member,
         * column and what the cell says */
        name = g_strdup_printf (_("%s, %s, %s"), pledge_plan_item_get_name (item), title,
                                text != NULL ? text : "");
      pledge_ui_set_accessible (cell, name, NULL);
      if (column == PLEDGE_PLAN_COLUMN_MEMBER && gtk_widget_get_parent (cell) != NULL)
        pledge_ui_set_accessible (gtk_widget_get_parent (cell),
                                  pledge_plan_item_get_name (item), NULL);
    }

  switch (column)
    {
    case PLEDGE_PLAN_COLUMN_MEMBER:
      pledge_ui_name_cell_set (child, text, pledge_plan_item_get_code (item));
      break;

    case PLEDGE_PLAN_COLUMN_FIRST_MET:
      gtk_label_set_text (GTK_LABEL (child), text);
      if (row->first_met == 0)
        gtk_widget_add_css_class (child, "dim-text");
      else
        gtk_widget_remove_css_class (child, "dim-text");
      break;

    case PLEDGE_PLAN_COLUMN_ACTION:
      {
        GtkWidget *button = gtk_stack_get_child_by_name (GTK_STACK (child), "reach");
        GtkWidget *label = gtk_stack_get_child_by_name (GTK_STACK (child), "label");
        gboolean reach = isfinite (row->growth) &&
                         !pledge_plan_is_on_track (self->snapshot, self->target, row);
        g_autofree char *tooltip = NULL;

        gtk_stack_set_visible_child (GTK_STACK (child), reach ? button : label);
        gtk_label_set_text (GTK_LABEL (label), reach ? "" : text);
        if (reach)
          {
            const PledgeTarget *target =
              pledge_dataset_get_target (pledge_snapshot_get_dataset (self->snapshot),
                                         self->target);
            g_autofree char *short_title = pledge_target_dup_short_title (target);
            g_autofree char *name = NULL;

            /* Translators: what a screen reader says of the Reach button:
             * "Reach 2% of GDP for Germany" */
            name = g_strdup_printf (_("Reach %s for %s"), short_title,
                                    pledge_plan_item_get_name (item));
            pledge_ui_set_accessible (button, name, NULL);

            /* Translators: the tooltip of the Reach button; %s is a member's
             * name, %d the year the target is due */
            tooltip = g_strdup_printf (_("Grow the defence spending of %s in the scenario so "
                                         "that it meets the target in %d"),
                                       pledge_plan_item_get_name (item), target->due);
          }
        gtk_widget_set_tooltip_text (button, tooltip);
        break;
      }

    case PLEDGE_PLAN_COLUMN_SHARE:
    case PLEDGE_PLAN_COLUMN_GROWTH:
    case PLEDGE_PLAN_COLUMN_GAP:
    case PLEDGE_PLAN_COLUMN_CUMULATIVE:
    case PLEDGE_N_PLAN_COLUMNS:
    default:
      gtk_label_set_text (GTK_LABEL (child), text);
      break;
    }
}

static void
on_reach_clicked (GtkButton   *button,
                  GtkListItem *list_item)
{
  PledgePlanWindow *self = window_of_item (list_item);
  PledgePlanItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *code = NULL;

  if (item == NULL || self->target < 0)
    return;
  /* The handler changes the dataset, and so this table. */
  code = g_strdup (pledge_plan_item_get_code (item));
  g_signal_emit (self, signals[REACH_TARGET], 0, code, (guint) self->target);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            PledgePlanWindow         *self)
{
  PledgePlanColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                 "pledge-plan-column"));
  GtkWidget *child;

  g_object_set_data (G_OBJECT (list_item), "pledge-plan-window", self);
  g_object_set_data (G_OBJECT (list_item), "pledge-plan-column", GUINT_TO_POINTER (column));

  switch (column)
    {
    case PLEDGE_PLAN_COLUMN_MEMBER:
      child = pledge_ui_name_cell_new (10);
      break;

    case PLEDGE_PLAN_COLUMN_ACTION:
      {
        GtkWidget *button = gtk_button_new_with_label (_("Reach"));
        GtkWidget *label = gtk_label_new (NULL);

        /* Either, in the same room: every row is as high. */
        child = gtk_stack_new ();
        gtk_stack_set_hhomogeneous (GTK_STACK (child), TRUE);
        gtk_stack_set_vhomogeneous (GTK_STACK (child), TRUE);
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_add_css_class (button, "reach-button");
        g_signal_connect (button, "clicked", G_CALLBACK (on_reach_clicked), list_item);
        g_object_set_data (G_OBJECT (button), "pledge-list-item", list_item);
        gtk_widget_add_css_class (label, "dim-text");
        gtk_stack_add_named (GTK_STACK (child), button, "reach");
        gtk_stack_add_named (GTK_STACK (child), label, "label");
        break;
      }

    case PLEDGE_PLAN_COLUMN_SHARE:
    case PLEDGE_PLAN_COLUMN_GROWTH:
    case PLEDGE_PLAN_COLUMN_FIRST_MET:
    case PLEDGE_PLAN_COLUMN_GAP:
    case PLEDGE_PLAN_COLUMN_CUMULATIVE:
    case PLEDGE_N_PLAN_COLUMNS:
    default:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PledgePlanWindow         *self)
{
  pledge_ui_list_item_watch (list_item, G_CALLBACK (update_cell));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PledgePlanWindow         *self)
{
  pledge_ui_list_item_unwatch (list_item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PledgePlanColumn column = GPOINTER_TO_UINT (user_data);
  PledgePlanItem *ia = (PledgePlanItem *) a;
  PledgePlanItem *ib = (PledgePlanItem *) b;
  const PledgePlanRow *ra = pledge_plan_item_get_row (ia);
  const PledgePlanRow *rb = pledge_plan_item_get_row (ib);

  switch (column)
    {
    case PLEDGE_PLAN_COLUMN_MEMBER:
      return g_utf8_collate (pledge_plan_item_get_name (ia), pledge_plan_item_get_name (ib));
    case PLEDGE_PLAN_COLUMN_SHARE:
      return pledge_ui_compare_double (ra->share_now, rb->share_now);
    case PLEDGE_PLAN_COLUMN_GROWTH:
    case PLEDGE_PLAN_COLUMN_ACTION:
      return pledge_ui_compare_double (ra->growth, rb->growth);
    case PLEDGE_PLAN_COLUMN_FIRST_MET:
      /* Not by the due year sorts after every year. */
      return pledge_ui_compare_double (ra->first_met != 0 ? ra->first_met : NAN,
                             rb->first_met != 0 ? rb->first_met : NAN);
    case PLEDGE_PLAN_COLUMN_GAP:
      return pledge_ui_compare_double (ra->gap_now, rb->gap_now);
    case PLEDGE_PLAN_COLUMN_CUMULATIVE:
      return pledge_ui_compare_double (ra->cumulative_gap, rb->cumulative_gap);
    case PLEDGE_N_PLAN_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (PledgePlanWindow *self,
            PledgePlanColumn  column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCustomSorter) sorter = NULL;
  GtkColumnViewColumn *c;

  g_object_set_data (G_OBJECT (factory), "pledge-plan-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

  c = gtk_column_view_column_new (NULL, factory);
  sorter = gtk_custom_sorter_new (compare_items, GUINT_TO_POINTER (column), NULL);
  gtk_column_view_column_set_sorter (c, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (c, column != PLEDGE_PLAN_COLUMN_ACTION);
  if (column == PLEDGE_PLAN_COLUMN_MEMBER)
    gtk_column_view_column_set_expand (c, TRUE);

  gtk_column_view_append_column (self->column_view, c);
  g_ptr_array_add (self->columns, c);
}

static void
set_column_title (PledgePlanWindow *self,
                  PledgePlanColumn  column,
                  const char       *title)
{
  gtk_column_view_column_set_title (g_ptr_array_index (self->columns, column), title);
}

/* Filling */

static void
show_toast (PledgePlanWindow *self,
            AdwToast         *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (pledge_ui_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
fill_targets (PledgePlanWindow *self)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (self->snapshot);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->target_names));
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->targets, 0);
  for (guint i = 0; i < pledge_dataset_get_n_targets (dataset); i++)
    if (pledge_plan_can_plan (dataset, i))
      {
        if ((int) i == self->target)
          selected = self->targets->len;
        g_array_append_val (self->targets, i);
        g_ptr_array_add (names, pledge_dataset_get_target (dataset, i)->name);
      }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->target_names, 0, n, (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->target_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->target_dropdown), self->targets->len > 0);
}

static void
show_status (PledgePlanWindow *self,
             const char       *title,
             const char       *description)
{
  g_list_store_remove_all (self->items);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", FALSE);
}

static void
refresh (PledgePlanWindow *self)
{
  PledgeDataset *dataset;
  const PledgeTarget *target;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *short_title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  guint n_items, meeting = 0;
  gboolean same;

  if (self->snapshot == NULL)
    return;
  dataset = pledge_snapshot_get_dataset (self->snapshot);

  if (self->target < 0)
    {
      show_status (self, _("No Target With a Due Year"),
                   _("A plan shows what each member needs to meet a target by the year it is "
                     "due. This dataset has no such target."));
      return;
    }

  rows = pledge_plan_compute (self->snapshot, self->target, &self->start, &error);
  if (rows == NULL)
    {
      show_status (self, _("No Plan for This Target"), error->message);
      return;
    }
  self->decimals[0] = pledge_plan_rows_money_decimals (rows, FALSE);
  self->decimals[1] = pledge_plan_rows_money_decimals (rows, TRUE);

  /* Rows that stay keep their place: the table keeps its scroll position. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  same = n_items == rows->len;
  for (guint i = 0; same && i < n_items; i++)
    {
      g_autoptr(PledgePlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      same = g_strcmp0 (pledge_plan_item_get_code (item),
                        pledge_dataset_get_member (dataset,
                                                   g_array_index (rows, PledgePlanRow, i).member)->code) == 0;
    }
  if (same)
    for (guint i = 0; i < n_items; i++)
      {
        g_autoptr(PledgePlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

        pledge_plan_item_set_row (item, &g_array_index (rows, PledgePlanRow, i));
      }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < rows->len; i++)
        {
          const PledgePlanRow *row = &g_array_index (rows, PledgePlanRow, i);

          g_ptr_array_add (items, pledge_plan_item_new (row,
                                                        pledge_dataset_get_member (dataset,
                                                                                   row->member)));
        }
      g_list_store_splice (self->items, 0, n_items, items->pdata, items->len);
    }
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, PledgePlanRow, i).first_met == self->start)
      meeting++;

  target = pledge_dataset_get_target (dataset, self->target);
  short_title = pledge_target_dup_short_title (target);

  /* Translators: the heading of the plan: "3.5% of GDP by 2035" */
  heading = g_strdup_printf (_("%s by %d"), short_title, target->due);
  gtk_label_set_text (self->heading_label, heading);
  /* Translators: under the heading of the plan; the first %u counts
   * members, the second all members, %d is a year */
  description = g_strdup_printf (ngettext ("%u of %u members meets it in %d. Growth a year: the "
                                           "steady rise in defence spending that meets it in %d, "
                                           "with GDP as the scenario has it.",
                                           "%u of %u members meet it in %d. Growth a year: the "
                                           "steady rise in defence spending that meets it in %d, "
                                           "with GDP as the scenario has it.",
                                           meeting),
                                 meeting, rows->len, self->start, target->due);
  gtk_label_set_text (self->description_label, description);

  if (target->metric == PLEDGE_METRIC_TOTAL_GDP)
    /* Translators: a column title; %d is a year. Defence and resilience
     * spending as a share of GDP */
    title = g_strdup_printf (_("%% of GDP in all, %d"), self->start);
  else
    /* Translators: a column title; %d is a year */
    title = g_strdup_printf (_("%% of GDP, %d"), self->start);
  set_column_title (self, PLEDGE_PLAN_COLUMN_SHARE, title);
  g_free (title);
  /* Translators: a column title; %d is a year */
  title = g_strdup_printf (_("Gap in %d"), self->start);
  set_column_title (self, PLEDGE_PLAN_COLUMN_GAP, title);
  g_free (title);
  /* Translators: a column title: the gaps of every year from the first
   * year to the second, summed */
  title = g_strdup_printf (_("Gaps %d–%d"), self->start, target->due);
  set_column_title (self, PLEDGE_PLAN_COLUMN_CUMULATIVE, title);

  for (guint i = 0; i < self->columns->len; i++)
    gtk_sorter_changed (gtk_column_view_column_get_sorter (g_ptr_array_index (self->columns, i)),
                        GTK_SORTER_CHANGE_DIFFERENT);

  gtk_stack_set_visible_child_name (self->stack, "plan");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", TRUE);
}

static void
on_target_selected (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    PledgePlanWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected >= self->targets->len)
    return;
  pledge_plan_window_set_target (self, g_array_index (self->targets, guint, selected));
}

/* Export */

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
export_to_chosen (PledgePlanWindow *self,
                  GFile            *chosen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = g_file_get_basename (chosen);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  /* A name without an extension gets ".csv". */
  if (basename != NULL && strchr (basename, '.') == NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *with_extension = g_strconcat (basename, ".csv", NULL);

      file = parent != NULL ? g_file_get_child (parent, with_extension) : g_object_ref (chosen);
    }
  else
    file = g_object_ref (chosen);

  if (!pledge_plan_window_export_to (self, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Plan"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: %s is a file name */
  title = g_markup_printf_escaped (_("Plan exported to “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "plan.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  show_toast (self, toast);
}

static void
on_file_chosen (GtkWindow *parent,
                GFile     *file)
{
  if (file != NULL)
    export_to_chosen (PLEDGE_PLAN_WINDOW (parent), file);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  return filter;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PledgePlanWindow *self = PLEDGE_PLAN_WINDOW (widget);
  g_autofree char *name = pledge_plan_window_dup_suggested_name (self);
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  if (name == NULL)
    return;

  pledge_ui_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Plan"),
                         _("_Export"), filter, NULL, name, &self->native, on_file_chosen);
}

/* GObject */

static void
pledge_plan_window_dispose (GObject *object)
{
  PledgePlanWindow *self = PLEDGE_PLAN_WINDOW (object);

  pledge_ui_clear_file_chooser (&self->native);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLEDGE_TYPE_PLAN_WINDOW);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->target_names);
  g_clear_pointer (&self->snapshot, pledge_snapshot_unref);

  G_OBJECT_CLASS (pledge_plan_window_parent_class)->dispose (object);
}

static void
pledge_plan_window_finalize (GObject *object)
{
  PledgePlanWindow *self = PLEDGE_PLAN_WINDOW (object);

  g_array_unref (self->targets);
  g_free (self->last_toast);

  G_OBJECT_CLASS (pledge_plan_window_parent_class)->finalize (object);
}

/* Undo and redo act on the document's stack, the main window's too. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgePlanWindow *self = PLEDGE_PLAN_WINDOW (widget);
  PledgeUndoStack *stack = pledge_document_get_undo_stack (self->document);
  AdwToast *toast;

  if (stack == NULL || !pledge_undo_stack_undo (stack))
    return;
  toast = pledge_ui_toast_new_wrapped (_("Edit undone"), _("_Redo"), "plan.redo");

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PledgePlanWindow *self = PLEDGE_PLAN_WINDOW (widget);
  PledgeUndoStack *stack = pledge_document_get_undo_stack (self->document);
  AdwToast *toast;

  if (stack == NULL || !pledge_undo_stack_redo (stack))
    return;
  toast = pledge_ui_toast_new_wrapped (_("Edit redone"), NULL, NULL);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
pledge_plan_window_class_init (PledgePlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_plan_window_dispose;
  object_class->finalize = pledge_plan_window_finalize;

  /**
   * PledgePlanWindow::reach-target:
   * @code: the member's code
   * @target: the target's index in the dataset
   *
   * The user asked for the member to meet the target by its due year.
   */
  signals[REACH_TARGET] =
    g_signal_new ("reach-target",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pledgeapp/Pledge/pledge-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, PledgePlanWindow, column_view);

  gtk_widget_class_install_action (widget_class, "plan.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "plan.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "plan.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "plan.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "plan.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "plan.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pledge_plan_window_init (PledgePlanWindow *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pledge_ui_name_inner_widgets (GTK_WIDGET (self));
  pledge_ui_name_column_view (self->column_view, _("Plan"));

  self->target = -1;
  self->followed = -1;
  self->items = g_list_store_new (PLEDGE_TYPE_PLAN_ITEM);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->targets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->target_names = gtk_string_list_new (NULL);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  for (guint c = 0; c < PLEDGE_N_PLAN_COLUMNS; c++)
    add_column (self, c);
  set_column_title (self, PLEDGE_PLAN_COLUMN_MEMBER, _("Member"));
  set_column_title (self, PLEDGE_PLAN_COLUMN_GROWTH, _("Growth a year"));
  set_column_title (self, PLEDGE_PLAN_COLUMN_FIRST_MET, _("First met"));

  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (self->target_names));
  pledge_ui_set_label_factories (self->target_dropdown, 30);
  g_signal_connect (self->target_dropdown, "notify::selected", G_CALLBACK (on_target_selected),
                    self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", FALSE);
}

/* Shows the plan under snapshot, whose scenario is called scenario_name.
 * The plan follows the main window's selected target as it changes; the
 * user may choose another one here. */
static void
show_snapshot (PledgePlanWindow *self,
               PledgeSnapshot   *snapshot,
               const char       *scenario_name,
               guint             selected_target)
{
  PledgeDataset *dataset;
  gboolean new_dataset;

  dataset = pledge_snapshot_get_dataset (snapshot);
  new_dataset = self->snapshot == NULL || pledge_snapshot_get_dataset (self->snapshot) != dataset;
  if (self->snapshot != snapshot)
    {
      g_clear_pointer (&self->snapshot, pledge_snapshot_unref);
      self->snapshot = pledge_snapshot_ref (snapshot);
    }

  /* The plan follows the main window's target when that changes, and
   * keeps one the user chose here until then. */
  if (new_dataset || (int) selected_target != self->followed ||
      !pledge_plan_can_plan (dataset, self->target))
    {
      self->followed = (int) selected_target;
      self->target = pledge_plan_pick_target (dataset, selected_target);
    }
  if (new_dataset)
    g_list_store_remove_all (self->items);

  adw_window_title_set_subtitle (self->window_title, scenario_name);
  fill_targets (self);
  refresh (self);
}

static void
on_document_changed (PledgePlanWindow *self)
{
  if (pledge_document_get_dataset (self->document) == NULL)
    return;
  show_snapshot (self, pledge_document_get_snapshot (self->document),
                 pledge_document_get_scenario_name (self->document), MAX (self->followed, 0));
}

void
pledge_plan_window_set_selected_target (PledgePlanWindow *self,
                                        guint             target)
{
  g_return_if_fail (PLEDGE_IS_PLAN_WINDOW (self));

  if ((int) target == self->followed || pledge_document_get_dataset (self->document) == NULL)
    return;
  show_snapshot (self, pledge_document_get_snapshot (self->document),
                 pledge_document_get_scenario_name (self->document), target);
}

PledgePlanWindow *
pledge_plan_window_new (GtkWindow      *parent,
                        PledgeDocument *document)
{
  PledgePlanWindow *self;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (document), NULL);

  self = g_object_new (PLEDGE_TYPE_PLAN_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (document, "notify::dataset", G_CALLBACK (on_document_changed), self);
  return self;
}

int
pledge_plan_window_get_target (PledgePlanWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), -1);
  return self->target;
}

void
pledge_plan_window_set_target (PledgePlanWindow *self,
                               guint             target)
{
  g_return_if_fail (PLEDGE_IS_PLAN_WINDOW (self));
  g_return_if_fail (self->snapshot != NULL);
  g_return_if_fail (pledge_plan_can_plan (pledge_snapshot_get_dataset (self->snapshot),
                                                 target));

  if ((int) target == self->target)
    return;
  self->target = (int) target;
  fill_targets (self);
  refresh (self);
}

GtkColumnView *
pledge_plan_window_get_column_view (PledgePlanWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), NULL);
  return self->column_view;
}

guint
pledge_plan_window_get_n_rows (PledgePlanWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

char *
pledge_plan_window_dup_cell_text (PledgePlanWindow *self,
                                  const char       *code,
                                  PledgePlanColumn  column)
{
  guint n_items;

  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (column < PLEDGE_N_PLAN_COLUMNS, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PledgePlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (pledge_plan_item_get_code (item), code) == 0)
        return cell_text (self, column, item);
    }
  return NULL;
}

char *
pledge_plan_window_dup_suggested_name (PledgePlanWindow *self)
{
  const PledgeTarget *target;

  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), NULL);

  if (self->snapshot == NULL || self->target < 0)
    return NULL;
  target = pledge_dataset_get_target (pledge_snapshot_get_dataset (self->snapshot), self->target);
  return g_strdup_printf ("plan-%s.csv", target->id);
}

gboolean
pledge_plan_window_export_to (PledgePlanWindow *self,
                              GFile            *file,
                              GError          **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *path = NULL;

  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->snapshot == NULL || self->target < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no plan to export"));
      return FALSE;
    }
  if (!pledge_report_write_plan (self->snapshot, self->target, PLEDGE_REPORT_CSV, csv, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is the address of a file */
                   _("%s: the plan can only be written to a local file"), uri);
      return FALSE;
    }

  /* The whole file or nothing: a failed write leaves the old file. */
  if (!g_file_set_contents_full (path, csv->str, (gssize) csv->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, error))
    return FALSE;
  return TRUE;
}

void
pledge_plan_window_add_toast (PledgePlanWindow *self,
                              AdwToast         *toast)
{
  g_return_if_fail (PLEDGE_IS_PLAN_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  show_toast (self, toast);
}

const char *
pledge_plan_window_get_last_toast (PledgePlanWindow *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), NULL);
  return self->last_toast;
}

static GtkWidget *
find_reach_button (GtkWidget  *widget,
                   const char *code)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "pledge-list-item");

  if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL &&
      g_strcmp0 (pledge_plan_item_get_code (gtk_list_item_get_item (list_item)), code) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_reach_button (child, code);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pledge_plan_window_find_reach_button (PledgePlanWindow *self,
                                      const char       *code)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_WINDOW (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return find_reach_button (GTK_WIDGET (self->column_view), code);
}
