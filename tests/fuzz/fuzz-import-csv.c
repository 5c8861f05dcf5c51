/* fuzz-import-csv.c: libFuzzer target over the CSV importer
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/fuzz import-csv [SECONDS] runs it; test-fuzz-replay-import-csv
 * runs it over tests/data/bad-import and tests/fuzz/corpus-import-csv in
 * every test run. Whatever imports must save and load again.
 */

#include "config.h"

#include <stdint.h>

#include "pledge-import-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PledgeImportOptions options[] = {
    { NULL, NULL }, { NULL, "defence" }, { NULL, "real-change" },
  };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(PledgeDataset) reloaded = NULL;
  g_autofree char *summary = NULL;

  dataset = pledge_import_csv (bytes, "fuzz.csv", &options[size % G_N_ELEMENTS (options)],
                               &report, NULL);
  if (dataset == NULL)
    return 0;
  if (report == NULL || report->n_figures == 0)
    __builtin_trap ();
  summary = pledge_import_report_describe (report);
  saved = pledge_dataset_to_bytes (dataset);
  reloaded = pledge_dataset_load_from_bytes (saved, "saved.xml", NULL);
  if (reloaded == NULL)
    __builtin_trap ();
  return 0;
}
