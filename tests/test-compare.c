/* test-compare.c: revisions between two editions of a dataset
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pledge-compare.h"
#include "pledge-test-util.h"

static PledgeDataset *
load_test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "compare", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load (file, name, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static const PledgeRevision *
find_revision (const PledgeCompare *compare,
               const char          *code,
               int                  year)
{
  for (guint i = 0; i < compare->n_revisions; i++)
    if (strcmp (compare->revisions[i].code, code) == 0 && compare->revisions[i].year == year)
      return &compare->revisions[i];
  return NULL;
}

static int
find_target (const PledgeCompare *compare,
             const char          *id)
{
  for (guint t = 0; t < compare->n_targets; t++)
    if (strcmp (compare->targets[t].id, id) == 0)
      return t;
  return -1;
}

/* Poland 2016: 2.00 in the June 2024 edition, 1.99 in the August 2025 one */
static void
test_poland_2016 (void)
{
  g_autoptr(PledgeDataset) old = load_test_file ("edition-2024.xml");
  g_autoptr(PledgeDataset) new = load_test_file ("edition-2025.xml");
  g_autoptr(PledgeCompare) compare = pledge_compare_new (new, "new", old, "old", 2016, 2016);
  const PledgeRevision *poland = find_revision (compare, "POL", 2016);
  int gdp2 = find_target (compare, "gdp-2");
  g_autofree char *status = NULL;

  g_assert_true (compare->old_dataset == old);
  g_assert_true (compare->new_dataset == new);
  g_assert_cmpint (compare->order, ==, PLEDGE_COMPARE_BY_LAST_YEAR);
  g_assert_nonnull (poland);
  g_assert_cmpfloat_with_epsilon (pledge_round2 (pledge_revision_old_share (poland)), 2.00, 1e-9);
  g_assert_cmpfloat_with_epsilon (pledge_round2 (pledge_revision_new_share (poland)), 1.99, 1e-9);
  g_assert_true (poland->status_changed);
  g_assert_cmpint (gdp2, >=, 0);
  g_assert_cmpint (poland->old_meets[gdp2], ==, PLEDGE_MEETS_YES);
  g_assert_cmpint (poland->new_meets[gdp2], ==, PLEDGE_MEETS_NO);
  status = pledge_compare_describe_status (compare, poland);
  g_assert_cmpstr (status, ==, "leaves 2% of GDP");

  /* France's figures differ in the tenth decimal only, Iceland has none */
  g_assert_null (find_revision (compare, "FRA", 2016));
  g_assert_null (find_revision (compare, "ISL", 2016));
  /* Estonia is revised, but still meets every target it met */
  g_assert_nonnull (find_revision (compare, "EST", 2016));
  g_assert_false (find_revision (compare, "EST", 2016)->status_changed);
  g_assert_cmpuint (compare->n_status_changed, ==, 2);  /* Poland, and the US at 3.5% */
}

/* The order does not depend on which file is given first. */
static void
test_order_by_last_year (void)
{
  g_autoptr(PledgeDataset) old = load_test_file ("edition-2024.xml");
  g_autoptr(PledgeDataset) new = load_test_file ("edition-2025.xml");
  g_autoptr(PledgeCompare) one = pledge_compare_new (new, "new", old, "old", 2000, 2100);
  g_autoptr(PledgeCompare) two = pledge_compare_new (old, "old", new, "new", 2000, 2100);

  g_assert_true (pledge_compare_other_is_older (new, old, NULL));
  g_assert_false (pledge_compare_other_is_older (old, new, NULL));
  g_assert_cmpstr (one->old_name, ==, "old");
  g_assert_cmpstr (two->old_name, ==, "old");
  /* The years both have */
  g_assert_cmpint (one->first, ==, 2015);
  g_assert_cmpint (one->last, ==, 2016);
  g_assert_cmpuint (one->n_revisions, ==, two->n_revisions);
  g_assert_nonnull (find_revision (one, "EST", 2015));
  g_assert_null (find_revision (one, "EST", 2017));
}

static PledgeDataset *
small_dataset (double      share,
               const char *target_id)
{
  PledgeDataset *dataset = pledge_dataset_new ();
  PledgeMember *member;
  PledgeFigures *f;

  pledge_dataset_add_target (dataset, target_id, "A target", PLEDGE_METRIC_DEFENCE_GDP, 2, 0, 0);
  pledge_dataset_add_target (dataset, "eq", "Equipment", PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20, 0, 0);
  member = pledge_dataset_add_member (dataset, "AAA", "Aland", 1949, 0);
  f = pledge_member_add_figures (member, 2020);
  f->present = PLEDGE_FIGURE_DEFENCE_GDP;
  f->values[PLEDGE_FIELD_DEFENCE_GDP] = share;
  f->implied_base = NAN;
  return dataset;
}

/* Nothing tells them apart: the one compared with is the older. Targets are
 * matched by id; a revision that only rounds the same is none. */
