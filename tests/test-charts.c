/* test-charts.c: the renderers, their input, hit tests and a reference image
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headless: cairo and Pango only, no display. The reference image is
 * regenerated with PLEDGE_UPDATE_REFERENCE=1 (it is written into the source
 * tree's tests/data/reference/), then checked in.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-text.h"
#include "pledge-chart-export.h"
#include "pledge-chart-common.h"
#include "pledge-chart-focus.h"
#include "pledge-compare.h"
#include "pledge-chart.h"
#include "pledge-chart-test-util.h"
#include "pledge-measures.h"
#include "pledge-snapshot.h"

/* NATO's June 2024 edition: the tests below check its 2016 figures (5 of
 * 28), and the reference image is its compliance chart; the default
 * nato.xml is the 2026 edition. */
static PledgeDataset *
load_nato (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets",
                                                 "nato-2024.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static PledgeChartInput *
nato_input (int   year,
            guint target)
{
  g_autoptr(PledgeDataset) dataset = load_nato ();
  g_autoptr(PledgeSnapshot) snapshot =
    pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);

  g_assert_nonnull (snapshot);
  return pledge_chart_input_new (snapshot, year, target, NULL);
}

/* Small datasets made in code for the awkward cases */

static void
make_code (guint i,
           char  code[4])
{
  code[0] = 'A' + (i / (26 * 26)) % 26;
  code[1] = 'A' + (i / 26) % 26;
  code[2] = 'A' + i % 26;
  code[3] = '\0';
}

static PledgeDataset *
new_dataset (gboolean with_targets)
{
  PledgeDataset *dataset = pledge_dataset_new ();

  pledge_dataset_set_title (dataset, "Test alliance");
  pledge_dataset_add_source (dataset, NULL, "Made up for the tests");
  pledge_dataset_set_units (dataset, "EUR", PLEDGE_SCALE_MILLION, "current");
  if (with_targets)
    {
      pledge_dataset_add_target (dataset, "gdp-2", "2% of GDP", PLEDGE_METRIC_DEFENCE_GDP,
                                 2.0, 2014, 0);
      pledge_dataset_add_target (dataset, "equipment-20", "20% on equipment",
                                 PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20.0, 2014, 0);
      pledge_dataset_add_target (dataset, "core-3.5", "3.5% by 2035", PLEDGE_METRIC_DEFENCE_GDP,
                                 3.5, 0, 2035);
      pledge_dataset_add_target (dataset, "total-5", "5% in all", PLEDGE_METRIC_TOTAL_GDP,
                                 5.0, 0, 2035);
    }
  return dataset;
}

static void
add_year (PledgeMember *member,
          int           year,
          double        gdp,
          double        share,
          double        equipment,
          gboolean      estimate)
{
  PledgeFigures *f = pledge_member_add_figures (member, year);

  if (isfinite (gdp))
    {
      f->values[PLEDGE_FIELD_GDP] = gdp;
      f->present |= PLEDGE_FIGURE_GDP;
    }
  if (isfinite (share) && isfinite (gdp))
    {
      f->values[PLEDGE_FIELD_DEFENCE] = gdp * share / 100.0;
      f->present |= PLEDGE_FIGURE_DEFENCE;
    }
  if (isfinite (equipment))
    {
      f->values[PLEDGE_FIELD_EQUIPMENT] = equipment;
      f->present |= PLEDGE_FIGURE_EQUIPMENT;
    }
  if (estimate)
    f->flags |= PLEDGE_FIGURES_ESTIMATE;
}

/* Format v2: a small alliance with constant prices, population and
 * categories, made in code. USA for the aggregates; GRC has no constant
 * figures (per capita at current prices); ITA no categories; LUX cuts its
 * spending. */
static PledgeDataset *v2_building;

static void
set_extra (PledgeFigures *f,
           PledgeExtra    extra,
           double         value)
{
  if (isfinite (value))
    pledge_dataset_set_figure_extra (v2_building, f, extra, value);
}

static PledgeDataset *
new_v2_dataset (void)
{
  static const struct
  {
    const char *code, *name;
    double gdp, share, growth, deflator, population, equipment, personnel, infrastructure;
  } members[] = {
    { "USA", "United States", 20000000, 3.4, 3.0, 0.9, 330000, 28, 38, 2 },
    { "DEU", "Germany", 4000000, 1.2, 8.0, 0.95, 83000, 22, 40, 4 },
    { "FRA", "France", 2900000, 1.9, 2.5, 0.97, 68000, 27, 43, 3 },
    { "GRC", "Greece", 220000, 2.8, 1.0, NAN, 10400, 30, 55, 1 },
    { "ITA", "Italy", 2100000, 1.4, 1.5, 0.96, 59000, NAN, NAN, NAN },
    { "LUX", "Luxembourg", 80000, 0.7, -6.0, 1.05, 660, 50, 18, 10 },
    { "NOR", "Norway", 500000, 1.9, 4.0, 0.92, 5500, 31, 30, 8 },
    { "POL", "Poland", 700000, 2.4, 15.0, 0.9, 37000, 45, 30, 5 },
  };
  PledgeDataset *dataset = new_dataset (TRUE);

  v2_building = dataset;
  pledge_dataset_set_units (dataset, "USD", PLEDGE_SCALE_MILLION, "current");
  pledge_dataset_set_edition (dataset, "Test alliance, July 2026 edition", "2026-07",
                              "core-defence");
  pledge_dataset_set_constant_year (dataset, 2021);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      PledgeMember *m = pledge_dataset_add_member (dataset, members[i].code, members[i].name,
                                                   1949, 0);

      for (int year = 2014; year <= 2024; year++)
        {
          double growth = pow (1 + members[i].growth / 100.0, year - 2014);
          PledgeFigures *f;

          add_year (m, year, members[i].gdp, members[i].share * growth,
                    isnan (members[i].equipment) ? NAN : members[i].equipment, FALSE);
          f = (PledgeFigures *) pledge_member_get_figures (m, year);
          set_extra (f, PLEDGE_EXTRA_POPULATION, members[i].population);
          if (year < 2022)
            continue;
          set_extra (f, PLEDGE_EXTRA_DEFENCE_CONSTANT,
                     f->values[PLEDGE_FIELD_DEFENCE] * members[i].deflator);
          if (!isnan (members[i].personnel))
            {
              set_extra (f, PLEDGE_EXTRA_PERSONNEL_SPENDING, members[i].personnel);
              set_extra (f, PLEDGE_EXTRA_INFRASTRUCTURE, members[i].infrastructure);
              set_extra (f, PLEDGE_EXTRA_OTHER_SPENDING,
                         100 - members[i].equipment - members[i].personnel -
                         members[i].infrastructure);
            }
        }
      /* 2014 at constant prices too, for the change since the Wales pledge */
      set_extra ((PledgeFigures *) pledge_member_get_figures (m, 2014),
                 PLEDGE_EXTRA_DEFENCE_CONSTANT,
                 pledge_member_get_figures (m, 2014)->values[PLEDGE_FIELD_DEFENCE] *
                 members[i].deflator * 1.1);
      /* Germany publishes its own real change for 2024 */
      if (i == 1)
        set_extra ((PledgeFigures *) pledge_member_get_figures (m, 2024),
                   PLEDGE_EXTRA_REAL_CHANGE, 7.5);
    }
  return dataset;
}

static PledgeChartInput *
v2_input (int   year,
          int   scenario)
{
  g_autoptr(PledgeDataset) dataset = new_v2_dataset ();
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  if (scenario >= 0)
    {
      PledgeScenario *s = pledge_scenario_new ("more", "Poland and Norway spend more");

      g_ptr_array_add (s->edits, pledge_edit_new_set ("POL", 2024, PLEDGE_FIELD_DEFENCE, 100000));
      g_ptr_array_add (s->edits, pledge_edit_new_grow ("NOR", 2024, 2026, 20, 2));
      g_assert_true (pledge_dataset_add_scenario (dataset, s, 0, &error));
      g_assert_no_error (error);
    }
  snapshot = pledge_snapshot_new (dataset, scenario, &error);
  g_assert_no_error (error);
  return pledge_chart_input_new (snapshot, year, 0, NULL);
}

/* n members over 2014-2016, shares spread from 0.5% to 4%, 2016 estimated */
static PledgeDataset *
make_members (guint       n,
              const char *name_format)
{
  PledgeDataset *dataset = new_dataset (TRUE);

  for (guint i = 0; i < n; i++)
    {
      char code[4];
      g_autofree char *name = NULL;
      PledgeMember *member;
      double share = 0.5 + 3.5 * ((i * 37) % 101) / 100.0;

      make_code (i, code);
      name = g_strdup_printf (name_format, code);
      member = pledge_dataset_add_member (dataset, code, name, 1949, 0);
      for (int year = 2014; year <= 2016; year++)
        add_year (member, year, 1000.0 + 10 * i, share + (year - 2014) * 0.1,
                  5.0 + (i * 13) % 40, year == 2016);
    }
  return dataset;
}

static PledgeDataset *
make_one_member (void)
{
  return make_members (1, "Only member %s");
}

static PledgeDataset *
make_300_members (void)
{
  return make_members (300, "Member state %s");
}

static PledgeDataset *
make_long_names (void)
{
  return make_members (12, "The United Federal Republic of Somewhere Far Away Beyond the Hills %s");
}

static PledgeDataset *
make_no_targets (void)
{
  PledgeDataset *dataset = new_dataset (FALSE);
  PledgeMember *member = pledge_dataset_add_member (dataset, "AAA", "Alpha", 1949, 0);

  add_year (member, 2016, 1000, 1.5, 10, FALSE);
  return dataset;
}

/* Shares of exactly 0% and 40%, equipment of 0% and 100%, and missing
 * figures of every kind. */
static PledgeDataset *
make_extremes (void)
{
  PledgeDataset *dataset = new_dataset (TRUE);
  PledgeMember *m;

  m = pledge_dataset_add_member (dataset, "ZER", "Zero", 1949, 0);
  add_year (m, 2016, 5000, 0.0, 0.0, FALSE);
  m = pledge_dataset_add_member (dataset, "FRT", "Forty", 1949, 0);
  add_year (m, 2016, 100, 40.0, 100.0, FALSE);
  m = pledge_dataset_add_member (dataset, "TWO", "Two exactly", 1949, 0);
  add_year (m, 2016, 2000, 2.0, 20.0, TRUE);
  m = pledge_dataset_add_member (dataset, "GDP", "GDP only", 1949, 0);
  add_year (m, 2016, 3000, NAN, NAN, FALSE);
  m = pledge_dataset_add_member (dataset, "EQP", "Equipment only", 1949, 0);
  add_year (m, 2016, NAN, NAN, 30.0, FALSE);
  m = pledge_dataset_add_member (dataset, "NON", "Nothing at all", 1949, 0);
  m = pledge_dataset_add_member (dataset, "LAT", "Joined later", 2020, 0);
  add_year (m, 2016, 800, 1.0, 10.0, FALSE);
  m = pledge_dataset_add_member (dataset, "LFT", "Left early", 1949, 2000);
  add_year (m, 2016, 800, 1.0, 10.0, FALSE);
  return dataset;
}

/* A scenario that projects every member to 2035 */
static PledgeDataset *
make_scenario (void)
{
  PledgeDataset *dataset = make_members (6, "Scenario member %s");
  g_autoptr(PledgeScenario) scenario = pledge_scenario_new ("grow", "Everyone grows");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("*", 2016, 2035, 8.0, 2.0));
  g_ptr_array_add (scenario->edits, pledge_edit_new_set ("AAB", 2016, PLEDGE_FIELD_EQUIPMENT, 35));
  pledge_dataset_add_scenario (dataset, g_steal_pointer (&scenario), 0, &error);
  g_assert_no_error (error);
  return dataset;
}

/* A scenario that moves reported years: everyone grows from 2014, and one
 * member is set well below its reported share in 2016 */
static PledgeDataset *
make_ghosts (guint n)
{
  PledgeDataset *dataset = make_members (n, "Ghost member %s");
  g_autoptr(PledgeScenario) scenario = pledge_scenario_new ("ghosts", "Reported years moved");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("*", 2014, 2020, 25.0, 1.0));
  g_ptr_array_add (scenario->edits,
                   pledge_edit_new_set ("AAB", 2016, PLEDGE_FIELD_DEFENCE_GDP, 0.1));
  g_ptr_array_add (scenario->edits, pledge_edit_new_set ("AAC", 2016, PLEDGE_FIELD_EQUIPMENT, 2));
  pledge_dataset_add_scenario (dataset, g_steal_pointer (&scenario), 0, &error);
  g_assert_no_error (error);
  return dataset;
}

static PledgeDataset *
make_ghosts_6 (void)
{
  return make_ghosts (6);
}

static PledgeDataset *
make_ghosts_300 (void)
{
  return make_ghosts (300);
}

typedef struct
{
  const char      *name;
  PledgeDataset *(*make) (void);
  int              year;
  guint            target;
  int              scenario;
} Case;

static const Case cases[] = {
  { "one-member", make_one_member, 2016, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "300-members", make_300_members, 2016, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "long-names", make_long_names, 2015, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "year-without-data", make_long_names, 2019, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "year-without-members", make_one_member, 1900, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "extremes", make_extremes, 2016, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "extremes-equipment-target", make_extremes, 2016, 1, PLEDGE_SNAPSHOT_REPORTED },
  { "extremes-total-target", make_extremes, 2016, 3, PLEDGE_SNAPSHOT_REPORTED },
  { "no-targets", make_no_targets, 2016, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "scenario-2030", make_scenario, 2030, 0, 0 },
  { "scenario-2016", make_scenario, 2016, 2, 0 },
  { "scenario-ghosts", make_ghosts_6, 2016, 0, 0 },
  { "scenario-ghosts-total-target", make_ghosts_6, 2016, 3, 0 },
  { "scenario-ghosts-300", make_ghosts_300, 2016, 0, 0 },
  { "nato-2016", load_nato, 2016, 0, PLEDGE_SNAPSHOT_REPORTED },
  { "nato-2024-equipment", load_nato, 2024, 1, PLEDGE_SNAPSHOT_REPORTED },
  { "nato-2024-total", load_nato, 2024, 3, PLEDGE_SNAPSHOT_REPORTED },
};

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 1200, 800 },
  { 320, 200 },
  { 2400, 500 },
  { 500, 1400 },
  { 40, 30 },
  { 1, 1 },
};

