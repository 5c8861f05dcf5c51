/* pledge-dataset-loader.c: a streaming, validating reader of dataset files
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read with GIO and fed to libxml2's SAX2 parser in chunks: no
 * tree of the document is ever built, so memory stays proportional to the
 * data. libxml2 never opens a file or the network itself; DOCTYPEs (and so
 * DTDs and entities) are refused at the first sight of one. See
 * shared/docs/reliability.md for why each option is set as it is.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "pledge-dataset-private.h"
#include "pledge-number.h"

/* Larger files are refused before parsing; 1,000,000 records take ~80 MB. */
#define MAX_FILE_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)
#define MAX_TEXT_LENGTH (64 * 1024)
#define CHUNK_SIZE (64 * 1024)

#define MAX_ATTRIBUTES 9

typedef enum
{
  EL_NONE,
  EL_ROOT,
  EL_TITLE,
  EL_SOURCE,
  EL_NOTE,
  EL_UNITS,
  EL_TARGETS,
  EL_TARGET,
  EL_MEMBERS,
  EL_MEMBER,
  EL_FIGURES,
  EL_SCENARIOS,
  EL_SCENARIO,
  EL_SET,
  EL_GROW,
  N_ELEMENTS
} Element;

typedef struct
{
  const char *name;
  Element     parent;
  /* Allowed attributes, NULL-terminated. */
  const char *attributes[MAX_ATTRIBUTES + 1];
} ElementInfo;

static const ElementInfo elements[N_ELEMENTS] = {
  [EL_NONE] = { "", EL_NONE, { NULL } },
  [EL_ROOT] = { "pledge-dataset", EL_NONE, { "version", NULL } },
  [EL_TITLE] = { "title", EL_ROOT, { NULL } },
  [EL_SOURCE] = { "source", EL_ROOT, { "href", NULL } },
  [EL_NOTE] = { "note", EL_ROOT, { NULL } },
  [EL_UNITS] = { "units", EL_ROOT, { "currency", "scale", "prices", NULL } },
  [EL_TARGETS] = { "targets", EL_ROOT, { NULL } },
  [EL_TARGET] = { "target", EL_TARGETS, { "id", "metric", "min", "name", "from", "due", NULL } },
  [EL_MEMBERS] = { "members", EL_ROOT, { NULL } },
  [EL_MEMBER] = { "member", EL_MEMBERS, { "code", "name", "joined", "left", NULL } },
  [EL_FIGURES] = { "figures", EL_MEMBER,
                   { "year", "gdp", "defence", "defence-gdp", "equipment", "related", "estimate",
                     NULL } },
  [EL_SCENARIOS] = { "scenarios", EL_ROOT, { NULL } },
  [EL_SCENARIO] = { "scenario", EL_SCENARIOS, { "id", "name", NULL } },
  [EL_SET] = { "set", EL_SCENARIO,
               { "member", "year", "defence", "defence-gdp", "gdp", "equipment", "related",
                 NULL } },
  [EL_GROW] = { "grow", EL_SCENARIO,
                { "member", "from", "to", "defence-rate", "gdp-rate", NULL } },
};

#define MAX_DEPTH 8

/* Attribute indexes of <figures>, as listed in elements[]: the figure
 * fields follow "year" in PledgeField order. */
enum { FIGURES_YEAR = 0, FIGURES_ESTIMATE = 1 + PLEDGE_N_FIELDS };

typedef struct
{
  PledgeDataset   *dataset;
  const char      *display_name;
  xmlParserCtxtPtr ctxt;
  GError          *error;

  Element          stack[MAX_DEPTH];
  guint            depth;

  GString         *text;
  char            *source_href;
  gboolean         seen[N_ELEMENTS];

  PledgeMember    *member;
  PledgeScenario  *scenario;
  GHashTable      *scenario_ids;
  GHashTable      *target_ids;

  /* Attribute values of the current element, NUL-terminated copies in
   * one reused buffer, by their index in the element's attribute list. */
  GString         *attr_store;
  const char      *values[MAX_ATTRIBUTES];

  /* libxml2 interns names: once a name is known, a pointer comparison
   * recognises it again. */
  const xmlChar   *element_names[N_ELEMENTS];
  const xmlChar   *attribute_names[N_ELEMENTS][MAX_ATTRIBUTES];

  /* While a start tag is handled: the raw attribute values, still in
   * libxml2's input buffer, to tell the line of each (see tag_line()). */
  gboolean         in_start_tag;
  const xmlChar   *raw_values[MAX_ATTRIBUTES];

  /* "member \"DEU\": ", made once per member for messages about its figures */
  char            *member_context;

  /* A libxml2 error, kept to report when the parse ends. */
  char            *xml_message;
  int              xml_line;
  int              xml_code;
  gboolean         root_closed;

  /* End-of-line handling (see feed()): a CR at the end of the last chunk,
   * and where a chunk with CRs is rewritten. */
  gboolean         pending_cr;
  char            *eol_buffer;
} Loader;

/* The line of position at in a start tag that libxml2 has just read, or
 * of the tag's "<" when at is NULL or not in its input buffer. libxml2
 * calls back with the input just past the tag's last attribute, its line
 * the tag's last: count the line ends back to the "<" (an attribute value
 * cannot hold one) and forward again to at. Only for messages. */
static int
tag_line (Loader        *self,
          const xmlChar *at)
{
  xmlParserInputPtr input = self->ctxt->input;
  const xmlChar *p;
  int line = input->line;

  if (input->base == NULL || input->cur == NULL)
    return line;
  for (p = input->cur; p > input->base && *p != '<'; )
    if (*--p == '\n')
      line--;
  if (*p != '<')
    return input->line;
  if (at != NULL && at > p && at < input->cur)
    for (; p < at; p++)
      if (*p == '\n')
        line++;
  return line;
}

