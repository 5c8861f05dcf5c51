/* pledge-snapshot.h: a dataset's figures under one scenario, and what follows
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-compliance.h"
#include "pledge-dataset.h"

G_BEGIN_DECLS

/* A snapshot applies a scenario's edits over the reported figures once and
 * answers every question about the result. It is immutable and holds a
 * reference on the dataset; take a new one after the dataset changes. */
typedef struct _PledgeSnapshot PledgeSnapshot;

#define PLEDGE_SNAPSHOT_REPORTED (-1)

PledgeSnapshot      *pledge_snapshot_new            (PledgeDataset  *dataset,
                                                     int             scenario,
                                                     GError        **error);
/* The snapshot of the same scenario with one more edit at its end: copies
 * only the members the edit touches and sums again only the years it
 * touches. The result is identical to a snapshot made from scratch. */
PledgeSnapshot      *pledge_snapshot_new_with_edit  (PledgeSnapshot       *base,
                                                     const PledgeScenario *scenario,
                                                     const PledgeEdit     *edit,
                                                     GError              **error);
/* The dataset's figures under a scenario, from the dataset's cache when it
 * has them: after an edit at a scenario's end that costs a copy of a few
 * pointers. */
PledgeSnapshot      *pledge_dataset_get_snapshot    (PledgeDataset        *dataset,
                                                     int                   scenario,
                                                     GError              **error);
PledgeSnapshot      *pledge_snapshot_ref            (PledgeSnapshot *self);
void                 pledge_snapshot_unref          (PledgeSnapshot *self);

PledgeDataset       *pledge_snapshot_get_dataset    (PledgeSnapshot *self);
/* PLEDGE_SNAPSHOT_REPORTED or a scenario index. */
int                  pledge_snapshot_get_scenario   (PledgeSnapshot *self);

/* First and last year with figures for any member, projected years included. */
gboolean             pledge_snapshot_get_year_range (PledgeSnapshot *self,
                                                     int            *first,
                                                     int            *last);

/* The effective figures of one member-year; NULL when it has none. */
const PledgeFigures *pledge_snapshot_get_figures    (PledgeSnapshot *self,
                                                     guint           member,
                                                     int             year);
/* Every effective year of a member, sorted (PledgeFigures). */
GArray              *pledge_snapshot_get_member_figures (PledgeSnapshot *self,
                                                         guint           member);

PledgeStatus         pledge_snapshot_get_status     (PledgeSnapshot *self,
                                                     guint           member,
                                                     int             year);
double               pledge_snapshot_get_metric     (PledgeSnapshot *self,
                                                     guint           member,
                                                     int             year,
                                                     PledgeMetric    metric);
PledgeMeets          pledge_snapshot_meets          (PledgeSnapshot *self,
                                                     guint           member,
                                                     int             year,
                                                     guint           target);
double               pledge_snapshot_get_gap        (PledgeSnapshot *self,
                                                     guint           member,
                                                     int             year,
                                                     guint           target);

/* Sum of defence over the members of year that have a defence figure. */
double               pledge_snapshot_get_alliance_defence (PledgeSnapshot *self,
                                                           int             year);
/* Sum of base(y) over the same members (NAN if one of them has none). */
double               pledge_snapshot_get_alliance_gdp     (PledgeSnapshot *self,
                                                           int             year);
/* The alliance total covers the alliance in a year when every member of
 * that year whose reported figures have defence spending in some year has a
 * defence figure in it: a scenario that projects only some members has no
 * alliance total in its projected years. Returns the members missing;
 * expected, if not NULL, gets the members the total must cover. */
guint                pledge_snapshot_get_alliance_missing (PledgeSnapshot *self,
                                                           int             year,
                                                           guint          *expected);
/* Whether the sum of defence of year is the alliance's: a positive, finite
 * sum with no member missing. */
gboolean             pledge_snapshot_alliance_is_complete (PledgeSnapshot *self,
                                                           int             year);
/* The alliance's defence spending of year when the sum is complete (see
 * above), else NAN: the total a member's share is of. */
double               pledge_snapshot_get_complete_alliance_defence (PledgeSnapshot *self,
                                                                    int             year);
/* A member's share of the alliance's defence spending, in percent; NAN
 * when the year's total is not complete. */
double               pledge_snapshot_get_alliance_share   (PledgeSnapshot *self,
                                                           guint           member,
                                                           int             year);

/* The same, from the member's figures f of year in this snapshot, or NULL,
 * when the caller has them at hand: no lookup. */
double               pledge_snapshot_figures_alliance_share (PledgeSnapshot      *self,
                                                             guint                member,
                                                             int                  year,
                                                             const PledgeFigures *f);

/* "N of M members": meeting counts those that meet, members every member of
 * the year with or without figures. */
void                 pledge_snapshot_count          (PledgeSnapshot *self,
                                                     int             year,
                                                     guint           target,
                                                     guint          *meeting,
                                                     guint          *members);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeSnapshot, pledge_snapshot_unref)

G_END_DECLS
