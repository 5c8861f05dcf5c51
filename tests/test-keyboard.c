/* test-keyboard.c: the window and its dialogs driven by the keyboard
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are pressed as a user does: xdotool sends them through the X
 * server's XTEST extension to the focused window, so they go through
 * GTK's whole event path (shortcut controllers, application
 * accelerators, focus). The tests skip without xdotool or an X display.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-focus.h"
#include "pledge-chart-view.h"
#include "pledge-export-dialog.h"
#include "pledge-figure-cell.h"
#include "pledge-member-table.h"
#include "pledge-plan-window.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"

/* Presses keys and waits 150 ms for what they do */
static void
press (GtkWindow  *window,
       const char *keys)
{
  press_keys (window, keys, 150);
}

static char *
test_file_uri (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

/* Moves the pointer to (x, y) of widget in window, then does what (e.g.
 * "mousedown 1"), through the X server. */
static void
pointer_at (GtkWindow  *window,
            GtkWidget  *widget,
            double      x,
            double      y,
            const char *what)
{
  graphene_point_t point;
  double sx, sy;
  g_autofree char *args = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  args = g_strdup_printf ("mousemove --window WID %d %d%s%s", (int) floor (point.x + sx),
                          (int) floor (point.y + sy), what != NULL ? " " : "",
                          what != NULL ? what : "");
  xdotool (window, args);
  run_for (80);
}

static PledgeWindow *
open_keyboard_window (void)
{
  g_autofree char *uri = test_file_uri ("keyboard.xml");

  return new_window_sized (uri, FALSE, 1200);
}

typedef struct
{
  const char *action;   /* the window action that opens it */
  const char *keys;     /* what closes it */
} CloseCase;

static const CloseCase close_cases[] = {
  { "win.info", "Escape" },
  { "win.info", "ctrl+w" },
  { "win.grow", "Escape" },
  { "win.grow", "ctrl+w" },
  { "win.export", "Escape" },
  { "win.export", "ctrl+w" },
  { "win.show-plan", "Escape" },
  { "win.show-plan", "ctrl+w" },
};

/* Escape and Ctrl+W close Dataset Information, Grow, Export and the plan. */
static void
test_close (gconstpointer data)
{
  const CloseCase *c = data;
  PledgeWindow *win;
  GtkWindow *dialog = NULL;

  if (!can_press_keys ())
    return;

  win = open_keyboard_window ();
  gtk_widget_activate_action (GTK_WIDGET (win), c->action, NULL);
  run_for (200);
  if (strcmp (c->action, "win.grow") == 0)
    dialog = pledge_window_get_grow_dialog (win);
  else if (strcmp (c->action, "win.export") == 0)
    dialog = pledge_window_get_export_dialog (win);
  else if (strcmp (c->action, "win.show-plan") == 0)
    dialog = pledge_window_get_plan_window (win);
  else
    dialog = find_transient (GTK_WINDOW (win), ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  press (dialog, c->keys);
  for (guint i = 0; i < 20 && dialog != NULL; i++)
    run_for (20);
  g_assert_null (dialog);
  /* The main window stays */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (win)));

  destroy_window (win);
}

static guint
n_edits (PledgeWindow *win)
{
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  guint n = 0;

  for (guint i = 0; i < pledge_dataset_get_n_scenarios (dataset); i++)
    n += pledge_dataset_get_scenario (dataset, i)->edits->len;
  return n;
}

static gboolean
is_plan_undo_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_wrapped_toast_title (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL &&
         gtk_widget_has_css_class (widget, "heading");
}

/* The plan's Ctrl+Z and Ctrl+Shift+Z act on the document's undo stack;
 * its toast after Reach offers Undo and shows its whole title. */
