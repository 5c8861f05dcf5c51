/* pledge-dataset-loader-scenarios.c: <scenario>, <set> and <grow>
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads each scenario's edits as the file gives them; whether they apply
 * is checked once the whole file is read (pledge_dataset_check_scenarios).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "pledge-dataset-loader-private.h"
#include "pledge-number.h"

void
pledge_loader_start_scenario (Loader *self)
{
  const char *id = pledge_loader_require_attr (self, "", EL_SCENARIO, "id");
  g_autofree char *context = NULL;
  const char *name;

  if (id == NULL)
    return;
  if (!pledge_loader_is_token (id))
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                          _("scenario id \"%s\" may only have letters, digits, \".\", \"_\" and \"-\""),
                          id);
      return;
    }
  context = g_strdup_printf (_("scenario \"%s\": "), id);
  if (g_hash_table_contains (self->scenario_ids, id))
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sthe id is used twice"), context);
      return;
    }
  if (!(name = pledge_loader_require_attr (self, context, EL_SCENARIO, "name")) ||
      !pledge_loader_check_text (self, context, "name", name))
    return;

  g_hash_table_add (self->scenario_ids, g_strdup (id));
  self->scenario = pledge_scenario_new (id, name);
  self->scenario->line = pledge_loader_current_line (self);
  pledge_dataset_take_scenario_unchecked (self->dataset, self->scenario);
}

void
pledge_loader_start_set (Loader *self)
{
  g_autofree char *context = g_strdup_printf (_("scenario \"%s\": "), self->scenario->id);
  const char *member, *year_str, *name;
  PledgeField field = PLEDGE_N_FIELDS;
  g_autoptr(GString) given = g_string_new (NULL);
  guint n_given = 0;
  double value = 0;
  int year;
  PledgeEdit *edit;

  if (!(member = pledge_loader_require_attr (self, context, EL_SET, "member")) ||
      !pledge_loader_check_code (self, context, "member", member) ||
      !(year_str = pledge_loader_require_attr (self, context, EL_SET, "year")) ||
      !pledge_loader_parse_year (self, context, "year", year_str, &year))
    return;

  for (PledgeField f = 0; f < PLEDGE_N_FIELDS; f++)
    if (pledge_loader_get_attr (self, pledge_field_to_string (f)) != NULL)
      {
        if (n_given++ > 0)
          g_string_append (given, ", ");
        g_string_append (given, pledge_field_to_string (f));
        field = f;
      }

  if (n_given != 1)
    {
      if (n_given == 0)
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                            _("%s<set> needs one of defence, defence-gdp, gdp, equipment, related"),
                            context);
      else
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                            _("%s<set> takes exactly one of defence, defence-gdp, gdp, equipment, related, not %s"),
                            context, given->str);
      return;
    }

  name = pledge_field_to_string (field);
  if (!pledge_loader_parse_number (self, context, name, pledge_loader_get_attr (self, name), &value))
    return;

  edit = pledge_edit_new_set (member, year, field, value);
  edit->line = pledge_loader_current_line (self);
  g_ptr_array_add (self->scenario->edits, edit);
}

void
pledge_loader_start_grow (Loader *self)
{
  g_autofree char *context = g_strdup_printf (_("scenario \"%s\": "), self->scenario->id);
  const char *member, *from_str, *to_str, *rate_str, *gdp_rate_str;
  int from, to;
  double rate, gdp_rate = NAN;
  PledgeEdit *edit;

  if (!(member = pledge_loader_require_attr (self, context, EL_GROW, "member")))
    return;
  if (strcmp (member, "*") != 0 && !pledge_loader_check_code (self, context, "member", member))
    return;
  if (!(from_str = pledge_loader_require_attr (self, context, EL_GROW, "from")) ||
      !pledge_loader_parse_year (self, context, "from", from_str, &from) ||
      !(to_str = pledge_loader_require_attr (self, context, EL_GROW, "to")) ||
      !pledge_loader_parse_year (self, context, "to", to_str, &to) ||
      !(rate_str = pledge_loader_require_attr (self, context, EL_GROW, "defence-rate")) ||
      !pledge_loader_parse_number (self, context, "defence-rate", rate_str, &rate))
    return;

  gdp_rate_str = pledge_loader_get_attr (self, "gdp-rate");
  if (gdp_rate_str &&
      !pledge_loader_parse_number (self, context, "gdp-rate", gdp_rate_str, &gdp_rate))
    return;

  if (to <= from)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                          _("%s<grow> to %d is not after from %d"), context, to, from);
      return;
    }

  edit = pledge_edit_new_grow (member, from, to, rate, gdp_rate);
  edit->line = pledge_loader_current_line (self);
  g_ptr_array_add (self->scenario->edits, edit);
}
