/* pledge-cli.c: the headless modes, --validate, --report and --export
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here touches GTK: these modes run without a display or a session
 * bus, before the application registers or initialises GTK.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pledge-chart-export.h"
#include "pledge-chart.h"
#include "pledge-cli.h"
#include "pledge-import.h"
#include "pledge-compare.h"
#include "pledge-report.h"

#define EXIT_USAGE 2

typedef struct
{
  gboolean  validate;
  gboolean  report;
  char     *export_path;
  char     *year;
  char     *scenario;
  char     *target;
  char     *format;
  char     *chart;
  char     *members;
  char     *map_scale;
  char     *size;
  char     *scale;
  char     *theme;
  char     *plan;
  char     *import_path;
  char     *output;
  char     *sheet;
  char     *measure;
  char     *compare;
  gboolean  version;
  char    **files;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->export_path);
  g_free (o->year);
  g_free (o->scenario);
  g_free (o->target);
  g_free (o->format);
  g_free (o->chart);
  g_free (o->members);
  g_free (o->map_scale);
  g_free (o->size);
  g_free (o->scale);
  g_free (o->theme);
  g_free (o->plan);
  g_free (o->import_path);
  g_free (o->output);
  g_free (o->sheet);
  g_free (o->measure);
  g_free (o->compare);
  g_strfreev (o->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("pledge: %s\n", message);
  g_printerr (_("Run “pledge --help” to see the options.\n"));
  return EXIT_USAGE;
}

static int
file_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return 1;
}

static int
run_validate (Options *o)
{
  int status = 0;

  if (o->files == NULL || o->files[0] == NULL)
    return usage_error (_("--validate needs at least one file"));

  for (guint i = 0; o->files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->files[i]);
      g_autoptr(PledgeDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      dataset = pledge_dataset_load (file, o->files[i], NULL, &error);
      if (dataset == NULL)
        status = file_error (error);
    }
  return status;
}

static gboolean
parse_positive_int (const char *text,
                    int         max,
                    int        *value)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &v, NULL))
    return FALSE;
  *value = v;
  return TRUE;
}

typedef struct
{
  PledgeDataset  *dataset;
  PledgeSnapshot *snapshot;
  int             first;  /* years to show */
  int             last;
  guint           target;
} Selection;

static void
selection_clear (Selection *s)
{
  g_clear_pointer (&s->snapshot, pledge_snapshot_unref);
  g_clear_object (&s->dataset);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selection, selection_clear)

/* Loads the one file and resolves --scenario, --year and --target.
 * Returns -1 on success, or the exit status. */
static int
select_data (Options    *o,
             gboolean    allow_all_years,
             Selection  *s)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int scenario = PLEDGE_SNAPSHOT_REPORTED;
  int first, last;

  if (o->files == NULL || o->files[0] == NULL)
    return usage_error (_("a dataset file is needed"));
  if (o->files[1] != NULL)
    return usage_error (_("only one dataset file at a time"));

  file = g_file_new_for_commandline_arg (o->files[0]);
  s->dataset = pledge_dataset_load (file, o->files[0], NULL, &error);
  if (s->dataset == NULL)
    return file_error (error);

  if (o->scenario != NULL)
    {
      scenario = pledge_dataset_find_scenario (s->dataset, o->scenario);
      if (scenario < 0)
        return usage_error (_("%s has no scenario “%s”"), o->files[0], o->scenario);
    }

  s->snapshot = pledge_snapshot_new (s->dataset, scenario, &error);
  if (s->snapshot == NULL)
    return file_error (error);

  if (o->target != NULL)
    {
      int target = pledge_dataset_find_target (s->dataset, o->target);

      if (target < 0)
        return usage_error (_("%s has no target “%s”"), o->files[0], o->target);
      s->target = target;
    }

  if (!pledge_snapshot_get_year_range (s->snapshot, &first, &last))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (o->year != NULL)
        return usage_error (_("%s has no figures for any year"), o->files[0]);
      /* A dataset without figures: a report of its members this year. */
      first = last = g_date_time_get_year (now);
    }

  if (o->year == NULL)
    {
      int reported_last;

      /* The latest year the file itself has figures for. */
      if (pledge_dataset_get_year_range (s->dataset, NULL, &reported_last))
        last = reported_last;
      s->first = s->last = last;
    }
  else if (allow_all_years && strcmp (o->year, "all") == 0)
    {
      s->first = first;
      s->last = last;
    }
  else
    {
      guint64 year;

      if (!g_ascii_string_to_unsigned (o->year, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &year, NULL))
        return usage_error (_("“%s” is not a year"), o->year);
      if ((int) year < first || (int) year > last)
        return usage_error (_("%s has no year %d (its figures cover %d to %d)"),
                            o->files[0], (int) year, first, last);
      s->first = s->last = year;
    }

  return -1;
}

