/* pledge-member-table-keys.c: the table as a grid of figures
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is one stop of Tab, not one per cell: Tab enters at the cell
 * last focused (the first figure at first) and the next Tab leaves. In
 * it, the arrow keys move by figure and keep the column, Enter keeps a
 * typed figure and moves down, and Page Up and Page Down change the year
 * as they do anywhere else in the window. Typing a number, Enter or F2
 * start editing a cell (pledge-figure-cell.c).
 */

#include "config.h"

#include "pledge-figure-cell.h"
#include "pledge-member-table-private.h"

static GListModel *
rows_on_screen (PledgeMemberTable *self)
{
  /* Sorted as shown */
  return G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
}

static const ColumnInfo *
column_info (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (column)),
                            "pledge-column");
}

static gboolean
is_figure_column (PledgeMemberColumn kind)
{
  return kind == PLEDGE_MEMBER_COLUMN_DEFENCE || kind == PLEDGE_MEMBER_COLUMN_GDP ||
         kind == PLEDGE_MEMBER_COLUMN_SHARE || kind == PLEDGE_MEMBER_COLUMN_EQUIPMENT;
}

/* The editable columns, in their order on screen */
static GPtrArray *
figure_columns (PledgeMemberTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GPtrArray *infos = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const ColumnInfo *info = column_info (column);

      if (info != NULL && is_figure_column (info->kind) &&
          gtk_column_view_column_get_visible (column))
        g_ptr_array_add (infos, (gpointer) info);
    }
  return infos;
}

static const ColumnInfo *
find_figure_column (PledgeMemberTable  *self,
                    PledgeMemberColumn  kind)
{
  g_autoptr(GPtrArray) infos = figure_columns (self);

  for (guint i = 0; i < infos->len; i++)
    if (((const ColumnInfo *) g_ptr_array_index (infos, i))->kind == kind)
      return g_ptr_array_index (infos, i);
  return infos->len > 0 ? g_ptr_array_index (infos, 0) : NULL;
}

