/* test-measures.c: the version 2 measures, rule by rule
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-measures.h"

#define U NAN

typedef struct
{
  int    year;
  double defence;
  double constant;
  double real_change;   /* published */
  double population;
  double categories[4]; /* equipment, personnel, infrastructure, other */
} Row;

static void
add_row (PledgeDataset *dataset,
         PledgeMember  *m,
         const Row     *row)
{
  PledgeFigures *f = pledge_member_add_figures (m, row->year);
  const struct { PledgeExtra extra; double value; } given[] = {
    { PLEDGE_EXTRA_DEFENCE_CONSTANT, row->constant },
    { PLEDGE_EXTRA_REAL_CHANGE, row->real_change },
    { PLEDGE_EXTRA_POPULATION, row->population },
    { PLEDGE_EXTRA_PERSONNEL_SPENDING, row->categories[1] },
    { PLEDGE_EXTRA_INFRASTRUCTURE, row->categories[2] },
    { PLEDGE_EXTRA_OTHER_SPENDING, row->categories[3] },
  };

  if (!isnan (row->defence))
    {
      f->values[PLEDGE_FIELD_DEFENCE] = row->defence;
      f->present |= PLEDGE_FIGURE_DEFENCE;
    }
  if (!isnan (row->categories[0]))
    {
      f->values[PLEDGE_FIELD_EQUIPMENT] = row->categories[0];
      f->present |= PLEDGE_FIGURE_EQUIPMENT;
    }
  f->values[PLEDGE_FIELD_GDP] = 10000;
  f->present |= PLEDGE_FIGURE_GDP;
  for (guint k = 0; k < G_N_ELEMENTS (given); k++)
    if (!isnan (given[k].value))
      pledge_dataset_set_figure_extra (dataset, f, given[k].extra, given[k].value);
}

/* AAA: deflators 1.0 (2013), 1.1 (2014, 2015), none in 2016, its last
 * reported year; a published real change in 2015 that differs from the
 * computed 10%. USA and CCC for the aggregates (CCC has no constant
 * figure in 2013); DDD has no constant figure at all. */
static PledgeDataset *
make_dataset (void)
{
  PledgeDataset *dataset = pledge_dataset_new ();
  PledgeMember *m;
  static const Row aaa[] = {
    { 2013, 100, 100, U, U, { 30, U, U, U } },
    { 2014, 100, 110, U, 10000, { 20, 50, 5, 25 } },
    { 2015, 110, 121, 9.5, 10000, { U, U, U, U } },
    { 2016, 120, U, U, 10000, { U, U, U, U } },
  };
  static const Row usa[] = {
    { 2013, 200, 200, U, U, { U, U, U, U } },
    { 2014, 220, 210, U, 20000, { U, U, U, U } },
  };
  static const Row ccc[] = {
    { 2013, 50, U, U, U, { U, U, U, U } },
    { 2014, 55, 60, U, 5000, { U, U, U, U } },
  };
  static const Row ddd[] = {
    { 2014, 40, U, U, 4000, { U, U, U, U } },
  };

  pledge_dataset_set_units (dataset, "USD", PLEDGE_SCALE_MILLION, "current");
  m = pledge_dataset_add_member (dataset, "AAA", "Aland", 1949, 0);
  for (guint k = 0; k < G_N_ELEMENTS (aaa); k++)
    add_row (dataset, m, &aaa[k]);
  m = pledge_dataset_add_member (dataset, "USA", "United States", 1949, 0);
  for (guint k = 0; k < G_N_ELEMENTS (usa); k++)
    add_row (dataset, m, &usa[k]);
  m = pledge_dataset_add_member (dataset, "CCC", "Cland", 1949, 0);
  for (guint k = 0; k < G_N_ELEMENTS (ccc); k++)
    add_row (dataset, m, &ccc[k]);
  m = pledge_dataset_add_member (dataset, "DDD", "Dland", 1949, 0);
  for (guint k = 0; k < G_N_ELEMENTS (ddd); k++)
    add_row (dataset, m, &ddd[k]);
  return dataset;
}

static PledgeMeasures *
reported_measures (PledgeDataset *dataset)
{
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);

  g_assert_nonnull (snapshot);
  return pledge_measures_new (snapshot);
}

