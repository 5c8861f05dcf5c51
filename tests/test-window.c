/* test-window.c: the main window, driven through its actions and widgets
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display: xvfb-run -a dbus-run-session, with GDK_BACKEND=x11,
 * GSK_RENDERER=cairo and GSETTINGS_BACKEND=memory. Any GTK warning or
 * critical fails the test.
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pledge-application.h"
#include "pledge-chart-view.h"
#include "pledge-export-dialog.h"
#include "pledge-figure-cell.h"
#include "pledge-locale-number.h"
#include "pledge-member-table.h"
#include "pledge-recovery.h"
#include "pledge-test-util.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"



#define new_window(uri, bundled) new_window_sized (uri, bundled, 1100)

static const PledgeChartInput *
chart_input (PledgeWindow    *win,
             PledgeChartKind  kind)
{
  return pledge_chart_view_get_input (PLEDGE_CHART_VIEW (pledge_window_get_chart_view (win, kind)));
}

/* Types text into a cell of the table as a user does: start editing (a
 * click or Enter), type, press Enter (the text field's ::activate). */
static void
type_into_cell (PledgeWindow       *win,
                const char         *code,
                PledgeMemberColumn  column,
                const char         *text)
{
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  GtkWidget *cell = pledge_member_table_find_cell (table, code, column);
  GtkEditable *entry;

  g_assert_nonnull (cell);
  g_assert_true (PLEDGE_IS_FIGURE_CELL (cell));

  gtk_widget_activate_action (cell, "cell.start", NULL);
  g_assert_true (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));
  entry = pledge_figure_cell_get_entry (PLEDGE_FIGURE_CELL (cell));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));
}

static const char *
window_title (PledgeWindow *win)
{
  return gtk_window_get_title (GTK_WINDOW (win));
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Tests */

static void
test_open (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) file = copy_to_temp (BUNDLED "nato-2016.xml", &tmpdir);
  g_autofree char *uri = g_file_get_uri (file);
  PledgeWindow *win = new_window (BUNDLED "nato.xml", TRUE);
  PledgeDataset *bundled = pledge_window_get_dataset (win);

  /* The default dataset, NATO's July 2026 edition, at its latest year. */
  g_assert_nonnull (bundled);
  g_assert_null (pledge_window_get_file (win));
  g_assert_cmpint (pledge_window_get_year (win), ==, 2026);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "30 of 32 "));
  /* Its edition and basis where a long title cannot cut them off */
  {
    AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (win), is_of_type,
                                                           GSIZE_TO_POINTER (ADW_TYPE_WINDOW_TITLE)));

    g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                     "July 2026 edition, core defence · nato.xml, bundled with Pledge");
    g_assert_cmpstr (window_title (win), ==,
                     "Defence investment of NATO countries, 2014-2026 — July 2026 edition, core defence");
  }

  /* Through the recent files' action: the file replaces the unchanged
   * bundled dataset in this window. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.open-recent", "s", uri);
  wait_for_load (win);
  g_assert_true (pledge_window_get_dataset (win) != bundled);
  g_assert_nonnull (pledge_window_get_file (win));
  g_assert_true (g_file_equal (pledge_window_get_file (win), file));
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==,
                   "Defence expenditure of NATO countries, 2016 estimates, shares only");
  g_assert_cmpint (pledge_window_get_year (win), ==, 2016);
  g_assert_true (strstr (window_title (win), "2016 estimates") != NULL);

  /* It is a recent file now, in the primary menu. */
  g_assert_nonnull (wait_for_menu_item (GTK_WIDGET (win), "nato-2016.xml"));

  destroy_window (win);
  remove_temp (tmpdir);
}

/* Opening one file after another with a recent list that lasts: with two
 * or more datasets in it, sorting the list once crashed (the sort freed
 * dates GTK owns). A new window, as on a second day, shows the same list;
 * an exported chart is a recent file of the app's too, but not a dataset,
 * and stays out of it. */
