/* pledge-grow-dialog.h: grow members' spending year by year in a scenario
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-snapshot.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_GROW_DIALOG (pledge_grow_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PledgeGrowDialog, pledge_grow_dialog, PLEDGE, GROW_DIALOG, AdwWindow)

/* The options of the format's `grow` edit, over the figures of snapshot:
 * which members, from and to which year, and the yearly growth of defence
 * spending and, optionally, of GDP. From starts at the dataset's last
 * reported year, to at 2035. Apply emits ::apply; whoever applies the
 * edits closes the dialog, or tells the user why they could not. */
PledgeGrowDialog *pledge_grow_dialog_new              (GtkWindow        *parent,
                                                       PledgeSnapshot   *snapshot);

/* NULL: every member of the year grown from. */
void              pledge_grow_dialog_set_members      (PledgeGrowDialog  *self,
                                                       const char *const *codes);
char            **pledge_grow_dialog_dup_members      (PledgeGrowDialog  *self);
void              pledge_grow_dialog_set_years        (PledgeGrowDialog  *self,
                                                       int                from,
                                                       int                to);
int               pledge_grow_dialog_get_from         (PledgeGrowDialog  *self);
int               pledge_grow_dialog_get_to           (PledgeGrowDialog  *self);
/* Percent a year. */
void              pledge_grow_dialog_set_defence_rate (PledgeGrowDialog  *self,
                                                       double             rate);
double            pledge_grow_dialog_get_defence_rate (PledgeGrowDialog  *self);
/* NAN: GDP keeps the figures it has. */
void              pledge_grow_dialog_set_gdp_rate     (PledgeGrowDialog  *self,
                                                       double             rate);
double            pledge_grow_dialog_get_gdp_rate     (PledgeGrowDialog  *self);

/* The edits the options make: one for every member ("*"), or one per
 * chosen member. A PledgeEdit array that frees them. */
GPtrArray        *pledge_grow_dialog_build_edits      (PledgeGrowDialog  *self);

G_END_DECLS
