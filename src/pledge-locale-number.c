/* pledge-locale-number.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pledge-compliance.h"
#include "pledge-locale-number.h"
#include "pledge-number.h"

char *
pledge_locale_format_money (double value)
{
  if (!isfinite (value))
    return g_strdup ("");

  /* Thousands grouped as the locale does, and as English does in the C
   * locale, which groups nothing */
  if (fabs (value) >= 100)
    return pledge_number_format_grouped (value, 0);
  return pledge_number_format_grouped (value, 2);
}

char *
pledge_locale_format_percent (double value)
{
  if (!isfinite (value))
    return g_strdup ("");

  return pledge_number_format_grouped (pledge_round2 (value), 2);
}

/* U+2212 MINUS SIGN: lines up with "+" in a column of figures. */
#define MINUS_SIGN "\xe2\x88\x92"

static char *
signed_text (double      value,
             const char *magnitude)
{
  if (value > 0)
    return g_strconcat ("+", magnitude, NULL);
  if (value < 0)
    return g_strconcat (MINUS_SIGN, magnitude, NULL);
  return g_strdup (magnitude);
}

char *
pledge_locale_format_delta_money (double value)
{
  g_autofree char *magnitude = NULL;

  if (!isfinite (value))
    return g_strdup ("");

  magnitude = pledge_locale_format_money (fabs (value));
  /* What shows as nothing has no sign. */
  if (fabs (value) < 0.005)
    value = 0;
  return signed_text (value, magnitude);
}

char *
pledge_locale_format_delta_percent (double value)
{
  g_autofree char *magnitude = NULL;

  if (!isfinite (value))
    return g_strdup ("");

  magnitude = pledge_number_format_grouped (pledge_round2 (fabs (value)), 2);
  if (pledge_round2 (fabs (value)) == 0)
    value = 0;
  return signed_text (value, magnitude);
}

char *
pledge_locale_format_growth (double value)
{
  g_autofree char *delta = pledge_locale_format_delta_percent (value);

  if (*delta == '\0')
    return g_steal_pointer (&delta);
  /* Translators: a yearly growth rate; %s is a signed number such as +7.12 */
  return g_strdup_printf (_("%s %%"), delta);
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

gboolean
pledge_locale_parse_number (const char *text,
                            double     *value)
{
  const struct lconv *lc = localeconv ();
  const char *decimal = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  const char *grouping = lc->thousands_sep != NULL ? lc->thousands_sep : "";
  g_autoptr(GString) plain = g_string_new (NULL);
  gsize decimal_len = strlen (decimal);
  gsize grouping_len = strlen (grouping);
  const char *p;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (strncmp (p, decimal, decimal_len) == 0)
        {
          g_string_append_c (plain, '.');
          p += decimal_len;
          continue;
        }
      if (grouping_len > 0 && strncmp (p, grouping, grouping_len) == 0)
        {
          p += grouping_len;
          continue;
        }
      if (is_blank (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (c == '%')
        {
          /* Only at the end, after the number. */
          for (p = g_utf8_next_char (p); *p != '\0'; p = g_utf8_next_char (p))
            if (!is_blank (g_utf8_get_char (p)))
              return FALSE;
          break;
        }
      if (c >= 0x80)
        return FALSE;
      g_string_append_c (plain, *p);
      p++;
    }

  return pledge_number_parse (plain->str, value) == PLEDGE_NUMBER_OK;
}