static void
test_open_recent_several (void)
{
  const char *sources[] = { BUNDLED "nato-2016.xml", BUNDLED "nato-2024.xml", BUNDLED "nato-2016.xml" };
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-ui-test-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) svg = g_file_new_build_filename (tmpdir, "chart.svg", NULL);
  g_autofree char *svg_uri = g_file_get_uri (svg);
  GtkRecentData svg_data = {
    .display_name = (char *) "chart.svg",
    .mime_type = (char *) "image/svg+xml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "pledge %u",
  };
  PledgeWindow *win;

  g_assert_nonnull (tmpdir);
  g_assert_true (g_file_set_contents (g_file_peek_path (svg), "<svg/>", -1, NULL));
  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), svg_uri,
                                              &svg_data));

  for (guint day = 0; day < 2; day++)
    {
      win = new_window (BUNDLED "nato-2024.xml", TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        {
          g_autofree char *name = g_strdup_printf ("dataset-%u.xml", i);
          g_autoptr(GFile) source = g_file_new_for_uri (sources[i]);
          g_autoptr(GFile) file = g_file_new_build_filename (tmpdir, name, NULL);
          g_autofree char *uri = g_file_get_uri (file);

          if (day == 0)
            {
              g_assert_true (g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL,
                                          NULL));
              g_ptr_array_add (files, g_object_ref (file));
            }
          gtk_widget_activate_action (GTK_WIDGET (win), "win.open-recent", "s", uri);
          wait_for_load (win);
          g_assert_true (g_file_equal (pledge_window_get_file (win), file));
          /* The recent manager saves and tells the window a moment later. */
          run_for (300);
        }

      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));

          g_assert_nonnull (wait_for_menu_item (GTK_WIDGET (win), name));
        }
      g_assert_null (find_menu_item (GTK_WIDGET (win), "chart.svg"));
      destroy_window (win);
    }

  remove_temp (tmpdir);
}

static void
test_open_drop (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) file = copy_to_temp (BUNDLED "nato-2016.xml", &tmpdir);
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  GtkDropTarget *drop = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (win));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);
  g_assert_true (g_type_is_a (G_TYPE_FILE, gtk_drop_target_get_gtypes (drop, NULL)[0]));

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  wait_for_load (win);
  g_assert_true (accepted);
  g_assert_true (g_file_equal (pledge_window_get_file (win), file));

  destroy_window (win);
  remove_temp (tmpdir);
}

static void
test_open_error (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) good = copy_to_temp (BUNDLED "nato-2016.xml", &tmpdir);
  g_autoptr(GFile) bad = g_file_new_build_filename (tmpdir, "broken.xml", NULL);
  g_autoptr(GError) error = NULL;
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *before = pledge_window_get_dataset (win);
  GtkWindow *dialog;
  const char *body;
  static const char broken[] =
    "<?xml version=\"1.0\"?>\n"
    "<pledge-dataset version=\"1\">\n"
    "  <title>Broken</title>\n"
    "  <units currency=\"USD\" scale=\"million\" prices=\"current\"/>\n"
    "  <targets><target id=\"t\" metric=\"defence-gdp\" min=\"two\" from=\"2014\" name=\"T\"/>"
    "</targets>\n"
    "</pledge-dataset>\n";

  g_file_replace_contents (bad, broken, strlen (broken), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);

  pledge_window_load (win, bad, FALSE);
  wait_for_load (win);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  /* Plain words first; below them the loader's message names the file
   * and the line. */
  g_assert_nonnull (strstr (body, "\n\nbroken.xml:5"));
  /* The window keeps what it had. */
  g_assert_true (pledge_window_get_dataset (win) == before);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "23 of 32 "));

  run_for (50);
  gtk_window_destroy (dialog);
  iterate ();
  g_assert_null (pledge_window_get_dialog (win));

  destroy_window (win);
  remove_temp (tmpdir);
}

