/* test-number.c: numbers as the file format reads and writes them
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pledge-number.h"

typedef struct
{
  const char        *text;
  PledgeNumberResult result;
  double             value;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "0", PLEDGE_NUMBER_OK, 0 },
  { "2", PLEDGE_NUMBER_OK, 2 },
  { "2.0", PLEDGE_NUMBER_OK, 2 },
  { "1.995", PLEDGE_NUMBER_OK, 1.995 },
  { "23138", PLEDGE_NUMBER_OK, 23138 },
  { "1e3", PLEDGE_NUMBER_OK, 1000 },
  { "1.5E-2", PLEDGE_NUMBER_OK, 0.015 },
  { "2.5e+2", PLEDGE_NUMBER_OK, 250 },
  { "007", PLEDGE_NUMBER_OK, 7 },
  { "-1", PLEDGE_NUMBER_NEGATIVE, 0 },
  { "-0.5", PLEDGE_NUMBER_NEGATIVE, 0 },
  { "1e400", PLEDGE_NUMBER_RANGE, 0 },
  { "", PLEDGE_NUMBER_SYNTAX, 0 },
  { "-", PLEDGE_NUMBER_SYNTAX, 0 },
  { ".5", PLEDGE_NUMBER_SYNTAX, 0 },
  { "5.", PLEDGE_NUMBER_SYNTAX, 0 },
  { "+5", PLEDGE_NUMBER_SYNTAX, 0 },
  { " 5", PLEDGE_NUMBER_SYNTAX, 0 },
  { "5 ", PLEDGE_NUMBER_SYNTAX, 0 },
  { "20,5", PLEDGE_NUMBER_SYNTAX, 0 },
  { "1 000", PLEDGE_NUMBER_SYNTAX, 0 },
  { "1,000.5", PLEDGE_NUMBER_SYNTAX, 0 },
  { "0x10", PLEDGE_NUMBER_SYNTAX, 0 },
  { "nan", PLEDGE_NUMBER_SYNTAX, 0 },
  { "NaN", PLEDGE_NUMBER_SYNTAX, 0 },
  { "inf", PLEDGE_NUMBER_SYNTAX, 0 },
  { "Infinity", PLEDGE_NUMBER_SYNTAX, 0 },
  { "1e", PLEDGE_NUMBER_SYNTAX, 0 },
  { "1e+", PLEDGE_NUMBER_SYNTAX, 0 },
  { "2%", PLEDGE_NUMBER_SYNTAX, 0 },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  double value = -1;

  g_assert_cmpint (pledge_number_parse (c->text, &value), ==, c->result);
  if (c->result == PLEDGE_NUMBER_OK)
    g_assert_cmpfloat (value, ==, c->value);
}

typedef struct
{
  const char *text;
  gboolean    ok;
  int         year;
} YearCase;

static const YearCase year_cases[] = {
  { "1900", TRUE, 1900 },
  { "2016", TRUE, 2016 },
  { "2200", TRUE, 2200 },
  { "1899", FALSE, 0 },
  { "2201", FALSE, 0 },
  { "20161", FALSE, 0 },
  { "2016.0", FALSE, 0 },
  { "", FALSE, 0 },
  { "twenty", FALSE, 0 },
  { "-2016", FALSE, 0 },
  { " 2016", FALSE, 0 },
};

static void
test_year (gconstpointer data)
{
  const YearCase *c = data;
  int year = 0;

  g_assert_cmpint (pledge_year_parse (c->text, &year), ==, c->ok);
  if (c->ok)
    g_assert_cmpint (year, ==, c->year);
}

typedef struct
{
  double      value;
  const char *text;
} FormatCase;

static const FormatCase format_cases[] = {
  { 0, "0" },
  { 2, "2" },
  { 2.5, "2.5" },
  { 1.995, "1.995" },
  { 0.1, "0.1" },
  { 23138, "23138" },
  { 1e-5, "0.00001" },
  { 1.5e-7, "0.00000015" },
  { 1e16, "10000000000000000" },
  { 123456789012.5, "123456789012.5" },
  { 2.0294680677363757, "2.0294680677363757" },
  { 1.346516857031259, "1.346516857031259" },
  { 1e300, "1e+300" },
  /* 16 and 17 significant digits, and 15 that must not gain a 16th. */
  { 0.30000000000000004, "0.30000000000000004" },
  { 9007199254740993.0, "9007199254740992" },
  { 0.3, "0.3" },
  { 123456789012345.6, "123456789012345.6" },
  { 1.7976931348623157e308, "1.7976931348623157e+308" },
  { 5e-324, "5e-324" },
  /* Hard cases for the fast path and its fallback: the limit of plain
   * decimals, doubles above 2^53, halves that are not exact, subnormals,
   * fifteen digits at the fast path's edges, and the bundled data. */
  { 1e21, "1e+21" },
  { 1e22, "1e+22" },
  { 123456789012345680.0, "123456789012345680" },
  { 2.675, "2.675" },
  { -2.675, "-2.675" },
  { -0.0, "0" },
  { 1e15, "1000000000000000" },
  { 999999999999999.9, "999999999999999.9" },
  { 99999999999999.99, "99999999999999.98" },
  { 1e-8, "0.00000001" },
  { 1.5e-9, "0.0000000015" },
  { 1e-12, "0.000000000001" },
  { 2.2250738585072014e-308, "2.2250738585072014e-308" },
  { 9007199254740992.0, "9007199254740992" },
  { 100.0 / 3, "33.333333333333336" },
  { 12345.6, "12345.6" },
  { 2.07, "2.07" },
  { 23138.49, "23138.49" },
  { 1.35, "1.35" },
  { 0.05, "0.05" },
};

