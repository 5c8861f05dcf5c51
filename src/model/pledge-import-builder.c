/* pledge-import-builder.c: imported figures into a dataset
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importers hand over figures by member, year and name; the builder
 * writes them as the dataset format's XML, in memory, and loads that with
 * the loader: an import is checked by the same code as any file, and the
 * figure logic (which members, which targets, which version) is here once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-import-private.h"
#include "pledge-number.h"

#define N_YEARS (PLEDGE_YEAR_MAX - PLEDGE_YEAR_MIN + 1)
#define N_LEFT 3

typedef struct
{
  double   values[PLEDGE_IMPORT_N_SLOTS];
  guint16  present;
  gboolean estimate;
} Year;

struct _PledgeImportBuilder
{
  char       *display_name;
  char       *kind;
  char       *title;
  char       *sheet;
  GPtrArray  *sources;   /* href (or ""), text, href, text, ... */
  GPtrArray  *notes;
  char       *currency;
  char       *scale;
  char       *prices;
  int         constant_year;
  char       *edition_name;
  char       *edition_date;
  char       *edition_basis;
  Year       *years[32];  /* per member, N_YEARS each, made when first used */
  GHashTable *left[N_LEFT];
};

/* The bundled datasets' targets (build-aux/make-datasets.py), in English
 * like the bundled files: a dataset's content does not depend on the locale. */
static const struct
{
  const char *id;
  const char *metric;
  const char *min;
  int         from;
  int         due;
  const char *name;
} targets[] = {
  { "gdp-2", "defence-gdp", "2", 2014, 0, "Defence Investment Pledge: 2% of GDP on defence" },
  { "equipment-20", "equipment-defence", "20", 2014, 0,
    "20% of defence spending on major equipment" },
  { "core-3.5", "defence-gdp", "3.5", 0, 2035, "The Hague 2025: 3.5% of GDP on core defence" },
  { "total-5", "total-gdp", "5", 0, 2035,
    "The Hague 2025: 5% of GDP on defence and resilience" },
};

PledgeImportBuilder *
pledge_import_builder_new (const char *display_name,
                           const char *kind)
{
  PledgeImportBuilder *self = g_new0 (PledgeImportBuilder, 1);

  G_STATIC_ASSERT (PLEDGE_IMPORT_N_SLOTS <= 16);
  g_assert (pledge_import_n_members () <= G_N_ELEMENTS (self->years));

  self->display_name = g_strdup (display_name);
  self->kind = g_strdup (kind);
  self->sources = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->currency = g_strdup ("USD");
  self->scale = g_strdup ("million");
  self->prices = g_strdup ("current");
  for (guint i = 0; i < N_LEFT; i++)
    self->left[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
pledge_import_builder_free (PledgeImportBuilder *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->sheet);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->notes);
  g_free (self->currency);
  g_free (self->scale);
  g_free (self->prices);
  g_free (self->edition_name);
  g_free (self->edition_date);
  g_free (self->edition_basis);
  for (guint i = 0; i < G_N_ELEMENTS (self->years); i++)
    g_free (self->years[i]);
  for (guint i = 0; i < N_LEFT; i++)
    g_hash_table_unref (self->left[i]);
  g_free (self);
}

