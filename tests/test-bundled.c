/* test-bundled.c: the bundled datasets reproduce NATO's published numbers
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

static PledgeSnapshot *
load_snapshot (const char *name)
{
  g_autofree char *relative = g_build_filename ("datasets", name, NULL);
  g_autofree char *path = pledge_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
}

/* Every member-year's share, rounded to two decimals as NATO prints it,
 * equals NATO's published table (nato_2024_pct_gdp.csv, copied from the
 * reference data) in the June 2024 edition. */
static void
test_published_table (void)
{
  g_autoptr(PledgeSnapshot) s = load_snapshot ("nato-2024.xml");
  PledgeDataset *dataset = pledge_snapshot_get_dataset (s);
  g_autofree char *csv = pledge_test_read_file ("data/nato_2024_pct_gdp.csv");
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
  guint checked = 0;

  g_assert_cmpstr (header[3], ==, "2014");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (g_strstrip (lines[i]), ",", -1);
      int member;

      if (g_strv_length (cells) < 4 || cells[1][0] == '\0')
        continue;  /* aggregates have no code */
      member = pledge_dataset_find_member (dataset, cells[1]);
      g_assert_cmpint (member, >=, 0);

      for (guint c = 3; cells[c] != NULL; c++)
        {
          int year = atoi (header[c]);
          double published = g_ascii_strtod (cells[c], NULL);
          double share = pledge_snapshot_get_metric (s, member, year, PLEDGE_METRIC_DEFENCE_GDP);
          char ours[32];

          g_ascii_formatd (ours, sizeof ours, "%.2f", pledge_round2 (share));
          if (g_strcmp0 (ours, cells[c]) != 0)
            g_error ("%s %d: %s published, %s computed", cells[1], year, cells[c], ours);
          g_assert_cmpfloat_with_epsilon (pledge_round2 (share), published, 1e-9);
          checked++;
        }
    }
  /* 31 allies with figures x 11 years. */
  g_assert_cmpuint (checked, ==, 31 * 11);
}

typedef struct
{
  int         year;
  guint       meeting;
  guint       members;
  const char *who;  /* codes of those meeting it, or NULL to skip */
} Count;

/* NATO's counts of allies at 2% in the June 2024 edition
 * (nato_allies_at_or_above_2pct.csv). */
static const Count counts_2024[] = {
  { 2014, 3, 28, "GBR GRC USA" },
  { 2015, 5, 28, "EST GBR GRC POL USA" },
  { 2016, 5, 28, "EST GBR GRC POL USA" },
  { 2017, 4, 29, NULL },
  { 2018, 6, 29, NULL },
  { 2019, 7, 29, NULL },
  { 2020, 9, 30, NULL },
  { 2021, 6, 30, NULL },
  { 2022, 7, 30, NULL },
  { 2023, 10, 31, NULL },
  { 2024, 23, 32, NULL },
};

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The July 2026 edition (nato.xml), core defence: NATO's count for 2024
 * is 17, not the June 2024 edition's 23 (see README.md). */
static const Count counts_2026[] = {
  { 2024, 17, 32, "DEU DNK EST FIN FRA GBR GRC HUN LTU LVA NLD NOR POL ROU SWE TUR USA" },
  { 2025, 28, 32, NULL },
  { 2026, 30, 32, NULL },
};

static const Count counts_2026_core[] = {
  { 2026, 5, 32, "EST GRC LTU LVA POL" },
};

/* The June 2019 edition: "the US, Greece, Estonia, the UK, Romania, Poland
 * and Latvia" (NATO, 25 June 2019). */
static const Count counts_2019[] = {
  { 2019, 7, 29, "EST GBR GRC LVA POL ROU USA" },
};

