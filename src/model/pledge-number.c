/* pledge-number.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <limits.h>
#include <locale.h>
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

/* Writes n / 10^decimals, n < 10^15, as a plain decimal with no trailing
 * zeros in the fraction and no bare point. Returns the end of what it
 * wrote. */
static char *
write_scaled (char    *p,
              guint64  n,
              int      decimals)
{
  char digits[24];
  int len = 0;

  do
    {
      digits[len++] = '0' + n % 10;
      n /= 10;
    }
  while (n > 0);
  /* The fraction's trailing zeros, then at least one integral digit. */
  while (decimals > 0 && digits[0] == '0')
    {
      memmove (digits, digits + 1, --len);
      decimals--;
    }
  while (len <= decimals)
    digits[len++] = '0';

  for (int i = len - 1; i >= 0; i--)
    {
      *p++ = digits[i];
      if (i == decimals && decimals > 0)
        *p++ = '.';
    }
  *p = '\0';
  return p;
}

/* The common case of a file's own figures, such as 12345.6 or 2.07: a
 * decimal d = n / 10^k of at most 15 significant digits (n < 10^15) that
 * reads back to value. Every double has at most one decimal of 15
 * significant digits within its rounding interval (they are more than four
 * ulps apart, DBL_DIG), so %.15g writes exactly d and the slow path stops
 * there: writing d is what it writes. The test is exact: n and 10^k are
 * exact doubles, so n / 10^k is the correctly rounded reading of d, as
 * strtod would give.
 *
 * It misses no such d, and answers only, for 1e-7 <= |value| < 1e15: there
 * k <= 21, value x 10^k is within 0.25 of n, so rounding it gives n, and
 * the slow path would write d plain too. Returns FALSE, writing nothing,
 * where there is no d or value is outside. */
static gboolean
format_few_digits (char   buf[PLEDGE_NUMBER_BUF_SIZE],
                   double value)
{
  static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                   1e22 };
  double a = fabs (value);

  /* Outside, the slow path may keep an exponent, or has more to find. */
  if (!(a >= 1e-7 && a < 1e15))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (powers); k++)
    {
      double scaled = a * powers[k];
      guint64 n;

      if (!(scaled < 1e15))
        return FALSE;
      n = (guint64) (scaled + 0.5);
      if ((double) n / powers[k] == a)
        {
          char *p = buf;

          if (value < 0)
            *p++ = '-';
          write_scaled (p, n, k);
          return TRUE;
        }
    }
  return FALSE;
}

/* The first of %.{first}g .. %.17g that reads back to value, and plain
 * where the magnitude is ordinary. */
static char *
format_search (char   buf[PLEDGE_NUMBER_BUF_SIZE],
               double value,
               int    first)
{
  for (int precision = first; precision <= 17; precision++)
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
  if (format_few_digits (buf, value))
    return buf;
  /* Where format_few_digits() misses nothing, no decimal of 15 digits reads
   * back to value: %.15g would not, and the search starts at 16. */
  if (fabs (value) >= 1e-7 && fabs (value) < 1e15)
    return format_search (buf, value, 16);
  return pledge_number_format_reference (buf, value);
}

char *
pledge_number_format_reference (char   buf[PLEDGE_NUMBER_BUF_SIZE],
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
  return format_search (buf, value, fabs (value) < DBL_MIN ? 1 : 15);
}

char *
pledge_number_format_hundredths (char   buf[PLEDGE_NUMBER_BUF_SIZE],
                                 double value)
{
  double hundredths = nearbyint (value * 100.0);
  guint64 n;
  char *p = buf;

  /* n / 100 must be value exactly, read back as strtod would, and far
   * enough from a tie of %.2f: below 1e12 a double is within 0.0002 of
   * n / 100, so %.2f writes n / 100. -0 is "-0.00" to printf. */
  if (!(fabs (value) < 1e12) || hundredths / 100.0 != value || (value == 0 && signbit (value)))
    return NULL;

  if (hundredths < 0)
    {
      *p++ = '-';
      hundredths = -hundredths;
    }
  n = (guint64) hundredths;
  /* Always two decimals, and at least "0." before them. */
  {
    char digits[24];
    int len = 0;

    do
      {
        digits[len++] = '0' + n % 10;
        n /= 10;
      }
    while (n > 0);
    while (len < 3)
      digits[len++] = '0';
    for (int i = len - 1; i >= 0; i--)
      {
        *p++ = digits[i];
        if (i == 2)
          *p++ = '.';
      }
  }
  *p = '\0';
  return buf;
}

void
pledge_number_get_grouping (const char **separator,
                            const char **grouping)
{
  static const char english[] = { 3, 0 };
  const struct lconv *lc = localeconv ();
  const char *decimal = lc->decimal_point != NULL && *lc->decimal_point
                        ? lc->decimal_point : ".";

  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0' &&
      lc->grouping != NULL && *lc->grouping != '\0' && *lc->grouping != CHAR_MAX)
    {
      *separator = lc->thousands_sep;
      *grouping = lc->grouping;
      return;
    }
  /* The C locale groups nothing: group as English does, or with a narrow
   * no-break space beside a decimal comma */
  *separator = strcmp (decimal, ",") == 0 ? "\xe2\x80\xaf" : ",";
  *grouping = english;
}

char *
pledge_number_group (const char *formatted)
{
  const char *separator, *grouping, *digits, *end;
  g_autoptr(GString) out = NULL;
  guint n_digits, k, size, next;
  guint8 *marks;

  g_return_val_if_fail (formatted != NULL, NULL);

  pledge_number_get_grouping (&separator, &grouping);
  digits = formatted;
  while (*digits != '\0' && !g_ascii_isdigit (*digits))
    digits++;
  for (end = digits; g_ascii_isdigit (*end); end++)
    ;
  n_digits = (guint) (end - digits);
  out = g_string_sized_new (strlen (formatted) + n_digits / 3 * strlen (separator) + 1);
  g_string_append_len (out, formatted, digits - formatted);

  /* Where a separator goes, counting from the right, as grouping says: each
   * byte a group, the last repeated, CHAR_MAX for no more groups */
  marks = g_new0 (guint8, n_digits + 1);
  size = (guint) (guchar) grouping[0];
  next = size;
  for (k = 0; size > 0 && (guchar) size != CHAR_MAX && next < n_digits; )
    {
      marks[n_digits - next] = 1;
      if (grouping[k] != '\0' && grouping[k + 1] != '\0')
        {
          k++;
          size = (guint) (guchar) grouping[k];
          if ((guchar) size == CHAR_MAX)
            break;
        }
      next += size;
    }
  for (guint i = 0; i < n_digits; i++)
    {
      if (marks[i])
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  g_free (marks);
  g_string_append (out, end);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
pledge_number_format_grouped (double value,
                              int    decimals)
{
  g_autofree char *plain = NULL;

  decimals = CLAMP (decimals, 0, 17);
  /* %f follows LC_NUMERIC: the user's decimal separator */
  plain = g_strdup_printf ("%.*f", decimals, value);
  if (!isfinite (value))
    return g_steal_pointer (&plain);
  return pledge_number_group (plain);
}
