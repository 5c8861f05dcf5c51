/* pledge-dataset-loader-attributes.c: the loader's attributes, numbers
 * and messages
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collects the attributes of each element libxml2 reports, checks their
 * names and values against the format, and reports the first fault with
 * the line it is on.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "pledge-dataset-loader-private.h"
#include "pledge-number.h"

/* The line of position at in a start tag that libxml2 has just read, or
 * of the tag's "<" when at is NULL or not in its input buffer. libxml2
 * calls back with the input just past the tag's last attribute, its line
 * the tag's last: count the line ends back to the "<" (an attribute value
 * cannot hold one) and forward again to at. Only for messages. */
int
pledge_loader_tag_line (Loader        *self,
                        const xmlChar *at)
{
  xmlParserInputPtr input = self->ctxt->input;
  const xmlChar *p;
  int line = input->line;

  if (input->base == NULL || input->cur == NULL)
    return line;
  for (p = input->cur; p > input->base; )
    {
      if (*--p == '<')
        break;
      if (*p == '\n')
        line--;
    }
  if (*p != '<')
    return input->line;
  if (at != NULL && at > p && at < input->cur)
    for (; p < at; p++)
      if (*p == '\n')
        line++;
  return line;
}

int
pledge_loader_current_line (Loader *self)
{
  if (self->ctxt == NULL || self->ctxt->input == NULL)
    return 0;
  /* Messages about an element name the line its tag starts on. */
  if (self->in_start_tag)
    return pledge_loader_tag_line (self, NULL);
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

void
pledge_loader_fail (Loader     *self,
                    int         code,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (self, pledge_loader_current_line (self), code, format, args);
  va_end (args);
}

void
pledge_loader_fail_at (Loader     *self,
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

const char *
pledge_loader_suggest (const char        *word,
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

const char *
pledge_loader_get_attr (Loader     *self,
                        const char *name)
{
  const char *const *allowed = pledge_loader_elements[self->stack[self->depth - 1]].attributes;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (strcmp (allowed[i], name) == 0)
      return self->values[i];
  g_assert_not_reached ();
  return NULL;
}

/* The line of an attribute's value; the tag's first where unknown. */
int
pledge_loader_attr_line (Loader     *self,
                         const char *name)
{
  const char *const *allowed = pledge_loader_elements[self->stack[self->depth - 1]].attributes;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (strcmp (allowed[i], name) == 0)
      return pledge_loader_tag_line (self, self->raw_values[i]);
  return pledge_loader_current_line (self);
}

const char *
pledge_loader_require_attr (Loader     *self,
                            const char *context,
                            Element     element,
                            const char *name)
{
  const char *value = pledge_loader_get_attr (self, name);

  if (value == NULL)
    pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("%s<%s> needs a \"%s\" attribute"),
                        context, pledge_loader_elements[element].name, name);
  return value;
}

static gboolean
report_number (Loader             *self,
               const char         *context,
               const char         *name,
               const char         *text,
               PledgeNumberResult  result)
{
  switch (result)
    {
    case PLEDGE_NUMBER_OK:
      return TRUE;
    case PLEDGE_NUMBER_NEGATIVE:
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, name),
                             PLEDGE_DATASET_ERROR_INVALID, _("%s%s \"%s\" must not be negative"),
                             context, name, text);
      return FALSE;
    case PLEDGE_NUMBER_RANGE:
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, name),
                             PLEDGE_DATASET_ERROR_INVALID, _("%s%s \"%s\" is out of range"),
                             context, name, text);
      return FALSE;
    case PLEDGE_NUMBER_SYNTAX:
    default:
      pledge_loader_fail_at (self, pledge_loader_attr_line (self, name),
                             PLEDGE_DATASET_ERROR_INVALID,
                             _("%s%s \"%s\" is not a number (write digits with a \".\" decimal point and no separators)"),
                             context, name, text);
      return FALSE;
    }
}

gboolean
pledge_loader_parse_number (Loader     *self,
                            const char *context,
                            const char *name,
                            const char *text,
                            double     *value)
{
  PledgeNumberResult result = pledge_number_parse (text, value);

  /* The hot path: a million of these in a large file. */
  if (G_LIKELY (result == PLEDGE_NUMBER_OK))
    return TRUE;
  return report_number (self, context, name, text, result);
}

