/* test-saver.c: round trips, canonical bytes and atomic replace
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "pledge-dataset.h"
#include "pledge-test-util.h"

static PledgeDataset *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static PledgeDataset *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_dataset_load_from_bytes (bytes, "saved.xml", &error);

  g_assert_no_error (error);
  return dataset;
}

static void
assert_same_figures (const PledgeFigures *a,
                     const PledgeFigures *b)
{
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpuint (a->present, ==, b->present);
  g_assert_cmpuint (a->flags, ==, b->flags);
  for (guint k = 0; k < PLEDGE_N_FIELDS; k++)
    if (a->present & (1u << k))
      g_assert_cmpfloat (a->values[k], ==, b->values[k]);
  g_assert_cmpuint (a->extra_present, ==, b->extra_present);
  g_assert_true ((a->extra == NULL) == (b->extra == NULL));
  for (PledgeExtra e = 0; e < PLEDGE_N_EXTRAS; e++)
    if (pledge_figures_has_extra (a, e))
      g_assert_cmpmem (&a->extra[e], sizeof (double), &b->extra[e], sizeof (double));
}

/* Every figure, target, edit and text the same, to the bit. */
static void
assert_same_dataset (PledgeDataset *a,
                     PledgeDataset *b)
{
  g_assert_cmpstr (pledge_dataset_get_title (a), ==, pledge_dataset_get_title (b));
  g_assert_cmpstr (pledge_dataset_get_currency (a), ==, pledge_dataset_get_currency (b));
  g_assert_cmpint (pledge_dataset_get_scale (a), ==, pledge_dataset_get_scale (b));
  g_assert_cmpstr (pledge_dataset_get_prices (a), ==, pledge_dataset_get_prices (b));
  g_assert_cmpint (pledge_dataset_get_constant_year (a), ==, pledge_dataset_get_constant_year (b));
  g_assert_true ((pledge_dataset_get_edition (a) == NULL) == (pledge_dataset_get_edition (b) == NULL));
  if (pledge_dataset_get_edition (a) != NULL)
    {
      const PledgeEdition *ea = pledge_dataset_get_edition (a);
      const PledgeEdition *eb = pledge_dataset_get_edition (b);

      g_assert_cmpstr (ea->name, ==, eb->name);
      g_assert_cmpstr (ea->date, ==, eb->date);
      g_assert_cmpstr (ea->basis, ==, eb->basis);
    }
  g_assert_cmpuint (pledge_dataset_get_sources (a)->len, ==, pledge_dataset_get_sources (b)->len);
  g_assert_cmpuint (pledge_dataset_get_notes (a)->len, ==, pledge_dataset_get_notes (b)->len);
  for (guint i = 0; i < pledge_dataset_get_notes (a)->len; i++)
    g_assert_cmpstr (g_ptr_array_index (pledge_dataset_get_notes (a), i), ==,
                     g_ptr_array_index (pledge_dataset_get_notes (b), i));

  g_assert_cmpuint (pledge_dataset_get_n_targets (a), ==, pledge_dataset_get_n_targets (b));
  for (guint i = 0; i < pledge_dataset_get_n_targets (a); i++)
    {
      const PledgeTarget *ta = pledge_dataset_get_target (a, i);
      const PledgeTarget *tb = pledge_dataset_get_target (b, i);

      g_assert_cmpstr (ta->id, ==, tb->id);
      g_assert_cmpstr (ta->name, ==, tb->name);
      g_assert_cmpint (ta->metric, ==, tb->metric);
      g_assert_cmpfloat (ta->min, ==, tb->min);
      g_assert_cmpint (ta->from, ==, tb->from);
      g_assert_cmpint (ta->due, ==, tb->due);
    }

  g_assert_cmpuint (pledge_dataset_get_n_members (a), ==, pledge_dataset_get_n_members (b));
  for (guint i = 0; i < pledge_dataset_get_n_members (a); i++)
    {
      const PledgeMember *ma = pledge_dataset_get_member (a, i);
      const PledgeMember *mb = pledge_dataset_get_member (b, i);

      g_assert_cmpstr (ma->code, ==, mb->code);
      g_assert_cmpstr (ma->name, ==, mb->name);
      g_assert_cmpint (ma->joined, ==, mb->joined);
      g_assert_cmpint (ma->left, ==, mb->left);
      g_assert_cmpuint (ma->figures->len, ==, mb->figures->len);
      for (guint k = 0; k < ma->figures->len; k++)
        assert_same_figures (&g_array_index (ma->figures, PledgeFigures, k),
                             &g_array_index (mb->figures, PledgeFigures, k));
    }

  g_assert_cmpuint (pledge_dataset_get_n_scenarios (a), ==, pledge_dataset_get_n_scenarios (b));
  for (guint i = 0; i < pledge_dataset_get_n_scenarios (a); i++)
    {
      const PledgeScenario *sa = pledge_dataset_get_scenario (a, i);
      const PledgeScenario *sb = pledge_dataset_get_scenario (b, i);

      g_assert_cmpstr (sa->id, ==, sb->id);
      g_assert_cmpstr (sa->name, ==, sb->name);
      g_assert_cmpuint (sa->edits->len, ==, sb->edits->len);
      for (guint k = 0; k < sa->edits->len; k++)
        {
          const PledgeEdit *ea = g_ptr_array_index (sa->edits, k);
          const PledgeEdit *eb = g_ptr_array_index (sb->edits, k);

          g_assert_cmpint (ea->kind, ==, eb->kind);
          g_assert_cmpstr (ea->member, ==, eb->member);
          g_assert_cmpint (ea->year, ==, eb->year);
          g_assert_cmpint (ea->from, ==, eb->from);
          g_assert_cmpint (ea->to, ==, eb->to);
          if (ea->kind == PLEDGE_EDIT_SET)
            {
              g_assert_cmpint (ea->field, ==, eb->field);
              g_assert_cmpfloat (ea->value, ==, eb->value);
            }
          else
            {
              g_assert_cmpfloat (ea->defence_rate, ==, eb->defence_rate);
              g_assert_true ((isnan (ea->gdp_rate) && isnan (eb->gdp_rate)) ||
                             ea->gdp_rate == eb->gdp_rate);
            }
        }
    }
}

