/* test-scenarios-ui.c: scenarios in the window: the scenario menu, Grow
 * Spending, Reach target, the plan, the differences, and a file that
 * changes on disk
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display: xvfb-run -a dbus-run-session, with GDK_BACKEND=x11,
 * GSK_RENDERER=cairo and GSETTINGS_BACKEND=memory. Any GTK warning or
 * critical fails the test.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pledge-application.h"
#include "pledge-chart-view.h"
#include "pledge-grow-dialog.h"
#include "pledge-locale-number.h"
#include "pledge-member-table.h"
#include "pledge-plan-item.h"
#include "pledge-plan-window.h"
#include "pledge-plan.h"
#include "pledge-report.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"



#define new_window(uri, bundled) new_window_sized (uri, bundled, 1200)

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip_part)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_widget_get_tooltip_text (widget) ?: "", tooltip_part) != NULL;
}

/* The visible button whose tooltip holds text. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip_part)
{
  return find_widget (widget, is_button_with_tooltip, tooltip_part);
}

static const PledgeChartInput *
chart_input (PledgeWindow    *win,
             PledgeChartKind  kind)
{
  return pledge_chart_view_get_input (PLEDGE_CHART_VIEW (pledge_window_get_chart_view (win, kind)));
}

static const char *
window_title (PledgeWindow *win)
{
  return gtk_window_get_title (GTK_WINDOW (win));
}

static const char *
scenario_dropdown_text (PledgeWindow *win)
{
  GtkDropDown *dropdown = find_dropdown (GTK_WIDGET (win), "Scenario");
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static guint
target_index (PledgeWindow *win,
              const char   *id)
{
  int index = pledge_dataset_find_target (pledge_window_get_dataset (win), id);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

static guint
member_index (PledgeWindow *win,
              const char   *code)
{
  int index = pledge_dataset_find_member (pledge_window_get_dataset (win), code);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

static gboolean
toast_is (PledgeWindow *win,
          const char   *title)
{
  return g_strcmp0 (pledge_window_get_last_toast (win), title) == 0;
}

/* Waits up to five seconds for the window's last toast to be title. */
static void
wait_for_toast (PledgeWindow *win,
                const char   *title)
{
  for (guint i = 0; i < 100 && !toast_is (win, title); i++)
    run_for (50);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, title);
}

/* The count of members meeting target in year, straight from the model. */
static guint
model_count (PledgeWindow *win,
             int           scenario,
             int           year,
             guint         target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (pledge_window_get_dataset (win),
                                                            scenario, &error);
  guint meeting = 0, members = 0;

  g_assert_no_error (error);
  pledge_snapshot_count (snapshot, year, target, &meeting, &members);
  return meeting;
}

/* Renders a window as the user sees it into a PNG next to the test, and
 * checks that it is not blank. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  int width, height;
  gsize stride;
  gboolean saved;

  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >=, 300);
  g_assert_cmpint (height, >=, 300);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* On a loaded machine the window may not have drawn yet: give it time. */
  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      run_for (20);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  saved = gdk_texture_save_to_png (texture, path);
  g_assert_true (saved);
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);

  stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < gdk_texture_get_height (texture); y += 2)
    for (int x = 0; x < gdk_texture_get_width (texture); x += 2)
      g_hash_table_add (colours, GUINT_TO_POINTER (*(guint32 *) (pixels + y * stride + x * 4)));
  g_assert_cmpuint (g_hash_table_size (colours), >, 20);
}

static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  gtk_window_set_default_size (window, width, height);
  run_for (300);
}

/* Tests */

/* Differences and growth rates as the tables show them. */
typedef enum
{
  FORMAT_DELTA_PERCENT,
  FORMAT_DELTA_MONEY,
  FORMAT_GROWTH,
} FormatKind;

typedef struct
{
  const char *locale;
  FormatKind  kind;
  double      value;
  const char *text;
} FormatCase;