static int
current_line (Loader *self)
{
  if (self->ctxt == NULL || self->ctxt->input == NULL)
    return 0;
  /* Messages about an element name the line its tag starts on. */
  if (self->in_start_tag)
    return tag_line (self, NULL);
  return self->ctxt->input->line;
}

static void
fail_valist (Loader     *self,
             int         line,
             int         code,
             const char *format,
             va_list     args) G_GNUC_PRINTF (4, 0);

static void
fail_valist (Loader     *self,
             int         line,
             int         code,
             const char *format,
             va_list     args)
{
  g_autofree char *message = NULL;

  if (self->error != NULL)
    return;

  message = g_strdup_vprintf (format, args);
  self->error = g_error_new (PLEDGE_DATASET_ERROR, code, "%s:%d: %s",
                             self->display_name, line, message);
  if (self->ctxt != NULL)
    xmlStopParser (self->ctxt);
}

static void
fail (Loader     *self,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Loader     *self,
      int         code,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (self, current_line (self), code, format, args);
  va_end (args);
}

static void
fail_at (Loader     *self,
         int         line,
         int         code,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
fail_at (Loader     *self,
         int         line,
         int         code,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (self, line, code, format, args);
  va_end (args);
}

/* Levenshtein distance, capped: enough to catch "defense" or "joinded". */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint row[64];

  if (la >= G_N_ELEMENTS (row) || lb >= G_N_ELEMENTS (row))
    return G_MAXUINT;

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

static const char *
suggest (const char        *word,
         const char *const *candidates)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      guint d = edit_distance (word, candidates[i]);

      if (d < best_distance)
        {
          best_distance = d;
          best = candidates[i];
        }
    }
  return best;
}

static const char *
get_attr (Loader     *self,
          const char *name)
{
  const char *const *allowed = elements[self->stack[self->depth - 1]].attributes;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (strcmp (allowed[i], name) == 0)
      return self->values[i];
  g_assert_not_reached ();
  return NULL;
}

/* The line of an attribute's value; the tag's first where unknown. */
static int
attr_line (Loader     *self,
           const char *name)
{
  const char *const *allowed = elements[self->stack[self->depth - 1]].attributes;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (strcmp (allowed[i], name) == 0)
      return tag_line (self, self->raw_values[i]);
  return current_line (self);
}

static const char *
require_attr (Loader     *self,
              const char *context,
              Element     element,
              const char *name)
{
  const char *value = get_attr (self, name);

  if (value == NULL)
    fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%s<%s> needs a \"%s\" attribute"),
          context, elements[element].name, name);
  return value;
}

static gboolean
parse_number_attr (Loader     *self,
                   const char *context,
                   const char *name,
                   const char *text,
                   double     *value)
{
  switch (pledge_number_parse (text, value))
    {
    case PLEDGE_NUMBER_OK:
      return TRUE;
    case PLEDGE_NUMBER_NEGATIVE:
      fail_at (self, attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
               _("%s%s \"%s\" must not be negative"), context, name, text);
      return FALSE;
    case PLEDGE_NUMBER_RANGE:
      fail_at (self, attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
               _("%s%s \"%s\" is out of range"), context, name, text);
      return FALSE;
    case PLEDGE_NUMBER_SYNTAX:
    default:
      fail_at (self, attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
               _("%s%s \"%s\" is not a number (write digits with a \".\" decimal point and no separators)"),
               context, name, text);
      return FALSE;
    }
}

static gboolean
parse_year_attr (Loader     *self,
                 const char *context,
                 const char *name,
                 const char *text,
                 int        *year)
{
  if (pledge_year_parse (text, year))
    return TRUE;
  fail_at (self, attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
           _("%s%s \"%s\" is not a year from %d to %d"),
           context, name, text, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX);
  return FALSE;
}

static gboolean
is_token (const char *str)
{
  if (*str == '\0')
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_code (const char *str)
{
  return strlen (str) == 3 &&
         g_ascii_isupper (str[0]) && g_ascii_isupper (str[1]) && g_ascii_isupper (str[2]);
}

static gboolean
check_code (Loader     *self,
            const char *context,
            const char *name,
            const char *code)
{
  if (is_code (code))
    return TRUE;
  fail_at (self, attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
           _("%s%s \"%s\" is not a member code (three capital letters, such as \"DEU\")"),
           context, name, code);
  return FALSE;
}

static gboolean
check_text (Loader     *self,
            const char *context,
            const char *name,
            const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  fail_at (self, attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
           _("%s%s must not be empty"), context, name);
  return FALSE;
}

/* Element handlers: each runs once the attributes are collected. */

static void
start_root (Loader *self)
{
  const char *version = require_attr (self, "", EL_ROOT, "version");
  const char *encoding = (const char *) self->ctxt->encoding;
  int v = 0;

  if (version == NULL)
    return;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      fail (self, PLEDGE_DATASET_ERROR_NOT_XML,
            _("the file declares the encoding %s; datasets are UTF-8"), encoding);
      return;
    }

  for (const char *p = version; *p; p++)
    {
      if (!g_ascii_isdigit (*p) || v > 100000)
        {
          fail (self, PLEDGE_DATASET_ERROR_INVALID,
                _("version \"%s\" is not a version number"), version);
          return;
        }
      v = v * 10 + (*p - '0');
    }
  if (*version == '\0' || v == 0)
    fail (self, PLEDGE_DATASET_ERROR_INVALID, _("version \"%s\" is not a version number"), version);
  else if (v > PLEDGE_FORMAT_VERSION)
    fail (self, PLEDGE_DATASET_ERROR_VERSION,
          _("the file is in format version %d; this Pledge reads version %d (a newer Pledge may open it)"),
          v, PLEDGE_FORMAT_VERSION);
  else if (v != PLEDGE_FORMAT_VERSION)
    fail (self, PLEDGE_DATASET_ERROR_VERSION, _("format version %d does not exist"), v);
}