static PledgeChartInput *
case_input (const Case *c)
{
  g_autoptr(PledgeDataset) dataset = c->make ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, c->scenario, &error);

  g_assert_no_error (error);
  return pledge_chart_input_new (snapshot, c->year, c->target, NULL);
}

static void
check_draws (PledgeChartKind         kind,
             const PledgeChartInput *input,
             const PledgeChartStyle *style,
             int                     width,
             int                     height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;

  pledge_chart_draw (kind, cr, width, height, style, input);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* Everything finite and inside the chart */
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_true (isfinite (x) && isfinite (y) && isfinite (w) && isfinite (h));
  if (w > 0 && h > 0)
    {
      g_assert_cmpfloat (x, >=, -1);
      g_assert_cmpfloat (y, >=, -1);
      g_assert_cmpfloat (x + w, <=, width + 1);
      g_assert_cmpfloat (y + h, <=, height + 1);
    }
  cairo_surface_destroy (surface);
}

static void
check_hits (PledgeChartKind         kind,
            const PledgeChartInput *input,
            const PledgeChartStyle *style,
            int                     width,
            int                     height)
{
  double step_x = MAX (1.0, width / 23.0), step_y = MAX (1.0, height / 17.0);

  for (double y = 0; y < height; y += step_y)
    for (double x = 0; x < width; x += step_x)
      {
        int hit = pledge_chart_hit_test (kind, width, height, style, input, x, y);

        g_assert_cmpint (hit, >=, -1);
        g_assert_cmpint (hit, <=, (int) input->n_members);
        if (hit >= 0)
          {
            g_autofree char *text = pledge_chart_input_describe_member (input, hit);

            g_assert_nonnull (text);
            g_assert_true (g_utf8_validate (text, -1, NULL));
            g_assert_cmpuint (strlen (text), >, 0);
          }
      }
  g_assert_cmpint (pledge_chart_hit_test (kind, width, height, style, input, -5, 10), ==, -1);
  g_assert_cmpint (pledge_chart_hit_test (kind, width, height, style, input, NAN, 10), ==, -1);
}

/* PLEDGE_CHART_DUMP_DIR=DIR keeps a PNG of every awkward case, to look at. */
static void
dump (const Case             *c,
      PledgeChartKind         kind,
      const PledgeChartInput *input,
      const PledgeChartStyle *style,
      int                     width,
      int                     height)
{
  const char *dir = g_getenv ("PLEDGE_CHART_DUMP_DIR");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || width < 100)
    return;
  name = g_strdup_printf ("%s-%s-%dx%d%s.png", c->name, pledge_chart_kind_to_string (kind),
                          width, height, style->dark ? "-dark" : "");
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  pledge_chart_export (file, PLEDGE_EXPORT_PNG, kind, input, style, width, height, 1, &error);
  g_assert_no_error (error);
}

static void
test_awkward_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(PledgeChartInput) input = case_input (c);

  for (guint dark = 0; dark < 2; dark++)
    {
      PledgeChartStyle style;

      pledge_chart_style_init (&style, dark);
      for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
        {
          g_autofree char *description = pledge_chart_input_describe (input, kind);
          g_autofree char *title = pledge_chart_get_title (kind, input);

          g_assert_nonnull (description);
          g_assert_cmpuint (strlen (description), >, 0);
          g_assert_nonnull (title);

          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            {
              check_draws (kind, input, &style, sizes[s].width, sizes[s].height);
              dump (c, kind, input, &style, sizes[s].width, sizes[s].height);
            }
          if (dark == 0)
            check_hits (kind, input, &style, 1200, 800);
        }
    }

  for (int i = 0; i <= (int) input->n_members; i++)
    {
      g_autofree char *text = pledge_chart_input_describe_member (input, i);

      g_assert_nonnull (text);
    }
}

/* Bitmaps of every kind, both styles, PNG at 2x: what the widget and the
 * exporter draw on, with a status check on the image surface itself. */
static void
test_image_surfaces (void)
{
  g_autoptr(PledgeChartInput) input = nato_input (2016, 0);

  for (guint dark = 0; dark < 2; dark++)
    for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
      {
        PledgeChartStyle style;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
        cairo_t *cr = cairo_create (surface);

        pledge_chart_style_init (&style, dark);
        cairo_surface_set_device_scale (surface, 2, 2);
        pledge_chart_draw (kind, cr, 600, 400, &style, input);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
}

static void
test_kind_strings (void)
{
  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    {
      const char *name = pledge_chart_kind_to_string (kind);
      PledgeChartKind back = PLEDGE_N_CHARTS;

      g_assert_nonnull (name);
      g_assert_true (pledge_chart_kind_from_string (name, &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (pledge_chart_kind_get_title (kind));
    }
  g_assert_cmpstr (pledge_chart_kind_to_string (PLEDGE_CHART_COMPLIANCE), ==, "compliance");
  g_assert_cmpstr (pledge_chart_kind_to_string (PLEDGE_CHART_GAP), ==, "gap");
  g_assert_false (pledge_chart_kind_from_string ("pie", NULL));
  g_assert_false (pledge_chart_kind_from_string ("", NULL));
  g_assert_false (pledge_chart_kind_from_string ("Compliance", NULL));
}

static void
test_style (void)
{
  PledgeChartStyle light, dark;

  pledge_chart_style_init (&light, FALSE);
  pledge_chart_style_init (&dark, TRUE);
  g_assert_false (light.dark);
  g_assert_true (dark.dark);
  g_assert_cmpstr (light.font_family, ==, "Cantarell");
  g_assert_cmpfloat (light.background.red, >, 0.9);
  g_assert_cmpfloat (dark.background.red, <, 0.2);
  g_assert_cmpfloat (light.font_size, >, 0);
}

/* The input says what the format's rules say. */
static void
test_input_nato_2016 (void)
{
  g_autoptr(PledgeChartInput) input = nato_input (2016, 0);
  g_autofree char *compliance = pledge_chart_input_describe (input, PLEDGE_CHART_COMPLIANCE);
  g_autofree char *burden = pledge_chart_input_describe (input, PLEDGE_CHART_BURDEN);
  g_autofree char *gap = pledge_chart_input_describe (input, PLEDGE_CHART_GAP);
  g_autofree char *usa = NULL;
  g_autofree char *isl = NULL;
  g_autofree char *total = NULL;
  double shares = 0;
  int usa_index = -1, isl_index = -1;

  g_assert_cmpint (input->year, ==, 2016);
  g_assert_cmpuint (input->n_in_year, ==, 28);
  g_assert_cmpuint (input->n_meeting, ==, 5);
  g_assert_cmpstr (compliance, ==, "5 of 28 members meet 2% of GDP in 2016");
  g_assert_cmpstr (input->targets[0].label, ==, "2% of GDP");
  g_assert_cmpstr (input->targets[1].label, ==, "20% of defence on equipment");
  g_assert_cmpstr (input->targets[2].line_label, ==, "3.5% of GDP by 2035");
  g_assert_cmpstr (input->targets[3].label, ==, "5% of GDP incl. related");
  g_assert_cmpstr (input->units, ==, "USD million");
  g_assert_null (input->scenario_name);
  g_assert_true (g_str_has_prefix (burden, "United States: "));
  g_assert_true (g_str_has_suffix (gap, "to reach 2% of GDP in 2016"));

  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (strcmp (m->code, "USA") == 0)
        usa_index = (int) i;
      if (strcmp (m->code, "ISL") == 0)
        isl_index = (int) i;
      if (m->in_year && isfinite (m->alliance_share))
        shares += m->alliance_share;
      /* Gaps: zero exactly when the target is met */
      if (m->in_year && m->meets == PLEDGE_MEETS_YES)
        g_assert_cmpfloat (m->gap, ==, 0);
      if (m->in_year && m->meets == PLEDGE_MEETS_NO)
        g_assert_cmpfloat (m->gap, >, 0);
    }
  g_assert_cmpfloat_with_epsilon (shares, 100.0, 1e-9);
  g_assert_cmpint (usa_index, >=, 0);
  g_assert_cmpint (isl_index, >=, 0);
  g_assert_cmpint (input->members[usa_index].meets, ==, PLEDGE_MEETS_YES);
  g_assert_cmpint (input->members[isl_index].status, ==, PLEDGE_STATUS_NO_DATA);
  g_assert_cmpint (input->members[isl_index].meets, ==, PLEDGE_MEETS_UNKNOWN);
  g_assert_true (input->members[usa_index].trend_colour >= 0);

  usa = pledge_chart_input_describe_member (input, usa_index);
  g_assert_true (g_str_has_prefix (usa, "United States (USA), 2016\n"));
  g_assert_nonnull (strstr (usa, "Meets 2% of GDP"));
  isl = pledge_chart_input_describe_member (input, isl_index);
  g_assert_nonnull (strstr (isl, "No data"));
  total = pledge_chart_input_describe_member (input, PLEDGE_CHART_TOTAL_INDEX (input));
  g_assert_true (g_str_has_prefix (total, "Alliance total, 2016"));

  /* The alliance's share is the sum of defence over the sum of GDP */
  g_assert_cmpfloat (input->total.defence_gdp, >, 2.0);
  g_assert_cmpfloat (input->total.defence_gdp, <, 3.0);
  g_assert_cmpuint (input->n_years, ==, 11);
  g_assert_cmpint (input->first_year, ==, 2014);
}

static void
test_input_trend_members (void)
{
  g_autoptr(PledgeDataset) dataset = load_nato ();
  g_autoptr(PledgeSnapshot) snapshot =
    pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  const char *const chosen[] = { "EST", "XXX", "LVA", NULL };
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2024, 0, chosen);
  guint highlighted = 0;

  for (guint i = 0; i < input->n_members; i++)
    if (input->members[i].trend_colour >= 0)
      {
        highlighted++;
        g_assert_true (strcmp (input->members[i].code, "EST") == 0 ||
                       strcmp (input->members[i].code, "LVA") == 0);
      }
  g_assert_cmpuint (highlighted, ==, 2);
}

/* Members of the year, with and without figures, and the format's
 * membership rule. */
static void
test_input_extremes (void)
{
  g_autoptr(PledgeDataset) dataset = make_extremes ();
  g_autoptr(PledgeSnapshot) snapshot =
    pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  g_autofree char *text = pledge_chart_input_describe (input, PLEDGE_CHART_COMPLIANCE);

  /* ZER FRT TWO GDP EQP NON; not LAT (joined 2020) nor LFT (left 2000) */
  g_assert_cmpuint (input->n_in_year, ==, 6);
  g_assert_cmpuint (input->n_meeting, ==, 2);
  g_assert_cmpstr (text, ==, "2 of 6 members meet 2% of GDP in 2016");
  g_assert_cmpfloat (input->members[0].defence_gdp, ==, 0);
  g_assert_cmpint (input->members[0].meets, ==, PLEDGE_MEETS_NO);
  g_assert_cmpint (input->members[2].meets, ==, PLEDGE_MEETS_YES);
  g_assert_false (input->members[6].in_year);
  g_assert_false (input->members[7].in_year);
}

static void
test_no_data_year (void)
{
  g_autoptr(PledgeDataset) dataset = make_long_names ();
  g_autoptr(PledgeSnapshot) snapshot =
    pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2019, 0, NULL);

  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    {
      g_autofree char *text = pledge_chart_input_describe (input, kind);

      if (kind == PLEDGE_CHART_TREND)
        g_assert_cmpstr (text, !=, "No data for 2019");
      else
        g_assert_cmpstr (text, ==, "No data for 2019");
    }
}

/* The chart says what the subtitle says: at least the hit test finds every
 * bar of the compliance and burden charts. */
