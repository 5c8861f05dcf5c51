/* pledge-report.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-measures.h"
#include "pledge-number.h"
#include "pledge-plan.h"
#include "pledge-report.h"

/* Where a report goes: appended to out, which is handed to sink in parts
 * of about a megabyte where there is a sink, so that memory does not grow
 * with the report (a dataset of 3,334 members over three centuries reports
 * a million rows). */
#define FLUSH_SIZE (1024 * 1024)
/* The CSV report formats up to CSV_BLOCK_YEARS years at a time, and no
 * more than about CSV_BLOCK_ROWS rows (about ten megabytes) */
#define CSV_BLOCK_YEARS 32
#define CSV_BLOCK_ROWS 131072
/* and asks for a member's figures this many members ahead */
#define PREFETCH_AHEAD 16

typedef struct
{
  GString          *out;
  PledgeReportSink  sink;
  gpointer          user_data;
  gboolean          failed;
} Writer;

static void
writer_flush (Writer   *w,
              gboolean  always)
{
  if (w->sink == NULL || w->failed || (!always && w->out->len < FLUSH_SIZE))
    return;
  if (w->out->len > 0 && !w->sink (w->out->str, w->out->len, w->user_data))
    w->failed = TRUE;
  g_string_truncate (w->out, 0);
}

/* Appends part to what is written: in parts of FLUSH_SIZE where there
 * is a sink, however long part is. */
static void
writer_append (Writer        *w,
               const GString *part)
{
  gsize done = 0;

  while (w->sink != NULL && !w->failed && w->out->len + (part->len - done) > FLUSH_SIZE)
    {
      gsize n = FLUSH_SIZE - MIN (w->out->len, FLUSH_SIZE);

      g_string_append_len (w->out, part->str + done, n);
      done += n;
      writer_flush (w, TRUE);
    }
  if (!w->failed)
    g_string_append_len (w->out, part->str + done, part->len - done);
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            double   value)
{
  char buf[PLEDGE_NUMBER_BUF_SIZE];

  if (isfinite (value))
    g_string_append (out, pledge_number_format (buf, value));
}

static void
csv_percent (GString *out,
             double   value)
{
  char buf[MAX (G_ASCII_DTOSTR_BUF_SIZE, PLEDGE_NUMBER_BUF_SIZE)];

  if (!isfinite (value))
    return;
  value = pledge_round2 (value);
  if (!isfinite (value))
    return;
  if (pledge_number_format_hundredths (buf, value) != NULL)
    {
      g_string_append (out, buf);
      return;
    }
  /* %.2f of 1e36 or more does not fit the usual buffer: print it whole. */
  if (fabs (value) < 1e30)
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
  else
    {
      g_autofree char *big = g_malloc (G_ASCII_DTOSTR_BUF_SIZE + 320);

      g_string_append (out, g_ascii_formatd (big, G_ASCII_DTOSTR_BUF_SIZE + 320, "%.2f", value));
    }
}

/* Rounded half up to decimals (0 or 1), as NATO rounds: 112.5 is 113,
 * where printf would round half to even. */
static double
round_half_up (double value,
               int    decimals)
{
  double scale = decimals > 0 ? 10.0 : 1.0;

  return floor (value * scale + 0.5 + 1e-9) / scale;
}

/* A number with a fixed count of decimals (0 or 1), in the C locale:
 * whole tenths printed as an integer, which costs a tenth of printf's %f
 * on a report of a million rows. */
static void
csv_fixed (GString *out,
           double   value,
           int      decimals)
{
  gint64 tenths;

  if (!isfinite (value))
    return;
  /* Past 1e15 the tenths do not fit: shortest round trip then. */
  if (fabs (value) >= 1e15)
    {
      csv_number (out, value);
      return;
    }
  if (decimals == 0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) round_half_up (value, 0));
      return;
    }
  tenths = (gint64) floor (value * 10 + 0.5 + 1e-9);
  if (tenths < 0)
    {
      g_string_append_c (out, '-');
      tenths = -tenths;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT ".%d", tenths / 10, (int) (tenths % 10));
}

