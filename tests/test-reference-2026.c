/* test-reference-2026.c: the bundled default, NATO's July 2026 edition,
 * reproduces every figure NATO printed, as the CSV report shows it
 *
 * Reads NATO's tables from the reference data beside the source tree
 * (../shared/reference-data/nato-2026, one wide CSV per measure:
 * country,iso3,2014..2026); skips when they are absent. Runs the report a
 * user gets from `pledge --report --format=csv --year=all nato.xml` and
 * compares each column with NATO's table: shares and real change to the
 * printed digit, military personnel to the printed digit (one decimal),
 * money as given, per capita within one unit (NATO prints whole dollars;
 * the population behind it is derived, see the dataset's notes). A cell
 * NATO left empty must be empty in the report.
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pledge-report.h"
#include "pledge-snapshot.h"
#include "pledge-test-util.h"

typedef enum
{
  COMPARE_MONEY,     /* the same number */
  COMPARE_DIGITS_2,  /* printed with two decimals */
  COMPARE_DIGITS_1,  /* printed with one decimal */
  COMPARE_WITHIN_1,  /* within one unit */
} Compare;

typedef struct
{
  const char *file;    /* nato_2026ed_<file>.csv */
  const char *column;  /* the CSV report's column */
  Compare     compare;
} Measure;

static const Measure measures[] = {
  { "core_usd_current_m", "defence", COMPARE_MONEY },
  { "gdp_usd_current_m", "gdp", COMPARE_MONEY },
  { "core_share_gdp", "defence_gdp", COMPARE_DIGITS_2 },
  { "equipment_share_pct", "equipment_defence", COMPARE_DIGITS_2 },
  { "core_usd_2021_m", "defence_constant", COMPARE_MONEY },
  { "core_real_change_pct", "real_change", COMPARE_DIGITS_2 },
  { "core_per_capita_2021_usd", "defence_per_capita", COMPARE_WITHIN_1 },
  { "personnel_k", "military_personnel", COMPARE_DIGITS_1 },
  { "personnel_share_pct", "personnel_spending", COMPARE_DIGITS_2 },
  { "infrastructure_share_pct", "infrastructure", COMPARE_DIGITS_2 },
  { "other_share_pct", "other_spending", COMPARE_DIGITS_2 },
};

typedef struct
{
  GHashTable *columns;  /* name -> index + 1 */
  GHashTable *rows;     /* "CODE YEAR" -> GStrv of cells */
} Report;

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->columns, g_hash_table_unref);
  g_clear_pointer (&r->rows, g_hash_table_unref);
}

/* One CSV line into cells: fields may be quoted, "" is a quote. */
static GStrv
split_csv (const char *line)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            break;
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
          continue;
        }
      if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || *p == '\0')
        {
          g_strv_builder_add (cells, cell->str);
          g_string_truncate (cell, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (cell, *p);
    }
  return g_strv_builder_end (cells);
}

/* The CSV report of every year, as `--report --format=csv --year=all`. */
static void
report_load (Report         *r,
             PledgeSnapshot *snapshot)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  int first, last;

  g_assert_true (pledge_snapshot_get_year_range (snapshot, &first, &last));
  g_assert_cmpint (first, ==, 2014);
  g_assert_cmpint (last, ==, 2026);
  pledge_report_write (snapshot, first, last, PLEDGE_REPORT_CSV, out);

  lines = g_strsplit (out->str, "\n", -1);
  header = split_csv (lines[0]);
  r->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; header[i] != NULL; i++)
    g_hash_table_insert (r->columns, g_strdup (header[i]), GUINT_TO_POINTER (i + 1));
  r->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      GStrv cells;

      if (lines[i][0] == '\0')
        continue;
      cells = split_csv (lines[i]);
      g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (header));
      g_hash_table_insert (r->rows, g_strdup_printf ("%s %s", cells[1], cells[0]), cells);
    }
}

static const char *
report_cell (Report     *r,
             const char *code,
             int         year,
             const char *column)
{
  g_autofree char *key = g_strdup_printf ("%s %d", code, year);
  GStrv cells = g_hash_table_lookup (r->rows, key);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (r->columns, column));

  if (index == 0)
    g_error ("the CSV report has no column \"%s\" (format v2 columns: docs/command-line.md)", column);
  return cells != NULL ? cells[index - 1] : NULL;
}

static char *
reference_dir (void)
{
  /* G_TEST_SRCDIR is tests/; the reference data sits beside the source
   * tree. */
  return g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "reference-data",
                                "nato-2026", NULL);
}

static double
parse_number (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

/* "as printed" to digits decimals: NATO's tables are already rounded, so
 * printing the reference value to those digits gives its printed form. */
static char *
printed (double value,
         int    digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, digits == 1 ? "%.1f" : "%.2f", value));
}