static const FormatCase format_cases[] = {
  { "C.UTF-8", FORMAT_DELTA_PERCENT, 0.8, "+0.80" },
  { "C.UTF-8", FORMAT_DELTA_PERCENT, -1.5, "\u22121.50" },
  { "C.UTF-8", FORMAT_DELTA_PERCENT, 0.001, "0.00" },
  { "C.UTF-8", FORMAT_DELTA_PERCENT, -0.001, "0.00" },
  { "C.UTF-8", FORMAT_DELTA_PERCENT, NAN, "" },
  { "C.UTF-8", FORMAT_DELTA_MONEY, 87751.4, "+87,751" },  /* grouped as English does */
  { "C.UTF-8", FORMAT_DELTA_MONEY, -12.5, "\u221212.50" },
  { "C.UTF-8", FORMAT_DELTA_MONEY, 0, "0.00" },
  { "C.UTF-8", FORMAT_GROWTH, 7.8123, "+7.81 %" },
  { "C.UTF-8", FORMAT_GROWTH, -1.2, "\u22121.20 %" },
  { "C.UTF-8", FORMAT_GROWTH, NAN, "" },
  { "de_DE.UTF-8", FORMAT_DELTA_PERCENT, 0.8, "+0,80" },
  { "de_DE.UTF-8", FORMAT_DELTA_MONEY, 87751.4, "+87.751" },
  { "de_DE.UTF-8", FORMAT_GROWTH, 7.8123, "+7,81 %" },
};

static void
test_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, c->locale) == NULL)
    {
      g_test_skip_printf ("no %s locale", c->locale);
      return;
    }
  switch (c->kind)
    {
    case FORMAT_DELTA_PERCENT:
      text = pledge_locale_format_delta_percent (c->value);
      break;
    case FORMAT_DELTA_MONEY:
      text = pledge_locale_format_delta_money (c->value);
      break;
    case FORMAT_GROWTH:
    default:
      text = pledge_locale_format_growth (c->value);
      break;
    }
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (text, ==, c->text);
}