static double
figure (const PledgeFigures *f,
        PledgeField          field)
{
  return f != NULL && pledge_figures_has (f, field) ? f->values[field] : NAN;
}

/* Whether the member meets each target in the year: the same as
 * pledge_snapshot_meets, with each metric computed once for the row
 * rather than once a target (a file may have a hundred targets). */
static void
row_meets_metrics (PledgeDataset *dataset,
                   const double  *metrics,
                   PledgeMeets   *meets)
{
  for (guint t = 0; t < pledge_dataset_get_n_targets (dataset); t++)
    {
      const PledgeTarget *target = pledge_dataset_get_target (dataset, t);

      meets[t] = pledge_value_meets (metrics[target->metric], target->min);
    }
}

static void
row_metrics (const PledgeFigures *f,
             double              *metrics)
{
  for (PledgeMetric m = 0; m <= PLEDGE_METRIC_EQUIPMENT_DEFENCE; m++)
    metrics[m] = f ? pledge_figures_metric (f, m) : NAN;
}

static void
row_meets (PledgeSnapshot      *snapshot,
           const PledgeFigures *f,
           PledgeMeets         *meets)
{
  double metrics[PLEDGE_METRIC_EQUIPMENT_DEFENCE + 1];

  row_metrics (f, metrics);
  row_meets_metrics (pledge_snapshot_get_dataset (snapshot), metrics, meets);
}

/* A member's figures of year, for years asked in increasing order: cursor
 * only moves forward over the member's figures (sorted by year), so a
 * report of every year walks each array once instead of searching it a
 * row. */
static inline const PledgeFigures *
figures_at (const PledgeFigures *figures,
            guint                len,
            guint               *cursor,
            int                  year)
{
  while (*cursor < len && figures[*cursor].year < year)
    (*cursor)++;
  if (*cursor < len && figures[*cursor].year == year)
    return &figures[*cursor];
  return NULL;
}

/* The version 2 columns of a row, after alliance_share: f is the row's
 * figures (NULL: none), at index k of figures. */
static void
csv_measures (GString             *out,
              PledgeMeasures      *measures,
              guint                member,
              GArray              *figures,
              guint                k,
              const PledgeFigures *f)
{
  const PledgeFigures *prev = NULL;

  if (f == NULL)
    {
      g_string_append (out, ",,,,,,,");
      return;
    }
  if (k > 0 && g_array_index (figures, PledgeFigures, k - 1).year == f->year - 1)
    prev = &g_array_index (figures, PledgeFigures, k - 1);

  csv_number (out, pledge_measures_figures_constant (measures, member, f, NULL));
  g_string_append_c (out, ',');
  csv_percent (out, pledge_measures_figures_real_change (measures, member, f, prev, NULL));
  g_string_append_c (out, ',');
  csv_fixed (out, pledge_measures_figures_per_capita (measures, member, f, NULL), 0);
  g_string_append_c (out, ',');
  csv_fixed (out, pledge_figures_get_extra (f, PLEDGE_EXTRA_MILITARY_PERSONNEL), 1);
  for (PledgeCategory c = PLEDGE_CATEGORY_PERSONNEL; c < PLEDGE_N_CATEGORIES; c++)
    {
      g_string_append_c (out, ',');
      csv_percent (out, pledge_figures_category (f, c));
    }
  g_string_append_c (out, ',');
}

/* What the rows of a CSV report share */
typedef struct
{
  PledgeDataset  *dataset;
  guint           n_targets;
  PledgeMeets    *meets;
  PledgeMeasures *measures;
  /* "code,name," of each member, made once: at prefix_ends[i - 1] (or 0)
   * to prefix_ends[i] in prefixes. */
  GString        *prefixes;
  gsize          *prefix_ends;
} CsvRows;

