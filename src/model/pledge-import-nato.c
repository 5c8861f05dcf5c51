/* pledge-import-nato.c: NATO's defence expenditure TABLES workbooks
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sheet a table ("TABLE1" ... "TABLE8b"): a title ("Table 3 : Defence
 * expenditure as a share of GDP and annual real change"), a unit line, a
 * header of years ("2023e" for estimates), then sections ("Share of real
 * GDP (%)", "Annual real change (%)") of one row a member and the NATO
 * aggregates. Every table that holds figures of the dataset format goes
 * into one version 2 dataset, at the workbook's full precision; the
 * sections are recognised by their words, not by their table's number, so
 * other editions read too.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-import-private.h"

enum
{
  SKIP = -1,
  GDP_PER_CAPITA = -2,
};

typedef struct
{
  PledgeWorkbook      *workbook;
  PledgeImportBuilder *builder;
  guint                sheet;
  char                *title;
  char                *unit;
  GHashTable          *years;     /* column -> year, negative for an estimate */
  int                  slot;      /* of the current section */
  gboolean             took_any;  /* of this table */
  /* the whole workbook */
  int                  constant_year;
  int                  first_year;
  int                  last_year;
  GHashTable          *per_capita;   /* member * 10000 + year -> double * */
  GPtrArray           *notes;
  GHashTable          *notes_seen;
  GPtrArray           *left_tables;
} Nato;

gboolean
pledge_import_is_nato (PledgeWorkbook *workbook)
{
  for (guint i = 0; i < pledge_workbook_n_sheets (workbook); i++)
    {
      const char *name = pledge_workbook_sheet_name (workbook, i);

      if (g_ascii_strncasecmp (name, "TABLE", 5) == 0 && g_ascii_isdigit (name[5]))
        return TRUE;
    }
  return FALSE;
}

static int
header_year (const PledgeCell *cell)
{
  if (cell->kind == PLEDGE_CELL_NUMBER && cell->number == floor (cell->number) &&
      cell->number >= PLEDGE_YEAR_MIN && cell->number <= PLEDGE_YEAR_MAX)
    return cell->number;
  if (cell->kind == PLEDGE_CELL_TEXT)
    {
      g_autofree char *t = g_strstrip (g_strdup (cell->text));
      gsize n = strlen (t);
      gboolean estimate = n == 5 && (t[4] == 'e' || t[4] == 'E');
      guint64 y;

      if (estimate)
        t[4] = '\0';
      if (g_ascii_string_to_unsigned (t, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &y, NULL))
        return estimate ? -(int) y : (int) y;
    }
  return 0;
}

static int
constant_year_of (const char *section)
{
  for (const char *p = section; *p != '\0'; p++)
    {
      guint64 y;
      g_autofree char *digits = g_strndup (p, 4);

      if (strlen (digits) == 4 &&
          g_ascii_string_to_unsigned (digits, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &y, NULL) &&
          !g_ascii_isdigit (p[4]))
        return y;
    }
  return 0;
}

/* Which figure a section holds, by the words of the table and section. */
static int
classify (Nato       *n,
          const char *section)
{
  g_autofree char *t = g_ascii_strdown (n->title ? n->title : "", -1);
  g_autofree char *u = g_ascii_strdown (n->unit ? n->unit : "", -1);
  g_autofree char *s = g_ascii_strdown (section ? section : "", -1);
  g_strstrip (s);

  if (strstr (u, "national currenc") != NULL)
    return SKIP;
  if (strstr (t, "per capita") != NULL)
    return strstr (s, "gdp per capita") != NULL ? GDP_PER_CAPITA : SKIP;
  if (strstr (s, "share of real gdp") != NULL || strstr (s, "share of gdp") != NULL)
    return PLEDGE_FIELD_DEFENCE_GDP;
  if (strstr (s, "real change") != NULL)
    return PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_REAL_CHANGE);
  if (strstr (t, "military personnel") != NULL)
    return PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_MILITARY_PERSONNEL);
  if (strstr (u, "percentage of total defence") != NULL || strstr (t, "by main category") != NULL)
    {
      if (g_str_has_prefix (s, "equipment"))
        return PLEDGE_FIELD_EQUIPMENT;
      if (g_str_has_prefix (s, "personnel"))
        return PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_PERSONNEL_SPENDING);
      if (g_str_has_prefix (s, "infrastructure"))
        return PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_INFRASTRUCTURE);
      if (g_str_has_prefix (s, "other"))
        return PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_OTHER_SPENDING);
      return SKIP;
    }
  if (strstr (u, "million us dollars") != NULL && *s != '\0')
    {
      gboolean gdp = strstr (t, "gdp") != NULL && strstr (t, "defence") == NULL;
      gboolean constant = strstr (s, "constant") != NULL;

      if (constant)
        {
          int year = constant_year_of (s);

          if (year == 0 || (n->constant_year != 0 && n->constant_year != year))
            return SKIP;
          n->constant_year = year;
          return gdp ? PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_GDP_CONSTANT)
                     : PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_DEFENCE_CONSTANT);
        }
      if (strstr (s, "current") != NULL)
        return gdp ? PLEDGE_FIELD_GDP : PLEDGE_FIELD_DEFENCE;
    }
  return SKIP;
}

