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

  GListStore         *rows;          /* PledgeMemberRow */
  GPtrArray          *columns;       /* GtkColumnViewColumn, in PledgeMemberColumn order */
  PledgeDataset      *dataset;       /* whose targets the columns show */
  guint               n_targets;
  int                 plan_target;   /* -1: none */

  GtkPopover         *menu;          /* a row's context menu */
  GMenu              *menu_model;

  /* The keyboard (pledge-member-table-keys.c) */
  PledgeMemberColumn  focus_column;  /* the column of the cell last focused */
  guint               focus_idle;    /* moves the focus once rows are laid out */
  guint               focus_position;
  gboolean            edit_on_focus;  /* pledge_member_table_edit_cell() */
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
void             pledge_member_table_menu_init       (PledgeMemberTable *self);
void             pledge_member_table_menu_class_init (GtkWidgetClass    *widget_class);
PledgeMemberRow *pledge_member_table_row_of_widget   (PledgeMemberTable *self,
                                                      GtkWidget         *widget);
gboolean         pledge_member_table_popup_for_widget (PledgeMemberTable *self,
                                                       GtkWidget         *widget);

/* The keyboard (pledge-member-table-keys.c) */
void             pledge_member_table_keys_init       (PledgeMemberTable *self);
void             pledge_member_table_keys_class_init (GtkWidgetClass    *widget_class);
void             pledge_member_table_keys_dispose    (PledgeMemberTable *self);
/* After Enter kept a cell's figure: the cell below, same column */
void             pledge_member_table_move_down_from  (PledgeMemberTable *self,
                                                      GtkWidget         *cell);

G_END_DECLS