static void
start_units (Loader *self)
{
  const char *currency = require_attr (self, "", EL_UNITS, "currency");
  const char *scale = currency ? require_attr (self, "", EL_UNITS, "scale") : NULL;
  const char *prices = scale ? require_attr (self, "", EL_UNITS, "prices") : NULL;
  PledgeScale s;
  int year;

  if (prices == NULL)
    return;

  if (!is_code (currency))
    {
      fail_at (self, attr_line (self, "currency"), PLEDGE_DATASET_ERROR_INVALID,
               _("currency \"%s\" is not an ISO 4217 code (three capital letters, such as \"USD\")"),
               currency);
      return;
    }
  if (!pledge_scale_from_string (scale, &s))
    {
      fail_at (self, attr_line (self, "scale"), PLEDGE_DATASET_ERROR_INVALID,
               _("scale \"%s\" is not one of unit, thousand, million, billion"), scale);
      return;
    }
  if (strcmp (prices, "current") != 0 &&
      !(g_str_has_prefix (prices, "constant-") && pledge_year_parse (prices + 9, &year)))
    {
      fail_at (self, attr_line (self, "prices"), PLEDGE_DATASET_ERROR_INVALID,
               _("prices \"%s\" is neither \"current\" nor \"constant-YEAR\""), prices);
      return;
    }

  pledge_dataset_set_units (self->dataset, currency, s, prices);
}

static void
start_target (Loader *self)
{
  const char *id = require_attr (self, "", EL_TARGET, "id");
  g_autofree char *context = NULL;
  const char *metric_str, *min_str, *name, *from_str, *due_str;
  PledgeMetric metric;
  double min;
  int from = 0, due = 0;

  if (id == NULL)
    return;
  if (!is_token (id))
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID,
            _("target id \"%s\" may only have letters, digits, \".\", \"_\" and \"-\""), id);
      return;
    }
  context = g_strdup_printf (_("target \"%s\": "), id);
  if (g_hash_table_contains (self->target_ids, id))
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sthe id is used twice"), context);
      return;
    }

  if (!(metric_str = require_attr (self, context, EL_TARGET, "metric")) ||
      !(min_str = require_attr (self, context, EL_TARGET, "min")) ||
      !(name = require_attr (self, context, EL_TARGET, "name")))
    return;

  if (!pledge_metric_from_string (metric_str, &metric))
    {
      fail_at (self, attr_line (self, "metric"), PLEDGE_DATASET_ERROR_INVALID,
               _("%smetric \"%s\" is not one of defence-gdp, total-gdp, equipment-defence"),
               context, metric_str);
      return;
    }
  if (!parse_number_attr (self, context, "min", min_str, &min) ||
      !check_text (self, context, "name", name))
    return;

  from_str = get_attr (self, "from");
  due_str = get_attr (self, "due");
  if (from_str == NULL && due_str == NULL)
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID,
            _("%sneeds \"from\" (the year it applies from) or \"due\" (the year it must be met by)"),
            context);
      return;
    }
  if ((from_str && !parse_year_attr (self, context, "from", from_str, &from)) ||
      (due_str && !parse_year_attr (self, context, "due", due_str, &due)))
    return;
  if (from && due && due < from)
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sdue %d is before from %d"),
            context, due, from);
      return;
    }

  g_hash_table_add (self->target_ids, g_strdup (id));
  pledge_dataset_add_target (self->dataset, id, name, metric, min, from, due);
}

static void
start_member (Loader *self)
{
  const char *code = require_attr (self, "", EL_MEMBER, "code");
  g_autofree char *context = NULL;
  const char *name, *joined_str, *left_str;
  int joined, left = 0;

  if (code == NULL || !check_code (self, "", "code", code))
    return;
  context = g_strdup_printf (_("member \"%s\": "), code);
  if (pledge_dataset_find_member (self->dataset, code) >= 0)
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sdefined twice"), context);
      return;
    }
  if (!(name = require_attr (self, context, EL_MEMBER, "name")) ||
      !check_text (self, context, "name", name) ||
      !(joined_str = require_attr (self, context, EL_MEMBER, "joined")) ||
      !parse_year_attr (self, context, "joined", joined_str, &joined))
    return;

  left_str = get_attr (self, "left");
  if (left_str != NULL)
    {
      if (!parse_year_attr (self, context, "left", left_str, &left))
        return;
      if (left <= joined)
        {
          fail_at (self, attr_line (self, "left"), PLEDGE_DATASET_ERROR_INVALID,
                   _("%sleft in %d, not after it joined in %d"), context, left, joined);
          return;
        }
    }

  self->member = pledge_dataset_add_member (self->dataset, code, name, joined, left);
  self->member->line = current_line (self);
  g_free (self->member_context);
  self->member_context = g_steal_pointer (&context);
}