static void
test_plan_undo (void)
{
  PledgeWindow *win;
  GtkWindow *plan;
  GtkWidget *button, *title;

  if (!can_press_keys ())
    return;

  win = open_keyboard_window ();
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-plan", NULL);
  plan = pledge_window_get_plan_window (win);
  g_assert_nonnull (plan);
  run_for (200);

  /* Reach: one edit, and a toast over the plan that offers Undo */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.reach-target", "s", "DEU");
  run_for (300);
  g_assert_cmpuint (n_edits (win), ==, 1);
  button = find_widget (GTK_WIDGET (plan), is_plan_undo_button, "plan.undo");
  g_assert_nonnull (button);
  /* Never cut: the title wraps instead of ending in an ellipsis */
  title = find_widget (GTK_WIDGET (plan), is_wrapped_toast_title, "Germany");
  g_assert_nonnull (title);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title)), ==, PANGO_ELLIPSIZE_NONE);

  press (plan, "ctrl+z");
  g_assert_cmpuint (n_edits (win), ==, 0);
  g_assert_cmpstr (pledge_plan_window_get_last_toast (PLEDGE_PLAN_WINDOW (plan)), ==,
                   "Edit undone");
  press (plan, "ctrl+shift+z");
  g_assert_cmpuint (n_edits (win), ==, 1);
  g_assert_cmpstr (pledge_plan_window_get_last_toast (PLEDGE_PLAN_WINDOW (plan)), ==,
                   "Edit redone");

  /* The toast's Undo button does the same */
  gtk_widget_activate_action (GTK_WIDGET (plan), "plan.undo", NULL);
  run_for (100);
  g_assert_cmpuint (n_edits (win), ==, 0);

  gtk_window_destroy (plan);
  destroy_window (win);
}

static GtkWidget *
focus_of (PledgeWindow *win)
{
  return gtk_root_get_focus (GTK_ROOT (win));
}

static GtkWidget *
cell_of (PledgeWindow       *win,
         const char         *code,
         PledgeMemberColumn  column)
{
  GtkWidget *cell = pledge_member_table_find_cell (pledge_window_get_member_table (win), code,
                                                   column);

  g_assert_nonnull (cell);
  return cell;
}

static char *
cell_text (PledgeWindow       *win,
           const char         *code,
           PledgeMemberColumn  column)
{
  return pledge_member_table_dup_cell_text (pledge_window_get_member_table (win), code, column);
}

/* The table as a grid: arrows move by figure and keep the column, a
 * typed number starts editing, Enter keeps it and moves down, Escape
 * cancels, F2 edits, Tab leaves at once and comes back, Page Up and Page
 * Down change the year from inside it. */
static void
test_table_grid (void)
{
  PledgeWindow *win;
  PledgeMemberTable *table;
  GtkWidget *cell;
  g_autofree char *text = NULL;

  if (!can_press_keys ())
    return;

  win = open_keyboard_window ();
  table = pledge_window_get_member_table (win);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);
  g_assert_true (gtk_widget_grab_focus (cell_of (win, "DEU", PLEDGE_MEMBER_COLUMN_SHARE)));

  /* Down keeps the column; Left and Right move along the row */
  press (GTK_WINDOW (win), "Down");
  g_assert_true (focus_of (win) == cell_of (win, "FRA", PLEDGE_MEMBER_COLUMN_SHARE));
  press (GTK_WINDOW (win), "Left");
  g_assert_true (focus_of (win) == cell_of (win, "FRA", PLEDGE_MEMBER_COLUMN_GDP));
  press (GTK_WINDOW (win), "Right Right");
  g_assert_true (focus_of (win) == cell_of (win, "FRA", PLEDGE_MEMBER_COLUMN_EQUIPMENT));
  press (GTK_WINDOW (win), "Left Up Down");
  g_assert_true (focus_of (win) == cell_of (win, "FRA", PLEDGE_MEMBER_COLUMN_SHARE));

  /* A digit starts editing with itself; Enter keeps it and moves down */
  press (GTK_WINDOW (win), "2 period 5 Return");
  text = cell_text (win, "FRA", PLEDGE_MEMBER_COLUMN_SHARE);
  g_assert_cmpstr (text, ==, "2.50");
  g_clear_pointer (&text, g_free);
  cell = cell_of (win, "ITA", PLEDGE_MEMBER_COLUMN_SHARE);
  g_assert_true (focus_of (win) == cell);
  g_assert_false (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));

  /* Escape cancels */
  press (GTK_WINDOW (win), "3");
  g_assert_true (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));
  press (GTK_WINDOW (win), "Escape");
  g_assert_false (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));
  text = cell_text (win, "ITA", PLEDGE_MEMBER_COLUMN_SHARE);
  g_assert_cmpstr (text, ==, "1.50");
  g_clear_pointer (&text, g_free);
  g_assert_true (focus_of (win) == cell);

  /* F2 edits, the figure selected */
  press (GTK_WINDOW (win), "F2");
  g_assert_true (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));
  press (GTK_WINDOW (win), "Escape");

  /* One Tab leaves the table; Shift+Tab comes back to the same cell */
  press (GTK_WINDOW (win), "Tab");
  g_assert_false (gtk_widget_is_ancestor (focus_of (win), GTK_WIDGET (table)));
  press (GTK_WINDOW (win), "shift+Tab");
  g_assert_true (focus_of (win) == cell_of (win, "ITA", PLEDGE_MEMBER_COLUMN_SHARE));

  /* Page Up and Page Down change the year, from inside the table too */
  press (GTK_WINDOW (win), "Page_Up");
  g_assert_cmpint (pledge_window_get_year (win), ==, 2023);
  press (GTK_WINDOW (win), "Page_Down");
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);

  destroy_window (win);
}