static void
test_order_by_argument (void)
{
  g_autoptr(PledgeDataset) a = small_dataset (2.004, "two");
  g_autoptr(PledgeDataset) b = small_dataset (1.994, "two");
  g_autoptr(PledgeDataset) c = small_dataset (1.99, "other");
  g_autoptr(PledgeDataset) d = small_dataset (2.0049, "two");
  g_autoptr(PledgeCompare) ab = pledge_compare_new (a, "a", b, "b", 2020, 2020);
  g_autoptr(PledgeCompare) ba = pledge_compare_new (b, "b", a, "a", 2020, 2020);
  g_autoptr(PledgeCompare) ac = pledge_compare_new (a, "a", c, "c", 2020, 2020);
  g_autoptr(PledgeCompare) ad = pledge_compare_new (a, "a", d, "d", 2020, 2020);
  g_autofree char *order = pledge_compare_describe_order (ab);

  g_assert_cmpint (ab->order, ==, PLEDGE_COMPARE_BY_ARGUMENT);
  g_assert_cmpstr (ab->old_name, ==, "b");
  g_assert_cmpstr (ba->old_name, ==, "a");
  g_assert_nonnull (strstr (order, "b is taken as the older"));
  g_assert_cmpuint (ab->n_revisions, ==, 1);
  g_assert_cmpuint (ab->n_targets, ==, 2);
  g_assert_true (ab->revisions[0].status_changed);
  g_assert_cmpint (ba->revisions[0].old_meets[0], ==, PLEDGE_MEETS_YES);
  g_assert_cmpint (ba->revisions[0].new_meets[0], ==, PLEDGE_MEETS_NO);

  /* Only the equipment target is shared, and it cannot be computed */
  g_assert_cmpuint (ac->n_targets, ==, 1);
  g_assert_cmpstr (ac->targets[0].id, ==, "eq");
  g_assert_cmpuint (ac->n_revisions, ==, 1);
  g_assert_false (ac->revisions[0].status_changed);

  /* 2.004 and 2.0049 are both published as 2.00 */
  g_assert_cmpuint (ad->n_revisions, ==, 0);
}

static void
test_report_csv (void)
{
  g_autoptr(PledgeDataset) old = load_test_file ("edition-2024.xml");
  g_autoptr(PledgeDataset) new = load_test_file ("edition-2025.xml");
  g_autoptr(PledgeCompare) compare = pledge_compare_new (old, "old", new, "new", 2016, 2016);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  pledge_compare_write (compare, PLEDGE_REPORT_CSV, out);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "year,member,name,old_defence_gdp,new_defence_gdp,"
                                             "change_defence_gdp,"));
  g_assert_nonnull (strstr (lines[0], ",old_gdp-2,new_gdp-2,"));
  g_assert_cmpuint (g_strv_length (lines), ==, compare->n_revisions + 2);
  g_assert_nonnull (strstr (out->str, "\n2016,POL,Poland,2.00,1.99,-0.01,21.62,21.62,,,yes,"
                                      "yes,no,"));
}

/* Edition dates (format version 2) come before the years the figures reach:
 * here the file dated 2024-06 has figures to 2017, the one dated 2025-08 to
 * 2016 only. */
static void
test_order_by_edition (void)
{
  g_autoptr(PledgeDataset) older = load_test_file ("dated-2024.xml");
  g_autoptr(PledgeDataset) newer = load_test_file ("dated-2025.xml");
  g_autoptr(PledgeCompare) one = pledge_compare_new (newer, "newer", older, "older", 2016, 2016);
  g_autoptr(PledgeCompare) two = pledge_compare_new (older, "older", newer, "newer", 2016, 2016);
  g_autofree char *order = pledge_compare_describe_order (one);
  PledgeCompareOrder how;

  g_assert_true (pledge_compare_other_is_older (newer, older, &how));
  g_assert_cmpint (how, ==, PLEDGE_COMPARE_BY_EDITION);
  g_assert_false (pledge_compare_other_is_older (older, newer, NULL));
  g_assert_cmpstr (one->old_name, ==, "older");
  g_assert_cmpstr (two->old_name, ==, "older");
  g_assert_cmpstr (order, ==, "older is the older edition (2024-06), newer the newer (2025-08).");
  /* Poland's 2016 figures the other way round: 1.99, then 2.00 */
  g_assert_true (find_revision (one, "POL", 2016)->status_changed);
  g_assert_cmpint (find_revision (one, "POL", 2016)->new_meets[0], ==, PLEDGE_MEETS_YES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/compare/poland-2016", test_poland_2016);
  g_test_add_func ("/pledge/compare/order-by-last-year", test_order_by_last_year);
  g_test_add_func ("/pledge/compare/order-by-argument", test_order_by_argument);
  g_test_add_func ("/pledge/compare/order-by-edition", test_order_by_edition);
  g_test_add_func ("/pledge/compare/report-csv", test_report_csv);

  return g_test_run ();
}
