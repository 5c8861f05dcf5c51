/* pledge-window-private.h: what the window's files share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pledge-window.c holds the widgets and their wiring,
 * pledge-window-actions.c what the actions do, pledge-window-files.c the
 * file choosers, recent files, dropped files, recovery and reload.
 */

#pragma once

#include <adwaita.h>

#include "pledge-document.h"
#include "pledge-member-table.h"
#include "pledge-window.h"

G_BEGIN_DECLS

struct _PledgeWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *scenario_dropdown;
  GMenu               *recent_menu;
  GtkStack            *main_stack;
  GtkDropDown         *target_dropdown;
  GtkLabel            *count_label;
  AdwSqueezer         *switcher_squeezer;
  GtkWidget           *switcher_none;
  AdwViewStack        *chart_stack;
  AdwViewSwitcher     *switcher;
  AdwViewSwitcherBar  *switcher_bar;
  GtkLabel            *table_title;
  GtkLabel            *units_label;
  PledgeMemberTable   *member_table;

  GtkWidget           *charts[PLEDGE_N_CHARTS];
  GtkStringList       *years;
  GtkStringList       *scenarios;
  GtkStringList       *targets;

  GSettings           *settings;
  GtkRecentManager    *recent;

  PledgeDocument      *document;

  /* What is shown */
  int                  year;
  int                  first_year;
  int                  last_year;
  guint                target;
  char                *summary;

  gboolean             updating;        /* while the window fills its own dropdowns */
  gboolean             close_confirmed; /* the user chose to close */
  gboolean             close_after_save;
  GtkWindow           *dialog;          /* weak */
  GtkWindow           *export_dialog;   /* weak */
  GtkWindow           *grow_dialog;     /* weak */
  GtkWindow           *plan_window;     /* weak */
  GtkNativeDialog     *native;          /* the file chooser while open */
  char                *last_toast;

  AdwToast            *disk_toast;      /* weak: "The file changed on disk" */
};

/* What the window shows of its document. */
static inline PledgeDataset *
win_dataset (PledgeWindow *self)
{
  return pledge_document_get_dataset (self->document);
}

static inline PledgeSnapshot *
win_snapshot (PledgeWindow *self)
{
  return pledge_document_get_snapshot (self->document);
}

static inline PledgeUndoStack *
win_undo (PledgeWindow *self)
{
  return pledge_document_get_undo_stack (self->document);
}

static inline GFile *
win_file (PledgeWindow *self)
{
  return pledge_document_get_file (self->document);
}

static inline const char *
win_display_name (PledgeWindow *self)
{
  return pledge_document_get_display_name (self->document);
}

/* Feedback (pledge-window.c) */
void        pledge_window_show_toast          (PledgeWindow *self,
                                               AdwToast     *toast);
void        pledge_window_show_message        (PledgeWindow *self,
                                               const char   *title);
/* A toast whose button undoes what it tells of. */
void        pledge_window_show_undo_toast     (PledgeWindow *self,
                                               const char   *title);
void        pledge_window_show_error          (PledgeWindow *self,
                                               const char   *heading,
                                               const char   *message);
/* An error about what the user did in another window, shown over it. */
void        pledge_window_show_error_over     (PledgeWindow *self,
                                               GtkWindow    *parent,
                                               const char   *heading,
                                               const char   *message);
/* Keeps a weak pointer to the message dialog shown, for tests. */
void        pledge_window_track_dialog        (PledgeWindow *self,
                                               GtkWindow    *dialog);
void        pledge_window_present_dialog      (PledgeWindow *self,
                                               GtkWindow    *dialog);
/* Presents dialog now, or once the window is on screen. */
void        pledge_window_present_when_shown  (PledgeWindow *self,
                                               GtkWindow    *dialog);

/* State (pledge-window.c) */
gboolean    pledge_window_has_changes         (PledgeWindow *self);
int         pledge_window_active_scenario     (PledgeWindow *self);
/* The name of what the window shows: a scenario, or the reported figures. */
const char *pledge_window_scenario_name       (PledgeWindow *self);
void        pledge_window_update_title        (PledgeWindow *self);
void        pledge_window_update_actions      (PledgeWindow *self);
void        pledge_window_discard_recovery    (PledgeWindow *self);
/* Closes the window after the user chose to, from the main loop. */
void        pledge_window_close_confirmed     (PledgeWindow *self);

/* Files (pledge-window-files.c) */
void        pledge_window_files_class_init    (GtkWidgetClass *widget_class);
void        pledge_window_files_init          (PledgeWindow *self);
void        pledge_window_open_file           (PledgeWindow *self,
                                               GFile        *file,
                                               gboolean      bundled);
void        pledge_window_save                (PledgeWindow *self);
void        pledge_window_save_as             (PledgeWindow *self);
void        pledge_window_dismiss_disk_toast  (PledgeWindow *self);
void        pledge_window_fill_recent         (PledgeWindow *self);
/* "Save Changes?" before a window with unsaved changes closes. */
void        pledge_window_ask_before_closing  (PledgeWindow *self);

/* Actions (pledge-window-actions.c) */
void        pledge_window_actions_class_init  (GtkWidgetClass *widget_class);
/* Compare With (pledge-window-compare.c) */
void        pledge_window_compare_class_init  (GtkWidgetClass *widget_class);
void        pledge_window_compare_update      (PledgeWindow   *self,
                                               PledgeSnapshot *snapshot);
void        pledge_window_compare_export      (PledgeWindow   *self,
                                               GtkWindow      *dialog);
void        pledge_window_actions_init        (PledgeWindow *self);
/* The export dialog's weak reference (a GWeakNotify). */
void        pledge_window_clear_export_dialog (gpointer      data,
                                               GObject      *where_the_object_was);

G_END_DECLS