static void
test_hit_every_bar (void)
{
  g_autoptr(PledgeChartInput) input = nato_input (2016, 0);
  g_autoptr(GHashTable) compliance = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) burden = g_hash_table_new (NULL, NULL);
  PledgeChartStyle style;
  guint expected_compliance = 0, expected_burden = 0;

  pledge_chart_style_init (&style, FALSE);
  for (double x = 0; x < 1200; x += 2)
    {
      int hit = pledge_chart_hit_test (PLEDGE_CHART_COMPLIANCE, 1200, 800, &style, input, x, 500);

      if (hit >= 0)
        g_hash_table_add (compliance, GINT_TO_POINTER (hit + 1));
    }
  for (double y = 0; y < 800; y += 2)
    {
      int hit = pledge_chart_hit_test (PLEDGE_CHART_BURDEN, 1200, 800, &style, input, 600, y);

      if (hit >= 0)
        g_hash_table_add (burden, GINT_TO_POINTER (hit + 1));
    }
  for (guint i = 0; i < input->n_members; i++)
    {
      if (!input->members[i].in_year)
        continue;
      expected_compliance++;
      g_assert_true (g_hash_table_contains (compliance, GINT_TO_POINTER (i + 1)));
      if (isfinite (input->members[i].alliance_share))
        {
          expected_burden++;
          g_assert_true (g_hash_table_contains (burden, GINT_TO_POINTER (i + 1)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (compliance), ==, expected_compliance);
  g_assert_cmpuint (g_hash_table_size (burden), ==, expected_burden);
}

/* Numbers on charts follow LC_NUMERIC: a German decimal comma. In a
 * subprocess, so that the locale stays with it. */
static void
test_locale_numbers (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PledgeChartInput) input = NULL;
      g_autofree char *gap = NULL;

      if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
        {
          g_test_skip ("the de_DE.UTF-8 locale is not installed");
          return;
        }
      input = nato_input (2016, 0);
      /* (the words may be translated, if a translation is installed) */
      g_assert_nonnull (strstr (input->targets[2].label, "3,5"));
      gap = pledge_chart_input_describe (input, PLEDGE_CHART_GAP);
      /* USD 105,577 million, in a sentence: 105.6 billion */
      g_assert_nonnull (strstr (gap, "105,6"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

/* The reported figures under a scenario: what the ghosts are drawn from */

/* NATO with Germany at 2% of GDP in 2016 and everyone growing 6% a year
 * from 2024 to 2030 */
static PledgeDataset *
nato_with_scenario (void)
{
  PledgeDataset *dataset = load_nato ();
  g_autoptr(PledgeScenario) scenario = pledge_scenario_new ("ghost", "Germany at 2% in 2016");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (scenario->edits,
                   pledge_edit_new_set ("DEU", 2016, PLEDGE_FIELD_DEFENCE_GDP, 2.0));
  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("*", 2024, 2030, 6.0, 3.0));
  pledge_dataset_add_scenario (dataset, g_steal_pointer (&scenario),
                               pledge_dataset_get_n_scenarios (dataset), &error);
  g_assert_no_error (error);
  return dataset;
}

/* Equal, or both unknown */
static gboolean
same_value (double a,
            double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static PledgeChartInput *
input_for (PledgeDataset *dataset,
           int            scenario,
           int            year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, scenario, &error);

  g_assert_no_error (error);
  return pledge_chart_input_new (snapshot, year, 0, NULL);
}

static void
test_reported_input (void)
{
  g_autoptr(PledgeDataset) dataset = nato_with_scenario ();
  int scenario = pledge_dataset_find_scenario (dataset, "ghost");
  int deu = pledge_dataset_find_member (dataset, "DEU");
  int usa = pledge_dataset_find_member (dataset, "USA");
  g_autoptr(PledgeChartInput) reported = input_for (dataset, PLEDGE_SNAPSHOT_REPORTED, 2016);
  g_autoptr(PledgeChartInput) input = NULL;
  g_autoptr(PledgeChartInput) projected = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *usa_tooltip = NULL;
  const PledgeChartMember *m, *r;

  g_assert_cmpint (scenario, >=, 0);
  g_assert_cmpint (deu, >=, 0);
  g_assert_cmpint (usa, >=, 0);

  /* The reported figures themselves carry no ghosts */
  g_assert_false (reported->has_reported);
  g_assert_false (reported->any_reported_differs);
  for (guint i = 0; i <= reported->n_members; i++)
    {
      m = i < reported->n_members ? &reported->members[i] : &reported->total;
      g_assert_true (isnan (m->reported_defence_gdp));
      g_assert_true (isnan (m->reported_defence));
      g_assert_true (isnan (m->reported_equipment));
      g_assert_true (isnan (m->reported_gap));
      g_assert_null (m->reported_series);
      g_assert_false (m->reported_differs);
      g_assert_false (m->series_differs);
    }

  input = input_for (dataset, scenario, 2016);
  g_assert_true (input->has_reported);
  g_assert_true (input->any_reported_differs);
  g_assert_cmpint (input->first_year, ==, reported->first_year);
  g_assert_cmpint (input->last_year, ==, 2030);

  /* Germany: the scenario's 2%, and beside it what it reported */
  m = &input->members[deu];
  r = &reported->members[deu];
  g_assert_cmpfloat_with_epsilon (m->defence_gdp, 2.0, 1e-9);
  g_assert_cmpfloat (r->defence_gdp, <, 1.5);
  g_assert_cmpfloat (m->reported_defence_gdp, ==, r->defence_gdp);
  g_assert_cmpfloat (m->reported_defence, ==, r->defence);
  g_assert_cmpfloat (m->reported_equipment, ==, r->equipment);
  g_assert_true (isnan (r->total_gdp));   /* the file has no related spending */
  g_assert_true (same_value (m->reported_total_gdp, r->total_gdp));
  g_assert_cmpfloat (m->reported_alliance_share, ==, r->alliance_share);
  g_assert_cmpfloat (m->reported_gap, ==, r->gap);
  g_assert_cmpfloat (m->reported_gap, >, 0);
  g_assert_cmpfloat (m->gap, ==, 0);
  g_assert_true (pledge_chart_values_differ (m->defence, m->reported_defence));
  g_assert_true (m->reported_differs);
  g_assert_true (m->series_differs);
  g_assert_nonnull (m->reported_series);
  for (guint k = 0; k < input->n_years; k++)
    {
      int year = input->first_year + (int) k;

      if (year <= reported->last_year)
        g_assert_true (same_value (m->reported_series[k], r->series[k]));
      else
        g_assert_true (isnan (m->reported_series[k]));
      if (year == 2016)
        g_assert_cmpfloat (m->series[k], !=, m->reported_series[k]);
      else if (year < 2024)
        g_assert_cmpfloat (m->series[k], ==, m->reported_series[k]);
    }

  /* The United States: unchanged in 2016, its own share moved by Germany */
  m = &input->members[usa];
  r = &reported->members[usa];
  g_assert_false (m->reported_differs);
  g_assert_cmpfloat (m->reported_defence_gdp, ==, m->defence_gdp);
  g_assert_cmpfloat (m->reported_defence_gdp, ==, r->defence_gdp);
  g_assert_true (pledge_chart_values_differ (m->alliance_share, m->reported_alliance_share));
  /* the scenario's years from 2025 are projected, not moved: no ghost line */
  g_assert_false (m->series_differs);

  /* The alliance total */
  g_assert_true (input->total.series_differs);
  g_assert_true (input->total.reported_differs);
  g_assert_cmpfloat (input->total.reported_defence_gdp, ==, reported->total.defence_gdp);
  for (guint k = 0; k < reported->n_years; k++)
    g_assert_true (same_value (input->total.reported_series[k], reported->total.series[k]));

  /* The tooltip says both */
  tooltip = pledge_chart_input_describe_member (input, deu);
  g_assert_nonnull (strstr (tooltip, "Defence: 2.00% of GDP"));
  /* (a large sum in a sentence reads in billions) */
  g_assert_nonnull (strstr (tooltip, "Reported: 1.20% of GDP, USD 41.6 billion"));
  usa_tooltip = pledge_chart_input_describe_member (input, usa);
  g_assert_null (strstr (usa_tooltip, "Reported"));

  /* A projected year: nothing reported to show */
  projected = input_for (dataset, scenario, 2028);
  g_assert_true (projected->has_reported);
  g_assert_false (projected->any_reported_differs);
  m = &projected->members[deu];
  g_assert_cmpint (m->status, ==, PLEDGE_STATUS_PROJECTED);
  g_assert_true (isfinite (m->defence_gdp));
  g_assert_true (isnan (m->reported_defence_gdp));
  g_assert_true (isnan (m->reported_defence));
  g_assert_false (m->reported_differs);
}

/* Drawn into an RGB image at 1200x800, light */
static cairo_surface_t *
draw_image (PledgeChartKind         kind,
            const PledgeChartInput *input)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);
  cairo_t *cr = cairo_create (surface);
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  pledge_chart_draw (kind, cr, 1200, 800, &style, input);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          int              rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

static gboolean
near_colour (const int                rgb[3],
             const PledgeChartColour *colour,
             int                      tolerance)
{
  return ABS (rgb[0] - (int) round (colour->red * 255)) <= tolerance &&
         ABS (rgb[1] - (int) round (colour->green * 255)) <= tolerance &&
         ABS (rgb[2] - (int) round (colour->blue * 255)) <= tolerance;
}

static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  guint n = 0;
  int ca[3], cb[3];

  for (int y = 0; y < 800; y++)
    for (int x = 0; x < 1200; x++)
      {
        pixel_at (a, x, y, ca);
        pixel_at (b, x, y, cb);
        if (ca[0] != cb[0] || ca[1] != cb[1] || ca[2] != cb[2])
          n++;
      }
  return n;
}

/* Draws kind for input as it is and as if it had no reported figures */
static void
draw_with_and_without (PledgeChartKind    kind,
                       PledgeChartInput  *input,
                       cairo_surface_t  **with,
                       cairo_surface_t  **without)
{
  g_assert_true (input->has_reported);
  *with = draw_image (kind, input);
  input->has_reported = FALSE;
  *without = draw_image (kind, input);
  input->has_reported = TRUE;
}

/* Germany's bar at 2% has a marker across it at its reported 1.20%, in the
 * foreground colour, and the bars of the reported figures have none. */
static void
test_reported_compliance (void)
{
  g_autoptr(PledgeDataset) dataset = nato_with_scenario ();
  g_autoptr(PledgeChartInput) input =
    input_for (dataset, pledge_dataset_find_scenario (dataset, "ghost"), 2016);
  g_autoptr(PledgeChartInput) reported = input_for (dataset, PLEDGE_SNAPSHOT_REPORTED, 2016);
  int deu = pledge_dataset_find_member (dataset, "DEU");
  cairo_surface_t *with, *without, *plain;
  PledgeChartStyle style;
  int column = -1, bar_top = -1, bar_bottom = -1, marker_top = -1, marker_bottom = -1;
  double expected;

  pledge_chart_style_init (&style, FALSE);
  draw_with_and_without (PLEDGE_CHART_COMPLIANCE, input, &with, &without);
  plain = draw_image (PLEDGE_CHART_COMPLIANCE, reported);

  /* Germany's column, by the hit test, which the ghosts leave alone */
  for (int x = 0; x < 1200 && column < 0; x++)
    if (pledge_chart_hit_test (PLEDGE_CHART_COMPLIANCE, 1200, 800, &style, input, x, 600) == deu)
      column = x;
  g_assert_cmpint (column, >=, 0);
  while (pledge_chart_hit_test (PLEDGE_CHART_COMPLIANCE, 1200, 800, &style, input, column + 1,
                                600) == deu)
    column++;
  column -= 12;   /* inside the bar, clear of its edges */

  /* The bar: meets 2%, so blue (under the scenario's cross-hatching) */
  for (int y = 0; y < 800; y++)
    {
      int rgb[3];

      pixel_at (without, column, y, rgb);
      if (rgb[2] - rgb[0] > 60)
        {
          if (bar_top < 0)
            bar_top = y;
          bar_bottom = y;
        }
    }
  g_assert_cmpint (bar_top, >, 0);
  g_assert_cmpint (bar_bottom - bar_top, >, 50);

  /* The marker: foreground across the bar where the plain bar has none */
  for (int y = bar_top; y <= bar_bottom; y++)
    {
      int a[3], b[3];

      pixel_at (with, column, y, a);
      pixel_at (without, column, y, b);
      if (near_colour (a, &style.foreground, 40) && !near_colour (b, &style.foreground, 40))
        {
          if (marker_top < 0)
            marker_top = y;
          marker_bottom = y;
        }
    }
  g_assert_cmpint (marker_top, >, 0);
  g_assert_cmpint (marker_bottom - marker_top, <, 6);
  expected = bar_bottom - (bar_bottom + 1 - bar_top) * input->members[deu].reported_defence_gdp /
                          input->members[deu].defence_gdp;
  g_assert_cmpfloat (fabs ((marker_top + marker_bottom) / 2.0 - expected), <, 4);

  /* Ghosts drawn only for a scenario: the reported figures look alike
   * with or without the flag */
  g_assert_cmpuint (count_differing (with, without), >, 100);
  reported->has_reported = TRUE;
  {
    cairo_surface_t *flagged = draw_image (PLEDGE_CHART_COMPLIANCE, reported);

    reported->has_reported = FALSE;
    g_assert_cmpuint (count_differing (plain, flagged), ==, 0);
    cairo_surface_destroy (flagged);
  }

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  cairo_surface_destroy (plain);
}

/* Thin lines of the reported figures in a highlighted member's colour:
 * Germany is orange in the default trend, and its 2016 moved. */
static void
test_reported_trend (void)
{
  g_autoptr(PledgeDataset) dataset = nato_with_scenario ();
  g_autoptr(PledgeChartInput) input =
    input_for (dataset, pledge_dataset_find_scenario (dataset, "ghost"), 2016);
  int deu = pledge_dataset_find_member (dataset, "DEU");
  cairo_surface_t *with, *without;
  PledgeChartStyle style;
  PledgeChartColour ghost;
  guint n_ghost = 0, n_other = 0;

  pledge_chart_style_init (&style, FALSE);
  g_assert_cmpint (input->members[deu].trend_colour, >=, 0);
  /* 75 % of the line's colour over the background */
  ghost = style.palette[input->members[deu].trend_colour];
  ghost.red = style.background.red + (ghost.red - style.background.red) * 0.75;
  ghost.green = style.background.green + (ghost.green - style.background.green) * 0.75;
  ghost.blue = style.background.blue + (ghost.blue - style.background.blue) * 0.75;
  draw_with_and_without (PLEDGE_CHART_TREND, input, &with, &without);

  for (int y = 0; y < 800; y++)
    for (int x = 0; x < 1200; x++)
      {
        int a[3], b[3];

        pixel_at (with, x, y, a);
        pixel_at (without, x, y, b);
        if (a[0] == b[0] && a[1] == b[1] && a[2] == b[2])
          continue;
        if (near_colour (a, &ghost, 24) && !near_colour (b, &ghost, 24))
          n_ghost++;
        else
          n_other++;
      }
  /* A line from 2015 to 2017 at the chart's size, and the legend's swatch */
  g_assert_cmpuint (n_ghost, >, 40);
  g_assert_cmpuint (n_other, >, 0);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* Pixels of colour in a but not in b, over rows top..bottom */
static guint
count_new_colour (cairo_surface_t         *a,
                  cairo_surface_t         *b,
                  const PledgeChartColour *colour,
                  int                      tolerance,
                  int                      top,
                  int                      bottom)
{
  guint n = 0;

  for (int y = MAX (0, top); y <= MIN (799, bottom); y++)
    for (int x = 0; x < 1200; x++)
      {
        int ca[3], cb[3];

        pixel_at (a, x, y, ca);
        pixel_at (b, x, y, cb);
        if (near_colour (ca, colour, tolerance) && !near_colour (cb, colour, tolerance))
          n++;
      }
  return n;
}

/* The longest run of pixels along a row that differ between a and b,
 * allowing gaps of up to 3 pixels (where a grid line crosses) */
static int
longest_changed_run (cairo_surface_t *a,
                     cairo_surface_t *b)
{
  int best = 0;

  for (int y = 0; y < 800; y++)
    {
      int start = -1, last = -10;

      for (int x = 0; x < 1200; x++)
        {
          int ca[3], cb[3];

          pixel_at (a, x, y, ca);
          pixel_at (b, x, y, cb);
          if (ca[0] == cb[0] && ca[1] == cb[1] && ca[2] == cb[2])
            continue;
          if (x - last > 4)
            start = x;
          last = x;
          best = MAX (best, last - start + 1);
        }
    }
  return best;
}

/* The row of member in a bar chart, by the hit test */
static int
row_of (PledgeChartKind         kind,
        const PledgeChartInput *input,
        int                     member)
{
  PledgeChartStyle style;
  int top = -1, bottom = -1;

  pledge_chart_style_init (&style, FALSE);
  for (int y = 0; y < 800; y++)
    if (pledge_chart_hit_test (kind, 1200, 800, &style, input, 600, y) == member)
      {
        if (top < 0)
          top = y;
        bottom = y;
      }
  g_assert_cmpint (top, >=, 0);
  return (top + bottom) / 2;
}

/* The burden and gap charts: a marker in Germany's row where its reported
 * figure ends (behind the bar in burden, past the "meets" of gap); the
 * equipment chart: a pale point where the reported figures put Germany. */
/* Trend tooltips describe the year under the pointer, not the chart's */
static void
test_trend_year_at (void)
{
  g_autoptr(PledgeDataset) dataset = nato_with_scenario ();
  g_autoptr(PledgeChartInput) input =
    input_for (dataset, pledge_dataset_find_scenario (dataset, "ghost"), 2024);
  int deu = pledge_dataset_find_member (dataset, "DEU");
  g_autofree char *in_2016 = NULL, *in_2024 = NULL, *usual = NULL;
  PledgeChartStyle style;
  int previous = 0, x_2016 = -1;

  pledge_chart_style_init (&style, FALSE);
  g_assert_cmpint (pledge_chart_year_at (PLEDGE_CHART_TREND, 1200, 800, &style, input, 0), ==,
                   input->first_year);
  g_assert_cmpint (pledge_chart_year_at (PLEDGE_CHART_TREND, 1200, 800, &style, input, 1199), ==,
                   input->last_year);
  g_assert_cmpint (pledge_chart_year_at (PLEDGE_CHART_COMPLIANCE, 1200, 800, &style, input, 100),
                   ==, 2024);
  /* Every year in turn from left to right */
  for (int x = 0; x < 1200; x++)
    {
      int year = pledge_chart_year_at (PLEDGE_CHART_TREND, 1200, 800, &style, input, x);

      g_assert_true (year == previous || year == previous + 1 || previous == 0);
      if (year == 2016 && x_2016 < 0)
        x_2016 = x;
      previous = year;
    }
  g_assert_cmpint (previous, ==, input->last_year);
  g_assert_cmpint (x_2016, >, 0);

  in_2016 = pledge_chart_input_describe_member_year (input, deu, 2016);
  g_assert_nonnull (strstr (in_2016, "Germany (DEU), 2016"));
  g_assert_nonnull (strstr (in_2016, "Defence: 2.00% of GDP"));
  g_assert_nonnull (strstr (in_2016, "Reported: 1.20% of GDP"));
  g_assert_nonnull (strstr (in_2016, "Changed by the scenario"));
  in_2024 = pledge_chart_input_describe_member_year (input, deu, 2024);
  usual = pledge_chart_input_describe_member (input, deu);
  g_assert_cmpstr (in_2024, ==, usual);
}

static void
test_reported_other_charts (void)
{
  g_autoptr(PledgeDataset) dataset = nato_with_scenario ();
  g_autoptr(PledgeChartInput) input =
    input_for (dataset, pledge_dataset_find_scenario (dataset, "ghost"), 2016);
  int deu = pledge_dataset_find_member (dataset, "DEU");
  static const PledgeChartKind bar_kinds[] = { PLEDGE_CHART_BURDEN, PLEDGE_CHART_GAP };
  cairo_surface_t *with, *without;
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (bar_kinds); k++)
    {
      int cy = row_of (bar_kinds[k], input, deu);

      draw_with_and_without (bar_kinds[k], input, &with, &without);
      g_assert_cmpuint (count_new_colour (with, without, &style.foreground, 40, cy - 3, cy + 3),
                        >=, 5);
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }

  /* Germany moved from 1.20% to 2% of GDP at the same equipment share: a
   * line across a fifth of the plot from its reported point, the longest
   * horizontal run of changed pixels by far (moved labels change only
   * short ones). */
  draw_with_and_without (PLEDGE_CHART_EQUIPMENT, input, &with, &without);
  g_assert_cmpint (longest_changed_run (with, without), >, 150);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* The reference image: compliance 2016 of the bundled dataset */

static PledgeChartInput *input_from_file (const char *path,
                                          int         year,
                                          guint       target);

/* A version 1 dataset has none of the figures: each of the three charts
 * says what is missing, and draws no bar a tooltip could point at. (The
 * bundled NATO files are all version 2 now: a test file.) */
static void
test_measures_no_data (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.xml", NULL);
  g_autoptr(PledgeChartInput) input = input_from_file (path, 2016, 0);
  const PledgeChartKind kinds[] = {
    PLEDGE_CHART_REAL_CHANGE, PLEDGE_CHART_PER_CAPITA, PLEDGE_CHART_CATEGORIES,
  };
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  g_assert_null (input->edition);
  g_assert_true (isnan (input->total.real_change));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *text = pledge_chart_input_describe (input, kinds[k]);

      g_assert_true (g_str_has_prefix (text, "No "));
      check_draws (kinds[k], input, &style, 1200, 800);
      check_draws (kinds[k], input, &style, 120, 80);
      for (int y = 0; y < 800; y += 7)
        g_assert_cmpint (pledge_chart_hit_test (kinds[k], 1200, 800, &style, input, 600, y), ==,
                         -1);
    }
}

/* Every bar of the three charts leads to its member's tooltip, which has
 * the measure the chart draws */
static void
test_measures_hit (void)
{
  g_autoptr(PledgeChartInput) input = v2_input (2024, PLEDGE_SNAPSHOT_REPORTED);
  const struct { PledgeChartKind kind; const char *words; guint n; } charts[] = {
    { PLEDGE_CHART_REAL_CHANGE, "Real change: ", 8 },  /* the total and 7 members */
    { PLEDGE_CHART_PER_CAPITA, "Per head: ", 9 },      /* the average and 8 members */
    { PLEDGE_CHART_CATEGORIES, "Spending: ", 7 },      /* Italy has no categories */
  };
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (charts); k++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (int y = 0; y < 800; y++)
        {
          int hit = pledge_chart_hit_test (charts[k].kind, 1200, 800, &style, input, 700, y);
          g_autofree char *text = NULL;

          if (hit < 0)
            continue;
          g_hash_table_add (seen, GINT_TO_POINTER (hit + 1));
          text = pledge_chart_input_describe_member (input, hit);
          g_assert_nonnull (strstr (text, charts[k].words));
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, charts[k].n);
    }
}