/* The row of member i for a year ("2024," in year_field): f its figures
 * (NULL: none), at index k of figures; total the alliance's defence that
 * year, NAN where the total does not cover the alliance. */
static void
csv_row (CsvRows             *r,
         GString             *out,
         const char          *year_field,
         gsize                year_len,
         double               total,
         guint                i,
         GArray              *figures,
         guint                k,
         const PledgeFigures *f)
{
  double metrics[PLEDGE_METRIC_EQUIPMENT_DEFENCE + 1];
  gsize prefix_start = i > 0 ? r->prefix_ends[i - 1] : 0;

  row_metrics (f, metrics);
  g_string_append_len (out, year_field, year_len);
  g_string_append_len (out, r->prefixes->str + prefix_start, r->prefix_ends[i] - prefix_start);
  csv_number (out, figure (f, PLEDGE_FIELD_DEFENCE));
  g_string_append_c (out, ',');
  csv_number (out, figure (f, PLEDGE_FIELD_GDP));
  g_string_append_c (out, ',');
  csv_percent (out, metrics[PLEDGE_METRIC_DEFENCE_GDP]);
  g_string_append_c (out, ',');
  csv_percent (out, metrics[PLEDGE_METRIC_EQUIPMENT_DEFENCE]);
  g_string_append_c (out, ',');
  /* pledge_snapshot_figures_alliance_share's rule, the member's years
   * checked by the caller */
  csv_percent (out, f != NULL && pledge_figures_has (f, PLEDGE_FIELD_DEFENCE)
                    ? 100.0 * f->values[PLEDGE_FIELD_DEFENCE] / total : NAN);
  g_string_append_c (out, ',');
  if (r->measures != NULL)
    csv_measures (out, r->measures, i, figures, k, f);
  g_string_append (out, pledge_status_to_string (pledge_figures_status (f)));
  row_meets_metrics (r->dataset, metrics, r->meets);
  for (guint t = 0; t < r->n_targets; t++)
    {
      g_string_append_c (out, ',');
      g_string_append (out, pledge_meets_to_string (r->meets[t]));
    }
  g_string_append_c (out, '\n');
}