static gboolean
write_stdout (const char *data,
              gsize       length,
              gpointer    user_data)
{
  return fwrite (data, 1, length, stdout) == length;
}

/* --compare: the two datasets, ordered, over the years asked for.
 * Returns -1 on success, or the exit status. */
static int
select_compare (Options        *o,
                const char     *year_text,
                gboolean        allow_all_years,
                PledgeCompare **compare)
{
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeDataset) other = NULL;
  g_autoptr(GError) error = NULL;
  int first, last;

  if (o->files == NULL || o->files[0] == NULL)
    return usage_error (_("a dataset file is needed"));
  if (o->files[1] != NULL)
    return usage_error (_("only one dataset file at a time"));
  if (o->scenario != NULL)
    return usage_error (_("--compare compares the reported figures: leave out --scenario"));
  if (o->plan != NULL)
    return usage_error (_("use one of --compare and --plan at a time"));

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->files[0]);
    g_autoptr(GFile) other_file = g_file_new_for_commandline_arg (o->compare);

    dataset = pledge_dataset_load (file, o->files[0], NULL, &error);
    if (dataset == NULL)
      return file_error (error);
    other = pledge_dataset_load (other_file, o->compare, NULL, &error);
    if (other == NULL)
      return file_error (error);
  }

  if (!pledge_compare_common_years (dataset, other, &first, &last))
    return usage_error (_("%s and %s have no year with figures in common"), o->files[0],
                        o->compare);
  if (year_text == NULL)
    first = last;
  else if (!(allow_all_years && strcmp (year_text, "all") == 0))
    {
      guint64 year;

      if (!g_ascii_string_to_unsigned (year_text, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &year, NULL))
        return usage_error (_("“%s” is not a year"), year_text);
      if ((int) year < first || (int) year > last)
        return usage_error (_("%s and %s have no year %d in common (both cover %d to %d)"),
                            o->files[0], o->compare, (int) year, first, last);
      first = last = year;
    }

  *compare = pledge_compare_new (dataset, o->files[0], other, o->compare, first, last);
  return -1;
}

static int
run_compare_report (Options            *o,
                    PledgeReportFormat  format)
{
  g_autoptr(PledgeCompare) compare = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  status = select_compare (o, o->year, TRUE, &compare);
  if (status >= 0)
    return status;

  pledge_compare_write (compare, format, out);
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr (_("pledge: could not write the report\n"));
      return 1;
    }
  return 0;
}

static int
run_report (Options *o)
{
  g_auto(Selection) s = { 0 };
  g_autoptr(GString) out = NULL;
  PledgeReportFormat format = PLEDGE_REPORT_TEXT;
  int status;

  if (o->format != NULL)
    {
      if (strcmp (o->format, "csv") == 0)
        format = PLEDGE_REPORT_CSV;
      else if (strcmp (o->format, "text") != 0)
        return usage_error (_("unknown report format “%s” (text or csv)"), o->format);
    }

  if (o->plan != NULL)
    {
      if (o->target != NULL)
        return usage_error (_("--plan names its target: leave out --target"));
      if (o->year != NULL)
        return usage_error (_("--plan starts from the last year with figures: leave out --year"));
      o->target = g_strdup (o->plan);
    }

  if (o->compare != NULL)
    return run_compare_report (o, format);

  status = select_data (o, TRUE, &s);
  if (status >= 0)
    return status;

  out = g_string_new (NULL);
  if (o->plan != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Every error names the file. */
      if (!pledge_report_write_plan (s.snapshot, s.target, format, out, &error))
        return usage_error ("%s: %s", o->files[0], error->message);
    }
  /* A report of every year can run to a million rows: written as it is
   * made, a megabyte at a time, not held whole. */
  else if (!pledge_report_write_to (s.snapshot, s.first, s.last, format, write_stdout, NULL))
    {
      g_printerr (_("pledge: could not write the report\n"));
      return 1;
    }
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr (_("pledge: could not write the report\n"));
      return 1;
    }
  return 0;
}