/* Under a scenario: Poland's edited year at 2024's deflator, Norway's
 * projected years at the last reported one, and the footer says so */
static void
test_measures_scenario (void)
{
  g_autoptr(PledgeChartInput) edited = v2_input (2024, 0);
  g_autoptr(PledgeChartInput) projected = v2_input (2026, 0);
  g_autoptr(PledgeChartInput) reported = v2_input (2024, PLEDGE_SNAPSHOT_REPORTED);
  const PledgeChartMember *pol = &edited->members[7], *nor = &projected->members[6];
  PledgeChartStyle style;

  g_assert_cmpstr (pol->code, ==, "POL");
  g_assert_true (pol->measure_flags & PLEDGE_MEASURE_SCENARIO);
  g_assert_false (pol->measure_flags & PLEDGE_MEASURE_PROJECTED);
  g_assert_cmpfloat (pol->real_change, >, reported->members[7].real_change);
  g_assert_cmpfloat_with_epsilon (pol->reported_real_change, reported->members[7].real_change,
                                  1e-9);

  /* Norway grows 20% a year at constant 2024 prices */
  g_assert_cmpstr (nor->code, ==, "NOR");
  g_assert_true (nor->measure_flags & PLEDGE_MEASURE_PROJECTED);
  g_assert_cmpfloat_with_epsilon (nor->real_change, 20.0, 1e-9);
  g_assert_true (projected->measure_flags & PLEDGE_MEASURE_PROJECTED);
  {
    g_autofree char *note = pledge_chart_input_price_note (projected, PLEDGE_CHART_REAL_CHANGE);

    g_assert_nonnull (strstr (note, "last reported year"));
  }
  pledge_chart_style_init (&style, TRUE);
  for (PledgeChartKind kind = PLEDGE_CHART_REAL_CHANGE; kind <= PLEDGE_CHART_CATEGORIES; kind++)
    check_draws (kind, projected, &style, 1200, 800);
}

/* Many members and small sizes: the rows that fit, then one for the rest;
 * everything inside the chart; the hit regions on members that exist */
static void
test_measures_many_members (void)
{
  g_autoptr(PledgeDataset) dataset = new_dataset (TRUE);
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(PledgeChartInput) input = NULL;
  const int dims[][2] = { { 1200, 800 }, { 600, 300 }, { 300, 200 }, { 80, 60 } };
  PledgeChartStyle style;

  for (guint i = 0; i < 300; i++)
    {
      char code[4];
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      PledgeMember *m;

      make_code (i, code);
      m = pledge_dataset_add_member (dataset, code, name, 1949, 0);
      for (int year = 2013; year <= 2015; year++)
        {
          PledgeFigures *f;

          add_year (m, year, 1000 + i, 1 + (i % 7) * 0.4 + (year - 2013) * 0.1, 10 + i % 30,
                    FALSE);
          f = (PledgeFigures *) pledge_member_get_figures (m, year);
          pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_DEFENCE_CONSTANT,
                                           f->values[PLEDGE_FIELD_DEFENCE] * (1 - (i % 5) * 0.05));
          pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_POPULATION, 100 + i);
          pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_PERSONNEL_SPENDING, 50);
          pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_INFRASTRUCTURE, 5);
          pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_OTHER_SPENDING,
                                           35 - i % 30);
        }
    }
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  input = pledge_chart_input_new (snapshot, 2015, 0, NULL);
  pledge_chart_style_init (&style, FALSE);

  for (PledgeChartKind kind = PLEDGE_CHART_REAL_CHANGE; kind <= PLEDGE_CHART_CATEGORIES; kind++)
    for (guint k = 0; k < G_N_ELEMENTS (dims); k++)
      {
        check_draws (kind, input, &style, dims[k][0], dims[k][1]);
        for (int y = 0; y < dims[k][1]; y += 3)
          {
            int hit = pledge_chart_hit_test (kind, dims[k][0], dims[k][1], &style, input,
                                             dims[k][0] * 0.6, y);

            g_assert_cmpint (hit, >=, -1);
            g_assert_cmpint (hit, <=, (int) input->n_members);
          }
      }
}

static void
test_reference_image (void)
{
  g_autoptr(PledgeChartInput) input = nato_input (2016, 0);

  check_reference ("compliance-2016.png", PLEDGE_CHART_COMPLIANCE, input, FALSE);
}

/* The three charts of format v2, and one under a scenario in the dark */
static void
test_measures_reference (gconstpointer data)
{
  PledgeChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(PledgeChartInput) input = v2_input (2024, PLEDGE_SNAPSHOT_REPORTED);
  g_autoptr(PledgeChartInput) scenario = v2_input (2024, 0);
  g_autofree char *name = g_strdup_printf ("%s-v2.png", pledge_chart_kind_to_string (kind));
  g_autofree char *dark_name = g_strdup_printf ("%s-v2-scenario-dark.png",
                                                pledge_chart_kind_to_string (kind));

  check_reference (name, kind, input, FALSE);
  check_reference (dark_name, kind, scenario, TRUE);
}

static PledgeChartInput *
input_from_file (const char *path,
                 int         year,
                 guint       target)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_autoptr(PledgeSnapshot) snapshot = NULL;

  g_assert_no_error (error);
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, &error);
  g_assert_no_error (error);
  return pledge_chart_input_new (snapshot, year, target, NULL);
}

static PledgeChartInput *
edge_input (const char *name,
            int         year,
            guint       target)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edge", name, NULL);

  return input_from_file (path, year, target);
}

/* Labels round two decimals half up, as the report and the compliance test
 * do: 2.125 reads 2.13 and meets a 2.13 target, 2.12 reads 2.12 and does
 * not, 1.005 reads 1.01. */
static void
test_round_half (void)
{
  g_autoptr(PledgeChartInput) input = edge_input ("round-half.xml", 2016, 0);
  static const struct
  {
    guint       member;
    PledgeMeets meets;
    const char *share;
    const char *equipment;
  } expected[] = {
    { 0, PLEDGE_MEETS_YES, "2.13%", "20.13%" },
    { 1, PLEDGE_MEETS_NO, "2.12%", "19.99%" },
    { 2, PLEDGE_MEETS_NO, "1.01%", "1.01%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PledgeChartMember *m = &input->members[expected[i].member];
      g_autofree char *text = pledge_chart_input_describe_member (input, (int) expected[i].member);
      g_autofree char *number = pledge_chart_format_number (m->defence_gdp, 2);
      g_autofree char *percent = pledge_chart_format_percent (m->equipment, 2);

      g_assert_cmpint (m->meets, ==, expected[i].meets);
      g_assert_nonnull (strstr (text, expected[i].share));
      g_assert_nonnull (strstr (text, expected[i].equipment));
      g_assert_true (g_str_has_prefix (expected[i].share, number));
      g_assert_cmpstr (percent, ==, expected[i].equipment);
    }
  g_assert_cmpuint (input->n_meeting, ==, 1);
}

/* The bundled files of shares alone have no alliance total, but every
 * member's line is drawn: the trend's subtitle says so, not that no member
 * has figures. */
static void
test_trend_shares_only (void)
{
  static const struct
  {
    const char *file;
    int         year;
    const char *says;
  } table[] = {
    { "nato-2016.xml", 2016, "27 members have figures for 2016" },
    { "nato-2025.xml", 2025, "31 members have figures from 2014 to 2025" },
    { "nato.xml", 2016, "The alliance spent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets",
                                                     table[i].file, NULL);
      g_autoptr(PledgeChartInput) input = input_from_file (path, table[i].year, 0);
      g_autofree char *text = pledge_chart_input_describe (input, PLEDGE_CHART_TREND);

      g_assert_nonnull (strstr (text, table[i].says));
    }
}

/* n members with codes of any length (M00001...), figures for 2016 only */
static PledgeDataset *
make_many (guint n)
{
  PledgeDataset *dataset = new_dataset (TRUE);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%05u", i);
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      PledgeMember *member = pledge_dataset_add_member (dataset, code, name, 1949, 0);

      add_year (member, 2016, 1000.0 + i, 0.5 + 3.5 * ((i * 37) % 1001) / 1000.0,
                5.0 + ((i * 13) % 400) / 10.0, i % 7 == 0);
    }
  return dataset;
}

/* The equipment chart of 20,000 members: labels are placed against a grid,
 * not against every other point, so this finishes (it took minutes when
 * placing was quadratic). Speed is measured in bench-charts. */