static void
test_real_change (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeMeasures) measures = reported_measures (dataset);
  PledgeMeasureFlags flags = 0;

  /* Published where given, not the 10% the constant figures say */
  g_assert_cmpfloat_with_epsilon (pledge_measures_real_change (measures, 0, 2015, &flags),
                                  9.5, 1e-12);
  g_assert_cmpint (flags, ==, PLEDGE_MEASURE_PUBLISHED);

  /* Computed where not: 110 / 100 */
  flags = 0;
  g_assert_cmpfloat_with_epsilon (pledge_measures_real_change (measures, 0, 2014, &flags),
                                  10.0, 1e-9);
  g_assert_cmpint (flags, ==, 0);

  /* No year before, no constant figure: unknown, never zero */
  g_assert_true (isnan (pledge_measures_real_change (measures, 0, 2013, NULL)));
  g_assert_true (isnan (pledge_measures_real_change (measures, 0, 2016, NULL)));
  g_assert_true (isnan (pledge_measures_real_change (measures, 2, 2014, NULL)));
  g_assert_true (isnan (pledge_measures_real_change (measures, 0, 2030, NULL)));
}

static void
test_cumulative (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeMeasures) measures = reported_measures (dataset);

  /* 121 / 100, not the product of the published and computed changes */
  g_assert_cmpfloat_with_epsilon (pledge_measures_cumulative_change (measures, 0, 2013, 2015,
                                                                     NULL),
                                  21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pledge_measures_cumulative_change (measures, 0, 2014, 2014,
                                                                     NULL),
                                  0.0, 1e-12);
  g_assert_true (isnan (pledge_measures_cumulative_change (measures, 0, 2013, 2016, NULL)));
  g_assert_true (isnan (pledge_measures_cumulative_change (measures, 2, 2013, 2014, NULL)));
}

static void
test_aggregates (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeMeasures) measures = reported_measures (dataset);
  guint n = 99;
  double value;

  /* CCC has no constant figure in 2013, DDD none at all: AAA and USA,
   * 300 -> 320 */
  value = pledge_measures_aggregate_change (measures, PLEDGE_AGGREGATE_ALLIANCE, 2013, 2014,
                                            &n, NULL);
  g_assert_cmpfloat_with_epsilon (value, 100.0 * (320.0 / 300.0 - 1), 1e-9);
  g_assert_cmpuint (n, ==, 2);

  /* Europe and Canada: without the United States, AAA alone */
  value = pledge_measures_aggregate_change (measures, PLEDGE_AGGREGATE_EUROPE_CANADA, 2013, 2014,
                                            &n, NULL);
  g_assert_cmpfloat_with_epsilon (value, 10.0, 1e-9);
  g_assert_cmpuint (n, ==, 1);

  /* No member with both years */
  value = pledge_measures_aggregate_change (measures, PLEDGE_AGGREGATE_ALLIANCE, 2016, 2017,
                                            &n, NULL);
  g_assert_true (isnan (value));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_per_capita (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeMeasures) measures = reported_measures (dataset);
  PledgeMeasureFlags flags = 0;
  guint n = 0;

  /* USD 110 million at constant prices over 10 million people */
  g_assert_cmpfloat_with_epsilon (pledge_measures_per_capita (measures, 0, 2014, &flags),
                                  11.0, 1e-9);
  g_assert_cmpint (flags, ==, 0);

  /* DDD has no constant figure: defence at current prices, and it says so */
  g_assert_cmpfloat_with_epsilon (pledge_measures_per_capita (measures, 3, 2014, &flags),
                                  10.0, 1e-9);
  g_assert_cmpint (flags, ==, PLEDGE_MEASURE_CURRENT_PRICES);

  /* No population: unknown */
  g_assert_true (isnan (pledge_measures_per_capita (measures, 0, 2013, NULL)));

  /* The average: constant prices over the members that have them */
  flags = 0;
  g_assert_cmpfloat_with_epsilon (pledge_measures_aggregate_per_capita (
                                    measures, PLEDGE_AGGREGATE_ALLIANCE, 2014, &n, &flags),
                                  380.0 / 35.0, 1e-9);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (flags, ==, 0);
}

static void
test_categories (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  const PledgeFigures *f = pledge_member_get_figures (pledge_dataset_get_member (dataset, 0),
                                                      2014);
  const double expected[] = { 20, 50, 5, 25 };

  for (PledgeCategory c = 0; c < PLEDGE_N_CATEGORIES; c++)
    g_assert_cmpfloat (pledge_figures_category (f, c), ==, expected[c]);

  /* Equipment alone in 2013: the other three unknown */
  f = pledge_member_get_figures (pledge_dataset_get_member (dataset, 0), 2013);
  g_assert_cmpfloat (pledge_figures_category (f, PLEDGE_CATEGORY_EQUIPMENT), ==, 30);
  g_assert_true (isnan (pledge_figures_category (f, PLEDGE_CATEGORY_PERSONNEL)));
  g_assert_true (isnan (pledge_figures_category (NULL, PLEDGE_CATEGORY_OTHER)));
}

