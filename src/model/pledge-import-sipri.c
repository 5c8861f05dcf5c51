/* pledge-import-sipri.c: SIPRI's military expenditure workbook
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sheet a dataset: title rows above a header row ("Country", "Notes",
 * 1949, 1950, ...), countries grouped under region headings, footnotes
 * below. "...", ". ." and "xxx" mark what is unknown or did not exist.
 * Shares of GDP are stored as fractions with a percent format. Countries
 * are named, not coded; former states (USSR, Yugoslavia, ...) are left out.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-import-private.h"

#define DEFAULT_SHEET "Share of GDP"

typedef struct
{
  PledgeWorkbook      *workbook;
  PledgeImportBuilder *builder;
  guint                sheet;
  guint                slot;
  gboolean             header_found;
  gboolean             ended;
  guint                name_col;
  GHashTable          *years;   /* column -> year */
  gboolean             any_data;
  char                *title;
} Sipri;

gboolean
pledge_import_is_sipri (PledgeWorkbook *workbook)
{
  return pledge_workbook_find_sheet (workbook, DEFAULT_SHEET) >= 0;
}

static gboolean
is_marker (const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  return *t == '\0' || strcmp (t, "...") == 0 || strcmp (t, ". .") == 0 ||
         strcmp (t, "..") == 0 || strcmp (t, "xxx") == 0;
}