static void
test_format (gconstpointer data)
{
  const FormatCase *c = data;
  char buf[PLEDGE_NUMBER_BUF_SIZE];

  g_assert_cmpstr (pledge_number_format (buf, c->value), ==, c->text);
}

/* Every double written reads back to itself, in the shortest digits, with
 * no exponent, whatever the locale. */
static void
test_round_trip (void)
{
  for (guint i = 0; i < 20000; i++)
    {
      char buf[PLEDGE_NUMBER_BUF_SIZE];
      double magnitude = pow (10, g_test_rand_int_range (-6, 13));
      double value = g_test_rand_double_range (0, 10) * magnitude;
      double back = -1;
      int digits = 0;

      pledge_number_format (buf, value);
      g_assert_null (strchr (buf, 'e'));
      g_assert_null (strchr (buf, ','));
      g_assert_cmpint (pledge_number_parse (buf, &back), ==, PLEDGE_NUMBER_OK);
      g_assert_cmpfloat (back, ==, value);

      for (const char *p = buf; *p; p++)
        if (g_ascii_isdigit (*p))
          digits++;
      /* %.17g is the upper bound; shortest is usually far less. */
      g_assert_cmpint (digits, <=, 17 + 13);
    }
}

/* Shortest: one significant digit less would not read back the same. */
static void
test_shortest (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      char buf[PLEDGE_NUMBER_BUF_SIZE];
      double value = g_test_rand_double_range (0.001, 100000);
      int significant = 0;
      gboolean leading = TRUE;

      pledge_number_format (buf, value);
      for (const char *p = buf; *p; p++)
        {
          if (!g_ascii_isdigit (*p))
            continue;
          if (leading && *p == '0')
            continue;
          leading = FALSE;
          significant++;
        }
      /* Strip trailing integral zeros, which are not significant. */
      if (strchr (buf, '.') == NULL)
        for (const char *p = buf + strlen (buf) - 1; p > buf && *p == '0'; p--)
          significant--;

      if (significant > 1)
        {
          char shorter[64];
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", significant - 1);
          g_ascii_formatd (shorter, sizeof shorter, format, value);
          g_assert_cmpfloat (g_ascii_strtod (shorter, NULL), !=, value);
        }
    }
}

static void
assert_same_as_reference (double value)
{
  char fast[PLEDGE_NUMBER_BUF_SIZE];
  char slow[PLEDGE_NUMBER_BUF_SIZE];

  if (!isfinite (value))
    return;
  pledge_number_format (fast, value);
  pledge_number_format_reference (slow, value);
  if (strcmp (fast, slow) != 0)
    g_error ("%.17g: \"%s\", the reference \"%s\"", value, fast, slow);
}

/* pledge_number_format() takes a fast path for decimals of few digits and
 * searches from 16 digits or falls back on the reference otherwise: byte
 * for byte the same output, on random bit patterns, on decimals of 0 to
 * 24 places, on their neighbouring doubles, and about the limits of the
 * fast path (1e-7 and 1e15). */
static void
test_same_as_reference (void)
{
  for (guint i = 0; i < 100000; i++)
    {
      guint64 bits = (guint64) g_test_rand_int () << 32 | (guint32) g_test_rand_int ();
      double value;

      memcpy (&value, &bits, sizeof value);
      assert_same_as_reference (value);
    }
  for (guint i = 0; i < 100000; i++)
    {
      int decimals = g_test_rand_int_range (0, 25);
      int digits = g_test_rand_int_range (1, 18);
      guint64 n = (guint64) g_test_rand_int () << 32 | (guint32) g_test_rand_int ();
      double value;

      for (int d = 19; d > digits; d--)
        n /= 10;
      value = n / pow (10, decimals);
      if (g_test_rand_bit ())
        value = -value;
      assert_same_as_reference (value);
      assert_same_as_reference (nextafter (value, INFINITY));
      assert_same_as_reference (nextafter (value, -INFINITY));
      /* What a scenario computes from a figure: all seventeen digits. */
      assert_same_as_reference (value * 1.03);
    }
  for (int e = -9; e <= 17; e++)
    {
      double value = pow (10, e);
      double up = value, down = value;

      for (guint i = 0; i < 1000; i++)
        {
          up = nextafter (up, INFINITY);
          down = nextafter (down, 0);
          assert_same_as_reference (up);
          assert_same_as_reference (down);
          assert_same_as_reference (value + i);
          assert_same_as_reference (value - i);
        }
    }
}