static void
write_csv (PledgeSnapshot *snapshot,
           int             first,
           int             last,
           Writer         *w)
{
  GString *out = w->out;
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  guint n_targets = pledge_dataset_get_n_targets (dataset);
  guint n_members = pledge_dataset_get_n_members (dataset);
  g_autofree PledgeMeets *meets = g_new0 (PledgeMeets, MAX (n_targets, 1));
  g_autofree guint *cursors = g_new0 (guint, MAX (n_members, 1));
  g_autofree int *joined = g_new (int, MAX (n_members, 1));
  g_autofree int *left = g_new (int, MAX (n_members, 1));
  g_autofree GArray **figures = g_new (GArray *, MAX (n_members, 1));
  /* Version 2 columns only for a version 2 dataset: a version 1 report
   * stays as it was, to the byte. */
  g_autoptr(PledgeMeasures) measures = pledge_dataset_has_measures (dataset)
                                       ? pledge_measures_new (snapshot) : NULL;
  g_autoptr(GString) prefixes = g_string_new (NULL);
  g_autofree gsize *prefix_ends = g_new0 (gsize, MAX (n_members, 1));
  CsvRows rows = { dataset, n_targets, meets, measures, prefixes, prefix_ends };
  /* Rows come year by year, and a member's figures lie year after year:
   * years go in blocks, each member's years of a block are read together
   * into one buffer a year, and the buffers are written in turn. Read a
   * year at a time, a million records' figures missed the cache (and its
   * page table) on every row: 15-20% slower a record than 100k. A block
   * is a 32nd of the years, so that the buffers stay a small part of the
   * memory, in proportion to the report, about ten megabytes at most. */
  guint block_years = CLAMP ((guint) (last - first + 1) / 32, 1,
                             MIN (CSV_BLOCK_YEARS, MAX (CSV_BLOCK_ROWS / MAX (n_members, 1), 1)));
  GString *year_rows[CSV_BLOCK_YEARS] = { NULL, };

  for (guint i = 0; i < n_members; i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, i);

      g_string_append (prefixes, member->code);
      g_string_append_c (prefixes, ',');
      csv_field (prefixes, member->name);
      g_string_append_c (prefixes, ',');
      prefix_ends[i] = prefixes->len;
      joined[i] = member->joined;
      left[i] = member->left != 0 ? member->left : G_MAXINT;
      figures[i] = pledge_snapshot_get_member_figures (snapshot, i);
    }

  g_string_append (out, "year,member,name,defence,gdp,defence_gdp,equipment_defence,"
                        "alliance_share,");
  if (measures != NULL)
    g_string_append (out, "defence_constant,real_change,defence_per_capita,"
                          "military_personnel,personnel_spending,infrastructure,"
                          "other_spending,");
  g_string_append (out, "status");
  for (guint t = 0; t < n_targets; t++)
    {
      g_string_append_c (out, ',');
      csv_field (out, pledge_dataset_get_target (dataset, t)->id);
    }
  g_string_append_c (out, '\n');

  for (guint b = 0; b < block_years; b++)
    year_rows[b] = g_string_new (NULL);

  for (int block = first; block <= last && !w->failed; block += block_years)
    {
      int block_last = MIN (last, block + (int) block_years - 1);
      char year_fields[CSV_BLOCK_YEARS][16];
      gsize year_lens[CSV_BLOCK_YEARS];
      double totals[CSV_BLOCK_YEARS];

      for (int year = block; year <= block_last; year++)
        {
          year_lens[year - block] = g_snprintf (year_fields[year - block], 16, "%d,", year);
          /* A share of the alliance only where its total covers the
           * alliance, a check once a year */
          totals[year - block] = pledge_snapshot_get_complete_alliance_defence (snapshot, year);
        }

      for (guint i = 0; i < n_members; i++)
        {
          const PledgeFigures *data = (const PledgeFigures *) (gconstpointer) figures[i]->data;

          /* The block's first figures of a member further on, one cache
           * line (and often a page) of their own: asked for before they
           * are read. Its cursor is still at the last block's figures. */
          if (i + PREFETCH_AHEAD < n_members)
            {
              GArray *ahead = figures[i + PREFETCH_AHEAD];
              guint k = MIN (cursors[i + PREFETCH_AHEAD] + 1, ahead->len);

              __builtin_prefetch (ahead->data + k * sizeof (PledgeFigures));
            }

          for (int year = MAX (block, joined[i]); year <= block_last && year < left[i]; year++)
            {
              const PledgeFigures *f = figures_at (data, figures[i]->len, &cursors[i], year);

              csv_row (&rows, year_rows[year - block], year_fields[year - block],
                       year_lens[year - block], totals[year - block], i, figures[i], cursors[i], f);
            }
        }

      for (int year = block; year <= block_last && !w->failed; year++)
        {
          GString *year_out = year_rows[year - block];

          writer_append (w, year_out);
          g_string_truncate (year_out, 0);
        }
    }

  for (guint b = 0; b < block_years; b++)
    g_string_free (year_rows[b], TRUE);
}

char *
pledge_report_summary (PledgeSnapshot *snapshot,
                       int             year,
                       guint           target_index)
{
  const PledgeTarget *target;
  guint meeting, members;

  g_return_val_if_fail (snapshot != NULL, NULL);

  target = pledge_dataset_get_target (pledge_snapshot_get_dataset (snapshot), target_index);
  pledge_snapshot_count (snapshot, year, target_index, &meeting, &members);

  /* Translators: "2016: 5 of 28 members meet gdp-2 (Defence Investment Pledge: ...)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d: %u of %u member meets %s (%s)",
                                       "%d: %u of %u members meet %s (%s)",
                                       members),
                          year, meeting, members, target->id, target->name);
}

static char *
text_number (double value,
             int    decimals)
{
  if (!isfinite (value) || (decimals == 2 && !isfinite (pledge_round2 (value))))
    return g_strdup ("");
  /* The ' flag groups thousands as the user's locale does. */
  return g_strdup_printf ("%'.*f", decimals, decimals == 2 ? pledge_round2 (value) : value);
}

