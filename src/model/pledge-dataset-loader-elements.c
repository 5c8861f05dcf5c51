/* pledge-dataset-loader-elements.c: the elements of a dataset file
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format's elements and attributes, and what the loader does with each
 * element of the dataset itself (scenarios are in -scenarios.c).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "pledge-dataset-loader-private.h"
#include "pledge-number.h"

const ElementInfo pledge_loader_elements[N_ELEMENTS] = {
  [EL_NONE] = { "", EL_NONE, { NULL } },
  [EL_ROOT] = { "pledge-dataset", EL_NONE, { "version", NULL } },
  [EL_TITLE] = { "title", EL_ROOT, { NULL } },
  [EL_EDITION] = { "edition", EL_ROOT, { "date", "basis", NULL }, .since = 2 },
  [EL_SOURCE] = { "source", EL_ROOT, { "href", NULL } },
  [EL_NOTE] = { "note", EL_ROOT, { NULL } },
  [EL_UNITS] = { "units", EL_ROOT, { "currency", "scale", "prices", "constant", NULL }, .n_v1 = 3 },
  [EL_TARGETS] = { "targets", EL_ROOT, { NULL } },
  [EL_TARGET] = { "target", EL_TARGETS, { "id", "metric", "min", "name", "from", "due", NULL } },
  [EL_MEMBERS] = { "members", EL_ROOT, { NULL } },
  [EL_MEMBER] = { "member", EL_MEMBERS, { "code", "name", "joined", "left", NULL } },
  [EL_FIGURES] = { "figures", EL_MEMBER,
                   { "year", "gdp", "defence", "defence-gdp", "equipment", "related", "estimate",
                     /* version 2, in PledgeExtra order (FIGURES_EXTRA) */
                     "defence-constant", "gdp-constant", "real-change", "population",
                     "military-personnel", "personnel-spending", "infrastructure",
                     "other-spending", NULL },
                   .n_v1 = FIGURES_EXTRA },
  [EL_SCENARIOS] = { "scenarios", EL_ROOT, { NULL } },
  [EL_SCENARIO] = { "scenario", EL_SCENARIOS, { "id", "name", NULL } },
  [EL_SET] = { "set", EL_SCENARIO,
               { "member", "year", "defence", "defence-gdp", "gdp", "equipment", "related",
                 NULL } },
  [EL_GROW] = { "grow", EL_SCENARIO,
                { "member", "from", "to", "defence-rate", "gdp-rate", NULL } },
};

/* Element handlers: each runs once the attributes are collected. */

void
pledge_loader_start_root (Loader *self)
{
  const char *version = pledge_loader_require_attr (self, "", EL_ROOT, "version");
  const char *encoding = (const char *) self->ctxt->encoding;
  int v = 0;

  if (version == NULL)
    return;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_NOT_XML,
                          _("the file declares the encoding %s; datasets are UTF-8"), encoding);
      return;
    }

  for (const char *p = version; *p; p++)
    {
      if (!g_ascii_isdigit (*p) || v > 100000)
        {
          pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                              _("version \"%s\" is not a version number"), version);
          return;
        }
      v = v * 10 + (*p - '0');
    }
  if (*version == '\0' || v == 0)
    pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                        _("version \"%s\" is not a version number"), version);
  else if (v > PLEDGE_FORMAT_VERSION)
    pledge_loader_fail (self, PLEDGE_DATASET_ERROR_VERSION,
                        _("the file is in format version %d; this Pledge reads versions up to %d (a newer Pledge may open it)"),
                        v, PLEDGE_FORMAT_VERSION);
  else
    {
      self->version = v;
      /* In a version 1 file, version 2 attributes are unknown. */
      if (v < 2)
        for (Element e = EL_NONE; e < N_ELEMENTS; e++)
          if (pledge_loader_elements[e].n_v1 != 0)
            self->n_allowed[e] = pledge_loader_elements[e].n_v1;
    }
}

void
pledge_loader_start_units (Loader *self)
{
  const char *currency = pledge_loader_require_attr (self, "", EL_UNITS, "currency");
  const char *scale = currency ? pledge_loader_require_attr (self, "", EL_UNITS, "scale") : NULL;
  const char *prices = scale ? pledge_loader_require_attr (self, "", EL_UNITS, "prices") : NULL;
  const char *constant;
  PledgeScale s;
  int year, constant_year = 0;

  if (prices == NULL)
    return;

  if (!pledge_loader_is_code (currency))
    {
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, "currency"),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("currency \"%s\" is not an ISO 4217 code (three capital letters, such as \"USD\")"),
                             currency);
      return;
    }
  if (!pledge_scale_from_string (scale, &s))
    {
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, "scale"),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("scale \"%s\" is not one of unit, thousand, million, billion"),
                             scale);
      return;
    }
  if (strcmp (prices, "current") != 0 &&
      !(g_str_has_prefix (prices, "constant-") && pledge_year_parse (prices + 9, &year)))
    {
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, "prices"),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("prices \"%s\" is neither \"current\" nor \"constant-YEAR\""),
                             prices);
      return;
    }

  /* Format v2 (a version 1 file cannot get here with it). */
  constant = pledge_loader_get_attr (self, "constant");
  if (constant != NULL && !pledge_loader_parse_year (self, "", "constant", constant, &constant_year))
    return;

  pledge_dataset_set_units (self->dataset, currency, s, prices);
  pledge_dataset_set_constant_year (self->dataset, constant_year);
}

