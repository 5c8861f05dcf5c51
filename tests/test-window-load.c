/* test-window-load.c: files load in a thread while the window stays usable
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display, as test-window does. A load is held open by
 * feeding the file through a named pipe: it cannot end before the test
 * closes the pipe, so what the window shows meanwhile (the progress, the
 * old dataset, Cancel) is tested without depending on how fast the
 * machine is. No timings are asserted here; build-aux/bench measures them.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pledge-chart-view.h"
#include "pledge-member-row.h"
#include "pledge-member-table.h"
#include "pledge-ui-test-util.h"
#include "pledge-window.h"

#define LARGE_MEMBERS 2000
#define LARGE_YEARS 25

static GFile *
write_dataset (const char *dir,
               const char *name,
               const char *title,
               guint       members)
{
  g_autofree char *xml = pledge_test_dataset_xml (title, members, LARGE_YEARS);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return g_file_new_for_path (path);
}

/* The window's pieces of a load */

static gboolean
is_progress_bar (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

/* The bar under the header: a revealer holding a progress bar. */
static gboolean
is_load_revealer (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_REVEALER (widget) && gtk_revealer_get_child (GTK_REVEALER (widget)) != NULL &&
         find_widget (gtk_revealer_get_child (GTK_REVEALER (widget)), is_progress_bar, NULL);
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static GtkRevealer *
load_revealer (PledgeWindow *win)
{
  GtkWidget *revealer = find_widget (GTK_WIDGET (win), is_load_revealer, NULL);

  g_assert_nonnull (revealer);
  return GTK_REVEALER (revealer);
}

static gboolean
loading (PledgeWindow *win)
{
  return pledge_document_get_loading (pledge_window_get_document (win));
}

static gboolean
is_cancel_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "win.cancel-load") == 0;
}

/* Whether Cancel (and Escape) can stop a load: the bar's button follows
 * the action. */
