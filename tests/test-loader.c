/* test-loader.c: every valid feature of the format, and every invalid case
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "pledge-dataset.h"
#include "pledge-report.h"
#include "pledge-snapshot.h"
#include "pledge-test-util.h"

static PledgeDataset *
load_good (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
test_minimal (void)
{
  g_autoptr(PledgeDataset) dataset = load_good ("minimal.xml");
  const PledgeTarget *target;
  const PledgeMember *member;

  g_assert_cmpstr (pledge_dataset_get_title (dataset), ==, "Minimal");
  g_assert_cmpstr (pledge_dataset_get_currency (dataset), ==, "EUR");
  g_assert_cmpint (pledge_dataset_get_scale (dataset), ==, PLEDGE_SCALE_BILLION);
  g_assert_cmpstr (pledge_dataset_get_prices (dataset), ==, "constant-2015");
  g_assert_cmpuint (pledge_dataset_get_sources (dataset)->len, ==, 0);
  g_assert_cmpuint (pledge_dataset_get_notes (dataset)->len, ==, 0);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);

  g_assert_cmpuint (pledge_dataset_get_n_targets (dataset), ==, 1);
  target = pledge_dataset_get_target (dataset, 0);
  g_assert_cmpstr (target->id, ==, "gdp-2");
  g_assert_cmpint (target->metric, ==, PLEDGE_METRIC_DEFENCE_GDP);
  g_assert_cmpfloat (target->min, ==, 2.0);
  g_assert_cmpint (target->from, ==, 2014);
  g_assert_cmpint (target->due, ==, 0);

  g_assert_cmpuint (pledge_dataset_get_n_members (dataset), ==, 1);
  member = pledge_dataset_get_member (dataset, 0);
  g_assert_cmpstr (member->code, ==, "AAA");
  g_assert_cmpint (member->joined, ==, 1990);
  g_assert_cmpint (member->left, ==, 0);
  g_assert_cmpuint (member->figures->len, ==, 0);
  g_assert_false (pledge_dataset_get_year_range (dataset, NULL, NULL));

  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_full (void)
{
  g_autoptr(PledgeDataset) dataset = load_good ("full.xml");
  GPtrArray *sources = pledge_dataset_get_sources (dataset);
  GPtrArray *notes = pledge_dataset_get_notes (dataset);
  const PledgeMember *a, *b;
  const PledgeFigures *f;
  const PledgeScenario *s;
  const PledgeEdit *edit;
  int first, last;

  /* CDATA, entities and character references in text. */
  g_assert_cmpstr (pledge_dataset_get_title (dataset), ==, "Full <feature> test");
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==,
                   "Figures are made up & only for tests. \xe2\x80\x94 a dash, <escaped>.");
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (((PledgeSource *) g_ptr_array_index (sources, 0))->href, ==,
                   "https://example.org/?a=1&b=2");
  g_assert_cmpstr (((PledgeSource *) g_ptr_array_index (sources, 0))->text, ==, "Example source");
  g_assert_null (((PledgeSource *) g_ptr_array_index (sources, 1))->href);

  g_assert_cmpuint (pledge_dataset_get_n_targets (dataset), ==, 3);
  g_assert_cmpint (pledge_dataset_get_target (dataset, 1)->metric, ==, PLEDGE_METRIC_EQUIPMENT_DEFENCE);
  g_assert_cmpint (pledge_dataset_get_target (dataset, 1)->due, ==, 2024);
  g_assert_cmpint (pledge_dataset_get_target (dataset, 2)->metric, ==, PLEDGE_METRIC_TOTAL_GDP);
  g_assert_cmpint (pledge_dataset_get_target (dataset, 2)->from, ==, 0);
  g_assert_cmpint (pledge_dataset_find_target (dataset, "total.5"), ==, 2);
  g_assert_cmpint (pledge_dataset_find_target (dataset, "nope"), ==, -1);

  g_assert_cmpuint (pledge_dataset_get_n_members (dataset), ==, 3);
  a = pledge_dataset_get_member (dataset, 0);
  b = pledge_dataset_get_member (dataset, 1);
  g_assert_cmpstr (a->name, ==, "Alpha \"A\"");
  g_assert_cmpstr (b->name, ==, "B\xc3\xa9ta");
  g_assert_cmpint (b->left, ==, 2017);
  g_assert_true (pledge_member_is_member_in (b, 2016));
  g_assert_false (pledge_member_is_member_in (b, 2017));
  g_assert_cmpint (pledge_dataset_find_member (dataset, "CCC"), ==, 2);

  /* Years out of order in the file are kept sorted. */
  g_assert_cmpuint (a->figures->len, ==, 3);
  g_assert_cmpint (g_array_index (a->figures, PledgeFigures, 0).year, ==, 2014);
  g_assert_cmpint (g_array_index (a->figures, PledgeFigures, 2).year, ==, 2017);

  f = pledge_member_get_figures (a, 2014);
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_DEFENCE_GDP], ==, 1.995);
  g_assert_true (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE_GDP));
  g_assert_false (pledge_figures_has (f, PLEDGE_FIELD_EQUIPMENT));
  g_assert_false (f->flags & PLEDGE_FIGURES_ESTIMATE);
  /* The GDP the published share implies. */
  g_assert_cmpfloat_with_epsilon (f->implied_base, 100.0 * 18 / 1.995, 1e-9);

  f = pledge_member_get_figures (a, 2016);
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_RELATED], ==, 5);
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_EQUIPMENT], ==, 25.5);
  g_assert_true (isnan (f->implied_base));

  f = pledge_member_get_figures (a, 2017);
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_GDP], ==, 1000);
  g_assert_true (f->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_null (pledge_member_get_figures (a, 2015));

  g_assert_true (pledge_dataset_get_year_range (dataset, &first, &last));
  g_assert_cmpint (first, ==, 2014);
  g_assert_cmpint (last, ==, 2017);

  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 2);
  s = pledge_dataset_get_scenario (dataset, 0);
  g_assert_cmpstr (s->id, ==, "s1");
  g_assert_cmpstr (s->name, ==, "Alpha at 3%");
  g_assert_cmpuint (s->edits->len, ==, 2);
  edit = g_ptr_array_index (s->edits, 0);
  g_assert_cmpint (edit->kind, ==, PLEDGE_EDIT_SET);
  g_assert_cmpstr (edit->member, ==, "AAA");
  g_assert_cmpint (edit->field, ==, PLEDGE_FIELD_DEFENCE_GDP);
  g_assert_cmpfloat (edit->value, ==, 3);
  g_assert_cmpuint (edit->line, ==, 28);
  edit = g_ptr_array_index (s->edits, 1);
  g_assert_cmpint (edit->kind, ==, PLEDGE_EDIT_GROW);
  g_assert_cmpstr (edit->member, ==, "*");
  g_assert_cmpint (edit->from, ==, 2017);
  g_assert_cmpint (edit->to, ==, 2020);
  g_assert_cmpfloat (edit->defence_rate, ==, 10);
  g_assert_cmpfloat (edit->gdp_rate, ==, 2.5);
  g_assert_cmpuint (pledge_dataset_get_scenario (dataset, 1)->edits->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Format version 2: the edition, units/@constant and the eight figures,
 * each in its own slot; a figures element with only version 2 figures is
 * a year with figures. */
static void
test_v2 (void)
{
  g_autoptr(PledgeDataset) dataset = load_good ("v2.xml");
  static const double expected[PLEDGE_N_EXTRAS] = {
    18.5, 940.25, -1.75, 5432.1, 21.5, 40.5, 4.25, 29.75,
  };
  const PledgeEdition *edition = pledge_dataset_get_edition (dataset);
  const PledgeMember *a = pledge_dataset_get_member (dataset, 0);
  const PledgeMember *b = pledge_dataset_get_member (dataset, 1);
  const PledgeFigures *f;
  int first, last;

  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 2);
  g_assert_nonnull (edition);
  g_assert_cmpstr (edition->name, ==, "July 2026 edition");
  g_assert_cmpstr (edition->date, ==, "2026-07");
  g_assert_cmpstr (edition->basis, ==, "core-defence");
  {
    g_autofree char *described = pledge_edition_describe (edition);
    PledgeEdition edition_copy = *edition;
    PledgeEdition other = { .name = "Spring", .date = "2026-04", .basis = "national_definition-x" };
    PledgeEdition bare = { .name = "Spring", .date = NULL, .basis = NULL };
    PledgeEdition dated = { .name = "Defence Expenditure of NATO Countries", .date = "2024-06-17",
                            .basis = NULL };
    g_autofree char *dated_described = pledge_edition_describe (&dated);
    g_autofree char *dated_footer = pledge_edition_describe_for_footer (&edition_copy);
    g_autofree char *other_basis = pledge_edition_describe_basis (&other);
    g_autofree char *bare_described = pledge_edition_describe (&bare);

    g_assert_cmpstr (described, ==, "July 2026 edition, core defence");
    g_assert_cmpstr (other_basis, ==, "national definition x");
    g_assert_null (pledge_edition_describe_basis (&bare));
    g_assert_cmpstr (bare_described, ==, "Spring");
    /* told by its month: the name is most often the publication's */
    g_assert_cmpstr (dated_described, ==, "June 2024 edition");
    g_assert_cmpstr (dated_footer, ==, "July 2026 edition, core defence basis");
  }
  g_assert_cmpint (pledge_dataset_get_constant_year (dataset), ==, 2021);
  g_assert_cmpstr (pledge_dataset_get_prices (dataset), ==, "current");

  f = pledge_member_get_figures (a, 2023);
  g_assert_cmpuint (f->extra_present, ==, (1u << PLEDGE_N_EXTRAS) - 1);
  for (PledgeExtra e = 0; e < PLEDGE_N_EXTRAS; e++)
    {
      g_assert_true (pledge_figures_has_extra (f, e));
      g_assert_cmpfloat (pledge_figures_get_extra (f, e), ==, expected[e]);
    }
  /* The version 1 figures beside them are as before. */
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_EQUIPMENT], ==, 25.5);
  g_assert_cmpfloat_with_epsilon (f->implied_base, 1000, 1e-9);

  f = pledge_member_get_figures (a, 2024);
  g_assert_true (f->flags & PLEDGE_FIGURES_ESTIMATE);
  g_assert_cmpuint (f->extra_present, ==,
                    (1u << PLEDGE_EXTRA_DEFENCE_CONSTANT) | (1u << PLEDGE_EXTRA_REAL_CHANGE));
  g_assert_cmpfloat (pledge_figures_get_extra (f, PLEDGE_EXTRA_REAL_CHANGE), ==, 13.5);
  g_assert_true (isnan (pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION)));

  /* Only a population: kept (and saved), but no reported spending, so
   * neither the member's last year nor the end of the dataset's years. */
  f = pledge_member_get_figures (a, 2025);
  g_assert_nonnull (f);
  g_assert_cmpuint (f->present, ==, 0);
  g_assert_cmpfloat (pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION), ==, 5500);
  g_assert_cmpint (pledge_member_last_year (a), ==, 2024);
  g_assert_true (pledge_dataset_get_year_range (dataset, &first, &last));
  g_assert_cmpint (first, ==, 2023);
  g_assert_cmpint (last, ==, 2024);

  /* No version 2 figure: no storage at all. */
  f = pledge_member_get_figures (b, 2023);
  g_assert_cmpuint (f->extra_present, ==, 0);
  g_assert_null (f->extra);
  g_assert_true (isnan (pledge_figures_get_extra (f, PLEDGE_EXTRA_DEFENCE_CONSTANT)));
  /* A real change of zero is a figure, not an absence. */
  f = pledge_member_get_figures (b, 2024);
  g_assert_true (pledge_figures_has_extra (f, PLEDGE_EXTRA_REAL_CHANGE));
  g_assert_cmpfloat (pledge_figures_get_extra (f, PLEDGE_EXTRA_REAL_CHANGE), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* A version 1 file has none of it, and costs no storage for it. */
static void
test_v1_has_no_v2 (void)
{
  g_autoptr(PledgeDataset) dataset = load_good ("full.xml");

  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 1);
  g_assert_null (pledge_dataset_get_edition (dataset));
  g_assert_cmpint (pledge_dataset_get_constant_year (dataset), ==, 0);
  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    {
      GArray *figures = pledge_dataset_get_member (dataset, i)->figures;

      for (guint k = 0; k < figures->len; k++)
        {
          g_assert_cmpuint (g_array_index (figures, PledgeFigures, k).extra_present, ==, 0);
          g_assert_null (g_array_index (figures, PledgeFigures, k).extra);
        }
    }
}

