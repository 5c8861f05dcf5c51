/* pledge-import-csv.c: tidy CSV and Our World in Data's grapher CSV
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: fields separated by commas (or semicolons, as a German
 * spreadsheet writes them, where a decimal comma is accepted too), quoted
 * with double quotes, quotes doubled inside; CRLF or LF line ends. UTF-8
 * with or without a byte order mark; anything else is refused with what it
 * looks like. The file is read a record at a time, so a million rows cost
 * the figures they hold and nothing more.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-import-private.h"

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  char        sep;
  guint       line;         /* the line pos is on */
  guint       record_line;  /* the line the last record started on */
  GPtrArray  *fields;       /* GString, reused */
  guint       n_fields;
  const char *display_name;
} Csv;

static void
csv_error (Csv        *c,
           guint       line,
           GError    **error,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
csv_error (Csv        *c,
           guint       line,
           GError    **error,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID,
               "%s:%u: %s", c->display_name, line, message);
}

static GString *
next_field (Csv *c)
{
  GString *field;

  if (c->n_fields == c->fields->len)
    g_ptr_array_add (c->fields, g_string_new (NULL));
  field = c->fields->pdata[c->n_fields++];
  g_string_truncate (field, 0);
  return field;
}

static const char *
field (Csv  *c,
       guint i)
{
  return ((GString *) c->fields->pdata[i])->str;
}

/* Reads one record into c->fields. FALSE at the end of the file (*error
 * unset) or on an error. */
static gboolean
csv_next (Csv     *c,
          GError **error)
{
  GString *f;

  if (c->pos >= c->length)
    return FALSE;

  c->n_fields = 0;
  c->record_line = c->line;
  f = next_field (c);
  for (;;)
    {
      char ch;

      if (c->pos >= c->length)
        return TRUE;
      ch = c->data[c->pos];
      if (ch == '"' && f->len == 0)
        {
          /* A quoted field, to its closing quote */
          c->pos++;
          for (;;)
            {
              if (c->pos >= c->length)
                {
                  csv_error (c, c->record_line, error,
                             _("a quoted field that never ends"));
                  return FALSE;
                }
              ch = c->data[c->pos++];
              if (ch == '"')
                {
                  if (c->pos < c->length && c->data[c->pos] == '"')
                    c->pos++;
                  else
                    break;
                }
              else if (ch == '\n')
                c->line++;
              g_string_append_c (f, ch);
              if (f->len > PLEDGE_IMPORT_MAX_FIELD_SIZE)
                {
                  csv_error (c, c->record_line, error, _("a field longer than %d MiB"),
                             PLEDGE_IMPORT_MAX_FIELD_SIZE / (1024 * 1024));
                  return FALSE;
                }
            }
          if (c->pos < c->length && c->data[c->pos] != c->sep &&
              c->data[c->pos] != '\r' && c->data[c->pos] != '\n')
            {
              csv_error (c, c->line, error, _("text after the closing quote of a field"));
              return FALSE;
            }
          if (c->pos >= c->length)
            return TRUE;
          ch = c->data[c->pos];
          if (ch == c->sep)
            {
              c->pos++;
              f = next_field (c);
              continue;
            }
        }
      if (ch == c->sep)
        {
          c->pos++;
          f = next_field (c);
        }
      else if (ch == '\r' || ch == '\n')
        {
          c->pos++;
          if (ch == '\r' && c->pos < c->length && c->data[c->pos] == '\n')
            c->pos++;
          c->line++;
          return TRUE;
        }
      else
        {
          if (ch == '"')
            {
              csv_error (c, c->line, error, _("a quote inside an unquoted field"));
              return FALSE;
            }
          g_string_append_c (f, ch);
          c->pos++;
          if (f->len > PLEDGE_IMPORT_MAX_FIELD_SIZE)
            {
              csv_error (c, c->record_line, error, _("a field longer than %d MiB"),
                         PLEDGE_IMPORT_MAX_FIELD_SIZE / (1024 * 1024));
              return FALSE;
            }
        }
    }
}

static gboolean
blank_record (Csv *c)
{
  return c->n_fields == 1 && *field (c, 0) == '\0';
}

