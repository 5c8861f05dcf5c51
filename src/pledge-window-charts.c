/* pledge-window-charts.c: what the window's charts draw, computed when
 * their page shows, in a thread for a large dataset
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pledge-chart-view.h"
#include "pledge-window-private.h"

/* A chart's input is a pass over every member's figures: on a dataset
 * with more figures than this, only the page shown gets one, a thread
 * computes it while the window stays responsive, and the chart shows what
 * it showed until it is ready. */
#define THREADED_CHART_CELLS 40000

typedef struct
{
  GWeakRef         win;
  PledgeChartKind  kind;
  guint            generation;
  PledgeSnapshot  *snapshot;
  int              year;
  guint            target;
} ChartJob;

static void
chart_job_free (ChartJob *job)
{
  g_weak_ref_clear (&job->win);
  g_clear_pointer (&job->snapshot, pledge_snapshot_unref);
  g_free (job);
}

static void
chart_job_run (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChartJob *job = task_data;

  /* Only the reported figures come here: a scenario's input reads the
   * dataset's cache of snapshots, which edits change on the main thread.
   * A snapshot never changes once made, and neither do the members,
   * targets and sources that the input reads of the dataset. */
  g_task_return_pointer (task, pledge_chart_input_new (job->snapshot, job->year, job->target,
                                                       NULL),
                         (GDestroyNotify) pledge_chart_input_free);
}

/* The revisions chart of a comparison gets its input from
 * pledge-window-compare.c, at each update: never replaced here. */
static gboolean
holds_comparison (PledgeWindow    *self,
                  PledgeChartKind  kind)
{
  const PledgeChartInput *input = pledge_chart_view_get_input (PLEDGE_CHART_VIEW (
    self->charts[kind]));

  return input != NULL && input->compare != NULL;
}

static void
chart_job_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ChartJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(PledgeWindow) self = g_weak_ref_get (&job->win);
  PledgeChartInput *input = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Let go of the snapshot here, on the main thread: it may hold the
   * last reference to its dataset. */
  g_clear_pointer (&job->snapshot, pledge_snapshot_unref);
  if (self == NULL || job->generation != self->chart_generation[job->kind] ||
      holds_comparison (self, job->kind))
    {
      if (self != NULL && job->generation == self->chart_generation[job->kind])
        self->pending_charts &= ~(1u << job->kind);
      g_clear_pointer (&input, pledge_chart_input_free);
      return;  /* the window went, or the chart wants a newer input */
    }
  self->pending_charts &= ~(1u << job->kind);
  pledge_chart_view_set_input (PLEDGE_CHART_VIEW (self->charts[job->kind]), input);
}

static gboolean
large_dataset (PledgeWindow *self)
{
  guint64 cells = (guint64) pledge_dataset_get_n_members (win_dataset (self)) *
                  (guint64) (self->last_year - self->first_year + 1);

  return cells > THREADED_CHART_CELLS;
}

static gboolean
chart_in_thread (PledgeWindow *self)
{
  return pledge_snapshot_get_scenario (win_snapshot (self)) == PLEDGE_SNAPSHOT_REPORTED &&
         large_dataset (self);
}

/* Gives chart kind an input for what the window shows, when it has none;
 * now, or in a thread on a large dataset unless now is TRUE. */
static void
update_chart_full (PledgeWindow    *self,
                   PledgeChartKind  kind,
                   gboolean         now)
{
  guint bit = 1u << kind;
  g_autoptr(GTask) task = NULL;
  ChartJob *job;

  if (win_snapshot (self) == NULL)
    return;
  if (!(self->stale_charts & bit) && !(now && (self->pending_charts & bit)))
    return;
  self->stale_charts &= ~bit;
  self->pending_charts &= ~bit;
  self->chart_generation[kind]++;
  if (holds_comparison (self, kind))
    return;

  if (now || !chart_in_thread (self))
    {
      pledge_chart_view_set_input (PLEDGE_CHART_VIEW (self->charts[kind]),
                                   pledge_chart_input_new (win_snapshot (self), self->year,
                                                           self->target, NULL));
      return;
    }

  job = g_new0 (ChartJob, 1);
  g_weak_ref_init (&job->win, self);
  job->kind = kind;
  job->generation = self->chart_generation[kind];
  job->snapshot = pledge_snapshot_ref (win_snapshot (self));
  job->year = self->year;
  job->target = self->target;
  self->pending_charts |= bit;
  /* Not the window's task: the worker may drop the task last. */
  task = g_task_new (NULL, NULL, chart_job_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) chart_job_free);
  g_task_run_in_thread (task, chart_job_run);
}

static void
update_visible_chart (PledgeWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->chart_stack);

  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    if (self->charts[k] == visible)
      update_chart_full (self, k, FALSE);
}

static void
on_chart_page_shown (AdwViewStack *stack,
                     GParamSpec   *pspec,
                     PledgeWindow *self)
{
  update_visible_chart (self);
}

void
pledge_window_update_charts (PledgeWindow *self)
{
  /* Each chart's input costs a pass over every member's figures: on a
   * large dataset only the page shown pays it now, the others when shown.
   * A small one's are all made at once, as every page's accessible
   * description follows its input. */
  self->stale_charts = (1u << PLEDGE_N_CHARTS) - 1;
  /* Inputs still computing are for what the window showed before. */
  self->pending_charts = 0;
  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    self->chart_generation[k]++;
  if (win_snapshot (self) != NULL && !large_dataset (self))
    {
      for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
        update_chart_full (self, k, TRUE);
      return;
    }
  update_visible_chart (self);
}

void
pledge_window_update_chart_now (PledgeWindow    *self,
                                PledgeChartKind  kind)
{
  update_chart_full (self, kind, TRUE);
}

void
pledge_window_charts_init (PledgeWindow *self)
{
  g_signal_connect (self->chart_stack, "notify::visible-child",
                    G_CALLBACK (on_chart_page_shown), self);
}