static void
test_equipment_many_members (void)
{
  g_autoptr(PledgeDataset) dataset = make_many (20000);
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);
  cairo_t *cr = cairo_create (surface);
  PledgeChartStyle style;
  int hits = 0;

  pledge_chart_style_init (&style, FALSE);
  g_assert_cmpuint (input->n_in_year, ==, 20000);
  pledge_chart_draw (PLEDGE_CHART_EQUIPMENT, cr, 1200, 800, &style, input);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  for (int x = 100; x < 1100; x += 250)
    hits += pledge_chart_hit_test (PLEDGE_CHART_EQUIPMENT, 1200, 800, &style, input, x, 400) >= 0;
  g_assert_cmpint (hits, >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static PledgeChartInput *
members_input (guint              n,
               const char *const *chosen)
{
  g_autoptr(PledgeDataset) dataset = make_members (n, "Member %s");
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);

  return pledge_chart_input_new (snapshot, 2016, 0, chosen);
}

/* The equipment chart drawn directly on pixels, and in a group (as on a
 * surface of another kind) */
static cairo_surface_t *
draw_equipment (const PledgeChartInput *input,
                double                  scale,
                gboolean                group)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200 * scale,
                                                         800 * scale);
  cairo_t *cr;
  PledgeChartStyle style;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  pledge_chart_style_init (&style, FALSE);
  if (group)
    cairo_push_group (cr);
  pledge_chart_draw (PLEDGE_CHART_EQUIPMENT, cr, 1200, 800, &style, input);
  if (group)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Past PLEDGE_CHART_STAMP_MIN_MARKS points, drawn on pixels, the marks are
 * stamped from bitmaps, at both pixel densities; each lands within half a
 * pixel of its circle, so the chart looks as with circles (drawn in a
 * group, which stamps nothing). NATO's 32 points and SVG get circles. */
static void
test_equipment_stamped (void)
{
  g_autoptr(PledgeChartInput) many = members_input (300, NULL);
  g_autoptr(PledgeChartInput) few = members_input (32, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  PledgeChartStyle style;
  guint before;

  for (double scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *stamped, *circles;
      int width = 1200 * scale, height = 800 * scale;
      guint64 differing = 0;

      before = pledge_chart_get_n_stamped ();
      stamped = draw_equipment (many, scale, FALSE);
      g_assert_cmpuint (pledge_chart_get_n_stamped () - before, >=, 300);
      before = pledge_chart_get_n_stamped ();
      circles = draw_equipment (many, scale, TRUE);
      g_assert_cmpuint (pledge_chart_get_n_stamped (), ==, before);

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            const guint8 *a = cairo_image_surface_get_data (stamped) +
                              y * cairo_image_surface_get_stride (stamped) + 4 * x;
            const guint8 *b = cairo_image_surface_get_data (circles) +
                              y * cairo_image_surface_get_stride (circles) + 4 * x;
            int worst = 0;

            for (int ch = 0; ch < 3; ch++)
              worst = MAX (worst, ABS ((int) a[ch] - (int) b[ch]));
            differing += worst > 96;
          }
      g_test_message ("scale %.0f: %" G_GUINT64_FORMAT " of %d pixels differ", scale, differing,
                      width * height);
      /* the edges of some marks, half a pixel over */
      g_assert_cmpuint (differing, <, (guint64) width * height / 400);
      cairo_surface_destroy (stamped);
      cairo_surface_destroy (circles);
    }

  before = pledge_chart_get_n_stamped ();
  cairo_surface_destroy (draw_equipment (few, 1, FALSE));
  pledge_chart_style_init (&style, FALSE);
  svg = pledge_chart_render (PLEDGE_EXPORT_SVG, PLEDGE_CHART_EQUIPMENT, many, &style, 1200, 800,
                             1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_chart_get_n_stamped (), ==, before);
}

/* One member chosen among 300: the input holds that member's series and no
 * other, and the others as a band whose figures are those of their shares
 * (nearest-rank percentiles). Past the threshold only. */
static void
test_trend_band_input (void)
{
  const char *const chosen[] = { "AAK", NULL };
  g_autoptr(PledgeChartInput) input = members_input (300, chosen);
  g_autoptr(PledgeChartInput) lines = members_input (PLEDGE_CHART_TREND_MAX_FAINT_LINES + 1,
                                                     chosen);
  g_autoptr(PledgeChartInput) band = members_input (PLEDGE_CHART_TREND_MAX_FAINT_LINES + 2,
                                                    chosen);
  const PledgeChartBand *b = &input->faint_band;

  g_assert_true (input->has_faint_band);
  g_assert_cmpuint (input->n_series, ==, 1);
  g_assert_cmpuint (input->n_years, ==, 3);
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (strcmp (m->code, "AAK") == 0)
        {
          g_assert_cmpint (m->trend_colour, ==, 0);
          g_assert_nonnull (m->series);
          g_assert_cmpfloat_with_epsilon (m->series[2], m->defence_gdp, 1e-9);
        }
      else
        {
          g_assert_null (m->series);
          g_assert_null (m->series_flags);
        }
      /* What a tooltip says of the trend, without the series */
      g_assert_cmpint (m->first_share_year, ==, 2014);
      g_assert_cmpint (m->last_share_year, ==, 2016);
      g_assert_cmpfloat_with_epsilon (m->last_share, m->defence_gdp, 1e-9);
    }
  g_assert_nonnull (input->total.series);
  g_assert_true (input->series_has_estimate);

  g_assert_cmpuint (b->n_members, ==, 299);
  for (guint k = 0; k < input->n_years; k++)
    {
      g_autofree double *shares = g_new (double, 299);
      guint n = 0;

      for (guint i = 0; i < input->n_members; i++)
        if (input->members[i].trend_colour < 0)
          shares[n++] = 0.5 + 3.5 * ((i * 37) % 101) / 100.0 + k * 0.1;
      qsort (shares, n, sizeof (double), compare_shares);
      g_assert_cmpuint (b->count[k], ==, 299);
      g_assert_cmpfloat_with_epsilon (b->min[k], shares[0], 1e-9);
      g_assert_cmpfloat_with_epsilon (b->low[k], shares[30], 1e-9);   /* round (0.1 * 298) */
      g_assert_cmpfloat_with_epsilon (b->high[k], shares[268], 1e-9); /* round (0.9 * 298) */
      g_assert_cmpfloat_with_epsilon (b->max[k], shares[298], 1e-9);
    }

  /* At the threshold, lines and every series, as before */
  g_assert_false (lines->has_faint_band);
  g_assert_cmpuint (lines->n_series, ==, lines->n_members);
  for (guint i = 0; i < lines->n_members; i++)
    g_assert_nonnull (lines->members[i].series);
  g_assert_true (band->has_faint_band);
  g_assert_cmpuint (band->n_series, ==, 1);
}

/* Pixels of the colour whose neighbours within radius have it too: with
 * radius 0 every pixel of it, with 1 the inside of a filled area, which
 * the edge of an antialiased line never is */
static guint
count_colour (cairo_surface_t         *surface,
              const PledgeChartColour *colour,
              int                      radius)
{
  guint n = 0;
  int rgb[3];

  for (int y = radius; y < 800 - radius; y++)
    for (int x = radius; x < 1200 - radius; x++)
      {
        gboolean all = TRUE;

        for (int dy = -radius; dy <= radius && all; dy++)
          for (int dx = -radius; dx <= radius && all; dx++)
            {
              pixel_at (surface, x + dx, y + dy, rgb);
              all = near_colour (rgb, colour, 2);
            }
        n += all;
      }
  return n;
}

/* Past the threshold the trend fills the faint members' band (large areas
 * of its two greys), draws the chosen member on top, and no faint member is
 * hit; at the threshold it strokes their lines and fills nothing. */
static void
test_trend_band_drawn (void)
{
  const char *const chosen[] = { "AAK", NULL };
  g_autoptr(PledgeChartInput) band = members_input (300, chosen);
  g_autoptr(PledgeChartInput) lines = members_input (PLEDGE_CHART_TREND_MAX_FAINT_LINES + 1,
                                                     chosen);
  cairo_surface_t *with_band = draw_image (PLEDGE_CHART_TREND, band);
  cairo_surface_t *with_lines = draw_image (PLEDGE_CHART_TREND, lines);
  PledgeChartStyle style;
  PledgeChartColour range;
  guint faint_band, range_band, faint_lines, range_lines;
  int aak = -1;

  pledge_chart_style_init (&style, FALSE);
  range = style.faint;
  range.red = (style.faint.red + style.background.red) / 2;
  range.green = (style.faint.green + style.background.green) / 2;
  range.blue = (style.faint.blue + style.background.blue) / 2;

  faint_band = count_colour (with_band, &style.faint, 0);
  range_band = count_colour (with_band, &range, 1);
  faint_lines = count_colour (with_lines, &style.faint, 0);
  range_lines = count_colour (with_lines, &range, 1);
  g_test_message ("band: %u faint, %u filled range pixels; lines: %u faint, %u filled range "
                  "pixels",
                  faint_band, range_band, faint_lines, range_lines);
  /* The middle band covers most of the plot's width over a third of its
   * height; the range band two strips of it */
  g_assert_cmpuint (faint_band, >, 100000);
  g_assert_cmpuint (range_band, >, 20000);
  /* Lines: grey strokes, and the lighter grey only in their antialiasing,
   * never an area of it */
  g_assert_cmpuint (faint_lines, >, 1000);
  g_assert_cmpuint (faint_lines, <, faint_band / 4);
  g_assert_cmpuint (range_lines, <, range_band / 20);

  /* The chosen member's colour is drawn over the band */
  g_assert_cmpuint (count_colour (with_band, &style.palette[0], 0), >, 500);

  for (guint i = 0; i < band->n_members; i++)
    if (strcmp (band->members[i].code, "AAK") == 0)
      aak = (int) i;
  for (int y = 100; y < 750; y += 10)
    for (int x = 100; x < 1000; x += 50)
      {
        int hit = pledge_chart_hit_test (PLEDGE_CHART_TREND, 1200, 800, &style, band, x, y);

        g_assert_true (hit == -1 || hit == aak || hit == (int) band->n_members);
      }
  {
    g_autofree char *text = pledge_chart_input_describe_member_year (band, 0, 2015);

    /* a member of the band: the input's year, with its trend in one line */
    g_assert_nonnull (strstr (text, "2016"));
    g_assert_nonnull (strstr (text, "in 2014"));
  }

  cairo_surface_destroy (with_band);
  cairo_surface_destroy (with_lines);
}

/* Labels that do not all fit: pledge_chart_spread_fit() keeps as many as
 * dropping the last one and spreading again did, places them as that did,
 * and does so for ten thousand labels (where the retry loop was quadratic). */
static void
test_spread_fit (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 200; round++)
    {
      guint n = 1 + g_rand_int_range (rand, 0, 40);
      double heights[40], want[40], ys[40], old[40];
      double top = 10, bottom = 10 + g_rand_double_range (rand, 0, 600);
      guint kept, old_kept = n;

      for (guint k = 0; k < n; k++)
        {
          heights[k] = g_rand_double_range (rand, 5, 30);
          want[k] = k % 9 == 8 ? NAN : g_rand_double_range (rand, 0, 620);
        }
      for (;;)
        {
          memcpy (old, want, sizeof want);
          if (pledge_chart_spread (old, heights, old_kept, top, bottom) || old_kept == 0)
            break;
          old_kept--;
        }
      memcpy (ys, want, sizeof want);
      kept = pledge_chart_spread_fit (ys, heights, n, top, bottom);
      g_assert_cmpuint (kept, ==, old_kept);
      for (guint k = 0; k < kept; k++)
        g_assert_cmpfloat (ys[k], ==, old[k]);
    }

  {
    guint n = 10000;
    g_autofree double *ys = g_new (double, n);
    g_autofree double *heights = g_new (double, n);
    guint kept;

    for (guint k = 0; k < n; k++)
      {
        ys[k] = (k * 7919) % 800;
        heights[k] = 12;
      }
    kept = pledge_chart_spread_fit (ys, heights, n, 0, 800);
    g_assert_cmpuint (kept, ==, 66);
    for (guint k = 0; k < kept; k++)
      g_assert_true (ys[k] >= 6 && ys[k] <= 794);
  }
}

/* A hundred long sources: the footer draws the first few, each cut short,
 * and says how many more there are (drawing them all took 650 MB). */
static void
test_footer_bounded (void)
{
  g_autoptr(PledgeDataset) dataset = make_members (3, "Member %s");
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(PledgeChartInput) input = NULL;
  g_autofree char *more = NULL;
  PledgeChartStyle style;

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "Source %u ", i);
      while (text->len < 5000)
        g_string_append (text, "a very long source of figures, ");
      pledge_dataset_add_source (dataset, NULL, text->str);
    }
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  input = pledge_chart_input_new (snapshot, 2016, 0, NULL);

  /* The made-up source and 100 more: nine sources, eight shown */
  g_assert_cmpuint (input->n_sources, ==, 101);
  g_assert_cmpuint (strlen (input->sources), >, 500000);
  g_assert_cmpuint (g_utf8_strlen (input->footer_sources, -1), <, 8 * 210 + 40);
  more = g_strdup_printf (" and %u more", 101 - 8);
  g_assert_true (g_str_has_suffix (input->footer_sources, more));
  g_assert_nonnull (strstr (input->footer_sources, "…"));
  g_assert_null (strstr (input->footer_sources, "Source 7 "));

  pledge_chart_style_init (&style, FALSE);
  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    check_draws (kind, input, &style, 1200, 800);
}

/* Infinite figures (an overflowing share, an infinite amount) are unknown
 * in every chart: not drawn, not labelled "inf" or "nan", not counted. */
