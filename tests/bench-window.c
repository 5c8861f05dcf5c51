/* bench-window.c: what the window costs on a dataset, for build-aux/bench
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-window FILE
 *
 * Opens FILE in a window as a user does, then shows each chart page in
 * turn and, on each, the year before. For each step it prints the CPU time
 * the process spent (user + system, every thread: work moved to a thread
 * still counts), the wall time until the window had drawn the result, and
 * the longest time the main loop went without running (what a user feels
 * as a frozen window):
 *
 *   open     cpu 0.512 s  wall 0.600 s  stall 0.020 s
 *   page trend  cpu ...
 *   year trend  cpu ...
 *   max-rss 123456 KiB
 *
 * Not a test: build-aux/bench runs it under Xvfb for its table. With
 * PLEDGE_BENCH_STALL_TIMES=1 each line also says when its longest stall
 * began (CLOCK_MONOTONIC seconds), for `perf record -k CLOCK_MONOTONIC`.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "pledge-application.h"
#include "pledge-window.h"

/* How long the window is left to settle after a step's first frame: work
 * a step queued to a thread or an idle lands in it. */
#define SETTLE_MS 300

static gint64 last_tick;
static gint64 longest_stall;
static gint64 longest_stall_from;  /* g_get_monotonic_time () at its start */

/* Ticks every few milliseconds while the main loop runs: the longest gap
 * between two ticks is the longest the main loop was blocked. */
static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > longest_stall)
    {
      longest_stall = now - last_tick;
      longest_stall_from = last_tick;
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Ready) (PledgeWindow *win);

static gboolean
always (PledgeWindow *win)
{
  return TRUE;
}

/* The file has loaded and every chart has its input. */
static gboolean
has_dataset (PledgeWindow *win)
{
  return pledge_window_get_dataset (win) != NULL && !pledge_window_get_busy (win);
}

static gboolean
not_busy (PledgeWindow *win)
{
  return !pledge_window_get_busy (win);
}

/* Runs the main loop until ready holds and a frame has been painted after
 * it; returns the wall time from start to that frame. */
static double
wait_for_frame (PledgeWindow *win,
                gint64        start,
                Ready         ready)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  gboolean painted = FALSE;
  gulong id;

  while (!ready (win))
    g_main_context_iteration (NULL, TRUE);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (win));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return (g_get_monotonic_time () - start) / 1e6;
}

typedef struct
{
  double cpu;
  gint64 start;
} Step;

static void
step_begin (Step *step)
{
  /* Whatever was pending belongs to the step before. */
  run_for (50);
  longest_stall = 0;
  last_tick = g_get_monotonic_time ();
  step->cpu = cpu_seconds ();
  step->start = g_get_monotonic_time ();
}

static void
step_end (Step         *step,
          PledgeWindow *win,
          Ready         ready,
          const char   *what,
          const char   *page)
{
  double wall = wait_for_frame (win, step->start, ready);

  run_for (SETTLE_MS);
  /* The settling time is idle: its CPU time is what the step queued. */
  g_print ("%-5s %-12s cpu %.3f s  wall %.3f s  stall %.3f s", what, page,
           cpu_seconds () - step->cpu, wall, longest_stall / 1e6);
  /* PLEDGE_BENCH_STALL_TIMES=1: when the stall began, in CLOCK_MONOTONIC
   * seconds, to find it in `perf record -k CLOCK_MONOTONIC` */
  if (g_getenv ("PLEDGE_BENCH_STALL_TIMES") != NULL)
    g_print ("  from %.6f", longest_stall_from / 1e6);
  g_print ("\n");
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static GtkWidget *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_view_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkApplication *app;
  PledgeWindow *win;
  AdwViewStack *stack;
  struct rusage usage;
  Step step;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);

  /* Settings and recent files of its own, never the user's. */
  home = g_dir_make_tmp ("pledge-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_set_application_name ("Pledge");

  app = GTK_APPLICATION (pledge_application_new ());
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  g_timeout_add (5, tick_cb, NULL);

  win = pledge_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 900);
  gtk_window_present (GTK_WINDOW (win));
  step_begin (&step);
  wait_for_frame (win, step.start, always);

  /* Opening the file, as Open or the command line does. */
  step_begin (&step);
  pledge_window_load (win, file, FALSE);
  step_end (&step, win, has_dataset, "open", g_file_peek_path (file));
  if (pledge_window_get_dataset (win) == NULL)
    {
      g_printerr ("%s: could not open\n", argv[1]);
      return 1;
    }

  stack = ADW_VIEW_STACK (find_view_stack (GTK_WIDGET (win)));
  pages = adw_view_stack_get_pages (stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);

      if (i > 0 || g_strcmp0 (adw_view_stack_get_visible_child_name (stack), name) != 0)
        {
          step_begin (&step);
          adw_view_stack_set_visible_child_name (stack, name);
          step_end (&step, win, not_busy, "page", name);
        }
      step_begin (&step);
      pledge_window_set_year (win, pledge_window_get_year (win) - 1);
      step_end (&step, win, not_busy, "year", name);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("max-rss %ld KiB\n", usage.ru_maxrss);

  gtk_window_destroy (GTK_WINDOW (win));
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  remove_dir (home);
  return 0;
}