static int
run_export (Options *o)
{
  g_auto(Selection) s = { 0 };
  g_autoptr(PledgeChartInput) input = NULL;
  g_autoptr(PledgeCompare) compare_input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = NULL;
  g_auto(GStrv) members = NULL;
  PledgeChartKind kind = PLEDGE_CHART_COMPLIANCE;
  PledgeExportFormat format;
  PledgeChartStyle style;
  gboolean dark = FALSE;
  PledgeMapScale map_scale = PLEDGE_MAP_SCALE_TARGET;
  int width = 1200, height = 800;
  double scale = 1;
  int status;

  if (!pledge_export_format_from_filename (o->export_path, &format))
    return usage_error (_("cannot tell the format of “%s”: name it .png, .svg or .pdf"),
                        o->export_path);
  if (o->chart != NULL && !pledge_chart_kind_from_string (o->chart, &kind))
    return usage_error (_("unknown chart “%s” (compliance, trend, equipment, burden, gap, "
                          "real-change, per-capita, categories, revisions or map)"),
                        o->chart);
  if (o->size != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (o->size, "x", 3);

      if (g_strv_length (parts) != 2 ||
          !parse_positive_int (parts[0], G_MAXINT, &width) ||
          !parse_positive_int (parts[1], G_MAXINT, &height))
        return usage_error (_("size “%s” is not WIDTHxHEIGHT, such as 1200x800"), o->size);
    }
  if (o->scale != NULL)
    {
      char *end = NULL;

      scale = g_ascii_strtod (o->scale, &end);
      if (end == o->scale || *end != '\0' || !isfinite (scale) ||
          scale < 1 || scale > PLEDGE_EXPORT_MAX_SCALE)
        return usage_error (_("scale “%s” is not a number from 1 to 8"), o->scale);
    }
  /* The limit on pixels, said as such */
  if (!pledge_chart_export_check_size (format, width, height, scale, &error))
    return usage_error ("%s", error->message);
  if (o->theme != NULL)
    {
      if (strcmp (o->theme, "dark") == 0)
        dark = TRUE;
      else if (strcmp (o->theme, "light") != 0)
        return usage_error (_("unknown theme “%s” (light or dark)"), o->theme);
    }

  if (o->map_scale != NULL && !pledge_map_scale_from_string (o->map_scale, &map_scale))
    return usage_error (_("unknown map scale “%s” (target or share)"), o->map_scale);
  if (o->map_scale != NULL && kind != PLEDGE_CHART_MAP)
    return usage_error (_("--map-scale goes with --chart=map"));

  if ((kind == PLEDGE_CHART_REVISIONS) != (o->compare != NULL))
    return usage_error (o->compare != NULL ? _("--compare draws --chart=revisions only")
                                           : _("--chart=revisions needs --compare=OTHER.xml"));

  status = select_data (o, FALSE, &s);
  if (status >= 0)
    return status;

  if (o->compare != NULL)
    {
      /* The year must be in both; by default the last one both have */
      status = select_compare (o, o->year, FALSE, &compare_input);
      if (status >= 0)
        return status;
      s.first = compare_input->first;
    }

  if (o->members != NULL)
    {
      members = g_strsplit (o->members, ",", -1);
      for (guint i = 0; members[i] != NULL; i++)
        if (pledge_dataset_find_member (s.dataset, members[i]) < 0)
          return usage_error (_("%s has no member “%s”"), o->files[0], members[i]);
    }

  input = pledge_chart_input_new (s.snapshot, s.first, s.target,
                                  (const char *const *) members);
  if (compare_input != NULL)
    pledge_chart_input_set_compare (input, g_steal_pointer (&compare_input));
  input->map_scale = map_scale;
  pledge_chart_style_init (&style, dark);
  out = g_file_new_for_commandline_arg (o->export_path);
  if (!pledge_chart_export (out, format, kind, input, &style, width, height, scale, &error))
    return file_error (error);

  return 0;
}

/* --import: another publisher's file into a dataset, written whole or not
 * at all (to OUT through a temporary file renamed over it). */
static int
run_import (Options *o)
{
  const PledgeImportOptions options = { o->sheet, o->measure };
  g_autoptr(GFile) file = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeImportReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *data;
  gsize length;

  if (o->files != NULL && o->files[0] != NULL)
    return usage_error (_("--import reads one file: --import=FILE [--output=OUT.xml]"));

  file = g_file_new_for_commandline_arg (o->import_path);
  dataset = pledge_import_file (file, o->import_path, &options, &report, NULL, &error);
  if (dataset == NULL)
    return file_error (error);

  bytes = pledge_dataset_to_bytes (dataset);
  data = g_bytes_get_data (bytes, &length);
  if (o->output != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (o->output);

      if (!g_file_replace_contents (out, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &error))
        {
          g_printerr (_("pledge: cannot write %s: %s\n"), o->output, error->message);
          return 1;
        }
    }
  else if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr (_("pledge: could not write to standard output: %s\n"), g_strerror (errno));
      return 1;
    }

  summary = pledge_import_report_describe (report);
  g_printerr ("%s\n", summary);
  return 0;
}

