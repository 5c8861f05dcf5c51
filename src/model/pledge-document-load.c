/* pledge-document-load.c: loading a document in a thread
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pledge-counted-file.h"
#include "pledge-document-private.h"

/* Milliseconds between two notifications of a load's progress. */
#define PROGRESS_INTERVAL 100
/* A regular file this small loads on the calling thread, in a few
 * milliseconds: no thread to wait for, no progress to show, and a window
 * shows it in its first frame (the bundled datasets are 10-100 KB). */
#define SMALL_FILE_SIZE (1024 * 1024)

/* Loading in a thread: the dataset is read and checked away from the main
 * loop, the document reports progress from it, and only the finished
 * dataset is handed over, on the main thread. */

typedef struct
{
  GFile             *file;
  gboolean           bundled;
  gboolean           reload;
  char              *scenario_id;  /* a reload keeps it where it still exists */
  char              *display_name;
  PledgeCountedFile *counted;
  gint64             size;         /* 0 when unknown */
  guint              n_changes;    /* the document's, when the load began */
  char              *etag;         /* of the file before it was read */
  PledgeSnapshot    *snapshot;     /* the first one, taken in the thread */
  GCancellable      *caller;       /* the caller's cancellable, tied to the task's */
  gulong             caller_id;
  struct _ReadAhead *ahead;        /* what the load takes instead of reading */
} LoadData;

/* A file read before any window asked for it (pledge_document_read_ahead()):
 * its own load, in a thread of its own, which the first load of the same
 * file waits for and takes instead of reading it again. Counted: the
 * thread, the one waiting for it and the pending one each hold it. */
typedef struct _ReadAhead
{
  LoadData      *data;         /* file, counted, display_name; etag and snapshot once read */
  GCancellable  *cancellable;
  GMutex         lock;
  GCond          cond;
  gboolean       done;
  PledgeDataset *dataset;      /* NULL with error */
  GError        *error;
} ReadAhead;

/* Not yet taken by a load; the main thread's */
static ReadAhead *pending_read_ahead;

static void load_data_free (LoadData *data);

static void
read_ahead_clear (ReadAhead *ahead)
{
  load_data_free (ahead->data);
  g_clear_object (&ahead->cancellable);
  g_clear_object (&ahead->dataset);
  g_clear_error (&ahead->error);
  g_mutex_clear (&ahead->lock);
  g_cond_clear (&ahead->cond);
}

static void
read_ahead_unref (ReadAhead *ahead)
{
  g_atomic_rc_box_release_full (ahead, (GDestroyNotify) read_ahead_clear);
}

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->ahead, read_ahead_unref);
  g_clear_object (&data->file);
  g_clear_object (&data->counted);
  g_free (data->scenario_id);
  g_free (data->display_name);
  g_free (data->etag);
  g_clear_pointer (&data->snapshot, pledge_snapshot_unref);
  if (data->caller != NULL)
    g_cancellable_disconnect (data->caller, data->caller_id);
  g_clear_object (&data->caller);
  g_free (data);
}

static gboolean
progress_cb (gpointer user_data)
{
  PledgeDocument *self = user_data;
  LoadData *data = g_task_get_task_data (self->load);

  if (data->size > 0)
    pledge_document_set_progress (self, CLAMP ((double) pledge_counted_file_get_bytes_read (data->counted) /
                               (double) data->size, 0.0, 1.0));
  return G_SOURCE_CONTINUE;
}

/* Reads the file: on the load's thread, or at once for a small file. */
static PledgeDataset *
load_dataset (LoadData      *data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  PledgeDataset *dataset;
  int scenario;

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL)
    data->etag = g_strdup (g_file_info_get_etag (info));

  dataset = pledge_dataset_load (G_FILE (data->counted), data->display_name, cancellable, error);
  if (dataset == NULL)
    return NULL;
  /* The dataset is this thread's alone until it is returned: its first
   * snapshot (a pass over every figure) is taken here too. */
  scenario = data->scenario_id != NULL ? pledge_dataset_find_scenario (dataset, data->scenario_id)
                                       : PLEDGE_SNAPSHOT_REPORTED;
  data->snapshot = pledge_snapshot_new (dataset, MAX (scenario, PLEDGE_SNAPSHOT_REPORTED), NULL);
  return dataset;
}

static gpointer
read_ahead_thread (gpointer user_data)
{
  ReadAhead *ahead = user_data;
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = load_dataset (ahead->data, ahead->cancellable, &error);

  g_mutex_lock (&ahead->lock);
  ahead->dataset = dataset;
  ahead->error = g_steal_pointer (&error);
  ahead->done = TRUE;
  g_cond_broadcast (&ahead->cond);
  g_mutex_unlock (&ahead->lock);
  read_ahead_unref (ahead);
  return NULL;
}

static void
cancel_read_ahead (GCancellable *cancellable,
                   ReadAhead    *ahead)
{
  g_cancellable_cancel (ahead->cancellable);
}