/* The hot path: a million of these in a large file. */
static void
start_figures (Loader *self)
{
  const char *context = self->member_context;
  const char *year_str = self->values[FIGURES_YEAR];
  const char *estimate;
  PledgeFigures *f;
  int year;

  if (year_str == NULL)
    {
      require_attr (self, context, EL_FIGURES, "year");
      return;
    }
  if (!parse_year_attr (self, context, "year", year_str, &year))
    return;

  if (self->member->figures->len > 0 &&
      g_array_index (self->member->figures, PledgeFigures, self->member->figures->len - 1).year >= year &&
      pledge_member_get_figures (self->member, year) != NULL)
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sfigures for %d given twice"), context, year);
      return;
    }

  f = pledge_member_add_figures (self->member, year);
  for (PledgeField field = 0; field < PLEDGE_N_FIELDS; field++)
    {
      const char *text = self->values[1 + field];

      if (text == NULL)
        continue;
      if (!parse_number_attr (self, context, pledge_field_to_string (field), text,
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
          fail_at (self, attr_line (self, "estimate"), PLEDGE_DATASET_ERROR_INVALID,
                   _("%sestimate \"%s\" is neither \"true\" nor \"false\""), context, estimate);
          return;
        }
    }

  pledge_figures_update_base (f);
}

static void
start_scenario (Loader *self)
{
  const char *id = require_attr (self, "", EL_SCENARIO, "id");
  g_autofree char *context = NULL;
  const char *name;

  if (id == NULL)
    return;
  if (!is_token (id))
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID,
            _("scenario id \"%s\" may only have letters, digits, \".\", \"_\" and \"-\""), id);
      return;
    }
  context = g_strdup_printf (_("scenario \"%s\": "), id);
  if (g_hash_table_contains (self->scenario_ids, id))
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%sthe id is used twice"), context);
      return;
    }
  if (!(name = require_attr (self, context, EL_SCENARIO, "name")) ||
      !check_text (self, context, "name", name))
    return;

  g_hash_table_add (self->scenario_ids, g_strdup (id));
  self->scenario = pledge_scenario_new (id, name);
  self->scenario->line = current_line (self);
  pledge_dataset_take_scenario_unchecked (self->dataset, self->scenario);
}

static void
start_set (Loader *self)
{
  g_autofree char *context = g_strdup_printf (_("scenario \"%s\": "), self->scenario->id);
  const char *member, *year_str;
  PledgeField field = PLEDGE_N_FIELDS;
  g_autoptr(GString) given = g_string_new (NULL);
  guint n_given = 0;
  double value = 0;
  int year;
  PledgeEdit *edit;

  if (!(member = require_attr (self, context, EL_SET, "member")) ||
      !check_code (self, context, "member", member) ||
      !(year_str = require_attr (self, context, EL_SET, "year")) ||
      !parse_year_attr (self, context, "year", year_str, &year))
    return;

  for (PledgeField f = 0; f < PLEDGE_N_FIELDS; f++)
    if (get_attr (self, pledge_field_to_string (f)) != NULL)
      {
        if (n_given++ > 0)
          g_string_append (given, ", ");
        g_string_append (given, pledge_field_to_string (f));
        field = f;
      }

  if (n_given != 1)
    {
      if (n_given == 0)
        fail (self, PLEDGE_DATASET_ERROR_INVALID,
              _("%s<set> needs one of defence, defence-gdp, gdp, equipment, related"), context);
      else
        fail (self, PLEDGE_DATASET_ERROR_INVALID,
              _("%s<set> takes exactly one of defence, defence-gdp, gdp, equipment, related, not %s"),
              context, given->str);
      return;
    }

  if (!parse_number_attr (self, context, pledge_field_to_string (field),
                          get_attr (self, pledge_field_to_string (field)), &value))
    return;

  edit = pledge_edit_new_set (member, year, field, value);
  edit->line = current_line (self);
  g_ptr_array_add (self->scenario->edits, edit);
}

static void
start_grow (Loader *self)
{
  g_autofree char *context = g_strdup_printf (_("scenario \"%s\": "), self->scenario->id);
  const char *member, *from_str, *to_str, *rate_str, *gdp_rate_str;
  int from, to;
  double rate, gdp_rate = NAN;
  PledgeEdit *edit;

  if (!(member = require_attr (self, context, EL_GROW, "member")))
    return;
  if (strcmp (member, "*") != 0 && !check_code (self, context, "member", member))
    return;
  if (!(from_str = require_attr (self, context, EL_GROW, "from")) ||
      !parse_year_attr (self, context, "from", from_str, &from) ||
      !(to_str = require_attr (self, context, EL_GROW, "to")) ||
      !parse_year_attr (self, context, "to", to_str, &to) ||
      !(rate_str = require_attr (self, context, EL_GROW, "defence-rate")) ||
      !parse_number_attr (self, context, "defence-rate", rate_str, &rate))
    return;

  gdp_rate_str = get_attr (self, "gdp-rate");
  if (gdp_rate_str && !parse_number_attr (self, context, "gdp-rate", gdp_rate_str, &gdp_rate))
    return;

  if (to <= from)
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%s<grow> to %d is not after from %d"),
            context, to, from);
      return;
    }

  edit = pledge_edit_new_grow (member, from, to, rate, gdp_rate);
  edit->line = current_line (self);
  g_ptr_array_add (self->scenario->edits, edit);
}

static Element
lookup_element (Loader        *self,
                const xmlChar *localname)
{
  for (Element e = EL_ROOT; e < N_ELEMENTS; e++)
    if (self->element_names[e] == localname)
      return e;
  for (Element e = EL_ROOT; e < N_ELEMENTS; e++)
    if (strcmp (elements[e].name, (const char *) localname) == 0)
      {
        self->element_names[e] = localname;
        return e;
      }
  return EL_NONE;
}

