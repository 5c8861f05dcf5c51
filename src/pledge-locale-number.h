/* pledge-locale-number.h: numbers as the user reads and types them
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money in the dataset's units, grouped in the user's locale ("67,992" or
 * "67.992"); an empty string for NAN. */
char     *pledge_locale_format_money   (double      value);

/* A percentage with two decimals in the user's locale ("2.15" or "2,15"),
 * rounded as the format rounds for display; an empty string for NAN. */
char     *pledge_locale_format_percent (double      value);

/* A signed difference in the same forms: "+0.78", "−1,234" (a true minus
 * sign), "0.00" when it rounds to nothing; an empty string for NAN. */
char     *pledge_locale_format_delta_money   (double      value);
char     *pledge_locale_format_delta_percent (double      value);

/* A yearly growth rate: "+7.12 %", "−1.50 %"; an empty string for NAN. */
char     *pledge_locale_format_growth        (double      value);

/* Reads a number the user typed in their locale: grouping separators and
 * spaces are ignored, a trailing "%" is allowed. Only finite numbers of
 * zero or more are accepted. */
gboolean  pledge_locale_parse_number   (const char *text,
                                        double     *value);

G_END_DECLS
