/* pledge-window.h
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-chart.h"
#include "pledge-document.h"
#include "pledge-member-table.h"
#include "pledge-snapshot.h"
#include "pledge-undo.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_WINDOW (pledge_window_get_type ())

G_DECLARE_FINAL_TYPE (PledgeWindow, pledge_window, PLEDGE, WINDOW, AdwApplicationWindow)

PledgeWindow *pledge_window_new  (GtkApplication *application);
/* Loads a dataset; on failure shows the error and keeps what it had.
 * A bundled dataset is never saved over: Save asks for a new file.
 * When the window holds unsaved changes, the file opens in a new window
 * instead, so nothing edited is lost without a question. */
void          pledge_window_load (PledgeWindow   *self,
                                  GFile          *file,
                                  gboolean        bundled);

/* What the window shows. */
/* The document the window shows and edits. */
PledgeDocument  *pledge_window_get_document    (PledgeWindow *self);
PledgeDataset   *pledge_window_get_dataset     (PledgeWindow *self);
PledgeUndoStack *pledge_window_get_undo_stack  (PledgeWindow *self);
PledgeSnapshot  *pledge_window_get_snapshot    (PledgeWindow *self);
/* The file the dataset saves to; NULL for a bundled dataset. */
GFile           *pledge_window_get_file        (PledgeWindow *self);
int              pledge_window_get_year        (PledgeWindow *self);
void             pledge_window_set_year        (PledgeWindow *self,
                                                int           year);
guint            pledge_window_get_target      (PledgeWindow *self);
void             pledge_window_set_target      (PledgeWindow *self,
                                                guint         target);
/* PLEDGE_SNAPSHOT_REPORTED or a scenario index. */
int              pledge_window_get_scenario    (PledgeWindow *self);
void             pledge_window_set_scenario    (PledgeWindow *self,
                                                int           scenario);

/* Changes one figure of the year shown in the active scenario, creating
 * "Scenario N" first when the reported figures are shown: what typing into
 * the table does. Undoes as one step. */
gboolean         pledge_window_edit_figure     (PledgeWindow *self,
                                                const char   *code,
                                                PledgeField   field,
                                                double        value,
                                                GError      **error);

/* Test hooks: the widgets and windows a test drives or inspects. */
PledgeMemberTable *pledge_window_get_member_table (PledgeWindow   *self);
GtkWidget         *pledge_window_get_chart_view   (PledgeWindow   *self,
                                                   PledgeChartKind kind);
/* Whether the window is still working on what it shows: its file loads,
 * a thread computes a chart, or the table's rows are still being added
 * (large datasets). */
gboolean           pledge_window_get_busy         (PledgeWindow   *self);
/* Whether the window shows its dataset: loaded, and the chart shown
 * computed; the table shows its first rows, and the rest may still be
 * arriving (pledge_window_get_busy()). */
gboolean           pledge_window_get_shows_dataset (PledgeWindow  *self);
/* The "6 of 28 members …" line, without markup. */
const char        *pledge_window_get_summary      (PledgeWindow   *self);
/* The message dialog the window shows (an error, or the question before
 * closing), or NULL. */
GtkWindow         *pledge_window_get_dialog       (PledgeWindow   *self);
/* The export dialog while it is open, or NULL. */
GtkWindow         *pledge_window_get_export_dialog (PledgeWindow  *self);
/* The Grow Spending dialog while it is open, or NULL. */
GtkWindow         *pledge_window_get_grow_dialog  (PledgeWindow  *self);
/* The plan's window while it is open, or NULL. */
GtkWindow         *pledge_window_get_plan_window  (PledgeWindow  *self);
/* The title of the last toast shown, or NULL. */
const char        *pledge_window_get_last_toast   (PledgeWindow   *self);

G_END_DECLS