static gboolean
is_aggregate (const char *label)
{
  return g_str_has_prefix (label, "NATO ") || g_str_has_prefix (label, "NATO\xc2\xa0");
}

static void
add_note (Nato       *n,
          const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (n->notes->len >= 40 || g_hash_table_contains (n->notes_seen, t))
    return;
  g_hash_table_add (n->notes_seen, g_strdup (t));
  g_ptr_array_add (n->notes, g_steal_pointer (&t));
}

static gboolean
on_row (const PledgeRow *row,
        gpointer         user_data,
        GError         **error)
{
  Nato *n = user_data;
  const char *label = NULL;
  guint n_years = 0, n_numbers = 0;
  guint member;
  PledgeImportMatch match;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const PledgeCell *cell = &row->cells[i];

      if (label == NULL && cell->kind == PLEDGE_CELL_TEXT && *cell->text != '\0' &&
          !g_hash_table_contains (n->years, GUINT_TO_POINTER (cell->col)) &&
          header_year (cell) == 0)
        label = cell->text;
      if (header_year (cell) != 0)
        n_years++;
      if (cell->kind == PLEDGE_CELL_NUMBER &&
          g_hash_table_contains (n->years, GUINT_TO_POINTER (cell->col)))
        n_numbers++;
    }

  if (n->title == NULL)
    {
      if (label != NULL && g_ascii_strncasecmp (label, "Table", 5) == 0)
        n->title = g_strstrip (g_strdup (label));
      return TRUE;
    }
  if (g_hash_table_size (n->years) == 0)
    {
      /* Table 4's two years and two changes are not a table of years */
      if (n_years >= 3)
        {
          for (guint i = 0; i < row->n_cells; i++)
            {
              int year = header_year (&row->cells[i]);

              if (year != 0)
                g_hash_table_insert (n->years, GUINT_TO_POINTER (row->cells[i].col),
                                     GINT_TO_POINTER (year));
            }
          n->slot = classify (n, NULL);
        }
      else if (n->unit == NULL && label != NULL)
        n->unit = g_strstrip (g_strdup (label));
      return TRUE;
    }
  if (label == NULL)
    return TRUE;
  if (n_numbers == 0)
    {
      if (g_str_has_prefix (label, "Note") || g_str_has_prefix (label, "*") ||
          g_str_has_prefix (label, "("))
        add_note (n, label);
      else
        n->slot = classify (n, label);
      return TRUE;
    }
  if (n->slot == SKIP)
    return TRUE;

  if (is_aggregate (label))
    {
      pledge_import_builder_leave_out (n->builder, label, PLEDGE_IMPORT_LEFT_AGGREGATE);
      return TRUE;
    }
  match = pledge_import_match (label, &member);
  if (match != PLEDGE_IMPORT_MATCH_MEMBER)
    {
      pledge_import_builder_leave_out (n->builder, label,
                                       match == PLEDGE_IMPORT_MATCH_FORMER
                                       ? PLEDGE_IMPORT_LEFT_FORMER : PLEDGE_IMPORT_LEFT_NON_MEMBER);
      return TRUE;
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      const PledgeCell *cell = &row->cells[i];
      int year = GPOINTER_TO_INT (g_hash_table_lookup (n->years, GUINT_TO_POINTER (cell->col)));
      gboolean estimate = year < 0;

      if (year == 0 || cell->kind != PLEDGE_CELL_NUMBER)
        continue;
      year = ABS (year);
      if (cell->number < 0 && n->slot != (int) PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_REAL_CHANGE))
        {
          g_autofree char *prefix = pledge_workbook_cell_prefix (n->workbook, n->sheet,
                                                                 row->row, cell->col);

          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID,
                       _("%s%g is negative"), prefix, cell->number);
          return FALSE;
        }
      if (n->slot == GDP_PER_CAPITA)
        {
          double *v = g_new (double, 1);

          *v = cell->number;
          g_hash_table_insert (n->per_capita, GUINT_TO_POINTER (member * 10000 + year), v);
          continue;
        }
      /* The same figure in two tables: the first one read stands */
      pledge_import_builder_set (n->builder, member, year, n->slot, cell->number);
      if (estimate)
        pledge_import_builder_set_estimate (n->builder, member, year);
      n->took_any = TRUE;
      if (n->first_year == 0 || year < n->first_year)
        n->first_year = year;
      n->last_year = MAX (n->last_year, year);
    }
  return TRUE;
}