static void
test_year (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  GtkDropDown *years = find_dropdown (GTK_WIDGET (win), "Year");

  g_assert_nonnull (years);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);
  /* The last year: there is no next one. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.next-year", NULL);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.previous-year", NULL);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2023);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "10 of 31 "));
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 2023 - 2014);
  g_assert_cmpint (chart_input (win, PLEDGE_CHART_COMPLIANCE)->year, ==, 2023);
  g_assert_cmpuint (chart_input (win, PLEDGE_CHART_COMPLIANCE)->n_meeting, ==, 10);

  /* The dropdown, as a user picks a year from it. */
  gtk_drop_down_set_selected (years, 2016 - 2014);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2016);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "5 of 28 "));
  g_assert_cmpuint (pledge_member_table_get_n_rows (pledge_window_get_member_table (win)), ==, 28);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.next-year", NULL);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2017);

  /* The first year: there is no previous one. */
  gtk_drop_down_set_selected (years, 0);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2014);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.previous-year", NULL);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2014);
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 0);

  destroy_window (win);
}

static void
check_germany_at_2 (PledgeWindow *win)
{
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  g_autofree char *share = pledge_member_table_dup_cell_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE);
  g_autofree char *meets = pledge_member_table_dup_cell_text (table, "DEU",
                                                              PLEDGE_MEMBER_COLUMN_TARGET);
  GtkWidget *cell = pledge_member_table_find_cell (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE);

  g_assert_cmpint (pledge_window_get_scenario (win), ==, 0);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->name, ==, "Scenario 1");
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));
  g_assert_cmpstr (share, ==, "2.00");
  g_assert_cmpstr (meets, ==, "Yes");
  g_assert_cmpstr (pledge_figure_cell_get_text (PLEDGE_FIGURE_CELL (cell)), ==, "2.00");
  g_assert_cmpuint (chart_input (win, PLEDGE_CHART_COMPLIANCE)->n_meeting, ==, 6);
  g_assert_cmpstr (chart_input (win, PLEDGE_CHART_COMPLIANCE)->scenario_name, ==, "Scenario 1");
  g_assert_cmpint (pledge_member_row_get_status (pledge_member_table_find_row (table, "DEU")), ==,
                   PLEDGE_STATUS_EDITED);
  g_assert_true (g_str_has_prefix (window_title (win), "• "));
}

static void
check_reported_2016 (PledgeWindow *win)
{
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  g_autofree char *share = pledge_member_table_dup_cell_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE);

  g_assert_cmpint (pledge_window_get_scenario (win), ==, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "5 of 28 "));
  g_assert_cmpstr (share, ==, "1.20");
  g_assert_cmpuint (chart_input (win, PLEDGE_CHART_COMPLIANCE)->n_meeting, ==, 5);
  g_assert_null (chart_input (win, PLEDGE_CHART_COMPLIANCE)->scenario_name);
}

static void
test_edit_undo_redo (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  const PledgeFigures *reported;

  pledge_window_set_year (win, 2016);
  run_for (50);
  check_reported_2016 (win);
  g_assert_false (menu_item_enabled (win, "Undo"));
  g_assert_false (menu_item_enabled (win, "Redo"));
  g_assert_false (g_str_has_prefix (window_title (win), "• "));

  /* Germany at 2% of GDP in 2016: everything follows before the next
   * frame, with no main loop iteration in between. */
  type_into_cell (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2");
  check_germany_at_2 (win);
  g_assert_true (menu_item_enabled (win, "Undo"));
  g_assert_false (menu_item_enabled (win, "Redo"));

  /* The reported figures never change. */
  reported = pledge_member_get_figures (pledge_dataset_get_member (dataset,
                                          pledge_dataset_find_member (dataset, "DEU")), 2016);
  g_assert_cmpfloat_with_epsilon (reported->values[PLEDGE_FIELD_DEFENCE_GDP], 1.2, 0.005);

  /* Text that is not a number changes nothing. */
  type_into_cell (win, "FRA", PLEDGE_MEMBER_COLUMN_SHARE, "two");
  g_assert_true (strstr (pledge_window_get_last_toast (win), "not a number") != NULL);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  check_reported_2016 (win);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Edit undone");
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_false (menu_item_enabled (win, "Undo"));
  g_assert_true (menu_item_enabled (win, "Redo"));
  g_assert_false (g_str_has_prefix (window_title (win), "• "));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  check_germany_at_2 (win);
  g_assert_true (menu_item_enabled (win, "Undo"));
  g_assert_false (menu_item_enabled (win, "Redo"));

  /* A second edit goes into the same scenario, as money this time. */
  type_into_cell (win, "FRA", PLEDGE_MEMBER_COLUMN_DEFENCE, "60000");
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 2);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "7 of 28 "));

  /* Back to the reported figures through the scenario selector. */
  gtk_drop_down_set_selected (find_dropdown (GTK_WIDGET (win), "Scenario"), 0);
  check_reported_2016 (win);

  run_for (50);
  g_assert_nonnull (pledge_window_get_undo_stack (win));
  /* Discard the changes without asking: the test owns the window. */
  destroy_window (win);
}

