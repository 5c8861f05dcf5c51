/* test-scenario.c: set and grow, by hand-computed expectations
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-dataset-private.h"
#include "pledge-snapshot.h"
#include "pledge-test-util.h"

/* DEU: reported 2016-2017 with money; FRA: a published share in 2017;
 * FIN joins 2023; ISL has no figures. */
static PledgeDataset *
make_dataset (void)
{
  PledgeDataset *dataset = pledge_dataset_new ();
  PledgeMember *m;
  PledgeFigures *f;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 2014, 0);
  pledge_dataset_add_target (dataset, "core-3.5", "3.5%", PLEDGE_METRIC_DEFENCE_GDP, 3.5, 0, 2035);

  m = pledge_dataset_add_member (dataset, "DEU", "Germany", 1955, 0);
  f = pledge_member_add_figures (m, 2016);
  f->values[PLEDGE_FIELD_GDP] = 1000;
  f->values[PLEDGE_FIELD_DEFENCE] = 12;
  f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
  f = pledge_member_add_figures (m, 2017);
  f->values[PLEDGE_FIELD_GDP] = 1100;
  f->values[PLEDGE_FIELD_DEFENCE] = 13;
  f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
  f->flags = PLEDGE_FIGURES_ESTIMATE;

  m = pledge_dataset_add_member (dataset, "FRA", "France", 1949, 0);
  f = pledge_member_add_figures (m, 2017);
  f->values[PLEDGE_FIELD_GDP] = 2000;         /* the dollar GDP */
  f->values[PLEDGE_FIELD_DEFENCE] = 36;
  f->values[PLEDGE_FIELD_DEFENCE_GDP] = 2.0;  /* published: base = 1800 */
  f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE | PLEDGE_FIGURE_DEFENCE_GDP;
  f->implied_base = 1800;

  pledge_dataset_add_member (dataset, "FIN", "Finland", 2023, 0);
  pledge_dataset_add_member (dataset, "ISL", "Iceland", 1949, 0);
  return dataset;
}

static PledgeSnapshot *
apply (PledgeDataset *dataset,
       PledgeEdit    *first,
       ...)
{
  PledgeScenario *scenario = pledge_scenario_new ("s", "S");
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (PledgeEdit *edit = first; edit != NULL; edit = va_arg (args, PledgeEdit *))
    g_ptr_array_add (scenario->edits, edit);
  va_end (args);

  g_assert_true (pledge_dataset_add_scenario (dataset, scenario, 0, &error));
  g_assert_no_error (error);
  return pledge_snapshot_new (dataset, 0, NULL);
}

static void
test_set_defence_gdp (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset, pledge_edit_new_set ("DEU", 2016, PLEDGE_FIELD_DEFENCE_GDP, 2.0), NULL);
  const PledgeFigures *f = pledge_snapshot_get_figures (s, 0, 2016);
  guint n, m;

  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_DEFENCE], 20, 1e-12);
  g_assert_cmpint (pledge_snapshot_get_status (s, 0, 2016), ==, PLEDGE_STATUS_EDITED);
  g_assert_cmpint (pledge_snapshot_meets (s, 0, 2016, 0), ==, PLEDGE_MEETS_YES);
  pledge_snapshot_count (s, 2016, 0, &n, &m);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (m, ==, 3);

  /* The reported figures never change. */
  f = pledge_member_get_figures (pledge_dataset_get_member (dataset, 0), 2016);
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_DEFENCE], ==, 12);
  g_assert_false (f->flags & PLEDGE_FIGURES_EDITED);
}

/* For a published-share member, set defence-gdp uses base(y), the GDP
 * the published share implies, not the dollar GDP. */
static void
test_set_published_member (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset, pledge_edit_new_set ("FRA", 2017, PLEDGE_FIELD_DEFENCE_GDP, 3.5), NULL);
  const PledgeFigures *f = pledge_snapshot_get_figures (s, 1, 2017);

  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_DEFENCE], 63, 1e-9);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_metric (s, 1, 2017, PLEDGE_METRIC_DEFENCE_GDP),
                                  3.5, 1e-12);
  g_assert_cmpint (pledge_snapshot_meets (s, 1, 2017, 1), ==, PLEDGE_MEETS_YES);
}