static guint
n_meeting (PledgeWindow *win)
{
  return pledge_chart_view_get_input (PLEDGE_CHART_VIEW (
    pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE)))->n_meeting;
}

static double
share_of (PledgeWindow *win,
          const char   *code)
{
  const PledgeChartInput *input = pledge_chart_view_get_input (PLEDGE_CHART_VIEW (
    pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE)));

  for (guint i = 0; i < input->n_members; i++)
    if (g_strcmp0 (input->members[i].code, code) == 0)
      return input->members[i].defence_gdp;
  g_assert_not_reached ();
}

/* How long a test waits for an event sent through the X server to have
 * its effect: far longer than it takes, so that only a fault fails */
#define EVENT_WAIT_MS 10000

typedef struct
{
  PledgeWindow *win;
  guint         n;
} MeetingWait;

static gboolean
meeting_is (gpointer data)
{
  MeetingWait *wait = data;

  return n_meeting (wait->win) == wait->n;
}

/* That n members meet the target, once the events sent have arrived */
static void
assert_meeting_soon (PledgeWindow *win,
                     guint         n)
{
  MeetingWait wait = { win, n };

  wait_until (meeting_is, &wait, EVENT_WAIT_MS);
  g_assert_cmpuint (n_meeting (win), ==, n);
}

static gboolean
can_undo (gpointer undo)
{
  return pledge_undo_stack_get_can_undo (undo);
}

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static int
member_of (PledgeWindow *win,
           const char   *code)
{
  PledgeDataset *dataset = pledge_window_get_dataset (win);

  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    if (g_strcmp0 (pledge_dataset_get_member (dataset, i)->code, code) == 0)
      return (int) i;
  g_assert_not_reached ();
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *mismatch =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        expected);

  if (mismatch != NULL)
    g_error ("labelled %s, not “%s”", mismatch, expected);
}

/* The chart by keyboard: the arrows move between bars and the view's name
 * follows; + and Shift+Up change the share of the bar; Enter edits its
 * figure in the table. */
static void
test_chart_keys (void)
{
  PledgeWindow *win;
  GtkWidget *view, *cell;

  if (!can_press_keys ())
    return;

  win = open_keyboard_window ();
  view = pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE);
  g_assert_true (gtk_widget_get_focusable (view));
  g_assert_true (gtk_widget_grab_focus (view));
  press (GTK_WINDOW (win), "Home");

  /* Tallest first: Poland, France, Italy, Germany */
  assert_accessible_label (view, "Poland, 4.00% of GDP, meets 2% of GDP");
  press (GTK_WINDOW (win), "Right");
  assert_accessible_label (view, "France, 2.10% of GDP, meets 2% of GDP");
  press (GTK_WINDOW (win), "End");
  assert_accessible_label (view, "Germany, 1.20% of GDP, below 2% of GDP");
  press (GTK_WINDOW (win), "Left Right");
  assert_accessible_label (view, "Germany, 1.20% of GDP, below 2% of GDP");

  /* + by 0.01, Shift+Up by 0.1, - back by 0.01 */
  press (GTK_WINDOW (win), "plus");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.21, 1e-9);
  press (GTK_WINDOW (win), "shift+Up");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.31, 1e-9);
  press (GTK_WINDOW (win), "minus");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.30, 1e-9);
  /* Still Germany's bar */
  assert_accessible_label (view, "Germany, 1.30% of GDP, below 2% of GDP");

  /* Enter: the same edit as the table */
  press (GTK_WINDOW (win), "Return");
  cell = pledge_member_table_find_cell (pledge_window_get_member_table (win), "DEU",
                                        PLEDGE_MEMBER_COLUMN_SHARE);
  g_assert_true (pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell)));
  press (GTK_WINDOW (win), "2 Return");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 2.0, 1e-9);
  g_assert_cmpuint (n_meeting (win), ==, 3);

  destroy_window (win);
}