static gboolean
cancel_enabled (PledgeWindow *win)
{
  GtkWidget *button = find_widget (GTK_WIDGET (load_revealer (win)), is_cancel_button, NULL);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
is_chart_view (GtkWidget     *widget,
               gconstpointer  data)
{
  return PLEDGE_IS_CHART_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* The chart on screen, and what it draws: read from the widget, not
 * through pledge_window_get_chart_view(), which brings it up to date. */
static GtkWidget *
visible_chart (PledgeWindow *win)
{
  GtkWidget *view = find_widget (GTK_WIDGET (win), is_chart_view, NULL);

  g_assert_nonnull (view);
  return view;
}

static const PledgeChartInput *
visible_chart_input (PledgeWindow *win)
{
  const PledgeChartInput *input = pledge_chart_view_get_input (PLEDGE_CHART_VIEW (
    visible_chart (win)));

  g_assert_nonnull (input);
  return input;
}

/* A named pipe to load from, and its writing end once the window's load
 * has opened it for reading. */
typedef struct
{
  char  *path;
  GFile *file;
  int    fd;
} Pipe;

static void
pipe_make (Pipe       *pipe,
           const char *dir)
{
  pipe->path = g_build_filename (dir, "pipe.xml", NULL);
  g_assert_cmpint (mkfifo (pipe->path, 0600), ==, 0);
  pipe->file = g_file_new_for_path (pipe->path);
  pipe->fd = -1;
}

/* Opens the writing end: it opens once the load's thread opened the other. */
static void
pipe_open (Pipe *pipe)
{
  for (guint i = 0; i < 1000 && pipe->fd < 0; i++)
    {
      pipe->fd = open (pipe->path, O_WRONLY | O_NONBLOCK);
      if (pipe->fd < 0)
        {
          g_assert_cmpint (errno, ==, ENXIO);
          run_for (10);
        }
    }
  g_assert_cmpint (pipe->fd, >=, 0);
  /* Blocking writes from here: the thread reads as the test writes. */
  g_assert_cmpint (fcntl (pipe->fd, F_SETFL, 0), ==, 0);
}

/* Writes part of text, running the main loop meanwhile; FALSE when the
 * load stopped reading (a cancelled load closes the pipe). */
static gboolean
pipe_write (Pipe       *pipe,
            const char *text,
            gsize       length)
{
  while (length > 0)
    {
      gssize n = write (pipe->fd, text, MIN (length, 4096));

      if (n < 0 && errno == EPIPE)
        return FALSE;
      if (n < 0)
        g_error ("write: %s", g_strerror (errno));
      text += n;
      length -= n;
      iterate ();
    }
  return TRUE;
}

static void
pipe_close (Pipe *pipe)
{
  if (pipe->fd >= 0)
    close (pipe->fd);
  pipe->fd = -1;
}

static void
pipe_free (Pipe *pipe)
{
  pipe_close (pipe);
  g_unlink (pipe->path);
  g_free (pipe->path);
  g_clear_object (&pipe->file);
}

/* A window showing a dataset opens a large file: the dataset stays until
 * the file has loaded, a bar with Cancel shows the progress, and Cancel
 * stops the load. Then another load completes. */
static void
test_load_cancel_then_complete (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-test-window-load-XXXXXX", NULL);
  g_autoptr(GFile) small = write_dataset (dir, "small.xml", "Small", 3);
  g_autoptr(GFile) large = write_dataset (dir, "large.xml", "Large", LARGE_MEMBERS);
  g_autofree char *small_uri = g_file_get_uri (small);
  g_autofree char *xml = pledge_test_dataset_xml ("Piped", LARGE_MEMBERS, LARGE_YEARS);
  PledgeWindow *win = new_window_sized (small_uri, FALSE, 1000);
  PledgeDataset *before = pledge_window_get_dataset (win);
  GtkRevealer *revealer = load_revealer (win);
  Pipe pipe;

  g_assert_cmpstr (pledge_dataset_get_title (before), ==, "Small");
  g_assert_false (loading (win));
  g_assert_false (cancel_enabled (win));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  pipe_make (&pipe, dir);
  pledge_window_load (win, pipe.file, FALSE);
  g_assert_true (loading (win));
  g_assert_true (cancel_enabled (win));
  pipe_open (&pipe);
  pipe_write (&pipe, xml, strlen (xml) / 2);

  /* The load cannot end before the pipe closes: its progress shows once
   * it has taken a while, and the window still shows the old dataset,
   * usable. */
  run_for (600);
  g_assert_true (loading (win));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (pledge_window_get_dataset (win) == before);
  g_assert_true (strstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (
    find_widget (GTK_WIDGET (revealer), is_progress_bar, NULL))), "pipe.xml") != NULL);
  pledge_window_set_year (win, 2010);
  g_assert_cmpint (pledge_window_get_year (win), ==, 2010);

  /* Cancel: the thread ends at its next read, and nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.cancel-load", NULL);
  pipe_write (&pipe, xml + strlen (xml) / 2, strlen (xml) - strlen (xml) / 2);
  pipe_close (&pipe);
  wait_for_load (win);
  run_for (50);
  g_assert_false (loading (win));
  g_assert_false (cancel_enabled (win));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (pledge_window_get_dataset (win) == before);
  g_assert_null (pledge_window_get_dialog (win));
  g_assert_cmpint (pledge_window_get_year (win), ==, 2010);

  /* Another load runs to its end and replaces the dataset. */
  pledge_window_load (win, large, FALSE);
  g_assert_true (loading (win));
  wait_for_load (win);
  g_assert_false (loading (win));
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==, "Large");
  g_assert_cmpuint (pledge_dataset_get_n_members (pledge_window_get_dataset (win)), ==,
                    LARGE_MEMBERS);
  g_assert_true (g_file_equal (pledge_window_get_file (win), large));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_null (pledge_window_get_dialog (win));

  /* Its chart, computed in a thread for a dataset this large, shows the
   * year shown; so does the next year's, and the page shown next. */
  g_assert_cmpint (visible_chart_input (win)->year, ==, pledge_window_get_year (win));
  g_assert_cmpuint (visible_chart_input (win)->n_members, ==, LARGE_MEMBERS);
  pledge_window_set_year (win, 2010);
  g_assert_true (pledge_window_get_busy (win));
  wait_for_load (win);
  g_assert_cmpint (visible_chart_input (win)->year, ==, 2010);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-chart", "s", "gap");
  wait_for_load (win);
  g_assert_cmpint (visible_chart_input (win)->year, ==, 2010);
  g_assert_true (pledge_chart_view_get_kind (PLEDGE_CHART_VIEW (visible_chart (win))) ==
                 PLEDGE_CHART_GAP);

  destroy_window (win);
  pipe_free (&pipe);
  remove_temp (dir);
}

/* A window with nothing to show yet opens a file: a page of its own shows
 * the progress, then the dataset. A file that fails shows the error, and
 * the window is empty again. */
static void
test_load_into_empty_window (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-test-window-load-XXXXXX", NULL);
  g_autofree char *xml = pledge_test_dataset_xml ("Piped", LARGE_MEMBERS, LARGE_YEARS);
  PledgeWindow *win = pledge_window_new (app);
  GtkWidget *page;
  Pipe pipe;

  gtk_window_present (GTK_WINDOW (win));
  run_for (50);
  pipe_make (&pipe, dir);
  pledge_window_load (win, pipe.file, FALSE);
  pipe_open (&pipe);
  pipe_write (&pipe, xml, strlen (xml) / 2);
  run_for (600);

  page = find_widget (GTK_WIDGET (win), is_status_page_titled, "Opening “pipe.xml”…");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpfloat (gtk_widget_get_opacity (page), ==, 1.0);
  g_assert_null (pledge_window_get_dataset (win));

  pipe_write (&pipe, xml + strlen (xml) / 2, strlen (xml) - strlen (xml) / 2);
  pipe_close (&pipe);
  wait_for_load (win);
  run_for (50);
  g_assert_cmpstr (pledge_dataset_get_title (pledge_window_get_dataset (win)), ==, "Piped");
  /* The page crossfades away. */
  for (guint i = 0; i < 100 && gtk_widget_get_mapped (page); i++)
    run_for (20);
  g_assert_false (gtk_widget_get_mapped (page));
  pipe_free (&pipe);

  destroy_window (win);

  /* A broken file into an empty window: the error, and the empty page. */
  win = pledge_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  run_for (50);
  pipe_make (&pipe, dir);
  pledge_window_load (win, pipe.file, FALSE);
  pipe_open (&pipe);
  pipe_write (&pipe, xml, 1000);
  pipe_close (&pipe);
  wait_for_load (win);
  run_for (50);
  g_assert_null (pledge_window_get_dataset (win));
  g_assert_nonnull (pledge_window_get_dialog (win));
  /* plain words first, the loader's message naming the file below */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (
    ADW_MESSAGE_DIALOG (pledge_window_get_dialog (win))), "\npipe.xml"));
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (win), is_status_page_titled,
                                                     "No Dataset Open")));
  pipe_free (&pipe);

  destroy_window (win);
  remove_temp (dir);
}