static void
test_save_reload (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) file = copy_to_temp (BUNDLED "nato-2024.xml", &tmpdir);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PledgeDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  PledgeWindow *win = new_window (uri, FALSE);
  PledgeWindow *again;
  const PledgeScenario *scenario;
  const PledgeEdit *edit;

  pledge_window_set_year (win, 2016);
  run_for (50);
  type_into_cell (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2");
  g_assert_true (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  g_assert_false (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));
  g_assert_false (g_str_has_prefix (window_title (win), "• "));
  g_assert_true (g_str_has_prefix (pledge_window_get_last_toast (win), "Saved"));

  saved = pledge_dataset_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (saved), ==, 1);
  scenario = pledge_dataset_get_scenario (saved, 0);
  g_assert_cmpstr (scenario->name, ==, "Scenario 1");
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  edit = g_ptr_array_index (scenario->edits, 0);
  g_assert_cmpstr (edit->member, ==, "DEU");
  g_assert_cmpint (edit->year, ==, 2016);
  g_assert_cmpint (edit->field, ==, PLEDGE_FIELD_DEFENCE_GDP);
  g_assert_cmpfloat (edit->value, ==, 2.0);

  /* Undo after the save: unsaved again. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_true (g_str_has_prefix (window_title (win), "• "));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  g_assert_false (g_str_has_prefix (window_title (win), "• "));

  /* Reopen the file in a window of its own and pick the scenario. */
  again = new_window (uri, FALSE);
  pledge_window_set_year (again, 2016);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (again), "5 of 28 "));
  gtk_drop_down_set_selected (find_dropdown (GTK_WIDGET (again), "Scenario"), 1);
  g_assert_cmpint (pledge_window_get_scenario (again), ==, 0);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (again), "6 of 28 "));

  destroy_window (again);
  destroy_window (win);
  remove_temp (tmpdir);
}

/* The code of the member on a row of the table as shown, sorted. */
static const char *
row_code (PledgeWindow *win,
          guint         position)
{
  GtkColumnView *view = pledge_member_table_get_column_view (pledge_window_get_member_table (win));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(PledgeMemberRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return pledge_member_row_get_code (row);
}

static void
test_sort (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  GtkColumnView *view = pledge_member_table_get_column_view (pledge_window_get_member_table (win));
  g_autoptr(GtkColumnViewColumn) share = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                PLEDGE_MEMBER_COLUMN_SHARE);

  pledge_window_set_year (win, 2016);
  g_assert_cmpstr (row_code (win, 0), ==, "ALB");

  /* As a click on the column's header does. Iceland, with no figures,
   * sorts after every member with one, so before them when descending:
   * GTK 4.8's sorters do not tell the order. */
  gtk_column_view_sort_by_column (view, share, GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_code (win, 0), ==, "LUX");
  g_assert_cmpstr (row_code (win, 27), ==, "ISL");
  gtk_column_view_sort_by_column (view, share, GTK_SORT_DESCENDING);
  g_assert_cmpstr (row_code (win, 1), ==, "USA");

  /* An edit sorts again at once. */
  run_for (50);
  type_into_cell (win, "LUX", PLEDGE_MEMBER_COLUMN_SHARE, "4");
  g_assert_cmpstr (row_code (win, 1), ==, "LUX");

  run_for (50);
  destroy_window (win);
}

/* A response to the file chooser of a GtkFileChooserNative, which falls
 * back to a GtkFileChooserDialog without a portal. */
