/* fuzz-import-xlsx.c: libFuzzer target over the workbook importers
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input that starts with "PK" is a whole .xlsx file. Any other input is
 * the XML of one sheet, zipped in memory into a workbook whose one sheet
 * is SIPRI's "Share of GDP" (first byte even) or NATO's "TABLE3" (odd):
 * the fuzzer then spends its time in the sheet reader and the SIPRI and
 * NATO interpreters, not in zip checksums.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdint.h>
#include <string.h>

#include "pledge-import-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GBytes *
zip_sheet (const uint8_t *data,
           size_t         size)
{
  const char *sheet_name = size > 0 && (data[0] & 1) ? "TABLE3" : "Share of GDP";
  g_autofree char *workbook = g_strdup_printf (
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"%s\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>", sheet_name);
  const char *rels = "<Relationships><Relationship Id=\"rId1\" "
                     "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  const char *styles = "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/>"
                       "</cellXfs></styleSheet>";
  const char *strings = "<sst><si><t>Country</t></si><si><t>Germany</t></si>"
                        "<si><t>Share of real GDP (%)</t></si><si><t>...</t></si></sst>";
  const char *names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                          "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
  const void *texts[] = { workbook, rels, styles, strings, data };
  gsize lengths[] = { strlen (workbook), strlen (rels), strlen (styles), strlen (strings), size };
  gsize buffer_size = size + 64 * 1024, used = 0;
  guint8 *buffer = g_malloc (buffer_size);
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_open_memory (a, buffer, buffer_size, &used);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, lengths[i]);
      archive_write_header (a, entry);
      archive_write_data (a, texts[i], lengths[i]);
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
  return g_bytes_new_take (buffer, used);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(PledgeDataset) reloaded = NULL;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new (data, size);
  else
    bytes = zip_sheet (data, size);

  dataset = pledge_import_bytes (bytes, "fuzz.xlsx", NULL, &report, NULL);
  if (dataset == NULL)
    return 0;
  saved = pledge_dataset_to_bytes (dataset);
  reloaded = pledge_dataset_load_from_bytes (saved, "saved.xml", NULL);
  if (reloaded == NULL)
    __builtin_trap ();
  return 0;
}