static const char *
status_label (PledgeStatus status)
{
  switch (status)
    {
    case PLEDGE_STATUS_NO_DATA:
      return C_("status", "no data");
    case PLEDGE_STATUS_PROJECTED:
      return C_("status", "projected");
    case PLEDGE_STATUS_EDITED:
      return C_("status", "edited");
    case PLEDGE_STATUS_ESTIMATE:
      return C_("status", "estimate");
    case PLEDGE_STATUS_REPORTED:
    default:
      return C_("status", "reported");
    }
}

static const char *
meets_label (PledgeMeets meets)
{
  switch (meets)
    {
    case PLEDGE_MEETS_YES:
      return C_("meets target", "yes");
    case PLEDGE_MEETS_NO:
      return C_("meets target", "no");
    case PLEDGE_MEETS_UNKNOWN:
    default:
      return C_("meets target", "unknown");
    }
}

#define N_TEXT_COLUMNS 9
#define N_MEASURE_COLUMNS 7
#define MAX_FIXED_COLUMNS (N_TEXT_COLUMNS + N_MEASURE_COLUMNS)

/* The report's columns before the targets': the first N_TEXT_COLUMNS, and
 * the measures' for a version 2 dataset (measures not NULL). */
typedef struct
{
  PledgeSnapshot *snapshot;
  PledgeMeasures *measures;
  guint           n_fixed;
  const char    **meets_labels;
  PledgeMeets    *meets;
} TextReport;

/* A measure on screen: "" when unknown, a star after a per capita figure
 * at current prices. */
static char *
text_measure (double             value,
              int                decimals,
              PledgeMeasureFlags flags)
{
  g_autofree char *text = decimals == 2 ? text_number (value, 2)
                                        : (isfinite (value)
                                           ? g_strdup_printf ("%'.*f", decimals,
                                                              round_half_up (value, decimals))
                                           : g_strdup (""));

  if (*text != '\0' && (flags & PLEDGE_MEASURE_CURRENT_PRICES))
    return g_strconcat (text, "*", NULL);
  return g_steal_pointer (&text);
}

static void
text_measures (TextReport          *r,
               guint                i,
               int                  year,
               const PledgeFigures *f,
               char               **cells)
{
  PledgeMeasureFlags flags = 0;
  const PledgeFigures *prev = pledge_snapshot_get_figures (r->snapshot, i, year - 1);
  double per_capita;

  cells[0] = text_measure (pledge_measures_figures_constant (r->measures, i, f, NULL), 0, 0);
  cells[1] = text_measure (pledge_measures_figures_real_change (r->measures, i, f, prev, NULL),
                           2, 0);
  per_capita = pledge_measures_figures_per_capita (r->measures, i, f, &flags);
  cells[2] = text_measure (per_capita, 0, flags);
  cells[3] = text_measure (f ? pledge_figures_get_extra (f, PLEDGE_EXTRA_MILITARY_PERSONNEL) : NAN,
                           1, 0);
  for (PledgeCategory c = PLEDGE_CATEGORY_PERSONNEL; c < PLEDGE_N_CATEGORIES; c++)
    cells[4 + c - PLEDGE_CATEGORY_PERSONNEL] = text_measure (pledge_figures_category (f, c), 2, 0);
}

/* The cells of one row of the text report, in cells: the first n_fixed
 * made for it (free_cells), then one label a target. */