/* New, Duplicate, Rename and Delete from the primary menu, each undone. */
static void
test_scenario_menu (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  GtkWindow *dialog;
  GtkEditable *entry;

  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_true (menu_item_enabled (win, "New Scenario"));
  g_assert_false (menu_item_enabled (win, "Duplicate Scenario"));
  g_assert_false (menu_item_enabled (win, "Rename Scenario…"));
  g_assert_false (menu_item_enabled (win, "Delete Scenario"));

  /* New: an empty "Scenario 1", shown at once. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->name, ==, "Scenario 1");
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 0);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 0);
  g_assert_cmpstr (scenario_dropdown_text (win), ==, "Scenario 1");
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "“Scenario 1” created");
  g_assert_true (menu_item_enabled (win, "Duplicate Scenario"));
  g_assert_true (menu_item_enabled (win, "Rename Scenario…"));
  g_assert_true (menu_item_enabled (win, "Delete Scenario"));
  g_assert_true (g_str_has_prefix (window_title (win), "• "));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_cmpstr (scenario_dropdown_text (win), ==, "Reported figures");
  g_assert_false (g_str_has_prefix (window_title (win), "• "));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 0);

  /* An edit goes into it; a second New makes "Scenario 2". */
  pledge_window_set_year (win, 2016);
  run_for (50);
  g_assert_true (pledge_member_table_commit_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2"));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Scenario 2");
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);

  /* Duplicate: a copy with the same edits, next to it, shown. */
  pledge_window_set_scenario (win, 0);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.duplicate-scenario", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 2);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Scenario 1 (copy)");
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 1)->edits->len, ==, 1);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->id, !=,
                   pledge_dataset_get_scenario (dataset, 0)->id);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 1);
  g_assert_cmpstr (scenario_dropdown_text (win), ==, "Scenario 1 (copy)");
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 2);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 1);

  /* Rename: a message dialog with the name to change. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.rename-scenario", NULL);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  /* The name above the scenario's id */
  entry = GTK_EDITABLE (gtk_widget_get_first_child (
    adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Scenario 1 (copy)");
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  gtk_editable_set_text (entry, "Germany at 2%");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  run_for (50);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Germany at 2%");
  g_assert_cmpstr (scenario_dropdown_text (win), ==, "Germany at 2%");
  g_assert_cmpstr (chart_input (win, PLEDGE_CHART_COMPLIANCE)->scenario_name, ==, "Germany at 2%");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Scenario 1 (copy)");
  g_assert_cmpstr (scenario_dropdown_text (win), ==, "Scenario 1 (copy)");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Germany at 2%");

  /* Cancel renames nothing. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.rename-scenario", NULL);
  dialog = pledge_window_get_dialog (win);
  /* The name above the scenario's id */
  entry = GTK_EDITABLE (gtk_widget_get_first_child (
    adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
  gtk_editable_set_text (entry, "Not this");
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  run_for (50);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Germany at 2%");

  /* Delete, and undo brings it back, shown. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.delete-scenario", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "“Germany at 2%” deleted");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 2);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 1)->name, ==, "Germany at 2%");
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 1);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));

  run_for (50);
  destroy_window (win);
}

/* The scenario's differences from the reported figures, in the table. */
static void
test_differences (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  GtkColumnView *view = pledge_member_table_get_column_view (table);
  g_autoptr(GtkColumnViewColumn) delta_share = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                      PLEDGE_MEMBER_COLUMN_SHARE + 1);
  g_autoptr(GtkColumnViewColumn) delta_defence = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                        PLEDGE_MEMBER_COLUMN_SHARE + 2);
  g_autofree char *share = NULL;
  g_autofree char *defence = NULL;
  g_autofree char *other = NULL;
  GtkWidget *cell;

  /* Right after the share of GDP, and only while a scenario shows. */
  g_assert_cmpstr (gtk_column_view_column_get_title (delta_share), ==, "Δ % of GDP");
  g_assert_cmpstr (gtk_column_view_column_get_title (delta_defence), ==, "Δ defence");
  g_assert_false (gtk_column_view_column_get_visible (delta_share));
  g_assert_false (gtk_column_view_column_get_visible (delta_defence));

  pledge_window_set_year (win, 2016);
  run_for (50);
  g_assert_true (pledge_member_table_commit_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2"));
  run_for (50);
  g_assert_true (gtk_column_view_column_get_visible (delta_share));
  g_assert_true (gtk_column_view_column_get_visible (delta_defence));

  /* Germany: 1.20% reported, 2.00% in the scenario. */
  share = pledge_member_table_dup_cell_text (table, "DEU", PLEDGE_MEMBER_COLUMN_DELTA_SHARE);
  g_assert_cmpstr (share, ==, "+0.80");
  defence = pledge_member_table_dup_cell_text (table, "DEU", PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE);
  g_assert_true (g_str_has_prefix (defence, "+"));
  other = pledge_member_table_dup_cell_text (table, "FRA", PLEDGE_MEMBER_COLUMN_DELTA_SHARE);
  g_assert_cmpstr (other, ==, "0.00");
  cell = pledge_member_table_find_cell (table, "DEU", PLEDGE_MEMBER_COLUMN_DELTA_SHARE);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), ==, "+0.80");
  g_assert_true (gtk_widget_has_css_class (cell, "accent"));

  /* Sorting by the difference puts Germany last, ascending. */
  gtk_column_view_sort_by_column (view, delta_share, GTK_SORT_DESCENDING);
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
    g_autoptr(PledgeMemberRow) first = g_list_model_get_item (model, 0);

    /* Unknown differences (Iceland) sort after the known ones, so first
     * when descending; Germany comes right after. */
    if (g_strcmp0 (pledge_member_row_get_code (first), "DEU") != 0)
      {
        g_autoptr(PledgeMemberRow) second = g_list_model_get_item (model, 1);

        g_assert_cmpstr (pledge_member_row_get_code (second), ==, "DEU");
      }
  }

  /* Back on the reported figures, the columns go. */
  pledge_window_set_scenario (win, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_false (gtk_column_view_column_get_visible (delta_share));

  run_for (50);
  destroy_window (win);
}

static PledgeGrowDialog *
open_grow_dialog (PledgeWindow *win)
{
  PledgeGrowDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.grow", NULL);
  dialog = PLEDGE_GROW_DIALOG (pledge_window_get_grow_dialog (win));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  run_for (100);
  return dialog;
}

/* Everyone 6% a year, GDP 3% a year, from 2024 to 2035. */
static void
test_grow (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  PledgeGrowDialog *dialog;
  const PledgeScenario *scenario;
  const PledgeEdit *edit;
  const PledgeFigures *reported, *grown;
  g_auto(GStrv) members = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *delta = NULL;
  guint gdp2 = target_index (win, "gdp-2");
  guint deu = member_index (win, "DEU");
  guint before, after;

  before = model_count (win, PLEDGE_SNAPSHOT_REPORTED, 2024, gdp2);
  g_assert_cmpuint (before, ==, 23);

  dialog = open_grow_dialog (win);
  /* From the last reported year to 2035, every member. */
  g_assert_cmpint (pledge_grow_dialog_get_from (dialog), ==, 2024);
  g_assert_cmpint (pledge_grow_dialog_get_to (dialog), ==, 2035);
  members = pledge_grow_dialog_dup_members (dialog);
  g_assert_null (members);

  pledge_grow_dialog_set_defence_rate (dialog, 6);
  pledge_grow_dialog_set_gdp_rate (dialog, 3);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grow.apply", NULL);
  run_for (100);
  g_assert_null (pledge_window_get_grow_dialog (win));
  g_assert_null (pledge_window_get_dialog (win));

  /* One edit in a new scenario, shown, in 2035. */
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  scenario = pledge_dataset_get_scenario (dataset, 0);
  g_assert_cmpstr (scenario->name, ==, "Scenario 1");
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  edit = g_ptr_array_index (scenario->edits, 0);
  g_assert_cmpint (edit->kind, ==, PLEDGE_EDIT_GROW);
  g_assert_cmpstr (edit->member, ==, "*");
  g_assert_cmpint (edit->from, ==, 2024);
  g_assert_cmpint (edit->to, ==, 2035);
  g_assert_cmpfloat (edit->defence_rate, ==, 6);
  g_assert_cmpfloat (edit->gdp_rate, ==, 3);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 0);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2035);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Spending grown to 2035");

  /* The 2035 figures: Germany's defence grew 6% a year for 11 years. */
  reported = pledge_member_get_figures (pledge_dataset_get_member (dataset, deu), 2024);
  grown = pledge_snapshot_get_figures (pledge_window_get_snapshot (win), deu, 2035);
  g_assert_nonnull (grown);
  g_assert_cmpfloat_with_epsilon (grown->values[PLEDGE_FIELD_DEFENCE],
                                  reported->values[PLEDGE_FIELD_DEFENCE] * pow (1.06, 11), 0.01);
  g_assert_cmpint (pledge_member_row_get_status (pledge_member_table_find_row (table, "DEU")), ==,
                   PLEDGE_STATUS_PROJECTED);

  /* The count changes, and the window says what the model says. */
  after = model_count (win, 0, 2035, gdp2);
  g_assert_cmpuint (after, >, before);
  expected = g_strdup_printf ("%u of 32 members meet this target in 2035", after);
  g_assert_cmpstr (pledge_window_get_summary (win), ==, expected);
  g_assert_cmpint (chart_input (win, PLEDGE_CHART_COMPLIANCE)->year, ==, 2035);
  g_assert_cmpuint (chart_input (win, PLEDGE_CHART_COMPLIANCE)->n_meeting, ==, after);

  /* The share of GDP rose ×(1.06/1.03)^11 against 2024, the last reported year. */
  delta = pledge_member_table_dup_cell_text (table, "DEU", PLEDGE_MEMBER_COLUMN_DELTA_SHARE);
  g_assert_true (g_str_has_prefix (delta, "+0."));

  /* One step undoes it all. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "23 of 32 "));

  run_for (50);
  destroy_window (win);
}

/* What the model refuses is said in a dialog, over the Grow dialog, which
 * stays with what the user chose; nothing changes. */
