/* test-compliance.c: the format's computation rules, case by case
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-report.h"
#include "pledge-snapshot.h"

#define U NAN

typedef struct
{
  const char  *name;
  /* figures: NAN where absent */
  double       gdp, defence, defence_gdp, equipment, related;
  PledgeMetric metric;
  double       min;
  /* expected */
  double       value;   /* NAN: unknown */
  PledgeMeets  meets;
  double       gap;     /* NAN: unknown or not a share metric */
} Case;

static const Case cases[] = {
  /* Rounding half up to two decimals, with the tolerance. */
  { "exactly-1.995", 1000, U, 1.995, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 1.995, PLEDGE_MEETS_YES, 0 },
  { "1.9949", 1000, U, 1.9949, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 1.9949, PLEDGE_MEETS_NO, U },
  { "3.49999", 1000, U, 3.49999, U, U, PLEDGE_METRIC_DEFENCE_GDP, 3.5, 3.49999, PLEDGE_MEETS_YES, 0 },
  { "3.4949", 1000, U, 3.4949, U, U, PLEDGE_METRIC_DEFENCE_GDP, 3.5, 3.4949, PLEDGE_MEETS_NO, U },
  { "computed-1.995", 1000, 19.95, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 1.995, PLEDGE_MEETS_YES, 0 },
  { "computed-1.9949", 10000, 199.49, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 1.9949, PLEDGE_MEETS_NO, 0.51 },
  { "exactly-2", 1000, 20, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 2.0, PLEDGE_MEETS_YES, 0 },
  { "zero", 1000, 0, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 0, PLEDGE_MEETS_NO, 20 },
  { "forty", 1000, 400, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 40, PLEDGE_MEETS_YES, 0 },
  /* Published shares: base(y) = 100 x defence / defence-gdp, so the
   * published figure rules over the ratio of the money columns. */
  { "published-over-ratio", 10000, 199, 2.0, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 2.0, PLEDGE_MEETS_YES, 0 },
  { "published-below", 10000, 210, 1.9, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 1.9, PLEDGE_MEETS_NO, 100.0 * 210 / 1.9 * 0.02 - 210 },
  { "share-only", U, U, 2.5, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 2.5, PLEDGE_MEETS_YES, 0 },
  { "share-only-below", U, U, 1.5, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, 1.5, PLEDGE_MEETS_NO, U },
  /* Unknowns: missing figures and zero GDP. */
  { "no-defence", 1000, U, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, U, PLEDGE_MEETS_UNKNOWN, U },
  { "no-gdp", U, 20, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, U, PLEDGE_MEETS_UNKNOWN, U },
  { "zero-gdp", 0, 20, U, U, U, PLEDGE_METRIC_DEFENCE_GDP, 2.0, U, PLEDGE_MEETS_UNKNOWN, U },
  /* total-gdp: defence and related. */
  { "total", 1000, 35, U, U, 15, PLEDGE_METRIC_TOTAL_GDP, 5.0, 5.0, PLEDGE_MEETS_YES, 0 },
  { "total-below", 1000, 30, U, U, 10, PLEDGE_METRIC_TOTAL_GDP, 5.0, 4.0, PLEDGE_MEETS_NO, 10 },
  { "total-no-related", 1000, 35, U, U, U, PLEDGE_METRIC_TOTAL_GDP, 5.0, U, PLEDGE_MEETS_UNKNOWN, U },
  { "total-published-base", 10000, 199, 2.0, U, 51, PLEDGE_METRIC_TOTAL_GDP, 2.5, 100.0 * 250 / 9950, PLEDGE_MEETS_YES, 0 },
  /* equipment-defence is the equipment figure; no money gap. */
  { "equipment", 1000, 20, U, 20.0, U, PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20.0, 20.0, PLEDGE_MEETS_YES, U },
  { "equipment-19.995", 1000, 20, U, 19.995, U, PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20.0, 19.995, PLEDGE_MEETS_YES, U },
  { "equipment-below", 1000, 20, U, 19.99, U, PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20.0, 19.99, PLEDGE_MEETS_NO, U },
  { "equipment-unknown", 1000, 20, U, U, U, PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20.0, U, PLEDGE_MEETS_UNKNOWN, U },
};

