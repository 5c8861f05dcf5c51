/* test-import-window.c: the window opens other publishers' files
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workbook dropped on the window, and a CSV given as the command line
 * gives it, open as a new unsaved dataset named after the file, with a
 * toast saying what was imported and left out.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pledge-ui-test-util.h"
#include "pledge-window.h"

static GFile *
test_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);

  return g_file_new_for_path (path);
}

/* Unsaved ("• " before the title), no file of its own, and a toast */
static void
assert_imported (PledgeWindow *win,
                 const char   *title)
{
  g_assert_null (pledge_window_get_file (win));
  g_assert_nonnull (pledge_window_get_dataset (win));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (win)), "• "));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), title));
  g_assert_true (g_str_has_prefix (pledge_window_get_last_toast (win), "Imported "));
  g_assert_nonnull (strstr (pledge_window_get_last_toast (win), "Left out 1 other country"));
}

static void
test_drop_workbook (void)
{
  g_autoptr(GFile) file = test_file ("import", "sipri-mini.xlsx");
  PledgeWindow *win = new_window_sized (BUNDLED "nato.xml", TRUE, 1100);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (win));
  GtkDropTarget *drop = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GtkWidget *item;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  wait_for_load (win);
  g_assert_true (accepted);
  assert_imported (win, "(SIPRI)");

  /* Open Recent lists it, to import it again */
  item = wait_for_menu_item (GTK_WIDGET (win), "sipri-mini.xlsx");
  g_assert_nonnull (item);

  destroy_window (win);
}

static void
test_open_csv (void)
{
  g_autoptr(GFile) file = test_file ("bad-import", "no-members.csv");
  g_autoptr(GFile) good = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pledge-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spending.csv", NULL);
  g_autofree char *uri = NULL;
  PledgeWindow *win;

  g_assert_true (g_file_set_contents (path, "member;year;defence-gdp\nDEU;2016;1,2\nCHE;2016;0,7\n",
                                      -1, NULL));
  good = g_file_new_for_path (path);
  /* pledge FILE: the command line opens the file as Open does */
  uri = g_file_get_uri (good);
  win = new_window_sized (uri, FALSE, 1100);
  assert_imported (win, "Imported from spending.csv");
  g_assert_cmpint (pledge_window_get_year (win), ==, 2016);

  /* a file that cannot be imported leaves the window as it was, and is
   * no recent file */
  pledge_window_load (win, file, FALSE);
  wait_for_load (win);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "spending.csv"));
  g_assert_nonnull (wait_for_menu_item (GTK_WIDGET (win), "spending.csv"));
  g_assert_null (find_menu_item (GTK_WIDGET (win), "no-members.csv"));

  destroy_window (win);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);
  g_test_add_func ("/pledge/import-window/drop-workbook", test_drop_workbook);
  g_test_add_func ("/pledge/import-window/open-csv", test_open_csv);
  return pledge_ui_test_run (home);
}