static int
lookup_attribute (Loader        *self,
                  Element        element,
                  const xmlChar *name)
{
  const char *const *allowed = elements[element].attributes;

  for (int k = 0; allowed[k] != NULL; k++)
    if (self->attribute_names[element][k] == name)
      return k;
  for (int k = 0; allowed[k] != NULL; k++)
    if (strcmp (allowed[k], (const char *) name) == 0)
      {
        self->attribute_names[element][k] = name;
        return k;
      }
  return -1;
}

static gboolean
collect_attributes (Loader         *self,
                    Element         element,
                    int             nb_attributes,
                    const xmlChar **attributes)
{
  gsize total = 0;

  for (guint k = 0; k < MAX_ATTRIBUTES; k++)
    {
      self->values[k] = NULL;
      self->raw_values[k] = NULL;
    }

  for (int i = 0; i < nb_attributes; i++)
    total += attributes[i * 5 + 4] - attributes[i * 5 + 3] + 1;
  g_string_set_size (self->attr_store, total);
  total = 0;

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *name = attributes[i * 5];
      const char *prefix = (const char *) attributes[i * 5 + 1];
      const char *begin = (const char *) attributes[i * 5 + 3];
      const char *end = (const char *) attributes[i * 5 + 4];
      int index = prefix == NULL ? lookup_attribute (self, element, name) : -1;
      char *value;

      if (index < 0)
        {
          const char *hint = prefix ? NULL : suggest ((const char *) name,
                                                      elements[element].attributes);
          int line = tag_line (self, attributes[i * 5 + 3]);

          if (hint != NULL)
            fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                     _("unknown attribute \"%s\" on <%s>; did you mean \"%s\"?"),
                     (const char *) name, elements[element].name, hint);
          else if (prefix != NULL)
            fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                     _("unknown attribute \"%s:%s\" on <%s>"),
                     prefix, (const char *) name, elements[element].name);
          else
            fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                     _("unknown attribute \"%s\" on <%s>"),
                     (const char *) name, elements[element].name);
          return FALSE;
        }
      self->raw_values[index] = attributes[i * 5 + 3];

      /* libxml2 2.9 lets some malformed UTF-8 through; names and titles
       * must be text we can write back. (Figures hold only numbers, which
       * their own syntax checks.) */
      if (element != EL_FIGURES && !g_utf8_validate (begin, end - begin, NULL))
        {
          fail_at (self, tag_line (self, attributes[i * 5 + 3]), PLEDGE_DATASET_ERROR_NOT_XML,
                _("attribute \"%s\" of <%s> is not valid UTF-8 text"),
                (const char *) name, elements[element].name);
          return FALSE;
        }

      value = self->attr_store->str + total;
      memcpy (value, begin, end - begin);
      value[end - begin] = '\0';
      self->values[index] = value;
      total += end - begin + 1;

      /* Without entity replacement, libxml2 2.9 hands a literal "&" in an
       * attribute back as "&#38;" (every other reference comes decoded),
       * and a raw "&" cannot occur: so each "&#38;" is one "&". */
      if (memchr (value, '&', end - begin) != NULL)
        {
          char *w = value;

          for (const char *r = value; *r; )
            {
              if (g_str_has_prefix (r, "&#38;"))
                {
                  *w++ = '&';
                  r += 5;
                }
              else
                *w++ = *r++;
            }
          *w = '\0';
        }
    }

  return TRUE;
}

/* The names of the elements allowed in parent, NULL-terminated. */
static void
children_of (Element     parent,
             const char *candidates[N_ELEMENTS])
{
  guint n = 0;

  for (Element e = EL_ROOT; e < N_ELEMENTS; e++)
    if (elements[e].parent == parent)
      candidates[n++] = elements[e].name;
  candidates[n] = NULL;
}

static void
handle_start_element (Loader         *self,
                      const xmlChar  *localname,
                      const xmlChar  *prefix,
                      const xmlChar  *uri,
                      int             nb_attributes,
                      const xmlChar **attributes)
{
  const char *name = (const char *) localname;
  Element parent = self->depth > 0 ? self->stack[self->depth - 1] : EL_NONE;
  g_autofree char *qname = NULL;
  Element element;

  element = uri == NULL ? lookup_element (self, localname) : EL_NONE;
  if (prefix != NULL)
    name = qname = g_strdup_printf ("%s:%s", (const char *) prefix, name);

  /* <pledge-dataset xmlns="..."> names a dataset element, but not ours. */
  if (uri != NULL && prefix == NULL && lookup_element (self, localname) != EL_NONE)
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID,
            _("<%s> is in the namespace \"%s\"; dataset elements have no namespace"),
            name, (const char *) uri);
      return;
    }

  if (parent == EL_NONE)
    {
      if (element != EL_ROOT)
        {
          fail (self, PLEDGE_DATASET_ERROR_INVALID,
                _("not a Pledge dataset: the root element is <%s>, not <pledge-dataset>"), name);
          return;
        }
    }
  else if (element == EL_NONE)
    {
      const char *candidates[N_ELEMENTS];
      const char *hint;

      children_of (parent, candidates);
      hint = uri == NULL ? suggest (name, candidates) : NULL;

      if (hint != NULL)
        fail (self, PLEDGE_DATASET_ERROR_INVALID,
              _("unknown element <%s> in <%s>; did you mean <%s>?"),
              name, elements[parent].name, hint);
      else
        fail (self, PLEDGE_DATASET_ERROR_INVALID, _("unknown element <%s> in <%s>"),
              name, elements[parent].name);
      return;
    }
  else if (elements[element].parent != parent)
    {
      const char *candidates[N_ELEMENTS];
      const char *hint;

      children_of (parent, candidates);
      hint = suggest (name, candidates);

      if (hint != NULL)
        fail (self, PLEDGE_DATASET_ERROR_INVALID,
              _("<%s> does not belong in <%s>; did you mean <%s>?"),
              name, elements[parent].name, hint);
      else
        fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<%s> does not belong in <%s>"),
              name, elements[parent].name);
      return;
    }

  if (parent == EL_ROOT && element != EL_SOURCE && element != EL_NOTE && self->seen[element])
    {
      fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<%s> given twice"), name);
      return;
    }
  self->seen[element] = TRUE;

  /* The structure allows no deeper nesting than this; anything deeper was
   * refused above as unknown or misplaced. */
  g_assert (self->depth < MAX_DEPTH);
  self->stack[self->depth++] = element;

  if (!collect_attributes (self, element, nb_attributes, attributes))
    return;

  switch (element)
    {
    case EL_ROOT:
      start_root (self);
      break;
    case EL_TITLE:
    case EL_NOTE:
      g_string_truncate (self->text, 0);
      break;
    case EL_SOURCE:
      g_string_truncate (self->text, 0);
      g_free (self->source_href);
      self->source_href = g_strdup (get_attr (self, "href"));
      break;
    case EL_UNITS:
      start_units (self);
      break;
    case EL_TARGET:
      start_target (self);
      break;
    case EL_MEMBER:
      start_member (self);
      break;
    case EL_FIGURES:
      start_figures (self);
      break;
    case EL_SCENARIO:
      start_scenario (self);
      break;
    case EL_SET:
      start_set (self);
      break;
    case EL_GROW:
      start_grow (self);
      break;
    case EL_TARGETS:
    case EL_MEMBERS:
    case EL_SCENARIOS:
      break;
    case EL_NONE:
    case N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  Loader *self = user_data;

  if (self->error != NULL)
    return;

  self->in_start_tag = TRUE;
  handle_start_element (self, localname, prefix, uri, nb_attributes, attributes);
  self->in_start_tag = FALSE;
}

