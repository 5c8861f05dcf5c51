/* test-cli.c: pledge --validate / --report / --export, as a user runs them
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary with no display and no session bus.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pledge-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs pledge with the arguments (NULL-terminated), in a given locale. */
static void
run_pledge_env (Run        *run,
                const char *lc_all,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PLEDGE_BINARY"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Headless modes need neither a display nor a session bus. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", lc_all, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define run_pledge(run, ...) run_pledge_env (run, "C.UTF-8", __VA_ARGS__)

/* NATO's June 2024 edition: the facts below (5 of 28 in 2016, Estonia's
 * figures) are that edition's; the default nato.xml is the 2026 edition. */
static char *
nato (void)
{
  return pledge_test_data_path ("datasets/nato-2024.xml");
}

static char *
good (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_pledge (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "pledge " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_pledge (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--validate"));
  g_assert_nonnull (strstr (run.out, "--export=OUT"));
}

static void
test_validate_good (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();
  g_autofree char *full = good ("full.xml");
  g_autofree char *minimal = good ("minimal.xml");

  run_pledge (&run, "--validate", path, full, minimal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
}

/* Every bad file: exit 1, FILE:LINE: message on stderr, nothing on stdout,
 * for --validate and --report alike. */
static void
test_bad_file (gconstpointer data)
{
  const PledgeBadCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", c->name, NULL);
  g_autofree char *expected = NULL;
  const char *suffix = strchr (c->expected, ':');

  /* The message names the file as it was given on the command line. */
  expected = g_strdup_printf ("%s%s\n", path, suffix);

  {
    g_auto(Run) run = { 0 };

    run_pledge (&run, "--validate", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, expected);
  }
  {
    g_auto(Run) run = { 0 };

    run_pledge (&run, "--report", "--format=csv", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, expected);
  }
}

static void
test_validate_several (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *ok = nato ();
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "duplicate-year.xml", NULL);

  run_pledge (&run, "--validate", ok, bad, "/nonexistent/x.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "duplicate-year.xml:11: member \"DEU\": figures for 2016 given twice\n"));
  g_assert_nonnull (strstr (run.err, "/nonexistent/x.xml: "));
}

static void
test_report_text_2016 (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();

  run_pledge (&run, "--report", "--year=2016", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out,
                            "2016: 5 of 28 members meet gdp-2 (Defence Investment Pledge: 2% of GDP on defence)\n"));
  /* NATO counts 10 of 31 allies at 20% in 2016: Sweden was not yet a member. */
  g_assert_nonnull (strstr (run.out, "2016: 9 of 28 members meet equipment-20"));
  /* Finland is not in 2016's table; Iceland is, without data. */
  g_assert_null (strstr (run.out, "FIN"));
  g_assert_nonnull (strstr (run.out, "ISL"));
}

static void
test_report_csv (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();
  g_auto(GStrv) lines = NULL;

  run_pledge (&run, "--report", "--format=csv", "--year=2016", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* A version 2 file: its measures between alliance_share and status. */
  g_assert_cmpstr (lines[0], ==,
                   "year,member,name,defence,gdp,defence_gdp,equipment_defence,alliance_share,"
                   "defence_constant,real_change,defence_per_capita,military_personnel,"
                   "personnel_spending,infrastructure,other_spending,"
                   "status,gdp-2,equipment-20,core-3.5,total-5");
  /* One line per member of 2016, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 28 + 1);
  g_assert_nonnull (strstr (run.out, "\n2016,ISL,Iceland,,,,,,,,,,,,,no-data,unknown,unknown,unknown,unknown\n"));
  g_assert_nonnull (strstr (run.out, "\n2016,EST,Estonia,"));
  /* The 2024 edition has no population: per capita is unknown. */
  g_assert_nonnull (strstr (run.out, "\n2016,EST,Estonia,497.4339346803883,24055.837069571968,2.07,17.86,0.05,"
                                     "487.71369769057947,5.24,,6.1,38.70,12.15,31.30,"
                                     "reported,yes,no,no,unknown\n"));
}

/* CSV numbers ignore the locale; text follows it. */
static void
test_report_locale (void)
{
  g_auto(Run) csv = { 0 };
  g_auto(Run) text = { 0 };
  g_autofree char *path = nato ();

  run_pledge_env (&csv, "de_DE.UTF-8", "--report", "--format=csv", "--year=2016", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, ",2.07,17.86,0.05,"));

  run_pledge_env (&text, "de_DE.UTF-8", "--report", "--year=2016", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  /* build-aux/dev generates the de_DE.UTF-8 locale. */
  g_assert_nonnull (strstr (text.out, "2,07"));
  g_assert_null (strstr (text.out, " 2.07 "));
}

/* Under a German locale and language: German words, German numbers. */
static void
test_german (void)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *path = nato ();
  g_autofree char *dir = g_dir_make_tmp ("pledge-de-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *report = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *report_argv[] = { g_getenv ("PLEDGE_BINARY"), "--report", "--year=2016", path, NULL };
  const char *export_argv[] = { g_getenv ("PLEDGE_BINARY"), export, "--year=2016", path, NULL };
  const char *text_argv[] = { "pdftotext", pdf, "-", NULL };

  envp = g_environ_setenv (envp, "LANGUAGE", "de", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");

  g_spawn_sync (NULL, (char **) report_argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &report, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (report, "2016: 5 von 28 Mitgliedern erreichen gdp-2"));
  g_assert_nonnull (strstr (report, "Mitglied"));
  g_assert_nonnull (strstr (report, "3,50"));

  g_spawn_sync (NULL, (char **) export_argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Verteidigungsausgaben als Anteil am BIP, 2016"));
  g_assert_nonnull (strstr (text, "3,50"));

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_report_all_years (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();
  g_auto(GStrv) lines = NULL;

  run_pledge (&run, "--report", "--format=csv", "--year=all", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* Members per year 2014-2024: 28 28 28 29 29 29 30 30 30 31 32. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 324 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "2014,"));
  g_assert_true (g_str_has_prefix (lines[324], "2024,"));
}

static void
test_report_scenario (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = good ("full.xml");

  run_pledge (&run, "--report", "--format=csv", "--scenario=s1", "--year=all", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n2017,AAA,\"Alpha \"\"A\"\"\",30,1000,3.00,,"));
  g_assert_nonnull (strstr (run.out, "\n2020,AAA,"));
  g_assert_nonnull (strstr (run.out, ",projected,"));
}

typedef struct
{
  const char *args[4];
  int         status;
} UsageCase;

static const UsageCase usage_cases[] = {
  { { "--bogus", NULL }, 2 },
  { { "--report", "--year=1990", NULL }, 2 },
  { { "--report", "--year=soon", NULL }, 2 },
  { { "--report", "--scenario=nope", NULL }, 2 },
  { { "--report", "--target=nope", NULL }, 2 },
  { { "--report", "--format=xml", NULL }, 2 },
  { { "--export=/tmp/x.png", "--chart=pie", NULL }, 2 },
  { { "--export=/tmp/x.gif", NULL }, 2 },
  { { "--export=/tmp/x.png", "--size=big", NULL }, 2 },
  { { "--export=/tmp/x.png", "--theme=blue", NULL }, 2 },
  { { "--export=/tmp/x.png", "--members=XYZ", NULL }, 2 },
  { { "--report", "--validate", NULL }, 2 },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *c = data;
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();

  run_pledge (&run, c->args[0], c->args[1] ? c->args[1] : path,
              c->args[1] ? path : NULL, NULL);
  g_assert_cmpint (run.status, ==, c->status);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "pledge: "));
}

/* The version 2 kinds draw their no-data state on the version 1 file */
static const char *chart_kinds[] = { "compliance", "trend", "equipment", "burden", "gap",
                                     "real-change", "per-capita", "categories", "map" };

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  g_autofree char *contents = NULL;
  gsize length;
  const guchar *p;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  p = (const guchar *) contents + 16;
  g_assert_cmpint ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3], ==, width);
  g_assert_cmpint ((p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7], ==, height);
}

