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

/* Takes each part of a report as it is made, in order; FALSE stops the
 * report (a write failed). */
typedef gboolean (*PledgeReportSink) (const char *data,
                                      gsize       length,
                                      gpointer    user_data);

/* The same report handed to sink in parts of about a megabyte, so that
 * memory stays the same however long the report is. FALSE when sink
 * returned FALSE. */
gboolean pledge_report_write_to (PledgeSnapshot     *snapshot,
                                 int                 first,
                                 int                 last,
                                 PledgeReportFormat  format,
                                 PledgeReportSink    sink,
                                 gpointer            user_data);

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