/* Population in thousands: GDP at constant prices (million US$) over GDP
 * per head (thousand US$, the same prices). */
static void
derive_population (Nato *n)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, n->per_capita);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint member = GPOINTER_TO_UINT (key) / 10000;
      int year = GPOINTER_TO_UINT (key) % 10000;
      double per_head = *(double *) value;
      double gdp = pledge_import_builder_get (n->builder, member, year,
                                              PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_GDP_CONSTANT));

      if (isfinite (gdp) && per_head > 0)
        pledge_import_builder_set (n->builder, member, year,
                                   PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_POPULATION),
                                   gdp / per_head);
    }
}

PledgeDataset *
pledge_import_nato (PledgeWorkbook            *workbook,
                    const char                *display_name,
                    const PledgeImportOptions *options,
                    PledgeImportReport       **report,
                    GError                   **error)
{
  g_autoptr(PledgeImportBuilder) builder = NULL;
  g_autoptr(GHashTable) per_capita = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) notes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) left_tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *edition = NULL;
  const char *modified;
  Nato n = { 0 };

  if (options->sheet != NULL)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_SHEET,
                   _("%s: NATO’s workbook is imported whole; leave out --sheet"), display_name);
      return NULL;
    }

  builder = pledge_import_builder_new (display_name, _("NATO’s defence expenditure tables"));
  n.workbook = workbook;
  n.builder = builder;
  n.per_capita = per_capita;
  n.notes = notes;
  n.notes_seen = notes_seen;
  n.left_tables = left_tables;

  for (guint i = 0; i < pledge_workbook_n_sheets (workbook); i++)
    {
      g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
      gboolean ok;

      n.sheet = i;
      n.years = years;
      n.slot = SKIP;
      n.took_any = FALSE;
      ok = pledge_workbook_read_sheet (workbook, i, on_row, &n, error);
      if (ok && !n.took_any)
        g_ptr_array_add (left_tables, g_strdup (n.title ? n.title
                                                        : pledge_workbook_sheet_name (workbook, i)));
      g_clear_pointer (&n.title, g_free);
      g_clear_pointer (&n.unit, g_free);
      if (!ok)
        return NULL;
    }
  derive_population (&n);

  if (n.first_year == 0)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_DATA,
                   _("%s: no table of NATO’s workbook has figures Pledge can read"), display_name);
      return NULL;
    }

  title = g_strdup_printf ("Defence expenditure of NATO countries, %d-%d (NATO)",
                           n.first_year, n.last_year);
  pledge_import_builder_set_title (builder, title);
  edition = g_strdup_printf ("Defence Expenditure of NATO Countries (%d-%d)",
                             n.first_year, n.last_year);
  modified = pledge_workbook_modified (workbook);
  if (modified != NULL && strlen (modified) >= 10 && modified[4] == '-' && modified[7] == '-')
    {
      g_autofree char *date = g_strndup (modified, 10);

      pledge_import_builder_set_edition (builder, edition, date, NULL);
    }
  pledge_import_builder_add_source (builder, "https://www.nato.int/",
                                    "NATO Public Diplomacy Division, Defence expenditure of NATO "
                                    "countries (TABLES workbook)");
  pledge_import_builder_set_units (builder, "USD", "million", "current", n.constant_year);
  for (guint i = 0; i < notes->len; i++)
    pledge_import_builder_add_note (builder, notes->pdata[i]);
  pledge_import_builder_add_note (builder, "Population is GDP at constant prices over GDP per "
                                           "capita (Table 6), in thousands.");
  if (left_tables->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *note = NULL;

      g_ptr_array_add (left_tables, NULL);
      list = g_strjoinv ("; ", (char **) left_tables->pdata);
      note = g_strdup_printf ("Not imported (national currencies, or repeats of other tables): %s.",
                              list);
      pledge_import_builder_add_note (builder, note);
    }
  return pledge_import_builder_finish (builder, report, error);
}
