/* pledge-number.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pledge-dataset.h"
#include "pledge-number.h"

PledgeNumberResult
pledge_number_parse (const char *str,
                     double     *value)
{
  static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15 };
  const char *p = str;
  char *end = NULL;
  guint64 mantissa = 0;
  int digits = 0, decimals = 0;
  gboolean exact = TRUE;
  double v;

  g_return_val_if_fail (str != NULL, PLEDGE_NUMBER_SYNTAX);
  g_return_val_if_fail (value != NULL, PLEDGE_NUMBER_SYNTAX);

  if (*p == '-')
    return g_ascii_isdigit (p[1]) ? PLEDGE_NUMBER_NEGATIVE : PLEDGE_NUMBER_SYNTAX;

  /* The format's syntax: g_ascii_strtod alone accepts far more. On the
   * way, collect the digits: at most 15 significant ones and no exponent
   * give a mantissa and a power of ten that are both exact doubles, so one
   * correctly rounded division is the answer, and the common case needs
   * no strtod. */
  if (!g_ascii_isdigit (*p))
    return PLEDGE_NUMBER_SYNTAX;
  for (; g_ascii_isdigit (*p); p++)
    {
      mantissa = mantissa * 10 + (*p - '0');
      if (mantissa != 0 && ++digits > 15)
        exact = FALSE;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return PLEDGE_NUMBER_SYNTAX;
      for (; g_ascii_isdigit (*p); p++)
        {
          mantissa = mantissa * 10 + (*p - '0');
          decimals++;
          if (mantissa != 0 && ++digits > 15)
            exact = FALSE;
        }
    }
  if (*p == 'e' || *p == 'E')
    {
      exact = FALSE;
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return PLEDGE_NUMBER_SYNTAX;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return PLEDGE_NUMBER_SYNTAX;

  if (exact && decimals < (int) G_N_ELEMENTS (powers))
    {
      *value = (double) mantissa / powers[decimals];
      return PLEDGE_NUMBER_OK;
    }

  v = g_ascii_strtod (str, &end);
  if (end != p)
    return PLEDGE_NUMBER_SYNTAX;
  if (!isfinite (v))
    return PLEDGE_NUMBER_RANGE;

  *value = v;
  return PLEDGE_NUMBER_OK;
}

gboolean
pledge_year_parse (const char *str,
                   int        *year)
{
  int v = 0;
  int digits = 0;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  for (const char *p = str; *p; p++)
    {
      if (!g_ascii_isdigit (*p) || ++digits > 4)
        return FALSE;
      v = v * 10 + (*p - '0');
    }
  if (digits == 0 || v < PLEDGE_YEAR_MIN || v > PLEDGE_YEAR_MAX)
    return FALSE;

  *year = v;
  return TRUE;
}

/* Rewrites "d.ddde[+-]XX" as a plain decimal. */
static void
expand_exponent (char *buf,
                 gsize size)
{
  char digits[32];
  gsize n = 0;
  int exp10;
  int point;
  GString *out;
  char *e = strchr (buf, 'e');

  if (e == NULL)
    return;

  exp10 = atoi (e + 1);
  for (char *p = buf; p < e; p++)
    if (g_ascii_isdigit (*p) && n < sizeof digits - 1)
      digits[n++] = *p;
  digits[n] = '\0';

  /* The mantissa is d[.ddd]: the point sits after the first digit. */
  point = 1 + exp10;
  out = g_string_sized_new (size);
  if (buf[0] == '-')
    g_string_append_c (out, '-');
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -point; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else if ((gsize) point >= n)
    {
      g_string_append (out, digits);
      for (gsize i = n; i < (gsize) point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits, point);
      g_string_append_c (out, '.');
      g_string_append (out, digits + point);
    }

  if (out->len < size)
    memcpy (buf, out->str, out->len + 1);
  g_string_free (out, TRUE);
}

char *
pledge_number_format (char   buf[PLEDGE_NUMBER_BUF_SIZE],
                      double value)
{
  g_return_val_if_fail (isfinite (value), NULL);

  if (value == 0)
    {
      strcpy (buf, "0");
      return buf;
    }

  /* Any decimal of at most 15 significant digits reads back to itself
   * through a double (DBL_DIG), so when %.15g reads back it is the
   * shortest form (%g drops the trailing zeros); otherwise the shortest
   * has 16 or 17 digits. Three tries at most instead of seventeen: a
   * figure a scenario computed usually needs all seventeen digits.
   * Subnormals have fewer digits of precision: search them all. */
  for (int precision = fabs (value) < DBL_MIN ? 1 : 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, PLEDGE_NUMBER_BUF_SIZE, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* Plain decimals read better and every reader takes them; keep the
   * exponent only for magnitudes no dataset has. */
  if (strchr (buf, 'e') != NULL && fabs (value) >= 1e-12 && fabs (value) < 1e21)
    expand_exponent (buf, PLEDGE_NUMBER_BUF_SIZE);

  return buf;
}