/* The same with an optional leading "-" (format v2: real-change). */
gboolean
pledge_loader_parse_signed_number (Loader     *self,
                                   const char *context,
                                   const char *name,
                                   const char *text,
                                   double     *value)
{
  PledgeNumberResult result;

  if (text[0] != '-')
    return pledge_loader_parse_number (self, context, name, text, value);

  /* "--1" is no number: the rest must not be signed again. */
  result = pledge_number_parse (text + 1, value);
  if (result == PLEDGE_NUMBER_NEGATIVE)
    result = PLEDGE_NUMBER_SYNTAX;
  if (result != PLEDGE_NUMBER_OK)
    return report_number (self, context, name, text, result);
  /* -0 reads as 0: one zero, written back as "0". */
  *value = *value == 0 ? 0.0 : -*value;
  return TRUE;
}

gboolean
pledge_loader_parse_year (Loader     *self,
                          const char *context,
                          const char *name,
                          const char *text,
                          int        *year)
{
  if (pledge_year_parse (text, year))
    return TRUE;
  pledge_loader_fail_at (self, pledge_loader_attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
                         _("%s%s \"%s\" is not a year from %d to %d"),
                         context, name, text, PLEDGE_YEAR_MIN, PLEDGE_YEAR_MAX);
  return FALSE;
}

gboolean
pledge_loader_is_token (const char *str)
{
  if (*str == '\0')
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
pledge_loader_is_code (const char *str)
{
  return strlen (str) == 3 &&
         g_ascii_isupper (str[0]) && g_ascii_isupper (str[1]) && g_ascii_isupper (str[2]);
}

gboolean
pledge_loader_check_code (Loader     *self,
                          const char *context,
                          const char *name,
                          const char *code)
{
  if (pledge_loader_is_code (code))
    return TRUE;
  pledge_loader_fail_at (self, pledge_loader_attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
                         _("%s%s \"%s\" is not a member code (three capital letters, such as \"DEU\")"),
                         context, name, code);
  return FALSE;
}

gboolean
pledge_loader_check_text (Loader     *self,
                          const char *context,
                          const char *name,
                          const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  pledge_loader_fail_at (self, pledge_loader_attr_line (self, name), PLEDGE_DATASET_ERROR_INVALID,
                                       _("%s%s must not be empty"), context, name);
  return FALSE;
}

static int
lookup_attribute (Loader        *self,
                  Element        element,
                  const xmlChar *name)
{
  const char *const *allowed = pledge_loader_elements[element].attributes;

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

gboolean
pledge_loader_collect_attributes (Loader         *self,
                                  Element         element,
                                  int             nb_attributes,
                                  const xmlChar **attributes)
{
  gsize total = 0;

  /* A fixed size: a few vector stores, no call. */
  memset (self->values, 0, sizeof self->values);
  memset (self->raw_values, 0, sizeof self->raw_values);

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

      /* A version 2 attribute in a version 1 file is unknown there. */
      if (index >= self->n_allowed[element])
        {
          pledge_loader_fail_at (self, pledge_loader_tag_line (self, attributes[i * 5 + 3]),
                                 PLEDGE_DATASET_ERROR_INVALID,
                                 _("unknown attribute \"%s\" on <%s> %s"),
                                 (const char *) name, pledge_loader_elements[element].name,
                                 pledge_loader_v2_hint (self));
          return FALSE;
        }

      if (index < 0)
        {
          const char *allowed[MAX_ATTRIBUTES + 1];
          const char *hint = NULL;
          int line = pledge_loader_tag_line (self, attributes[i * 5 + 3]);

          /* Suggest only what the file's version allows. */
          pledge_loader_allowed_attributes (self, element, allowed);
          if (prefix == NULL)
            hint = pledge_loader_suggest ((const char *) name, allowed);

          if (hint != NULL)
            pledge_loader_fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                                   _("unknown attribute \"%s\" on <%s>; did you mean \"%s\"?"),
                                   (const char *) name, pledge_loader_elements[element].name, hint);
          else if (prefix != NULL)
            pledge_loader_fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                                   _("unknown attribute \"%s:%s\" on <%s>"), prefix,
                                   (const char *) name, pledge_loader_elements[element].name);
          else
            pledge_loader_fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                                   _("unknown attribute \"%s\" on <%s>"),
                                   (const char *) name, pledge_loader_elements[element].name);
          return FALSE;
        }
      self->raw_values[index] = attributes[i * 5 + 3];

      /* libxml2 2.9 lets some malformed UTF-8 through; names and titles
       * must be text we can write back. (Figures hold only numbers, which
       * their own syntax checks.) */
      if (element != EL_FIGURES && !g_utf8_validate (begin, end - begin, NULL))
        {
          pledge_loader_fail_at (self, pledge_loader_tag_line (self, attributes[i * 5 + 3]),
                                 PLEDGE_DATASET_ERROR_NOT_XML,
                                 _("attribute \"%s\" of <%s> is not valid UTF-8 text"),
                                 (const char *) name, pledge_loader_elements[element].name);
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