static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* GTK keeps a reference on its toplevels. */
      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_save_bundled (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "nato-scenarios.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PledgeDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  GtkWindow *chooser;

  pledge_window_set_year (win, 2016);
  run_for (50);
  type_into_cell (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2");

  /* A bundled dataset is never saved over: Save asks for a file. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  for (guint i = 0; i < 100 && find_file_chooser () == NULL; i++)
    run_for (50);
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "nato-2024-scenarios.xml");
  g_assert_true (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));

  /* As a user types a path into the name field; the chooser checks it
   * before it answers: wait until it has. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (guint i = 0; i < 200 && find_file_chooser () != NULL; i++)
    run_for (50);
  g_assert_null (find_file_chooser ());

  g_assert_false (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));
  g_assert_nonnull (pledge_window_get_file (win));
  g_assert_true (g_file_equal (pledge_window_get_file (win), file));
  saved = pledge_dataset_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (saved), ==, 1);

  /* From now on Save writes that file without asking. */
  type_into_cell (win, "FRA", PLEDGE_MEMBER_COLUMN_SHARE, "2");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  g_assert_null (find_file_chooser ());
  g_assert_false (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));

  run_for (50);
  destroy_window (win);
  remove_temp (tmpdir);
}

/* Unsaved work survives a window that does not close normally. */
static void
test_recovery (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) file = copy_to_temp (BUNDLED "nato-2024.xml", &tmpdir);
  g_autofree char *uri = g_file_get_uri (file);
  PledgeWindow *win = new_window (uri, FALSE);
  PledgeWindow *again;
  GtkWindow *dialog;

  g_assert_false (pledge_recovery_exists (file, NULL));
  pledge_window_set_year (win, 2016);
  run_for (50);
  type_into_cell (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2");

  /* A moment after the change, it is on disk. */
  for (guint i = 0; i < 100 && !pledge_recovery_exists (file, NULL); i++)
    run_for (50);
  g_assert_true (pledge_recovery_exists (file, NULL));

  /* The window goes without a question, as in a crash. */
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();
  g_assert_null (win);
  g_assert_true (pledge_recovery_exists (file, NULL));

  /* Opening the file again offers the work back. */
  again = new_window (uri, FALSE);
  dialog = pledge_window_get_dialog (again);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "recover"));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (pledge_window_get_dataset (again)), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  run_for (50);

  g_assert_cmpuint (pledge_dataset_get_n_scenarios (pledge_window_get_dataset (again)), ==, 1);
  g_assert_true (g_str_has_prefix (window_title (again), "• "));
  pledge_window_set_year (again, 2016);
  pledge_window_set_scenario (again, 0);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (again), "6 of 28 "));

  /* Saved: the recovery file has done its job. */
  gtk_widget_activate_action (GTK_WIDGET (again), "win.save", NULL);
  g_assert_false (g_str_has_prefix (window_title (again), "• "));
  g_assert_false (pledge_recovery_exists (file, NULL));

  destroy_window (again);
  remove_temp (tmpdir);
}

/* The process is killed (SIGKILL) a moment after an edit: the next start
 * offers the edit back, and restoring it gives back every figure. */
static void
test_recovery_after_kill (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  PledgeWindow *again;
  GtkWindow *dialog;

  if (g_test_subprocess ())
    {
      PledgeWindow *win = new_window (g_getenv ("PLEDGE_TEST_KILL_URI"), FALSE);
      g_autoptr(GFile) killed = g_file_new_for_uri (g_getenv ("PLEDGE_TEST_KILL_URI"));

      pledge_window_set_year (win, 2016);
      run_for (50);
      type_into_cell (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2");
      type_into_cell (win, "FRA", PLEDGE_MEMBER_COLUMN_SHARE, "2.5");
      for (guint i = 0; i < 100 && !pledge_recovery_exists (killed, NULL); i++)
        run_for (50);
      kill (getpid (), SIGKILL);
      return;
    }

  file = copy_to_temp (BUNDLED "nato-2024.xml", &tmpdir);
  uri = g_file_get_uri (file);
  g_setenv ("PLEDGE_TEST_KILL_URI", uri, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_assert_true (pledge_recovery_exists (file, NULL));

  again = new_window (uri, FALSE);
  dialog = pledge_window_get_dialog (again);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  run_for (50);

  pledge_window_set_year (again, 2016);
  pledge_window_set_scenario (again, 0);
  /* Germany and France both edited to 2% and over: 7 of 28. */
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (again), "7 of 28 "));
  g_assert_cmpuint (pledge_dataset_get_scenario (pledge_window_get_dataset (again), 0)->edits->len, ==, 2);

  destroy_window (again);
  pledge_recovery_discard (file, NULL);
  remove_temp (tmpdir);
}