static gboolean
shows_dataset (gpointer win)
{
  return pledge_window_get_shows_dataset (win);
}

static gboolean
laid_out (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

static guint
n_table_rows (PledgeWindow *win)
{
  GtkColumnView *view = pledge_member_table_get_column_view (pledge_window_get_member_table (win));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* The table of thousands of members: the rows a window shows come with
 * the first frame of the dataset, the others after it, a few at a time;
 * a year chosen meanwhile starts the rows again, and they all come. */
static void
test_table_fills (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-test-window-load-XXXXXX", NULL);
  g_autoptr(GFile) large = write_dataset (dir, "large.xml", "Large", LARGE_MEMBERS);
  PledgeWindow *win = pledge_window_new (app);
  PledgeMemberTable *table = pledge_window_get_member_table (win);
  guint first;

  gtk_window_set_default_size (GTK_WINDOW (win), 1000, 700);
  gtk_window_present (GTK_WINDOW (win));
  run_for (50);
  pledge_window_load (win, large, FALSE);
  g_assert_true (wait_until (shows_dataset, win, 30000));
  first = n_table_rows (win);
  /* The table, shown with the dataset, has its size at the next frame */
  g_assert_true (wait_until (laid_out, table, 5000));
  g_test_message ("first rows: %u for a table %d pixels high", first,
                  gtk_widget_get_height (GTK_WIDGET (table)));
  /* every row the table can show (rows are 21 pixels high), far fewer
   * than the members */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (table)), >, 100);
  g_assert_cmpuint (first, >=, (guint) gtk_widget_get_height (GTK_WIDGET (table)) / 21);
  g_assert_cmpuint (first, <, LARGE_MEMBERS / 10);
  g_assert_true (pledge_member_table_get_filling (table));
  g_assert_true (pledge_window_get_busy (win));

  /* Another year while the rows come */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.previous-year", NULL);
  g_assert_cmpuint (n_table_rows (win), <, LARGE_MEMBERS);
  wait_for_load (win);
  g_assert_false (pledge_member_table_get_filling (table));
  g_assert_cmpuint (n_table_rows (win), ==, LARGE_MEMBERS);
  /* in file order, the last member last (AAA, AAB, ... CYX) */
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (
      pledge_member_table_get_column_view (table)));
    g_autoptr(PledgeMemberRow) last = g_list_model_get_item (model, LARGE_MEMBERS - 1);

    g_assert_cmpstr (pledge_member_row_get_code (last), ==, "CYX");
  }

  destroy_window (win);
  remove_temp (dir);
}

/* The window closes while its file loads: the load stops, nothing is left
 * behind to call into the window that went. */
static void
test_close_while_loading (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-test-window-load-XXXXXX", NULL);
  g_autofree char *xml = pledge_test_dataset_xml ("Piped", 50, 2);
  PledgeWindow *win = pledge_window_new (app);
  PledgeDocument *document;
  Pipe pipe;

  gtk_window_present (GTK_WINDOW (win));
  pipe_make (&pipe, dir);
  pledge_window_load (win, pipe.file, FALSE);
  document = g_object_ref (pledge_window_get_document (win));
  pipe_open (&pipe);
  pipe_write (&pipe, xml, 100);
  /* Not destroy_window(): the window is finalized only once its load has
   * ended, after the pipe closes. */
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();

  /* The cancelled load may have stopped reading already. */
  pipe_write (&pipe, xml + 100, strlen (xml) - 100);
  pipe_close (&pipe);
  while (pledge_document_get_loading (document))
    g_main_context_iteration (NULL, TRUE);
  run_for (50);
  g_assert_null (win);
  g_assert_null (pledge_document_get_dataset (document));
  g_object_unref (document);

  pipe_free (&pipe);
  remove_temp (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = pledge_ui_test_init (&argc, &argv);

  /* A write to a pipe whose reader went fails with EPIPE, not a signal. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/pledge/window-load/cancel-then-complete", test_load_cancel_then_complete);
  g_test_add_func ("/pledge/window-load/into-empty-window", test_load_into_empty_window);
  g_test_add_func ("/pledge/window-load/close-while-loading", test_close_while_loading);
  g_test_add_func ("/pledge/window-load/table-fills", test_table_fills);

  return pledge_ui_test_run (home);
}