static gboolean
is_aggregate (const char *name)
{
  static const char *aggregates[] = { "European Union", "World", "NATO" };

  for (guint i = 0; i < G_N_ELEMENTS (aggregates); i++)
    if (g_ascii_strcasecmp (name, aggregates[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A year in a header cell: 1949, or "1949". */
static int
cell_year (const PledgeCell *cell)
{
  guint64 y;

  if (cell->kind == PLEDGE_CELL_NUMBER && cell->number == floor (cell->number) &&
      cell->number >= PLEDGE_YEAR_MIN && cell->number <= PLEDGE_YEAR_MAX)
    return cell->number;
  if (cell->kind == PLEDGE_CELL_TEXT &&
      g_ascii_string_to_unsigned (cell->text, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &y, NULL))
    return y;
  return 0;
}

static gboolean
find_header (Sipri           *s,
             const PledgeRow *row)
{
  guint name_col = 0, n_years = 0;

  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].kind == PLEDGE_CELL_TEXT && strcmp (row->cells[i].text, "Country") == 0)
      name_col = row->cells[i].col;
    else if (cell_year (&row->cells[i]) != 0)
      n_years++;
  if (name_col == 0 || n_years == 0)
    return FALSE;

  for (guint i = 0; i < row->n_cells; i++)
    {
      int year = cell_year (&row->cells[i]);

      if (year != 0 && row->cells[i].col > name_col)
        g_hash_table_insert (s->years, GUINT_TO_POINTER (row->cells[i].col),
                             GINT_TO_POINTER (year));
    }
  s->name_col = name_col;
  s->header_found = TRUE;
  return TRUE;
}

/* Footnotes below the table: a mark, "Note", or a sentence. */
static gboolean
is_footnote (const char *text)
{
  return g_str_has_prefix (text, "*") || g_str_has_prefix (text, "†") ||
         g_str_has_prefix (text, "‡") || g_str_has_prefix (text, "§") ||
         g_str_has_prefix (text, "¶") || g_str_has_prefix (text, "Note") ||
         g_str_has_prefix (text, "Source") || g_utf8_strlen (text, -1) > 80;
}

static gboolean
on_row (const PledgeRow *row,
        gpointer         user_data,
        GError         **error)
{
  Sipri *s = user_data;
  const char *name = NULL;
  gboolean has_year_cells = FALSE;
  PledgeImportMatch match;
  guint member = 0;

  if (s->ended)
    return TRUE;
  if (!s->header_found)
    {
      if (s->title == NULL && row->n_cells > 0 && row->cells[0].kind == PLEDGE_CELL_TEXT)
        s->title = g_strdup (row->cells[0].text);
      find_header (s, row);
      return TRUE;
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      if (row->cells[i].col == s->name_col && row->cells[i].kind == PLEDGE_CELL_TEXT)
        name = row->cells[i].text;
      else if (g_hash_table_contains (s->years, GUINT_TO_POINTER (row->cells[i].col)))
        has_year_cells = TRUE;
    }
  if (name == NULL || *name == '\0')
    return TRUE;
  if (s->any_data && is_footnote (name))
    {
      s->ended = TRUE;
      return TRUE;
    }
  if (!has_year_cells)
    return TRUE;   /* a region's heading */

  s->any_data = TRUE;
  match = is_aggregate (name) ? PLEDGE_IMPORT_MATCH_NON_MEMBER : pledge_import_match (name, &member);
  if (match != PLEDGE_IMPORT_MATCH_MEMBER)
    {
      pledge_import_builder_leave_out (s->builder, name,
                                       is_aggregate (name) ? PLEDGE_IMPORT_LEFT_AGGREGATE :
                                       match == PLEDGE_IMPORT_MATCH_FORMER ? PLEDGE_IMPORT_LEFT_FORMER
                                                                          : PLEDGE_IMPORT_LEFT_NON_MEMBER);
      return TRUE;
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      const PledgeCell *cell = &row->cells[i];
      int year = GPOINTER_TO_INT (g_hash_table_lookup (s->years, GUINT_TO_POINTER (cell->col)));
      double value;

      if (year == 0)
        continue;
      if (cell->kind == PLEDGE_CELL_TEXT && is_marker (cell->text))
        continue;
      if (cell->kind != PLEDGE_CELL_NUMBER)
        {
          g_autofree char *prefix = pledge_workbook_cell_prefix (s->workbook, s->sheet,
                                                                 row->row, cell->col);

          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID,
                       _("%s\"%s\" is not a number"), prefix, cell->text);
          return FALSE;
        }
      value = cell->number;
      if (cell->percent)
        value *= 100;
      if (value < 0)
        {
          g_autofree char *prefix = pledge_workbook_cell_prefix (s->workbook, s->sheet,
                                                                 row->row, cell->col);

          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID,
                       _("%s%g is negative"), prefix, cell->number);
          return FALSE;
        }
      if (!pledge_import_builder_set (s->builder, member, year, s->slot, value))
        {
          g_autofree char *prefix = pledge_workbook_cell_prefix (s->workbook, s->sheet,
                                                                 row->row, cell->col);

          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID,
                       _("%s%s %d is in the sheet twice"), prefix,
                       pledge_import_get_member (member)->name, year);
          return FALSE;
        }
      /* SIPRI's blue (estimates) and red (highly uncertain) */
      if (cell->colour != PLEDGE_CELL_COLOUR_NONE)
        pledge_import_builder_set_estimate (s->builder, member, year);
    }
  return TRUE;
}

/* --sheet: a name, or a prefix of only one ("constant", "current"). */
static int
choose_sheet (PledgeWorkbook *workbook,
              const char     *wanted,
              const char     *display_name,
              GError        **error)
{
  g_autoptr(GString) names = NULL;
  int found = -1;

  if (wanted == NULL)
    wanted = DEFAULT_SHEET;
  if ((found = pledge_workbook_find_sheet (workbook, wanted)) >= 0)
    return found;
  for (guint i = 0; i < pledge_workbook_n_sheets (workbook); i++)
    {
      g_autofree char *a = g_utf8_casefold (pledge_workbook_sheet_name (workbook, i), -1);
      g_autofree char *b = g_utf8_casefold (wanted, -1);

      if (g_str_has_prefix (a, b))
        {
          if (found >= 0)
            {
              found = -2;
              break;
            }
          found = i;
        }
    }
  if (found >= 0)
    return found;

  names = g_string_new (NULL);
  for (guint i = 0; i < pledge_workbook_n_sheets (workbook); i++)
    g_string_append_printf (names, "%s\"%s\"", i > 0 ? ", " : "",
                            pledge_workbook_sheet_name (workbook, i));
  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_SHEET,
               found == -2 ? _("%s: more than one sheet starts with \"%s\"; the sheets are %s")
                           : _("%s: no sheet \"%s\"; the sheets are %s"),
               display_name, wanted, names->str);
  return -1;
}