static void
text_row (TextReport *r,
          guint       i,
          int         year,
          char      **cells)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (r->snapshot);
  const PledgeMember *member = pledge_dataset_get_member (dataset, i);
  const PledgeFigures *f = pledge_snapshot_get_figures (r->snapshot, i, year);
  guint n_targets = pledge_dataset_get_n_targets (dataset);

  cells[0] = g_strdup_printf ("%d", year);
  cells[1] = g_strdup (member->code);
  cells[2] = g_strdup (member->name);
  cells[3] = text_number (figure (f, PLEDGE_FIELD_DEFENCE), 0);
  cells[4] = text_number (figure (f, PLEDGE_FIELD_GDP), 0);
  cells[5] = text_number (f ? pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP) : NAN, 2);
  cells[6] = text_number (f ? pledge_figures_metric (f, PLEDGE_METRIC_EQUIPMENT_DEFENCE) : NAN, 2);
  cells[7] = text_number (pledge_snapshot_get_alliance_share (r->snapshot, i, year), 2);
  if (r->measures != NULL)
    text_measures (r, i, year, f, cells + 8);
  cells[r->n_fixed - 1] = g_strdup (status_label (pledge_figures_status (f)));
  row_meets (r->snapshot, f, r->meets);
  for (guint t = 0; t < n_targets; t++)
    cells[r->n_fixed + t] = (char *) r->meets_labels[r->meets[t]];
}

static void
pad (GString *out,
     guint    n)
{
  static const char spaces[] = "                                ";

  for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
    g_string_append_len (out, spaces, sizeof spaces - 1);
  g_string_append_len (out, spaces, n);
}

static void
text_line (GString     *out,
           char *const *cells,
           const guint *widths,
           guint        n_fixed,
           guint        n_columns)
{
  gsize start = out->len;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *cell = cells[c];
      guint n_pad = widths[c] - g_utf8_strlen (cell, -1);
      /* Right-aligned columns: the numbers, all but member, name, status
       * and the targets' */
      gboolean right = c < n_fixed - 1 && c != 1 && c != 2;

      if (c > 0)
        g_string_append (out, "  ");
      if (right)
        pad (out, n_pad);
      g_string_append (out, cell);
      if (!right)
        pad (out, n_pad);
    }
  /* No trailing blanks. */
  while (out->len > start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
free_cells (char  **cells,
            guint   n_fixed)
{
  for (guint c = 0; c < n_fixed; c++)
    g_clear_pointer (&cells[c], g_free);
}

static void
text_header (TextReport *r,
             char      **header)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (r->snapshot);
  guint c = 0;

  header[c++] = g_strdup (_("Year"));
  header[c++] = g_strdup (_("Member"));
  header[c++] = g_strdup (_("Name"));
  header[c++] = g_strdup (_("Defence"));
  header[c++] = g_strdup (_("GDP"));
  /* xgettext:no-c-format */
  header[c++] = g_strdup (_("% GDP"));
  /* xgettext:no-c-format */
  header[c++] = g_strdup (_("% equipment"));
  /* xgettext:no-c-format */
  header[c++] = g_strdup (_("% alliance"));
  if (r->measures != NULL)
    {
      int year = pledge_dataset_get_constant_year (dataset);

      header[c++] = year > 0 ? g_strdup_printf (_("Defence (%d prices)"), year)
                             : g_strdup (_("Defence (constant)"));
      /* xgettext:no-c-format */
      header[c++] = g_strdup (_("% real change"));
      header[c++] = g_strdup (_("Per head"));
      header[c++] = g_strdup (_("Personnel (000)"));
      /* xgettext:no-c-format */
      header[c++] = g_strdup (_("% personnel"));
      /* xgettext:no-c-format */
      header[c++] = g_strdup (_("% infrastructure"));
      /* xgettext:no-c-format */
      header[c++] = g_strdup (_("% other"));
    }
  header[c++] = g_strdup (_("Status"));
  g_assert (c == r->n_fixed);
  for (guint t = 0; t < pledge_dataset_get_n_targets (dataset); t++)
    header[r->n_fixed + t] = g_strdup (pledge_dataset_get_target (dataset, t)->id);
}

/* Two passes over the rows, the first to size the columns: no more than
 * one row's cells are held at a time. */