/* Each version 2 name in a version 1 file is refused, as any unknown
 * name is there, with the line it is on. */
static void
test_v1_refuses_v2 (void)
{
  static const char *const attributes[] = {
    "defence-constant", "gdp-constant", "real-change", "population",
    "military-personnel", "personnel-spending", "infrastructure", "other-spending",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (attributes) == PLEDGE_N_EXTRAS);
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    for (int version = 1; version <= 2; version++)
      {
        g_autofree char *xml = g_strdup_printf (
          "<?xml version=\"1.0\"?>\n<pledge-dataset version=\"%d\">\n  <title>x</title>\n"
          "  <units currency=\"USD\" scale=\"million\" prices=\"current\" %s/>\n"
          "  <targets><target id=\"t\" metric=\"defence-gdp\" min=\"2\" from=\"2000\" name=\"t\"/></targets>\n"
          "  <members><member code=\"AAA\" name=\"A\" joined=\"2000\">\n"
          "    <figures year=\"2001\" %s=\"1.5\"/>\n"
          "  </member></members>\n</pledge-dataset>\n",
          version, version == 2 ? "constant=\"2021\"" : "", attributes[i]);
        g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
        g_autoptr(GError) error = NULL;
        g_autoptr(PledgeDataset) dataset = pledge_dataset_load_from_bytes (bytes, "v.xml", &error);
        g_autofree char *message = NULL;
        PledgeExtra extra;

        g_assert_true (pledge_extra_from_string (attributes[i], &extra));
        g_assert_cmpint (extra, ==, i);
        if (version == 2)
          {
            const PledgeFigures *f;

            g_assert_no_error (error);
            f = pledge_member_get_figures (pledge_dataset_get_member (dataset, 0), 2001);
            g_assert_cmpuint (f->extra_present, ==, 1u << i);
            g_assert_cmpfloat (f->extra[i], ==, 1.5);
            continue;
          }
        message = g_strdup_printf ("v.xml:7: unknown attribute \"%s\" on <figures> in a version 1 "
                                   "file (it is new in format version 2: write version=\"2\")",
                                   attributes[i]);
        g_assert_null (dataset);
        g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_INVALID);
        g_assert_cmpstr (error->message, ==, message);
      }
}