typedef struct
{
  double      value;
  const char *text;  /* NULL: not a whole number of hundredths */
} HundredthsCase;

static const HundredthsCase hundredths_cases[] = {
  { 0, "0.00" },
  { 2, "2.00" },
  { 2.07, "2.07" },
  { 0.05, "0.05" },
  { -0.01, "-0.01" },
  { -1.5, "-1.50" },
  { 1.35, "1.35" },
  { 999999999999.99, "999999999999.99" },
  { 1e12, NULL },
  { -0.0, NULL },
  { 0.125, NULL },
  { 2.675, NULL },
  { 1.0 / 3, NULL },
  { NAN, NULL },
  { INFINITY, NULL },
  { -INFINITY, NULL },
};

static void
test_hundredths (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hundredths_cases); i++)
    {
      const HundredthsCase *c = &hundredths_cases[i];
      char buf[PLEDGE_NUMBER_BUF_SIZE];

      g_assert_cmpstr (pledge_number_format_hundredths (buf, c->value), ==, c->text);
    }
}

/* Where it writes anything, it writes what "%.2f" does. */
static void
test_hundredths_random (void)
{
  for (guint i = 0; i < 200000; i++)
    {
      char fast[PLEDGE_NUMBER_BUF_SIZE];
      char slow[G_ASCII_DTOSTR_BUF_SIZE];
      double value;

      if (i % 2 == 0)
        {
          /* Hundredths as the report rounds them, in every magnitude. */
          double magnitude = pow (10, g_test_rand_int_range (-3, 14));

          value = floor (100.0 * g_test_rand_double_range (-10, 10) * magnitude + 0.5 + 1e-9) / 100.0;
        }
      else
        {
          guint64 bits = (guint64) g_test_rand_int () << 32 | (guint32) g_test_rand_int ();

          memcpy (&value, &bits, sizeof value);
          if (!isfinite (value) || fabs (value) >= 1e30)
            continue;
        }
      if (pledge_number_format_hundredths (fast, value) == NULL)
        {
          g_assert_true (!(fabs (value) < 1e12) || nearbyint (value * 100) / 100 != value ||
                         (value == 0 && signbit (value)));
          continue;
        }
      g_ascii_formatd (slow, sizeof slow, "%.2f", value);
      g_assert_cmpstr (fast, ==, slow);
    }
}


/* Numbers on screen: thousands grouped as the locale groups them, and as
 * English does in the C locale, which groups nothing by itself. Switches
 * LC_NUMERIC and puts back the one main() chose. */
typedef struct
{
  const char *locale;
  double      value;
  int         decimals;
  const char *text;
} GroupCase;

static const GroupCase group_cases[] = {
  { "C", 12345.678, 2, "12,345.68" },
  { "C", -1234567, 0, "-1,234,567" },
  { "C", 999, 0, "999" },
  { "C", 1000, 1, "1,000.0" },
  { "C", 0.5, 2, "0.50" },
  { "C", 1e20, 0, "100,000,000,000,000,000,000" },
  { "C.UTF-8", 105577.4, 0, "105,577" },
  { "de_DE.UTF-8", 1234567.891, 2, "1.234.567,89" },
  { "de_DE.UTF-8", 87751.4, 0, "87.751" },
};

static void
test_group (gconstpointer data)
{
  const GroupCase *c = data;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, c->locale) == NULL)
    {
      g_test_skip_printf ("no %s locale", c->locale);
      return;
    }
  text = pledge_number_format_grouped (c->value, c->decimals);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (text, ==, c->text);
}

int
main (int   argc,
      char *argv[])
{
  /* The file format ignores the user's locale: test under one that writes
   * "1,5" where it can. */
  setlocale (LC_ALL, "");
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    g_printerr ("# de_DE.UTF-8 is not installed; testing in the current locale\n");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/number/parse/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  for (guint i = 0; i < G_N_ELEMENTS (year_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/number/year/%u", i);
      g_test_add_data_func (path, &year_cases[i], test_year);
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/number/format/%u", i);
      g_test_add_data_func (path, &format_cases[i], test_format);
    }
  for (guint i = 0; i < G_N_ELEMENTS (group_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pledge/number/group/%u", i);
      g_test_add_data_func (path, &group_cases[i], test_group);
    }
  g_test_add_func ("/pledge/number/round-trip", test_round_trip);
  g_test_add_func ("/pledge/number/shortest", test_shortest);
  g_test_add_func ("/pledge/number/same-as-reference", test_same_as_reference);
  g_test_add_func ("/pledge/number/hundredths", test_hundredths);
  g_test_add_func ("/pledge/number/hundredths-random", test_hundredths_random);

  return g_test_run ();
}