static void
write_text (PledgeSnapshot *snapshot,
            int             first,
            int             last,
            Writer         *w)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  guint n_targets = pledge_dataset_get_n_targets (dataset);
  guint n_members = pledge_dataset_get_n_members (dataset);
  g_autoptr(PledgeMeasures) measures = pledge_dataset_has_measures (dataset)
                                       ? pledge_measures_new (snapshot) : NULL;
  guint n_fixed = measures != NULL ? MAX_FIXED_COLUMNS : N_TEXT_COLUMNS;
  guint n_columns = n_fixed + n_targets;
  g_autofree char **header = g_new0 (char *, n_columns);
  g_autofree char **cells = g_new0 (char *, n_columns);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autofree PledgeMeets *meets = g_new0 (PledgeMeets, MAX (n_targets, 1));
  g_autofree guint *seen = g_new0 (guint, MAX (n_targets, 1));
  /* Looked up once: a report may have a hundred million of them. */
  const char *meets_labels[] = {
    [PLEDGE_MEETS_YES] = meets_label (PLEDGE_MEETS_YES),
    [PLEDGE_MEETS_NO] = meets_label (PLEDGE_MEETS_NO),
    [PLEDGE_MEETS_UNKNOWN] = meets_label (PLEDGE_MEETS_UNKNOWN),
  };
  TextReport r = { snapshot, measures, n_fixed, meets_labels, meets };

  text_header (&r, header);
  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (header[c], -1);

  for (int year = first; year <= last; year++)
    for (guint i = 0; i < n_members; i++)
      {
        if (!pledge_member_is_member_in (pledge_dataset_get_member (dataset, i), year))
          continue;
        text_row (&r, i, year, cells);
        for (guint c = 0; c < n_fixed; c++)
          widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
        for (guint t = 0; t < n_targets; t++)
          seen[t] |= 1u << meets[t];
        free_cells (cells, n_fixed);
      }

  /* A target's column is as wide as the widest label it shows. */
  for (guint t = 0; t < n_targets; t++)
    for (guint m = 0; m < G_N_ELEMENTS (meets_labels); m++)
      if (seen[t] & (1u << m))
        widths[n_fixed + t] = MAX (widths[n_fixed + t], g_utf8_strlen (meets_labels[m], -1));

  text_line (w->out, header, widths, n_fixed, n_columns);
  for (guint c = 0; c < n_columns; c++)
    g_free (header[c]);
  for (int year = first; year <= last; year++)
    for (guint i = 0; i < n_members; i++)
      {
        if (!pledge_member_is_member_in (pledge_dataset_get_member (dataset, i), year))
          continue;
        text_row (&r, i, year, cells);
        text_line (w->out, cells, widths, n_fixed, n_columns);
        free_cells (cells, n_fixed);
        writer_flush (w, FALSE);
        if (w->failed)
          return;
      }

  if (measures != NULL)
    {
      g_string_append_c (w->out, '\n');
      g_string_append (w->out, _("Real change and defence per head at constant prices; "
                                 "a scenario's years at the prices of their year, projected "
                                 "years at those of the last reported year; "
                                 "* at current prices.\n"));
    }

  g_string_append_c (w->out, '\n');
  for (int year = first; year <= last; year++)
    for (guint t = 0; t < n_targets; t++)
      {
        g_autofree char *summary = pledge_report_summary (snapshot, year, t);

        g_string_append (w->out, summary);
        g_string_append_c (w->out, '\n');
        writer_flush (w, FALSE);
        if (w->failed)
          return;
      }
}

void
pledge_report_write (PledgeSnapshot     *snapshot,
                     int                 first,
                     int                 last,
                     PledgeReportFormat  format,
                     GString            *out)
{
  Writer w = { out, NULL, NULL, FALSE };

  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (first <= last);

  if (format == PLEDGE_REPORT_CSV)
    write_csv (snapshot, first, last, &w);
  else
    write_text (snapshot, first, last, &w);
}

