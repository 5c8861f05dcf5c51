/* pledge-member-table-fill.c: the table's rows added a few at a time
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkColumnView makes cell widgets for up to about 200 rows of its model
 * when rows arrive, however few it shows: given a dataset of thousands
 * of members at once, that took 0.26 s of the main loop before the window
 * could draw (tests/bench-window). The rows a window shows go in at once;
 * the rest follow in steps of a few dozen rows from an idle, so that the
 * window draws the dataset first and no step holds the main loop long.
 * Once the view has its widgets, the rest go in in one step.
 */

#include "config.h"

#include "pledge-member-table-private.h"

/* Rows in the first step: more than the table can show, a row being no
 * less than this tall (21 pixels at the default font); this many when
 * the table has no height yet, and all of them when no more. Each row
 * given to the view costs its cell widgets: the window's 38 rows where
 * the table shows 12 were a third of the main loop's longest stall
 * opening 3,334 members (tests/bench-window under perf). */
#define MIN_ROW_HEIGHT 20
#define FIRST_ROWS 48
/* Rows a later step while the view still makes widgets for them */
#define STEP_ROWS 24
/* The view makes widgets for no more rows than this (GtkListView's own
 * limit is 200); past it a step adds every row left */
#define WIDGET_ROWS 240

/* Adds the next n rows after those added; the first step replaces the
 * rows the table had, in one change, as a table that fits in one step
 * always did */
static void
add_rows (PledgeMemberTable *self,
          guint              n)
{
  guint start = self->fill_next;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  n = MIN (n, self->fill_rows->len - start);
  g_list_store_splice (self->rows, start == 0 ? 0 : n_items, start == 0 ? n_items : 0,
                       self->fill_rows->pdata + start, n);
  self->fill_next += n;
}

/* The rows the table can show: by its height, or before it has one (just
 * shown, as when a window's first dataset arrives) by the window's, less
 * what the pane above the table keeps */
static guint
first_rows (PledgeMemberTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *paned = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_PANED);
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0 && root != NULL)
    height = gtk_widget_get_height (GTK_WIDGET (root)) -
             (paned != NULL ? gtk_paned_get_position (GTK_PANED (paned)) : 0);
  return height > 0 ? (guint) height / MIN_ROW_HEIGHT + 1 : FIRST_ROWS;
}

/* Adds a step of rows: the first (all of an alliance's few dozen), then
 * STEP_ROWS at a time, then every row left. Called for the first step,
 * and from the idle it adds for the others. */
static gboolean
fill_step (gpointer data)
{
  PledgeMemberTable *self = data;
  gboolean first = self->fill_next == 0;

  if (first)
    add_rows (self, self->fill_rows->len <= FIRST_ROWS ? self->fill_rows->len
                                                       : first_rows (self));
  else
    add_rows (self, self->fill_next < WIDGET_ROWS ? STEP_ROWS : G_MAXUINT);

  if (self->fill_next == self->fill_rows->len)
    {
      self->fill_idle = 0;
      g_clear_pointer (&self->fill_rows, g_ptr_array_unref);
      return G_SOURCE_REMOVE;
    }
  if (first)
    {
      /* The others after the frame that shows the first rows */
      self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, fill_step, self, NULL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
pledge_member_table_fill (PledgeMemberTable *self,
                          GPtrArray         *rows)
{
  pledge_member_table_fill_cancel (self);
  self->fill_rows = g_ptr_array_ref (rows);
  self->fill_next = 0;
  /* A table not yet laid out (the window's first dataset) gets its first
   * rows from an idle before the next frame: the main loop runs between
   * what showed the dataset and the first rows' widgets. An alliance's
   * few dozen rows go in at once, whatever the table shows. */
  if (rows->len > FIRST_ROWS && gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    self->fill_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fill_step, self, NULL);
  else
    fill_step (self);
}

void
pledge_member_table_fill_cancel (PledgeMemberTable *self)
{
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  g_clear_pointer (&self->fill_rows, g_ptr_array_unref);
}

/**
 * pledge_member_table_get_filling:
 *
 * Whether rows of the snapshot last set are still to be added to the
 * table (a few at a time, after the window has drawn the first ones).
 */
gboolean
pledge_member_table_get_filling (PledgeMemberTable *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), FALSE);
  return self->fill_rows != NULL;
}

/**
 * pledge_member_table_get_shows_rows:
 *
 * Whether the table has the rows of the snapshot last set that it can
 * show: all of them, or the first step of a fill.
 */
gboolean
pledge_member_table_get_shows_rows (PledgeMemberTable *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), FALSE);
  return self->fill_rows == NULL || self->fill_next > 0;
}