/* Where Germany's bar or point is in view's chart of kind now (the chart
 * may have laid itself out again since), and the pixel row of 2.00 on its
 * axis, rounded up the bar so that a drag there snaps to 2.00 or just over */
static double
locate_germany (PledgeWindow       *win,
                GtkWidget          *view,
                PledgeChartKind     kind,
                PledgeChartElement *element)
{
  g_assert_true (pledge_chart_focus_element (kind, gtk_widget_get_width (view),
                                             gtk_widget_get_height (view),
                                             pledge_chart_view_get_style (PLEDGE_CHART_VIEW (view)),
                                             pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view)),
                                             member_of (win, "DEU"), element));
  return floor (element->axis_from + (2.0 - element->axis_min) /
                                       (element->axis_max - element->axis_min) *
                                       (element->axis_to - element->axis_from));
}

/* Dragging Germany's bar from 1.2% to 2%: the count goes up by one while
 * dragging, and the drag is one step of undo. Escape cancels another. */
static void
test_chart_drag (void)
{
  PledgeWindow *win;
  GtkWidget *view;
  PledgeChartElement bar;
  PledgeUndoStack *undo;
  double y_two;

  if (!can_press_keys ())
    return;

  win = open_keyboard_window ();
  undo = pledge_window_get_undo_stack (win);
  view = pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE);
  g_assert_cmpuint (n_meeting (win), ==, 2);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));
  y_two = locate_germany (win, view, PLEDGE_CHART_COMPLIANCE, &bar);
  g_assert_true (bar.draggable);

  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, bar.y + 2, "mousedown 1");
  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, (bar.y + y_two) / 2, NULL);
  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, y_two, NULL);
  /* Live, before the button is let go */
  assert_meeting_soon (win, 3);
  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, y_two, "mouseup 1");
  g_assert_true (wait_until (can_undo, undo, EVENT_WAIT_MS));
  g_assert_cmpfloat (share_of (win, "DEU"), >=, 2.0);
  g_assert_cmpfloat (share_of (win, "DEU"), <=, 2.05);
  g_assert_cmpuint (n_meeting (win), ==, 3);

  /* One step of undo takes it all back */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  run_for (100);
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.2, 1e-9);
  g_assert_cmpuint (n_meeting (win), ==, 2);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));

  /* Escape during a drag puts the figure back. The chart may have laid
   * itself out again (a legend for the scenario): the bar where it is now */
  y_two = locate_germany (win, view, PLEDGE_CHART_COMPLIANCE, &bar);
  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, bar.y + 2, "mousedown 1");
  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, y_two, NULL);
  assert_meeting_soon (win, 3);
  xdotool (GTK_WINDOW (win), "key Escape");
  assert_meeting_soon (win, 2);
  pointer_at (GTK_WINDOW (win), view, bar.x + bar.width / 2, y_two, "mouseup 1");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.2, 1e-9);
  g_assert_cmpuint (n_meeting (win), ==, 2);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));

  destroy_window (win);
}

/* The trend's point for the year: dragged like a bar (one step of undo,
 * Escape cancels) and nudged with + and - when focused */