/* Snapshots share the dataset's version 2 figures: a scenario's copy of
 * a member points at the same storage, and the years it writes keep
 * what the file gave. */
static void
test_v2_snapshot_shares (void)
{
  g_autoptr(PledgeDataset) dataset = load_good ("v2.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeSnapshot) reported = pledge_dataset_get_snapshot (dataset, -1, &error);
  g_autoptr(PledgeSnapshot) scenario = NULL;
  const PledgeMember *a = pledge_dataset_get_member (dataset, 0);
  const PledgeFigures *file_2023 = pledge_member_get_figures (a, 2023);
  const PledgeFigures *file_2025 = pledge_member_get_figures (a, 2025);
  const PledgeFigures *f;

  g_assert_no_error (error);
  scenario = pledge_dataset_get_snapshot (dataset, pledge_dataset_find_scenario (dataset, "s"),
                                          &error);
  g_assert_no_error (error);

  f = pledge_snapshot_get_figures (reported, 0, 2023);
  g_assert_true (f->extra == file_2023->extra);

  /* The grow from 2024 wrote 2025 (over the population) and 2026, both
   * past AAA's last reported spending. */
  f = pledge_snapshot_get_figures (scenario, 0, 2023);
  g_assert_true (f->extra == file_2023->extra);
  g_assert_cmpfloat (pledge_figures_get_extra (f, PLEDGE_EXTRA_GDP_CONSTANT), ==, 940.25);
  f = pledge_snapshot_get_figures (scenario, 0, 2025);
  g_assert_true (f->flags & PLEDGE_FIGURES_PROJECTED);
  g_assert_true (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE));
  g_assert_true (f->extra == file_2025->extra);
  g_assert_cmpfloat (pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION), ==, 5500);
  f = pledge_snapshot_get_figures (scenario, 0, 2026);
  g_assert_true (f->flags & PLEDGE_FIGURES_PROJECTED);
  g_assert_null (f->extra);
  g_assert_true (isnan (pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION)));

  /* The set of BBB's defence keeps its published real change. */
  f = pledge_snapshot_get_figures (scenario, 1, 2024);
  g_assert_cmpfloat (f->values[PLEDGE_FIELD_DEFENCE], ==, 12);
  g_assert_true (pledge_figures_has_extra (f, PLEDGE_EXTRA_REAL_CHANGE));

  /* The storage outlives every snapshot made from it, and goes with the
   * dataset. */
  g_clear_pointer (&scenario, pledge_snapshot_unref);
  g_clear_pointer (&reported, pledge_snapshot_unref);
  g_assert_cmpfloat (pledge_figures_get_extra (file_2023, PLEDGE_EXTRA_POPULATION), ==, 5432.1);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