/* set gdp becomes base(y) even where a published share implied another. */
static void
test_set_gdp_becomes_base (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset, pledge_edit_new_set ("FRA", 2017, PLEDGE_FIELD_GDP, 3600), NULL);

  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_metric (s, 1, 2017, PLEDGE_METRIC_DEFENCE_GDP),
                                  1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_gap (s, 1, 2017, 0), 36, 1e-9);
}

/* grow compounds defence and projects GDP from base(y-1). */
static void
test_grow_compounding (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset, pledge_edit_new_grow ("DEU", 2017, 2020, 10, 5), NULL);
  const PledgeFigures *f;
  int first, last;

  f = pledge_snapshot_get_figures (s, 0, 2020);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_DEFENCE], 13 * 1.1 * 1.1 * 1.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_GDP], 1100 * 1.05 * 1.05 * 1.05, 1e-9);
  g_assert_true (f->flags & PLEDGE_FIGURES_GDP_SET);
  g_assert_cmpint (pledge_snapshot_get_status (s, 0, 2018), ==, PLEDGE_STATUS_PROJECTED);
  /* from itself is not touched. */
  g_assert_cmpint (pledge_snapshot_get_status (s, 0, 2017), ==, PLEDGE_STATUS_ESTIMATE);
  g_assert_true (pledge_snapshot_get_year_range (s, &first, &last));
  g_assert_cmpint (last, ==, 2020);
}

/* A reported GDP in a grown year is kept; defence is replaced. */
static void
test_grow_keeps_known_gdp (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset, pledge_edit_new_grow ("DEU", 2016, 2017, 50, 5), NULL);
  const PledgeFigures *f = pledge_snapshot_get_figures (s, 0, 2017);

  g_assert_cmpfloat (f->values[PLEDGE_FIELD_GDP], ==, 1100);
  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_DEFENCE], 18, 1e-12);
  g_assert_cmpint (pledge_snapshot_get_status (s, 0, 2017), ==, PLEDGE_STATUS_EDITED);
}

/* "*" grows every member of year from that has defence in from. */
static void
test_grow_all (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset, pledge_edit_new_grow ("*", 2017, 2019, 6, 3), NULL);
  const PledgeFigures *f;

  f = pledge_snapshot_get_figures (s, 0, 2019);
  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_DEFENCE], 13 * 1.06 * 1.06, 1e-9);
  /* France projects from base(2017) = 1800, not the dollar GDP. */
  f = pledge_snapshot_get_figures (s, 1, 2018);
  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_GDP], 1800 * 1.03, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->values[PLEDGE_FIELD_DEFENCE], 36 * 1.06, 1e-9);
  g_assert_cmpfloat_with_epsilon (pledge_snapshot_get_metric (s, 1, 2018, PLEDGE_METRIC_DEFENCE_GDP),
                                  2.0 * 1.06 / 1.03, 1e-9);
  /* Finland (not yet a member) and Iceland (no defence) are skipped. */
  g_assert_null (pledge_snapshot_get_figures (s, 2, 2018));
  g_assert_null (pledge_snapshot_get_figures (s, 3, 2018));
}

/* Edits apply in order: a later set overrides a grown year. */
static void
test_edit_order (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeSnapshot) s =
    apply (dataset,
           pledge_edit_new_grow ("DEU", 2017, 2019, 10, 0),
           pledge_edit_new_set ("DEU", 2018, PLEDGE_FIELD_DEFENCE, 100),
           pledge_edit_new_grow ("DEU", 2018, 2019, 0, 0),
           NULL);

  g_assert_cmpfloat (pledge_snapshot_get_figures (s, 0, 2019)->values[PLEDGE_FIELD_DEFENCE], ==, 100);
}