static gboolean
bytes_are_png (GBytes *bytes)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size > sizeof signature && memcmp (data, signature, sizeof signature) == 0;
}

static void
test_export (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "compliance-2016.png", NULL);
  g_autofree char *cli_path = g_build_filename (tmpdir, "cli.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested = NULL;
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeExportDialog *dialog;
  const char *binary = g_getenv ("PLEDGE_BINARY");
  gboolean ok;

  pledge_window_set_year (win, 2016);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
  dialog = PLEDGE_EXPORT_DIALOG (pledge_window_get_export_dialog (win));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  run_for (100);

  pledge_export_dialog_set_format (dialog, PLEDGE_EXPORT_PNG);
  g_assert_cmpint (pledge_export_dialog_get_kind (dialog), ==, PLEDGE_CHART_COMPLIANCE);
  suggested = pledge_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (suggested, ==, "compliance-2016.png");

  ok = pledge_export_dialog_export_to (dialog, file, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bytes_are_png (bytes));
  g_assert_true (strstr (pledge_window_get_last_toast (win), "compliance-2016.png") != NULL);

  /* The same options give the same file as the command line. */
  if (binary != NULL)
    {
      g_autoptr(GBytes) cli_bytes = NULL;
      g_autofree char *export_arg = g_strdup_printf ("--export=%s", cli_path);
      g_autofree char *data = pledge_test_data_path ("datasets/nato-2024.xml");
      const char *argv[] = { binary, export_arg, "--year=2016", "--chart=compliance", data, NULL };
      g_autoptr(GFile) cli_file = g_file_new_for_path (cli_path);
      int status = -1;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                    &error);
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
      cli_bytes = g_file_load_bytes (cli_file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (bytes, cli_bytes));
      g_unlink (cli_path);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (pledge_window_get_export_dialog (win));

  g_unlink (path);
  g_rmdir (tmpdir);
  destroy_window (win);
}

static void
test_close_unsaved (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);

  /* Without changes the window closes at once. */
  pledge_window_set_year (win, 2016);
  run_for (50);
  type_into_cell (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2");

  /* With changes it asks, and Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.close", NULL);
  iterate ();
  g_assert_nonnull (win);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  run_for (50);
  g_assert_nonnull (win);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));

  /* app.quit asks each window; Discard closes it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate ();
  g_assert_nonnull (win);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  run_for (50);
  g_assert_null (win);
}

static void
test_close_clean (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.close", NULL);
  run_for (50);
  g_assert_null (win);
}

static void
test_narrow (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  int minimum, natural;

  /* The decoration layout of GNOME: a close button only. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (win)), "gtk-decoration-layout",
                "appmenu:close", NULL);
  run_for (50);
  gtk_widget_measure (GTK_WIDGET (win), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (win), 360, 720);
  run_for (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (win)), <=, 360);

  destroy_window (win);
}

/* Renders the window as the user sees it, saves it as a PNG next to the
 * test, and checks that it is not blank. */
/* What paintable draws at width x height; on a loaded machine the widget
 * may not have drawn yet, so this gives it up to two seconds */
static GskRenderNode *
paintable_node (GdkPaintable *paintable,
                int           width,
                int           height)
{
  GskRenderNode *node = NULL;

  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (i > 0)
        run_for (20);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  return node;
}

/* The render nodes of a type under node */
static guint
count_nodes (GskRenderNode     *node,
             GskRenderNodeType  type)
{
  guint n = gsk_render_node_get_node_type (node) == type;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_nodes (gsk_container_node_get_child (node, i), type);
      break;
    case GSK_TRANSFORM_NODE:
      n += count_nodes (gsk_transform_node_get_child (node), type);
      break;
    case GSK_OPACITY_NODE:
      n += count_nodes (gsk_opacity_node_get_child (node), type);
      break;
    case GSK_CLIP_NODE:
      n += count_nodes (gsk_clip_node_get_child (node), type);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      n += count_nodes (gsk_rounded_clip_node_get_child (node), type);
      break;
    case GSK_COLOR_MATRIX_NODE:
      n += count_nodes (gsk_color_matrix_node_get_child (node), type);
      break;
    case GSK_SHADOW_NODE:
      n += count_nodes (gsk_shadow_node_get_child (node), type);
      break;
    case GSK_DEBUG_NODE:
      n += count_nodes (gsk_debug_node_get_child (node), type);
      break;
    default:
      break;
    }
  return n;
}