/* UTF-8, or a message saying what the file looks like instead. */
static gboolean
check_encoding (const char  *data,
                gsize        length,
                const char  *display_name,
                GError     **error)
{
  const char *end;
  gsize nuls = 0;
  guint line = 1;

  if (length >= 2 && (((guint8) data[0] == 0xff && (guint8) data[1] == 0xfe) ||
                      ((guint8) data[0] == 0xfe && (guint8) data[1] == 0xff)))
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_ENCODING,
                   _("%s: the file is in UTF-16; save it as UTF-8 CSV"), display_name);
      return FALSE;
    }
  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (gsize i = 0; i < MIN (length, 4096); i++)
    nuls += data[i] == '\0';
  if (nuls > 0)
    {
      if (nuls * 4 >= MIN (length, 4096))
        g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_ENCODING,
                     _("%s: the file looks like UTF-16 (every other byte is zero); "
                       "save it as UTF-8 CSV"), display_name);
      else
        g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_ENCODING,
                     _("%s: not a text file (it holds zero bytes)"), display_name);
      return FALSE;
    }
  for (const char *p = data; p < end; p++)
    line += *p == '\n';
  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_ENCODING,
               _("%s:%u: not UTF-8: the byte 0x%02X looks like Latin-1 (ISO 8859-1) or "
                 "Windows-1252; save the file as UTF-8 CSV"),
               display_name, line, (guint8) *end);
  return FALSE;
}