static PledgeFigures
make_figures (const Case *c)
{
  PledgeFigures f = { .year = 2020, .implied_base = NAN };
  double values[] = { c->gdp, c->defence, c->defence_gdp, c->equipment, c->related };

  for (guint k = 0; k < PLEDGE_N_FIELDS; k++)
    {
      f.values[k] = values[k];
      if (!isnan (values[k]))
        f.present |= 1u << k;
    }
  if (!isnan (c->defence) && !isnan (c->defence_gdp) && c->defence_gdp > 0)
    f.implied_base = 100 * c->defence / c->defence_gdp;
  return f;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  PledgeFigures f = make_figures (c);
  PledgeTarget target = { .id = (char *) "t", .name = (char *) "t", .metric = c->metric, .min = c->min };
  double value = pledge_figures_metric (&f, c->metric);
  double gap = pledge_figures_gap (&f, &target);

  if (isnan (c->value))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, c->value, 1e-12);

  g_assert_cmpint (pledge_value_meets (value, c->min), ==, c->meets);

  if (isnan (c->gap))
    g_assert_true (isnan (gap));
  else
    g_assert_cmpfloat_with_epsilon (gap, c->gap, 1e-9);
}

static void
test_round2 (void)
{
  g_assert_cmpfloat (pledge_round2 (1.995), ==, 2.0);
  g_assert_cmpfloat (pledge_round2 (1.9949), ==, 1.99);
  /* Too large for hundredths: itself, not infinity. */
  g_assert_cmpfloat (pledge_round2 (1e307), ==, 1e307);
  g_assert_true (isnan (pledge_round2 (NAN)));
  g_assert_cmpfloat (pledge_round2 (2.005), ==, 2.01);
  g_assert_cmpfloat (pledge_round2 (0.125), ==, 0.13);
  g_assert_cmpfloat (pledge_round2 (0), ==, 0);
  g_assert_cmpfloat (pledge_round2 (3.49999), ==, 3.5);
  /* 1.0049999 is 1.00 however it rounds in binary. */
  g_assert_cmpfloat (pledge_round2 (1.0049999), ==, 1.0);
}

static void
test_status (void)
{
  PledgeFigures f = { .year = 2020, .implied_base = NAN };

  g_assert_cmpint (pledge_figures_status (NULL), ==, PLEDGE_STATUS_NO_DATA);
  g_assert_cmpint (pledge_figures_status (&f), ==, PLEDGE_STATUS_NO_DATA);
  f.present = PLEDGE_FIGURE_GDP;
  g_assert_cmpint (pledge_figures_status (&f), ==, PLEDGE_STATUS_REPORTED);
  f.flags = PLEDGE_FIGURES_ESTIMATE;
  g_assert_cmpint (pledge_figures_status (&f), ==, PLEDGE_STATUS_ESTIMATE);
  f.flags |= PLEDGE_FIGURES_EDITED;
  g_assert_cmpint (pledge_figures_status (&f), ==, PLEDGE_STATUS_EDITED);
  f.flags |= PLEDGE_FIGURES_PROJECTED;
  g_assert_cmpint (pledge_figures_status (&f), ==, PLEDGE_STATUS_PROJECTED);
  g_assert_cmpstr (pledge_status_to_string (PLEDGE_STATUS_NO_DATA), ==, "no-data");
  g_assert_cmpstr (pledge_meets_to_string (PLEDGE_MEETS_UNKNOWN), ==, "unknown");
}

