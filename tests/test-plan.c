/* test-plan.c: the deadline solver, against its closed form and against
 * stepping a scenario forward with the growth it finds
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-compliance.h"
#include "pledge-plan.h"
#include "pledge-report.h"

/* DEU at 2% and POL at 4% in 2024; the scenario grows everyone 6% a year
 * and GDP 3% a year to 2035. */
static PledgeDataset *
make_dataset (void)
{
  PledgeDataset *dataset = pledge_dataset_new ();
  PledgeScenario *scenario;
  PledgeMember *m;
  PledgeFigures *f;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 2014, 0);
  pledge_dataset_add_target (dataset, "core-3.5", "3.5%", PLEDGE_METRIC_DEFENCE_GDP, 3.5, 0, 2035);
  pledge_dataset_add_target (dataset, "eq", "20%", PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20, 2014, 0);

  m = pledge_dataset_add_member (dataset, "DEU", "Germany", 1955, 0);
  f = pledge_member_add_figures (m, 2024);
  f->values[PLEDGE_FIELD_GDP] = 4000;
  f->values[PLEDGE_FIELD_DEFENCE] = 80;
  f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;

  m = pledge_dataset_add_member (dataset, "POL", "Poland", 1999, 0);
  f = pledge_member_add_figures (m, 2024);
  f->values[PLEDGE_FIELD_GDP] = 800;
  f->values[PLEDGE_FIELD_DEFENCE] = 32;
  f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;

  scenario = pledge_scenario_new ("grow", "Everyone 6%, GDP 3%");
  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("*", 2024, 2035, 6, 3));
  g_assert_true (pledge_dataset_add_scenario (dataset, scenario, 0, NULL));
  return dataset;
}

static void
test_closed_form (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(GArray) rows = NULL;
  const PledgePlanRow *deu, *pol;
  double base_2035 = 4000 * pow (1.03, 11);
  double expected = 100 * (pow (0.035 * base_2035 / 80, 1.0 / 11) - 1);
  double cumulative = 0;
  int start = 0;

  rows = pledge_plan_compute (snapshot, 1, &start, NULL);
  g_assert_nonnull (rows);
  g_assert_cmpint (start, ==, 2024);
  g_assert_cmpuint (rows->len, ==, 2);

  deu = &g_array_index (rows, PledgePlanRow, 0);
  g_assert_cmpfloat_with_epsilon (deu->share_now, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (deu->growth, expected, 1e-9);
  /* 6% against 3% GDP growth takes Germany from 2% to 2 x (1.06/1.03)^11
   * = 2.74% by 2035: not there. */
  g_assert_cmpint (deu->first_met, ==, 0);
  g_assert_cmpfloat_with_epsilon (deu->gap_now, 0.035 * 4000 - 80, 1e-9);
  for (int n = 0; n <= 11; n++)
    cumulative += 0.035 * 4000 * pow (1.03, n) - 80 * pow (1.06, n);
  g_assert_cmpfloat_with_epsilon (deu->cumulative_gap, cumulative, 1e-6);

  pol = &g_array_index (rows, PledgePlanRow, 1);
  g_assert_cmpint (pol->first_met, ==, 2024);
  g_assert_cmpfloat (pol->gap_now, ==, 0);
  g_assert_cmpfloat (pol->cumulative_gap, ==, 0);
  /* Above 3.5% now, but GDP grows: 1.76% a year keeps it there. */
  g_assert_cmpfloat_with_epsilon (pol->growth, 100 * (pow (0.035 * 800 * pow (1.03, 11) / 32, 1.0 / 11) - 1),
                                  1e-9);
}

/* Growing Germany at the rate found meets 3.5% in 2035, and a hair less
 * does not. */
static void
test_step_forward (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(GArray) rows = pledge_plan_compute (snapshot, 1, NULL, NULL);
  double growth = g_array_index (rows, PledgePlanRow, 0).growth;
  g_autoptr(PledgeSnapshot) met = NULL;
  g_autoptr(PledgeSnapshot) short_of = NULL;

  g_assert_true (pledge_dataset_insert_edit (dataset, 0, 1,
                                             pledge_edit_new_grow ("DEU", 2024, 2035, growth, 3), NULL));
  met = pledge_snapshot_new (dataset, 0, NULL);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_metric (met, 0, 2035, PLEDGE_METRIC_DEFENCE_GDP),
                                  3.5, 1e-9);
  g_assert_cmpint (pledge_snapshot_meets (met, 0, 2035, 1), ==, PLEDGE_MEETS_YES);
  g_assert_cmpint (pledge_snapshot_meets (met, 0, 2034, 1), ==, PLEDGE_MEETS_NO);

  pledge_edit_free (pledge_dataset_take_edit (dataset, 0, 1));
  g_assert_true (pledge_dataset_insert_edit (dataset, 0, 1,
                                             pledge_edit_new_grow ("DEU", 2024, 2035, growth - 0.1, 3), NULL));
  short_of = pledge_snapshot_new (dataset, 0, NULL);
  g_assert_cmpint (pledge_snapshot_meets (short_of, 0, 2035, 1), ==, PLEDGE_MEETS_NO);
}