/* <figures year="2030"/> gives no figure: it must not count as a year
 * with figures (the default year, the years of a report, where projected
 * years start). It is kept until the member ends, so that a year given
 * twice is still an error, then dropped: saving leaves it out. */
static void
drop_empty_figures (PledgeMember *member)
{
  guint kept = 0;

  if (member == NULL)
    return;
  for (guint k = 0; k < member->figures->len; k++)
    {
      const PledgeFigures *f = &g_array_index (member->figures, PledgeFigures, k);

      if (f->present == 0)
        continue;
      if (kept != k)
        g_array_index (member->figures, PledgeFigures, kept) = *f;
      kept++;
    }
  g_array_set_size (member->figures, kept);
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Loader *self = user_data;
  Element element;

  if (self->error != NULL)
    return;

  g_assert (self->depth > 0);
  element = self->stack[--self->depth];

  switch (element)
    {
    case EL_TITLE:
      pledge_dataset_set_title (self->dataset, g_strstrip (self->text->str));
      break;
    case EL_SOURCE:
      g_strstrip (self->text->str);
      if (self->text->str[0] == '\0')
        {
          fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<source> must not be empty"));
          return;
        }
      pledge_dataset_add_source (self->dataset, self->source_href, self->text->str);
      break;
    case EL_NOTE:
      pledge_dataset_add_note (self->dataset, g_strstrip (self->text->str));
      break;
    case EL_TARGETS:
      if (pledge_dataset_get_n_targets (self->dataset) == 0)
        fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<targets> needs at least one <target>"));
      break;
    case EL_MEMBERS:
      if (pledge_dataset_get_n_members (self->dataset) == 0)
        fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<members> needs at least one <member>"));
      break;
    case EL_MEMBER:
      drop_empty_figures (self->member);
      self->member = NULL;
      break;
    case EL_SCENARIO:
      self->scenario = NULL;
      break;
    case EL_ROOT:
      self->root_closed = TRUE;
      {
        static const Element required[] = { EL_TITLE, EL_UNITS, EL_TARGETS, EL_MEMBERS };

        for (guint i = 0; i < G_N_ELEMENTS (required); i++)
          if (!self->seen[required[i]])
            {
              fail (self, PLEDGE_DATASET_ERROR_INVALID, _("the dataset has no <%s>"),
                    elements[required[i]].name);
              return;
            }
      }
      break;
    case EL_UNITS:
    case EL_TARGET:
    case EL_FIGURES:
    case EL_SCENARIOS:
    case EL_SET:
    case EL_GROW:
      break;
    case EL_NONE:
    case N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_characters (void          *user_data,
               const xmlChar *ch,
               int            len)
{
  Loader *self = user_data;
  Element element;

  if (self->error != NULL || self->depth == 0)
    return;

  element = self->stack[self->depth - 1];
  if (element == EL_TITLE || element == EL_SOURCE || element == EL_NOTE)
    {
      if (self->text->len + len > MAX_TEXT_LENGTH)
        {
          fail (self, PLEDGE_DATASET_ERROR_INVALID, _("the text of <%s> is longer than %d KiB"),
                elements[element].name, MAX_TEXT_LENGTH / 1024);
          return;
        }
      if (!g_utf8_validate ((const char *) ch, len, NULL))
        {
          fail (self, PLEDGE_DATASET_ERROR_NOT_XML, _("the text of <%s> is not valid UTF-8"),
                elements[element].name);
          return;
        }
      g_string_append_len (self->text, (const char *) ch, len);
      return;
    }

  for (int i = 0; i < len; i++)
    if (!g_ascii_isspace (ch[i]))
      {
        /* libxml2 is past the text by now: count back to where it starts. */
        int line = current_line (self);

        for (int k = i; k < len; k++)
          if (ch[k] == '\n')
            line--;
        fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID, _("text is not allowed in <%s>"),
                 elements[element].name);
        return;
      }
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *self = user_data;

  fail (self, PLEDGE_DATASET_ERROR_DOCTYPE,
        _("the file has a DOCTYPE; datasets may not declare a DTD or entities"));
}

static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  /* No entities beyond XML's own five, which libxml2 handles itself. */
  return NULL;
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  on_internal_subset (user_data, name, public_id, system_id);
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  Loader *self = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || self->xml_message != NULL)
    return;

  /* libxml2's text can run over lines: keep the first. */
  self->xml_message = g_strndup (error->message ? error->message : "",
                                 strcspn (error->message ? error->message : "", "\n"));
  g_strstrip (self->xml_message);
  self->xml_line = error->line;
  self->xml_code = error->code;
}