static guint
check_measure (Report        *r,
               PledgeDataset *dataset,
               const char    *dir,
               const Measure *m)
{
  g_autofree char *name = g_strdup_printf ("nato_2026ed_%s.csv", m->file);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  header = split_csv (lines[0]);
  g_assert_cmpstr (header[1], ==, "iso3");
  g_assert_cmpstr (header[2], ==, "2014");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = split_csv (g_strstrip (lines[i]));
      int k;
      const PledgeMember *member;

      if (cells[0] == NULL || cells[1] == NULL || cells[1][0] == '\0')
        continue;  /* aggregates have no code */
      k = pledge_dataset_find_member (dataset, cells[1]);
      if (k < 0)
        g_error ("%s: %s is not in nato.xml", name, cells[1]);
      member = pledge_dataset_get_member (dataset, k);

      for (guint c = 2; cells[c] != NULL && header[c] != NULL; c++)
        {
          int year = atoi (header[c]);
          const char *ours = report_cell (r, cells[1], year, m->column);

          if (ours == NULL)
            {
              /* No line: not yet a member that year (NATO lists Finland,
               * Sweden, ... before they joined). */
              g_assert_false (pledge_member_is_member_in (member, year));
              continue;
            }
          if (cells[c][0] == '\0')
            {
              if (ours[0] != '\0')
                g_error ("%s %d %s: NATO has no figure, the report says %s",
                         cells[1], year, m->column, ours);
              continue;
            }
          if (ours[0] == '\0')
            g_error ("%s %d %s: NATO printed %s, the report has nothing",
                     cells[1], year, m->column, cells[c]);

          switch (m->compare)
            {
            case COMPARE_MONEY:
              if (parse_number (ours) != parse_number (cells[c]))
                g_error ("%s %d %s: NATO %s, report %s", cells[1], year, m->column, cells[c], ours);
              break;
            case COMPARE_DIGITS_2:
            case COMPARE_DIGITS_1:
              {
                g_autofree char *want = printed (parse_number (cells[c]),
                                                 m->compare == COMPARE_DIGITS_1 ? 1 : 2);

                if (g_strcmp0 (ours, want) != 0)
                  g_error ("%s %d %s: NATO printed %s, report %s", cells[1], year, m->column, want, ours);
              }
              break;
            case COMPARE_WITHIN_1:
              if (fabs (parse_number (ours) - parse_number (cells[c])) > 1.0)
                g_error ("%s %d %s: NATO %s, report %s", cells[1], year, m->column, cells[c], ours);
              break;
            default:
              g_assert_not_reached ();
            }
          checked++;
        }
    }
  return checked;
}

static void
test_reproduces (void)
{
  g_autofree char *dir = reference_dir ();
  g_autofree char *path = pledge_test_data_path ("datasets/nato.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  Report r = { 0 };
  guint total = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no reference data (../shared/reference-data/nato-2026)");
      return;
    }

  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  report_load (&r, snapshot);

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      guint checked = check_measure (&r, dataset, dir, &measures[i]);

      g_test_message ("%s: %u figures", measures[i].column, checked);
      /* Every table covers the 31 members that report, in the years they
       * were members: something to compare in each. */
      g_assert_cmpuint (checked, >, 300);
      total += checked;
    }
  g_test_message ("%u figures reproduced", total);

  /* Iceland is a member with no row in NATO's tables: no figures. */
  for (int year = 2014; year <= 2026; year++)
    for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
      g_assert_cmpstr (report_cell (&r, "ISL", year, measures[i].column), ==, "");

  report_clear (&r);
}

/* The alliance's total, summed by the format's membership rule, is NATO's
 * "NATO Total" row (which counts new members from their accession year):
 * within the rounding of the 31 whole-million figures it adds up. */
static void
test_alliance_total (void)
{
  g_autofree char *dir = reference_dir ();
  g_autofree char *csv = g_build_filename (dir, "nato_2026ed_core_usd_current_m.csv", NULL);
  g_autofree char *path = pledge_test_data_path ("datasets/nato.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint checked = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no reference data (../shared/reference-data/nato-2026)");
      return;
    }
  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);

  g_file_get_contents (csv, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  header = split_csv (lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = split_csv (g_strstrip (lines[i]));

      if (g_strcmp0 (cells[0], "NATO Total") != 0)
        continue;
      for (guint c = 2; cells[c] != NULL && header[c] != NULL; c++)
        {
          int year = atoi (header[c]);
          double ours = pledge_snapshot_get_alliance_defence (snapshot, year);

          g_assert_false (isnan (ours));
          g_test_message ("%d: alliance %.0f, NATO Total %s", year, ours, cells[c]);
          if (fabs (ours - parse_number (cells[c])) > 16.0)
            g_error ("%d: alliance %.0f, NATO Total %s", year, ours, cells[c]);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 13);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/reference-2026/reproduces", test_reproduces);
  g_test_add_func ("/pledge/reference-2026/alliance-total", test_alliance_total);

  return g_test_run ();
}
