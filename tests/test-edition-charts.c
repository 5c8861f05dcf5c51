/* test-edition-charts.c: the revisions chart and the map, headless
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small test datasets (tests/data/compare/, tests/data/map/), not the
 * bundled one, which changes with each NATO edition. Reference images are
 * regenerated with PLEDGE_UPDATE_REFERENCE=1 (see tests/data/reference/).
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pledge-chart-export.h"
#include "pledge-chart.h"
#include "pledge-map-data.h"
#include "pledge-chart-test-util.h"

static PledgeDataset *
load_test_file (const char *dir,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load (file, name, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* The revisions of 2016 between the 2024 and 2025 test extracts, drawn over
 * the newer one; with_compare FALSE leaves the chart nothing to compare. */
static PledgeChartInput *
revisions_input (gboolean with_compare)
{
  g_autoptr(PledgeDataset) old = load_test_file ("compare", "edition-2024.xml");
  g_autoptr(PledgeDataset) new = load_test_file ("compare", "edition-2025.xml");
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (new, PLEDGE_SNAPSHOT_REPORTED, NULL);
  PledgeChartInput *input = pledge_chart_input_new (snapshot, 2016, 0, NULL);

  if (with_compare)
    pledge_chart_input_set_compare (input, pledge_compare_new (new, "edition-2025.xml", old,
                                                               "edition-2024.xml", 2016, 2016));
  return input;
}

static void
test_revisions_reference (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(PledgeChartInput) input = revisions_input (TRUE);

  check_reference (dark ? "revisions-2016-dark.png" : "revisions-2016.png", PLEDGE_CHART_REVISIONS,
                   input, dark);
}

static int
member_index (const PledgeChartInput *input,
              const char             *code)
{
  for (guint i = 0; i < input->n_members; i++)
    if (strcmp (input->members[i].code, code) == 0)
      return i;
  return -1;
}

/* Every revised member can be pointed at, and only them */
static void
test_revisions_hit (void)
{
  g_autoptr(PledgeChartInput) input = revisions_input (TRUE);
  g_autoptr(PledgeChartInput) none = revisions_input (FALSE);
  g_autofree char *summary = pledge_chart_input_describe (input, PLEDGE_CHART_REVISIONS);
  g_autofree char *nothing = pledge_chart_input_describe (none, PLEDGE_CHART_REVISIONS);
  PledgeChartStyle style;
  gboolean found[5] = { FALSE };

  pledge_chart_style_init (&style, FALSE);
  g_assert_cmpstr (pledge_chart_kind_to_string (PLEDGE_CHART_REVISIONS), ==, "revisions");
  g_assert_cmpstr (summary, ==,
                   "3 members’ figures for 2016 were revised; "
                   "2 changed their status against a target");
  g_assert_cmpstr (nothing, ==, "No other edition to compare with");

  for (double y = 0; y < 800; y += 4)
    for (double x = 0; x < 1200; x += 80)
      {
        int hit = pledge_chart_hit_test (PLEDGE_CHART_REVISIONS, 1200, 800, &style, input, x, y);

        g_assert_cmpint (pledge_chart_hit_test (PLEDGE_CHART_REVISIONS, 1200, 800, &style, none,
                                                x, y), ==, -1);
        if (hit < 0)
          continue;
        g_assert_cmpint (hit, <, (int) G_N_ELEMENTS (found));
        found[hit] = TRUE;
      }
  g_assert_true (found[member_index (input, "POL")]);
  {
    g_autofree char *tooltip = pledge_chart_input_describe_member (input,
                                                                   member_index (input, "POL"));
    g_autofree char *plain = pledge_chart_input_describe_member (none,
                                                                 member_index (none, "POL"));

    g_assert_nonnull (strstr (tooltip, "\nRevised share of GDP: 2.00 → 1.99 "
                                       "(edition-2024.xml to edition-2025.xml)\n"
                                       "Status: leaves 2% of GDP"));
    g_assert_null (strstr (plain, "Revised"));
  }
  g_assert_true (found[member_index (input, "EST")]);
  g_assert_true (found[member_index (input, "USA")]);
  g_assert_false (found[member_index (input, "FRA")]);
  g_assert_false (found[member_index (input, "ISL")]);
}

