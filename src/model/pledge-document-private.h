/* pledge-document-private.h: what the document's files share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pledge-document.c holds the document's state, saving, recovery and the
 * watch on the file; pledge-document-load.c loads in a thread.
 */

#pragma once

#include "pledge-document.h"
#include "pledge-import.h"

G_BEGIN_DECLS

struct _PledgeDocument
{
  GObject          parent_instance;

  PledgeDataset   *dataset;
  PledgeUndoStack *undo;
  PledgeSnapshot  *snapshot;
  char            *scenario_id;  /* the active scenario; NULL: reported figures */
  int              scenario;     /* its index when last told, for notify::scenario */

  GFile           *file;         /* NULL when bundled */
  GFile           *source;       /* the file or bundled dataset: names the recovery file */
  char            *display_name;
  gboolean         bundled;
  gboolean         recovered;    /* holds unsaved work recovered after a crash */
  gboolean         imported;     /* an import not saved yet: no file of its own */
  PledgeImportReport *import_report; /* what the last load imported, or NULL */
  gboolean         has_changes;
  guint            recovery_timeout;

  /* The file on disk: what the document loaded or saved, to notice when
   * another program changes it. */
  GFileMonitor    *monitor;
  char            *disk_etag;
  char            *disk_checksum;
  gboolean         disk_differs;
  guint            disk_check_timeout;
  /* What a load in a thread learnt of the file, for remember_disk_state(). */
  char            *loaded_etag;
  char            *loaded_checksum;
  PledgeSnapshot  *loaded_snapshot;  /* its first snapshot, when the thread made it */

  /* The load in a thread, while one runs. */
  GTask           *load;
  double           progress;
  guint            progress_timeout;
  guint            n_changes;   /* counts edits and undos: a load must not lose one */
};

/* Replaces what the document holds: a new dataset, a fresh undo stack, the
 * reported figures, or the scenario called scenario_id when it has one. */
void pledge_document_set_dataset    (PledgeDocument *self,
                                     PledgeDataset  *dataset,
                                     GFile          *file,
                                     gboolean        bundled,
                                     const char     *scenario_id);
/* Sets :progress, notifying when it changes; tells that :loading did. */
void pledge_document_set_progress   (PledgeDocument *self,
                                     double          progress);
void pledge_document_notify_loading (PledgeDocument *self);

G_END_DECLS