static void
test_trend_drag (void)
{
  PledgeWindow *win;
  GtkWidget *view;
  PledgeChartElement point;
  PledgeUndoStack *undo;
  double x, y_two;

  if (!can_press_keys ())
    return;

  win = open_keyboard_window ();
  undo = pledge_window_get_undo_stack (win);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-chart", "s", "trend");
  view = pledge_window_get_chart_view (win, PLEDGE_CHART_TREND);
  g_assert_true (wait_until (is_shown, view, EVENT_WAIT_MS));
  run_for (100);
  g_assert_true (gtk_widget_get_mapped (view));
  y_two = locate_germany (win, view, PLEDGE_CHART_TREND, &point);
  g_assert_true (point.draggable);
  x = point.x + point.width / 2;

  /* Germany's point up to 2% */
  g_assert_cmpuint (n_meeting (win), ==, 2);
  pointer_at (GTK_WINDOW (win), view, x, point.y + point.height / 2, "mousedown 1");
  pointer_at (GTK_WINDOW (win), view, x, (point.y + y_two) / 2, NULL);
  pointer_at (GTK_WINDOW (win), view, x, y_two, NULL);
  /* Live, before the button is let go */
  assert_meeting_soon (win, 3);
  pointer_at (GTK_WINDOW (win), view, x, y_two, "mouseup 1");
  g_assert_true (wait_until (can_undo, undo, EVENT_WAIT_MS));
  g_assert_cmpfloat (share_of (win, "DEU"), >=, 2.0);
  g_assert_cmpfloat (share_of (win, "DEU"), <=, 2.05);

  /* One step of undo */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  run_for (100);
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.2, 1e-9);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));

  /* Escape cancels */
  y_two = locate_germany (win, view, PLEDGE_CHART_TREND, &point);
  x = point.x + point.width / 2;
  pointer_at (GTK_WINDOW (win), view, x, point.y + point.height / 2, "mousedown 1");
  pointer_at (GTK_WINDOW (win), view, x, y_two, NULL);
  assert_meeting_soon (win, 3);
  g_assert_cmpfloat (share_of (win, "DEU"), >=, 2.0);
  xdotool (GTK_WINDOW (win), "key Escape");
  assert_meeting_soon (win, 2);
  pointer_at (GTK_WINDOW (win), view, x, y_two, "mouseup 1");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.2, 1e-9);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));

  /* A press on the line between the years moves nothing */
  pointer_at (GTK_WINDOW (win), view, x - point.width * 4, point.y + point.height / 2,
              "mousedown 1");
  pointer_at (GTK_WINDOW (win), view, x - point.width * 4, y_two, "mouseup 1");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.2, 1e-9);

  /* The keyboard: Germany's point is the last; + and Shift+- */
  g_assert_true (gtk_widget_grab_focus (view));
  press (GTK_WINDOW (win), "End");
  assert_accessible_label (view, "Germany, 1.20% of GDP, below 2% of GDP");
  /* What the ring says on screen follows the focus */
  {
    g_autofree char *text = pledge_chart_view_dup_focus_text (PLEDGE_CHART_VIEW (view));

    g_assert_cmpstr (text, ==, "Germany, 1.20% of GDP, below 2% of GDP");
    press (GTK_WINDOW (win), "Left");
    g_free (text);
    text = pledge_chart_view_dup_focus_text (PLEDGE_CHART_VIEW (view));
    g_assert_cmpstr (text, ==, "Italy, 1.50% of GDP, below 2% of GDP");
    if (g_getenv ("PLEDGE_TEST_SHOT") != NULL)
      g_spawn_command_line_sync (g_getenv ("PLEDGE_TEST_SHOT"), NULL, NULL, NULL, NULL);
    press (GTK_WINDOW (win), "Right");
    gtk_root_set_focus (GTK_ROOT (win), NULL);
    g_free (text);
    text = pledge_chart_view_dup_focus_text (PLEDGE_CHART_VIEW (view));
    g_assert_null (text);
    g_assert_true (gtk_widget_grab_focus (view));
  }
  press (GTK_WINDOW (win), "plus");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.21, 1e-9);
  press (GTK_WINDOW (win), "shift+Down");
  g_assert_cmpfloat_with_epsilon (share_of (win, "DEU"), 1.11, 1e-9);

  /* The chart shown is remembered: leave the next test the first one */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-chart", "s", "compliance");
  destroy_window (win);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* The map page's toggle colours members by their share of GDP; the
 * choice holds when the window gives the map a new input */