static void
test_non_finite (void)
{
  g_autoptr(PledgeDataset) dataset = new_dataset (TRUE);
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(PledgeChartInput) input = NULL;
  PledgeChartStyle style;
  PledgeMember *m;
  PledgeFigures *f;

  m = pledge_dataset_add_member (dataset, "END", "Endless", 1949, 0);
  f = pledge_member_add_figures (m, 2016);
  f->values[PLEDGE_FIELD_GDP] = 1000;
  f->values[PLEDGE_FIELD_DEFENCE] = INFINITY;
  f->values[PLEDGE_FIELD_EQUIPMENT] = INFINITY;
  f->present |= PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE | PLEDGE_FIGURE_EQUIPMENT;
  m = pledge_dataset_add_member (dataset, "OVR", "Overflowing", 1949, 0);
  f = pledge_member_add_figures (m, 2016);
  f->values[PLEDGE_FIELD_GDP] = 1e-300;
  f->values[PLEDGE_FIELD_DEFENCE] = 1e308;
  f->present |= PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
  m = pledge_dataset_add_member (dataset, "NRM", "Normal", 1949, 0);
  add_year (m, 2016, 1000, 2.5, 25, FALSE);

  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  g_assert_cmpuint (input->n_in_year, ==, 3);
  g_assert_cmpuint (input->n_with_data, ==, 1);
  g_assert_cmpuint (input->n_meeting, ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      const PledgeChartMember *member = &input->members[i];
      g_autofree char *text = pledge_chart_input_describe_member (input, (int) i);
      g_autofree char *lower = g_ascii_strdown (text, -1);

      g_assert_false (isfinite (member->defence_gdp));
      g_assert_false (isfinite (member->value));
      g_assert_cmpint (member->meets, ==, PLEDGE_MEETS_UNKNOWN);
      g_assert_null (strstr (lower, "inf"));
      g_assert_null (strstr (lower, "nan"));
    }
  for (guint i = 0; i < input->n_years; i++)
    g_assert_false (isinf (input->members[0].series[i]));

  pledge_chart_style_init (&style, FALSE);
  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    {
      g_autofree char *text = pledge_chart_input_describe (input, kind);
      g_autofree char *lower = g_ascii_strdown (text, -1);

      g_assert_null (strstr (lower, "inf"));
      g_assert_null (strstr (lower, "nan"));
      check_draws (kind, input, &style, 1200, 800);
    }
}

/* Numbers print whole, however long */
static void
test_long_numbers (void)
{
  g_autofree char *number = pledge_chart_format_number (1e20, 2);
  g_autofree char *percent = pledge_chart_format_percent (-1e25, 0);
  g_autofree char *money = pledge_chart_format_money (1e30);

  /* (grouped: English grouping in the C locale) */
  g_assert_cmpstr (number, ==, "100,000,000,000,000,000,000.00");
  g_assert_cmpstr (percent, ==, "-10,000,000,000,000,000,905,969,664%");
  g_assert_cmpuint (strlen (money), ==, 41);
}

/* Polish: the alliance total covers the alliance */

/* Six members reported 2014-2016; the scenario grows only the first two
 * to 2020 */
static PledgeDataset *
make_partial_scenario (void)
{
  PledgeDataset *dataset = make_members (6, "Partial member %s");
  g_autoptr(PledgeScenario) scenario = pledge_scenario_new ("some", "Two members grow");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("AAA", 2016, 2020, 30.0, 1.0));
  g_ptr_array_add (scenario->edits, pledge_edit_new_grow ("AAB", 2016, 2020, 30.0, 1.0));
  pledge_dataset_add_scenario (dataset, g_steal_pointer (&scenario), 0, &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_total_coverage (void)
{
  g_autoptr(PledgeDataset) dataset = make_partial_scenario ();
  g_autoptr(PledgeDataset) everyone = make_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, &error);
  g_autoptr(PledgeSnapshot) reported = NULL;
  g_autoptr(PledgeSnapshot) edited = NULL;
  g_autoptr(PledgeSnapshot) all = NULL;
  g_autoptr(PledgeChartInput) input = NULL;
  g_autoptr(PledgeChartInput) all_input = NULL;
  g_autoptr(PledgeEdit) edit = pledge_edit_new_grow ("AAC", 2016, 2018, 5.0, 1.0);
  const PledgeScenario *scenario;
  guint expected = 0;

  g_assert_no_error (error);
  g_assert_true (pledge_snapshot_alliance_is_complete (snapshot, 2016));
  g_assert_false (pledge_snapshot_alliance_is_complete (snapshot, 2018));
  g_assert_cmpuint (pledge_snapshot_get_alliance_missing (snapshot, 2018, &expected), ==, 4);
  g_assert_cmpuint (expected, ==, 6);
  g_assert_cmpuint (pledge_snapshot_get_alliance_missing (snapshot, 2016, NULL), ==, 0);
  /* Outside the snapshot's years every member is missing */
  g_assert_cmpuint (pledge_snapshot_get_alliance_missing (snapshot, 2040, NULL), ==, 6);
  /* No member's share of a total of two members: it is no alliance share */
  g_assert_true (isfinite (pledge_snapshot_get_alliance_share (snapshot, 0, 2016)));
  g_assert_false (isfinite (pledge_snapshot_get_alliance_share (snapshot, 0, 2018)));

  /* An edit applied to a snapshot counts the same as a full computation */
  reported = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, &error);
  g_assert_no_error (error);
  scenario = pledge_dataset_get_scenario (dataset, 0);
  edited = pledge_snapshot_new_with_edit (snapshot, scenario, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_snapshot_get_alliance_missing (edited, 2017, NULL), ==, 3);
  g_assert_cmpuint (pledge_snapshot_get_alliance_missing (edited, 2019, NULL), ==, 4);
  g_assert_cmpuint (pledge_snapshot_get_alliance_missing (reported, 2016, NULL), ==, 0);

  /* The trend draws the total where it is one, and says where it is not */
  input = pledge_chart_input_new (snapshot, 2018, 0, NULL);
  g_assert_cmpint (input->first_year, ==, 2014);
  g_assert_cmpint (input->last_year, ==, 2020);
  for (int year = 2014; year <= 2020; year++)
    g_assert_cmpint (isfinite (input->total.series[year - input->first_year]), ==, year <= 2016);
  g_assert_false (isfinite (input->total.defence));
  g_assert_false (isfinite (input->total.defence_gdp));
  g_assert_false (isfinite (input->members[0].alliance_share));
  g_assert_cmpint (input->total_partial_first, ==, 2017);
  g_assert_cmpint (input->total_partial_last, ==, 2020);
  g_assert_cmpuint (input->total_partial_covered, ==, 2);
  g_assert_cmpuint (input->total_partial_expected, ==, 6);

  /* A scenario that projects every member has its total to the end */
  all = pledge_snapshot_new (everyone, 0, &error);
  g_assert_no_error (error);
  all_input = pledge_chart_input_new (all, 2030, 0, NULL);
  g_assert_true (isfinite (all_input->total.series[all_input->n_years - 1]));
  g_assert_true (isfinite (all_input->total.defence));
  g_assert_cmpint (all_input->total_partial_first, ==, 0);
}

/* Polish: every number of five or more digits a chart draws is grouped */

/* Eight members with trillions of GDP and hundreds of thousands of
 * millions of defence, some short of 2% by large sums */
static PledgeDataset *
make_big_money (void)
{
  PledgeDataset *dataset = new_dataset (TRUE);

  for (guint i = 0; i < 8; i++)
    {
      char code[4];
      g_autofree char *name = NULL;
      PledgeMember *member;

      make_code (i, code);
      name = g_strdup_printf ("Big member %s", code);
      member = pledge_dataset_add_member (dataset, code, name, 1949, 0);
      for (int year = 2014; year <= 2016; year++)
        add_year (member, year, 2.5e6 * (i + 1) + 12345.678 * year, 0.8 + 0.45 * i,
                  11 + 3 * i, year == 2016);
    }
  return dataset;
}

typedef struct
{
  double            x1, y1, x2, y2, width;
  PledgeChartColour colour;
  gboolean          dashed;
} Line;

typedef struct
{
  GPtrArray *texts;
  GArray    *boxes;
  GArray    *sizes;
  GArray    *halos;
  GArray    *lines;
} Captured;

static void
capture_text (const char       *text,
              const PledgeRect *box,
              double            font_size,
              gboolean          halo,
              gpointer          user_data)
{
  Captured *c = user_data;

  g_ptr_array_add (c->texts, g_strdup (text));
  g_array_append_val (c->boxes, *box);
  g_array_append_val (c->sizes, font_size);
  g_array_append_val (c->halos, halo);
}

static void
capture_line (double                   x1,
              double                   y1,
              double                   x2,
              double                   y2,
              double                   width,
              const PledgeChartColour *colour,
              gboolean                 dashed,
              gpointer                 user_data)
{
  Captured *c = user_data;
  Line line = { x1, y1, x2, y2, width, *colour, dashed };

  g_array_append_val (c->lines, line);
}

static void
captured_init (Captured *c)
{
  c->texts = g_ptr_array_new_with_free_func (g_free);
  c->boxes = g_array_new (FALSE, FALSE, sizeof (PledgeRect));
  c->sizes = g_array_new (FALSE, FALSE, sizeof (double));
  c->halos = g_array_new (FALSE, FALSE, sizeof (gboolean));
  c->lines = g_array_new (FALSE, FALSE, sizeof (Line));
}

static void
captured_clear (Captured *c)
{
  g_clear_pointer (&c->texts, g_ptr_array_unref);
  g_clear_pointer (&c->boxes, g_array_unref);
  g_clear_pointer (&c->sizes, g_array_unref);
  g_clear_pointer (&c->halos, g_array_unref);
  g_clear_pointer (&c->lines, g_array_unref);
}

/* Draws a chart on an image surface and keeps every string it drew */
static cairo_surface_t *
capture_chart_image (PledgeChartKind          kind,
                     const PledgeChartInput  *input,
                     const PledgeChartStyle  *style,
                     int                      width,
                     int                      height,
                     Captured                *captured)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  captured_init (captured);
  pledge_chart_set_text_hook (capture_text, captured);
  pledge_chart_set_line_hook (capture_line, captured);
  pledge_chart_draw (kind, cr, width, height, style, input);
  pledge_chart_set_text_hook (NULL, NULL);
  pledge_chart_set_line_hook (NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
capture_chart (PledgeChartKind          kind,
               const PledgeChartInput  *input,
               const PledgeChartStyle  *style,
               int                      width,
               int                      height,
               Captured                *captured)
{
  cairo_surface_destroy (capture_chart_image (kind, input, style, width, height, captured));
}

static void
test_numbers_grouped (void)
{
  g_autoptr(PledgeDataset) dataset = make_big_money ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            &error);
  g_autoptr(GRegex) ungrouped = g_regex_new ("[0-9]{5,}", 0, 0, NULL);
  g_autoptr(GRegex) grouped = g_regex_new ("[0-9]{1,3}(,[0-9]{3})+", 0, 0, NULL);
  PledgeChartStyle style;
  guint n_grouped = 0, n_texts = 0;

  g_assert_no_error (error);
  pledge_chart_style_init (&style, FALSE);
  for (guint target = 0; target < 2; target++)
    {
      g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, target, NULL);

      for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
        {
          g_autofree char *summary = pledge_chart_input_describe (input, kind);
          Captured captured;

          capture_chart (kind, input, &style, 1200, 800, &captured);
          g_ptr_array_add (captured.texts, g_steal_pointer (&summary));
          for (guint m = 0; m <= input->n_members; m++)
            g_ptr_array_add (captured.texts,
                             pledge_chart_input_describe_member (input, (int) m));
          for (guint i = 0; i < captured.texts->len; i++)
            {
              const char *text = g_ptr_array_index (captured.texts, i);

              if (g_regex_match (ungrouped, text, 0, NULL))
                g_error ("%s chart, target %u: \"%s\" has an ungrouped number",
                         pledge_chart_kind_to_string (kind), target, text);
              if (g_regex_match (grouped, text, 0, NULL))
                n_grouped++;
              n_texts++;
            }
          captured_clear (&captured);
        }
    }
  /* The charts did draw large numbers, grouped: the test saw some */
  g_test_message ("%u strings, %u with grouped numbers", n_texts, n_grouped);
  g_assert_cmpuint (n_grouped, >=, 10);
}

/* The gap chart's labels take the same decimals down the column */
static void
test_gap_decimals (void)
{
  PledgeDataset *dataset = new_dataset (TRUE);
  g_autoptr(PledgeDataset) owned = dataset;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(PledgeChartInput) input = NULL;
  g_autoptr(GRegex) number = g_regex_new ("^[0-9,]+(\\.[0-9]+)?$", 0, 0, NULL);
  const double gdp[] = { 100000, 1000, 300 };
  PledgeChartStyle style;
  Captured captured;
  int decimals = -1;
  guint n_labels = 0;
  double ticks_y = 0;

  for (guint i = 0; i < G_N_ELEMENTS (gdp); i++)
    {
      char code[4];

      make_code (i, code);
      add_year (pledge_dataset_add_member (dataset, code, code, 1949, 0), 2016, gdp[i], 1.0,
                NAN, FALSE);
    }
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  pledge_chart_style_init (&style, FALSE);
  capture_chart (PLEDGE_CHART_GAP, input, &style, 1200, 800, &captured);
  /* the axis ticks: the lowest numbers */
  for (guint i = 0; i < captured.texts->len; i++)
    if (g_regex_match (number, g_ptr_array_index (captured.texts, i), 0, NULL))
      ticks_y = MAX (ticks_y, g_array_index (captured.boxes, PledgeRect, i).y);
  for (guint i = 0; i < captured.texts->len; i++)
    {
      const char *text = g_ptr_array_index (captured.texts, i);
      const char *point = strchr (text, '.');
      int d = point ? (int) strlen (point + 1) : 0;
      const PledgeRect *box = &g_array_index (captured.boxes, PledgeRect, i);

      /* the value labels: numbers above the axis's ticks */
      if (!g_regex_match (number, text, 0, NULL) || box->y > ticks_y - 1)
        continue;
      n_labels++;
      if (decimals < 0)
        decimals = d;
      g_assert_cmpint (d, ==, decimals);
    }
  /* 1,000, 10 and 3: one column, no decimals */
  g_assert_cmpuint (n_labels, >=, 3);
  captured_clear (&captured);
}

/* Polish: colours that show */

