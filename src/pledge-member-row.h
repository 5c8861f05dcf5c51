/* pledge-member-row.h: one member in one year, an item of the member table
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pledge-snapshot.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_MEMBER_ROW (pledge_member_row_get_type ())

G_DECLARE_FINAL_TYPE (PledgeMemberRow, pledge_member_row, PLEDGE, MEMBER_ROW, GObject)

/* The values a row shows, each a column of the table. */
typedef enum
{
  PLEDGE_MEMBER_VALUE_DEFENCE,    /* money */
  PLEDGE_MEMBER_VALUE_GDP,        /* money: the GDP the figures give */
  PLEDGE_MEMBER_VALUE_SHARE,      /* defence, % of GDP */
  PLEDGE_MEMBER_VALUE_EQUIPMENT,  /* equipment, % of defence */
  PLEDGE_MEMBER_VALUE_ALLIANCE,   /* % of the alliance's defence spending */
  PLEDGE_N_MEMBER_VALUES
} PledgeMemberValue;

PledgeMemberRow *pledge_member_row_new          (guint            member);

guint            pledge_member_row_get_member   (PledgeMemberRow *self);
const char      *pledge_member_row_get_code     (PledgeMemberRow *self);
const char      *pledge_member_row_get_name     (PledgeMemberRow *self);
int              pledge_member_row_get_year     (PledgeMemberRow *self);

/* Points the row at new figures and emits ::changed. */
void             pledge_member_row_update       (PledgeMemberRow *self,
                                                 PledgeSnapshot  *snapshot,
                                                 int              year,
                                                 guint            target);

/* NAN where unknown. */
double           pledge_member_row_get_value    (PledgeMemberRow   *self,
                                                 PledgeMemberValue  value);
PledgeStatus     pledge_member_row_get_status   (PledgeMemberRow *self);
/* Whether the scenario shown changed this value from the reported one. */
gboolean         pledge_member_row_is_changed   (PledgeMemberRow   *self,
                                                 PledgeMemberValue  value);
/* How the scenario shown changes a value: its value minus the reported
 * one of the same year or, for a year past the member's last reported
 * year, of that last year, which *against (may be NULL) tells. A share
 * is compared as shown, rounded to two decimals. NAN for the reported
 * figures, or when either value is unknown. */
double           pledge_member_row_get_delta    (PledgeMemberRow   *self,
                                                 PledgeMemberValue  value,
                                                 int               *against);
PledgeMeets      pledge_member_row_meets        (PledgeMemberRow *self,
                                                 guint            target);
/* Whether it meets the target the table is about. */
PledgeMeets      pledge_member_row_meets_selected (PledgeMemberRow *self);

G_END_DECLS