static void
test_grow_errors (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  PledgeGrowDialog *dialog;
  GtkWindow *error_dialog;
  g_auto(GStrv) members = NULL;
  const char *iceland[] = { "ISL", NULL };
  const char *two[] = { "FRA", "DEU", NULL };

  dialog = open_grow_dialog (win);

  /* Iceland has no defence figure for 2024 to grow from. */
  pledge_grow_dialog_set_members (dialog, iceland);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grow.apply", NULL);
  run_for (50);
  error_dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (error_dialog);
  g_assert_true (gtk_window_get_transient_for (error_dialog) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                   "Could Not Grow the Spending");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), "ISL"));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_true (pledge_window_get_grow_dialog (win) == GTK_WINDOW (dialog));
  gtk_window_destroy (error_dialog);
  iterate ();

  /* Without a GDP rate, years past 2024 have no GDP. */
  pledge_grow_dialog_set_members (dialog, two);
  pledge_grow_dialog_set_gdp_rate (dialog, NAN);
  g_assert_true (isnan (pledge_grow_dialog_get_gdp_rate (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grow.apply", NULL);
  run_for (50);
  error_dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)),
                            "gdp-rate"));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_false (pledge_undo_stack_get_can_undo (pledge_window_get_undo_stack (win)));
  gtk_window_destroy (error_dialog);
  iterate ();

  /* Chosen members, each an edit of its own, undone as one. */
  pledge_grow_dialog_set_gdp_rate (dialog, 2.5);
  members = pledge_grow_dialog_dup_members (dialog);
  g_assert_cmpstrv (members, ((const char *[]) { "FRA", "DEU", NULL }));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grow.apply", NULL);
  run_for (50);
  g_assert_null (pledge_window_get_grow_dialog (win));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);

  /* A row's context menu opens the dialog for its member alone. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.grow-member", "s", "EST");
  dialog = PLEDGE_GROW_DIALOG (pledge_window_get_grow_dialog (win));
  g_assert_nonnull (dialog);
  g_clear_pointer (&members, g_strfreev);
  members = pledge_grow_dialog_dup_members (dialog);
  g_assert_cmpstrv (members, ((const char *[]) { "EST", NULL }));
  run_for (50);
  gtk_window_close (GTK_WINDOW (dialog));
  run_for (50);
  g_assert_null (pledge_window_get_grow_dialog (win));

  destroy_window (win);
}

static void
check_meets_in_due_year (PledgeWindow *win,
                         const char   *code,
                         guint         target)
{
  PledgeSnapshot *snapshot = pledge_window_get_snapshot (win);
  guint member = member_index (win, code);
  double share = pledge_snapshot_get_metric (snapshot, member, 2035, PLEDGE_METRIC_DEFENCE_GDP);

  g_assert_cmpint (pledge_snapshot_meets (snapshot, member, 2035, target), ==, PLEDGE_MEETS_YES);
  /* Just there: the steady growth the solver found, no more. */
  g_assert_cmpfloat_with_epsilon (share, 3.5, 1e-6);
  g_assert_cmpint (pledge_snapshot_meets (snapshot, member, 2034, target), ==, PLEDGE_MEETS_NO);
}

