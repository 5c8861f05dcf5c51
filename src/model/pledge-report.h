/* pledge-report.h: the compliance table as text or CSV
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  PLEDGE_REPORT_TEXT,
  PLEDGE_REPORT_CSV,
} PledgeReportFormat;

/* Appends the report for the years first..last to out. CSV is always in the
 * C locale; text uses the user's locale for numbers and words. */
void pledge_report_write     (PledgeSnapshot     *snapshot,
                              int                 first,
                              int                 last,
                              PledgeReportFormat  format,
                              GString            *out);

/* "2016: 5 of 28 members meet gdp-2 (Defence Investment Pledge: ...)" */
char *pledge_report_summary  (PledgeSnapshot     *snapshot,
                              int                 year,
                              guint               target);

/* The deadline solver's table for a target (see pledge-plan.h). */
gboolean pledge_report_write_plan (PledgeSnapshot     *snapshot,
                                   guint               target,
                                   PledgeReportFormat  format,
                                   GString            *out,
                                   GError            **error);

G_END_DECLS