/* Related spending counts towards a total-gdp target, never towards a
 * defence-gdp one (dataset-format.md): defence 20, GDP 1000 and related 10
 * need 3.5% of GDP from defence alone, 35 a year, a gap of 15 every year
 * from 2024 to 2035, while 5% in all needs defence 40 beside related 10. */
static void
test_related (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edge", "plan-related.xml",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GArray) core = NULL;
  g_autoptr(GArray) total = NULL;
  const PledgePlanRow *row;

  g_assert_no_error (error);
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, &error);
  g_assert_no_error (error);

  core = pledge_plan_compute (snapshot, 0, NULL, &error);
  g_assert_no_error (error);
  row = &g_array_index (core, PledgePlanRow, 0);
  g_assert_cmpfloat_with_epsilon (row->growth, 100 * (pow (35.0 / 20, 1.0 / 11) - 1), 1e-9);
  g_assert_cmpfloat_with_epsilon (pledge_round2 (row->growth), 5.22, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->gap_now, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->cumulative_gap, 12 * row->gap_now, 1e-9);

  total = pledge_plan_compute (snapshot, 1, NULL, &error);
  g_assert_no_error (error);
  row = &g_array_index (total, PledgePlanRow, 0);
  g_assert_cmpfloat_with_epsilon (row->growth, 100 * (pow (40.0 / 20, 1.0 / 11) - 1), 1e-9);
  g_assert_cmpfloat_with_epsilon (row->cumulative_gap, 12 * 20, 1e-9);
}

/* Which targets a plan can be about: a due year and a share of GDP. */
static void
test_pick_target (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();

  g_assert_false (pledge_plan_can_plan (dataset, 0));
  g_assert_true (pledge_plan_can_plan (dataset, 1));
  g_assert_false (pledge_plan_can_plan (dataset, 2));
  g_assert_false (pledge_plan_can_plan (dataset, 3));
  g_assert_cmpint (pledge_plan_pick_target (dataset, 0), ==, 1);
  g_assert_cmpint (pledge_plan_pick_target (dataset, 2), ==, 1);
  g_assert_cmpint (pledge_plan_pick_target (dataset, 1), ==, 1);
}

/* Reach target under a scenario whose GDP covers every year: the plan's
 * own growth, no GDP rate; Poland meets it already. */
