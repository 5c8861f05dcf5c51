/* pledge-number.h: numbers and years as the file format writes them
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLEDGE_NUMBER_OK,
  PLEDGE_NUMBER_SYNTAX,    /* not digits[.digits][e[+-]digits] */
  PLEDGE_NUMBER_NEGATIVE,  /* a leading '-' */
  PLEDGE_NUMBER_RANGE,     /* overflows a double */
} PledgeNumberResult;

/* Parses a number of the file format, in the C locale whatever the process
 * locale is: digits, an optional fraction, an optional exponent. No signs,
 * spaces, separators, hex, "nan" or "inf"; the result is finite. */
PledgeNumberResult pledge_number_parse (const char *str,
                                        double     *value);

/* Parses a year: digits only, PLEDGE_YEAR_MIN..PLEDGE_YEAR_MAX. */
gboolean           pledge_year_parse   (const char *str,
                                        int        *year);

#define PLEDGE_NUMBER_BUF_SIZE 48

/* Writes the shortest plain decimal (no exponent for ordinary magnitudes)
 * that reads back to exactly the same double, in the C locale. Returns buf. */
char              *pledge_number_format (char   buf[PLEDGE_NUMBER_BUF_SIZE],
                                         double value);

/* The same, by trying %.15g, %.16g and %.17g in turn (every precision for
 * subnormals): slow, the reference pledge_number_format() is tested
 * against, and its fallback. */
char              *pledge_number_format_reference (char   buf[PLEDGE_NUMBER_BUF_SIZE],
                                                   double value);

/* Writes value as printf's "%.2f" would in the C locale, for values
 * pledge_round2() gave: returns buf, or NULL (nothing written) where value
 * is not a whole number of hundredths below 1e12 in magnitude, or is -0;
 * the caller prints those with g_ascii_formatd(). */
char              *pledge_number_format_hundredths (char   buf[PLEDGE_NUMBER_BUF_SIZE],
                                                    double value);

/* Numbers on screen, in the user's locale (LC_NUMERIC): its decimal
 * separator, and thousands grouped as it groups them; where it groups
 * nothing (the C locale) as English does, "12,345.6", or with a narrow
 * no-break space beside a decimal comma. */
void               pledge_number_get_grouping   (const char **separator,
                                                 const char **grouping);
/* formatted with the digits of its first run of digits grouped: "-12345.67"
 * reads "-12,345.67". */
char              *pledge_number_group          (const char  *formatted);
/* value as "%.*f" writes it, grouped */
char              *pledge_number_format_grouped (double       value,
                                                 int          decimals);

G_END_DECLS