static void
test_round_trip_full (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.xml", NULL);
  g_autoptr(PledgeDataset) original = load_path (path);
  g_autoptr(GBytes) first = pledge_dataset_to_bytes (original);
  g_autoptr(PledgeDataset) reloaded = load_bytes (first);
  g_autoptr(GBytes) second = pledge_dataset_to_bytes (reloaded);

  assert_same_dataset (original, reloaded);
  /* Canonical: saving what was saved gives the same bytes. */
  g_assert_true (g_bytes_equal (first, second));
  /* Numbers in the C locale whatever the user's is. */
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "equipment=\"25.5\""));
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "defence-gdp=\"1.995\""));
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "gdp-rate=\"2.5\""));
}

/* Random figures at full double precision survive a save and a load. */
static void
test_round_trip_random (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeDataset) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PledgeMember *member;

  pledge_dataset_set_title (dataset, "Random <&> \"quoted\"\nsecond line");
  pledge_dataset_set_units (dataset, "USD", PLEDGE_SCALE_MILLION, "current");
  pledge_dataset_add_target (dataset, "t", "T \"x\"\ttab", PLEDGE_METRIC_DEFENCE_GDP, 2, 2000, 0);
  member = pledge_dataset_add_member (dataset, "RND", "Random", 1950, 0);
  for (int year = 1950; year < 2150; year++)
    {
      PledgeFigures *f = pledge_member_add_figures (member, year);

      f->values[PLEDGE_FIELD_GDP] = g_test_rand_double_range (0, 1e7);
      f->values[PLEDGE_FIELD_DEFENCE] = g_test_rand_double_range (0, 1e5);
      f->values[PLEDGE_FIELD_EQUIPMENT] = g_test_rand_double_range (0, 100);
      f->values[PLEDGE_FIELD_DEFENCE_GDP] = g_test_rand_double_range (0.001, 10);
      f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE | PLEDGE_FIGURE_EQUIPMENT |
                   PLEDGE_FIGURE_DEFENCE_GDP;
      f->implied_base = 100 * f->values[PLEDGE_FIELD_DEFENCE] / f->values[PLEDGE_FIELD_DEFENCE_GDP];
    }

  bytes = pledge_dataset_to_bytes (dataset);
  reloaded = load_bytes (bytes);
  assert_same_dataset (dataset, reloaded);
  g_assert_cmpstr (pledge_dataset_get_title (reloaded), ==, "Random <&> \"quoted\"\nsecond line");
  g_assert_cmpstr (pledge_dataset_get_target (reloaded, 0)->name, ==, "T \"x\"\ttab");
}