void
pledge_import_builder_set_title (PledgeImportBuilder *self,
                                 const char          *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
pledge_import_builder_add_source (PledgeImportBuilder *self,
                                  const char          *href,
                                  const char          *text)
{
  g_ptr_array_add (self->sources, g_strdup (href ? href : ""));
  g_ptr_array_add (self->sources, g_strdup (text));
}

void
pledge_import_builder_add_note (PledgeImportBuilder *self,
                                const char          *text)
{
  g_ptr_array_add (self->notes, g_strdup (text));
}

void
pledge_import_builder_set_units (PledgeImportBuilder *self,
                                 const char          *currency,
                                 const char          *scale,
                                 const char          *prices,
                                 int                  constant_year)
{
  g_free (self->currency);
  g_free (self->scale);
  g_free (self->prices);
  self->currency = g_strdup (currency);
  self->scale = g_strdup (scale);
  self->prices = g_strdup (prices);
  self->constant_year = constant_year;
}

void
pledge_import_builder_set_edition (PledgeImportBuilder *self,
                                   const char          *name,
                                   const char          *date,
                                   const char          *basis)
{
  g_free (self->edition_name);
  g_free (self->edition_date);
  g_free (self->edition_basis);
  self->edition_name = g_strdup (name);
  self->edition_date = g_strdup (date);
  self->edition_basis = g_strdup (basis);
}

void
pledge_import_builder_set_sheet (PledgeImportBuilder *self,
                                 const char          *sheet)
{
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
}

static Year *
get_year (PledgeImportBuilder *self,
          guint                member,
          int                  year,
          gboolean             create)
{
  g_assert (member < pledge_import_n_members ());
  g_assert (year >= PLEDGE_YEAR_MIN && year <= PLEDGE_YEAR_MAX);

  if (self->years[member] == NULL)
    {
      if (!create)
        return NULL;
      self->years[member] = g_new0 (Year, N_YEARS);
    }
  return &self->years[member][year - PLEDGE_YEAR_MIN];
}

gboolean
pledge_import_builder_set (PledgeImportBuilder *self,
                           guint                member,
                           int                  year,
                           guint                slot,
                           double               value)
{
  Year *y;

  g_return_val_if_fail (slot < PLEDGE_IMPORT_N_SLOTS, FALSE);
  g_return_val_if_fail (isfinite (value), FALSE);

  y = get_year (self, member, year, TRUE);
  if (y->present & (1u << slot))
    return FALSE;
  y->values[slot] = value;
  y->present |= 1u << slot;
  return TRUE;
}

gboolean
pledge_import_builder_has (PledgeImportBuilder *self,
                           guint                member,
                           int                  year,
                           guint                slot)
{
  Year *y = get_year (self, member, year, FALSE);

  return y != NULL && (y->present & (1u << slot)) != 0;
}

double
pledge_import_builder_get (PledgeImportBuilder *self,
                           guint                member,
                           int                  year,
                           guint                slot)
{
  Year *y = get_year (self, member, year, FALSE);

  if (y == NULL || (y->present & (1u << slot)) == 0)
    return NAN;
  return y->values[slot];
}

void
pledge_import_builder_set_estimate (PledgeImportBuilder *self,
                                    guint                member,
                                    int                  year)
{
  get_year (self, member, year, TRUE)->estimate = TRUE;
}

void
pledge_import_builder_leave_out (PledgeImportBuilder *self,
                                 const char          *name,
                                 PledgeImportLeft     why)
{
  g_return_if_fail (why < N_LEFT);
  if (g_hash_table_size (self->left[why]) < 100000)
    g_hash_table_add (self->left[why], g_strdup (name));
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_number (GString *out,
               double   value)
{
  char buf[PLEDGE_NUMBER_BUF_SIZE];

  if (value < 0)
    g_string_append_c (out, '-');
  g_string_append (out, pledge_number_format (buf, fabs (value)));
}

static gboolean
uses_version_2 (PledgeImportBuilder *self)
{
  const guint16 extras = ((1u << PLEDGE_IMPORT_N_SLOTS) - 1) & ~((1u << PLEDGE_N_FIELDS) - 1);

  if (self->edition_name != NULL || self->constant_year != 0)
    return TRUE;
  for (guint m = 0; m < pledge_import_n_members (); m++)
    for (guint i = 0; self->years[m] != NULL && i < N_YEARS; i++)
      if (self->years[m][i].present & extras)
        return TRUE;
  return FALSE;
}

static void
write_members (PledgeImportBuilder *self,
               GString             *out,
               PledgeImportReport  *report)
{
  g_string_append (out, "  <members>\n");
  for (guint m = 0; m < pledge_import_n_members (); m++)
    {
      const PledgeImportMember *member = pledge_import_get_member (m);
      gboolean any = FALSE;

      g_string_append_printf (out, "    <member code=\"%s\" name=\"", member->code);
      append_escaped (out, member->name);
      g_string_append_printf (out, "\" joined=\"%d\">\n", member->joined);
      for (guint i = 0; self->years[m] != NULL && i < N_YEARS; i++)
        {
          const Year *y = &self->years[m][i];
          int year = PLEDGE_YEAR_MIN + i;

          if (y->present == 0)
            continue;
          g_string_append_printf (out, "      <figures year=\"%d\"", year);
          for (guint slot = 0; slot < PLEDGE_IMPORT_N_SLOTS; slot++)
            if (y->present & (1u << slot))
              {
                g_string_append_printf (out, " %s=\"", pledge_import_slot_name (slot));
                append_number (out, y->values[slot]);
                g_string_append_c (out, '"');
              }
          if (y->estimate)
            g_string_append (out, " estimate=\"true\"");
          g_string_append (out, "/>\n");

          any = TRUE;
          report->n_figures++;
          if (report->first_year == 0 || year < report->first_year)
            report->first_year = year;
          if (year > report->last_year)
            report->last_year = year;
        }
      g_string_append (out, "    </member>\n");
      if (any)
        report->n_members++;
    }
  g_string_append (out, "  </members>\n");
}

PledgeDataset *
pledge_import_builder_finish (PledgeImportBuilder *self,
                              PledgeImportReport **report_out,
                              GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PledgeImportReport) report = g_new0 (PledgeImportReport, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *xml_name = NULL;
  PledgeDataset *dataset;

  report->kind = g_strdup (self->kind);
  report->sheet = g_strdup (self->sheet);
  report->n_non_members = g_hash_table_size (self->left[PLEDGE_IMPORT_LEFT_NON_MEMBER]);
  report->n_former = g_hash_table_size (self->left[PLEDGE_IMPORT_LEFT_FORMER]);
  report->n_aggregates = g_hash_table_size (self->left[PLEDGE_IMPORT_LEFT_AGGREGATE]);

  g_string_append_printf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<pledge-dataset version=\"%d\">\n  <title>",
                          uses_version_2 (self) ? 2 : 1);
  append_escaped (out, self->title ? self->title : self->display_name);
  g_string_append (out, "</title>\n");
  if (self->edition_name != NULL)
    {
      g_string_append (out, "  <edition date=\"");
      append_escaped (out, self->edition_date);
      g_string_append_c (out, '"');
      if (self->edition_basis != NULL)
        {
          g_string_append (out, " basis=\"");
          append_escaped (out, self->edition_basis);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
      append_escaped (out, self->edition_name);
      g_string_append (out, "</edition>\n");
    }
  for (guint i = 0; i + 1 < self->sources->len; i += 2)
    {
      const char *href = self->sources->pdata[i];

      g_string_append (out, "  <source");
      if (*href != '\0')
        {
          g_string_append (out, " href=\"");
          append_escaped (out, href);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
      append_escaped (out, self->sources->pdata[i + 1]);
      g_string_append (out, "</source>\n");
    }
  for (guint i = 0; i < self->notes->len; i++)
    {
      g_string_append (out, "  <note>");
      append_escaped (out, self->notes->pdata[i]);
      g_string_append (out, "</note>\n");
    }
  g_string_append_printf (out, "  <units currency=\"%s\" scale=\"%s\" prices=\"%s\"",
                          self->currency, self->scale, self->prices);
  if (self->constant_year != 0)
    g_string_append_printf (out, " constant=\"%d\"", self->constant_year);
  g_string_append (out, "/>\n  <targets>\n");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_string_append_printf (out, "    <target id=\"%s\" metric=\"%s\" min=\"%s\"",
                              targets[i].id, targets[i].metric, targets[i].min);
      if (targets[i].from != 0)
        g_string_append_printf (out, " from=\"%d\"", targets[i].from);
      if (targets[i].due != 0)
        g_string_append_printf (out, " due=\"%d\"", targets[i].due);
      g_string_append (out, " name=\"");
      append_escaped (out, targets[i].name);
      g_string_append (out, "\"/>\n");
    }
  g_string_append (out, "  </targets>\n");

  write_members (self, out, report);
  if (report->n_figures == 0)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_NO_DATA,
                   _("%s: no figures for any NATO member"), self->display_name);
      return NULL;
    }
  g_string_append (out, "</pledge-dataset>\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  /* Errors here are the importer's: say which file they came from. */
  xml_name = g_strdup_printf (_("%s (imported)"), self->display_name);
  dataset = pledge_dataset_load_from_bytes (bytes, xml_name, &local_error);
  if (dataset == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return dataset;
}