gboolean
pledge_report_write_to (PledgeSnapshot     *snapshot,
                        int                 first,
                        int                 last,
                        PledgeReportFormat  format,
                        PledgeReportSink    sink,
                        gpointer            user_data)
{
  g_autoptr(GString) out = NULL;
  Writer w = { NULL, sink, user_data, FALSE };

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (first <= last, FALSE);

  w.out = out = g_string_sized_new (FLUSH_SIZE + 4096);
  if (format == PLEDGE_REPORT_CSV)
    write_csv (snapshot, first, last, &w);
  else
    write_text (snapshot, first, last, &w);
  writer_flush (&w, TRUE);
  return !w.failed;
}

gboolean
pledge_report_write_plan (PledgeSnapshot     *snapshot,
                          guint               target_index,
                          PledgeReportFormat  format,
                          GString            *out,
                          GError            **error)
{
  PledgeDataset *dataset;
  const PledgeTarget *target;
  g_autoptr(GArray) rows = NULL;
  int start;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  dataset = pledge_snapshot_get_dataset (snapshot);
  target = pledge_dataset_get_target (dataset, target_index);
  rows = pledge_plan_compute (snapshot, target_index, &start, error);
  if (rows == NULL)
    return FALSE;

  if (format == PLEDGE_REPORT_CSV)
    {
      g_string_append_printf (out, "member,name,share_%d,growth_needed,first_year_met,gap_%d,"
                                   "cumulative_gap_%d_%d\n", start, start, start, target->due);
      for (guint i = 0; i < rows->len; i++)
        {
          const PledgePlanRow *row = &g_array_index (rows, PledgePlanRow, i);
          const PledgeMember *member = pledge_dataset_get_member (dataset, row->member);

          g_string_append_printf (out, "%s,", member->code);
          csv_field (out, member->name);
          g_string_append_c (out, ',');
          csv_percent (out, row->share_now);
          g_string_append_c (out, ',');
          csv_percent (out, row->growth);
          g_string_append_c (out, ',');
          if (row->first_met)
            g_string_append_printf (out, "%d", row->first_met);
          g_string_append_c (out, ',');
          csv_number (out, row->gap_now);
          g_string_append_c (out, ',');
          csv_number (out, row->cumulative_gap);
          g_string_append_c (out, '\n');
        }
      return TRUE;
    }

  /* Translators: the heading of pledge --report --plan */
  g_string_append_printf (out, _("What each member needs to meet %s (%s) by %d, from %d\n\n"),
                          target->id, target->name, target->due, start);
  g_string_append_printf (out, "%-6s  %-24s  %10s  %14s  %14s  %14s  %16s\n",
                          _("Member"), _("Name"),
                          /* xgettext:no-c-format */
                          _("% now"), _("Growth/year"), _("First met"), _("Gap now"),
                          _("Gap until due"));
  for (guint i = 0; i < rows->len; i++)
    {
      const PledgePlanRow *row = &g_array_index (rows, PledgePlanRow, i);
      const PledgeMember *member = pledge_dataset_get_member (dataset, row->member);
      g_autofree char *share = text_number (row->share_now, 2);
      g_autofree char *growth = isfinite (row->growth)
                                ? g_strdup_printf ("%+.2f %%", row->growth) : g_strdup ("");
      g_autofree char *met = row->first_met
                             ? g_strdup_printf ("%d", row->first_met)
                             : g_strdup_printf (_("not by %d"), target->due);
      g_autofree char *gap = text_number (row->gap_now, 0);
      g_autofree char *cumulative = text_number (row->cumulative_gap, 0);
      glong name_len = g_utf8_strlen (member->name, -1);

      g_string_append_printf (out, "%-6s  %s%*s  %10s  %14s  %14s  %14s  %16s\n",
                              member->code, member->name, (int) MAX (0, 24 - name_len), "",
                              share, growth, met, gap, cumulative);
    }
  return TRUE;
}