/* A file in the writer's own form is written back byte for byte: a
 * version 2 one as version 2, a version 1 one as version 1. */
static void
test_canonical_bytes (void)
{
  static const struct { const char *name; const char *version; } cases[] = {
    { "v2.xml", "<pledge-dataset version=\"2\">" },
    { "minimal.xml", "<pledge-dataset version=\"1\">" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", cases[i].name, NULL);
      g_autoptr(PledgeDataset) dataset = load_path (path);
      g_autoptr(GBytes) bytes = pledge_dataset_to_bytes (dataset);
      g_autoptr(PledgeDataset) reloaded = load_bytes (bytes);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_nonnull (strstr (contents, cases[i].version));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
      assert_same_dataset (dataset, reloaded);
    }
}

/* A version 1 file stays version 1, with no version 2 name in it. */
static void
test_v1_stays_v1 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.xml", NULL);
  g_autoptr(PledgeDataset) dataset = load_path (path);
  g_autoptr(GBytes) bytes = pledge_dataset_to_bytes (dataset);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 1);
  g_assert_nonnull (strstr (text, "<pledge-dataset version=\"1\">"));
  g_assert_null (strstr (text, "<edition"));
  g_assert_null (strstr (text, "constant="));
  for (PledgeExtra e = 0; e < PLEDGE_N_EXTRAS; e++)
    {
      g_autofree char *attr = g_strdup_printf (" %s=", pledge_extra_to_string (e));

      g_assert_null (strstr (text, attr));
    }
}

/* Each thing of version 2 alone makes a file version 2; taking it away
 * makes it version 1 again. */
static void
test_version_follows_use (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  PledgeMember *member;
  PledgeFigures *f;

  pledge_dataset_set_title (dataset, "T");
  pledge_dataset_add_target (dataset, "t", "T", PLEDGE_METRIC_DEFENCE_GDP, 2, 2000, 0);
  member = pledge_dataset_add_member (dataset, "AAA", "A", 2000, 0);
  f = pledge_member_add_figures (member, 2001);
  f->values[PLEDGE_FIELD_DEFENCE] = 1;
  f->present = PLEDGE_FIGURE_DEFENCE;
  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 1);

  pledge_dataset_set_edition (dataset, "E", "2026-07", NULL);
  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 2);
  pledge_dataset_set_edition (dataset, NULL, NULL, NULL);
  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 1);

  pledge_dataset_set_constant_year (dataset, 2021);
  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 2);
  pledge_dataset_set_constant_year (dataset, 0);
  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 1);

  pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_MILITARY_PERSONNEL, 3);
  g_assert_cmpint (pledge_dataset_get_format_version (dataset), ==, 2);
  g_assert_cmpfloat (pledge_figures_get_extra (f, PLEDGE_EXTRA_MILITARY_PERSONNEL), ==, 3);
  g_assert_true (isnan (pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION)));
}

