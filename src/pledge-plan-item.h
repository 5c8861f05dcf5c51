/* pledge-plan-item.h: one member's row of the deadline solver, an item of the plan table
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pledge-plan.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_PLAN_ITEM (pledge_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (PledgePlanItem, pledge_plan_item, PLEDGE, PLAN_ITEM, GObject)

/* A copy of row, with the member's code and name. */
PledgePlanItem      *pledge_plan_item_new      (const PledgePlanRow *row,
                                                const PledgeMember  *member);

/* Points the item at new figures of the same member and emits ::changed. */
void                 pledge_plan_item_set_row  (PledgePlanItem      *self,
                                                const PledgePlanRow *row);
const PledgePlanRow *pledge_plan_item_get_row  (PledgePlanItem      *self);
const char          *pledge_plan_item_get_code (PledgePlanItem      *self);
const char          *pledge_plan_item_get_name (PledgePlanItem      *self);

/* One number of decimals for a money column of the plan, in every row:
 * those its largest magnitude needs, as the charts do. cumulative: of the
 * cumulative gap, else of the gap now. */
int                  pledge_plan_rows_money_decimals (GArray   *rows,
                                                      gboolean  cumulative);
/* value to decimals, grouped in the user's locale; "" for NAN. */
char                *pledge_plan_format_money        (double    value,
                                                      int       decimals);

G_END_DECLS
