/* bench-charts.c: how long each chart takes to draw (a tool, not a test)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-charts [DATASET.xml [YEAR [RUNS [SCENARIO]]]]
 * Prints the median time to draw each kind at 1200x800 into an image
 * surface, for the dataset (by default the bundled NATO one), under the
 * scenario with that id too when one is named (the reported figures drawn
 * as ghosts), for a made-up alliance of 300 members, and the equipment
 * chart of 17,576 members (its label placement was quadratic: 14 s), their
 * trend (a band) and the chart input for one chosen member of them.
 * With PLEDGE_BENCH_ONLY=KIND, only that chart of the dataset (to profile).
 */

#include "config.h"

#include <stdlib.h>

#include "pledge-chart.h"
#include "pledge-snapshot.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Every kind, or only the one given */
static void
bench_kinds (const char             *label,
             const PledgeChartInput *input,
             guint                   runs,
             int                     only)
{
  PledgeChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);
  g_autofree double *times = g_new (double, runs);

  pledge_chart_style_init (&style, FALSE);
  g_print ("%s\n", label);
  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    {
      cairo_t *cr;

      if (only >= 0 && kind != (guint) only)
        continue;
      cr = cairo_create (surface);

      /* One run to warm the font caches */
      pledge_chart_draw (kind, cr, 1200, 800, &style, input);
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          pledge_chart_draw (kind, cr, 1200, 800, &style, input);
          cairo_surface_flush (surface);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      cairo_destroy (cr);
      qsort (times, runs, sizeof (double), compare_doubles);
      g_print ("  %-12s median %8.2f ms   (min %.2f, max %.2f, %u runs)\n",
               pledge_chart_kind_to_string (kind), times[runs / 2], times[0], times[runs - 1],
               runs);
    }
  cairo_surface_destroy (surface);
}

static void
bench (const char             *label,
       const PledgeChartInput *input,
       guint                   runs)
{
  bench_kinds (label, input, runs, -1);
}