/* Random version 2 figures at full precision, negative real changes
 * among them, survive a save and a load, in slots of their own. */
static void
test_round_trip_v2_random (void)
{
  g_autoptr(PledgeDataset) dataset = pledge_dataset_new ();
  g_autoptr(PledgeDataset) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  PledgeMember *member;
  const double *previous = NULL;

  pledge_dataset_set_title (dataset, "Random v2");
  pledge_dataset_set_units (dataset, "EUR", PLEDGE_SCALE_BILLION, "current");
  pledge_dataset_set_constant_year (dataset, 2015);
  pledge_dataset_set_edition (dataset, "Edition <1> & \"so on\"", "2026-07-01", "core-defence");
  pledge_dataset_add_target (dataset, "t", "T", PLEDGE_METRIC_DEFENCE_GDP, 2, 2000, 0);
  member = pledge_dataset_add_member (dataset, "RND", "Random", 1900, 0);
  /* With the 600 members below, more records than one chunk of the
   * arena holds. */
  for (int year = 1900; year <= 2200; year++)
    {
      PledgeFigures *f = pledge_member_add_figures (member, year);

      /* Every third year has none: stays without storage. */
      if (year % 3 == 0)
        {
          f->values[PLEDGE_FIELD_GDP] = g_test_rand_double_range (0, 1e7);
          f->present = PLEDGE_FIGURE_GDP;
          continue;
        }
      for (PledgeExtra e = 0; e < PLEDGE_N_EXTRAS; e++)
        if (g_test_rand_bit () || e == PLEDGE_EXTRA_REAL_CHANGE)
          pledge_dataset_set_figure_extra (dataset, f, e,
                                           e == PLEDGE_EXTRA_REAL_CHANGE
                                           ? g_test_rand_double_range (-50, 50)
                                           : g_test_rand_double_range (0, 1e6));
      g_assert_true (f->extra != previous);
      previous = f->extra;
    }
  for (guint m = 0; m < 600; m++)
    {
      char code[4] = { 'B' + m / 676 % 24, 'A' + m / 26 % 26, 'A' + m % 26, 0 };
      PledgeMember *other = pledge_dataset_add_member (dataset, code, "Other", 2000, 0);
      PledgeFigures *f = pledge_member_add_figures (other, 2020);

      pledge_dataset_set_figure_extra (dataset, f, PLEDGE_EXTRA_POPULATION, m + 0.1);
    }

  bytes = pledge_dataset_to_bytes (dataset);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<pledge-dataset version=\"2\">"));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "<units currency=\"EUR\" scale=\"billion\" prices=\"current\" constant=\"2015\"/>"));
  reloaded = load_bytes (bytes);
  assert_same_dataset (dataset, reloaded);
  again = pledge_dataset_to_bytes (reloaded);
  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_cmpfloat (pledge_figures_get_extra (pledge_member_get_figures (
                       pledge_dataset_get_member (reloaded, 600), 2020), PLEDGE_EXTRA_POPULATION),
                     ==, 599.1);
}

/* Saving a bundled dataset gives back its bytes exactly. */
static void
test_bundled_bytes (void)
{
  static const char *names[] = { "nato.xml", "nato-2025.xml", "nato-2024.xml", "nato-2019.xml",
                                 "nato-2016.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *relative = g_build_filename ("datasets", names[i], NULL);
      g_autofree char *path = pledge_test_data_path (relative);
      g_autoptr(PledgeDataset) dataset = load_path (path);
      g_autoptr(GBytes) bytes = pledge_dataset_to_bytes (dataset);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
    }
}

