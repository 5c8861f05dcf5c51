/* test-a11y.c: what assistive technology is told of the window
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the widgets of the window and of its dialogs as GTK exposes them
 * as accessible objects, and finds every interactive one with a name of
 * its own: without a label or a labelled-by relation, GTK 4.8 names it
 * after its class ("GtkToggleButton"), which is what a screen reader then
 * says. No AT-SPI bus is needed: the properties are GTK's own.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pledge-chart-view.h"
#include "pledge-figure-cell.h"
#include "pledge-member-table.h"
#include "pledge-plan-window.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"

static char *
test_file_uri (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

static gboolean
is_interactive (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SCROLLBAR:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_CELL:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TAB_LIST:
    case GTK_ACCESSIBLE_ROLE_LIST:
    case GTK_ACCESSIBLE_ROLE_GRID:
    case GTK_ACCESSIBLE_ROLE_TREE_GRID:
    case GTK_ACCESSIBLE_ROLE_IMG:
      return TRUE;
    default:
      /* A widget that takes the keyboard focus is one to name, whatever
       * its role (the editable cells are groups) */
      return gtk_widget_get_focusable (widget) &&
             gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) !=
               GTK_ACCESSIBLE_ROLE_LABEL;
    }
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Appends to unnamed a line for each interactive widget under widget with
 * no name of its own. */
static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_checked)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!gtk_widget_get_visible (widget))
    return;

  /* GTK 4.8 names no scrolled window after its class (AT-SPI's "scroll
   * pane" with no name); its scroll bars are checked */
  if (is_interactive (widget) && !GTK_IS_SCROLLED_WINDOW (widget))
    {
      (*n_checked)++;
      if (!has_name (widget))
        {
          g_string_append_printf (unnamed, "%s in %s in %s\n", G_OBJECT_TYPE_NAME (widget),
                                  parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                                  parent != NULL && gtk_widget_get_parent (parent) != NULL
                                    ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (parent)) : "-");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_checked);
}

static void
assert_all_named (GtkWidget *root,
                  guint      min_checked)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_checked = 0;

  collect_unnamed (root, unnamed, &n_checked);
  g_test_message ("%s: %u interactive elements", G_OBJECT_TYPE_NAME (root), n_checked);
  g_assert_cmpstr (unnamed->str, ==, "");
  g_assert_cmpuint (n_checked, >=, min_checked);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (widget);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  if (mismatch != NULL)
    g_error ("%s is labelled %s, not “%s”", G_OBJECT_TYPE_NAME (widget), mismatch, expected);
}

/* The window: header bar, dropdowns, switcher, table rows and cells. */
static void
test_window_names (void)
{
  g_autofree char *uri = test_file_uri ("keyboard.xml");
  PledgeWindow *win = new_window_sized (uri, FALSE, 1200);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  GtkWidget *share = pledge_member_table_find_cell (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE);
  GtkWidget *estimate = pledge_member_table_find_cell (table, "FRA", PLEDGE_MEMBER_COLUMN_SHARE);
  GtkWidget *meets = pledge_member_table_find_cell (table, "POL", PLEDGE_MEMBER_COLUMN_TARGET);
  g_autofree char *mismatch = NULL;

  assert_all_named (GTK_WIDGET (win), 40);

  /* Member, column, value and status; the cell GTK made around it and
   * its row are named too. */
  g_assert_true (PLEDGE_IS_FIGURE_CELL (share));
  assert_label (share, "Germany, % of GDP, 1.20, reported");
  assert_label (gtk_widget_get_parent (share), "Germany, % of GDP, 1.20, reported");
  assert_label (estimate, "France, % of GDP, 2.10, estimate");
  assert_label (gtk_widget_get_parent (meets), "Poland, 2% of GDP, Yes");
  assert_label (gtk_widget_get_parent (gtk_widget_get_parent (share)),
                "Germany, reported, does not meet the selected target");
  /* The chart: one named element per member, over its bar */
  {
    GtkWidget *view = pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE);
    guint n = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (view);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        g_assert_true (has_name (child));
        n++;
      }
    g_assert_cmpuint (n, ==, 4);
    assert_label (gtk_widget_get_first_child (view), "Poland, 4.00% of GDP, meets 2% of GDP");
    assert_label (gtk_widget_get_last_child (view), "Germany, 1.20% of GDP, below 2% of GDP");
    g_assert_true (gtk_widget_get_focusable (view));
  }

  /* How to edit it, by keyboard */
  mismatch = gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (share), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Type a number, or press Enter or F2, to change this figure in a scenario");
  g_assert_null (mismatch);

  destroy_window (win);
}

/* Grow Spending, Export, Dataset Information and the plan. */
static void
test_dialog_names (void)
{
  g_autofree char *uri = test_file_uri ("keyboard.xml");
  PledgeWindow *win = new_window_sized (uri, FALSE, 1200);
  GtkWindow *dialog;
  GtkWidget *reach;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.grow", NULL);
  run_for (100);
  dialog = pledge_window_get_grow_dialog (win);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog), 5);
  gtk_window_close (dialog);
  run_for (50);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
  run_for (100);
  dialog = pledge_window_get_export_dialog (win);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog), 3);
  gtk_window_close (dialog);
  run_for (50);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.info", NULL);
  run_for (100);
  dialog = find_transient (GTK_WINDOW (win), ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog), 1);
  gtk_window_close (dialog);
  run_for (50);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-plan", NULL);
  dialog = pledge_window_get_plan_window (win);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, 1200, 900);
  run_for (200);
  assert_all_named (GTK_WIDGET (dialog), 10);
  /* "Reach" says whose target */
  reach = pledge_plan_window_find_reach_button (PLEDGE_PLAN_WINDOW (dialog), "DEU");
  g_assert_nonnull (reach);
  assert_label (reach, "Reach 2% of GDP for Germany");
  gtk_window_close (dialog);
  run_for (50);

  destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);

  g_test_add_func ("/pledge/a11y/window-names", test_window_names);
  g_test_add_func ("/pledge/a11y/dialog-names", test_dialog_names);

  return pledge_ui_test_run (home);
}