/* Germany meets 3.5% of GDP in 2035, from its row's context menu. */
static void
test_reach_target (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  guint core = target_index (win, "core-3.5");
  GtkPopover *menu;
  GMenuModel *model, *section;
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  g_autofree char *code = NULL;
  const PledgeEdit *edit;
  PledgeGrowDialog *dialog;

  pledge_window_set_target (win, core);
  run_for (50);

  /* The row's context menu offers it. */
  pledge_member_table_popup_menu (table, "DEU");
  run_for (100);
  menu = pledge_member_table_get_menu (table);
  g_assert_nonnull (menu);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 1);
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_TARGET, "s", &code);
  g_assert_cmpstr (label, ==, "Reach 3.5% of GDP by 2035");
  g_assert_cmpstr (action, ==, "win.reach-target");
  g_assert_cmpstr (code, ==, "DEU");
  g_object_unref (section);
  gtk_popover_popdown (menu);
  run_for (50);

  /* What the item does. On the reported figures, GDP has no path past
   * 2024: it is held there, and the toast says so. */
  gtk_widget_activate_action (GTK_WIDGET (win), action, "s", code);
  g_assert_null (pledge_window_get_dialog (win));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 0);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 1);
  edit = g_ptr_array_index (pledge_dataset_get_scenario (dataset, 0)->edits, 0);
  g_assert_cmpint (edit->kind, ==, PLEDGE_EDIT_GROW);
  g_assert_cmpstr (edit->member, ==, "DEU");
  g_assert_cmpint (edit->from, ==, 2024);
  g_assert_cmpint (edit->to, ==, 2035);
  g_assert_cmpfloat (edit->gdp_rate, ==, 0);
  g_assert_cmpfloat (edit->defence_rate, >, 4);
  check_meets_in_due_year (win, "DEU", core);
  g_assert_nonnull (strstr (pledge_window_get_last_toast (win), "GDP held at its 2024 level"));
  g_assert_true (g_str_has_prefix (pledge_window_get_last_toast (win), "Germany: defence spending +"));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);

  /* In a scenario that grows GDP, the target is reached with that GDP. */
  dialog = open_grow_dialog (win);
  pledge_grow_dialog_set_defence_rate (dialog, 2);
  pledge_grow_dialog_set_gdp_rate (dialog, 3);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grow.apply", NULL);
  run_for (50);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reach-target", "s", "FRA");
  g_assert_null (pledge_window_get_dialog (win));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 2);
  edit = g_ptr_array_index (pledge_dataset_get_scenario (dataset, 0)->edits, 1);
  g_assert_true (isnan (edit->gdp_rate));
  check_meets_in_due_year (win, "FRA", core);
  g_assert_null (strstr (pledge_window_get_last_toast (win), "held"));

  /* With a target without a due year selected, the first one with one. */
  pledge_window_set_target (win, target_index (win, "gdp-2"));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reach-target", "s", "ITA");
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 3);
  check_meets_in_due_year (win, "ITA", core);

  /* A member the scenario takes there needs nothing: its spending is not
   * cut to the target. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reach-target", "s", "POL");
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 3);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==,
                   "Poland already reaches 3.5% of GDP by 2035");

  /* Nor one whose spending today meets it with GDP held. */
  pledge_window_set_scenario (win, PLEDGE_SNAPSHOT_REPORTED);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reach-target", "s", "POL");
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==,
                   "Poland reaches 3.5% of GDP by 2035 without spending more");

  run_for (50);
  destroy_window (win);
}

