/* test-import.c: NATO's and SIPRI's workbooks, OWID and tidy CSV
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbooks under tests/data/import are small made-up files in the
 * publishers' shapes (build-aux/make-import-tests.py); the real SIPRI, OWID
 * and NATO files are read from ../shared when it is there.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "pledge-compliance.h"
#include "pledge-document.h"
#include "pledge-import-private.h"
#include "pledge-test-util.h"

static PledgeDataset *
import_text (const char               *text,
             const char               *name,
             const PledgeImportOptions *options,
             PledgeImportReport       **report,
             GError                   **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pledge_import_bytes (bytes, name, options, report, error);
}

static PledgeDataset *
import_test_file (const char                *relative,
                  const PledgeImportOptions *options,
                  PledgeImportReport       **report,
                  GError                   **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pledge_import_file (file, NULL, options, report, NULL, error);
}

static const PledgeFigures *
figures (PledgeDataset *dataset,
         const char    *code,
         int            year)
{
  int m = pledge_dataset_find_member (dataset, code);

  g_assert_cmpint (m, >=, 0);
  return pledge_member_get_figures (pledge_dataset_get_member (dataset, m), year);
}

static double
value (PledgeDataset *dataset,
       const char    *code,
       int            year,
       PledgeField    field)
{
  const PledgeFigures *f = figures (dataset, code, year);

  return f != NULL && pledge_figures_has (f, field) ? f->values[field] : NAN;
}

/* The import's member table is the bundled list: codes, names, years. */
static void
test_members_match_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLEDGE_DATA_DIR"), "datasets", "nato.xml",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) bundled = pledge_dataset_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pledge_dataset_get_n_members (bundled), ==, pledge_import_n_members ());
  for (guint i = 0; i < pledge_import_n_members (); i++)
    {
      const PledgeImportMember *m = pledge_import_get_member (i);
      int index = pledge_dataset_find_member (bundled, m->code);
      const PledgeMember *b;

      g_assert_cmpint (index, >=, 0);
      b = pledge_dataset_get_member (bundled, index);
      g_assert_cmpstr (b->name, ==, m->name);
      g_assert_cmpint (b->joined, ==, m->joined);
    }
}

static const struct
{
  const char       *text;
  PledgeImportMatch match;
  const char       *code;
} match_cases[] = {
  { "Türkiye", PLEDGE_IMPORT_MATCH_MEMBER, "TUR" },
  { "Turkey", PLEDGE_IMPORT_MATCH_MEMBER, "TUR" },
  { "Czech Republic", PLEDGE_IMPORT_MATCH_MEMBER, "CZE" },
  { "Czechia*", PLEDGE_IMPORT_MATCH_MEMBER, "CZE" },
  { "Czechia*   (Koruny)", PLEDGE_IMPORT_MATCH_MEMBER, "CZE" },
  { "Macedonia, FYR", PLEDGE_IMPORT_MATCH_MEMBER, "MKD" },
  { "north macedonia", PLEDGE_IMPORT_MATCH_MEMBER, "MKD" },
  { "United States of America", PLEDGE_IMPORT_MATCH_MEMBER, "USA" },
  { "Slovakia", PLEDGE_IMPORT_MATCH_MEMBER, "SVK" },
  { "UK", PLEDGE_IMPORT_MATCH_MEMBER, "GBR" },
  { "EL", PLEDGE_IMPORT_MATCH_MEMBER, "GRC" },
  { "GR", PLEDGE_IMPORT_MATCH_MEMBER, "GRC" },
  { "DEU", PLEDGE_IMPORT_MATCH_MEMBER, "DEU" },
  { "USSR", PLEDGE_IMPORT_MATCH_FORMER, NULL },
  { "Yugoslavia", PLEDGE_IMPORT_MATCH_FORMER, NULL },
  { "Czechoslovakia", PLEDGE_IMPORT_MATCH_FORMER, NULL },
  { "German Democratic Republic", PLEDGE_IMPORT_MATCH_FORMER, NULL },
  { "Switzerland", PLEDGE_IMPORT_MATCH_NON_MEMBER, NULL },
  { "CHE", PLEDGE_IMPORT_MATCH_NON_MEMBER, NULL },
};

