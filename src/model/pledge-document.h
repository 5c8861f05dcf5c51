/* pledge-document.h: a dataset open for editing, and its file
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a window shows and edits, without the window: the dataset, its undo
 * stack, the active scenario and its snapshot, the file it came from (or
 * the bundled dataset), loading, saving and reloading, the recovery file
 * that keeps unsaved work safe, and the watch on the file for changes
 * another program makes. Windows observe it through its properties and
 * its ::changed signal.
 */

#pragma once

#include <gio/gio.h>

#include "pledge-dataset.h"
#include "pledge-import.h"
#include "pledge-snapshot.h"
#include "pledge-undo.h"

G_BEGIN_DECLS

#define PLEDGE_DOCUMENT_ERROR (pledge_document_error_quark ())

typedef enum
{
  PLEDGE_DOCUMENT_ERROR_EMPTY,    /* nothing is loaded */
  PLEDGE_DOCUMENT_ERROR_NO_FILE,  /* a bundled dataset has no file to save to */
  PLEDGE_DOCUMENT_ERROR_CHANGED,  /* edited while a file loaded: the load gave way */
} PledgeDocumentError;

GQuark pledge_document_error_quark (void);

#define PLEDGE_TYPE_DOCUMENT (pledge_document_get_type ())

G_DECLARE_FINAL_TYPE (PledgeDocument, pledge_document, PLEDGE, DOCUMENT, GObject)

PledgeDocument  *pledge_document_new                (void);

/* Loading replaces what the document holds only when it succeeds. A
 * bundled dataset (a resource) has no file of its own: saving it asks for
 * one. A file that is not a dataset by its content (an .xlsx workbook, a
 * CSV) is imported: see pledge_document_get_import_report(). */
gboolean         pledge_document_load               (PledgeDocument  *self,
                                                     GFile           *file,
                                                     gboolean         bundled,
                                                     GError         **error);
/* Reads the file again, keeping the active scenario where it still exists,
 * and lets go of unsaved work and its recovery file. */
gboolean         pledge_document_reload             (PledgeDocument  *self,
                                                     GError         **error);
/* The same in a thread, for a window that must not freeze on a large file:
 * the document keeps what it has, usable, until the new dataset is ready,
 * and shows it then. Meanwhile :loading is TRUE and :progress (0..1, the
 * share of the file read) is notified a few times a second. A regular
 * file of 1 MiB or less loads at once, as pledge_document_load() does,
 * without a thread or :loading; the callback still comes from the main
 * loop. One load at a
 * time: a new one cancels the one running. Cancelling (cancellable, or
 * pledge_document_cancel_load()) ends it with G_IO_ERROR_CANCELLED. An edit
 * made while the file loads is never thrown away: the load then ends with
 * PLEDGE_DOCUMENT_ERROR_CHANGED and the document keeps the edit. */
void             pledge_document_load_async         (PledgeDocument       *self,
                                                     GFile                *file,
                                                     gboolean              bundled,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         pledge_document_load_finish        (PledgeDocument       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void             pledge_document_reload_async       (PledgeDocument       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         pledge_document_reload_finish      (PledgeDocument       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void             pledge_document_cancel_load        (PledgeDocument       *self);
/* Starts reading file in a thread now, before anything asks for it: the
 * first pledge_document_load_async() of the same file waits for that read
 * and takes it, instead of reading the file again; any other load lets it
 * go. For the file on the command line, read while GTK and the window
 * start. Files that load at once (1 MiB or less) and other publishers'
 * files are left to the load. */
void             pledge_document_read_ahead         (GFile                *file);
gboolean         pledge_document_get_loading        (PledgeDocument       *self);
double           pledge_document_get_progress       (PledgeDocument       *self);

/* Saves to the document's file; fails for a bundled dataset. */
gboolean         pledge_document_save               (PledgeDocument  *self,
                                                     GError         **error);
/* Saves to file, which becomes the document's file. A failed save leaves
 * the document as it was, its file and its changes. */
gboolean         pledge_document_save_as            (PledgeDocument  *self,
                                                     GFile           *file,
                                                     GError         **error);

PledgeDataset   *pledge_document_get_dataset        (PledgeDocument  *self);
PledgeUndoStack *pledge_document_get_undo_stack     (PledgeDocument  *self);
/* The figures of the active scenario: a new snapshot after each change,
 * announced by ::changed. */
PledgeSnapshot  *pledge_document_get_snapshot       (PledgeDocument  *self);
/* The file; NULL when nothing is loaded or the dataset is bundled. */
GFile           *pledge_document_get_file           (PledgeDocument  *self);
const char      *pledge_document_get_display_name   (PledgeDocument  *self);
gboolean         pledge_document_get_bundled        (PledgeDocument  *self);
/* After a load that imported another publisher's file (a workbook, a
 * CSV): what it took and left out; NULL otherwise. Such a document has no
 * file and has changes until it is saved. */
const PledgeImportReport *pledge_document_get_import_report (PledgeDocument *self);
gboolean         pledge_document_get_has_changes    (PledgeDocument  *self);
gboolean         pledge_document_get_can_undo       (PledgeDocument  *self);
gboolean         pledge_document_get_can_redo       (PledgeDocument  *self);

/* The active scenario, PLEDGE_SNAPSHOT_REPORTED for the reported figures. */
int              pledge_document_get_scenario       (PledgeDocument  *self);
void             pledge_document_set_scenario       (PledgeDocument  *self,
                                                     int              scenario);

/* The name of what the snapshot shows: a scenario, or the reported figures. */
const char      *pledge_document_get_scenario_name  (PledgeDocument  *self);

/* Editing, each one step of undo. A name for a new scenario, "Scenario N". */
char            *pledge_document_dup_new_scenario_name (PledgeDocument *self);
/* Adds scenario (taken) at position and makes it the active one. */
gboolean         pledge_document_add_scenario       (PledgeDocument  *self,
                                                     PledgeScenario  *scenario,
                                                     guint            position,
                                                     GError         **error);
/* Sets a figure of the active scenario in year; on the reported figures, a
 * new scenario comes with the edit, and *created (when not NULL) gets its
 * name. */
gboolean         pledge_document_edit_figure        (PledgeDocument  *self,
                                                     const char      *code,
                                                     int              year,
                                                     PledgeField      field,
                                                     double           value,
                                                     char           **created,
                                                     GError         **error);
/* Adds edits to the active scenario, creating "Scenario N" on the reported
 * figures. Every edit is checked first: nothing changes unless all apply. */
gboolean         pledge_document_add_edits          (PledgeDocument  *self,
                                                     GPtrArray       *edits,
                                                     GError         **error);

/* Recovery: unsaved work goes to a recovery file a moment after each
 * change, and the file goes when the work is saved or thrown away. */
gboolean         pledge_document_has_recovery       (PledgeDocument  *self);
/* Replaces the dataset with the recovered work, which counts as changes. */
gboolean         pledge_document_recover            (PledgeDocument  *self,
                                                     GError         **error);
/* Writes the recovery file now (or removes it when nothing is unsaved). */
gboolean         pledge_document_write_recovery     (PledgeDocument  *self,
                                                     GError         **error);
void             pledge_document_discard_recovery   (PledgeDocument  *self);

/* The file on disk: whether it holds something other than what the
 * document loaded or saved (by etag, then checksum). The monitor checks it
 * a moment after a change and emits ::file-changed; checking by hand reads
 * it when its etag is new, and returns whether it was. */
gboolean         pledge_document_check_disk         (PledgeDocument  *self);
gboolean         pledge_document_get_changed_on_disk (PledgeDocument *self);

G_END_DECLS