static PledgePlanWindow *
open_plan (PledgeWindow *win)
{
  PledgePlanWindow *plan;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-plan", NULL);
  plan = PLEDGE_PLAN_WINDOW (pledge_window_get_plan_window (win));
  g_assert_nonnull (plan);
  gtk_window_set_default_size (GTK_WINDOW (plan), 1200, 1400);
  run_for (200);
  return plan;
}

static PledgePlanItem *
plan_item_at (PledgePlanWindow *plan,
              guint             position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (pledge_plan_window_get_column_view (plan)));

  return g_list_model_get_item (model, position);
}

/* The plan lists every member with the growth it needs, sorts, exports
 * what pledge --report --plan writes, and follows the scenario. */
static void
test_plan (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  guint core = target_index (win, "core-3.5");
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "plan-core-3.5.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *expected_growth = NULL;
  g_autofree char *first_met = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *action = NULL;
  g_autoptr(PledgePlanItem) first = NULL;
  g_autoptr(PledgePlanItem) last = NULL;
  const PledgePlanRow *deu = NULL;
  PledgePlanWindow *plan;
  GtkColumnView *view;
  GtkWidget *reach;
  int start;
  gboolean ok;

  /* The selected target has no due year: the plan is about the first
   * one that has. */
  g_assert_true (menu_item_enabled (win, "Plan to Meet Targets"));
  plan = open_plan (win);
  g_assert_cmpint (pledge_plan_window_get_target (plan), ==, core);
  g_assert_cmpuint (pledge_plan_window_get_n_rows (plan), ==, 32);

  /* The model's numbers, in the user's locale. */
  rows = pledge_plan_compute (pledge_window_get_snapshot (win), core, &start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, 2024);
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, PledgePlanRow, i).member == member_index (win, "DEU"))
      deu = &g_array_index (rows, PledgePlanRow, i);
  g_assert_nonnull (deu);
  growth = pledge_plan_window_dup_cell_text (plan, "DEU", PLEDGE_PLAN_COLUMN_GROWTH);
  expected_growth = g_strdup_printf ("+%.2f %%", deu->growth);
  g_assert_cmpstr (growth, ==, expected_growth);
  first_met = pledge_plan_window_dup_cell_text (plan, "DEU", PLEDGE_PLAN_COLUMN_FIRST_MET);
  g_assert_cmpstr (first_met, ==, "not by 2035");
  g_clear_pointer (&first_met, g_free);
  first_met = pledge_plan_window_dup_cell_text (plan, "POL", PLEDGE_PLAN_COLUMN_FIRST_MET);
  g_assert_cmpstr (first_met, ==, "2024");
  g_clear_pointer (&action, g_free);
  action = pledge_plan_window_dup_cell_text (plan, "POL", PLEDGE_PLAN_COLUMN_ACTION);
  g_assert_cmpstr (action, ==, "On track");

  /* Sorted by growth, as a click on its header does. */
  view = pledge_plan_window_get_column_view (plan);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                   PLEDGE_PLAN_COLUMN_GROWTH);

    gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  }
  first = plan_item_at (plan, 0);
  last = plan_item_at (plan, 31);
  g_assert_cmpfloat (pledge_plan_item_get_row (first)->growth, <, 0);
  /* Iceland, with no figures, last. */
  g_assert_cmpstr (pledge_plan_item_get_code (last), ==, "ISL");

  /* Export: exactly what pledge --report --plan=core-3.5 --csv writes. */
  suggested = pledge_plan_window_dup_suggested_name (plan);
  g_assert_cmpstr (suggested, ==, "plan-core-3.5.csv");
  ok = pledge_report_write_plan (pledge_window_get_snapshot (win), core, PLEDGE_REPORT_CSV,
                                 expected, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = pledge_plan_window_export_to (plan, file, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected->str);
  g_assert_true (g_str_has_prefix (contents, "member,name,share_2024,growth_needed,"));

  /* Germany's Reach button: the plan follows the new scenario. */
  reach = find_button (GTK_WIDGET (plan), "of Germany");
  g_assert_nonnull (reach);
  g_signal_emit_by_name (reach, "clicked");
  run_for (100);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  check_meets_in_due_year (win, "DEU", core);
  g_clear_pointer (&action, g_free);
  action = pledge_plan_window_dup_cell_text (plan, "DEU", PLEDGE_PLAN_COLUMN_ACTION);
  g_assert_cmpstr (action, ==, "On track");
  g_clear_pointer (&first_met, g_free);
  first_met = pledge_plan_window_dup_cell_text (plan, "DEU", PLEDGE_PLAN_COLUMN_FIRST_MET);
  g_assert_cmpstr (first_met, ==, "2035");
  g_assert_true (g_str_has_prefix (pledge_plan_window_get_last_toast (plan), "Germany: "));

  /* The user picks the other target here; the window's choice of target
   * changes it back. */
  pledge_plan_window_set_target (plan, target_index (win, "total-5"));
  pledge_window_set_year (win, 2030);
  g_assert_cmpint (pledge_plan_window_get_target (plan), ==, target_index (win, "total-5"));
  pledge_window_set_target (win, core);
  g_assert_cmpint (pledge_plan_window_get_target (plan), ==, core);

  /* A second show-plan presents the same window; closing it forgets it. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-plan", NULL);
  g_assert_true (pledge_window_get_plan_window (win) == GTK_WINDOW (plan));
  gtk_window_close (GTK_WINDOW (plan));
  run_for (50);
  g_assert_null (pledge_window_get_plan_window (win));

  g_unlink (path);
  g_rmdir (tmpdir);
  destroy_window (win);
}

/* Numbers in the plan follow the user's locale. */
/* Shares show rounded half up as NATO publishes them (the model's
 * pledge_round2), in the member table and in the plan: 2.005% is 2.01,
 * where printf's own rounding of the double gives 2.00. */
static void
test_rounded_shares (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edge",
                                                 "rounded-shares.xml", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PledgeWindow *win = new_window (uri, FALSE);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  g_autofree char *table_share = NULL;
  g_autofree char *plan_share = NULL;
  PledgePlanWindow *plan;

  table_share = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_SHARE);
  g_assert_cmpstr (table_share, ==, "2.01");

  plan = open_plan (win);
  plan_share = pledge_plan_window_dup_cell_text (plan, "AAA", PLEDGE_PLAN_COLUMN_SHARE);
  g_assert_cmpstr (plan_share, ==, "2.01");

  destroy_window (win);
}