/* The export formats, headless */
static void
test_export_formats (gconstpointer data)
{
  PledgeChartKind kind = GPOINTER_TO_INT (data);
  g_autoptr(PledgeChartInput) input = revisions_input (TRUE);
  static const struct { PledgeExportFormat format; const char *magic; } formats[] = {
    { PLEDGE_EXPORT_PNG, "\x89PNG" },
    { PLEDGE_EXPORT_SVG, "<?xml" },
    { PLEDGE_EXPORT_PDF, "%PDF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        PledgeChartStyle style;
        gsize size;
        const char *bytes_data;

        pledge_chart_style_init (&style, dark);
        bytes = pledge_chart_render (formats[i].format, kind, input, &style, 800, 600, 1, &error);
        g_assert_no_error (error);
        bytes_data = g_bytes_get_data (bytes, &size);
        g_assert_cmpuint (size, >, 1000);
        g_assert_cmpmem (bytes_data, strlen (formats[i].magic), formats[i].magic,
                         strlen (formats[i].magic));
      }
}

static PledgeChartInput *
map_input (guint target)
{
  g_autoptr(PledgeDataset) dataset = load_test_file ("map", "members-2016.xml");
  g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED,
                                                            NULL);

  return pledge_chart_input_new (snapshot, 2016, target, NULL);
}

static void
test_map_reference (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(PledgeChartInput) input = map_input (0);

  check_reference (dark ? "map-2016-dark.png" : "map-2016.png", PLEDGE_CHART_MAP, input, dark);
}

/* The built-in outlines: every member of today's alliance, each on one
 * panel; a country can be found by a point inside it. */
static void
test_map_data (void)
{
  static const char *members[] = {
    "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK",
    "SVN", "ESP", "SWE", "TUR", "GBR", "USA",
  };
  const PledgeMap *map = pledge_map_get ();
  guint n_members = 0;
  int europe = pledge_map_find_frame (map, "europe");
  int pol = pledge_map_find_country (map, "POL");

  g_assert_cmpint (europe, >=, 0);
  g_assert_cmpint (pledge_map_find_frame (map, "america"), >=, 0);
  for (guint k = 0; k < map->n_countries; k++)
    n_members += map->countries[k].member;
  g_assert_cmpuint (n_members, ==, G_N_ELEMENTS (members));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      int k = pledge_map_find_country (map, members[i]);

      g_assert_cmpint (k, >=, 0);
      g_assert_true (map->countries[k].member);
      g_assert_cmpuint (map->countries[k].n_rings, >, 0);
    }
  /* Warsaw, 21.0E 52.2N: (746, 79) km in the Europe panel's projection */
  g_assert_true (pledge_map_country_contains (map, &map->countries[pol], europe, 746, 79));
  g_assert_false (pledge_map_country_contains (map, &map->countries[pol], europe, 0, 0));
}