/* What the read-ahead of data's file read, once it has: the load's
 * cancellable stops it */
static PledgeDataset *
wait_for_read_ahead (LoadData      *data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ReadAhead *ahead = data->ahead;
  gulong id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_read_ahead), ahead, NULL);
  PledgeDataset *dataset = NULL;

  g_mutex_lock (&ahead->lock);
  while (!ahead->done)
    g_cond_wait (&ahead->cond, &ahead->lock);
  g_mutex_unlock (&ahead->lock);
  g_cancellable_disconnect (cancellable, id);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (ahead->dataset == NULL)
    {
      g_propagate_error (error, g_error_copy (ahead->error));
      return NULL;
    }
  dataset = g_steal_pointer (&ahead->dataset);
  data->etag = g_steal_pointer (&ahead->data->etag);
  data->snapshot = g_steal_pointer (&ahead->data->snapshot);
  return dataset;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = data->ahead != NULL ? wait_for_read_ahead (data, cancellable, &error)
                                               : load_dataset (data, cancellable, &error);

  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Puts what was loaded in place. */
static void
apply_loaded (PledgeDocument *self,
              LoadData       *data,
              PledgeDataset  *dataset)
{
  if (!data->bundled)
    {
      self->loaded_checksum = pledge_counted_file_dup_checksum (data->counted);
      self->loaded_etag = g_strdup (data->etag);
    }
  if (data->reload)
    pledge_document_discard_recovery (self);
  self->loaded_snapshot = g_steal_pointer (&data->snapshot);
  pledge_document_set_dataset (self, dataset, data->file, data->bundled, data->scenario_id);
}

static void
end_load (PledgeDocument *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_object (&self->load);
  pledge_document_set_progress (self, 0.0);
  pledge_document_notify_loading (self);
}

static void
on_loaded (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  PledgeDocument *self = g_task_get_source_object (outer);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  /* An edit made meanwhile is never thrown away. */
  if (dataset != NULL && self->n_changes != data->n_changes)
    {
      g_set_error (&error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_CHANGED,
                   _("The dataset was changed while “%s” was loading"), data->display_name);
      g_clear_object (&dataset);
    }
  if (dataset != NULL)
    apply_loaded (self, data, dataset);
  /* The loading state ends once the new dataset is in place (a window
   * that showed nothing never shows its empty page in between), unless a
   * newer load took this one's place. */
  if (self->load == G_TASK (result))
    end_load (self);

  if (dataset == NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

static void
cancel_task (GCancellable *caller,
             GCancellable *own)
{
  g_cancellable_cancel (own);
}

/* How a load reads file */
typedef enum
{
  READ_BY_IMPORTER,  /* another publisher's file (CSV, a workbook), to its importer */
  READ_AT_ONCE,      /* a regular file of SMALL_FILE_SIZE or less */
  READ_IN_THREAD,    /* a larger regular file */
  READ_STREAMED,     /* not a regular file (a pipe), or none: in a thread too */
} ReadWay;

/* A stat, on the calling thread, and for a regular file a sniff of its
 * first bytes (a pipe's first bytes are the loader's); size is 0 when
 * unknown. A bundled dataset is never imported. */
static ReadWay
read_way (GFile    *file,
          gboolean  bundled,
          gint64   *size)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  *size = 0;
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      if (info != NULL)
        *size = g_file_info_get_size (info);
      return READ_STREAMED;
    }
  *size = g_file_info_get_size (info);
  /* as pledge_document_load() does */
  if (!bundled && pledge_import_detect_file (file, NULL) != PLEDGE_IMPORT_FORMAT_DATASET)
    return READ_BY_IMPORTER;
  return *size <= SMALL_FILE_SIZE ? READ_AT_ONCE : READ_IN_THREAD;
}