typedef struct
{
  const char *name;
  PledgeEdit *(*make) (void);
  const char *message;
} ErrorCase;

static PledgeEdit *
before_joining (void)
{
  return pledge_edit_new_set ("FIN", 2020, PLEDGE_FIELD_DEFENCE, 5);
}

static PledgeEdit *
unknown_member (void)
{
  return pledge_edit_new_set ("XYZ", 2020, PLEDGE_FIELD_DEFENCE, 5);
}

static PledgeEdit *
grow_no_defence (void)
{
  return pledge_edit_new_grow ("ISL", 2017, 2020, 5, 5);
}

static PledgeEdit *
grow_no_gdp_rate (void)
{
  return pledge_edit_new_grow ("DEU", 2017, 2020, 5, NAN);
}

static PledgeEdit *
share_without_gdp (void)
{
  return pledge_edit_new_set ("ISL", 2017, PLEDGE_FIELD_DEFENCE_GDP, 2);
}

static PledgeEdit *
grow_before_joining (void)
{
  return pledge_edit_new_grow ("FIN", 2022, 2025, 5, 5);
}

static const ErrorCase error_cases[] = {
  { "before-joining", before_joining, "scenario \"new\": \"FIN\" was not a member in 2020" },
  { "unknown-member", unknown_member, "scenario \"new\": there is no member \"XYZ\"" },
  { "grow-no-defence", grow_no_defence, "scenario \"new\": \"ISL\" has no defence figure for 2017 to grow from" },
  { "grow-no-gdp-rate", grow_no_gdp_rate, "scenario \"new\": gdp-rate is needed: \"DEU\" has no GDP for 2018" },
  { "share-without-gdp", share_without_gdp, "scenario \"new\": cannot set defence-gdp for \"ISL\" in 2017: its GDP is unknown or zero" },
  { "grow-before-joining", grow_before_joining, "scenario \"new\": \"FIN\" was not a member in 2022" },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pledge_dataset_add_scenario (dataset, pledge_scenario_new ("new", "New"), 0, NULL));
  g_assert_false (pledge_dataset_insert_edit (dataset, 0, 0, c->make (), &error));
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO);
  g_assert_cmpstr (error->message, ==, c->message);
  /* Refused edits leave nothing behind. */
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 0);
}

static void
assert_same_snapshot (PledgeSnapshot *a,
                      PledgeSnapshot *b)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (a);
  int a_first, a_last, b_first, b_last;

  g_assert_true (pledge_snapshot_get_year_range (a, &a_first, &a_last));
  g_assert_true (pledge_snapshot_get_year_range (b, &b_first, &b_last));
  g_assert_cmpint (a_first, ==, b_first);
  g_assert_cmpint (a_last, ==, b_last);

  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    {
      GArray *fa = pledge_snapshot_get_member_figures (a, i);
      GArray *fb = pledge_snapshot_get_member_figures (b, i);

      g_assert_cmpuint (fa->len, ==, fb->len);
      for (guint k = 0; k < fa->len; k++)
        g_assert_cmpmem (&g_array_index (fa, PledgeFigures, k), sizeof (PledgeFigures),
                         &g_array_index (fb, PledgeFigures, k), sizeof (PledgeFigures));
    }
  for (int year = a_first; year <= a_last; year++)
    {
      g_assert_cmpfloat (pledge_snapshot_get_alliance_defence (a, year), ==,
                         pledge_snapshot_get_alliance_defence (b, year));
      g_assert_true (pledge_snapshot_get_alliance_gdp (a, year) == pledge_snapshot_get_alliance_gdp (b, year) ||
                     (isnan (pledge_snapshot_get_alliance_gdp (a, year)) &&
                      isnan (pledge_snapshot_get_alliance_gdp (b, year))));
    }
}

/* Edits added one by one (each only adding to the cached snapshot) give
 * exactly what applying the whole scenario from scratch gives. */