static void
test_export_every_kind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *path = nato ();

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    {
      const char *formats[] = { "png", "svg", "pdf" };

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_auto(Run) run = { 0 };
          g_autofree char *out = g_strdup_printf ("%s/%s.%s", dir, chart_kinds[i], formats[f]);
          g_autofree char *export = g_strdup_printf ("--export=%s", out);
          g_autofree char *chart = g_strdup_printf ("--chart=%s", chart_kinds[i]);
          g_autofree char *contents = NULL;
          gsize length;

          run_pledge (&run, export, chart, "--year=2016", path, NULL);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.out, ==, "");
          g_assert_cmpstr (run.err, ==, "");
          g_assert_true (g_file_get_contents (out, &contents, &length, NULL));

          if (f == 0)
            assert_png (out, 1200, 800);
          else if (f == 1)
            {
              xmlDocPtr doc = xmlReadMemory (contents, length, "chart.svg", NULL, XML_PARSE_NONET);

              g_assert_nonnull (doc);
              g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
              xmlFreeDoc (doc);
            }
          else
            g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          g_unlink (out);
        }
    }
  g_rmdir (dir);
}

static void
test_export_options (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "trend.png", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", out);
  g_autofree char *path = nato ();
  g_auto(Run) run = { 0 };

  run_pledge (&run, export, "--chart=trend", "--members=DEU,POL,USA", "--size=640x400",
              "--scale=2", "--theme=dark", "--target=gdp-2", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_png (out, 1280, 800);
  g_unlink (out);
  g_rmdir (dir);
}

/* A failed export leaves nothing at OUT and prints nothing on stdout. */
static void
test_export_failure (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();

  run_pledge (&run, "--export=/nonexistent/folder/c.png", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "c.png"));
  g_assert_false (g_file_test ("/nonexistent/folder/c.png", G_FILE_TEST_EXISTS));
}

