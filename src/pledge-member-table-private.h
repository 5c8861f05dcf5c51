/* pledge-member-table-private.h: what the member table's files share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pledge-member-table.c makes the columns and cells,
 * pledge-member-table-menu.c the rows' context menu,
 * pledge-member-table-keys.c the keyboard: a grid of figures.
 */

#pragma once

#include "pledge-measures.h"
#include "pledge-member-table.h"

G_BEGIN_DECLS

typedef struct
{
  PledgeMemberTable  *table;    /* unowned: the table outlives its columns */
  PledgeMemberColumn  kind;
  guint               target;   /* PLEDGE_MEMBER_COLUMN_TARGET */
  char               *title;    /* the column's title, for accessible names */
} ColumnInfo;

struct _PledgeMemberTable
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GtkLabel           *alliance_note;  /* why "% of alliance" is empty */

  GListStore         *rows;          /* PledgeMemberRow */
  GPtrArray          *columns;       /* GtkColumnViewColumn, in PledgeMemberColumn order */
  PledgeDataset      *dataset;       /* whose targets the columns show */
  guint               n_targets;
  int                 plan_target;   /* -1: none */

  GtkPopover         *menu;          /* a row's context menu */
  GMenu              *menu_model;

  /* The measures' columns (pledge-member-table-columns.c) */
  GSettings          *settings;
  GSimpleActionGroup *column_actions;
  GMenu              *column_menu;    /* every column header's menu */
  PledgeMeasures     *measures;       /* of the snapshot shown */
  guint               known_extras;   /* PledgeExtra bits any figure has */
  int                 decimals[PLEDGE_MEMBER_COLUMN_TARGET]; /* of money columns */

  /* The keyboard (pledge-member-table-keys.c) */
  PledgeMemberColumn  focus_column;  /* the column of the cell last focused */
  guint               focus_idle;    /* moves the focus once rows are laid out */
  guint               focus_position;
  gboolean            edit_on_focus;  /* pledge_member_table_edit_cell() */

  /* Rows still to add (pledge-member-table-fill.c), from fill_next on */
  GPtrArray          *fill_rows;
  guint               fill_next;
  guint               fill_idle;
};


/* On each cell widget, for pledge_member_table_find_cell(). */
#define PLEDGE_CELL_ROW_KEY "pledge-cell-row"
#define PLEDGE_CELL_COLUMN_KEY "pledge-cell-column"

/* The cell widget under widget that shows row in info's column; NULL
 * when none does (scrolled out of view). */
GtkWidget       *pledge_member_table_cell_widget     (GtkWidget         *widget,
                                                      PledgeMemberRow   *row,
                                                      const ColumnInfo  *info);

/* The menu (pledge-member-table-menu.c) */
/* Replaces the rows with rows (PledgeMemberRow): the first at once, the
 * rest from an idle, a few at a time */
void             pledge_member_table_fill            (PledgeMemberTable *self,
                                                      GPtrArray         *rows);
void             pledge_member_table_fill_cancel     (PledgeMemberTable *self);
void             pledge_member_table_menu_init       (PledgeMemberTable *self);
void             pledge_member_table_menu_class_init (GtkWidgetClass    *widget_class);
PledgeMemberRow *pledge_member_table_row_of_widget   (PledgeMemberTable *self,
                                                      GtkWidget         *widget);
gboolean         pledge_member_table_popup_for_widget (PledgeMemberTable *self,
                                                       GtkWidget         *widget);

/* The measures' columns (pledge-member-table-columns.c) */
void             pledge_member_table_columns_init    (PledgeMemberTable *self);
void             pledge_member_table_columns_dispose (PledgeMemberTable *self);
/* Shows the columns of the measures the dataset has. */
void             pledge_member_table_columns_set_dataset  (PledgeMemberTable *self,
                                                           PledgeDataset     *dataset);
/* Before the rows are updated: the measures of snapshot. */
void             pledge_member_table_columns_set_snapshot (PledgeMemberTable *self,
                                                           PledgeSnapshot    *snapshot);
gboolean         pledge_member_column_is_measure     (PledgeMemberColumn kind);
const char      *pledge_member_table_measure_title   (PledgeMemberColumn kind);
int              pledge_member_table_measure_width   (PledgeMemberColumn kind);
double           pledge_member_table_measure_value   (PledgeMemberTable *self,
                                                      PledgeMemberColumn kind,
                                                      PledgeMemberRow   *row);
char            *pledge_member_table_measure_text    (PledgeMemberTable *self,
                                                      PledgeMemberColumn kind,
                                                      PledgeMemberRow   *row);
/* Before the rows are updated: the decimals of the money columns. */
void             pledge_member_table_columns_set_decimals (PledgeMemberTable *self,
                                                           PledgeSnapshot    *snapshot,
                                                           int                year);
char            *pledge_member_table_format_money    (double             value,
                                                      int                decimals);
char            *pledge_member_table_format_delta    (double             value,
                                                      int                decimals);
void             pledge_member_table_columns_set_alliance_note (PledgeMemberTable *self,
                                                                PledgeSnapshot    *snapshot,
                                                                int                year);
/* The decimals a money column shows in every row. */
int              pledge_member_table_money_decimals  (PledgeMemberTable *self,
                                                      PledgeMemberColumn kind);

/* The keyboard (pledge-member-table-keys.c) */
void             pledge_member_table_keys_init       (PledgeMemberTable *self);
void             pledge_member_table_keys_class_init (GtkWidgetClass    *widget_class);
void             pledge_member_table_keys_dispose    (PledgeMemberTable *self);
/* After Enter kept a cell's figure: the cell below, same column */
void             pledge_member_table_move_down_from  (PledgeMemberTable *self,
                                                      GtkWidget         *cell);

G_END_DECLS