PledgeDataset *
pledge_import_sipri (PledgeWorkbook            *workbook,
                     const char                *display_name,
                     const PledgeImportOptions *options,
                     PledgeImportReport       **report,
                     GError                   **error)
{
  g_autoptr(PledgeImportBuilder) builder = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autofree char *lower = NULL;
  g_autofree char *title = NULL;
  Sipri s = { 0 };
  const char *sheet_name;
  int sheet;

  sheet = choose_sheet (workbook, options->sheet, display_name, error);
  if (sheet < 0)
    return NULL;
  sheet_name = pledge_workbook_sheet_name (workbook, sheet);
  lower = g_ascii_strdown (sheet_name, -1);

  builder = pledge_import_builder_new (display_name, _("SIPRI’s military expenditure workbook"));
  pledge_import_builder_set_sheet (builder, sheet_name);
  if (strcmp (sheet_name, DEFAULT_SHEET) == 0)
    s.slot = PLEDGE_FIELD_DEFENCE_GDP;
  else if (g_str_has_prefix (lower, "current us$"))
    s.slot = PLEDGE_FIELD_DEFENCE;
  else if (g_str_has_prefix (lower, "constant (") && strstr (lower, "us$") != NULL)
    {
      guint64 year;
      g_autofree char *prices = NULL;
      g_autofree char *digits = g_strndup (lower + 10, 4);

      if (!g_ascii_string_to_unsigned (digits, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &year, NULL))
        year = 0;
      s.slot = PLEDGE_FIELD_DEFENCE;
      prices = year ? g_strdup_printf ("constant-%d", (int) year) : g_strdup ("constant");
      pledge_import_builder_set_units (builder, "USD", "million", prices, 0);
    }
  else
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_SHEET,
                   _("%s: the sheet \"%s\" holds no figure a dataset has; choose \"Share of "
                     "GDP\", a constant US$ sheet or \"Current US$\""), display_name, sheet_name);
      return NULL;
    }

  s.workbook = workbook;
  s.builder = builder;
  s.sheet = sheet;
  s.years = years;
  if (!pledge_workbook_read_sheet (workbook, sheet, on_row, &s, error))
    {
      g_free (s.title);
      return NULL;
    }
  if (!s.header_found)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_DATA,
                   _("%s: sheet \"%s\" has no header row of “Country” and years"),
                   display_name, sheet_name);
      g_free (s.title);
      return NULL;
    }

  /* "Military expenditure by country ..., 1949-2024     © SIPRI 2024" */
  if (s.title != NULL)
    {
      char *copyright = strstr (s.title, "©");

      if (copyright != NULL)
        *copyright = '\0';
      g_strstrip (s.title);
    }
  title = g_strdup_printf (_("%s (SIPRI)"), s.title && *s.title ? s.title : sheet_name);
  g_free (s.title);
  pledge_import_builder_set_title (builder, title);
  pledge_import_builder_add_source (builder, "https://www.sipri.org/databases/milex",
                                    "SIPRI Military Expenditure Database");
  /* xgettext:no-c-format */
  pledge_import_builder_add_note (builder, _("Imported from SIPRI’s workbook. SIPRI’s terms: "
                                             "non-commercial use only, cite the SIPRI Military "
                                             "Expenditure Database, and do not republish more "
                                             "than 10% of it."));
  pledge_import_builder_add_note (builder, _("Figures SIPRI shows in blue (its estimates) or "
                                             "red (highly uncertain) are marked as estimates."));
  return pledge_import_builder_finish (builder, report, error);
}