static void
test_map_toggle (void)
{
  PledgeWindow *win;
  GtkWidget *view, *toggle;
  const PledgeChartInput *input;
  g_autofree char *title = NULL;
  guint notified;

  win = open_keyboard_window ();
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-chart", "s", "map");
  run_for (200);
  view = pledge_window_get_chart_view (win, PLEDGE_CHART_MAP);
  toggle = pledge_chart_view_get_map_toggle (PLEDGE_CHART_VIEW (view));
  g_assert_nonnull (toggle);
  g_assert_null (pledge_chart_view_get_map_toggle (
    PLEDGE_CHART_VIEW (pledge_window_get_chart_view (win, PLEDGE_CHART_TREND))));
  g_assert_true (gtk_widget_get_mapped (toggle));
  g_assert_true (gtk_widget_get_focusable (toggle) || gtk_widget_get_focus_on_click (toggle));
  input = pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view));
  g_assert_cmpint (input->map_scale, ==, PLEDGE_MAP_SCALE_TARGET);

  /* A button's activation clicks it after a short animation */
  notified = 0;
  g_signal_connect_swapped (view, "notify::map-scale", G_CALLBACK (count_notify), &notified);
  gtk_widget_activate (toggle);
  run_for (500);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (pledge_chart_view_get_map_scale (PLEDGE_CHART_VIEW (view)), ==,
                   PLEDGE_MAP_SCALE_SHARE);
  input = pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view));
  g_assert_cmpint (input->map_scale, ==, PLEDGE_MAP_SCALE_SHARE);
  title = pledge_chart_get_title (PLEDGE_CHART_MAP, input);
  g_assert_cmpstr (title, ==, "Defence spending as a share of GDP, 2024");
  if (g_getenv ("PLEDGE_TEST_SHOT") != NULL)
    g_spawn_command_line_sync (g_getenv ("PLEDGE_TEST_SHOT"), NULL, NULL, NULL, NULL);

  /* Another year: a new input, the same colours */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.previous-year", NULL);
  run_for (100);
  g_assert_true (pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view)) != input ||
                 pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view))->year == 2023);
  input = pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view));
  g_assert_cmpint (input->year, ==, 2023);
  g_assert_cmpint (input->map_scale, ==, PLEDGE_MAP_SCALE_SHARE);

  /* The export dialog draws the map the window shows */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
  run_for (200);
  {
    PledgeExportDialog *dialog = PLEDGE_EXPORT_DIALOG (pledge_window_get_export_dialog (win));

    g_assert_nonnull (dialog);
    g_assert_cmpint (pledge_export_dialog_get_kind (dialog), ==, PLEDGE_CHART_MAP);
    g_assert_cmpint (pledge_export_dialog_get_map_scale (dialog), ==, PLEDGE_MAP_SCALE_SHARE);
    gtk_window_close (GTK_WINDOW (dialog));
    run_for (100);
  }

  /* A second day: a new window shows the map as the user left it */
  {
    PledgeWindow *again = open_keyboard_window ();

    g_assert_cmpint (pledge_chart_view_get_map_scale (
                       PLEDGE_CHART_VIEW (pledge_window_get_chart_view (again, PLEDGE_CHART_MAP))),
                     ==, PLEDGE_MAP_SCALE_SHARE);
    destroy_window (again);
  }

  /* And back, by the property */
  g_object_set (view, "map-scale", PLEDGE_MAP_SCALE_TARGET, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (input->map_scale, ==, PLEDGE_MAP_SCALE_TARGET);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-chart", "s", "compliance");
  destroy_window (win);
}

/* Presses key in window until holds (focus, data) does, at most n times */
typedef gboolean (*FocusMatch) (GtkWidget *focus, gpointer data);

static gboolean
press_until (GtkWindow  *window,
             const char *key,
             FocusMatch  holds,
             gpointer    data,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (focus != NULL && holds (focus, data))
        return TRUE;
      press (window, key);
    }
  return FALSE;
}

static gboolean
is_in (GtkWidget *focus,
       gpointer   ancestor)
{
  return focus == ancestor || gtk_widget_is_ancestor (focus, ancestor);
}

static gboolean
is_figure_cell_in (GtkWidget *focus,
                   gpointer   table)
{
  return PLEDGE_IS_FIGURE_CELL (focus) && gtk_widget_is_ancestor (focus, table);
}

static void
type_path (GtkWindow  *window,
           const char *path)
{
  g_autofree char *args = g_strdup_printf ("type --delay 20 %s", path);

  xdotool (window, args);
  run_for (200);
}

/* What the issue asks of the keyboard, start to end: open a file, change
 * the year and the target, edit a figure in the table and one through the
 * chart, undo both, save, export; not one click. */
/* Open (Ctrl+O) takes a workbook and a CSV as it takes a dataset: each
 * becomes a new unsaved dataset with no file of its own, and a toast says
 * what was imported. */