/* WCAG 2.1 relative luminance and contrast ratio */
static double
luminance (double r,
           double g,
           double b)
{
  double c[3] = { r, g, b };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (double la,
          double lb)
{
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static double
colour_luminance (const PledgeChartColour *colour)
{
  return luminance (colour->red, colour->green, colour->blue);
}

/* Every colour that draws data, in both themes, has 3:1 with the
 * background (the grid and the faint context lines are not data) */
static void
test_series_contrast (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      PledgeChartStyle style;
      struct { const char *name; const PledgeChartColour *colour; } series[8 + PLEDGE_CHART_PALETTE_SIZE];
      guint n = 0;
      double bg;

      pledge_chart_style_init (&style, dark);
      bg = colour_luminance (&style.background);
      series[n].name = "foreground"; series[n++].colour = &style.foreground;
      series[n].name = "muted"; series[n++].colour = &style.muted;
      series[n].name = "meets"; series[n++].colour = &style.meets;
      series[n].name = "partial"; series[n++].colour = &style.partial;
      series[n].name = "misses"; series[n++].colour = &style.misses;
      series[n].name = "unknown"; series[n++].colour = &style.unknown;
      series[n].name = "target"; series[n++].colour = &style.target;
      series[n].name = "other_target"; series[n++].colour = &style.other_target;
      for (guint i = 0; i < PLEDGE_CHART_PALETTE_SIZE; i++)
        {
          series[n].name = "palette";
          series[n++].colour = &style.palette[i];
        }
      for (guint i = 0; i < n; i++)
        {
          double ratio = contrast (colour_luminance (series[i].colour), bg);

          if (ratio < 3.0)
            g_error ("%s theme: %s (%u) has %.2f:1 with the background",
                     dark ? "dark" : "light", series[i].name, i, ratio);
        }
      /* and the colours that set members apart differ in lightness too, not
       * only in hue (unknown figures are also marked by a pattern) */
      g_assert_cmpfloat (contrast (colour_luminance (&style.meets),
                                   colour_luminance (&style.partial)), >=, 1.5);
      g_assert_cmpfloat (contrast (colour_luminance (&style.meets),
                                   colour_luminance (&style.misses)), >=, 1.5);
    }
}

/* The "Reported figure" swatch shows as a box, not a pale patch with a
 * line on top: rows of its box hold pixels of 3:1 with the background */
static void
test_reported_swatch (void)
{
  g_autoptr(PledgeDataset) dataset = make_ghosts_6 ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);

  for (int dark = 0; dark <= 1; dark++)
    for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
      {
        PledgeChartStyle style;
        Captured captured;
        cairo_surface_t *surface;
        double bg;
        gboolean found = FALSE;

        pledge_chart_style_init (&style, dark);
        bg = colour_luminance (&style.background);
        surface = capture_chart_image (kind, input, &style, 1200, 800, &captured);
        for (guint i = 0; i < captured.texts->len; i++)
          {
            const PledgeRect *box = &g_array_index (captured.boxes, PledgeRect, i);
            double em = g_array_index (captured.sizes, double, i) / 0.82;
            int x0 = (int) floor (box->x - 1.3 * em), x1 = (int) ceil (box->x - 0.4 * em);
            int y0 = (int) floor (box->y), y1 = (int) ceil (box->y + box->height);
            int rows = 0;

            if (g_strcmp0 (g_ptr_array_index (captured.texts, i), "Reported figure") != 0)
              continue;
            found = TRUE;
            for (int y = MAX (0, y0); y < MIN (800, y1); y++)
              {
                gboolean shows = FALSE;

                for (int x = MAX (0, x0); x < MIN (1200, x1) && !shows; x++)
                  {
                    int rgb[3];

                    pixel_at (surface, x, y, rgb);
                    shows = contrast (luminance (rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0),
                                      bg) >= 3.0;
                  }
                rows += shows;
              }
            /* the swatch is 0.9 em high */
            if (rows < 0.6 * 0.9 * em)
              g_error ("%s %s chart: the Reported figure swatch shows on %d rows of %.0f",
                       dark ? "dark" : "light", pledge_chart_kind_to_string (kind), rows,
                       0.9 * em);
          }
        if (kind == PLEDGE_CHART_COMPLIANCE)
          g_assert_true (found);
        captured_clear (&captured);
        cairo_surface_destroy (surface);
      }
}

/* Polish: the row charts use their height and keep folded ghosts */

/* The space between the lowest string of the plot and the footer */
static double
space_above_footer (const Captured *captured,
                    const char     *footer_start)
{
  double footer = G_MAXDOUBLE, lowest = 0;

  for (guint i = 0; i < captured->texts->len; i++)
    {
      const char *text = g_ptr_array_index (captured->texts, i);
      const PledgeRect *box = &g_array_index (captured->boxes, PledgeRect, i);

      if (g_str_has_prefix (text, footer_start) || strstr (text, "Made up for the tests"))
        footer = MIN (footer, box->y);
    }
  for (guint i = 0; i < captured->texts->len; i++)
    {
      const PledgeRect *box = &g_array_index (captured->boxes, PledgeRect, i);

      if (box->y + box->height <= footer)
        lowest = MAX (lowest, box->y + box->height);
    }
  return footer - lowest;
}

static void
test_bars_use_height (void)
{
  g_autoptr(PledgeDataset) dataset = make_members (32, "Member %s");
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  static const PledgeChartKind kinds[] = { PLEDGE_CHART_GAP, PLEDGE_CHART_BURDEN };
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Captured captured;
      double space, em;

      capture_chart (kinds[k], input, &style, 700, 2000, &captured);
      /* the body font at 700 wide: 0.7 of 14 px */
      em = 14.0 * 0.7;
      space = space_above_footer (&captured, "Test alliance");
      if (space > 6 * em)
        g_error ("%s chart at 700x2000: %.0f px empty above the footer",
                 pledge_chart_kind_to_string (kinds[k]), space);
      captured_clear (&captured);
    }
}

/* The middle of the row whose label ends in suffix, or -1 */
static int
row_labelled (PledgeChartKind         kind,
              const PledgeChartInput *input,
              const char             *suffix)
{
  PledgeChartStyle style;
  Captured captured;
  int cy = -1;

  pledge_chart_style_init (&style, FALSE);
  capture_chart (kind, input, &style, 1200, 800, &captured);
  for (guint i = 0; i < captured.texts->len && cy < 0; i++)
    if (g_str_has_suffix (g_ptr_array_index (captured.texts, i), suffix))
      {
        const PledgeRect *box = &g_array_index (captured.boxes, PledgeRect, i);

        cy = (int) round (box->y + box->height / 2);
      }
  captured_clear (&captured);
  return cy;
}

/* 300 members whose 2016 figures a scenario moved: most are folded into
 * one row, which keeps their reported figure as its ghost */
static void
test_folded_ghosts (void)
{
  g_autoptr(PledgeDataset) dataset = make_ghosts_300 ();
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, 0, NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  static const PledgeChartKind kinds[] = { PLEDGE_CHART_BURDEN, PLEDGE_CHART_GAP };
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      cairo_surface_t *with, *without;
      int cy = row_labelled (kinds[k], input, " other members");
      guint n;

      g_assert_cmpint (cy, >, 0);
      draw_with_and_without (kinds[k], input, &with, &without);
      n = count_new_colour (with, without, &style.foreground, 40, cy - 3, cy + 3);
      if (n < 5)
        g_error ("%s chart: no ghost marker on the folded row (%u pixels)",
                 pledge_chart_kind_to_string (kinds[k]), n);
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }
}

/* Polish: text no smaller than the window's small text */

/* Two boxes overlap by more than slack on both axes */
static gboolean
boxes_overlap (const PledgeRect *a,
               const PledgeRect *b,
               double            slack)
{
  return a->x + a->width - slack > b->x && b->x + b->width - slack > a->x &&
         a->y + a->height - slack > b->y && b->y + b->height - slack > a->y;
}

/* Pairs of strings drawn over each other, listed in report */
static guint
count_text_overlaps (const Captured *captured,
                     GString        *report)
{
  guint n = 0;

  for (guint i = 0; i < captured->texts->len; i++)
    for (guint j = i + 1; j < captured->texts->len; j++)
      if (boxes_overlap (&g_array_index (captured->boxes, PledgeRect, i),
                         &g_array_index (captured->boxes, PledgeRect, j), 1.0))
        {
          n++;
          if (report != NULL)
            g_string_append_printf (report, " \"%s\" over \"%s\";",
                                    (const char *) g_ptr_array_index (captured->texts, i),
                                    (const char *) g_ptr_array_index (captured->texts, j));
        }
  return n;
}

static void
test_min_text_size (void)
{
  g_autoptr(PledgeDataset) dataset = make_members (32, "Member %s");
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);
  g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
  static const int sizes_px[][2] = { { 640, 420 }, { 480, 320 } };
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes_px); s++)
    for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
      {
        Captured captured;
        g_autoptr(GString) overlaps = g_string_new (NULL);

        capture_chart (kind, input, &style, sizes_px[s][0], sizes_px[s][1], &captured);
        g_assert_cmpuint (captured.texts->len, >, 0);
        for (guint i = 0; i < captured.sizes->len; i++)
          if (g_array_index (captured.sizes, double, i) < PLEDGE_CHART_MIN_TEXT - 0.01)
            g_error ("%s chart at %dx%d: \"%s\" at %.1f px",
                     pledge_chart_kind_to_string (kind), sizes_px[s][0], sizes_px[s][1],
                     (const char *) g_ptr_array_index (captured.texts, i),
                     g_array_index (captured.sizes, double, i));
        /* and the larger labels are thinned, not drawn over each other */
        if (count_text_overlaps (&captured, overlaps) > 0)
          g_error ("%s chart at %dx%d:%s", pledge_chart_kind_to_string (kind),
                   sizes_px[s][0], sizes_px[s][1], overlaps->str);
        captured_clear (&captured);
      }
}

/* Polish: labels clear of each other and of the legend */

static PledgeChartInput *
bundled_input (const char *name,
               int         year,
               guint       target)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", name,
                                                 NULL);

  return input_from_file (path, year, target);
}

static gboolean
same_colour (const PledgeChartColour *a,
             const PledgeChartColour *b)
{
  return fabs (a->red - b->red) < 1e-6 && fabs (a->green - b->green) < 1e-6 &&
         fabs (a->blue - b->blue) < 1e-6;
}

/* Whether the segment, as thick as width, crosses box shrunk by a pixel */
static gboolean
line_crosses (const Line       *line,
              const PledgeRect *box)
{
  double x0 = box->x + 1, y0 = box->y + 1;
  double x1 = box->x + box->width - 1, y1 = box->y + box->height - 1;
  double half = line->width / 2;

  /* Target lines and guidelines are horizontal or vertical */
  if (fabs (line->y1 - line->y2) < 1e-6)
    return line->y1 + half > y0 && line->y1 - half < y1 &&
           MAX (line->x1, line->x2) > x0 && MIN (line->x1, line->x2) < x1;
  if (fabs (line->x1 - line->x2) < 1e-6)
    return line->x1 + half > x0 && line->x1 - half < x1 &&
           MAX (line->y1, line->y2) > y0 && MIN (line->y1, line->y2) < y1;
  return FALSE;
}

/* Strings without a halo that a target line or guideline runs through */
static guint
count_line_crossings (const Captured         *captured,
                      const PledgeChartStyle *style,
                      GString                *report)
{
  guint n = 0;

  for (guint l = 0; l < captured->lines->len; l++)
    {
      const Line *line = &g_array_index (captured->lines, Line, l);

      /* the selected target's lines and guidelines, the other targets'
       * dashed lines (solid lines of that grey are axes and leaders) */
      if (!same_colour (&line->colour, &style->target) &&
          !(line->dashed && same_colour (&line->colour, &style->other_target)))
        continue;
      for (guint i = 0; i < captured->texts->len; i++)
        if (!g_array_index (captured->halos, gboolean, i) &&
            line_crosses (line, &g_array_index (captured->boxes, PledgeRect, i)))
          {
            n++;
            if (report != NULL)
              {
                const PledgeRect *box = &g_array_index (captured->boxes, PledgeRect, i);

                g_string_append_printf (report,
                                        " a line (%.0f,%.0f)-(%.0f,%.0f) through \"%s\""
                                        " at (%.0f,%.0f) %.0fx%.0f;",
                                        line->x1, line->y1, line->x2, line->y2,
                                        (const char *) g_ptr_array_index (captured->texts, i),
                                        box->x, box->y, box->width, box->height);
              }
          }
    }
  return n;
}

static void
test_labels_clear (void)
{
  g_autoptr(PledgeDataset) members = make_members (32, "Member %s");
  g_autoptr(PledgeDataset) ghosts = make_ghosts_6 ();
  g_autoptr(PledgeSnapshot) members_snapshot =
    pledge_snapshot_new (members, PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_autoptr(PledgeSnapshot) ghosts_snapshot = pledge_snapshot_new (ghosts, 0, NULL);
  PledgeChartInput *inputs[] = {
    pledge_chart_input_new (members_snapshot, 2016, 0, NULL),
    pledge_chart_input_new (members_snapshot, 2016, 1, NULL),
    pledge_chart_input_new (ghosts_snapshot, 2016, 0, NULL),
    bundled_input ("nato-2016.xml", 2016, 0),
    bundled_input ("nato-2025.xml", 2025, 0),
    bundled_input ("nato-2025.xml", 2024, 1),
  };
  static const int sizes_px[][2] = { { 1200, 800 }, { 800, 600 } };
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_overlaps = 0;

  for (int dark = 0; dark <= 1; dark++)
    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes_px); s++)
        for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
          {
            PledgeChartStyle style;
            Captured captured;
            g_autoptr(GString) overlaps = g_string_new (NULL);
            guint n;

            pledge_chart_style_init (&style, dark);
            capture_chart (kind, inputs[i], &style, sizes_px[s][0], sizes_px[s][1], &captured);
            n = count_text_overlaps (&captured, overlaps);
            n += count_line_crossings (&captured, &style, overlaps);
            if (n > 0)
              g_string_append_printf (all, "\n  %s input %u, %s chart at %dx%d:%s",
                                      dark ? "dark" : "light", i,
                                      pledge_chart_kind_to_string (kind), sizes_px[s][0],
                                      sizes_px[s][1], overlaps->str);
            n_overlaps += n;
            captured_clear (&captured);
          }
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    pledge_chart_input_free (inputs[i]);
  if (n_overlaps > 0)
    g_error ("%u strings drawn over others:%s", n_overlaps, all->str);
}

/* Where is member i: every chart's locate, on small test datasets */