/* The figure cell that has the focus, or holds it while editing */
static GtkWidget *
focused_cell (PledgeMemberTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  for (; focus != NULL && focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    if (PLEDGE_IS_FIGURE_CELL (focus))
      return focus;
  return NULL;
}

static guint
position_of (PledgeMemberTable *self,
             PledgeMemberRow   *row)
{
  GListModel *model = rows_on_screen (self);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PledgeMemberRow) item = g_list_model_get_item (model, i);

      if (item == row)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
list_view (PledgeMemberTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Focuses the cell at position in column now; FALSE when its row has no
 * widget yet */
static gboolean
try_focus (PledgeMemberTable  *self,
           guint               position,
           PledgeMemberColumn  column)
{
  g_autoptr(PledgeMemberRow) row = g_list_model_get_item (rows_on_screen (self), position);
  const ColumnInfo *info = find_figure_column (self, column);
  GtkWidget *cell;

  if (row == NULL || info == NULL)
    return FALSE;
  cell = pledge_member_table_cell_widget (GTK_WIDGET (self->column_view), row, info);
  if (cell == NULL || !gtk_widget_get_mapped (cell))
    return FALSE;
  self->focus_column = info->kind;
  self->focus_position = position;
  if (!gtk_widget_grab_focus (cell))
    return FALSE;
  if (self->edit_on_focus)
    pledge_figure_cell_start_editing (PLEDGE_FIGURE_CELL (cell));
  self->edit_on_focus = FALSE;
  return TRUE;
}

static gboolean
focus_when_laid_out (gpointer data)
{
  PledgeMemberTable *self = data;

  self->focus_idle = 0;
  try_focus (self, self->focus_position, self->focus_column);
  return G_SOURCE_REMOVE;
}

/* Scrolls the row at position into view and focuses its cell in column */
static void
focus_cell (PledgeMemberTable  *self,
            guint               position,
            PledgeMemberColumn  column)
{
  GtkWidget *list = list_view (self);

  if (position >= g_list_model_get_n_items (rows_on_screen (self)))
    return;
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  self->focus_position = position;
  self->focus_column = column;
  if (!try_focus (self, position, column) && self->focus_idle == 0)
    /* The row's widgets come with the next layout */
    self->focus_idle = g_idle_add_full (G_PRIORITY_LOW, focus_when_laid_out, self, NULL);
}

static gboolean
move_focus (PledgeMemberTable *self,
            GtkWidget         *cell,
            int                rows,
            int                columns)
{
  PledgeMemberRow *row = g_object_get_data (G_OBJECT (cell), PLEDGE_CELL_ROW_KEY);
  const ColumnInfo *info = g_object_get_data (G_OBJECT (cell), PLEDGE_CELL_COLUMN_KEY);
  g_autoptr(GPtrArray) infos = figure_columns (self);
  guint position, n_rows;
  guint c = 0;

  if (row == NULL || info == NULL)
    return FALSE;
  position = position_of (self, row);
  n_rows = g_list_model_get_n_items (rows_on_screen (self));
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  while (c < infos->len && g_ptr_array_index (infos, c) != info)
    c++;
  if (c == infos->len)
    return FALSE;

  /* At an edge the focus stays where it is */
  if ((rows < 0 && position == 0) || (rows > 0 && position + 1 >= n_rows) ||
      (columns < 0 && c == 0) || (columns > 0 && c + 1 >= infos->len))
    return TRUE;
  focus_cell (self, position + rows,
              ((const ColumnInfo *) g_ptr_array_index (infos, c + columns))->kind);
  return TRUE;
}

void
pledge_member_table_edit_cell (PledgeMemberTable  *self,
                               const char         *code,
                               PledgeMemberColumn  column)
{
  PledgeMemberRow *row;
  guint position;

  g_return_if_fail (PLEDGE_IS_MEMBER_TABLE (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (is_figure_column (column));

  row = pledge_member_table_find_row (self, code);
  position = row != NULL ? position_of (self, row) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  self->edit_on_focus = TRUE;
  focus_cell (self, position, column);
}

void
pledge_member_table_move_down_from (PledgeMemberTable *self,
                                    GtkWidget         *cell)
{
  g_return_if_fail (PLEDGE_IS_MEMBER_TABLE (self));
  g_return_if_fail (PLEDGE_IS_FIGURE_CELL (cell));

  move_focus (self, cell, 1, 0);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PledgeMemberTable     *self)
{
  GtkWidget *cell = focused_cell (self);
  gboolean editing = cell != NULL && pledge_figure_cell_get_editing (PLEDGE_FIGURE_CELL (cell));

  state &= gtk_accelerator_get_default_mod_mask ();
  /* The row's menu, a list of its own, keeps its keys */
  if (editing || state != 0 || gtk_widget_get_visible (GTK_WIDGET (self->menu)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    /* The year, as anywhere in the window: the table's list would only
     * scroll */
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return gtk_widget_activate_action (GTK_WIDGET (self), "win.previous-year", NULL);
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return gtk_widget_activate_action (GTK_WIDGET (self), "win.next-year", NULL);

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return cell != NULL && move_focus (self, cell, -1, 0);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return cell != NULL && move_focus (self, cell, 1, 0);
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return cell != NULL && move_focus (self, cell, 0, -1);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return cell != NULL && move_focus (self, cell, 0, 1);

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* One stop of Tab: entering focuses the cell last focused, and Tab from
 * inside leaves. Arrows and the rest go to the column view. */
static gboolean
pledge_member_table_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  PledgeMemberTable *self = PLEDGE_MEMBER_TABLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean inside = focus != NULL && gtk_widget_is_ancestor (focus, widget);
  guint n_rows = g_list_model_get_n_items (rows_on_screen (self));

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->focus (widget, direction);
  if (inside || n_rows == 0)
    return FALSE;

  if (self->focus_position >= n_rows)
    self->focus_position = 0;
  focus_cell (self, self->focus_position, self->focus_column);
  return TRUE;
}

static void
on_focus_change (PledgeMemberTable *self)
{
  GtkWidget *cell = focused_cell (self);
  PledgeMemberRow *row;
  const ColumnInfo *info;

  if (cell == NULL)
    return;
  /* Remember where Tab comes back to, whatever moved the focus there */
  row = g_object_get_data (G_OBJECT (cell), PLEDGE_CELL_ROW_KEY);
  info = g_object_get_data (G_OBJECT (cell), PLEDGE_CELL_COLUMN_KEY);
  if (row != NULL && info != NULL)
    {
      guint position = position_of (self, row);

      if (position != GTK_INVALID_LIST_POSITION)
        self->focus_position = position;
      self->focus_column = info->kind;
    }
}

void
pledge_member_table_keys_init (PledgeMemberTable *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focus_column = PLEDGE_MEMBER_COLUMN_DEFENCE;
  self->focus_position = 0;

  /* Before the column view's own bindings: its list moves by row */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_change), self);
  g_signal_connect_swapped (focus, "notify::contains-focus", G_CALLBACK (on_focus_change), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

void
pledge_member_table_keys_class_init (GtkWidgetClass *widget_class)
{
  widget_class->focus = pledge_member_table_focus;
}

void
pledge_member_table_keys_dispose (PledgeMemberTable *self)
{
  g_clear_handle_id (&self->focus_idle, g_source_remove);
}