/* What the first bytes say before libxml2 reads them: an empty, compressed
 * or UTF-16/32 file, or a doubled byte order mark, each with its own
 * message rather than whatever libxml2 makes of it. */
static gboolean
check_start (Loader     *self,
             const char *data,
             gsize       n)
{
  static const char gzip_magic[] = { 0x1f, (char) 0x8b };
  static const char bom[] = "\xef\xbb\xbf";
  const guchar *u = (const guchar *) data;
  const char *message = NULL;

  if (n == 0)
    message = _("the file is empty");
  else if (n >= 2 && memcmp (data, gzip_magic, 2) == 0)
    message = _("the file is compressed; datasets are plain XML files");
  /* Byte order marks of UTF-16 and UTF-32 (FF FE covers both little-endian
   * ones), or "<" as UTF-16 without one: whatever the file declares, a
   * dataset is UTF-8. libxml2 reads some of them and refuses others. */
  else if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff) ||
                      (u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<') ||
                      (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff)))
    message = _("the file is UTF-16 or UTF-32 text; datasets are UTF-8");
  else if (n >= 6 && memcmp (data, bom, 3) == 0 && memcmp (data + 3, bom, 3) == 0)
    message = _("the file starts with two byte order marks; a UTF-8 file has at most one");

  if (message == NULL)
    return TRUE;
  self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML, "%s:1: %s",
                             self->display_name, message);
  return FALSE;
}

/* XML reads CR LF and a lone CR as LF (end-of-line handling, XML 1.0
 * section 2.11), but libxml2 2.9 counts lines by LF alone: in a file with
 * CR-only line ends every message said line 1. Doing the normalisation
 * before the parser does changes nothing else. Returns the length of out;
 * a CR at the end of in waits for the next chunk. */
static gsize
normalize_eol (Loader     *self,
               const char *in,
               gsize       len,
               char       *out)
{
  gsize o = 0;

  if (self->pending_cr && (len == 0 || in[0] != '\n'))
    out[o++] = '\n';
  self->pending_cr = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (in[i] != '\r')
        out[o++] = in[i];
      else if (i + 1 == len)
        self->pending_cr = TRUE;
      else if (in[i + 1] != '\n')
        out[o++] = '\n';
    }
  return o;
}

static void
feed (Loader     *self,
      const char *data,
      gsize       len,
      gboolean    terminate)
{
  if (!self->pending_cr && memchr (data, '\r', len) == NULL)
    {
      xmlParseChunk (self->ctxt, data, len, terminate);
      return;
    }
  if (self->eol_buffer == NULL)
    self->eol_buffer = g_malloc (CHUNK_SIZE + 1);
  g_assert (len <= CHUNK_SIZE);
  len = normalize_eol (self, data, len, self->eol_buffer);
  xmlParseChunk (self->ctxt, self->eol_buffer, len, terminate);
}

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  GError       *error;
} ReadContext;

static gboolean
parse (Loader      *self,
       ReadContext *input,
       GBytes      *bytes)
{
  xmlSAXHandler sax = { 0 };
  char buffer[CHUNK_SIZE];
  gssize n = 0;
  int options;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.internalSubset = on_internal_subset;
  sax.externalSubset = on_internal_subset;
  sax.entityDecl = on_entity_decl;
  sax.getEntity = on_get_entity;
  sax.getParameterEntity = on_get_entity;
  sax.serror = on_structured_error;

  /* First chunk: to tell an empty or compressed file before libxml2 does. */
  if (bytes != NULL)
    {
      n = MIN (g_bytes_get_size (bytes), 8);
      if (n > 0)
        memcpy (buffer, g_bytes_get_data (bytes, NULL), n);
    }
  else
    {
      n = g_input_stream_read (input->stream, buffer, sizeof buffer, input->cancellable,
                               &input->error);
      if (n < 0)
        return FALSE;
    }

  if (!check_start (self, buffer, n))
    return FALSE;

  if (bytes != NULL)
    {
      /* The whole document at once. */
      n = 0;
    }

  if (n > 0)
    n = normalize_eol (self, buffer, n, buffer);
  self->ctxt = xmlCreatePushParserCtxt (&sax, self, buffer, n, self->display_name);
  if (self->ctxt == NULL)
    {
      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                                 _("%s: out of memory"), self->display_name);
      return FALSE;
    }

  /* Never NOENT, HUGE, RECOVER, DTDLOAD, DTDVALID or XINCLUDE. */
  options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
#if LIBXML_VERSION >= 21200
  options |= XML_PARSE_NO_XXE;