/* Membership by year, counts "N of M", alliance totals and shares. */
static void
test_membership_and_totals (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  PledgeMember *m;
  PledgeFigures *f;
  guint n, total;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 2014, 0);

  /* A meets 2% throughout. */
  m = pledge_dataset_add_member (dataset, "AAA", "A", 1949, 0);
  for (int y = 2015; y <= 2017; y++)
    {
      f = pledge_member_add_figures (m, y);
      f->values[PLEDGE_FIELD_GDP] = 1000;
      f->values[PLEDGE_FIELD_DEFENCE] = 30;
      f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
    }
  /* B joins in 2016 but reports 2015 too; meets it. */
  m = pledge_dataset_add_member (dataset, "BBB", "B", 2016, 0);
  for (int y = 2015; y <= 2017; y++)
    {
      f = pledge_member_add_figures (m, y);
      f->values[PLEDGE_FIELD_GDP] = 500;
      f->values[PLEDGE_FIELD_DEFENCE] = 10;
      f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
    }
  /* C leaves in 2017; below target. */
  m = pledge_dataset_add_member (dataset, "CCC", "C", 1949, 2017);
  for (int y = 2015; y <= 2017; y++)
    {
      f = pledge_member_add_figures (m, y);
      f->values[PLEDGE_FIELD_GDP] = 2000;
      f->values[PLEDGE_FIELD_DEFENCE] = 20;
      f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
    }
  /* D has no figures at all: counted, never meets. */
  pledge_dataset_add_member (dataset, "DDD", "D", 1949, 0);

  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_assert_nonnull (snapshot);

  pledge_snapshot_count (snapshot, 2015, 0, &n, &total);
  g_assert_cmpuint (n, ==, 1);      /* A; B not yet a member */
  g_assert_cmpuint (total, ==, 3);  /* A, C, D */
  pledge_snapshot_count (snapshot, 2016, 0, &n, &total);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (total, ==, 4);
  pledge_snapshot_count (snapshot, 2017, 0, &n, &total);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (total, ==, 3);  /* C has left */

  /* Totals sum the members of the year with a defence figure. */
  g_assert_cmpfloat (pledge_snapshot_get_alliance_defence (snapshot, 2015), ==, 50);
  g_assert_cmpfloat (pledge_snapshot_get_alliance_defence (snapshot, 2016), ==, 60);
  g_assert_cmpfloat (pledge_snapshot_get_alliance_defence (snapshot, 2017), ==, 40);
  g_assert_cmpfloat (pledge_snapshot_get_alliance_gdp (snapshot, 2016), ==, 3500);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_alliance_share (snapshot, 0, 2016), 50, 1e-12);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_alliance_share (snapshot, 2, 2015), 40, 1e-12);
  g_assert_true (isnan (pledge_snapshot_get_alliance_share (snapshot, 1, 2015)));
  g_assert_true (isnan (pledge_snapshot_get_alliance_share (snapshot, 3, 2016)));

  g_assert_cmpint (pledge_snapshot_meets (snapshot, 3, 2016, 0), ==, PLEDGE_MEETS_UNKNOWN);
  g_assert_cmpint (pledge_snapshot_get_status (snapshot, 3, 2016), ==, PLEDGE_STATUS_NO_DATA);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_gap (snapshot, 2, 2016, 0), 20, 1e-12);
  g_assert_cmpfloat (pledge_snapshot_get_gap (snapshot, 0, 2016, 0), ==, 0);

  g_clear_pointer (&snapshot, pledge_snapshot_unref);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

typedef struct
{
  GString *got;
  guint    calls;
  gsize    largest;
  guint    fail_at;  /* 0: never */
} Sink;

static gboolean
sink_append (const char *data,
             gsize       length,
             gpointer    user_data)
{
  Sink *sink = user_data;

  sink->calls++;
  sink->largest = MAX (sink->largest, length);
  if (sink->calls == sink->fail_at)
    return FALSE;
  g_string_append_len (sink->got, data, length);
  return TRUE;
}

/* A report of every year of a wide dataset (400 members, two targets,
 * three centuries) is handed over in parts of about a megabyte, never
 * held whole, and is the same report byte for byte; a sink that fails
 * stops it. */
static void
test_report_streamed (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 1900, 0);
  pledge_dataset_add_target (dataset, "eq-20", "20%", PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20, 1900, 0);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *code = g_strdup_printf ("%c%c%c", 'A' + i / 676, 'A' + i / 26 % 26, 'A' + i % 26);
      PledgeMember *m = pledge_dataset_add_member (dataset, code, "Member", 1900, 0);

      for (int year = 1900; year <= 2200; year += 3)
        {
          PledgeFigures *f = pledge_member_add_figures (m, year);

          f->values[PLEDGE_FIELD_GDP] = 1000 + i + year;
          f->values[PLEDGE_FIELD_DEFENCE] = 7.3 * (i % 7) + year / 100.0;
          f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
        }
    }
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);

  for (PledgeReportFormat format = PLEDGE_REPORT_TEXT; format <= PLEDGE_REPORT_CSV; format++)
    {
      g_autoptr(GString) whole = g_string_new (NULL);
      g_autoptr(GString) got = g_string_new (NULL);
      Sink sink = { got, 0, 0, 0 };
      Sink failing = { got, 0, 0, 2 };

      pledge_report_write (snapshot, 1900, 2200, format, whole);
      g_assert_cmpuint (whole->len, >, 4 * 1024 * 1024);
      g_assert_true (pledge_report_write_to (snapshot, 1900, 2200, format, sink_append, &sink));
      g_assert_cmpuint (sink.calls, >=, 4);
      g_assert_cmpuint (sink.largest, <=, 1024 * 1024 + 4096);
      g_assert_true (g_string_equal (whole, got));

      g_assert_false (pledge_report_write_to (snapshot, 1900, 2200, format, sink_append, &failing));
      g_assert_cmpuint (failing.calls, ==, 2);
    }
}