static void
check_counts (const char  *name,
              const char  *target,
              const Count *counts,
              guint        n_counts)
{
  g_autoptr(PledgeSnapshot) s = load_snapshot (name);
  PledgeDataset *dataset = pledge_snapshot_get_dataset (s);
  int gdp2 = pledge_dataset_find_target (dataset, target);

  g_assert_cmpint (gdp2, >=, 0);
  for (guint i = 0; i < n_counts; i++)
    {
      const Count *c = &counts[i];
      guint n, m;

      pledge_snapshot_count (s, c->year, gdp2, &n, &m);
      g_assert_cmpuint (n, ==, c->meeting);
      g_assert_cmpuint (m, ==, c->members);

      if (c->who != NULL)
        {
          g_autoptr(GString) who = g_string_new (NULL);
          g_autoptr(GPtrArray) codes = g_ptr_array_new ();

          for (guint k = 0; k < pledge_dataset_get_n_members (dataset); k++)
            if (pledge_member_is_member_in (pledge_dataset_get_member (dataset, k), c->year) &&
                pledge_snapshot_meets (s, k, c->year, gdp2) == PLEDGE_MEETS_YES)
              g_ptr_array_add (codes, pledge_dataset_get_member (dataset, k)->code);
          g_ptr_array_sort (codes, compare_codes);
          for (guint k = 0; k < codes->len; k++)
            g_string_append_printf (who, "%s%s", k ? " " : "", (const char *) g_ptr_array_index (codes, k));
          g_assert_cmpstr (who->str, ==, c->who);
        }
    }
}

static void
test_counts (void)
{
  check_counts ("nato-2024.xml", "gdp-2", counts_2024, G_N_ELEMENTS (counts_2024));
}

static void
test_counts_2026 (void)
{
  check_counts ("nato.xml", "gdp-2", counts_2026, G_N_ELEMENTS (counts_2026));
  check_counts ("nato.xml", "core-3.5", counts_2026_core, G_N_ELEMENTS (counts_2026_core));
}

static void
test_counts_2019 (void)
{
  check_counts ("nato-2019.xml", "gdp-2", counts_2019, G_N_ELEMENTS (counts_2019));
}

static void
test_report_2016 (void)
{
  g_autoptr(PledgeSnapshot) s = load_snapshot ("nato-2024.xml");
  g_autofree char *summary = pledge_report_summary (s, 2016, 0);

  g_assert_cmpstr (summary, ==,
                   "2016: 5 of 28 members meet gdp-2 (Defence Investment Pledge: 2% of GDP on defence)");
}

/* The other editions: their own counts. */
static void
test_other_editions (void)
{
  g_autoptr(PledgeSnapshot) s2016 = load_snapshot ("nato-2016.xml");
  g_autoptr(PledgeSnapshot) s2025 = load_snapshot ("nato-2025.xml");
  guint n, m;

  pledge_snapshot_count (s2016, 2016, 0, &n, &m);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (m, ==, 28);
  pledge_snapshot_count (s2025, 2024, 0, &n, &m);
  /* 18 of 32 in the August 2025 edition's 2024 column. */
  g_assert_cmpuint (n, ==, 18);
  g_assert_cmpuint (m, ==, 32);
  /* Germany has no 2025 figure in the August 2025 edition. */
  g_assert_cmpint (pledge_snapshot_get_status (s2025, pledge_dataset_find_member (pledge_snapshot_get_dataset (s2025), "DEU"), 2025),
                   ==, PLEDGE_STATUS_NO_DATA);
}

/* The titles and <edition> say which edition each file is. */
typedef struct
{
  const char *name;
  const char *title;        /* in the title */
  const char *described;    /* the edition as the subtitle and footers say it */
  const char *date;         /* edition/@date */
  const char *basis;        /* edition/@basis, or NULL */
  const char *edition;      /* in the edition's name */
  int         constant;     /* units/@constant, or 0 */
  int         first, last;  /* years with figures */
  int         estimate;     /* the first year marked an estimate */
} Edition;

static const Edition editions[] = {
  { "nato.xml", "2014-2026", "July 2026 edition, core defence", "2026-07", "core-defence",
    "Defence Investment of NATO Countries (2014-2026)", 2021, 2014, 2026, 2025 },
  { "nato-2025.xml", "2014-2025", "August 2025 edition", "2025-08", NULL,
    "Defence Expenditure of NATO Countries (2014-2025)", 0, 2014, 2025, 2024 },
  { "nato-2024.xml", "2014-2024", "June 2024 edition", "2024-06", NULL,
    "Defence Expenditure of NATO Countries (2014-2024)", 2015, 2014, 2024, 2023 },
  { "nato-2019.xml", "2012-2019", "June 2019 edition", "2019-06", NULL,
    "Defence Expenditure of NATO Countries (2012-2019)", 2015, 2012, 2019, 2018 },
  { "nato-2016.xml", "2016 estimates", "July 2016 edition", "2016-07", NULL,
    "Defence Expenditures of NATO Countries (2009-2016)", 0, 2016, 2016, 2016 },
};

