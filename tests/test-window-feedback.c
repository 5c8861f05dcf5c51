/* test-window-feedback.c: what the window says and keeps, in detail
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toast after a redo, one <set> for a figure retyped, names of new
 * scenarios, the scenario list opened at the active one, and Help
 * without a help viewer.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pledge-member-table.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"

static PledgeWindow *
open_keyboard_window (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "keyboard.xml", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  return new_window_sized (uri, FALSE, 1200);
}

static gboolean
is_shown_toast (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0 &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL;
}

static gboolean
redone_replaces_undone (gpointer win)
{
  return find_widget (win, is_shown_toast, "Edit redone") != NULL &&
         find_widget (win, is_shown_toast, "Edit undone") == NULL;
}

static gboolean
narrower_than_361 (gpointer win)
{
  return gtk_widget_get_width (win) <= 360;
}

/* A redo says so at once: its toast replaces "Edit undone" and its Redo
 * button rather than waiting behind them. */
static void
test_redo_toast (void)
{
  PledgeWindow *win = open_keyboard_window ();
  PledgeMemberTable *table = pledge_window_get_member_table (win);

  g_assert_true (pledge_member_table_commit_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE, "2"));
  run_for (100);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (win), is_shown_toast, "Edit undone", 10000));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  /* Well within the 5 s an undo toast would stay if the redo waited
   * behind it */
  g_assert_true (wait_until (redone_replaces_undone, win, 3000));
  g_assert_cmpstr (pledge_window_get_last_toast (win), ==, "Edit redone");
  g_assert_nonnull (find_widget (GTK_WIDGET (win), is_shown_toast, "Edit redone"));
  g_assert_null (find_widget (GTK_WIDGET (win), is_shown_toast, "Edit undone"));

  destroy_window (win);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A figure typed five times is saved as one <set>, the last; undo still
 * steps back through each. */
static void
test_repeated_set (void)
{
  PledgeWindow *win = open_keyboard_window ();
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  const char *values[] = { "1.5", "1.7", "1.9", "2.3", "2.1" };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PledgeDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const PledgeScenario *scenario;
  const PledgeEdit *edit;
  g_autofree char *xml = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (pledge_member_table_commit_text (table, "DEU", PLEDGE_MEMBER_COLUMN_SHARE,
                                                      values[i]));
      run_for (20);
    }
  /* Another member in between is kept */
  g_assert_true (pledge_member_table_commit_text (table, "ITA", PLEDGE_MEMBER_COLUMN_SHARE, "2"));
  run_for (20);

  bytes = pledge_dataset_to_bytes (pledge_window_get_dataset (win));
  xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (count_substrings (xml, "<set "), ==, 2);
  g_assert_cmpuint (count_substrings (xml, "member=\"DEU\""), ==, 1);

  reloaded = pledge_dataset_load_from_bytes (bytes, "saved.xml", &error);
  g_assert_no_error (error);
  scenario = pledge_dataset_get_scenario (reloaded, 0);
  g_assert_cmpuint (scenario->edits->len, ==, 2);
  edit = g_ptr_array_index (scenario->edits, 0);
  g_assert_cmpstr (edit->member, ==, "DEU");
  g_assert_cmpfloat (edit->value, ==, 2.1);

  /* In memory, each edit is still a step to undo */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  run_for (50);
  {
    g_autofree char *share = pledge_member_table_dup_cell_text (table, "DEU",
                                                                PLEDGE_MEMBER_COLUMN_SHARE);

    g_assert_cmpstr (share, ==, "2.30");
  }

  destroy_window (win);
}

/* New Scenario never takes a name in use, whatever made it */
static void
test_new_scenario_name (void)
{
  PledgeWindow *win = open_keyboard_window ();
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  /* A scenario renamed to the name the next one would take */
  pledge_dataset_rename_scenario (dataset, 1, "Scenario 5");
  /* and one deleted, leaving a gap */
  pledge_window_set_scenario (win, 0);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.delete-scenario", NULL);
  run_for (100);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  run_for (100);

  for (guint i = 0; i < pledge_dataset_get_n_scenarios (dataset); i++)
    {
      const char *name = pledge_dataset_get_scenario (dataset, i)->name;

      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, 5);

  destroy_window (win);
}

static GtkWidget *
dropdown_popover (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget);
}

/* The scenario list opens at the active scenario, wide enough for names */
static void
test_scenario_popover (void)
{
  PledgeWindow *win = open_keyboard_window ();
  GtkDropDown *dropdown = find_dropdown (GTK_WIDGET (win), "Scenario");
  GtkWidget *popover, *list;
  GtkAdjustment *adjustment;
  guint n;

  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  run_for (100);
  n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
  g_assert_cmpuint (n, ==, 31);
  /* The new scenario is the active one: the last */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, n - 1);

  popover = dropdown_popover (dropdown);
  g_assert_nonnull (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  run_for (300);
  list = find_widget (popover, is_list_view, NULL);
  g_assert_nonnull (list);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  /* Scrolled to the bottom, where the active scenario is */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
                     >=, gtk_adjustment_get_upper (adjustment) - 1);
  /* "Scenario 30" on one line: wider than the button's ellipsized name */
  g_assert_cmpint (gtk_widget_get_width (popover), >, gtk_widget_get_width (GTK_WIDGET (dropdown)));
  gtk_popover_popdown (GTK_POPOVER (popover));
  run_for (50);

  destroy_window (win);
}