static void
test_match (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  guint index = G_MAXUINT;

  g_assert_cmpint (pledge_import_match (match_cases[i].text, &index), ==, match_cases[i].match);
  if (match_cases[i].code != NULL)
    g_assert_cmpstr (pledge_import_get_member (index)->code, ==, match_cases[i].code);
}

static void
test_tidy_csv (void)
{
  const char *csv =
    "\xef\xbb\xbfmember,year,name,defence,gdp,defence-gdp,estimate\r\n"
    "DEU,2016,\"Germany, Federal Republic\",41606.5,3462961.75,1.2,false\r\n"
    "\"Türkiye\",2016,,12643.5,,1.454,\r\n"
    "UK,2024,\"The \"\"UK\"\"\",82107.25,,2.33,true\r\n"
    "\r\n"
    "CHE,2016,Switzerland,5000,,,\r\n";
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = import_text (csv, "tidy.csv", NULL, &report, &error);
  const PledgeFigures *uk;

  g_assert_no_error (error);
  g_assert_cmpfloat (value (dataset, "DEU", 2016, PLEDGE_FIELD_DEFENCE), ==, 41606.5);
  g_assert_cmpfloat (value (dataset, "DEU", 2016, PLEDGE_FIELD_GDP), ==, 3462961.75);
  g_assert_cmpfloat (value (dataset, "TUR", 2016, PLEDGE_FIELD_DEFENCE_GDP), ==, 1.454);
  g_assert_true (isnan (value (dataset, "TUR", 2016, PLEDGE_FIELD_GDP)));
  uk = figures (dataset, "GBR", 2024);
  g_assert_nonnull (uk);
  g_assert_true (uk->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_false (figures (dataset, "DEU", 2016)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_cmpuint (report->n_members, ==, 3);
  g_assert_cmpuint (report->n_figures, ==, 3);
  g_assert_cmpuint (report->n_non_members, ==, 1);
  /* every member of the list, with figures or not */
  g_assert_cmpuint (pledge_dataset_get_n_members (dataset), ==, pledge_import_n_members ());
}

/* A German spreadsheet's CSV: semicolons and decimal commas. */
static void
test_semicolon_csv (void)
{
  const char *csv = "member;year;defence-gdp;real-change\nFrance;2020;2,0;-1,5\nITA;2020;1.588;\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = import_text (csv, "de.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value (dataset, "FRA", 2020, PLEDGE_FIELD_DEFENCE_GDP), ==, 2.0);
  g_assert_cmpfloat (pledge_figures_get_extra (figures (dataset, "FRA", 2020),
                                               PLEDGE_EXTRA_REAL_CHANGE), ==, -1.5);
  g_assert_cmpfloat (value (dataset, "ITA", 2020, PLEDGE_FIELD_DEFENCE_GDP), ==, 1.588);
}

static void
test_owid_csv (void)
{
  const char *csv =
    "Entity,Code,Year,Military expenditure (% of GDP),World region according to OWID\n"
    "Germany,DEU,1990,2.5,Europe\n"
    "Turkey,TUR,1990,3.25,Asia\n"
    "Switzerland,CHE,1990,1.5,Europe\n"
    "Kosovo,OWID_KOS,2010,0.75,Europe\n"
    "European Union (SIPRI),,1990,2.0,\n";
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = import_text (csv, "owid.csv", NULL, &report, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (value (dataset, "DEU", 1990, PLEDGE_FIELD_DEFENCE_GDP), ==, 2.5);
  g_assert_cmpfloat (value (dataset, "TUR", 1990, PLEDGE_FIELD_DEFENCE_GDP), ==, 3.25);
  g_assert_cmpuint (report->n_non_members, ==, 2);
  g_assert_cmpuint (report->n_aggregates, ==, 1);
  g_assert_cmpint (report->first_year, ==, 1990);
  text = pledge_import_report_describe (report);
  g_assert_nonnull (strstr (text, "2 NATO members"));
  g_clear_pointer (&text, g_free);
  text = pledge_import_report_describe_short (report);
  g_assert_cmpstr (text, ==, "Imported 2 NATO members · Left out 2 other countries, 1 region");
}

static void
test_sipri_workbook (void)
{
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = import_test_file ("data/import/sipri-mini.xlsx", NULL,
                                                       &report, &error);

  g_assert_no_error (error);
  /* fractions with a percent format, in percent */
  g_assert_cmpfloat_with_epsilon (value (dataset, "DEU", 2014, PLEDGE_FIELD_DEFENCE_GDP), 1.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (value (dataset, "USA", 2016, PLEDGE_FIELD_DEFENCE_GDP), 3.0, 1e-12);
  /* "...", "xxx" and ". ." are unknown */
  g_assert_null (figures (dataset, "DEU", 2016));
  g_assert_null (figures (dataset, "TUR", 2015));
  g_assert_null (figures (dataset, "CZE", 2014));
  g_assert_cmpuint (report->n_non_members, ==, 1);
  g_assert_cmpuint (report->n_former, ==, 1);
  g_assert_cmpuint (report->n_aggregates, ==, 1);
  g_assert_cmpstr (report->sheet, ==, "Share of GDP");
  /* blue and red figures are estimates; black ones and an underlined blue
   * (a link's colour) are not */
  g_assert_true (figures (dataset, "USA", 2016)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_true (figures (dataset, "CZE", 2016)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_false (figures (dataset, "CZE", 2015)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_false (figures (dataset, "USA", 2015)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_nonnull (strstr (pledge_dataset_get_title (dataset), "percentage of gross domestic"));
  g_assert_null (strstr (pledge_dataset_get_title (dataset), "©"));
}

static void
test_sipri_sheets (void)
{
  const PledgeImportOptions constant = { "constant", NULL };
  const PledgeImportOptions current = { "Current US$", NULL };
  const PledgeImportOptions nothing = { "Per capita", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) a = import_test_file ("data/import/sipri-mini.xlsx", &constant, NULL,
                                                 &error);
  g_autoptr(PledgeDataset) b = NULL;
  g_autoptr(PledgeDataset) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (value (a, "DEU", 2015, PLEDGE_FIELD_DEFENCE), ==, 41000.25);
  g_assert_cmpstr (pledge_dataset_get_prices (a), ==, "constant-2023");

  b = import_test_file ("data/import/sipri-mini.xlsx", &current, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value (b, "DEU", 2014, PLEDGE_FIELD_DEFENCE), ==, 35000.5);
  g_assert_cmpstr (pledge_dataset_get_prices (b), ==, "current");

  c = import_test_file ("data/import/sipri-mini.xlsx", &nothing, NULL, &error);
  g_assert_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "\"Share of GDP\""));
  g_assert_null (c);
}

static void
test_nato_workbook (void)
{
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = import_test_file ("data/import/nato-mini.xlsx", NULL,
                                                       &report, &error);
  const PledgeFigures *cz;
  const PledgeEdition *edition;

  g_assert_no_error (error);
  edition = pledge_dataset_get_edition (dataset);
  g_assert_nonnull (edition);
  g_assert_cmpstr (edition->date, ==, "2099-06-17");
  g_assert_cmpint (pledge_dataset_get_constant_year (dataset), ==, 2015);

  cz = figures (dataset, "CZE", 2016);
  g_assert_nonnull (cz);
  g_assert_true (cz->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_false (figures (dataset, "CZE", 2015)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_cmpfloat (cz->values[PLEDGE_FIELD_DEFENCE_GDP], ==, 1.995);
  g_assert_cmpfloat (cz->values[PLEDGE_FIELD_DEFENCE], ==, 1865.75);
  g_assert_cmpfloat (cz->values[PLEDGE_FIELD_GDP], ==, 196192.75);
  g_assert_cmpfloat (cz->values[PLEDGE_FIELD_EQUIPMENT], ==, 6.695);
  g_assert_cmpfloat (pledge_figures_get_extra (cz, PLEDGE_EXTRA_DEFENCE_CONSTANT), ==, 1832.75);
  g_assert_cmpfloat (pledge_figures_get_extra (cz, PLEDGE_EXTRA_GDP_CONSTANT), ==, 192724.25);
  g_assert_cmpfloat (pledge_figures_get_extra (cz, PLEDGE_EXTRA_REAL_CHANGE), ==, -4.614);
  g_assert_cmpfloat (pledge_figures_get_extra (cz, PLEDGE_EXTRA_MILITARY_PERSONNEL), ==, 22.704);
  g_assert_cmpfloat (pledge_figures_get_extra (cz, PLEDGE_EXTRA_PERSONNEL_SPENDING), ==, 61.949);
  g_assert_cmpfloat_with_epsilon (pledge_figures_get_extra (cz, PLEDGE_EXTRA_POPULATION),
                                  192724.25 / 18.241, 1e-9);
  /* 1.995 published counts as 2.00 */
  g_assert_cmpint (pledge_value_meets (pledge_figures_metric (cz, PLEDGE_METRIC_DEFENCE_GDP), 2),
                   ==, PLEDGE_MEETS_YES);
  /* Iceland: GDP only, in Table 5 */
  g_assert_cmpfloat (value (dataset, "ISL", 2014, PLEDGE_FIELD_GDP), ==, 17867.5);
  g_assert_cmpuint (report->n_aggregates, ==, 1);
  g_assert_cmpuint (report->n_members, ==, 3);
}

static void
test_bad (gconstpointer data)
{
  const PledgeBadCase *c = data;
  g_autofree char *relative = g_build_filename ("data", "bad-import", c->name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = import_test_file (relative, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PLEDGE_IMPORT_ERROR);
  if (!g_str_has_prefix (error->message, c->expected))
    g_error ("%s: “%s” does not start with “%s”", c->name, error->message, c->expected);
  g_test_message ("%s: refused in %.2f s", c->name,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static GPtrArray *
add_bad_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (pledge_bad_case_free);
  g_autofree char *table = pledge_test_read_file ("data/bad-import/expected.tsv");
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      PledgeBadCase *c;
      g_autofree char *path = NULL;

      if (tab == NULL || lines[i][0] == '#')
        continue;
      c = g_new0 (PledgeBadCase, 1);
      c->name = g_strndup (lines[i], tab - lines[i]);
      c->expected = g_strdup (tab + 1);
      g_ptr_array_add (cases, c);
      path = g_strdup_printf ("/pledge/import/bad/%s", c->name);
      g_test_add_data_func (path, c, test_bad);
    }
  return cases;
}

/* A CSV with a 50 MB field: refused at a MiB, at once. */
static void
test_huge_field (void)
{
  gsize size = 50 * 1000 * 1000;
  g_autoptr(GString) csv = g_string_sized_new (size + 100);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  g_string_append (csv, "member,year,name,defence\nDEU,2016,\"");
  while (csv->len < size)
    g_string_append (csv, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (csv, "\",5\n");
  dataset = import_text (csv->str, "field.csv", NULL, NULL, &error);
  g_assert_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "field.csv:2: a field longer than 1 MiB"));
  g_test_message ("a 50 MB field: refused in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

/* A million rows imports within seconds: each member-year once, the
 * rest countries that never joined. */
static void
test_million_rows_csv (void)
{
  g_autoptr(GString) csv = g_string_sized_new (40 * 1000 * 1000);
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  gint64 start;
  guint rows = 0;

  g_string_append (csv, "member,year,defence-gdp\n");
  for (guint m = 0; m < pledge_import_n_members (); m++)
    for (int y = PLEDGE_YEAR_MIN; y <= PLEDGE_YEAR_MAX; y++, rows++)
      g_string_append_printf (csv, "%s,%d,%u.%u\n", pledge_import_get_member (m)->code, y,
                              m % 5, (guint) y % 100);
  for (; rows < 1000000; rows++)
    g_string_append_printf (csv, "Nowhere %u,2000,1.5\n", rows % 5000);

  start = g_get_monotonic_time ();
  dataset = import_text (csv->str, "million.csv", NULL, &report, &error);
  g_assert_no_error (error);
  g_test_message ("a million CSV rows: %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (report->n_figures, ==, pledge_import_n_members () * 301);
  g_assert_cmpuint (report->n_non_members, ==, 5000);
}

/* A SIPRI-shaped workbook of a million rows, zipped by libarchive in
 * memory. */
static void
test_million_rows_workbook (void)
{
  static const char *parts[][2] = {
    { "xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Share of GDP\" "
                         "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" "
                                    "Target=\"worksheets/sheet1.xml\"/></Relationships>" },
  };
  g_autoptr(GString) sheet = g_string_sized_new (80 * 1000 * 1000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  struct archive *a = archive_write_new ();
  gsize buffer_size = 64 * 1000 * 1000, used = 0;
  g_autofree guint8 *buffer = g_malloc (buffer_size);
  clock_t start;
  double seconds;

  g_string_append (sheet, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                          "Country</t></is></c><c r=\"B1\"><v>2000</v></c></row>");
  for (guint r = 2; r <= 1000000; r++)
    {
      if (r - 2 < pledge_import_n_members ())
        g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>%s</t>"
                                "</is></c><c r=\"B%u\"><v>2.5</v></c></row>", r, r,
                                pledge_import_get_member (r - 2)->name, r);
      else
        g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>X%u</t>"
                                "</is></c><c r=\"B%u\"><v>1</v></c></row>", r, r, r % 1000, r);
    }
  g_string_append (sheet, "</sheetData></worksheet>");

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buffer, buffer_size, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i <= G_N_ELEMENTS (parts); i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      const char *name = i < G_N_ELEMENTS (parts) ? parts[i][0] : "xl/worksheets/sheet1.xml";
      const char *text = i < G_N_ELEMENTS (parts) ? parts[i][1] : sheet->str;
      gsize length = strlen (text);

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, length);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, text, length), ==, (la_ssize_t) length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  bytes = g_bytes_new (buffer, used);

  /* Processor time, not the wall clock: the limit is on the work done,
   * and a loaded machine stretches the wall clock. Two million cells. */
  start = clock ();
  dataset = pledge_import_bytes (bytes, "million.xlsx", NULL, &report, &error);
  g_assert_no_error (error);
  seconds = (clock () - start) / (double) CLOCKS_PER_SEC;
  g_test_message ("a million workbook rows, 2 million cells (%zu MB of sheet XML): %.2f s "
                  "of processor time", sheet->len / 1000000, seconds);
  g_assert_cmpuint (report->n_members, ==, pledge_import_n_members ());
  g_assert_cmpuint (report->n_non_members, ==, 1000);
}

/* A document opens an import as a new, unsaved dataset named after the
 * file, with no file of its own: Save As keeps it. */
static void
test_document_opens_import (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "sipri-mini.xlsx",
                                                 NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "bad-import",
                                                     "latin1.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("pledge-import-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "sipri.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(PledgeDocument) document = pledge_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PledgeDataset *dataset;

  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_assert_true (pledge_document_load (document, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (pledge_document_get_file (document));
  g_assert_cmpstr (pledge_document_get_display_name (document), ==, "sipri-mini.xlsx");
  g_assert_true (pledge_document_get_has_changes (document));
  g_assert_nonnull (pledge_document_get_import_report (document));
  text = pledge_import_report_describe (pledge_document_get_import_report (document));
  g_assert_nonnull (strstr (text, "1 former state"));
  dataset = pledge_document_get_dataset (document);
  g_assert_cmpfloat_with_epsilon (value (dataset, "DEU", 2014, PLEDGE_FIELD_DEFENCE_GDP), 1.25, 1e-12);

  /* a file that cannot be imported leaves the document as it was */
  g_assert_false (pledge_document_load (document, bad, FALSE, &error));
  g_assert_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_true (pledge_document_get_dataset (document) == dataset);

  g_assert_true (pledge_document_save_as (document, saved, &error));
  g_assert_no_error (error);
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_true (g_file_equal (pledge_document_get_file (document), saved));

  /* the saved file is a dataset: it loads as one */
  g_assert_true (pledge_document_load (document, saved, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (pledge_document_get_import_report (document));
  g_assert_false (pledge_document_get_has_changes (document));

  g_unlink (saved_path);
  g_rmdir (dir);
}

/* ../shared: the real files ----------------------------------------- */

static char *
shared_path (const char *relative)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "..", "shared",
                                            "reference-data", relative, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}

static PledgeDataset *
import_shared (const char *relative)
{
  g_autofree char *path = shared_path (relative);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset;

  if (path == NULL)
    return NULL;
  file = g_file_new_for_path (path);
  dataset = pledge_import_file (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

/* SIPRI's workbook and OWID's CSV give SIPRI's share for every member-year
 * since 1949, and nothing where SIPRI has none. */
static void
test_shared_sipri_owid (void)
{
  g_autoptr(PledgeDataset) sipri = import_shared ("import-samples/SIPRI-Milex-data-1949-2024.xlsx");
  g_autoptr(PledgeDataset) owid = import_shared ("import-samples/owid-military-spending-share-gdp-sipri.csv");
  g_autofree char *path = shared_path ("import-samples/sipri_milex_share_gdp_nato_members_1949_2024_long.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0, unknown = 0;

  if (sipri == NULL || owid == NULL || path == NULL)
    {
      g_test_skip ("../shared/reference-data is not here");
      return;
    }
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      /* sipri_name,iso3,nato_accession_year,year,share_gdp_pct,raw_cell,notes */
      g_auto(GStrv) f = g_strsplit (lines[i], ",", 7);
      int year;

      if (g_strv_length (f) < 5 || *f[1] == '\0')
        continue;   /* former states: no code, left out */
      year = atoi (f[3]);
      if (*f[4] == '\0')
        {
          g_assert_true (isnan (value (sipri, f[1], year, PLEDGE_FIELD_DEFENCE_GDP)));
          g_assert_true (isnan (value (owid, f[1], year, PLEDGE_FIELD_DEFENCE_GDP)));
          unknown++;
        }
      else
        {
          double expected = g_ascii_strtod (f[4], NULL);

          g_assert_cmpfloat_with_epsilon (value (sipri, f[1], year, PLEDGE_FIELD_DEFENCE_GDP),
                                          expected, 1e-9 * MAX (1, expected));
          /* OWID rounds to 8 significant digits */
          g_assert_cmpfloat_with_epsilon (value (owid, f[1], year, PLEDGE_FIELD_DEFENCE_GDP),
                                          expected, 1e-6 * MAX (1, expected));
          checked++;
        }
    }
  g_test_message ("%u member-years agree, %u unknown in both", checked, unknown);
  g_assert_cmpuint (checked, >, 1500);
}

/* Checks every figure of one of reference-data's full-precision tables
 * (country,iso3,note,2014,...) against the import; returns how many. */
static guint
check_nato_table (PledgeDataset *nato,
                  const char    *table,
                  guint          slot)
{
  g_autofree char *name = g_strconcat (table, ".csv", NULL);
  g_autofree char *path = shared_path (name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint checked = 0;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);

      if (g_strv_length (f) < 4 || *f[1] == '\0')
        continue;   /* the NATO aggregates */
      for (guint c = 3; f[c] != NULL && header[c] != NULL; c++)
        if (*f[c] != '\0')
          {
            const PledgeFigures *fig = figures (nato, f[1], atoi (header[c]));
            double got = NAN;

            if (fig != NULL && slot < PLEDGE_N_FIELDS && pledge_figures_has (fig, slot))
              got = fig->values[slot];
            else if (fig != NULL && slot >= PLEDGE_N_FIELDS)
              got = pledge_figures_get_extra (fig, slot - PLEDGE_N_FIELDS);
            if (got != g_ascii_strtod (f[c], NULL))
              g_error ("%s: %s %s is %.17g, not %s", table, f[1], header[c], got, f[c]);
            checked++;
          }
    }
  return checked;
}

/* NATO's 2024 workbook: every table at full precision, and "2016: 5 of
 * 28". */
static void
test_shared_nato_2024 (void)
{
  static const struct
  {
    const char *table;
    guint       slot;
    guint       count;   /* member-years, Iceland's GDP included */
  } tables[] = {
    { "nato_2024_pct_gdp_fullprecision", PLEDGE_FIELD_DEFENCE_GDP, 31 * 11 },
    { "nato_2024_defexp_musd_current_fullprecision", PLEDGE_FIELD_DEFENCE, 31 * 11 },
    { "nato_2024_gdp_musd_current_fullprecision", PLEDGE_FIELD_GDP, 32 * 11 },
    { "nato_2024_equipment_share_pct_fullprecision", PLEDGE_FIELD_EQUIPMENT, 31 * 11 },
    { "nato_2024_defexp_musd_constant2015_fullprecision",
      PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_DEFENCE_CONSTANT), 31 * 11 },
    { "nato_2024_real_change_pct_fullprecision",
      PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_REAL_CHANGE), 31 * 11 },
    { "nato_2024_military_personnel_thousands_fullprecision",
      PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_MILITARY_PERSONNEL), 31 * 11 },
    { "nato_2024_personnel_share_pct_fullprecision",
      PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_PERSONNEL_SPENDING), 31 * 11 },
    { "nato_2024_infrastructure_share_pct_fullprecision",
      PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_INFRASTRUCTURE), 31 * 11 },
    { "nato_2024_other_share_pct_fullprecision",
      PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_OTHER_SPENDING), 31 * 11 },
  };
  g_autoptr(PledgeDataset) nato = import_shared ("raw/240617-def-exp-2024-TABLES-en.xlsx");
  guint members = 0, meet = 0;

  if (nato == NULL)
    {
      g_test_skip ("../shared/reference-data is not here");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpuint (check_nato_table (nato, tables[i].table, tables[i].slot), ==,
                      tables[i].count);

  for (guint m = 0; m < pledge_dataset_get_n_members (nato); m++)
    {
      const PledgeMember *member = pledge_dataset_get_member (nato, m);
      const PledgeFigures *f = pledge_member_get_figures (member, 2016);

      if (!pledge_member_is_member_in (member, 2016))
        continue;
      members++;
      if (f != NULL && pledge_value_meets (pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP), 2)
                       == PLEDGE_MEETS_YES)
        meet++;
    }
  g_assert_cmpuint (members, ==, 28);
  g_assert_cmpuint (meet, ==, 5);
  g_assert_true (figures (nato, "SVK", 2024)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_false (figures (nato, "SVK", 2022)->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_cmpstr (pledge_dataset_get_edition (nato)->date, ==, "2024-06-17");
  g_assert_cmpint (pledge_dataset_get_constant_year (nato), ==, 2015);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) bad = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/import/members", test_members_match_bundled);
  for (guint i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/pledge/import/match/%u", i);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_match);
    }
  g_test_add_func ("/pledge/import/csv/tidy", test_tidy_csv);
  g_test_add_func ("/pledge/import/csv/semicolon", test_semicolon_csv);
  g_test_add_func ("/pledge/import/csv/owid", test_owid_csv);
  g_test_add_func ("/pledge/import/sipri/share", test_sipri_workbook);
  g_test_add_func ("/pledge/import/sipri/sheets", test_sipri_sheets);
  g_test_add_func ("/pledge/import/nato", test_nato_workbook);
  g_test_add_func ("/pledge/import/limits/field", test_huge_field);
  g_test_add_func ("/pledge/import/limits/million-csv", test_million_rows_csv);
  g_test_add_func ("/pledge/import/limits/million-workbook", test_million_rows_workbook);
  g_test_add_func ("/pledge/import/document", test_document_opens_import);
  g_test_add_func ("/pledge/import/shared/sipri-owid", test_shared_sipri_owid);
  g_test_add_func ("/pledge/import/shared/nato-2024", test_shared_nato_2024);
  bad = add_bad_cases ();

  return g_test_run ();
}