static void
test_plan_locale (void)
{
  PledgeWindow *win;
  PledgePlanWindow *plan;
  g_autofree char *growth = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  win = new_window (BUNDLED "nato-2024.xml", TRUE);
  plan = open_plan (win);
  growth = pledge_plan_window_dup_cell_text (plan, "DEU", PLEDGE_PLAN_COLUMN_GROWTH);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_true (g_str_has_prefix (growth, "+"));
  g_assert_nonnull (strchr (growth, ','));
  g_assert_null (strchr (growth, '.'));

  destroy_window (win);
}

static void
replace_title (GFile      *file,
               const char *title)
{
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  pledge_dataset_set_title (dataset, title);
  /* As another program saves: a new file renamed over the old one. */
  ok = pledge_dataset_save (dataset, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Another program changes the open file: a toast offers to reload; the
 * window's own saves are no news. */
static void
test_changed_on_disk (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) file = copy_to_temp (BUNDLED "nato-2024.xml", &tmpdir);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  PledgeWindow *win = new_window (uri, FALSE);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  GtkWindow *dialog;
  gsize length;

  /* Nothing happened yet. */
  run_for (500);
  g_assert_null (pledge_window_get_last_toast (win));

  /* The window's own save. */
  pledge_window_set_year (win, 2016);
  run_for (50);
  g_assert_true (pledge_member_table_commit_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2"));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  g_assert_null (pledge_window_get_dialog (win));
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Saved “nato-2024.xml”");
  run_for (1000);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Saved “nato-2024.xml”");

  /* Another program's save: the toast, and Reload shows the new file,
   * with the same year, target and scenario. */
  replace_title (file, "Changed elsewhere");
  wait_for_toast (win, "The file changed on disk");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reload", NULL);
  wait_for_load (win);
  g_assert_null (pledge_window_get_dialog (win));
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==,
                   "Changed elsewhere");
  g_assert_true (g_str_has_prefix (window_title (win), "Changed elsewhere"));
  g_assert_cmpint (pledge_window_get_year (win), ==, 2016);
  g_assert_cmpint (pledge_window_get_scenario (win), ==, 0);
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Reloaded “nato-2024.xml”");

  /* Touched, the same bytes: no news. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  run_for (100);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  run_for (1000);
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Reloaded “nato-2024.xml”");

  /* With unsaved changes, Reload asks first; Cancel keeps them. */
  g_assert_true (pledge_member_table_commit_text (table, "FRA", PLEDGE_MEMBER_COLUMN_SHARE, "2.5"));
  replace_title (file, "Changed again");
  wait_for_toast (win, "The file changed on disk");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reload", NULL);
  wait_for_load (win);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Reload the Dataset?");
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  run_for (50);
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==,
                   "Changed elsewhere");
  g_assert_true (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));

  /* Save now would lose the other program's change: it asks too. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save Over the Changes on Disk?");
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  run_for (50);
  g_assert_true (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));

  /* Reload, and discard the changes. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reload", NULL);
  wait_for_load (win);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  run_for (50);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  wait_for_load (win);
  run_for (50);
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==, "Changed again");
  g_assert_false (pledge_undo_stack_get_has_changes (pledge_window_get_undo_stack (win)));
  g_assert_true (g_str_has_prefix (pledge_window_get_summary (win), "6 of 28 "));

  /* A file that no longer loads: the error, and the window keeps its data. */
  g_file_set_contents (path, "<pledge-dataset version=\"1\">", -1, &error);
  g_assert_no_error (error);
  wait_for_toast (win, "The file changed on disk");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reload", NULL);
  wait_for_load (win);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Reload the Dataset");
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==, "Changed again");
  run_for (50);
  gtk_window_destroy (dialog);
  iterate ();

  destroy_window (win);
  remove_temp (tmpdir);
}

