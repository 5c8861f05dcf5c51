/* test-table-columns.c: the member table's measures, shown and hidden
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/v2/measures.xml worked by hand: Alpha's 2024 real change is
 * 100 x (94.5 / 90 - 1) = 5.00 and its defence per head 94.5 million /
 * 800,000 people = 118; Beta's published -1.5 rules.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "pledge-member-table.h"
#include "pledge-plan-window.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"

static char *
v2_uri (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "v2", "measures.xml",
                                                 NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

static gboolean
column_visible (PledgeMemberTable  *table,
                PledgeMemberColumn  kind)
{
  return gtk_column_view_column_get_visible (pledge_member_table_get_column (table, kind));
}

static char *
accessible_label (GtkWidget *widget)
{
  /* The cell GtkColumnView made around the child carries the name. */
  GtkWidget *cell = gtk_widget_get_parent (widget);

  g_assert_nonnull (cell);
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "Alpha, Real change, +5.00 %");
}

static void
test_measure_columns (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *uri = v2_uri ();
  PledgeWindow *win;
  PledgeMemberTable *table;
  g_autofree char *text = NULL;
  g_autofree char *wrong = NULL;
  GtkWidget *cell;
  GMenuModel *menu;

  g_settings_reset (settings, "visible-columns");
  win = new_window_sized (uri, FALSE, 1800);
  table = pledge_window_get_member_table (win);
  pledge_window_set_year (win, 2024);
  run_for (100);

  /* By default real change and per head, and of the rest only what the
   * file gives for some member */
  g_assert_true (column_visible (table, PLEDGE_MEMBER_COLUMN_REAL_CHANGE));
  g_assert_true (column_visible (table, PLEDGE_MEMBER_COLUMN_PER_CAPITA));
  g_assert_false (column_visible (table, PLEDGE_MEMBER_COLUMN_CONSTANT));
  g_assert_false (column_visible (table, PLEDGE_MEMBER_COLUMN_PERSONNEL));

  /* Values as worked by hand, at a fixed number of decimals a column */
  text = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_REAL_CHANGE);
  g_assert_cmpstr (text, ==, "+5.00 %");
  g_clear_pointer (&text, g_free);
  text = pledge_member_table_dup_cell_text (table, "BBB", PLEDGE_MEMBER_COLUMN_REAL_CHANGE);
  g_assert_cmpstr (text, ==, "\xe2\x88\x92" "1.50 %");
  g_clear_pointer (&text, g_free);
  text = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_PER_CAPITA);
  g_assert_cmpstr (text, ==, "118");
  g_clear_pointer (&text, g_free);
  text = pledge_member_table_dup_cell_text (table, "USA", PLEDGE_MEMBER_COLUMN_PER_CAPITA);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_CONSTANT);
  g_assert_cmpstr (text, ==, "94.5");
  g_clear_pointer (&text, g_free);

  /* 2023: Alpha's personnel and shares, each to its column's decimals */
  pledge_window_set_year (win, 2023);
  run_for (100);
  text = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_PERSONNEL);
  g_assert_cmpstr (text, ==, "12.3");
  g_clear_pointer (&text, g_free);
  text = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE);
  g_assert_cmpstr (text, ==, "45.50");
  g_clear_pointer (&text, g_free);
  text = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE);
  g_assert_cmpstr (text, ==, "4.25");
  g_clear_pointer (&text, g_free);

  /* The cell tells a screen reader member, column and value */
  pledge_window_set_year (win, 2024);
  run_for (100);
  cell = pledge_member_table_find_cell (table, "AAA", PLEDGE_MEMBER_COLUMN_REAL_CHANGE);
  g_assert_nonnull (cell);
  wrong = accessible_label (cell);
  g_assert_null (wrong);

  /* Every header's menu offers the measures */
  menu = gtk_column_view_column_get_header_menu (
    pledge_member_table_get_column (table, PLEDGE_MEMBER_COLUMN_NAME));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 7);

  /* Hide per head as its menu item does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table-columns.per-head", NULL));
  iterate ();
  g_assert_false (column_visible (table, PLEDGE_MEMBER_COLUMN_PER_CAPITA));
  g_assert_true (column_visible (table, PLEDGE_MEMBER_COLUMN_REAL_CHANGE));
  destroy_window (win);

  /* The next day, it is still hidden */
  win = new_window_sized (uri, FALSE, 1800);
  table = pledge_window_get_member_table (win);
  g_assert_false (column_visible (table, PLEDGE_MEMBER_COLUMN_PER_CAPITA));
  g_assert_true (column_visible (table, PLEDGE_MEMBER_COLUMN_REAL_CHANGE));

  /* Shown again, and a measure the file does not have stays hidden */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table-columns.per-head", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table-columns.personnel", NULL));
  iterate ();
  g_assert_true (column_visible (table, PLEDGE_MEMBER_COLUMN_PER_CAPITA));
  g_assert_true (column_visible (table, PLEDGE_MEMBER_COLUMN_PERSONNEL));
  destroy_window (win);

  g_settings_reset (settings, "visible-columns");
}