void
pledge_loader_start_target (Loader *self)
{
  const char *id = pledge_loader_require_attr (self, "", EL_TARGET, "id");
  g_autofree char *context = NULL;
  const char *metric_str, *min_str, *name, *from_str, *due_str;
  PledgeMetric metric;
  double min;
  int from = 0, due = 0;

  if (id == NULL)
    return;
  if (!pledge_loader_is_token (id))
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                          _("target id \"%s\" may only have letters, digits, \".\", \"_\" and \"-\""),
                          id);
      return;
    }
  context = g_strdup_printf (_("target \"%s\": "), id);
  if (g_hash_table_contains (self->target_ids, id))
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sthe id is used twice"), context);
      return;
    }

  if (!(metric_str = pledge_loader_require_attr (self, context, EL_TARGET, "metric")) ||
      !(min_str = pledge_loader_require_attr (self, context, EL_TARGET, "min")) ||
      !(name = pledge_loader_require_attr (self, context, EL_TARGET, "name")))
    return;

  if (!pledge_metric_from_string (metric_str, &metric))
    {
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, "metric"),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("%smetric \"%s\" is not one of defence-gdp, total-gdp, equipment-defence"),
                             context, metric_str);
      return;
    }
  if (!pledge_loader_parse_number (self, context, "min", min_str, &min) ||
      !pledge_loader_check_text (self, context, "name", name))
    return;

  from_str = pledge_loader_get_attr (self, "from");
  due_str = pledge_loader_get_attr (self, "due");
  if (from_str == NULL && due_str == NULL)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                          _("%sneeds \"from\" (the year it applies from) or \"due\" (the year it must be met by)"),
                          context);
      return;
    }
  if ((from_str && !pledge_loader_parse_year (self, context, "from", from_str, &from)) ||
      (due_str && !pledge_loader_parse_year (self, context, "due", due_str, &due)))
    return;
  if (from && due && due < from)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sdue %d is before from %d"),
                          context, due, from);
      return;
    }

  g_hash_table_add (self->target_ids, g_strdup (id));
  pledge_dataset_add_target (self->dataset, id, name, metric, min, from, due);
}

void
pledge_loader_start_member (Loader *self)
{
  const char *code = pledge_loader_require_attr (self, "", EL_MEMBER, "code");
  g_autofree char *context = NULL;
  const char *name, *joined_str, *left_str;
  int joined, left = 0;

  if (code == NULL || !pledge_loader_check_code (self, "", "code", code))
    return;
  context = g_strdup_printf (_("member \"%s\": "), code);
  if (pledge_dataset_find_member (self->dataset, code) >= 0)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sdefined twice"), context);
      return;
    }
  if (!(name = pledge_loader_require_attr (self, context, EL_MEMBER, "name")) ||
      !pledge_loader_check_text (self, context, "name", name) ||
      !(joined_str = pledge_loader_require_attr (self, context, EL_MEMBER, "joined")) ||
      !pledge_loader_parse_year (self, context, "joined", joined_str, &joined))
    return;

  left_str = pledge_loader_get_attr (self, "left");
  if (left_str != NULL)
    {
      if (!pledge_loader_parse_year (self, context, "left", left_str, &left))
        return;
      if (left <= joined)
        {
          pledge_loader_fail_at (self, pledge_loader_attr_line (self, "left"),
                                 PLEDGE_DATASET_ERROR_INVALID,
                                 _("%sleft in %d, not after it joined in %d"), context, left,
                                 joined);
          return;
        }
    }

  self->member = pledge_dataset_add_member (self->dataset, code, name, joined, left);
  self->member->line = pledge_loader_current_line (self);
  g_free (self->member_context);
  self->member_context = g_steal_pointer (&context);
}

/* The hot path: a million of these in a large file. */
void
pledge_loader_start_figures (Loader *self)
{
  const char *context = self->member_context;
  const char *year_str = self->values[FIGURES_YEAR];
  const char *estimate;
  PledgeFigures *f;
  int year;

  if (year_str == NULL)
    {
      pledge_loader_require_attr (self, context, EL_FIGURES, "year");
      return;
    }
  if (!pledge_loader_parse_year (self, context, "year", year_str, &year))
    return;

  if (self->member->figures->len > 0 &&
      g_array_index (self->member->figures, PledgeFigures, self->member->figures->len - 1).year >= year &&
      pledge_member_get_figures (self->member, year) != NULL)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sfigures for %d given twice"),
                          context, year);
      return;
    }

  f = pledge_member_add_figures (self->member, year);
  for (PledgeField field = 0; field < PLEDGE_N_FIELDS; field++)
    {
      const char *text = self->values[1 + field];

      if (text == NULL)
        continue;
      if (!pledge_loader_parse_number (self, context, pledge_field_to_string (field), text,
                                       &f->values[field]))
        return;
      f->present |= 1u << field;
    }

  estimate = self->values[FIGURES_ESTIMATE];
  if (estimate != NULL)
    {
      if (strcmp (estimate, "true") == 0)
        f->flags |= PLEDGE_FIGURES_ESTIMATE;
      else if (strcmp (estimate, "false") != 0)
        {
          pledge_loader_fail_at (self, pledge_loader_attr_line (self, "estimate"),
                                 PLEDGE_DATASET_ERROR_INVALID,
                                 _("%sestimate \"%s\" is neither \"true\" nor \"false\""), context,
                                 estimate);
          return;
        }
    }

  /* Format v2: the PledgeExtra figures, only ever in a version 2 file. */
  if (self->version >= 2 && !pledge_loader_parse_extras (self, f))
    return;

  pledge_figures_update_base (f);
}