/* Each bad file, with the exact message it must give. */
static void
test_bad_file (gconstpointer data)
{
  const PledgeBadCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", c->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, PLEDGE_DATASET_ERROR, error->code);
  g_assert_cmpstr (error->message, ==, c->expected);

  /* The same from memory. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

    dataset = pledge_dataset_load_from_bytes (bytes, c->name, &bytes_error);
    g_assert_null (dataset);
    g_assert_cmpstr (bytes_error->message, ==, c->expected);
  }
}

static void
test_error_codes (void)
{
  static const struct { const char *name; int code; } cases[] = {
    { "empty.xml", PLEDGE_DATASET_ERROR_NOT_XML },
    { "truncated-after-member.xml", PLEDGE_DATASET_ERROR_NOT_XML },
    { "billion-laughs.xml", PLEDGE_DATASET_ERROR_DOCTYPE },
    { "external-dtd.xml", PLEDGE_DATASET_ERROR_DOCTYPE },
    { "future-version.xml", PLEDGE_DATASET_ERROR_VERSION },
    { "duplicate-year.xml", PLEDGE_DATASET_ERROR_INVALID },
    { "grow-needs-gdp-rate.xml", PLEDGE_DATASET_ERROR_SCENARIO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);

      g_assert_null (dataset);
      g_assert_error (error, PLEDGE_DATASET_ERROR, cases[i].code);
    }
}

static void
test_display_name (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "duplicate-year.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, "some/where/nato.xml", NULL, &error);

  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==,
                   "some/where/nato.xml:11: member \"DEU\": figures for 2016 given twice");
}

static void
test_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, "folder", NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "folder: is a folder, not a dataset file");
  g_rmdir (dir);
}

static void
test_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/pledge/missing.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "missing.xml: "));
}

/* A file that cannot be read even by root: reading /proc/self/mem at
 * offset 0 fails with an I/O error. */
static void
test_unreadable (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/mem");
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, "mem", NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "mem: "));
}