static void
open_by_chooser (PledgeWindow *win,
                 const char   *path)
{
  GtkWindow *dialog = NULL;

  press (GTK_WINDOW (win), "ctrl+o");
  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      dialog = find_transient (GTK_WINDOW (win), GTK_TYPE_FILE_CHOOSER_DIALOG);
      run_for (20);
    }
  g_assert_nonnull (dialog);
  run_for (300);
  type_path (dialog, path);
  press (dialog, "Return");
  for (guint i = 0; i < 100 && pledge_window_get_last_toast (win) == NULL; i++)
    run_for (20);
  wait_for_load (win);
  run_for (100);
}

static void
test_open_imports (void)
{
  g_autofree char *workbook = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                     "sipri-mini.xlsx", NULL);
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-open-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "spending.csv", NULL);
  PledgeWindow *win;

  if (!can_press_keys ())
    return;

  g_assert_true (g_file_set_contents (csv, "member,year,defence-gdp\nDEU,2016,1.2\nCHE,2016,0.7\n",
                                      -1, NULL));
  win = pledge_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 900);
  gtk_window_present (GTK_WINDOW (win));
  run_for (200);

  open_by_chooser (win, workbook);
  g_assert_nonnull (pledge_window_get_dataset (win));
  g_assert_null (pledge_window_get_file (win));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (win)), "• "));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "(SIPRI)"));
  g_assert_true (g_str_has_prefix (pledge_window_get_last_toast (win), "Imported "));

  /* The window holds unsaved work now: the CSV opens in a window of its own */
  destroy_window (win);
  win = pledge_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 900);
  gtk_window_present (GTK_WINDOW (win));
  run_for (200);
  open_by_chooser (win, csv);
  g_assert_nonnull (pledge_window_get_dataset (win));
  g_assert_null (pledge_window_get_file (win));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "spending.csv"));
  g_assert_cmpint (pledge_window_get_year (win), ==, 2016);
  g_assert_nonnull (strstr (pledge_window_get_last_toast (win), "Left out 1 other country"));

  destroy_window (win);
  g_unlink (csv);
  g_rmdir (tmpdir);
}

static void
test_keyboard_only (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "ui", "keyboard.xml", NULL);
  g_autofree char *tmpdir = g_dir_make_tmp ("pledge-keys-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "keys.xml", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  PledgeWindow *win;
  GtkWindow *dialog;
  GtkWidget *target, *view;

  if (!can_press_keys ())
    return;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  win = pledge_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 1100);
  gtk_window_present (GTK_WINDOW (win));
  run_for (200);

  /* Open: Ctrl+O, the path, Enter */
  press (GTK_WINDOW (win), "ctrl+o");
  dialog = NULL;
  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      dialog = find_transient (GTK_WINDOW (win), GTK_TYPE_FILE_CHOOSER_DIALOG);
      run_for (20);
    }
  g_assert_nonnull (dialog);
  run_for (300);
  type_path (dialog, path);
  press (dialog, "Return");
  for (guint i = 0; i < 50 && pledge_window_get_dataset (win) == NULL; i++)
    run_for (20);
  g_assert_nonnull (pledge_window_get_dataset (win));
  run_for (200);

  /* The year: Page Up, wherever the focus is */
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);
  press (GTK_WINDOW (win), "Page_Up");
  g_assert_cmpint (pledge_window_get_year (win), ==, 2023);
  press (GTK_WINDOW (win), "Page_Down");
  g_assert_cmpint (pledge_window_get_year (win), ==, 2024);

  /* The target: Tab to its dropdown, open it, the next one */
  target = GTK_WIDGET (find_dropdown (GTK_WIDGET (win), "The target"));
  g_assert_true (press_until (GTK_WINDOW (win), "Tab", is_in, target, 30));
  press (GTK_WINDOW (win), "space");
  press (GTK_WINDOW (win), "Down Return");
  g_assert_cmpuint (pledge_window_get_target (win), ==, 1);

  /* A figure in the table: Tab to it, type it, Enter */
  g_assert_true (press_until (GTK_WINDOW (win), "Tab", is_figure_cell_in,
                              pledge_window_get_member_table (win), 30));
  press (GTK_WINDOW (win), "2 Return");
  g_assert_cmpuint (n_edits (win), ==, 1);

  /* One through the chart: Tab to it, the last bar, + */
  view = pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE);
  g_assert_true (press_until (GTK_WINDOW (win), "Tab", is_in, view, 30));
  press (GTK_WINDOW (win), "End plus");
  g_assert_cmpuint (n_edits (win), ==, 2);

  /* Undo both */
  press (GTK_WINDOW (win), "ctrl+z ctrl+z");
  g_assert_cmpuint (n_edits (win), ==, 0);

  /* Redo the first, and save it */
  press (GTK_WINDOW (win), "ctrl+shift+z");
  g_assert_cmpuint (n_edits (win), ==, 1);
  press (GTK_WINDOW (win), "ctrl+s");
  g_assert_false (pledge_document_get_has_changes (pledge_window_get_document (win)));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "<set "));

  /* Export: Ctrl+E, Alt+E for Export…, the file's path, Enter */
  press (GTK_WINDOW (win), "ctrl+e");
  dialog = pledge_window_get_export_dialog (win);
  g_assert_nonnull (dialog);
  run_for (200);
  press (dialog, "alt+e");
  {
    GtkWindow *chooser = NULL;

    for (guint i = 0; i < 50 && chooser == NULL; i++)
      {
        chooser = find_transient (dialog, GTK_TYPE_FILE_CHOOSER_DIALOG);
        run_for (20);
      }
    g_assert_nonnull (chooser);
    run_for (300);
    press (chooser, "ctrl+a");
    type_path (chooser, png);
    press (chooser, "Return");
  }
  for (guint i = 0; i < 100 && !g_file_test (png, G_FILE_TEST_EXISTS); i++)
    run_for (20);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  destroy_window (win);
  remove_temp (tmpdir);
}