/* A version 1 file has none of the measures: no empty columns. */
static void
test_v1_no_measures (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "keyboard.xml",
                                                 NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PledgeWindow *win;
  PledgeMemberTable *table;

  win = new_window_sized (uri, FALSE, 1200);
  table = pledge_window_get_member_table (win);
  for (PledgeMemberColumn c = PLEDGE_MEMBER_COLUMN_CONSTANT; c < PLEDGE_MEMBER_COLUMN_TARGET; c++)
    g_assert_false (column_visible (table, c));
  destroy_window (win);
}

/* A scenario that projects only Alpha into 2025 has no alliance total
 * there: the table says why "% of alliance" is empty. */
static void
test_alliance_note (void)
{
  g_autofree char *uri = v2_uri ();
  PledgeWindow *win = new_window_sized (uri, FALSE, 1200);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  g_autofree char *share = NULL;

  pledge_window_set_year (win, 2024);
  run_for (50);
  g_assert_null (pledge_member_table_get_alliance_note (table));
  share = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_ALLIANCE);
  g_assert_cmpstr (share, !=, "");
  g_clear_pointer (&share, g_free);

  pledge_window_set_scenario (win, 0);
  pledge_window_set_year (win, 2025);
  run_for (50);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2025);
  share = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_ALLIANCE);
  g_assert_cmpstr (share, ==, "");
  g_assert_cmpstr (pledge_member_table_get_alliance_note (table), ==,
                   "No alliance total in 2025: 1 of 4 members have figures");

  /* Back in a year every member has figures, no note */
  pledge_window_set_year (win, 2024);
  run_for (50);
  g_assert_null (pledge_member_table_get_alliance_note (table));
  destroy_window (win);
}

/* Digits after the decimal point ("." in the tests' C.UTF-8 locale). */
static int
n_decimals (const char *text)
{
  const char *point = strchr (text, '.');

  return point != NULL ? (int) strlen (point + 1) : 0;
}

/* Every non-empty cell of a column has as many decimals as the first. */
static void
assert_same_decimals (char **texts,
                      int    expected)
{
  for (guint i = 0; texts[i] != NULL; i++)
    if (*texts[i] != '\0')
      {
        g_test_message ("%s", texts[i]);
        g_assert_cmpint (n_decimals (texts[i]), ==, expected);
      }
}

/* Money below 100 once showed two decimals in a column of whole numbers;
 * a column now shows the decimals its largest magnitude needs. */
static void
test_decimals (void)
{
  static const char *codes[] = { "AAA", "BBB", "CCC", "USA" };
  g_autofree char *uri = v2_uri ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "plan-decimals.xml",
                                                 NULL);
  g_autofree char *plan_uri = g_filename_to_uri (path, NULL, NULL);
  PledgeWindow *win = new_window_sized (uri, FALSE, 1200);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  PledgePlanWindow *plan;
  g_auto(GStrv) texts = g_new0 (char *, G_N_ELEMENTS (codes) + 1);
  g_autofree char *delta = NULL;

  /* 2024: defence 110, 21, 10 and 700 */
  pledge_window_set_year (win, 2024);
  run_for (50);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    texts[i] = pledge_member_table_dup_cell_text (table, codes[i], PLEDGE_MEMBER_COLUMN_DEFENCE);
  g_assert_cmpstr (texts[1], ==, "21");
  assert_same_decimals (texts, 0);

  /* The scenario's change shows to the precision of defence: 121 - 110 */
  pledge_window_set_scenario (win, 0);
  run_for (50);
  delta = pledge_member_table_dup_cell_text (table, "AAA", PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE);
  g_assert_cmpstr (delta, ==, "+11");
  destroy_window (win);

  /* The plan: gaps of 100 and 0.5 to 3% of GDP in 2024 */
  win = new_window_sized (plan_uri, FALSE, 1200);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-plan", NULL);
  plan = PLEDGE_PLAN_WINDOW (pledge_window_get_plan_window (win));
  g_assert_nonnull (plan);
  run_for (200);
  for (PledgePlanColumn c = PLEDGE_PLAN_COLUMN_GAP; c <= PLEDGE_PLAN_COLUMN_CUMULATIVE; c++)
    {
      for (guint i = 0; i < 3; i++)
        {
          g_free (texts[i]);
          texts[i] = pledge_plan_window_dup_cell_text (plan, codes[i], c);
          g_assert_nonnull (texts[i]);
        }
      g_free (texts[3]);
      texts[3] = NULL;
      assert_same_decimals (texts, n_decimals (texts[0]));
    }
  destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);

  g_test_add_func ("/pledge/table-columns/measures", test_measure_columns);
  g_test_add_func ("/pledge/table-columns/v1", test_v1_no_measures);
  g_test_add_func ("/pledge/table-columns/alliance-note", test_alliance_note);
  g_test_add_func ("/pledge/table-columns/decimals", test_decimals);

  return pledge_ui_test_run (home);
}