/* The CSV report of several years walks each member's figures forward
 * instead of looking each row up: the same rows, byte for byte, as a
 * report of each year alone, with members joining, leaving, reporting
 * before they join, skipping years and having no figures at all; and the
 * alliance share from the figures at hand is the one looked up. */
static void
test_report_years (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  PledgeMember *m;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 2000, 0);
  pledge_dataset_add_target (dataset, "eq-20", "20%", PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20, 2000, 0);
  m = pledge_dataset_add_member (dataset, "AAA", "A, the first", 1949, 0);
  for (int y = 2000; y <= 2010; y += 3)
    {
      PledgeFigures *f = pledge_member_add_figures (m, y);

      f->values[PLEDGE_FIELD_GDP] = 1000.5 + y;
      f->values[PLEDGE_FIELD_DEFENCE] = 20.07 + y / 1000.0;
      f->values[PLEDGE_FIELD_EQUIPMENT] = 19.995;
      f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE | PLEDGE_FIGURE_EQUIPMENT;
    }
  m = pledge_dataset_add_member (dataset, "BBB", "B", 2004, 2008);
  for (int y = 2001; y <= 2010; y++)
    {
      PledgeFigures *f = pledge_member_add_figures (m, y);

      f->values[PLEDGE_FIELD_GDP] = 500 * y / 3.0;
      f->values[PLEDGE_FIELD_DEFENCE] = 10 + y % 4;
      f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
    }
  pledge_dataset_add_member (dataset, "CCC", "C \"none\"", 1949, 0);
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);

  pledge_report_write (snapshot, 1999, 2011, PLEDGE_REPORT_CSV, all);
  for (int year = 1999; year <= 2011; year++)
    {
      g_autoptr(GString) one = g_string_new (NULL);
      const char *rows;

      pledge_report_write (snapshot, year, year, PLEDGE_REPORT_CSV, one);
      rows = strchr (one->str, '\n') + 1;
      if (year == 1999)
        g_string_append_len (joined, one->str, rows - one->str);
      g_string_append (joined, rows);

      for (guint i = 0; i < 3; i++)
        {
          const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, i, year);
          double looked_up = pledge_snapshot_get_alliance_share (snapshot, i, year);
          double at_hand = pledge_snapshot_figures_alliance_share (snapshot, i, year, f);

          g_assert_true (memcmp (&looked_up, &at_hand, sizeof (double)) == 0 ||
                         (isnan (looked_up) && isnan (at_hand)));
        }
    }
  g_assert_cmpstr (all->str, ==, joined->str);
  g_assert_nonnull (strstr (all->str, "\n2003,AAA,\"A, the first\",22.073,3003.5,0.73,20.00,"));
  g_assert_nonnull (strstr (all->str, "\n2004,CCC,\"C \"\"none\"\"\",,,,,,no-data,unknown,unknown\n"));
  g_assert_nonnull (strstr (all->str, "\n2005,BBB,B,11,334166.6666666667,0.00,,,reported,no,unknown\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/compliance/case/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/pledge/compliance/round2", test_round2);
  g_test_add_func ("/pledge/compliance/status", test_status);
  g_test_add_func ("/pledge/compliance/membership-and-totals", test_membership_and_totals);
  g_test_add_func ("/pledge/compliance/report-streamed", test_report_streamed);
  g_test_add_func ("/pledge/compliance/report-years", test_report_years);

  return g_test_run ();
}
