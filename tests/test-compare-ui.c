/* test-compare-ui.c: Compare With in the window, and the map's page
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With PLEDGE_SCREENSHOT_DIR set, each test also saves the window as a PNG
 * there, to look at.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pledge-chart-view.h"
#include "pledge-export-dialog.h"
#include "pledge-ui-test-util.h"

static gboolean
is_view_stack (GtkWidget    *widget,
               gconstpointer data)
{
  return ADW_IS_VIEW_STACK (widget);
}

static void
screenshot (PledgeWindow *win,
            const char   *name)
{
  const char *dir = g_getenv ("PLEDGE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (win));
  int height = gtk_widget_get_height (GTK_WIDGET (win));

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (win));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (win)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* A bundled edition from the menu: the revisions page shows, for the year shown */
static void
test_compare_bundled (void)
{
  PledgeWindow *win = new_window_sized (BUNDLED "nato.xml", TRUE, 1200);
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (win), is_view_stack, NULL));
  PledgeChartView *view;
  const PledgeChartInput *input;

  /* The default (July 2026 edition) opens on 2026, a year the August 2025
   * edition has no figures for: compare 2024, which both revise. */
  pledge_window_set_year (win, 2024);
  run_for (50);
  g_assert_nonnull (stack);
  view = PLEDGE_CHART_VIEW (adw_view_stack_get_child_by_name (stack, "revisions"));
  g_assert_nonnull (view);
  g_assert_null (pledge_chart_view_get_input (view)->compare);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.compare-with", "s",
                                             "nato-2025.xml"));
  run_for (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "revisions");
  input = pledge_chart_view_get_input (view);
  g_assert_nonnull (input->compare);
  g_assert_cmpstr (input->compare->old_name, !=, input->compare->new_name);
  g_assert_cmpint (input->compare->first, ==, input->year);
  g_assert_cmpuint (input->compare->n_revisions, >, 0);
  screenshot (win, "revisions-window.png");

  /* Under a scenario the editions are still compared as published */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL));
  run_for (100);
  {
    PledgeChartView *compliance =
      PLEDGE_CHART_VIEW (adw_view_stack_get_child_by_name (stack, "compliance"));

    g_assert_nonnull (pledge_chart_view_get_input (compliance)->scenario_name);
    input = pledge_chart_view_get_input (view);
    g_assert_null (input->scenario_name);
    g_assert_nonnull (input->compare);
  }

  /* Another year: the comparison follows */
  {
    GtkDropDown *years = find_dropdown (GTK_WIDGET (win), "Year");
    GListModel *model = gtk_drop_down_get_model (years);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (strcmp (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "2016") == 0)
        gtk_drop_down_set_selected (years, i);
    run_for (100);
    input = pledge_chart_view_get_input (view);
    g_assert_cmpint (input->year, ==, 2016);
    g_assert_nonnull (input->compare);
    g_assert_cmpint (input->compare->first, ==, 2016);
  }

  destroy_window (win);
}

/* A file that is no dataset: an error, and the page stays as it was */
static void
test_compare_error (void)
{
  PledgeWindow *win = new_window_sized (BUNDLED "nato.xml", TRUE, 1200);
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (win), is_view_stack, NULL));
  PledgeChartView *view = PLEDGE_CHART_VIEW (adw_view_stack_get_child_by_name (stack,
                                                                                "revisions"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.compare-with", "s",
                                             "no-such-edition.xml"));
  run_for (100);
  g_assert_nonnull (pledge_window_get_dialog (win));
  g_assert_null (pledge_chart_view_get_input (view)->compare);
  destroy_window (win);
}

/* The map is a page like the others */
static void
test_map_page (void)
{
  PledgeWindow *win = new_window_sized (BUNDLED "nato.xml", TRUE, 1200);
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (win), is_view_stack, NULL));

  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "map"));
  adw_view_stack_set_visible_child_name (stack, "map");
  run_for (200);
  screenshot (win, "map-window.png");
  destroy_window (win);
}

/* The export dialog draws the revisions shown, as the command line does */
static void
test_compare_export (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "window.png", NULL);
  g_autofree char *cli_path = g_build_filename (tmpdir, "cli.png", NULL);
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", cli_path);
  g_autofree char *data = g_build_filename (g_getenv ("PLEDGE_DATA_DIR"), "datasets", "nato.xml",
                                            NULL);
  g_autofree char *other = g_build_filename (g_getenv ("PLEDGE_DATA_DIR"), "datasets",
                                             "nato-2025.xml", NULL);
  g_autofree char *compare_arg = g_strdup_printf ("--compare=%s", other);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cli_file = g_file_new_for_path (cli_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) cli_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size_arg = NULL;
  PledgeWindow *win = new_window_sized (BUNDLED "nato.xml", TRUE, 1200);
  PledgeExportDialog *dialog;
  int status = -1;
  int width, height;

  pledge_window_set_year (win, 2016);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.compare-with", "s", "nato-2025.xml");
  run_for (100);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
  dialog = PLEDGE_EXPORT_DIALOG (pledge_window_get_export_dialog (win));
  g_assert_nonnull (dialog);
  run_for (100);
  g_assert_cmpint (pledge_export_dialog_get_kind (dialog), ==, PLEDGE_CHART_REVISIONS);
  pledge_export_dialog_set_format (dialog, PLEDGE_EXPORT_PNG);
  g_assert_true (pledge_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.pledgeapp.Pledge");

    width = g_settings_get_int (settings, "export-width");
    height = g_settings_get_int (settings, "export-height");
  }
  size_arg = g_strdup_printf ("--size=%dx%d", width, height);
  {
    const char *argv[] = { g_getenv ("PLEDGE_BINARY"), export_arg, "--year=2016",
                           "--chart=revisions", compare_arg, size_arg, data, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  cli_bytes = g_file_load_bytes (cli_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, cli_bytes));

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_unlink (path);
  g_unlink (cli_path);
  g_rmdir (tmpdir);
  destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = pledge_ui_test_init (&argc, &argv);

  g_test_add_func ("/pledge/compare-ui/bundled", test_compare_bundled);
  g_test_add_func ("/pledge/compare-ui/error", test_compare_error);
  g_test_add_func ("/pledge/compare-ui/map-page", test_map_page);
  g_test_add_func ("/pledge/compare-ui/export", test_compare_export);

  return pledge_ui_test_run (home);
}
