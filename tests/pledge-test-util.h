/* pledge-test-util.h: small helpers the tests share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

/* Reads a file under tests/ (G_TEST_SRCDIR); fails the test if it cannot. */
static inline char *
pledge_test_read_file (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* One file of tests/data/bad/ and the exact message it must give. */
typedef struct
{
  char *name;
  char *expected;
} PledgeBadCase;

static inline void
pledge_bad_case_free (gpointer data)
{
  PledgeBadCase *c = data;

  g_free (c->name);
  g_free (c->expected);
  g_free (c);
}

/* Reads tests/data/bad/expected.tsv ("FILE<TAB>MESSAGE" lines) and adds
 * one test a file, under prefix, running func with its PledgeBadCase.
 * The array owns the cases; keep it until g_test_run() returns. */
static inline GPtrArray *
pledge_test_add_bad_cases (const char     *prefix,
                           GTestDataFunc   func)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (pledge_bad_case_free);
  g_autofree char *table = pledge_test_read_file ("data/bad/expected.tsv");
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      PledgeBadCase *c;
      g_autofree char *path = NULL;

      if (tab == NULL)
        continue;
      c = g_new0 (PledgeBadCase, 1);
      c->name = g_strndup (lines[i], tab - lines[i]);
      c->expected = g_strdup (tab + 1);
      g_ptr_array_add (cases, c);
      path = g_strdup_printf ("%s/%s", prefix, c->name);
      g_test_add_data_func (path, c, func);
    }
  return cases;
}

/* The path of a file under data/ of the source tree. */
static inline char *
pledge_test_data_path (const char *relative)
{
  const char *dir = g_getenv ("PLEDGE_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, relative, NULL);
}

/* A small dataset whose scenarios would compute far more figures than it
 * holds (build-aux/gen-hostile-scenarios.py writes the same files):
 * n_members members with one figure each, n_scenarios scenarios of n_grows
 * `grow *` from 1900 to 2200. The first edit is on line 9. */
static inline GBytes *
pledge_test_make_hostile (guint n_members,
                          guint n_scenarios,
                          guint n_grows)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<pledge-dataset version=\"1\">\n"
                               "<title>Hostile</title>\n"
                               "<units currency=\"USD\" scale=\"million\" prices=\"current\"/>\n"
                               "<targets><target id=\"t\" metric=\"defence-gdp\" min=\"2\" "
                               "from=\"1900\" name=\"t\"/></targets>\n"
                               "<members>");

  for (guint i = 0; i < n_members; i++)
    g_string_append_printf (xml, "<member code=\"%c%c%c\" name=\"m\" joined=\"1900\">"
                            "<figures year=\"1900\" gdp=\"100\" defence=\"2\"/></member>",
                            'A' + i / 676, 'A' + i / 26 % 26, 'A' + i % 26);
  g_string_append (xml, "</members>\n<scenarios>\n");
  for (guint s = 0; s < n_scenarios; s++)
    {
      g_string_append_printf (xml, "<scenario id=\"s%u\" name=\"s\">\n", s);
      for (guint k = 0; k < n_grows; k++)
        g_string_append (xml, "<grow member=\"*\" from=\"1900\" to=\"2200\" "
                              "defence-rate=\"1\" gdp-rate=\"1\"/>\n");
      g_string_append (xml, "</scenario>\n");
    }
  g_string_append (xml, "</scenarios>\n</pledge-dataset>\n");
  return g_string_free_to_bytes (xml);
}

/* A dataset of members x years records from 2000 (codes AAA, AAB, ...),
 * one target: 2000 x 25 is 50,000, written in a moment. */
static inline char *
pledge_test_dataset_xml (const char *title,
                         guint       members,
                         guint       years)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<pledge-dataset version=\"1\">\n  <title>%s</title>\n"
                               "  <units currency=\"USD\" scale=\"million\" "
                               "prices=\"current\"/>\n  <members>\n", title);
  for (guint m = 0; m < members; m++)
    {
      g_string_append_printf (xml, "    <member code=\"%c%c%c\" name=\"M%u\" joined=\"1949\">\n",
                              'A' + m / 676, 'A' + m / 26 % 26, 'A' + m % 26, m);
      for (guint y = 0; y < years; y++)
        g_string_append_printf (xml, "      <figures year=\"%u\" gdp=\"%u\" defence=\"%u.5\"/>\n",
                                2000 + y, 1000 + m + y, 10 + (m * 7 + y) % 30);
      g_string_append (xml, "    </member>\n");
    }
  g_string_append (xml, "  </members>\n  <targets>\n    <target id=\"gdp-2\" "
                        "metric=\"defence-gdp\" min=\"2.0\" from=\"2000\" name=\"2% of GDP\"/>\n"
                        "  </targets>\n</pledge-dataset>\n");
  return g_string_free (xml, FALSE);
}