/* The table's dimmed text (codes, statuses, targets not met) is a paler
 * colour, not a lower opacity: each opacity is a group GTK's cairo
 * renderer draws apart and blends back, three cells a row. */
static void
test_table_no_opacity (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  GtkWidget *table = GTK_WIDGET (pledge_window_get_member_table (win));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  int width, height;

  run_for (300);
  paintable = gtk_widget_paintable_new (table);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (height, >, 100);
  node = paintable_node (paintable, width, height);
  g_assert_nonnull (node);
  /* Text was drawn (the rows are there), and no opacity group */
  g_assert_cmpuint (count_nodes (node, GSK_TEXT_NODE), >, 50);
  g_assert_cmpuint (count_nodes (node, GSK_OPACITY_NODE), ==, 0);
  destroy_window (win);
}

static void
test_screenshot (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  int width, height;
  gsize stride;
  gboolean saved;

  gtk_window_set_default_size (GTK_WINDOW (win), 1100, 760);
  run_for (300);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (win));
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >=, 360);
  g_assert_cmpint (height, >=, 300);

  node = paintable_node (paintable, width, height);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (win)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "test-window.png", NULL);
  saved = gdk_texture_save_to_png (texture, path);
  g_assert_true (saved);
  g_test_message ("screenshot: %s", path);

  /* A drawn window has a header, text, bars in several colours. */
  stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < gdk_texture_get_height (texture); y += 2)
    for (int x = 0; x < gdk_texture_get_width (texture); x += 2)
      {
        guint32 pixel = *(guint32 *) (pixels + y * stride + x * 4);

        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  g_assert_cmpuint (g_hash_table_size (colours), >, 50);

  destroy_window (win);
}

/* Numbers as the user reads and types them, in C and in German. */
typedef struct
{
  const char *locale;
  const char *text;
  gboolean    ok;
  double      value;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "C.UTF-8", "1234.5", TRUE, 1234.5 },
  { "C.UTF-8", " 2 % ", TRUE, 2 },
  { "C.UTF-8", "0", TRUE, 0 },
  { "C.UTF-8", "-1", FALSE, 0 },
  { "C.UTF-8", "two", FALSE, 0 },
  { "C.UTF-8", "", FALSE, 0 },
  { "C.UTF-8", "2 %3", FALSE, 0 },
  { "C.UTF-8", "1e999", FALSE, 0 },
  { "de_DE.UTF-8", "1.234,5", TRUE, 1234.5 },
  { "de_DE.UTF-8", "2,5 %", TRUE, 2.5 },
  { "de_DE.UTF-8", "2,5", TRUE, 2.5 },
};

static void
test_parse_number (gconstpointer data)
{
  const ParseCase *c = data;
  double value = -1;
  gboolean ok;

  if (setlocale (LC_ALL, c->locale) == NULL)
    {
      g_test_skip_printf ("no %s locale", c->locale);
      return;
    }
  ok = pledge_locale_parse_number (c->text, &value);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpint (ok, ==, c->ok);
  if (ok)
    g_assert_cmpfloat (value, ==, c->value);
}