/* Commas, or semicolons where the first line has more of them. */
static char
guess_separator (const char *data,
                 gsize       length)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && (quoted || (data[i] != '\n' && data[i] != '\r')); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == ',')
        commas++;
      else if (!quoted && data[i] == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
is_missing (const char *text)
{
  static const char *markers[] = { "", "...", "..", ". .", "xxx", "NA", "N/A", "n/a" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strcmp (text, markers[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef enum
{
  NUMBER_OK,
  NUMBER_MISSING,
  NUMBER_BAD,
} NumberResult;

/* A number as a spreadsheet writes it: optional '-', digits, a '.' (or a
 * ',' in a semicolon-separated file), an exponent. No thousands
 * separators. */
static NumberResult
parse_number (const char *text,
              char        sep,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  char *p;

  if (is_missing (copy))
    return NUMBER_MISSING;
  for (p = copy; *p != '\0'; p++)
    {
      if (*p == ',' && sep == ';')
        *p = '.';
      else if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' &&
               *p != 'e' && *p != 'E')
        return NUMBER_BAD;
    }
  if (strchr (copy, '.') != strrchr (copy, '.'))
    return NUMBER_BAD;
  *value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (*value))
    return NUMBER_BAD;
  return NUMBER_OK;
}

typedef struct
{
  Csv                  csv;
  PledgeImportBuilder *builder;
  GHashTable          *matches;  /* text -> index + 1, or a negative PledgeImportLeft - 1 */
  const char         **slot_names;
} Reader;

/* Member index, or -1 when the row is left out. */
static int
match_cached (Reader     *r,
              const char *text,
              gboolean    aggregate)
{
  gpointer found;
  int value;
  guint index;

  if (g_hash_table_lookup_extended (r->matches, text, NULL, &found))
    return GPOINTER_TO_INT (found) > 0 ? GPOINTER_TO_INT (found) - 1 : -1;

  switch (aggregate ? PLEDGE_IMPORT_MATCH_NON_MEMBER : pledge_import_match (text, &index))
    {
    case PLEDGE_IMPORT_MATCH_MEMBER:
      value = index + 1;
      break;
    case PLEDGE_IMPORT_MATCH_FORMER:
      pledge_import_builder_leave_out (r->builder, text, PLEDGE_IMPORT_LEFT_FORMER);
      value = -1;
      break;
    case PLEDGE_IMPORT_MATCH_NON_MEMBER:
    default:
      pledge_import_builder_leave_out (r->builder, text, aggregate ? PLEDGE_IMPORT_LEFT_AGGREGATE
                                                                   : PLEDGE_IMPORT_LEFT_NON_MEMBER);
      value = -1;
      break;
    }
  if (g_hash_table_size (r->matches) < 100000)
    g_hash_table_insert (r->matches, g_strdup (text), GINT_TO_POINTER (value));
  return value > 0 ? value - 1 : -1;
}

static gboolean
parse_year (Reader     *r,
            const char *text,
            int        *year,
            GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 y;

  if (!g_ascii_string_to_unsigned (copy, 10, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX, &y, NULL))
    {
      csv_error (&r->csv, r->csv.record_line, error, _("“%s” is not a year from %d to %d"),
                 copy, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX);
      return FALSE;
    }
  *year = y;
  return TRUE;
}

static gboolean
set_figure (Reader     *r,
            guint       member,
            int         year,
            guint       slot,
            const char *text,
            const char *column,
            GError    **error)
{
  double value;

  switch (parse_number (text, r->csv.sep, &value))
    {
    case NUMBER_MISSING:
      return TRUE;
    case NUMBER_BAD:
      csv_error (&r->csv, r->csv.record_line, error, _("column “%s”: “%s” is not a number"),
                 column, text);
      return FALSE;
    case NUMBER_OK:
    default:
      break;
    }
  if (value < 0 && slot != PLEDGE_IMPORT_SLOT_EXTRA (PLEDGE_EXTRA_REAL_CHANGE))
    {
      csv_error (&r->csv, r->csv.record_line, error, _("column “%s”: %s is negative"),
                 column, text);
      return FALSE;
    }
  if (!pledge_import_builder_set (r->builder, member, year, slot, value))
    {
      csv_error (&r->csv, r->csv.record_line, error,
                 _("%s %d has a second “%s”"), pledge_import_get_member (member)->name, year,
                 pledge_import_slot_name (slot));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_width (Reader  *r,
             guint    width,
             GError **error)
{
  if (r->csv.n_fields == width)
    return TRUE;
  csv_error (&r->csv, r->csv.record_line, error,
             g_dngettext (GETTEXT_PACKAGE, "%u field where the header has %u",
                          "%u fields where the header has %u", r->csv.n_fields),
             r->csv.n_fields, width);
  return FALSE;
}

/* The column's role in a tidy CSV. */
enum { COL_MEMBER = -1, COL_YEAR = -2, COL_NAME = -3, COL_ESTIMATE = -4 };

static gboolean
read_tidy (Reader  *r,
           GError **error)
{
  Csv *c = &r->csv;
  g_autofree int *roles = g_new0 (int, c->n_fields);
  guint width = c->n_fields;
  int member_col = -1, year_col = -1, estimate_col = -1;
  guint seen = 0;

  for (guint i = 0; i < width; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (field (c, i)));
      g_autofree char *name = g_ascii_strdown (stripped, -1);
      guint slot;

      if (strcmp (name, "member") == 0)
        roles[i] = COL_MEMBER, member_col = i;
      else if (strcmp (name, "year") == 0)
        roles[i] = COL_YEAR, year_col = i;
      else if (strcmp (name, "name") == 0)
        roles[i] = COL_NAME;
      else if (strcmp (name, "estimate") == 0)
        roles[i] = COL_ESTIMATE, estimate_col = i;
      else if (pledge_import_slot_from_name (name, &slot))
        {
          if (seen & (1u << slot))
            {
              csv_error (c, 1, error, _("the column “%s” twice"), name);
              return FALSE;
            }
          seen |= 1u << slot;
          roles[i] = slot;
        }
      else
        {
          csv_error (c, 1, error, _("unknown column “%s”; the columns are member, year, name, "
                                    "estimate and the figures of the dataset format "
                                    "(defence, gdp, defence-gdp, equipment, related, ...)"),
                     field (c, i));
          return FALSE;
        }
    }
  if (member_col < 0 || year_col < 0)
    {
      csv_error (c, 1, error, _("the header needs a “member” and a “year” column"));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      int member, year;

      if (!csv_next (c, &local_error))
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (blank_record (c))
        continue;
      if (!check_width (r, width, error))
        return FALSE;
      member = match_cached (r, g_strstrip (((GString *) c->fields->pdata[member_col])->str),
                             FALSE);
      if (member < 0)
        continue;
      if (!parse_year (r, field (c, year_col), &year, error))
        return FALSE;
      for (guint i = 0; i < width; i++)
        if (roles[i] >= 0 &&
            !set_figure (r, member, year, roles[i], field (c, i),
                         pledge_import_slot_name (roles[i]), error))
          return FALSE;
      if (estimate_col >= 0)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (field (c, estimate_col)));
          g_autofree char *e = g_ascii_strdown (stripped, -1);

          if (strcmp (e, "true") == 0 || strcmp (e, "1") == 0 || strcmp (e, "yes") == 0 ||
              strcmp (e, "e") == 0)
            pledge_import_builder_set_estimate (r->builder, member, year);
          else if (*e != '\0' && strcmp (e, "false") != 0 && strcmp (e, "0") != 0 &&
                   strcmp (e, "no") != 0)
            {
              csv_error (c, c->record_line, error,
                         _("column “estimate”: “%s” is not true or false"), e);
              return FALSE;
            }
        }
    }
}

static gboolean
read_owid (Reader                    *r,
           const PledgeImportOptions *options,
           GError                   **error)
{
  Csv *c = &r->csv;
  guint width = c->n_fields;
  g_autofree char *value_name = g_strdup (field (c, 3));
  g_autofree char *lower = g_ascii_strdown (value_name, -1);
  guint slot;

  if (options->measure != NULL)
    {
      if (!pledge_import_slot_from_name (options->measure, &slot))
        {
          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID,
                       _("%s: --measure=%s is not a figure of the dataset format "
                         "(defence, gdp, defence-gdp, equipment, related, ...)"),
                       c->display_name, options->measure);
          return FALSE;
        }
    }
  else if (strstr (lower, "% of gdp") != NULL || strstr (lower, "share of gdp") != NULL)
    slot = PLEDGE_FIELD_DEFENCE_GDP;
  else
    {
      csv_error (c, 1, error, _("which figure is the column “%s”? Say it with --measure "
                                "(defence, gdp, defence-gdp, ...)"), value_name);
      return FALSE;
    }
  pledge_import_builder_set_title (r->builder, value_name);
  if (slot != PLEDGE_FIELD_DEFENCE_GDP)
    pledge_import_builder_set_units (r->builder, "USD", "unit",
                                     strstr (lower, "constant") ? "constant" : "current", 0);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      const char *code;
      int member, year;

      if (!csv_next (c, &local_error))
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (blank_record (c))
        continue;
      if (!check_width (r, width, error))
        return FALSE;

      code = field (c, 1);
      /* Regions and totals have no code; OWID's own codes ("OWID_KOS")
       * are countries without an ISO code, matched by name */
      if (*code == '\0')
        member = match_cached (r, field (c, 0),
                               pledge_import_match (field (c, 0), NULL) != PLEDGE_IMPORT_MATCH_FORMER);
      else if (g_str_has_prefix (code, "OWID_"))
        member = match_cached (r, field (c, 0), FALSE);
      else
        member = match_cached (r, code, FALSE);
      if (member < 0)
        continue;
      if (!parse_year (r, field (c, 2), &year, error) ||
          !set_figure (r, member, year, slot, field (c, 3), value_name, error))
        return FALSE;
    }
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

PledgeDataset *
pledge_import_csv (GBytes                    *bytes,
                   const char                *display_name,
                   const PledgeImportOptions *options,
                   PledgeImportReport       **report,
                   GError                   **error)
{
  g_autoptr(GHashTable) matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (free_string);
  g_autoptr(PledgeImportBuilder) builder = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader r = { { 0 } };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean owid, ok;

  if (!check_encoding (data, length, display_name, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;

  r.csv.data = data;
  r.csv.length = length;
  r.csv.line = 1;
  r.csv.sep = guess_separator (data, length);
  r.csv.fields = fields;
  r.csv.display_name = display_name;
  r.matches = matches;

  if (!csv_next (&r.csv, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_DATA,
                     _("%s: an empty file"), display_name);
      return NULL;
    }

  owid = r.csv.n_fields >= 4 && strcmp (field (&r.csv, 0), "Entity") == 0 &&
         strcmp (field (&r.csv, 1), "Code") == 0 && strcmp (field (&r.csv, 2), "Year") == 0;
  builder = pledge_import_builder_new (display_name, owid ? _("Our World in Data’s CSV")
                                                          : _("a tidy CSV"));
  r.builder = builder;
  if (owid)
    {
      pledge_import_builder_add_source (builder, "https://ourworldindata.org/",
                                        _("Our World in Data, grapher export"));
      ok = read_owid (&r, options, error);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Imported from %s"), display_name);

      pledge_import_builder_set_title (builder, title);
      ok = read_tidy (&r, error);
    }
  if (!ok)
    return NULL;
  return pledge_import_builder_finish (builder, report, error);
}
