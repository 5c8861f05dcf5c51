/* pledge-member-table.h: the members of one year, their figures and targets
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pledge-member-row.h"
#include "pledge-snapshot.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_MEMBER_TABLE (pledge_member_table_get_type ())

G_DECLARE_FINAL_TYPE (PledgeMemberTable, pledge_member_table, PLEDGE, MEMBER_TABLE, GtkWidget)

/* The table's columns; one PLEDGE_MEMBER_COLUMN_TARGET + i per target.
 * The differences show only while a scenario is, right after the share of
 * GDP: the order on screen is not the order of this list. */
typedef enum
{
  PLEDGE_MEMBER_COLUMN_NAME,
  PLEDGE_MEMBER_COLUMN_DEFENCE,
  PLEDGE_MEMBER_COLUMN_GDP,
  PLEDGE_MEMBER_COLUMN_SHARE,
  PLEDGE_MEMBER_COLUMN_EQUIPMENT,
  PLEDGE_MEMBER_COLUMN_ALLIANCE,
  PLEDGE_MEMBER_COLUMN_STATUS,
  PLEDGE_MEMBER_COLUMN_DELTA_SHARE,   /* the scenario's change to the share of GDP */
  PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE, /* the scenario's change to defence spending */
  /* The version 2 measures, each shown or hidden by the user: */
  PLEDGE_MEMBER_COLUMN_CONSTANT,      /* defence at constant prices */
  PLEDGE_MEMBER_COLUMN_REAL_CHANGE,   /* % real change from the year before */
  PLEDGE_MEMBER_COLUMN_PER_CAPITA,    /* defence per head */
  PLEDGE_MEMBER_COLUMN_PERSONNEL,     /* military personnel, thousands */
  PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE,
  PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE,
  PLEDGE_MEMBER_COLUMN_OTHER_SHARE,
  PLEDGE_MEMBER_COLUMN_TARGET,
} PledgeMemberColumn;

GtkWidget       *pledge_member_table_new           (void);

/* Shows the members of year, marking those that meet target. Rows that
 * stay keep their place, so an edit does not lose the scroll position. */
void             pledge_member_table_set_snapshot  (PledgeMemberTable *self,
                                                    PledgeSnapshot    *snapshot,
                                                    int                year,
                                                    guint              target);

/* The target a row's context menu offers to reach by its due year (see
 * win.reach-target); -1 for none. */
void             pledge_member_table_set_plan_target (PledgeMemberTable *self,
                                                      int                target);

/* Opens a row's context menu, as a right click or the Menu key does. */
void             pledge_member_table_popup_menu    (PledgeMemberTable *self,
                                                    const char        *code);
/* The context menu while it is shown, else NULL. */
GtkPopover      *pledge_member_table_get_menu      (PledgeMemberTable *self);

GtkColumnView   *pledge_member_table_get_column_view (PledgeMemberTable *self);
/* Whether rows are still being added, a few at a time */
gboolean         pledge_member_table_get_filling     (PledgeMemberTable *self);
gboolean         pledge_member_table_get_shows_rows  (PledgeMemberTable *self);
/* Why the "% of alliance" column is empty in the year shown, when it is
 * for want of a total that covers the alliance; else NULL. */
const char      *pledge_member_table_get_alliance_note (PledgeMemberTable *self);
/* The column of a kind (the first target's for PLEDGE_MEMBER_COLUMN_TARGET). */
GtkColumnViewColumn *pledge_member_table_get_column (PledgeMemberTable  *self,
                                                     PledgeMemberColumn  column);
guint            pledge_member_table_get_n_rows    (PledgeMemberTable *self);
/* The row of a member; NULL when it is not in the table. */
PledgeMemberRow *pledge_member_table_find_row      (PledgeMemberTable *self,
                                                    const char        *code);
/* The text a cell shows (for tests and accessibility). */
char            *pledge_member_table_dup_cell_text (PledgeMemberTable  *self,
                                                    const char         *code,
                                                    PledgeMemberColumn  column);
/* The widget showing a cell: a PledgeFigureCell for the editable columns,
 * else a label or a box. NULL while the row is scrolled out of view. */
GtkWidget       *pledge_member_table_find_cell     (PledgeMemberTable  *self,
                                                    const char         *code,
                                                    PledgeMemberColumn  column);
/* Scrolls to a member's cell, focuses it and starts editing it, as Enter
 * on it does (the chart's Enter on a member). */
void             pledge_member_table_edit_cell     (PledgeMemberTable  *self,
                                                    const char         *code,
                                                    PledgeMemberColumn  column);
/* Commits text typed into an editable cell as the cell does: a number in
 * the user's locale, else ::invalid-input. Returns whether it was a number. */
gboolean         pledge_member_table_commit_text   (PledgeMemberTable  *self,
                                                    const char         *code,
                                                    PledgeMemberColumn  column,
                                                    const char         *text);

G_END_DECLS