static gboolean
is_id_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_copy_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Copy the ID") == 0;
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

/* A scenario's id, what --scenario=ID takes, shows where it is renamed,
 * to select or to copy */
static void
test_scenario_id (void)
{
  PledgeWindow *win = open_keyboard_window ();
  PledgeDataset *dataset = pledge_window_get_dataset (win);
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  GtkWindow *dialog;
  GtkWidget *label, *button;
  const char *id;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.new-scenario", NULL);
  run_for (50);
  id = pledge_dataset_get_scenario (dataset, 0)->id;
  gtk_widget_activate_action (GTK_WIDGET (win), "win.rename-scenario", NULL);
  run_for (100);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);

  expected = g_strdup_printf ("ID: %s", id);
  label = find_widget (GTK_WIDGET (dialog), is_id_label, expected);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (gtk_widget_get_mapped (label));

  button = find_widget (GTK_WIDGET (dialog), is_copy_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, on_text_read, &copied);
  for (guint i = 0; i < 50 && copied == NULL; i++)
    run_for (20);
  g_assert_cmpstr (copied, ==, id);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  run_for (50);
  destroy_window (win);
}

typedef struct
{
  const char *file;     /* in tests/data */
  const char *plain;    /* the start of what the dialog says first */
  const char *detail;   /* the start of the loader's message, below */
} LoadErrorCase;

static const LoadErrorCase load_error_cases[] = {
  { "bad/bad-code.xml", "The file is a dataset with a mistake in it", "bad-code.xml:13: " },
  { "ui/future.xml", "The file is in a newer version of the format", "future.xml:" },
  { "bad/billion-laughs.xml", "The file declares a document type", "billion-laughs.xml:2: " },
  { "bad/no-such-file.xml", "The file could not be read", "no-such-file.xml" },
};

/* A file that does not open is said in plain words, the loader's detail
 * below */
static void
test_load_error (gconstpointer data)
{
  const LoadErrorCase *c = data;
  PledgeWindow *win = open_keyboard_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", c->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;
  const char *body, *below;

  pledge_window_load (win, file, FALSE);
  run_for (50);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (body, c->plain));
  below = strstr (body, "\n\n");
  g_assert_nonnull (below);
  if (c->detail != NULL && !g_str_has_prefix (below + 2, c->detail))
    g_error ("below the plain words: “%s”", below + 2);

  destroy_window (win);
}

static gboolean
is_count_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), "members meet this target in 2024");
}

/* At 360 pixels wide the count line is whole, on two lines */
static void
test_narrow_count (void)
{
  PledgeWindow *win = open_keyboard_window ();
  GtkWidget *label;
  int min_height;

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (win)), "gtk-decoration-layout",
                "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (win), 360, 720);
  wait_until (narrower_than_361, win, 10000);
  run_for (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (win)), <=, 360);

  label = find_widget (GTK_WIDGET (win), is_count_label, NULL);
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  /* Tall enough for its text at the width it has */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), &min_height,
                      NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (label), >=, min_height);

  destroy_window (win);
}

/* F1 with no help viewer says where the guide is */
static void
test_help_without_viewer (void)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  PledgeWindow *win;
  GtkWindow *dialog;
  const char *body;

  if (viewer != NULL)
    {
      g_test_skip ("a help viewer is installed");
      return;
    }

  win = open_keyboard_window ();
  gtk_widget_activate_action (GTK_WIDGET (win), "win.help", NULL);
  for (guint i = 0; i < 100 && pledge_window_get_dialog (win) == NULL; i++)
    run_for (20);
  dialog = pledge_window_get_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "help/C/pledge/index.page"));
  g_assert_null (strstr (body, "scheme"));

  destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  home = pledge_ui_test_init (&argc, &argv);

  g_test_add_func ("/pledge/window-feedback/redo-toast", test_redo_toast);
  g_test_add_func ("/pledge/window-feedback/repeated-set", test_repeated_set);
  g_test_add_func ("/pledge/window-feedback/new-scenario-name", test_new_scenario_name);
  g_test_add_func ("/pledge/window-feedback/scenario-popover", test_scenario_popover);
  g_test_add_func ("/pledge/window-feedback/help-without-viewer", test_help_without_viewer);
  g_test_add_func ("/pledge/window-feedback/scenario-id", test_scenario_id);
  g_test_add_func ("/pledge/window-feedback/narrow-count", test_narrow_count);
  for (guint i = 0; i < G_N_ELEMENTS (load_error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/window-feedback/load-error/%u", i);

      g_test_add_data_func (path, &load_error_cases[i], test_load_error);
    }

  return pledge_ui_test_run (home);
}