static void
test_format_number (void)
{
  g_autofree char *money = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *unknown = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  money = pledge_locale_format_money (1234567.4);
  percent = pledge_locale_format_percent (1.995);
  unknown = pledge_locale_format_money (NAN);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (money, ==, "1.234.567");
  /* NATO's rounding: 1.995 shows as 2.00 and meets 2%. */
  g_assert_cmpstr (percent, ==, "2,00");
  g_assert_cmpstr (unknown, ==, "");
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* A size saved last time that a PNG may not have: the dialog says so where
 * the size is chosen and Export waits; SVG has no pixels, so it fits. */
static void
test_export_size_limit (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "big.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeExportDialog *dialog;
  GtkWidget *button;

  g_settings_set_int (settings, "export-width", 16000);
  g_settings_set_int (settings, "export-height", 8000);
  g_settings_set_int (settings, "export-scale", 2);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
  dialog = PLEDGE_EXPORT_DIALOG (pledge_window_get_export_dialog (win));
  g_assert_nonnull (dialog);
  run_for (100);
  button = find_widget (GTK_WIDGET (dialog), has_action, "export.choose-file");
  g_assert_nonnull (button);

  pledge_export_dialog_set_format (dialog, PLEDGE_EXPORT_PNG);
  iterate ();
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (pledge_export_dialog_export_to (dialog, file, &error));
  g_assert_error (error, PLEDGE_CHART_ERROR, PLEDGE_CHART_ERROR_INVALID_SIZE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  pledge_export_dialog_set_format (dialog, PLEDGE_EXPORT_SVG);
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));

  g_settings_set_int (settings, "export-scale", 1);
  g_settings_set_int (settings, "export-width", 1200);
  g_settings_set_int (settings, "export-height", 800);
  pledge_export_dialog_set_format (dialog, PLEDGE_EXPORT_PNG);
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_rmdir (tmpdir);
  destroy_window (win);
}

/* The program itself: no headless option, so main.c loads the window's
 * module (libpledge-gui.so, beside the program in the build tree) and opens
 * the file given, relative to the working directory. */
static void
test_program (void)
{
  const char *binary = g_getenv ("PLEDGE_BINARY");
  g_autofree char *data = pledge_test_data_path ("datasets");
  const char *argv[] = { binary, "nato-2016.xml", NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "PLEDGE_EXIT_AFTER_FIRST_FRAME", "1",
                                         TRUE);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (binary == NULL)
    {
      g_test_skip ("PLEDGE_BINARY is not set");
      return;
    }
  g_spawn_sync (data, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "title Defence expenditure of NATO countries, 2016"));
  g_assert_nonnull (strstr (out, "\nfirst-frame "));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/window/parse-number/%u", i);

      g_test_add_data_func (path, &parse_cases[i], test_parse_number);
    }
  g_test_add_func ("/pledge/window/format-number", test_format_number);
  g_test_add_func ("/pledge/window/open", test_open);
  g_test_add_func ("/pledge/window/open-recent-several", test_open_recent_several);
  g_test_add_func ("/pledge/window/open-drop", test_open_drop);
  g_test_add_func ("/pledge/window/open-error", test_open_error);
  g_test_add_func ("/pledge/window/year", test_year);
  g_test_add_func ("/pledge/window/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/pledge/window/sort", test_sort);
  g_test_add_func ("/pledge/window/save-reload", test_save_reload);
  g_test_add_func ("/pledge/window/save-bundled", test_save_bundled);
  g_test_add_func ("/pledge/window/recovery", test_recovery);
  g_test_add_func ("/pledge/window/recovery-after-kill", test_recovery_after_kill);
  g_test_add_func ("/pledge/window/export", test_export);
  g_test_add_func ("/pledge/window/export-size-limit", test_export_size_limit);
  g_test_add_func ("/pledge/window/close-clean", test_close_clean);
  g_test_add_func ("/pledge/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/pledge/window/narrow", test_narrow);
  g_test_add_func ("/pledge/window/screenshot", test_screenshot);
  g_test_add_func ("/pledge/window/table-no-opacity", test_table_no_opacity);
  g_test_add_func ("/pledge/window/program", test_program);

  return pledge_ui_test_run (home);
}