static void
test_titles (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (editions); i++)
    {
      const Edition *e = &editions[i];
      g_autoptr(PledgeSnapshot) s = load_snapshot (e->name);
      PledgeDataset *dataset = pledge_snapshot_get_dataset (s);
      const PledgeEdition *edition = pledge_dataset_get_edition (dataset);
      int first, last;

      g_test_message ("%s", e->name);
      g_assert_nonnull (strstr (pledge_dataset_get_title (dataset), e->title));
      g_assert_nonnull (edition);
      g_assert_cmpstr (edition->date, ==, e->date);
      g_assert_cmpstr (edition->basis, ==, e->basis);
      g_assert_cmpstr (edition->name, ==, e->edition);
      {
        g_autofree char *described = pledge_edition_describe (edition);

        g_assert_cmpstr (described, ==, e->described);
      }
      g_assert_cmpint (pledge_dataset_get_constant_year (dataset), ==, e->constant);
      g_assert_true (pledge_snapshot_get_year_range (s, &first, &last));
      g_assert_cmpint (first, ==, e->first);
      g_assert_cmpint (last, ==, e->last);

      /* Every member's figures are estimates from the edition's first
       * estimate year on, and only then. */
      for (guint k = 0; k < pledge_dataset_get_n_members (dataset); k++)
        {
          const PledgeMember *member = pledge_dataset_get_member (dataset, k);

          for (int year = first; year <= last; year++)
            {
              const PledgeFigures *f = pledge_member_get_figures (member, year);

              if (f != NULL)
                g_assert_cmpint ((f->flags & PLEDGE_FIGURES_ESTIMATE) != 0, ==, year >= e->estimate);
            }
        }
    }
}

/* The 2026 edition carries every table; Iceland has no row, the
 * Netherlands and Portugal only an equipment share in 2026. */
static void
test_tables_2026 (void)
{
  g_autoptr(PledgeSnapshot) s = load_snapshot ("nato.xml");
  PledgeDataset *dataset = pledge_snapshot_get_dataset (s);
  guint full = 0;

  for (guint k = 0; k < pledge_dataset_get_n_members (dataset); k++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, k);

      for (int year = 2014; year <= 2026; year++)
        {
          const PledgeFigures *f = pledge_member_get_figures (member, year);
          gboolean partial = year == 2026 && (g_str_equal (member->code, "NLD") ||
                                              g_str_equal (member->code, "PRT"));

          if (g_str_equal (member->code, "ISL"))
            {
              g_assert_null (f);
              continue;
            }
          g_assert_nonnull (f);
          for (PledgeField field = PLEDGE_FIELD_GDP; field < PLEDGE_FIELD_RELATED; field++)
            g_assert_true (pledge_figures_has (f, field));
          g_assert_false (pledge_figures_has (f, PLEDGE_FIELD_RELATED));
          for (PledgeExtra extra = 0; extra < PLEDGE_N_EXTRAS; extra++)
            {
              gboolean category = extra == PLEDGE_EXTRA_PERSONNEL_SPENDING ||
                                  extra == PLEDGE_EXTRA_INFRASTRUCTURE ||
                                  extra == PLEDGE_EXTRA_OTHER_SPENDING;

              g_assert_cmpint (pledge_figures_has_extra (f, extra), ==, !(partial && category));
            }
          if (!partial)
            {
              double sum = f->values[PLEDGE_FIELD_EQUIPMENT] +
                           pledge_figures_get_extra (f, PLEDGE_EXTRA_PERSONNEL_SPENDING) +
                           pledge_figures_get_extra (f, PLEDGE_EXTRA_INFRASTRUCTURE) +
                           pledge_figures_get_extra (f, PLEDGE_EXTRA_OTHER_SPENDING);

              g_assert_cmpfloat_with_epsilon (sum, 100.0, 0.03);
              full++;
            }
        }
    }
  /* 31 members x 13 years, less the two partial years. */
  g_assert_cmpuint (full, ==, 31 * 13 - 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/bundled/published-table", test_published_table);
  g_test_add_func ("/pledge/bundled/counts", test_counts);
  g_test_add_func ("/pledge/bundled/counts-2026", test_counts_2026);
  g_test_add_func ("/pledge/bundled/counts-2019", test_counts_2019);
  g_test_add_func ("/pledge/bundled/report-2016", test_report_2016);
  g_test_add_func ("/pledge/bundled/other-editions", test_other_editions);
  g_test_add_func ("/pledge/bundled/titles", test_titles);
  g_test_add_func ("/pledge/bundled/tables-2026", test_tables_2026);

  return g_test_run ();
}