static void
test_save_replaces (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "good", "full.xml", NULL);
  g_autoptr(PledgeDataset) dataset = load_path (src);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) reloaded = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  guint n_entries = 0;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (pledge_dataset_save (dataset, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = load_path (path);
  assert_same_dataset (dataset, reloaded);

  /* Mode kept; no temporary file left beside it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* A symlink stays a symlink, and the file it points to gets the data. */
static void
test_save_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-link-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "good", "minimal.xml", NULL);
  g_autoptr(PledgeDataset) dataset = load_path (src);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) reloaded = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.xml", link), ==, 0);

  g_assert_true (pledge_dataset_save (dataset, file, NULL, &error));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  reloaded = load_path (real);
  assert_same_dataset (dataset, reloaded);

  g_unlink (link);
  g_unlink (real);
  g_rmdir (dir);
}

/* Failing saves report the error and leave the old file as it was. */
static void
test_save_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-fail-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.xml", NULL);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "good", "minimal.xml", NULL);
  g_autoptr(PledgeDataset) dataset = load_path (src);

  /* The target is a folder. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (folder);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
    g_assert_false (pledge_dataset_save (dataset, file, NULL, &error));
    g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
    g_assert_cmpstr (error->message, ==, "folder.xml: is a folder, not a file");
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_rmdir (folder);
  }

  /* The folder it would go in does not exist. */
  {
    g_autofree char *path = g_build_filename (dir, "no-such-folder", "x.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_false (pledge_dataset_save (dataset, file, NULL, &error));
    g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
    g_assert_true (g_str_has_prefix (error->message, "x.xml: could not save: "));
  }

  /* A device behind a symlink: never renamed over, never written. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autofree char *path = g_build_filename (dir, "device.xml", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_cmpint (symlink ("/dev/full", path), ==, 0);
      g_assert_false (pledge_dataset_save (dataset, file, NULL, &error));
      g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
      g_assert_cmpstr (error->message, ==, "device.xml: is not a regular file");
      g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      g_unlink (path);
    }

  g_rmdir (dir);
}

/* The disk fills up half-way through a save (a file size limit does the
 * same to write() as a full disk): the save fails and the old file is
 * byte for byte what it was, with no temporary file left. */
static void
test_save_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_entries = 0;
  gsize before_len, after_len;

  if (g_test_subprocess ())
    {
      g_autofree char *bundled = pledge_test_data_path ("datasets/nato.xml");
      g_autoptr(PledgeDataset) dataset = load_path (bundled);
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("PLEDGE_TEST_TARGET"));
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (pledge_dataset_save (dataset, file, NULL, &error));
      g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
      g_assert_true (g_str_has_prefix (error->message, "nato.xml: could not save: "));
      return;
    }

  /* An old, small file; the new one is 55 KB, past the limit. */
  dir = g_dir_make_tmp ("pledge-full-XXXXXX", NULL);
  path = g_build_filename (dir, "nato.xml", NULL);
  g_assert_true (g_file_set_contents (path, "<old file, precious/>\n", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_setenv ("PLEDGE_TEST_TARGET", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Under a locale that writes "1,5": files must not follow it. */
  setlocale (LC_ALL, "");
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_printerr ("# de_DE.UTF-8 is not installed; testing in the current locale\n");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/saver/round-trip/full", test_round_trip_full);
  g_test_add_func ("/pledge/saver/round-trip/random", test_round_trip_random);
  g_test_add_func ("/pledge/saver/round-trip/v2-random", test_round_trip_v2_random);
  g_test_add_func ("/pledge/saver/canonical-bytes", test_canonical_bytes);
  g_test_add_func ("/pledge/saver/v1-stays-v1", test_v1_stays_v1);
  g_test_add_func ("/pledge/saver/version-follows-use", test_version_follows_use);
  g_test_add_func ("/pledge/saver/bundled-bytes", test_bundled_bytes);
  g_test_add_func ("/pledge/saver/replaces", test_save_replaces);
  g_test_add_func ("/pledge/saver/symlink", test_save_symlink);
  g_test_add_func ("/pledge/saver/failures", test_save_failures);
  g_test_add_func ("/pledge/saver/disk-full", test_save_disk_full);

  return g_test_run ();
}