static void
test_incremental (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLEDGE_DATA_DIR"), "datasets", "nato.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, NULL);
  guint n_members;

  g_assert_nonnull (dataset);
  n_members = pledge_dataset_get_n_members (dataset);
  g_assert_true (pledge_dataset_add_scenario (dataset, pledge_scenario_new ("r", "Random"), 0, NULL));

  for (guint step = 0; step < 60; step++)
    {
      const PledgeMember *m = pledge_dataset_get_member (dataset, g_test_rand_int_range (0, n_members));
      int year = g_test_rand_int_range (MAX (m->joined, 2014), 2031);
      PledgeEdit *edit;
      g_autoptr(PledgeSnapshot) cached = NULL;
      g_autoptr(PledgeSnapshot) full = NULL;

      switch (step % 4)
        {
        case 0:
          edit = pledge_edit_new_set (m->code, year, PLEDGE_FIELD_DEFENCE_GDP,
                                      g_test_rand_double_range (0.5, 5));
          break;
        case 1:
          edit = pledge_edit_new_set (m->code, year, PLEDGE_FIELD_GDP,
                                      g_test_rand_double_range (1000, 100000));
          break;
        case 2:
          edit = pledge_edit_new_grow ("*", 2024, g_test_rand_int_range (2025, 2036),
                                       g_test_rand_double_range (0, 10), 3);
          break;
        default:
          edit = pledge_edit_new_set (m->code, year, PLEDGE_FIELD_EQUIPMENT,
                                      g_test_rand_double_range (0, 50));
        }

      /* Some fail (no GDP to take a share of): nothing may change then. */
      pledge_dataset_insert_edit (dataset, 0, pledge_dataset_get_scenario (dataset, 0)->edits->len,
                                  edit, NULL);

      cached = pledge_dataset_get_snapshot (dataset, 0, NULL);
      full = pledge_snapshot_new (dataset, 0, NULL);
      g_assert_nonnull (cached);
      g_assert_nonnull (full);
      assert_same_snapshot (cached, full);
    }
}

/* Small files whose scenarios would compute far more than they hold,
 * refused at the first edit past the bound, before any is applied. Each
 * grow of 1000 members over 300 years costs 300 x 1000 + 1000 against
 * 2,000,000 + 4 x 1000: the seventh is past it. */
typedef struct
{
  const char *name;
  guint       n_scenarios;
  guint       n_grows;
  const char *prefix;
} HostileCase;

static const HostileCase hostile_cases[] = {
  /* 300 million figures from 170 KB, 18 s to validate before */
  { "many-grows", 1, 1000, "hostile.xml:15: scenario \"s0\": " },
  /* 2 GB when every scenario was applied and kept at load */
  { "many-scenarios", 100, 1, "hostile.xml:27: scenario \"s6\": " },
};

static void
test_budget_refused (gconstpointer data)
{
  const HostileCase *c = data;
  g_autoptr(GBytes) bytes = pledge_test_make_hostile (1000, c->n_scenarios, c->n_grows);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load_from_bytes (bytes, "hostile.xml", &error);

  g_assert_null (dataset);
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, c->prefix));
}

/* What the bound lets through: the loader keeps no scenario's figures, each
 * snapshot is made once when asked for, and what it writes and copies stays
 * within the cost the bound counted. */
