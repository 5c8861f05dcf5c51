/* pledge-compare.h: what changed between two editions of a dataset
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NATO restates its history every year: Poland's 2016 share of GDP was 2.00
 * in the June 2024 edition and 1.99 in the August 2025 one. A comparison
 * takes two datasets' reported figures and lists every member-year whose
 * figures differ as published (to two decimals, NATO's half-up rounding),
 * with its status against each target the two datasets share (matched by
 * target id) before and after.
 */

#pragma once

#include "pledge-report.h"
#include "pledge-snapshot.h"

G_BEGIN_DECLS

/* How the older of the two was told from the newer. */
typedef enum
{
  PLEDGE_COMPARE_BY_EDITION,   /* both have <edition date>: the earlier date */
  PLEDGE_COMPARE_BY_LAST_YEAR, /* the one whose figures end earlier */
  PLEDGE_COMPARE_BY_ARGUMENT,  /* neither tells: the one given as "other" */
} PledgeCompareOrder;

/* The metrics compared, in this order in PledgeRevision's arrays */
#define PLEDGE_COMPARE_N_METRICS 3

typedef struct
{
  char        *id;
  char        *label;      /* "2% of GDP" */
  PledgeMetric metric;
  double       min;        /* the newer dataset's */
  guint        old_index;  /* in each dataset's targets */
  guint        new_index;
} PledgeCompareTarget;

typedef struct
{
  int          year;
  int          old_member;    /* indexes in each dataset */
  int          new_member;
  const char  *code;          /* the newer dataset's */
  const char  *name;
  double       old_value[PLEDGE_COMPARE_N_METRICS];  /* by PledgeMetric; NAN unknown */
  double       new_value[PLEDGE_COMPARE_N_METRICS];
  PledgeMeets *old_meets;     /* one per PledgeCompare target */
  PledgeMeets *new_meets;
  gboolean     status_changed;
} PledgeRevision;

typedef struct _PledgeCompare PledgeCompare;

struct _PledgeCompare
{
  PledgeDataset       *old_dataset;
  PledgeDataset       *new_dataset;
  char                *old_name;   /* as given: a file name */
  char                *new_name;
  PledgeCompareOrder   order;
  int                  first;      /* the years compared */
  int                  last;
  guint                n_targets;
  PledgeCompareTarget *targets;    /* the newer dataset's targets the older has too */
  guint                n_revisions;
  PledgeRevision      *revisions;  /* by year, then the newer dataset's member order */
  guint                n_status_changed;
};

/* Which of dataset and other is the older: TRUE when other is (by edition
 * date when both have one, else by the last year with figures, else other). */
gboolean       pledge_compare_other_is_older (PledgeDataset      *dataset,
                                              PledgeDataset      *other,
                                              PledgeCompareOrder *order);

/* Compares the reported figures of the years first..last (clamped to the
 * years both datasets have); dataset and other are ordered as
 * pledge_compare_other_is_older() says. Names are for the output. */
PledgeCompare *pledge_compare_new            (PledgeDataset      *dataset,
                                              const char         *name,
                                              PledgeDataset      *other,
                                              const char         *other_name,
                                              int                 first,
                                              int                 last);
void           pledge_compare_free           (PledgeCompare      *self);

/* The years both datasets have figures for; FALSE when none. */
gboolean       pledge_compare_common_years   (PledgeDataset      *a,
                                              PledgeDataset      *b,
                                              int                *first,
                                              int                *last);

/* The revision's share of GDP before and after (NAN unknown) */
double         pledge_revision_old_share     (const PledgeRevision *revision);
double         pledge_revision_new_share     (const PledgeRevision *revision);

/* "leaves 2% of GDP", "reaches 20% of defence on equipment", ... for each
 * target whose status changed, joined with "; "; "" when none did. */
char          *pledge_compare_describe_status (const PledgeCompare  *self,
                                               const PledgeRevision *revision);

/* A sentence naming both editions and which is older, and why. */
char          *pledge_compare_describe_order (const PledgeCompare *self);

/* The report of the revisions: text in the user's locale, CSV in C. */
void           pledge_compare_write          (const PledgeCompare *self,
                                              PledgeReportFormat   format,
                                              GString             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeCompare, pledge_compare_free)

G_END_DECLS