gboolean
pledge_cli_run (char   **argv,
                int     *exit_status,
                char  ***files)
{
  g_auto(Options) o = { 0 };
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &o.validate,
      N_("Check dataset files; print nothing but errors"), NULL },
    { "report", 0, 0, G_OPTION_ARG_NONE, &o.report,
      N_("Print the compliance table of a dataset"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o.export_path,
      N_("Draw one chart into OUT (.png, .svg or .pdf)"), N_("OUT") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &o.year,
      N_("The year to show; “all” in --report prints every year"), N_("YEAR") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &o.scenario,
      N_("Compute with that scenario’s edits"), N_("ID") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &o.target,
      N_("The target a chart or summary is about"), N_("ID") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &o.plan,
      N_("With --report: what each member needs to meet TARGET by its due year"), N_("TARGET") },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &o.compare,
      N_("With --report or --chart=revisions: what changed from or to another edition"),
      N_("OTHER.xml") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format,
      N_("Report format: text or csv"), N_("FORMAT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o.chart,
      N_("Chart: compliance, trend, equipment, burden, gap, real-change, per-capita, "
         "categories, revisions or map"), N_("KIND") },
    { "members", 0, 0, G_OPTION_ARG_STRING, &o.members,
      N_("Members shown in the trend chart"), N_("CODE,CODE") },
    { "map-scale", 0, 0, G_OPTION_ARG_STRING, &o.map_scale,
      N_("What the map colours members by: target (met or not) or share (of GDP)"),
      N_("SCALE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_("Size in pixels (PNG) or points (SVG, PDF)"), N_("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &o.scale,
      N_("Pixel density of a PNG (2 for HiDPI)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &o.theme,
      N_("Colours of an export: light or dark"), N_("THEME") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &o.import_path,
      N_("Make a dataset of NATO’s or SIPRI’s workbook, Our World in Data’s CSV or a tidy CSV"),
      N_("FILE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("With --import: write the dataset to OUT, not to standard output"), N_("OUT") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o.sheet,
      N_("With --import: the workbook’s sheet to read (SIPRI’s: “Share of GDP”)"), N_("NAME") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &o.measure,
      N_("With --import: the figure a CSV’s value column holds, such as defence-gdp"),
      N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL, N_("[FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  int n_modes;

  g_return_val_if_fail (argv != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("See who meets NATO’s defence spending targets, ask what if, "
                                  "and export charts.\n\n"
                                  "Without --validate, --report or --export, Pledge opens its "
                                  "window on the files given, or on the bundled NATO figures."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *exit_status = usage_error ("%s", error->message);
      return TRUE;
    }

  if (o.version)
    {
      g_print ("pledge %s\n", PACKAGE_VERSION);
      *exit_status = 0;
      /* A full disk or a closed pipe is a failure, not a printed version */
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          g_printerr (_("pledge: could not write to standard output: %s\n"),
                      g_strerror (errno));
          *exit_status = 1;
        }
      return TRUE;
    }

  n_modes = (o.validate ? 1 : 0) + (o.report ? 1 : 0) + (o.export_path ? 1 : 0);
  if (n_modes + (o.import_path ? 1 : 0) > 1)
    {
      *exit_status = usage_error (o.import_path
                                  ? _("use --import on its own, then the dataset it writes")
                                  : _("use one of --validate, --report and --export at a time"));
      return TRUE;
    }
  if (o.import_path == NULL && (o.output || o.sheet || o.measure))
    {
      *exit_status = usage_error (_("--output, --sheet and --measure go with --import"));
      return TRUE;
    }
  if (o.import_path && (o.year || o.scenario || o.target || o.format || o.chart || o.members ||
                        o.map_scale || o.size || o.scale || o.theme || o.plan || o.compare))
    {
      *exit_status = usage_error (_("--import takes only --output, --sheet and --measure; "
                                    "report or export the dataset it writes"));
      return TRUE;
    }
  if (o.import_path)
    {
      *exit_status = run_import (&o);
      return TRUE;
    }

  if (o.validate)
    *exit_status = run_validate (&o);
  else if (o.report)
    *exit_status = run_report (&o);
  else if (o.export_path)
    *exit_status = run_export (&o);
  else
    {
      if (files != NULL)
        *files = g_steal_pointer (&o.files);
      return FALSE;
    }

  return TRUE;
}