/* The size of an export is bounded in pixels, and the message says so; a
 * scale below 1 or too small to draw is a usage error too. Nothing is
 * written. */
static const struct
{
  const char *size;
  const char *scale;
  const char *says;
} pixel_cases[] = {
  { "--size=20000x20000", "--scale=1", "pixels a side" },
  { "--size=4000x4000", "--scale=8", "pixels a side" },
  { "--size=3000x3000", "--scale=4", "megapixels" },
  { "--size=10000x10000", "--scale=1", "megapixels" },
  { "--size=1200x800", "--scale=0.001", "from 1 to 8" },
  { "--size=1200x800", "--scale=1e-300", "from 1 to 8" },
  { "--size=1200x800", "--scale=9", "from 1 to 8" },
  { "--size=40000x800", "--scale=1", "at most 16384 pixels a side" },
};

static void
test_export_pixel_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "big.png", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", out);
  g_autofree char *path = nato ();

  for (guint i = 0; i < G_N_ELEMENTS (pixel_cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_pledge (&run, export, pixel_cases[i].size, pixel_cases[i].scale, path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, pixel_cases[i].says));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  {
    g_auto(Run) run = { 0 };

    /* The largest scale on a small chart is fine */
    run_pledge (&run, export, "--size=100x80", "--scale=8", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_png (out, 800, 640);
    g_unlink (out);
  }
  g_rmdir (dir);
}

/* SVG and PDF have no pixels: a page too large for PNG is fine up to
 * cairo's 32767 points a side, and past it the message speaks of points. */
static void
test_export_vector_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *path = nato ();
  const char *names[] = { "big.svg", "big.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      g_autofree char *export = g_strdup_printf ("--export=%s", out);
      g_auto(Run) fits = { 0 };
      g_auto(Run) too_large = { 0 };

      run_pledge (&fits, export, "--size=20000x12000", path, NULL);
      g_assert_cmpstr (fits.err, ==, "");
      g_assert_cmpint (fits.status, ==, 0);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
      g_unlink (out);

      run_pledge (&too_large, export, "--size=40000x800", path, NULL);
      g_assert_cmpint (too_large.status, ==, 2);
      g_assert_nonnull (strstr (too_large.err, "at most 32767 points a side"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* A version that could not be written is a failure */
static void
test_version_full (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PLEDGE_BINARY"),
                                         "--version", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "standard output"));
}

/* --export through a link to a device refuses it and leaves the device */
static void
test_export_device (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (dir, "null.png", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", link);
  g_autofree char *path = nato ();
  g_auto(Run) run = { 0 };
  GStatBuf st;

  g_assert_cmpint (symlink ("/dev/null", link), ==, 0);
  run_pledge (&run, export, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "null.png"));
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_unlink (link);
  g_rmdir (dir);
}

/* A target --plan cannot plan for: the error names the file. */
static void
test_plan_error_names_file (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = nato ();
  g_autofree char *expected = g_strdup_printf ("pledge: %s: target \"gdp-2\" has no due year\n", path);

  run_pledge (&run, "--report", "--plan=gdp-2", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, expected));
}

/* --import: a dataset on standard output, or written whole to --output;
 * on an error nothing on standard output and no output file. */
static void
test_import (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *in = g_test_build_filename (G_TEST_DIST, "data", "import", "sipri-mini.xlsx", NULL);
  g_autofree char *arg = g_strdup_printf ("--import=%s", in);
  g_autofree char *dir = g_dir_make_tmp ("pledge-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *out_arg = g_strdup_printf ("--output=%s", out);
  g_autofree char *written = NULL;

  run_pledge (&run, arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "<?xml"));
  g_assert_nonnull (strstr (run.out, "defence-gdp=\"1.25\""));
  g_assert_nonnull (strstr (run.err, "left out"));
  run_clear (&run);

  run_pledge (&run, arg, out_arg, "--sheet=Current", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "defence=\"35000.5\""));
  run_clear (&run);

  /* the dataset it wrote reads back */
  run_pledge (&run, "--validate", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_import_bad (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *in = g_test_build_filename (G_TEST_DIST, "data", "bad-import",
                                               "sipri-bad-cell.xlsx", NULL);
  g_autofree char *arg = g_strdup_printf ("--import=%s", in);
  g_autofree char *dir = g_dir_make_tmp ("pledge-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *out_arg = g_strdup_printf ("--output=%s", out);

  run_pledge (&run, arg, out_arg, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "sheet \"Share of GDP\", cell D14: \"abc\" is not a number"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_pledge (&run, "--output=x.xml", "--report", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* --year and the like belong to the dataset it writes */
  run_pledge (&run, arg, "--year=2016", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--import takes only"));
  g_rmdir (dir);
}

/* The version 2 measures' own file, worked by hand in its comment */
static char *
v2_measures (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "v2", "measures.xml", NULL);
}

/* Format v2: the seven columns between alliance_share and status, worked
 * by hand in the file's comment */
static void
test_report_csv_v2 (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = v2_measures ();
  g_auto(GStrv) lines = NULL;

  run_pledge (&run, "--report", "--format=csv", "--year=all", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "year,member,name,defence,gdp,defence_gdp,equipment_defence,alliance_share,"
                   "defence_constant,real_change,defence_per_capita,military_personnel,"
                   "personnel_spending,infrastructure,other_spending,status,gdp-2");
  /* 112.5 a head rounds half up; personnel with one decimal; categories
   * as published; no alliance share, as Gamma and the United States have
   * no 2023 figures (the total would be two members') */
  g_assert_cmpstr (lines[1], ==,
                   "2023,AAA,Alpha,100,5000,2.00,25.00,,90,,113,12.3,45.50,4.25,25.25,"
                   "reported,yes");
  /* Computed real change; published where given, not the 2.50 computed;
   * per head at current prices where there is no constant figure; unknown
   * is empty, never zero */
  g_assert_cmpstr (lines[5], ==, "2024,AAA,Alpha,110,5200,2.12,,13.08,94.5,5.00,118,,,,,reported,yes");
  g_assert_cmpstr (lines[6], ==, "2024,BBB,Beta,21,1000,2.10,,2.50,20.5,-1.50,,,,,,reported,yes");
  g_assert_cmpstr (lines[7], ==, "2024,CCC,Gamma,10,400,2.50,,1.19,,,20,,,,,reported,yes");
  g_assert_cmpstr (lines[8], ==,
                   "2024,USA,United States,700,20000,3.50,,83.23,,,,,,,,reported,yes");
}

/* Under a scenario: the edited year at its own deflator (121 x 94.5 / 110),
 * the projected one at the last reported deflator */
static void
test_report_csv_v2_scenario (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = v2_measures ();

  run_pledge (&run, "--report", "--format=csv", "--year=all", "--scenario=more", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* 103.95 / 90: 15.50%; 121 x 0.859... / 800,000 people: 130 a head */
  g_assert_nonnull (strstr (run.out, "\n2024,AAA,Alpha,121,5200,2.33,,14.20,103.95,15.50,130,,,,,"
                                     "edited,yes\n"));
  /* 133.1 at 2024's deflator: 10.00% on the edited 2024 */
  g_assert_nonnull (strstr (run.out, ",10.00,,,,,,projected,yes\n"));
  /* A published real change stays for a year no edit touched */
  g_assert_nonnull (strstr (run.out, "\n2024,BBB,Beta,21,1000,2.10,,2.46,20.5,-1.50,"));
}

/* A version 1 file's report has none of the new columns: the same to the
 * byte as before them (a test file: the bundled NATO files are version 2) */
static void
test_report_csv_v1_unchanged (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = good ("full.xml");

  run_pledge (&run, "--report", "--format=csv", "--year=all", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "year,member,name,defence,gdp,defence_gdp,"
                                            "equipment_defence,alliance_share,status,"));
  g_assert_null (strstr (run.out, "defence_constant"));
}

/* The text report: the same measures, a star for per head at current
 * prices, and how they are priced */
static void
test_report_text_v2 (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = v2_measures ();

  run_pledge (&run, "--report", "--year=2024", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Defence (2021 prices)"));
  g_assert_nonnull (strstr (run.out, "% real change"));
  g_assert_nonnull (strstr (run.out, " 20*  "));
  g_assert_nonnull (strstr (run.out, "-1.50"));
  g_assert_nonnull (strstr (run.out, "* at current prices"));
}

/* The three version 2 charts of the version 2 file, and --help names them */
static void
test_export_v2_kinds (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pledge-export-XXXXXX", NULL);
  g_autofree char *path = v2_measures ();
  const char *kinds[] = { "real-change", "per-capita", "categories" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *out = g_strdup_printf ("%s/%s.png", dir, kinds[i]);
      g_autofree char *export = g_strdup_printf ("--export=%s", out);
      g_autofree char *chart = g_strdup_printf ("--chart=%s", kinds[i]);

      run_pledge (&run, export, chart, "--year=2024", "--scenario=more", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      assert_png (out, 1200, 800);
      g_unlink (out);
    }
  g_rmdir (dir);

  {
    g_auto(Run) run = { 0 };

    run_pledge (&run, "--help", NULL);
    g_assert_nonnull (strstr (run.out, "real-change, per-capita,"));
  }
}

/* --compare: the revisions between two editions, the older told by the
 * years the figures reach (neither test file has an edition date). */
static char *
compare_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "compare", name, NULL);
}

static void
test_report_compare (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) swapped = { 0 };
  g_auto(Run) csv = { 0 };
  g_autofree char *old = compare_file ("edition-2024.xml");
  g_autofree char *new = compare_file ("edition-2025.xml");
  g_autofree char *compare_new = g_strconcat ("--compare=", new, NULL);
  g_autofree char *compare_old = g_strconcat ("--compare=", old, NULL);
  g_autofree char *older = g_strdup_printf ("Older: %s", old);
  g_auto(GStrv) lines = NULL;
  const char *poland = NULL;

  run_pledge (&run, "--report", compare_new, "--year=2016", old, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, older));
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "2016  Poland "))
      poland = lines[i];
  g_assert_nonnull (poland);
  g_assert_true (g_regex_match_simple ("^2016  Poland +2\\.00 +1\\.99 +-0\\.01 .*"
                                       "leaves 2% of GDP$", poland, 0, 0));
  /* France is the same to two decimals in both */
  g_assert_null (strstr (run.out, "France"));

  /* Given the other way round, the same edition is the older */
  run_pledge (&swapped, "--report", compare_old, "--year=2016", new, NULL);
  g_assert_cmpint (swapped.status, ==, 0);
  g_assert_nonnull (strstr (swapped.out, older));
  g_assert_nonnull (strstr (swapped.out, poland));

  run_pledge (&csv, "--report", compare_new, "--year=all", "--format=csv", old, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "year,member,name,old_defence_gdp,"));
  g_assert_nonnull (strstr (csv.out, "\n2015,EST,Estonia,2.03,1.99,-0.04,"));
  g_assert_nonnull (strstr (csv.out, "\n2016,POL,Poland,2.00,1.99,-0.01,"));
}

