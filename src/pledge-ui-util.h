/* pledge-ui-util.h: small pieces the windows and dialogs share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-dataset.h"

G_BEGIN_DECLS

/* A dropdown of GtkStringObjects: its button shows the item on one line,
 * ellipsized past max_chars; its popover shows it whole, wrapped. */
void       pledge_ui_set_label_factories (GtkDropDown          *dropdown,
                                          int                   max_chars);

/* What a file chooser gives back: the file, or NULL when the user
 * cancelled. */
typedef void (*PledgeUiFileChosen) (GtkWindow *parent,
                                    GFile     *file);

/* Asks for a file to open or to save (action) over parent, starting in
 * folder and, when saving, with name, and calls done with the answer. On
 * GTK 4.8 the chooser is a GtkFileChooserNative kept in *native while it
 * is open: nothing happens while one is, and the owner's dispose calls
 * pledge_ui_clear_file_chooser(). From GTK 4.10 it is a GtkFileDialog. */
void       pledge_ui_choose_file         (GtkWindow            *parent,
                                          GtkFileChooserAction  action,
                                          const char           *title,
                                          const char           *accept_label,
                                          GtkFileFilter        *filter,
                                          GFile                *folder,
                                          const char           *name,
                                          GtkNativeDialog     **native,
                                          PledgeUiFileChosen    done);
/* Closes a chooser still open, without calling its done. */
void       pledge_ui_clear_file_chooser  (GtkNativeDialog     **native);

/* A member's cell: the name, ellipsized past width_chars, and the code in
 * small dim letters after it. */
GtkWidget *pledge_ui_name_cell_new       (int                   width_chars);
/* Shows name and code in a cell pledge_ui_name_cell_new() made, whose
 * accessible label is the name; returns the name's label. */
GtkWidget *pledge_ui_name_cell_set       (GtkWidget            *cell,
                                          const char           *name,
                                          const char           *code);

/* The ::changed signal of a table's row objects (PledgeMemberRow,
 * PledgePlanItem): their figures changed, and the cells showing them
 * redraw. Call in class_init. */
guint      pledge_ui_new_changed_signal  (GType                 type);

/* Keeps a list item's cell up to date with its item: update (item,
 * list_item) runs now and on each of the item's ::changed, until unwatch
 * (a column's "bind" and "unbind"). */
void       pledge_ui_list_item_watch     (GtkListItem          *list_item,
                                          GCallback             update);
void       pledge_ui_list_item_unwatch   (GtkListItem          *list_item);

/* A short title for a target, as its column shows it: "3.5% of GDP". */
char      *pledge_target_dup_short_title (const PledgeTarget   *target);
/* Orders two figures, unknown (NaN) ones after every known one. */
int        pledge_ui_compare_double      (double                a,
                                          double                b);
void       pledge_ui_set_css_class       (GtkWidget            *widget,
                                          const char           *name,
                                          gboolean              set);
/* Room for the longest of some translated words, NULL-terminated. */
guint      pledge_ui_longest             (const char *const    *words);
/* A cell of text that is cheap in a table of hundreds (a GtkInscription),
 * nat_chars wide, and its text, told to assistive technology too. */
GtkWidget *pledge_ui_text_cell_new       (float                 xalign,
                                          guint                 nat_chars);
void       pledge_ui_text_cell_set       (GtkWidget            *cell,
                                          const char           *text);

/* A toast whose title (markup) wraps rather than being cut, with a
 * button, e.g. "_Undo", that activates action (NULL for none). Its
 * "title" is then NULL: pledge_ui_toast_get_title() says it. */
AdwToast  *pledge_ui_toast_new_wrapped   (const char           *title,
                                          const char           *button_label,
                                          const char           *action);

const char *pledge_ui_toast_get_title    (AdwToast             *toast);

/* Why a dataset could not be opened, in plain words, with the loader's
 * own message (file, line and detail) below: for an error dialog. */
char      *pledge_ui_describe_load_error (const GError         *error);

/* Escape and Ctrl+W close window, as in every GNOME dialog. */
void       pledge_ui_add_close_shortcuts (GtkWindow            *window);

/* Accessibility */

/* Names what GTK builds inside widgets and leaves nameless, under root:
 * the button inside a GtkDropDown or a GtkMenuButton is labelled by the
 * dropdown or menu button (give those a label), and scroll bars say their
 * direction. Call once the widgets are built. */
void       pledge_ui_name_inner_widgets  (GtkWidget            *root);
/* Names a column view, its list of rows and its row of titles. */
void       pledge_ui_name_column_view    (GtkColumnView        *view,
                                          const char           *name);
/* Sets a widget's accessible name and, when description is not NULL, its
 * description. */
void       pledge_ui_set_accessible      (GtkWidget            *widget,
                                          const char           *name,
                                          const char           *description);

G_END_DECLS