/* libxml2 refuses attribute values over 10 MB (without XML_PARSE_HUGE,
 * which we never set): a 50 MB one fails fast with a line number. */
static void
test_huge_attribute (void)
{
  GString *doc = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  gint64 start;

  g_string_append (doc, "<?xml version=\"1.0\"?>\n<pledge-dataset version=\"1\">\n"
                        "  <title>x</title>\n  <source href=\"");
  for (guint i = 0; i < 50 * 1024 * 1024 / 64; i++)
    g_string_append (doc, "abcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefgh");
  g_string_append (doc, "\">x</source>\n</pledge-dataset>\n");
  bytes = g_string_free_to_bytes (doc);

  start = g_get_monotonic_time ();
  dataset = pledge_dataset_load_from_bytes (bytes, "huge.xml", &error);
  g_assert_null (dataset);
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML);
  g_assert_true (g_str_has_prefix (error->message, "huge.xml:4: the file is not well-formed XML"));
  g_test_message ("refused in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
}

/* Line numbers stay right past 65535 (XML_PARSE_BIG_LINES). */
static void
test_big_lines (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<pledge-dataset version=\"1\">\n"
                               "  <title>x</title>\n"
                               "  <units currency=\"USD\" scale=\"million\" prices=\"current\"/>\n"
                               "  <targets>\n"
                               "    <target id=\"t\" metric=\"defence-gdp\" min=\"2\" from=\"2000\" name=\"t\"/>\n"
                               "  </targets>\n  <members>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;

  /* Lines 9 to 34: 26 members; then 70000 blank lines; then line 70035. */
  for (char c = 'A'; c <= 'Z'; c++)
    g_string_append_printf (doc, "    <member code=\"AA%c\" name=\"m\" joined=\"2000\"/>\n", c);
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (doc, '\n');
  g_string_append (doc, "    <member code=\"AAQ\" name=\"again\" joined=\"2000\"/>\n"
                        "  </members>\n</pledge-dataset>\n");
  bytes = g_string_free_to_bytes (doc);

  dataset = pledge_dataset_load_from_bytes (bytes, "big.xml", &error);
  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==, "big.xml:70035: member \"AAQ\": defined twice");
}