static void
test_report_compare_usage (void)
{
  g_autofree char *old = compare_file ("edition-2024.xml");
  g_autofree char *new = compare_file ("edition-2025.xml");
  g_autofree char *compare_new = g_strconcat ("--compare=", new, NULL);
  const char *cases[][2] = {
    { "--year=2017", "have no year 2017 in common" },
    { "--scenario=x", "leave out --scenario" },
    { "--year=never", "is not a year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_pledge (&run, "--report", compare_new, cases[i][0], old, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i][1]));
    }
  {
    g_auto(Run) run = { 0 };

    run_pledge (&run, "--report", "--compare=/nonexistent/other.xml", old, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "/nonexistent/other.xml"));
  }
}

/* --chart=revisions draws what --report --compare prints; each needs the other */
static void
test_export_revisions (void)
{
  g_autofree char *old = compare_file ("edition-2024.xml");
  g_autofree char *new = compare_file ("edition-2025.xml");
  g_autofree char *compare_old = g_strconcat ("--compare=", old, NULL);
  g_autofree char *dir = g_dir_make_tmp ("pledge-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "revisions.png", NULL);
  g_autofree char *export = g_strconcat ("--export=", png, NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) without = { 0 };
  g_auto(Run) other_chart = { 0 };
  g_auto(Run) no_year = { 0 };

  /* 2017 is not in the older file: said, nothing written */
  run_pledge (&no_year, export, "--chart=revisions", compare_old, "--year=2017", new, NULL);
  g_assert_cmpint (no_year.status, ==, 2);
  g_assert_nonnull (strstr (no_year.err, "no year 2017 in common"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* By default the last year both have, 2016, not the newer file's 2017 */
  run_pledge (&run, export, "--chart=revisions", compare_old, new, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  run_pledge (&without, export, "--chart=revisions", new, NULL);
  g_assert_cmpint (without.status, ==, 2);
  g_assert_nonnull (strstr (without.err, "--compare"));
  run_pledge (&other_chart, export, "--chart=trend", compare_old, new, NULL);
  g_assert_cmpint (other_chart.status, ==, 2);
  g_assert_nonnull (strstr (other_chart.err, "revisions"));

  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/cli/version", test_version);
  g_test_add_func ("/pledge/cli/help", test_help);
  g_test_add_func ("/pledge/cli/validate/good", test_validate_good);
  g_test_add_func ("/pledge/cli/validate/several", test_validate_several);
  g_test_add_func ("/pledge/cli/report/text-2016", test_report_text_2016);
  g_test_add_func ("/pledge/cli/report/csv", test_report_csv);
  g_test_add_func ("/pledge/cli/report/locale", test_report_locale);
  g_test_add_func ("/pledge/cli/report/all-years", test_report_all_years);
  g_test_add_func ("/pledge/cli/german", test_german);
  g_test_add_func ("/pledge/cli/report/scenario", test_report_scenario);
  g_test_add_func ("/pledge/cli/export/every-kind", test_export_every_kind);
  g_test_add_func ("/pledge/cli/export/options", test_export_options);
  g_test_add_func ("/pledge/cli/export/failure", test_export_failure);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/pledge/cli/usage/%u", i);
      g_test_add_data_func (name, &usage_cases[i], test_usage);
    }

  cases = pledge_test_add_bad_cases ("/pledge/cli/bad", test_bad_file);
  g_test_add_func ("/pledge/cli/export/pixel-limits", test_export_pixel_limits);
  g_test_add_func ("/pledge/cli/export/vector-limits", test_export_vector_limits);
  g_test_add_func ("/pledge/cli/version/full", test_version_full);
  g_test_add_func ("/pledge/cli/export/device", test_export_device);
  g_test_add_func ("/pledge/cli/report/plan-error-names-file", test_plan_error_names_file);
  g_test_add_func ("/pledge/cli/import", test_import);
  g_test_add_func ("/pledge/cli/import/bad", test_import_bad);
  g_test_add_func ("/pledge/cli/report/csv-v2", test_report_csv_v2);
  g_test_add_func ("/pledge/cli/report/csv-v2-scenario", test_report_csv_v2_scenario);
  g_test_add_func ("/pledge/cli/report/csv-v1-unchanged", test_report_csv_v1_unchanged);
  g_test_add_func ("/pledge/cli/report/text-v2", test_report_text_v2);
  g_test_add_func ("/pledge/cli/export/v2-kinds", test_export_v2_kinds);
  g_test_add_func ("/pledge/cli/report/compare", test_report_compare);
  g_test_add_func ("/pledge/cli/report/compare-usage", test_report_compare_usage);
  g_test_add_func ("/pledge/cli/export/revisions", test_export_revisions);

  return g_test_run ();
}