/* The chart's labels in the AT-SPI tree, of 300 members: 64 of them
 * around the focused member, following it (a label a member blocked the
 * window at each page and year), and the focused member always has one */
static guint
chart_labels_with (GtkWidget  *view,
                   const char *text,
                   guint      *n_labels)
{
  guint n_with = 0;

  *n_labels = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        (*n_labels)++;
        n_with += g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0;
      }
  return n_with;
}

static void
test_chart_labels_many (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-keyboard-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.xml", NULL);
  g_autofree char *xml = pledge_test_dataset_xml ("Many", 300, 3);
  g_autofree char *uri = NULL;
  PledgeWindow *win;
  GtkWidget *view;
  const char *keys[] = { "End", "Home", "Page_Down" };
  guint n_labels;

  if (!can_press_keys ())
    return;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  uri = g_filename_to_uri (path, NULL, NULL);
  win = new_window_sized (uri, FALSE, 1200);
  view = pledge_window_get_chart_view (win, PLEDGE_CHART_COMPLIANCE);
  g_assert_cmpuint (pledge_chart_view_get_input (PLEDGE_CHART_VIEW (view))->n_members, ==, 300);
  chart_labels_with (view, NULL, &n_labels);
  g_assert_cmpuint (n_labels, ==, 64);

  g_assert_true (gtk_widget_grab_focus (view));
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *focused = NULL;

      press (GTK_WINDOW (win), keys[k]);
      focused = pledge_chart_view_dup_focus_text (PLEDGE_CHART_VIEW (view));
      g_assert_nonnull (focused);
      g_test_message ("%s: %s", keys[k], focused);
      g_assert_cmpuint (chart_labels_with (view, focused, &n_labels), ==, 1);
      g_assert_cmpuint (n_labels, ==, 64);
    }

  destroy_window (win);
  remove_temp (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (close_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/keyboard/close/%s/%s",
                                               close_cases[i].action + 4, close_cases[i].keys);

      g_test_add_data_func (path, &close_cases[i], test_close);
    }
  g_test_add_func ("/pledge/keyboard/plan-undo", test_plan_undo);
  g_test_add_func ("/pledge/keyboard/table-grid", test_table_grid);
  g_test_add_func ("/pledge/keyboard/chart-keys", test_chart_keys);
  g_test_add_func ("/pledge/keyboard/chart-drag", test_chart_drag);
  g_test_add_func ("/pledge/keyboard/trend-drag", test_trend_drag);
  g_test_add_func ("/pledge/keyboard/map-toggle", test_map_toggle);
  g_test_add_func ("/pledge/keyboard/keyboard-only", test_keyboard_only);
  g_test_add_func ("/pledge/keyboard/open-imports", test_open_imports);
  g_test_add_func ("/pledge/keyboard/chart-labels-many", test_chart_labels_many);

  return pledge_ui_test_run (home);
}
