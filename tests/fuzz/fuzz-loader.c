/* fuzz-loader.c: libFuzzer target over the loader, every scenario's
 * snapshot, compliance, the plan of every target with a due year, the
 * reports and the writer
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/dev fuzz [SECONDS] builds it with clang -fsanitize=fuzzer and
 * runs it; test-fuzz-replay runs the same function over the saved corpus
 * in every test run.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "pledge-dataset-private.h"
#include "pledge-plan.h"
#include "pledge-report.h"
#include "pledge-snapshot.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (PledgeSnapshot *snapshot)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  g_autoptr(GString) out = g_string_new (NULL);
  int first, last;

  if (!pledge_snapshot_get_year_range (snapshot, &first, &last))
    return;

  /* Bounded: a fuzzed file may span two centuries. */
  last = MIN (last, first + 40);
  pledge_report_write (snapshot, first, last, PLEDGE_REPORT_CSV, out);
  g_string_truncate (out, 0);
  pledge_report_write (snapshot, last, last, PLEDGE_REPORT_TEXT, out);

  for (guint t = 0; t < pledge_dataset_get_n_targets (dataset); t++)
    {
      const PledgeTarget *target = pledge_dataset_get_target (dataset, t);
      guint meeting = 0, members = 0;

      for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
        (void) pledge_snapshot_get_gap (snapshot, i, last, t);
      pledge_snapshot_count (snapshot, last, t, &meeting, &members);
      if (meeting > members)
        __builtin_trap ();

      /* The plan of every target it can plan for, and its report. */
      if (target->due != 0)
        {
          g_autoptr(GArray) rows = pledge_plan_compute (snapshot, t, NULL, NULL);

          g_string_truncate (out, 0);
          pledge_report_write_plan (snapshot, t, PLEDGE_REPORT_CSV, out, NULL);
          g_string_truncate (out, 0);
          pledge_report_write_plan (snapshot, t, PLEDGE_REPORT_TEXT, out, NULL);
        }
    }

  for (int year = first; year <= last; year++)
    {
      (void) pledge_snapshot_get_alliance_defence (snapshot, year);
      (void) pledge_snapshot_get_alliance_gdp (snapshot, year);
      for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
        {
          (void) pledge_snapshot_get_alliance_share (snapshot, i, year);
          (void) pledge_snapshot_get_status (snapshot, i, year);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load_from_bytes (bytes, "fuzz.xml", NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(PledgeDataset) reloaded = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  if (dataset == NULL)
    return 0;

  for (int s = PLEDGE_SNAPSHOT_REPORTED; s < (int) pledge_dataset_get_n_scenarios (dataset); s++)
    {
      g_autoptr(PledgeSnapshot) snapshot = pledge_dataset_get_snapshot (dataset, s, NULL);
      g_autoptr(PledgeSnapshot) fresh = pledge_snapshot_new (dataset, s, NULL);

      /* The loader checked every scenario: each must apply, from the cache
       * (made when first asked for) and from scratch alike. */
      if (snapshot == NULL || fresh == NULL)
        __builtin_trap ();
      exercise (snapshot);

      /* Within the bound the loader checked. */
      if (s >= 0 && pledge_snapshot_get_work (fresh) > pledge_dataset_get_scenario_cost (dataset, s))
        __builtin_trap ();
    }

  /* Whatever loads, saves; what is saved loads again and saves the same. */
  saved = pledge_dataset_to_bytes (dataset);
  reloaded = pledge_dataset_load_from_bytes (saved, "saved.xml", &error);
  if (reloaded == NULL)
    {
      g_printerr ("saved file does not load: %s\n%s\n", error->message,
                  (const char *) g_bytes_get_data (saved, NULL));
      __builtin_trap ();
    }
  saved_again = pledge_dataset_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    __builtin_trap ();

  return 0;
}