static void
test_reach_gdp_known (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(GArray) rows = pledge_plan_compute (snapshot, 1, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PledgePlanReach reach;

  g_assert_true (pledge_plan_reach (snapshot, 1, 0, &reach, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reach.kind, ==, PLEDGE_PLAN_REACH_GROW);
  g_assert_cmpint (reach.start, ==, 2024);
  g_assert_cmpint (reach.due, ==, 2035);
  g_assert_cmpfloat (reach.growth, ==, g_array_index (rows, PledgePlanRow, 0).growth);
  g_assert_true (isnan (reach.gdp_rate));
  g_assert_false (pledge_plan_is_on_track (snapshot, 1, &g_array_index (rows, PledgePlanRow, 0)));

  g_assert_true (pledge_plan_reach (snapshot, 1, 1, &reach, &error));
  g_assert_cmpint (reach.kind, ==, PLEDGE_PLAN_REACH_MET);
  g_assert_true (pledge_plan_is_on_track (snapshot, 1, &g_array_index (rows, PledgePlanRow, 1)));
}

/* The reported figures end in 2024 and no scenario grows GDP: GDP is held,
 * and the growth is the closed form on a flat GDP. */
static void
test_reach_gdp_held (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);
  g_autoptr(GError) error = NULL;
  PledgePlanReach reach;

  g_assert_true (pledge_plan_reach (snapshot, 1, 0, &reach, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reach.kind, ==, PLEDGE_PLAN_REACH_GROW);
  g_assert_cmpfloat (reach.gdp_rate, ==, 0);
  g_assert_cmpfloat_with_epsilon (reach.growth, 100 * (pow (0.035 * 4000 / 80, 1.0 / 11) - 1),
                                  1e-9);
}

/* A scenario grows GDP 3% a year to 2030 only: the years after grow at its
 * rate, and growing Germany as found meets 3.5% in 2035 exactly. */
static void
test_reach_gdp_rate (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(PledgeSnapshot) grown = NULL;
  g_autoptr(GError) error = NULL;
  PledgeScenario *scenario = pledge_scenario_new ("short", "GDP 3% to 2030");
  PledgePlanReach reach;

  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("*", 2024, 2030, 0, 3));
  g_assert_true (pledge_dataset_add_scenario (dataset, scenario, 1, NULL));
  snapshot = pledge_snapshot_new (dataset, 1, NULL);

  g_assert_true (pledge_plan_reach (snapshot, 1, 0, &reach, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reach.kind, ==, PLEDGE_PLAN_REACH_GROW);
  g_assert_cmpfloat (reach.gdp_rate, ==, 3);

  g_assert_true (pledge_dataset_insert_edit (dataset, 1, 1,
                                             pledge_edit_new_grow ("DEU", reach.start, reach.due,
                                                                   reach.growth, reach.gdp_rate),
                                             &error));
  g_assert_no_error (error);
  grown = pledge_snapshot_new (dataset, 1, NULL);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_metric (grown, 0, 2035,
                                                              PLEDGE_METRIC_DEFENCE_GDP),
                                  3.5, 1e-9);
  g_assert_cmpint (pledge_snapshot_meets (grown, 0, 2035, 1), ==, PLEDGE_MEETS_YES);
}

/* A member with no defence spending to grow from cannot be solved for. */
static void
test_reach_refusals (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  PledgeMember *m = pledge_dataset_add_member (dataset, "ISL", "Iceland", 1949, 0);
  PledgeFigures *f = pledge_member_add_figures (m, 2024);
  PledgePlanReach reach;

  f->values[PLEDGE_FIELD_GDP] = 30;
  f->present = PLEDGE_FIGURE_GDP;
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_assert_false (pledge_plan_reach (snapshot, 1, 2, &reach, &error));
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO);
  g_clear_error (&error);
  /* No due year: nothing to reach. */
  g_assert_false (pledge_plan_reach (snapshot, 0, 0, &reach, &error));
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO);
}

static void
test_refusals (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(GError) no_due = NULL;
  g_autoptr(GError) equipment = NULL;

  g_assert_null (pledge_plan_compute (snapshot, 0, NULL, &no_due));
  g_assert_cmpstr (no_due->message, ==, "target \"gdp-2\" has no due year");
  g_assert_null (pledge_plan_compute (snapshot, 2, NULL, &equipment));
  g_assert_error (equipment, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO);
}

static void
test_csv (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_true (pledge_report_write_plan (snapshot, 1, PLEDGE_REPORT_CSV, out, NULL));
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "member,name,share_2024,growth_needed,first_year_met,gap_2024,cumulative_gap_2024_2035");
  g_assert_true (g_str_has_prefix (lines[1], "DEU,Germany,2.00,"));
  g_assert_true (g_str_has_prefix (lines[2], "POL,Poland,4.00,1.76,"));
  g_assert_true (g_str_has_suffix (lines[2], ",2024,0,0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/plan/closed-form", test_closed_form);
  g_test_add_func ("/pledge/plan/step-forward", test_step_forward);
  g_test_add_func ("/pledge/plan/related", test_related);
  g_test_add_func ("/pledge/plan/refusals", test_refusals);
  g_test_add_func ("/pledge/plan/pick-target", test_pick_target);
  g_test_add_func ("/pledge/plan/reach-gdp-known", test_reach_gdp_known);
  g_test_add_func ("/pledge/plan/reach-gdp-held", test_reach_gdp_held);
  g_test_add_func ("/pledge/plan/reach-gdp-rate", test_reach_gdp_rate);
  g_test_add_func ("/pledge/plan/reach-refusals", test_reach_refusals);
  g_test_add_func ("/pledge/plan/csv", test_csv);

  return g_test_run ();
}