/* The grow dialog, the plan and the differences as the user sees them,
 * wide and narrow: PNGs next to the test, to look at. */
static void
test_screenshots (void)
{
  PledgeWindow *win = new_window (BUNDLED "nato-2024.xml", TRUE);
  PledgeGrowDialog *dialog;
  PledgePlanWindow *plan;
  int minimum;

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (win)), "gtk-decoration-layout",
                "appmenu:close", NULL);

  dialog = open_grow_dialog (win);
  resize (GTK_WINDOW (dialog), 560, 680);
  save_screenshot (GTK_WIDGET (dialog), "scenarios-grow.png");
  pledge_grow_dialog_set_members (dialog, (const char *[]) { "DEU", "FRA", NULL });
  resize (GTK_WINDOW (dialog), 360, 680);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  save_screenshot (GTK_WIDGET (dialog), "scenarios-grow-narrow.png");
  pledge_grow_dialog_set_members (dialog, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grow.apply", NULL);
  run_for (100);

  /* The differences, in 2035 and in 2024. */
  resize (GTK_WINDOW (win), 1200, 800);
  save_screenshot (GTK_WIDGET (win), "scenarios-differences.png");
  resize (GTK_WINDOW (win), 360, 720);
  gtk_widget_measure (GTK_WIDGET (win), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  save_screenshot (GTK_WIDGET (win), "scenarios-differences-narrow.png");
  resize (GTK_WINDOW (win), 1200, 800);

  pledge_window_set_target (win, target_index (win, "core-3.5"));
  plan = open_plan (win);
  resize (GTK_WINDOW (plan), 1200, 800);
  save_screenshot (GTK_WIDGET (plan), "scenarios-plan.png");
  resize (GTK_WINDOW (plan), 360, 720);
  gtk_widget_measure (GTK_WIDGET (plan), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  save_screenshot (GTK_WIDGET (plan), "scenarios-plan-narrow.png");

  /* The row's context menu. */
  pledge_member_table_popup_menu (pledge_window_get_member_table (win), "DEU");
  run_for (300);
  save_screenshot (GTK_WIDGET (win), "scenarios-menu.png");
  gtk_popover_popdown (pledge_member_table_get_menu (pledge_window_get_member_table (win)));
  run_for (50);

  destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/scenarios-ui/format/%u", i);

      g_test_add_data_func (path, &format_cases[i], test_format);
    }
  g_test_add_func ("/pledge/scenarios-ui/scenario-menu", test_scenario_menu);
  g_test_add_func ("/pledge/scenarios-ui/differences", test_differences);
  g_test_add_func ("/pledge/scenarios-ui/grow", test_grow);
  g_test_add_func ("/pledge/scenarios-ui/grow-errors", test_grow_errors);
  g_test_add_func ("/pledge/scenarios-ui/reach-target", test_reach_target);
  g_test_add_func ("/pledge/scenarios-ui/plan", test_plan);
  g_test_add_func ("/pledge/scenarios-ui/plan-locale", test_plan_locale);
  g_test_add_func ("/pledge/scenarios-ui/rounded-shares", test_rounded_shares);
  g_test_add_func ("/pledge/scenarios-ui/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/pledge/scenarios-ui/screenshots", test_screenshots);

  return pledge_ui_test_run (home);
}
