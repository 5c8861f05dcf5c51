/* pledge-figure-cell.h: a figure in the table that the user can change
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLEDGE_TYPE_FIGURE_CELL (pledge_figure_cell_get_type ())

G_DECLARE_FINAL_TYPE (PledgeFigureCell, pledge_figure_cell, PLEDGE, FIGURE_CELL, GtkWidget)

/* Shows a figure as a label; a click or Enter turns it into a text field.
 * Enter or moving the focus away commits, Escape cancels; a commit of
 * changed text emits ::commit. Styled as a GtkEditableLabel, without
 * GTK 4.8's timeout that outlives the widget. */
GtkWidget  *pledge_figure_cell_new           (void);

const char *pledge_figure_cell_get_text      (PledgeFigureCell *self);
/* Sets the figure shown; cancels editing. */
void        pledge_figure_cell_set_text      (PledgeFigureCell *self,
                                              const char       *text);
gboolean    pledge_figure_cell_get_editing   (PledgeFigureCell *self);
void        pledge_figure_cell_start_editing (PledgeFigureCell *self);
/* Starts editing with typed in place of the figure (a key typed on the
 * cell); NULL for the figure, selected. */
void        pledge_figure_cell_start_editing_with (PledgeFigureCell *self,
                                                   const char       *typed);
void        pledge_figure_cell_stop_editing  (PledgeFigureCell *self,
                                              gboolean          commit);
/* The text field, while editing or not. */
GtkEditable *pledge_figure_cell_get_entry    (PledgeFigureCell *self);

/* Room for this many characters of the figure */
void         pledge_figure_cell_set_width_chars (PledgeFigureCell *self,
                                                 guint             n_chars);

G_END_DECLS