static void
test_big_lines_late (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<pledge-dataset version=\"1\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append (doc, "\n");
  g_string_append (doc, "<bogus/>\n</pledge-dataset>\n");
  bytes = g_string_free_to_bytes (doc);

  dataset = pledge_dataset_load_from_bytes (bytes, "late.xml", &error);
  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==, "late.xml:70003: unknown element <bogus> in <pledge-dataset>");
}

/* CR-only and CR LF line ends count lines as LF does, also where a line
 * end falls across the 64 KiB chunks the loader feeds libxml2, from
 * memory and from a file. */
static void
test_cr_line_ends (void)
{
  static const char *const ends[] = { "\r", "\r\n", "\n" };

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    for (gsize at = 65534; at <= 65536; at++)
      {
        GString *doc = g_string_new (NULL);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GError) file_error = NULL;
        g_autoptr(PledgeDataset) dataset = NULL;
        g_autofree char *path = NULL;
        g_autoptr(GFile) file = NULL;
        int fd;

        g_string_append_printf (doc, "<?xml version=\"1.0\"?>%s<pledge-dataset version=\"1\">%s"
                                "<note>", ends[e], ends[e]);
        /* The line end after the note starts at offset at. */
        while (doc->len < at)
          g_string_append_c (doc, 'x');
        g_string_append_printf (doc, "%s</note>%s%s<bogus/>%s</pledge-dataset>%s",
                                ends[e], ends[e], ends[e], ends[e], ends[e]);
        bytes = g_string_free_to_bytes (doc);

        dataset = pledge_dataset_load_from_bytes (bytes, "eol.xml", &error);
        g_assert_null (dataset);
        g_assert_cmpstr (error->message, ==, "eol.xml:6: unknown element <bogus> in <pledge-dataset>");

        fd = g_file_open_tmp ("pledge-eol-XXXXXX.xml", &path, NULL);
        g_assert_cmpint (fd, >=, 0);
        g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), NULL));
        close (fd);
        file = g_file_new_for_path (path);
        dataset = pledge_dataset_load (file, "eol.xml", NULL, &file_error);
        g_assert_null (dataset);
        g_assert_cmpstr (file_error->message, ==, "eol.xml:6: unknown element <bogus> in <pledge-dataset>");
        g_unlink (path);
      }
}

