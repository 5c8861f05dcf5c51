/* bench-model.c: recompute after one edit, at NATO scale and at a million
 * records (a benchmark, not a test: it prints numbers and asserts none)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-model DATASET [DATASET...]
 *
 * For each dataset: the median time, over 200 edits, from adding a
 * `set defence-gdp` edit to a scenario (through the undo stack, as the
 * window does) to holding the recomputed snapshot.
 *
 * Then the scenario bound: small generated files whose scenarios would
 * compute far more figures than they hold (build-aux/gen-hostile-scenarios.py
 * writes the same files), the time to load (and so validate) each, and to
 * make the snapshot of its last scenario.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pledge-dataset-private.h"
#include "pledge-snapshot.h"
#include "pledge-test-util.h"
#include "pledge-undo.h"

#define N_EDITS 200

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeUndoStack) undo = NULL;
  double times[N_EDITS];
  guint n = 0, n_records = 0;
  gint64 start;
  int last;
  GRand *rand = g_rand_new_with_seed (42);

  start = g_get_monotonic_time ();
  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    n_records += pledge_dataset_get_member (dataset, i)->figures->len;
  printf ("%s: %u members, %u records, loaded in %.3f s\n", path,
          pledge_dataset_get_n_members (dataset), n_records,
          (g_get_monotonic_time () - start) / 1e6);

  pledge_dataset_get_year_range (dataset, NULL, &last);
  undo = pledge_undo_stack_new (dataset);
  if (!pledge_undo_stack_add_scenario (undo, pledge_scenario_new ("bench", "Bench"), 0, &error))
    g_error ("%s", error->message);

  while (n < N_EDITS)
    {
      guint member = g_rand_int_range (rand, 0, pledge_dataset_get_n_members (dataset));
      const PledgeMember *m = pledge_dataset_get_member (dataset, member);
      g_autoptr(PledgeSnapshot) snapshot = NULL;
      int year;
      gint64 t0;

      if (m->figures->len == 0 || !pledge_member_is_member_in (m, last))
        continue;
      year = g_array_index (m->figures, PledgeFigures,
                            g_rand_int_range (rand, 0, m->figures->len)).year;
      if (!pledge_member_is_member_in (m, year))
        continue;

      t0 = g_get_monotonic_time ();
      if (!pledge_undo_stack_add_edit (undo, 0,
                                       pledge_edit_new_set (m->code, year, PLEDGE_FIELD_DEFENCE_GDP,
                                                            g_rand_double_range (rand, 1, 4)),
                                       NULL))
        continue;
      snapshot = pledge_dataset_get_snapshot (dataset, 0, NULL);
      times[n++] = (g_get_monotonic_time () - t0);
    }

  qsort (times, N_EDITS, sizeof (double), compare_doubles);
  printf ("  recompute after one edit: median %.0f us, 90th percentile %.0f us\n",
          times[N_EDITS / 2], times[N_EDITS * 9 / 10]);
  g_rand_free (rand);
}

static void
bench_hostile (const char *name,
               guint       n_scenarios,
               guint       n_grows)
{
  g_autoptr(GBytes) bytes = pledge_test_make_hostile (1000, n_scenarios, n_grows);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = pledge_dataset_load_from_bytes (bytes, name, &error);
  printf ("%s (%zu KB, %u scenarios of %u grow * over 1000 members, 1900-2200): %s in %.3f s\n",
          name, g_bytes_get_size (bytes) / 1000, n_scenarios, n_grows,
          dataset ? "loaded" : "refused", (g_get_monotonic_time () - start) / 1e6);
  if (dataset == NULL)
    {
      printf ("  %s\n", error->message);
      return;
    }

  start = g_get_monotonic_time ();
  snapshot = pledge_dataset_get_snapshot (dataset, n_scenarios - 1, NULL);
  printf ("  last scenario's snapshot in %.3f s; scenario cost %" G_GUINT64_FORMAT
          " of a budget of %" G_GUINT64_FORMAT " figures\n",
          (g_get_monotonic_time () - start) / 1e6,
          pledge_dataset_get_scenario_cost (dataset, n_scenarios - 1),
          pledge_dataset_get_scenario_budget (dataset));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-model DATASET...\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    bench (argv[i]);
  bench_hostile ("many-scenarios.xml", 100, 1);
  bench_hostile ("many-grows.xml", 1, 1000);
  bench_hostile ("at-budget.xml", 6, 1);
  return 0;
}