static void
test_budget_at_bound (void)
{
  g_autoptr(GBytes) bytes = pledge_test_make_hostile (1000, 6, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load_from_bytes (bytes, "hostile.xml", &error);
  guint64 total = 0;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 6);

  for (guint s = 0; s < 6; s++)
    {
      g_autoptr(PledgeSnapshot) snapshot = NULL;
      g_autoptr(PledgeSnapshot) again = NULL;
      guint64 cost = pledge_dataset_get_scenario_cost (dataset, s);

      g_assert_false (pledge_dataset_has_cached_snapshot (dataset, s));
      snapshot = pledge_dataset_get_snapshot (dataset, s, &error);
      g_assert_no_error (error);
      g_assert_true (pledge_dataset_has_cached_snapshot (dataset, s));
      again = pledge_dataset_get_snapshot (dataset, s, &error);
      g_assert_no_error (error);
      g_assert_true (pledge_snapshot_get_member_figures (snapshot, 0) ==
                     pledge_snapshot_get_member_figures (again, 0));

      g_clear_pointer (&snapshot, pledge_snapshot_unref);
      snapshot = pledge_snapshot_new (dataset, s, &error);
      g_assert_no_error (error);
      /* 300 years for each of 1000 members, and the 1000 figures copied. */
      g_assert_cmpuint (pledge_snapshot_get_work (snapshot), ==, 301000);
      g_assert_cmpuint (pledge_snapshot_get_work (snapshot), <=, cost);
      total += cost;
    }
  g_assert_cmpuint (total, <=, pledge_dataset_get_scenario_budget (dataset));

  /* An edit made in the program is held to the same bound, so whatever is
   * saved loads again. */
  g_assert_false (pledge_dataset_insert_edit (dataset, 0, 1,
                                              pledge_edit_new_grow ("*", 1900, 2200, 1, 1),
                                              &error));
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 0)->edits->len, ==, 1);
  g_clear_error (&error);
  g_assert_false (pledge_dataset_add_scenario (dataset, pledge_scenario_copy (
                                                 pledge_dataset_get_scenario (dataset, 0)),
                                               6, &error));
  g_assert_nonnull (error);
}

/* A member's figures are copied once a scenario, so its cost counts them
 * once: a scenario that sets 20 years for each of 1000 members of 300
 * reported years each (20,000 edits) costs 20,000 + 300,000, well within
 * the budget, where counting the copy for every edit (6 million) refused
 * it. */
static void
test_budget_many_sets (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeScenario) scenario = pledge_scenario_new ("sets", "Sets");
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 1900, 0);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *code = g_strdup_printf ("%c%c%c", 'A' + i / 676, 'A' + i / 26 % 26, 'A' + i % 26);
      PledgeMember *m = pledge_dataset_add_member (dataset, code, "Member", 1900, 0);

      for (int year = 1900; year < 2200; year++)
        {
          PledgeFigures *f = pledge_member_add_figures (m, year);

          f->values[PLEDGE_FIELD_GDP] = 1000;
          f->values[PLEDGE_FIELD_DEFENCE] = 20;
          f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
        }
      for (int year = 2180; year < 2200; year++)
        g_ptr_array_add (scenario->edits, pledge_edit_new_set (code, year, PLEDGE_FIELD_DEFENCE, 30));
    }

  g_assert_true (pledge_dataset_add_scenario (dataset, g_steal_pointer (&scenario), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_dataset_get_scenario_cost (dataset, 0), ==, 20000 + 300000);

  snapshot = pledge_snapshot_new (dataset, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_snapshot_get_work (snapshot), ==, 20000 + 300000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/scenario/set-defence-gdp", test_set_defence_gdp);
  g_test_add_func ("/pledge/scenario/set-published-member", test_set_published_member);
  g_test_add_func ("/pledge/scenario/set-gdp-becomes-base", test_set_gdp_becomes_base);
  g_test_add_func ("/pledge/scenario/grow-compounding", test_grow_compounding);
  g_test_add_func ("/pledge/scenario/grow-keeps-known-gdp", test_grow_keeps_known_gdp);
  g_test_add_func ("/pledge/scenario/grow-all", test_grow_all);
  g_test_add_func ("/pledge/scenario/edit-order", test_edit_order);
  g_test_add_func ("/pledge/scenario/incremental", test_incremental);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/scenario/budget/%s", hostile_cases[i].name);
      g_test_add_data_func (path, &hostile_cases[i], test_budget_refused);
    }
  g_test_add_func ("/pledge/scenario/budget/at-bound", test_budget_at_bound);
  g_test_add_func ("/pledge/scenario/budget/many-sets", test_budget_many_sets);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/scenario/error/%s", error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_error);
    }

  return g_test_run ();
}
