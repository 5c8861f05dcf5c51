/* test-compare-ui.c: Compare With in the window, and the map's page
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With PLEDGE_SCREENSHOT_DIR set, each test also saves the window as a PNG
 * there, to look at.
 */

#include "config.h"

#include <string.h>

#include "pledge-chart-view.h"
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = pledge_ui_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/pledge/compare-ui/bundled", test_compare_bundled);
  g_test_add_func ("/pledge/compare-ui/error", test_compare_error);
  g_test_add_func ("/pledge/compare-ui/map-page", test_map_page);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_temp (home);
  return status;
}