/* Empty figures are no figures: not a year with figures, not the member's
 * last reported year, and not written back. */
static void
test_empty_figures (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edge", "empty-figures.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_autoptr(GBytes) saved = NULL;
  int first = 0, last = 0;

  g_assert_no_error (error);
  g_assert_true (pledge_dataset_get_year_range (dataset, &first, &last));
  g_assert_cmpint (first, ==, 2016);
  g_assert_cmpint (last, ==, 2017);
  g_assert_cmpint (pledge_member_last_year (pledge_dataset_get_member (dataset, 0)), ==, 2017);
  g_assert_cmpuint (pledge_dataset_get_member (dataset, 1)->figures->len, ==, 0);

  saved = pledge_dataset_to_bytes (dataset);
  g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "2030"));
}

/* Each file of tests/data/edge loads, and its CSV report over every year
 * (under its scenario "s" where it has one) is exactly NAME.csv. */
static void
test_edge_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edge", name, NULL);
  g_autofree char *csv_name = g_strdup_printf ("data/edge/%.*s.csv", (int) strlen (name) - 4, name);
  g_autofree char *expected = pledge_test_read_file (csv_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = pledge_dataset_load (file, NULL, NULL, &error);
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int first, last;

  g_assert_no_error (error);
  snapshot = pledge_dataset_get_snapshot (dataset, pledge_dataset_find_scenario (dataset, "s"), &error);
  g_assert_no_error (error);
  g_assert_true (pledge_snapshot_get_year_range (snapshot, &first, &last));
  pledge_report_write (snapshot, first, last, PLEDGE_REPORT_CSV, out);
  g_assert_cmpstr (out->str, ==, expected);
}

static GPtrArray *
add_edge_cases (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "edge", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/pledge/loader/edge/%s",
                                                    (char *) g_ptr_array_index (names, i));

      g_test_add_data_func (test_path, g_ptr_array_index (names, i), test_edge_file);
    }
  return names;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) edge_cases = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/loader/good/minimal", test_minimal);
  g_test_add_func ("/pledge/loader/good/full", test_full);
  g_test_add_func ("/pledge/loader/good/v2", test_v2);
  g_test_add_func ("/pledge/loader/good/v1-has-no-v2", test_v1_has_no_v2);
  g_test_add_func ("/pledge/loader/v2/snapshot-shares", test_v2_snapshot_shares);
  g_test_add_func ("/pledge/loader/bad/v1-refuses-v2", test_v1_refuses_v2);
  g_test_add_func ("/pledge/loader/bad/error-codes", test_error_codes);
  g_test_add_func ("/pledge/loader/bad/display-name", test_display_name);
  g_test_add_func ("/pledge/loader/bad/directory", test_directory);
  g_test_add_func ("/pledge/loader/bad/missing", test_missing);
  g_test_add_func ("/pledge/loader/bad/unreadable", test_unreadable);
  g_test_add_func ("/pledge/loader/bad/huge-attribute", test_huge_attribute);
  g_test_add_func ("/pledge/loader/big-lines", test_big_lines);
  g_test_add_func ("/pledge/loader/big-lines-late", test_big_lines_late);
  g_test_add_func ("/pledge/loader/empty-figures", test_empty_figures);
  g_test_add_func ("/pledge/loader/cr-line-ends", test_cr_line_ends);

  cases = pledge_test_add_bad_cases ("/pledge/loader/bad", test_bad_file);
  g_assert_cmpuint (cases->len, >=, 40);
  edge_cases = add_edge_cases ();

  status = g_test_run ();
  return status;
}