static PledgeMeasures *
scenario_measures (PledgeDataset *dataset,
                   PledgeEdit    *first,
                   PledgeEdit    *second)
{
  PledgeScenario *scenario = pledge_scenario_new ("s", "S");
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (scenario->edits, first);
  if (second != NULL)
    g_ptr_array_add (scenario->edits, second);
  g_assert_true (pledge_dataset_add_scenario (dataset, scenario, 0, &error));
  g_assert_no_error (error);
  snapshot = pledge_snapshot_new (dataset, 0, &error);
  g_assert_no_error (error);
  return pledge_measures_new (snapshot);
}

static void
test_scenario_deflator (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeMeasures) measures =
    scenario_measures (dataset, pledge_edit_new_set ("AAA", 2014, PLEDGE_FIELD_DEFENCE, 200),
                       pledge_edit_new_set ("AAA", 2013, PLEDGE_FIELD_EQUIPMENT, 35));
  PledgeMeasureFlags flags = 0;

  /* 200 at 2014's deflator, 110 / 100 */
  g_assert_cmpfloat_with_epsilon (pledge_measures_constant (measures, 0, 2014, &flags),
                                  220.0, 1e-9);
  g_assert_cmpint (flags, ==, PLEDGE_MEASURE_SCENARIO);

  /* Equipment edited, defence not: the constant figure as reported */
  flags = 0;
  g_assert_cmpfloat (pledge_measures_constant (measures, 0, 2013, &flags), ==, 100);
  g_assert_cmpint (flags, ==, 0);

  /* The scenario's change, not a published one: 2015 follows an edited year */
  g_assert_cmpfloat_with_epsilon (pledge_measures_real_change (measures, 0, 2014, NULL),
                                  120.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pledge_measures_real_change (measures, 0, 2015, NULL),
                                  100.0 * (121.0 / 220.0 - 1), 1e-9);

  /* Per capita follows: 220 million over 10 million people */
  g_assert_cmpfloat_with_epsilon (pledge_measures_per_capita (measures, 0, 2014, NULL),
                                  22.0, 1e-9);
}

static void
test_projected_deflator (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeMeasures) measures =
    scenario_measures (dataset, pledge_edit_new_grow ("AAA", 2016, 2017, 10, 2), NULL);
  PledgeMeasureFlags flags = 0;

  /* 2016 has no constant figure, so the last reported deflator is 2015's,
   * 121 / 110: 132 at the prices of the last reported year */
  g_assert_cmpfloat_with_epsilon (pledge_measures_constant (measures, 0, 2017, &flags),
                                  132.0 * 1.1, 1e-9);
  g_assert_cmpint (flags, ==, PLEDGE_MEASURE_SCENARIO | PLEDGE_MEASURE_PROJECTED);

  flags = 0;
  g_assert_cmpfloat_with_epsilon (pledge_measures_cumulative_change (measures, 0, 2015, 2017,
                                                                     &flags),
                                  100.0 * (145.2 / 121.0 - 1), 1e-9);
  g_assert_true (flags & PLEDGE_MEASURE_PROJECTED);

  /* 2016 itself still has no constant figure: unknown */
  g_assert_true (isnan (pledge_measures_constant (measures, 0, 2016, NULL)));
  g_assert_true (isnan (pledge_measures_real_change (measures, 0, 2017, NULL)));
}

static void
test_has_measures (void)
{
  g_autoptr(PledgeDataset) v2 = make_dataset ();
  g_autoptr(PledgeDataset) v1 = pledge_dataset_new ();
  PledgeMember *m = pledge_dataset_add_member (v1, "AAA", "Aland", 1949, 0);
  PledgeFigures *f = pledge_member_add_figures (m, 2014);

  f->values[PLEDGE_FIELD_DEFENCE] = 10;
  f->present = PLEDGE_FIGURE_DEFENCE;
  g_assert_true (pledge_dataset_has_measures (v2));
  g_assert_false (pledge_dataset_has_measures (v1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/measures/real-change", test_real_change);
  g_test_add_func ("/pledge/measures/cumulative", test_cumulative);
  g_test_add_func ("/pledge/measures/aggregates", test_aggregates);
  g_test_add_func ("/pledge/measures/per-capita", test_per_capita);
  g_test_add_func ("/pledge/measures/categories", test_categories);
  g_test_add_func ("/pledge/measures/scenario-deflator", test_scenario_deflator);
  g_test_add_func ("/pledge/measures/projected-deflator", test_projected_deflator);
  g_test_add_func ("/pledge/measures/has-measures", test_has_measures);

  return g_test_run ();
}
