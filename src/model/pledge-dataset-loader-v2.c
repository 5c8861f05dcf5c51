/* pledge-dataset-loader-v2.c: what format version 2 adds to the loader
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * <edition>, units/@constant and the eight PledgeExtra figures
 * (docs/dataset-format.md, "Version 2 additions"). A version 1 file never
 * gets here: there these names are unknown, so a version 1 file stays as
 * strict as it was.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pledge-dataset-loader-private.h"
#include "pledge-number.h"

const char *
pledge_loader_v2_hint (Loader *self)
{
  return _("in a version 1 file (it is new in format version 2: write version=\"2\")");
}

void
pledge_loader_allowed_attributes (Loader     *self,
                                  Element     element,
                                  const char *out[MAX_ATTRIBUTES + 1])
{
  guint n = 0;

  for (; n < self->n_allowed[element]; n++)
    out[n] = pledge_loader_elements[element].attributes[n];
  out[n] = NULL;
}

/* YYYY-MM or YYYY-MM-DD, a real day, the year in the format's range. */
static gboolean
parse_date (const char *text)
{
  gsize len = strlen (text);
  int year, month, day = 1;
  char year_str[5];

  if (len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  memcpy (year_str, text, 4);
  year_str[4] = '\0';
  if (!pledge_year_parse (year_str, &year))
    return FALSE;
  month = (text[5] - '0') * 10 + (text[6] - '0');
  if (len == 10)
    day = (text[8] - '0') * 10 + (text[9] - '0');
  return g_date_valid_dmy (day, month, year);
}

void
pledge_loader_start_edition (Loader *self)
{
  const char *date = pledge_loader_require_attr (self, "", EL_EDITION, "date");
  const char *basis;

  g_string_truncate (self->text, 0);
  if (date == NULL)
    return;
  if (!parse_date (date))
    {
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, "date"),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("edition date \"%s\" is not a date written YYYY-MM or YYYY-MM-DD"),
                             date);
      return;
    }

  basis = pledge_loader_get_attr (self, "basis");
  if (basis != NULL && !pledge_loader_is_token (basis))
    {
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, "basis"),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("edition basis \"%s\" may only have letters, digits, \".\", \"_\" and \"-\""),
                             basis);
      return;
    }

  g_free (self->edition_date);
  self->edition_date = g_strdup (date);
  g_free (self->edition_basis);
  self->edition_basis = g_strdup (basis);
}

void
pledge_loader_end_edition (Loader *self,
                           char   *text)
{
  if (text[0] == '\0')
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                          _("<edition> must not be empty: its text is the edition's name"));
      return;
    }
  pledge_dataset_set_edition (self->dataset, text, self->edition_date, self->edition_basis);
}

/* A -constant figure needs units/@constant, the year of its prices. */
static gboolean
fail_constant (Loader *self)
{
  pledge_loader_fail_at (self, self->constant_line, PLEDGE_DATASET_ERROR_INVALID,
                         _("%s%s is at constant prices, but <units> gives no constant=\"YEAR\" for them"),
                         self->constant_context, self->constant_name);
  return FALSE;
}

/* Where <units> came after the figures: checked once the root ends. */
gboolean
pledge_loader_check_constant (Loader *self)
{
  if (self->constant_line > 0 && pledge_dataset_get_constant_year (self->dataset) == 0)
    return fail_constant (self);
  return TRUE;
}

/* The hot path of a version 2 file: the extras of one <figures>. Storage
 * comes from the dataset only when there is a figure to keep. */
gboolean
pledge_loader_parse_extras (Loader        *self,
                            PledgeFigures *f)
{
  const char *context = self->member_context;
  double *slot = NULL;

  for (PledgeExtra e = 0; e < PLEDGE_N_EXTRAS; e++)
    {
      const char *text = self->values[FIGURES_EXTRA + e];
      const char *name;
      double value;

      if (text == NULL)
        continue;
      name = pledge_extra_to_string (e);
      if (e == PLEDGE_EXTRA_REAL_CHANGE
          ? !pledge_loader_parse_signed_number (self, context, name, text, &value)
          : !pledge_loader_parse_number (self, context, name, text, &value))
        return FALSE;

      if (slot == NULL)
        f->extra = slot = pledge_dataset_alloc_extras (self->dataset);
      slot[e] = value;
      f->extra_present |= 1u << e;

      if ((e == PLEDGE_EXTRA_DEFENCE_CONSTANT || e == PLEDGE_EXTRA_GDP_CONSTANT) &&
          self->constant_line == 0)
        {
          self->constant_line = pledge_loader_attr_line (self, name);
          self->constant_context = g_strdup (context);
          self->constant_name = name;
          /* Known now where <units> came first, as it usually does. */
          if (self->seen[EL_UNITS] && !pledge_loader_check_constant (self))
            return FALSE;
        }
    }
  return TRUE;
}