static PledgeDataset *
make_large (guint n)
{
  PledgeDataset *dataset = pledge_dataset_new ();

  pledge_dataset_set_title (dataset, "A large made-up alliance");
  pledge_dataset_set_units (dataset, "USD", PLEDGE_SCALE_MILLION, "current");
  pledge_dataset_add_target (dataset, "gdp-2", "2% of GDP", PLEDGE_METRIC_DEFENCE_GDP, 2, 2014, 0);
  pledge_dataset_add_target (dataset, "eq-20", "20% on equipment",
                             PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20, 2014, 0);
  for (guint i = 0; i < n; i++)
    {
      char code[4] = { 'A' + (i / 676) % 26, 'A' + (i / 26) % 26, 'A' + i % 26, 0 };
      g_autofree char *name = g_strdup_printf ("Member %s", code);
      PledgeMember *member = pledge_dataset_add_member (dataset, code, name, 1949, 0);

      for (int year = 2000; year <= 2024; year++)
        {
          PledgeFigures *f = pledge_member_add_figures (member, year);

          f->values[PLEDGE_FIELD_GDP] = 1000 + i;
          f->values[PLEDGE_FIELD_DEFENCE] = (1000 + i) * (0.5 + (i * 37 + year) % 35 / 10.0) / 100;
          f->values[PLEDGE_FIELD_EQUIPMENT] = 5 + (i * 13 + year) % 40;
          f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE | PLEDGE_FIGURE_EQUIPMENT;
        }
    }
  return dataset;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeDataset) large = NULL;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(PledgeSnapshot) large_snapshot = NULL;
  g_autoptr(PledgeChartInput) input = NULL;
  g_autoptr(PledgeChartInput) large_input = NULL;
  g_autoptr(GError) error = NULL;
  int year = argc > 2 ? atoi (argv[2]) : 2024;
  guint runs = argc > 3 ? (guint) CLAMP (atoi (argv[3]), 1, 10000) : 25;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else if (g_getenv ("PLEDGE_DATA_DIR") != NULL)
    path = g_build_filename (g_getenv ("PLEDGE_DATA_DIR"), "datasets", "nato.xml", NULL);
  else
    path = g_build_filename (SOURCE_DATADIR, "datasets", "nato.xml", NULL);

  file = g_file_new_for_path (path);
  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, &error);
  if (snapshot == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  input = pledge_chart_input_new (snapshot, year, 0, NULL);
  /* PLEDGE_BENCH_ONLY=trend: that kind on the dataset alone (for perf) */
  if (g_getenv ("PLEDGE_BENCH_ONLY") != NULL)
    {
      PledgeChartKind only;

      if (!pledge_chart_kind_from_string (g_getenv ("PLEDGE_BENCH_ONLY"), &only))
        {
          g_printerr ("PLEDGE_BENCH_ONLY: no chart \"%s\"\n", g_getenv ("PLEDGE_BENCH_ONLY"));
          return 1;
        }
      bench_kinds (path, input, runs, only);
      return 0;
    }
  bench (path, input, runs);

  if (argc > 4)
    {
      int scenario = pledge_dataset_find_scenario (dataset, argv[4]);
      g_autoptr(PledgeSnapshot) scenario_snapshot = NULL;
      g_autoptr(PledgeChartInput) scenario_input = NULL;
      g_autofree char *label = NULL;

      if (scenario < 0)
        {
          g_printerr ("%s: no scenario \"%s\"\n", path, argv[4]);
          return 1;
        }
      scenario_snapshot = pledge_snapshot_new (dataset, scenario, &error);
      if (scenario_snapshot == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      scenario_input = pledge_chart_input_new (scenario_snapshot, year, 0, NULL);
      label = g_strdup_printf ("%s, scenario %s", path, argv[4]);
      bench (label, scenario_input, runs);
      /* The same without the ghosts, to tell what they cost */
      g_free (label);
      label = g_strdup_printf ("%s, scenario %s without the reported figures", path, argv[4]);
      scenario_input->has_reported = FALSE;
      bench (label, scenario_input, runs);
    }

  large = make_large (300);
  large_snapshot = pledge_snapshot_new (large, PLEDGE_SNAPSHOT_REPORTED, NULL);
  large_input = pledge_chart_input_new (large_snapshot, 2024, 0, NULL);
  bench ("300 made-up members, 2000-2024", large_input, runs);

  {
    g_autoptr(PledgeDataset) many = make_large (26 * 26 * 26);
    g_autoptr(PledgeSnapshot) many_snapshot =
      pledge_snapshot_new (many, PLEDGE_SNAPSHOT_REPORTED, NULL);
    g_autoptr(PledgeChartInput) many_input = pledge_chart_input_new (many_snapshot, 2024, 0, NULL);

    bench_kinds ("17,576 made-up members, 2000-2024", many_input, MIN (runs, 5),
                 PLEDGE_CHART_EQUIPMENT);
    /* The trend of as many: the faint members are one band (a stroke a
     * member took seconds), and the input holds the chosen series alone */
    bench_kinds ("17,576 made-up members, 2000-2024, faint members as a band", many_input,
                 MIN (runs, 5), PLEDGE_CHART_TREND);
    {
      const char *const chosen[] = { "ABC", NULL };
      g_autofree double *times = g_new (double, MIN (runs, 5));

      for (guint i = 0; i < MIN (runs, 5); i++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(PledgeChartInput) one = pledge_chart_input_new (many_snapshot, 2024, 0,
                                                                    chosen);

          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          g_assert (one->n_series == 1);
        }
      qsort (times, MIN (runs, 5), sizeof (double), compare_doubles);
      g_print ("  %-12s median %8.2f ms   (chart input, one member chosen)\n", "input",
               times[MIN (runs, 5) / 2]);
    }
  }
  return 0;
}