static PledgeDataset *
load_data_file (const char *dir,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load (file, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static PledgeChartInput *
locate_input (PledgeChartKind kind)
{
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  PledgeChartInput *input;

  switch (kind)
    {
    case PLEDGE_CHART_REAL_CHANGE:
    case PLEDGE_CHART_PER_CAPITA:
    case PLEDGE_CHART_CATEGORIES:
      return v2_input (2024, PLEDGE_SNAPSHOT_REPORTED);
    case PLEDGE_CHART_REVISIONS:
      {
        g_autoptr(PledgeDataset) old = load_data_file ("compare", "edition-2024.xml");

        dataset = load_data_file ("compare", "edition-2025.xml");
        snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
        input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
        pledge_chart_input_set_compare (input, pledge_compare_new (dataset, "new", old, "old",
                                                                   2016, 2016));
        return input;
      }
    default:
      dataset = load_data_file ("map", "members-2016.xml");
      snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
      return pledge_chart_input_new (snapshot, 2016, 0, NULL);
    }
}

static void
test_locate (gconstpointer data)
{
  PledgeChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(PledgeChartInput) input = locate_input (kind);
  g_autoptr(GArray) members = pledge_chart_focus_members (kind, input);
  PledgeChartStyle style;
  const double chart_sizes[][2] = { { 1200, 800 }, { 700, 500 } };
  guint located = 0, tried = 0;

  pledge_chart_style_init (&style, FALSE);
  g_assert_cmpuint (members->len, >, 3);
  for (guint s = 0; s < G_N_ELEMENTS (chart_sizes); s++)
    {
      double w = chart_sizes[s][0], h = chart_sizes[s][1];
      PledgeChart c;
      PledgeRect plot;

      pledge_chart_begin (&c, kind, NULL, w, h, &style, input);
      plot = c.plot;
      pledge_chart_end (&c);
      for (guint i = 0; i < members->len; i++)
        {
          int member = g_array_index (members, int, i);
          PledgeChartElement e;
          int hit;

          tried++;
          if (!pledge_chart_locate (kind, w, h, &style, input, member, &e))
            continue;
          located++;
          g_assert_cmpint (e.member, ==, member);
          /* A rectangle inside the plot (a point's ring may stand out by
           * its radius), with the point where a hit test finds it */
          g_assert_cmpfloat (e.width, >, 0);
          g_assert_cmpfloat (e.height, >, 0);
          g_assert_cmpfloat (e.x, >=, plot.x - c.em);
          g_assert_cmpfloat (e.y, >=, plot.y - c.em);
          g_assert_cmpfloat (e.x + e.width, <=, plot.x + plot.width + c.em);
          g_assert_cmpfloat (e.y + e.height, <=, plot.y + plot.height + c.em);
          g_assert_cmpfloat (e.hit_x, >=, e.x);
          g_assert_cmpfloat (e.hit_x, <=, e.x + e.width);
          g_assert_cmpfloat (e.hit_y, >=, e.y);
          g_assert_cmpfloat (e.hit_y, <=, e.y + e.height);
          if (kind != PLEDGE_CHART_MAP)
            {
              g_assert_cmpfloat_with_epsilon (e.hit_x, e.x + e.width / 2, 1e-9);
              g_assert_cmpfloat_with_epsilon (e.hit_y, e.y + e.height / 2, 1e-9);
            }
          hit = pledge_chart_hit_test (kind, w, h, &style, input, e.hit_x, e.hit_y);
          /* The trend's faint lines yield to a highlighted one that passes
           * as near: only there may the point hit another member */
          if (kind == PLEDGE_CHART_TREND && input->members[member].trend_colour < 0 &&
              hit != member)
            {
              g_assert_cmpint (hit, >=, 0);
              g_assert_true (hit == PLEDGE_CHART_TOTAL_INDEX (input) ||
                             input->members[hit].trend_colour >= 0);
            }
          else
            g_assert_cmpint (hit, ==, member);
        }
    }
  /* Most members are drawn, so most are found; none is made up */
  g_assert_cmpuint (located, >=, tried / 2);
  {
    PledgeChartElement e;

    g_assert_false (pledge_chart_locate (kind, 1200, 800, &style, input, -1, &e));
    g_assert_false (pledge_chart_locate (kind, 1200, 800, &style, input,
                                         (int) input->n_members + 1, &e));
  }
}

static void
assert_elements_equal (const PledgeChartElement *a,
                       const PledgeChartElement *b)
{
  g_assert_cmpint (a->member, ==, b->member);
  g_assert_cmpfloat_with_epsilon (a->x, b->x, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->width, b->width, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->height, b->height, 1e-9);
  g_assert_cmpint (a->draggable, ==, b->draggable);
  g_assert_cmpfloat_with_epsilon (a->axis_from, b->axis_from, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->axis_to, b->axis_to, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->axis_min, b->axis_min, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->axis_max, b->axis_max, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->hit_x, b->hit_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->hit_y, b->hit_y, 1e-9);
}

/* The chart view places its labels from one pledge_chart_locate_all()
 * an allocation: it must say what pledge_chart_locate() says of each
 * member, and nothing of a member that one cannot find */
static void
test_locate_all (void)
{
  PledgeChartStyle style;

  pledge_chart_style_init (&style, FALSE);
  for (guint kind = 0; kind < PLEDGE_N_CHARTS; kind++)
    {
      g_autoptr(PledgeChartInput) input = locate_input (kind);
      g_autoptr(GArray) members = pledge_chart_focus_members (kind, input);
      const double chart_sizes[][2] = { { 1200, 800 }, { 700, 500 } };

      for (guint s = 0; s < G_N_ELEMENTS (chart_sizes); s++)
        {
          double w = chart_sizes[s][0], h = chart_sizes[s][1];
          g_autoptr(GArray) all = pledge_chart_locate_all (kind, w, h, &style, input);
          guint located = 0;

          g_assert_nonnull (all);
          /* Every member the keyboard visits, as pledge_chart_locate()
           * places it: the first element of that member */
          for (guint i = 0; i < members->len; i++)
            {
              int member = g_array_index (members, int, i);
              const PledgeChartElement *found = NULL;
              PledgeChartElement e;

              for (guint j = 0; j < all->len && found == NULL; j++)
                if (g_array_index (all, PledgeChartElement, j).member == member)
                  found = &g_array_index (all, PledgeChartElement, j);
              if (pledge_chart_locate (kind, w, h, &style, input, member, &e))
                {
                  g_assert_nonnull (found);
                  assert_elements_equal (found, &e);
                  located++;
                }
              else
                g_assert_null (found);
            }
          g_assert_cmpuint (located, >, 0);
          /* Nothing pledge_chart_locate() cannot find, the total
           * included, and no member out of range */
          for (guint j = 0; j < all->len; j++)
            {
              const PledgeChartElement *a = &g_array_index (all, PledgeChartElement, j);
              PledgeChartElement e;

              g_assert_cmpint (a->member, >=, 0);
              g_assert_cmpint (a->member, <=, (int) input->n_members);
              g_assert_true (pledge_chart_locate (kind, w, h, &style, input, a->member, &e));
              g_assert_true (isfinite (a->hit_x) && isfinite (a->hit_y));
            }
        }

      /* A size that cannot be drawn has no elements */
      {
        g_autoptr(GArray) none = pledge_chart_locate_all (kind, 0, 800, &style, input);

        g_assert_cmpuint (none->len, ==, 0);
      }
    }
}

/* The map's share scale: sequential (each class further from the
 * background than the one below), its top class at least 3:1 with the
 * background in both themes, and the classes as the legend says */
static void
test_share_scale (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      PledgeChartStyle style;
      double bg, last = 1.0;

      pledge_chart_style_init (&style, dark);
      bg = colour_luminance (&style.background);
      for (guint k = 0; k < PLEDGE_CHART_SHARE_STEPS; k++)
        {
          double ratio = contrast (colour_luminance (&style.share_scale[k]), bg);

          if (ratio <= last * 1.1)
            g_error ("%s theme: share class %u has %.2f:1, class %u %.2f:1",
                     dark ? "dark" : "light", k, ratio, k - 1, last);
          last = ratio;
        }
      g_assert_cmpfloat (last, >=, 3.0);
    }

  g_assert_cmpint (pledge_map_share_class (NAN), ==, -1);
  g_assert_cmpint (pledge_map_share_class (-0.5), ==, -1);
  g_assert_cmpint (pledge_map_share_class (0), ==, 0);
  g_assert_cmpint (pledge_map_share_class (0.99), ==, 0);
  g_assert_cmpint (pledge_map_share_class (1.0), ==, 1);
  g_assert_cmpint (pledge_map_share_class (1.99), ==, 2);
  g_assert_cmpint (pledge_map_share_class (2.0), ==, 3);
  g_assert_cmpint (pledge_map_share_class (3.0), ==, PLEDGE_CHART_SHARE_STEPS - 1);
  g_assert_cmpint (pledge_map_share_class (12.0), ==, PLEDGE_CHART_SHARE_STEPS - 1);
}

/* The map coloured by the share of GDP: each member's fill is its class's
 * colour, no data hatched; against the reference images */
static void
test_map_share (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(PledgeChartInput) input = locate_input (PLEDGE_CHART_MAP);
  g_autofree char *title = NULL;
  PledgeChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint checked = 0;

  input->map_scale = PLEDGE_MAP_SCALE_SHARE;
  title = pledge_chart_get_title (PLEDGE_CHART_MAP, input);
  g_assert_cmpstr (title, ==, "Defence spending as a share of GDP, 2016");

  pledge_chart_style_init (&style, dark);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);
  cr = cairo_create (surface);
  pledge_chart_draw (PLEDGE_CHART_MAP, cr, 1200, 800, &style, input);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < input->n_members; i++)
    {
      PledgeChartElement e;
      const guint8 *px;
      int k = pledge_map_share_class (input->members[i].defence_gdp);

      if (k < 0 || !pledge_chart_locate (PLEDGE_CHART_MAP, 1200, 800, &style, input, (int) i, &e))
        continue;
      px = cairo_image_surface_get_data (surface) +
           (int) e.hit_y * cairo_image_surface_get_stride (surface) + 4 * (int) e.hit_x;
      /* BGRx; small countries' borders may cover the point */
      if (ABS (px[2] - (int) round (style.share_scale[k].red * 255)) <= 2 &&
          ABS (px[1] - (int) round (style.share_scale[k].green * 255)) <= 2 &&
          ABS (px[0] - (int) round (style.share_scale[k].blue * 255)) <= 2)
        checked++;
    }
  g_assert_cmpuint (checked, >=, input->n_in_year * 3 / 4);
  cairo_surface_destroy (surface);

  check_reference (dark ? "map-share-2016-dark.png" : "map-share-2016.png", PLEDGE_CHART_MAP,
                   input, dark);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/charts/kind-strings", test_kind_strings);
  g_test_add_func ("/pledge/charts/style", test_style);
  g_test_add_func ("/pledge/charts/input/nato-2016", test_input_nato_2016);
  g_test_add_func ("/pledge/charts/input/trend-members", test_input_trend_members);
  g_test_add_func ("/pledge/charts/trend-year-at", test_trend_year_at);
  g_test_add_func ("/pledge/charts/input/extremes", test_input_extremes);
  g_test_add_func ("/pledge/charts/input/no-data-year", test_no_data_year);
  g_test_add_func ("/pledge/charts/image-surfaces", test_image_surfaces);
  g_test_add_func ("/pledge/charts/locale-numbers", test_locale_numbers);
  g_test_add_func ("/pledge/charts/hit-every-bar", test_hit_every_bar);
  g_test_add_func ("/pledge/charts/reported/input", test_reported_input);
  g_test_add_func ("/pledge/charts/reported/compliance", test_reported_compliance);
  g_test_add_func ("/pledge/charts/reported/trend", test_reported_trend);
  g_test_add_func ("/pledge/charts/reported/other-charts", test_reported_other_charts);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/charts/awkward/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_awkward_case);
    }
  g_test_add_func ("/pledge/charts/reference-image", test_reference_image);
  g_test_add_func ("/pledge/charts/measures/no-data", test_measures_no_data);
  g_test_add_func ("/pledge/charts/measures/hit", test_measures_hit);
  g_test_add_func ("/pledge/charts/measures/scenario", test_measures_scenario);
  g_test_add_func ("/pledge/charts/measures/many-members", test_measures_many_members);
  g_test_add_data_func ("/pledge/charts/measures/reference/real-change",
                        GUINT_TO_POINTER (PLEDGE_CHART_REAL_CHANGE), test_measures_reference);
  g_test_add_data_func ("/pledge/charts/measures/reference/per-capita",
                        GUINT_TO_POINTER (PLEDGE_CHART_PER_CAPITA), test_measures_reference);
  g_test_add_data_func ("/pledge/charts/measures/reference/categories",
                        GUINT_TO_POINTER (PLEDGE_CHART_CATEGORIES), test_measures_reference);
  g_test_add_func ("/pledge/charts/round-half", test_round_half);
  g_test_add_func ("/pledge/charts/trend-shares-only", test_trend_shares_only);
  g_test_add_func ("/pledge/charts/equipment-many-members", test_equipment_many_members);
  g_test_add_func ("/pledge/charts/equipment-stamped", test_equipment_stamped);
  g_test_add_func ("/pledge/charts/trend-band/input", test_trend_band_input);
  g_test_add_func ("/pledge/charts/spread-fit", test_spread_fit);
  g_test_add_func ("/pledge/charts/trend-band/drawn", test_trend_band_drawn);
  g_test_add_func ("/pledge/charts/footer-bounded", test_footer_bounded);
  g_test_add_func ("/pledge/charts/non-finite", test_non_finite);
  g_test_add_func ("/pledge/charts/long-numbers", test_long_numbers);
  g_test_add_func ("/pledge/charts/polish/total-coverage", test_total_coverage);
  g_test_add_func ("/pledge/charts/polish/numbers-grouped", test_numbers_grouped);
  g_test_add_func ("/pledge/charts/polish/gap-decimals", test_gap_decimals);
  g_test_add_func ("/pledge/charts/polish/series-contrast", test_series_contrast);
  g_test_add_func ("/pledge/charts/polish/reported-swatch", test_reported_swatch);
  g_test_add_func ("/pledge/charts/polish/bars-use-height", test_bars_use_height);
  g_test_add_func ("/pledge/charts/polish/folded-ghosts", test_folded_ghosts);
  g_test_add_func ("/pledge/charts/polish/min-text-size", test_min_text_size);
  g_test_add_func ("/pledge/charts/polish/labels-clear", test_labels_clear);
  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/charts/locate/%s",
                                               pledge_chart_kind_to_string (k));

      g_test_add_data_func (path, GUINT_TO_POINTER (k), test_locate);
    }
  g_test_add_func ("/pledge/charts/locate-all", test_locate_all);
  g_test_add_func ("/pledge/charts/map/share-scale", test_share_scale);
  g_test_add_data_func ("/pledge/charts/map/share/light", GINT_TO_POINTER (FALSE),
                        test_map_share);
  g_test_add_data_func ("/pledge/charts/map/share/dark", GINT_TO_POINTER (TRUE), test_map_share);

  status = g_test_run ();

  /* Free the font caches, so that leak checks see only our own leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