static void
test_map_parse_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "frame europe 0 0 10 10\nbogus\n", "nato-countries.txt:2: " },
    { "frame europe 0 0 10 10\nring europe 0 0 1 0 1 1\n", "nato-countries.txt:2: a ring before" },
    { "frame europe 0 0 10 10\ncountry POL member Poland\nring asia 0 0 1 0 1 1\n",
      "nato-countries.txt:3: a ring in a frame not declared" },
    { "# only a comment\n", "no frame" },
    { "frame europe 10 0 0 10\n", "nato-countries.txt:1: a frame's extent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PledgeMap) map = pledge_map_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (map);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* Tooltips: the members under the pointer, never a neighbour or the sea */
static void
test_map_hit (void)
{
  g_autoptr(PledgeChartInput) input = map_input (0);
  g_autofree gboolean *found = g_new0 (gboolean, input->n_members);
  g_autofree char *summary = pledge_chart_input_describe (input, PLEDGE_CHART_MAP);
  PledgeChartStyle style;
  static const char *expected[] = { "USA", "CAN", "POL", "FRA", "DEU", "TUR", "ISL", "NOR" };

  pledge_chart_style_init (&style, FALSE);
  g_assert_cmpstr (summary, ==, "5 of 28 members meet 2% of GDP in 2016");
  for (double y = 0; y < 800; y += 10)
    for (double x = 0; x < 1200; x += 10)
      {
        int hit = pledge_chart_hit_test (PLEDGE_CHART_MAP, 1200, 800, &style, input, x, y);

        if (hit < 0)
          continue;
        g_assert_cmpint (hit, <, (int) input->n_members);
        /* Finland and Sweden were not members in 2016: neighbours */
        g_assert_true (input->members[hit].in_year);
        found[hit] = TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    for (guint m = 0; m < input->n_members; m++)
      if (strcmp (input->members[m].code, expected[i]) == 0)
        g_assert_true (found[m]);
  /* The corner of the chart is the title, the middle of the Atlantic sea */
  g_assert_cmpint (pledge_chart_hit_test (PLEDGE_CHART_MAP, 1200, 800, &style, input, 5, 5), ==,
                   -1);
}

static PledgeDataset *
one_member (double share,
            double equipment)
{
  PledgeDataset *dataset = pledge_dataset_new ();
  PledgeMember *member;
  PledgeFigures *f;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 0, 0);
  pledge_dataset_add_target (dataset, "eq-20", "20%", PLEDGE_METRIC_EQUIPMENT_DEFENCE, 20, 0, 0);
  member = pledge_dataset_add_member (dataset, "POL", "Poland", 1999, 0);
  f = pledge_member_add_figures (member, 2016);
  f->present = PLEDGE_FIGURE_DEFENCE_GDP | PLEDGE_FIGURE_EQUIPMENT;
  f->values[PLEDGE_FIELD_DEFENCE_GDP] = share;
  f->values[PLEDGE_FIELD_EQUIPMENT] = equipment;
  f->implied_base = NAN;
  return dataset;
}

/* A revision of the equipment share alone is no row of a chart of shares of
 * GDP, unless it changes a status */
static void
test_revisions_equipment_only (void)
{
  static const struct { double old_eq, new_eq; guint rows; } cases[] = {
    { 25, 26, 0 },   /* equipment revised, nothing else */
    { 21, 19, 1 },   /* and it no longer meets 20% */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PledgeDataset) old = one_member (1.5, cases[i].old_eq);
      g_autoptr(PledgeDataset) new = one_member (1.5, cases[i].new_eq);
      g_autoptr(PledgeSnapshot) snapshot = pledge_snapshot_new (new, PLEDGE_SNAPSHOT_REPORTED,
                                                                NULL);
      g_autoptr(PledgeChartInput) input = pledge_chart_input_new (snapshot, 2016, 0, NULL);
      g_autofree char *summary = NULL;
      PledgeChartStyle style;
      int hits = 0;

      pledge_chart_input_set_compare (input, pledge_compare_new (new, "new", old, "old", 2016,
                                                                 2016));
      g_assert_cmpuint (input->compare->n_revisions, ==, 1);
      summary = pledge_chart_input_describe (input, PLEDGE_CHART_REVISIONS);
      if (cases[i].rows == 0)
        g_assert_cmpstr (summary, ==,
                         "No share of GDP for 2016 differs between the two editions");
      else
        g_assert_true (g_str_has_prefix (summary, "1 member’s figures for 2016 were revised"));

      pledge_chart_style_init (&style, FALSE);
      for (double y = 0; y < 800; y += 4)
        hits += pledge_chart_hit_test (PLEDGE_CHART_REVISIONS, 1200, 800, &style, input, 600,
                                       y) == 0;
      g_assert_cmpint (hits > 0, ==, cases[i].rows > 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pledge/edition-charts/revisions/reference-light", GINT_TO_POINTER (0),
                        test_revisions_reference);
  g_test_add_data_func ("/pledge/edition-charts/revisions/reference-dark", GINT_TO_POINTER (1),
                        test_revisions_reference);
  g_test_add_func ("/pledge/edition-charts/revisions/hit", test_revisions_hit);
  g_test_add_func ("/pledge/edition-charts/revisions/equipment-only",
                   test_revisions_equipment_only);
  g_test_add_data_func ("/pledge/edition-charts/revisions/export",
                        GINT_TO_POINTER (PLEDGE_CHART_REVISIONS), test_export_formats);
  g_test_add_data_func ("/pledge/edition-charts/map/reference-light", GINT_TO_POINTER (0),
                        test_map_reference);
  g_test_add_data_func ("/pledge/edition-charts/map/reference-dark", GINT_TO_POINTER (1),
                        test_map_reference);
  g_test_add_func ("/pledge/edition-charts/map/data", test_map_data);
  g_test_add_func ("/pledge/edition-charts/map/parse-errors", test_map_parse_errors);
  g_test_add_func ("/pledge/edition-charts/map/hit", test_map_hit);
  g_test_add_data_func ("/pledge/edition-charts/map/export", GINT_TO_POINTER (PLEDGE_CHART_MAP),
                        test_export_formats);

  status = g_test_run ();

  /* Free the font caches, so that leak checks see only our own leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