static void
start_load (PledgeDocument      *self,
            LoadData            *data,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) task = NULL;
  gboolean was_loading = self->load != NULL;
  ReadWay way;

  g_task_set_source_tag (outer, start_load);
  data->counted = pledge_counted_file_new (data->file);
  data->display_name = g_file_get_basename (data->file);
  data->n_changes = self->n_changes;
  /* On the main thread: the size the progress is a share of */
  way = read_way (data->file, data->bundled, &data->size);

  /* The file read ahead is this one's, when it is a fresh load of the
   * same file in a thread; any other load lets it go */
  if (pending_read_ahead != NULL)
    {
      ReadAhead *ahead = g_steal_pointer (&pending_read_ahead);

      if (way == READ_IN_THREAD && !data->bundled && !data->reload &&
          g_file_equal (ahead->data->file, data->file))
        {
          data->ahead = ahead;
          /* its reads are this load's progress and checksum */
          g_set_object (&data->counted, ahead->data->counted);
        }
      else
        {
          g_cancellable_cancel (ahead->cancellable);
          read_ahead_unref (ahead);
        }
    }

  /* One load at a time: a newer one cancels the one before. */
  if (self->load != NULL)
    g_cancellable_cancel (g_task_get_cancellable (self->load));
  g_clear_object (&self->load);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);

  if (way == READ_BY_IMPORTER)
    {
      g_autoptr(GError) error = NULL;

      /* At once: imports are read whole by their importer, and small. */
      if (was_loading)
        pledge_document_notify_loading (self);
      if (!pledge_document_load (self, data->file, FALSE, &error))
        g_task_return_error (outer, g_steal_pointer (&error));
      else
        g_task_return_boolean (outer, TRUE);
      load_data_free (data);
      g_object_unref (outer);
      return;
    }

  if (way == READ_AT_ONCE)
    {
      g_autoptr(PledgeDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      /* In place at once, as a synchronous load would be: a window shows
       * it in its first layout. The callback still comes from the main
       * loop (GTask defers a result returned in the iteration that made
       * the task to an idle). */
      if (was_loading)
        pledge_document_notify_loading (self);
      dataset = load_dataset (data, cancellable, &error);
      if (dataset != NULL)
        apply_loaded (self, data, dataset);
      load_data_free (data);
      if (dataset == NULL)
        g_task_return_error (outer, g_steal_pointer (&error));
      else
        g_task_return_boolean (outer, TRUE);
      g_object_unref (outer);
      return;
    }

  {
    g_autoptr(GCancellable) own = g_cancellable_new ();

    /* The task's own cancellable, tied to the caller's. */
    if (cancellable != NULL)
      {
        data->caller = g_object_ref (cancellable);
        data->caller_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_task),
                                                 g_object_ref (own), g_object_unref);
      }
    /* Not the document's: the thread may drop its reference to the task
     * after on_loaded has run, and the document's last one must not go
     * with it, in that thread. The caller's task holds the document. */
    task = g_task_new (NULL, own, on_loaded, outer);
  }
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  self->load = g_object_ref (task);
  pledge_document_set_progress (self, 0.0);
  self->progress_timeout = g_timeout_add (PROGRESS_INTERVAL, progress_cb, self);
  if (!was_loading)
    pledge_document_notify_loading (self);
  g_task_run_in_thread (task, load_thread);
}

void
pledge_document_load_async (PledgeDocument      *self,
                            GFile               *file,
                            gboolean             bundled,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (PLEDGE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->bundled = bundled;
  start_load (self, data, cancellable, callback, user_data);
}

gboolean
pledge_document_load_finish (PledgeDocument  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pledge_document_reload_async (PledgeDocument      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (PLEDGE_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->file == NULL)
    {
      g_task_report_new_error (self, callback, user_data, start_load, PLEDGE_DOCUMENT_ERROR,
                               PLEDGE_DOCUMENT_ERROR_NO_FILE, _("There is no file to reload"));
      return;
    }
  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (self->file);
  data->reload = TRUE;
  data->scenario_id = g_strdup (self->scenario_id);
  /* The user chose to let go of unsaved work: only later edits stop it. */
  start_load (self, data, cancellable, callback, user_data);
}

gboolean
pledge_document_reload_finish (PledgeDocument  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return pledge_document_load_finish (self, result, error);
}

void
pledge_document_cancel_load (PledgeDocument *self)
{
  g_return_if_fail (PLEDGE_IS_DOCUMENT (self));

  if (self->load != NULL)
    g_cancellable_cancel (g_task_get_cancellable (self->load));
}

gboolean
pledge_document_get_loading (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->load != NULL;
}

double
pledge_document_get_progress (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), 0.0);
  return self->progress;
}


void
pledge_document_read_ahead (GFile *file)
{
  ReadAhead *ahead;
  gint64 size;

  g_return_if_fail (G_IS_FILE (file));

  /* What a load of it would read in a thread: a regular file that is a
   * dataset, larger than those it loads at once */
  if (read_way (file, FALSE, &size) != READ_IN_THREAD)
    return;

  if (pending_read_ahead != NULL)
    {
      g_cancellable_cancel (pending_read_ahead->cancellable);
      g_clear_pointer (&pending_read_ahead, read_ahead_unref);
    }
  ahead = g_atomic_rc_box_new0 (ReadAhead);
  g_mutex_init (&ahead->lock);
  g_cond_init (&ahead->cond);
  ahead->cancellable = g_cancellable_new ();
  ahead->data = g_new0 (LoadData, 1);
  ahead->data->file = g_object_ref (file);
  ahead->data->counted = pledge_counted_file_new (file);
  ahead->data->display_name = g_file_get_basename (file);
  ahead->data->size = size;
  pending_read_ahead = ahead;
  g_thread_unref (g_thread_new ("pledge-read-ahead", read_ahead_thread,
                                g_atomic_rc_box_acquire (ahead)));
}