#endif
  xmlCtxtUseOptions (self->ctxt, options);

  if (bytes != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      gsize offset = 0;

      while (offset < size && self->error == NULL && self->ctxt->disableSAX == 0)
        {
          gsize chunk = MIN (size - offset, CHUNK_SIZE);

          feed (self, data + offset, chunk, 0);
          offset += chunk;
        }
    }
  else
    {
      gint64 total = n;

      while (self->error == NULL && self->ctxt->disableSAX == 0)
        {
          n = g_input_stream_read (input->stream, buffer, sizeof buffer, input->cancellable,
                                   &input->error);
          if (n < 0)
            return FALSE;
          if (n == 0)
            break;
          /* The size was checked before, but a special file may not say. */
          total += n;
          if (total > MAX_FILE_SIZE)
            {
              self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                                         _("%s: the file is larger than %d MiB"),
                                         self->display_name,
                                         (int) (MAX_FILE_SIZE / (1024 * 1024)));
              return FALSE;
            }
          feed (self, buffer, n, 0);
        }
    }

  if (self->error == NULL && self->ctxt->disableSAX == 0)
    {
      if (self->pending_cr)
        feed (self, "", 0, 0);
      xmlParseChunk (self->ctxt, NULL, 0, 1);
    }

  if (self->error != NULL)
    return FALSE;

  /* After xmlStopParser libxml2 2.9 may still call the document
   * well-formed: check both. */
  if (!self->ctxt->wellFormed || self->ctxt->errNo != XML_ERR_OK || self->xml_message != NULL)
    {
      int line = self->xml_message ? self->xml_line : current_line (self);
      const char *detail = self->xml_message ? self->xml_message : _("unknown error");
      g_autofree char *what = NULL;

      if (self->xml_code == XML_ERR_DOCUMENT_EMPTY)
        what = g_strdup (_("the file is not XML"));
      else if (self->xml_code == XML_ERR_INVALID_CHAR ||
               self->xml_code == XML_ERR_INVALID_ENCODING)
        what = g_strdup (_("the file is not valid UTF-8 text"));
      /* What libxml2 2.9's push parser says when the input stops early. */
      else if (self->xml_code == XML_ERR_DOCUMENT_END && self->depth > 0)
        what = g_strdup_printf (_("the file ends inside <%s>: it may be truncated"),
                                elements[self->stack[self->depth - 1]].name);
      else if (self->xml_code == XML_ERR_DOCUMENT_END && !self->seen[EL_ROOT])
        what = g_strdup (_("the file ends before its <pledge-dataset> element: it may be truncated"));
      else
        what = g_strdup (_("the file is not well-formed XML"));

      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML,
                                 "%s:%d: %s (%s)", self->display_name, line, what, detail);
      return FALSE;
    }

  if (!self->seen[EL_ROOT])
    {
      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_INVALID,
                                 _("%s:1: not a Pledge dataset"), self->display_name);
      return FALSE;
    }

  /* libxml2 can stop without an error it reports (a failed encoding
   * conversion, for one): whatever it says, a dataset is whole only when
   * its root element closed. */
  if (!self->root_closed)
    {
      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML,
                                 _("%s:%d: the file ends inside <%s>: it may be truncated"),
                                 self->display_name, current_line (self),
                                 elements[self->depth > 0 ? self->stack[self->depth - 1] : EL_ROOT].name);
      return FALSE;
    }

  return TRUE;
}

/* libxml2 prints some errors (failed encoding conversions) through its
 * generic handler rather than the parser's: we report our own message. */
static void
ignore_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

static PledgeDataset *
load (const char   *display_name,
      ReadContext  *input,
      GBytes       *bytes,
      GError      **error)
{
  Loader self = { 0 };
  PledgeDataset *result = NULL;
  xmlGenericErrorFunc previous = xmlGenericError;
  void *previous_context = xmlGenericErrorContext;
  gboolean parsed;

  self.dataset = pledge_dataset_new ();
  self.display_name = display_name;
  self.text = g_string_new (NULL);
  self.attr_store = g_string_sized_new (256);
  self.scenario_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  parsed = parse (&self, input, bytes);
  xmlSetGenericErrorFunc (previous_context, previous);

  if (!parsed)
    {
      if (input != NULL && input->error != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&input->error), "%s: ", display_name);
      else
        g_propagate_error (error, g_steal_pointer (&self.error));
    }
  else if (pledge_dataset_check_scenarios (self.dataset, display_name, error))
    result = g_steal_pointer (&self.dataset);

  g_clear_error (&self.error);
  if (self.ctxt != NULL)
    xmlFreeParserCtxt (self.ctxt);
  g_clear_object (&self.dataset);
  g_string_free (self.text, TRUE);
  g_string_free (self.attr_store, TRUE);
  g_free (self.member_context);
  g_hash_table_unref (self.scenario_ids);
  g_hash_table_unref (self.target_ids);
  g_free (self.source_href);
  g_free (self.xml_message);
  g_free (self.eol_buffer);

  return result;
}

PledgeDataset *
pledge_dataset_load_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "dataset";

  if ((gint64) g_bytes_get_size (bytes) > MAX_FILE_SIZE)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  return load (display_name, NULL, bytes, error);
}

PledgeDataset *
pledge_dataset_load (GFile         *file,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  ReadContext input = { 0 };
  PledgeDataset *dataset;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), display_name);
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  input.stream = G_INPUT_STREAM (stream);
  input.cancellable = cancellable;
  dataset = load (display_name, &input, NULL, &local_error);
  g_clear_error (&input.error);

  if (dataset == NULL)
    {
      /* Read errors come back in GIO's domain: give them ours. */
      if (local_error->domain != PLEDGE_DATASET_ERROR)
        g_set_error_literal (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return dataset;
}
