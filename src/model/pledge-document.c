/* pledge-document.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pledge-document.h"
#include "pledge-recovery.h"

/* Seconds after the last change before unsaved work goes to a recovery file. */
#define RECOVERY_DELAY 2
/* Milliseconds to let a change on disk settle before reading the file. */
#define DISK_CHECK_DELAY 200

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
};

G_DEFINE_FINAL_TYPE (PledgeDocument, pledge_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (pledge-document-error-quark, pledge_document_error)

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_BUNDLED,
  PROP_HAS_CHANGES,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_SCENARIO,
  PROP_CHANGED_ON_DISK,
  N_PROPS
};

enum
{
  CHANGED,
  FILE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void watch_file (PledgeDocument *self);

/* State */

static void
update_has_changes (PledgeDocument *self)
{
  gboolean has_changes = self->recovered || self->imported ||
                         (self->undo != NULL && pledge_undo_stack_get_has_changes (self->undo));

  if (has_changes == self->has_changes)
    return;
  self->has_changes = has_changes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

static void
set_recovered (PledgeDocument *self,
               gboolean        recovered)
{
  self->recovered = recovered;
  update_has_changes (self);
}

static void
set_changed_on_disk (PledgeDocument *self,
                     gboolean        differs)
{
  if (self->disk_differs == differs)
    return;
  self->disk_differs = differs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}

/* The file and the name the document goes by; the recovery file follows
 * the source. */
static void
set_file (PledgeDocument *self,
          GFile          *file,
          gboolean        bundled)
{
  g_autofree char *name = g_file_get_basename (file);
  GFile *own = bundled ? NULL : file;

  if (g_set_object (&self->file, own))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_set_object (&self->source, file);
  if (self->bundled != bundled)
    {
      self->bundled = bundled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUNDLED]);
    }
  if (g_strcmp0 (name, self->display_name) != 0)
    {
      g_free (self->display_name);
      self->display_name = g_steal_pointer (&name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

static int
active_scenario (PledgeDocument *self)
{
  if (self->dataset == NULL || self->scenario_id == NULL)
    return PLEDGE_SNAPSHOT_REPORTED;
  return pledge_dataset_find_scenario (self->dataset, self->scenario_id);
}

/* Takes a new snapshot of the active scenario, and tells when the active
 * scenario is another one (an edit, an undo, a reload). */
static void
recompute (PledgeDocument *self)
{
  g_autoptr(GError) error = NULL;
  PledgeSnapshot *snapshot;

  snapshot = pledge_snapshot_new (self->dataset, active_scenario (self), &error);
  if (snapshot == NULL)
    {
      /* Every edit was checked when it was made, so this is a file whose
       * scenario no longer applies: show the reported figures. */
      g_warning ("%s", error->message);
      g_clear_pointer (&self->scenario_id, g_free);
      snapshot = pledge_snapshot_new (self->dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
    }
  g_clear_pointer (&self->snapshot, pledge_snapshot_unref);
  self->snapshot = snapshot;

  if (self->scenario != active_scenario (self))
    {
      self->scenario = active_scenario (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
}

/* Recovery */

static gboolean
write_recovery_cb (gpointer data)
{
  PledgeDocument *self = data;
  g_autoptr(GError) error = NULL;

  self->recovery_timeout = 0;
  if (!pledge_document_write_recovery (self, &error))
    g_message ("Could not keep unsaved work safe: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_recovery (PledgeDocument *self)
{
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  if (self->source != NULL)
    self->recovery_timeout = g_timeout_add_seconds (RECOVERY_DELAY, write_recovery_cb, self);
}

/* Signals of the dataset and the undo stack */

static void
on_dataset_changed (PledgeDataset  *dataset,
                    PledgeDocument *self)
{
  recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);
  schedule_recovery (self);
}

static void
on_undo_notify (PledgeUndoStack *undo,
                GParamSpec      *pspec,
                PledgeDocument  *self)
{
  if (g_strcmp0 (pspec->name, "can-undo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_strcmp0 (pspec->name, "can-redo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  else if (g_strcmp0 (pspec->name, "has-changes") == 0)
    update_has_changes (self);
}

static void
disconnect_dataset (PledgeDocument *self)
{
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
}

/* Replaces what the document holds: a new dataset, a fresh undo stack, the
 * reported figures, or the scenario called scenario_id when it has one. */
static void
set_dataset (PledgeDocument *self,
             PledgeDataset  *dataset,
             GFile          *file,
             gboolean        bundled,
             const char     *scenario_id)
{
  g_object_freeze_notify (G_OBJECT (self));

  self->imported = FALSE;
  g_clear_pointer (&self->import_report, pledge_import_report_free);
  disconnect_dataset (self);
  g_clear_object (&self->undo);
  g_set_object (&self->dataset, dataset);
  g_free (self->scenario_id);
  self->scenario_id = NULL;
  if (scenario_id != NULL && pledge_dataset_find_scenario (dataset, scenario_id) >= 0)
    self->scenario_id = g_strdup (scenario_id);

  set_file (self, file, bundled);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);

  self->undo = pledge_undo_stack_new (dataset);
  pledge_undo_stack_mark_saved (self->undo);
  g_signal_connect (self->undo, "notify", G_CALLBACK (on_undo_notify), self);
  g_signal_connect (self->dataset, "changed", G_CALLBACK (on_dataset_changed), self);
  recompute (self);

  set_recovered (self, FALSE);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);

  g_object_thaw_notify (G_OBJECT (self));
}

/* The file on disk: another program may change it while it is open. The
 * document remembers the etag and a checksum of what it loaded or saved,
 * and tells when the file holds something else. */

static char *
checksum_file (GFile  *file,
               char  **etag)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &contents, &length, etag, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
remember_disk_state (PledgeDocument *self)
{
  g_clear_pointer (&self->disk_etag, g_free);
  g_clear_pointer (&self->disk_checksum, g_free);
  set_changed_on_disk (self, FALSE);
  if (self->file != NULL)
    self->disk_checksum = checksum_file (self->file, &self->disk_etag);
}

gboolean
pledge_document_check_disk (PledgeDocument *self)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL || self->disk_checksum == NULL)
    return FALSE;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return FALSE;  /* gone, perhaps for a moment while it is replaced */
  if (g_strcmp0 (g_file_info_get_etag (info), self->disk_etag) == 0)
    return FALSE;

  /* A new etag: touched, or saved with the same bytes, or changed. */
  checksum = checksum_file (self->file, &etag);
  if (checksum == NULL)
    return FALSE;
  g_free (self->disk_etag);
  self->disk_etag = g_steal_pointer (&etag);
  set_changed_on_disk (self, g_strcmp0 (checksum, self->disk_checksum) != 0);
  return TRUE;
}

static gboolean
check_disk_cb (gpointer data)
{
  PledgeDocument *self = data;

  self->disk_check_timeout = 0;
  if (pledge_document_check_disk (self))
    g_signal_emit (self, signals[FILE_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 PledgeDocument    *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* A save is a burst of events: read the file once it settles. */
      g_clear_handle_id (&self->disk_check_timeout, g_source_remove);
      self->disk_check_timeout = g_timeout_add (DISK_CHECK_DELAY, check_disk_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
stop_watching (PledgeDocument *self)
{
  g_clear_handle_id (&self->disk_check_timeout, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

/* Watches the file, and remembers what it holds now. Bundled datasets
 * never change. */
static void
watch_file (PledgeDocument *self)
{
  g_autoptr(GError) error = NULL;

  stop_watching (self);
  remember_disk_state (self);

  if (self->file == NULL || g_file_has_uri_scheme (self->file, "resource"))
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", self->display_name, error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

gboolean
pledge_document_get_changed_on_disk (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->disk_differs;
}

/* Loading and saving */

/* Another publisher's file (pledge-import.h): a new dataset, unsaved,
 * named after the file it came from, with no file of its own until Save
 * As, so Save never writes XML over a workbook. */
static gboolean
load_import (PledgeDocument  *self,
             GFile           *file,
             GError         **error)
{
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeImportReport) report = NULL;

  dataset = pledge_import_file (file, NULL, NULL, &report, NULL, error);
  if (dataset == NULL)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  set_dataset (self, dataset, file, FALSE, NULL);
  g_clear_object (&self->file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  watch_file (self);
  self->imported = TRUE;
  self->import_report = g_steal_pointer (&report);
  update_has_changes (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

gboolean
pledge_document_load (PledgeDocument  *self,
                      GFile           *file,
                      gboolean         bundled,
                      GError         **error)
{
  g_autoptr(PledgeDataset) dataset = NULL;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bundled && pledge_import_detect_file (file, NULL) != PLEDGE_IMPORT_FORMAT_DATASET)
    return load_import (self, file, error);

  dataset = pledge_dataset_load (file, NULL, NULL, error);
  if (dataset == NULL)
    return FALSE;
  set_dataset (self, dataset, file, bundled, NULL);
  return TRUE;
}

const PledgeImportReport *
pledge_document_get_import_report (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  return self->import_report;
}

gboolean
pledge_document_reload (PledgeDocument  *self,
                        GError         **error)
{
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *scenario_id = NULL;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL)
    {
      g_set_error (error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_NO_FILE,
                   _("There is no file to reload"));
      return FALSE;
    }
  dataset = pledge_dataset_load (self->file, NULL, NULL, error);
  if (dataset == NULL)
    return FALSE;  /* the document keeps what it has */

  /* The user chose to let go of unsaved work: it needs no recovery. */
  pledge_document_discard_recovery (self);
  scenario_id = g_strdup (self->scenario_id);
  file = g_object_ref (self->file);
  set_dataset (self, dataset, file, FALSE, scenario_id);
  return TRUE;
}

gboolean
pledge_document_save_as (PledgeDocument  *self,
                         GFile           *file,
                         GError         **error)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->dataset == NULL)
    {
      g_set_error (error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_EMPTY,
                   _("There is no dataset to save"));
      return FALSE;
    }
  if (!pledge_dataset_save (self->dataset, file, NULL, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  /* The work is safe in its file now: no recovery file is left for the
   * name it had, nor for the name it has. */
  pledge_document_discard_recovery (self);
  set_file (self, file, FALSE);
  pledge_document_discard_recovery (self);
  self->imported = FALSE;
  pledge_undo_stack_mark_saved (self->undo);
  set_recovered (self, FALSE);
  update_has_changes (self);
  /* What is on disk now is what the document holds: the monitor's news of
   * this save is no news. */
  watch_file (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

gboolean
pledge_document_save (PledgeDocument  *self,
                      GError         **error)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL)
    {
      g_set_error (error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_NO_FILE,
                   _("A bundled dataset is saved under a name of its own"));
      return FALSE;
    }
  return pledge_document_save_as (self, self->file, error);
}

/* Recovery */

gboolean
pledge_document_has_recovery (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->source != NULL && pledge_recovery_exists (self->source, NULL);
}

gboolean
pledge_document_recover (PledgeDocument  *self,
                         GError         **error)
{
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(GFile) source = NULL;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->source == NULL)
    {
      g_set_error (error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_EMPTY,
                   _("There is no dataset to recover"));
      return FALSE;
    }
  dataset = pledge_recovery_load (self->source, NULL, error);
  if (dataset == NULL)
    return FALSE;

  /* The recovered work is unsaved work: it differs from the file. */
  source = g_object_ref (self->source);
  set_dataset (self, dataset, source, self->bundled, NULL);
  set_recovered (self, TRUE);
  return TRUE;
}

gboolean
pledge_document_write_recovery (PledgeDocument  *self,
                                GError         **error)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  if (self->source == NULL)
    return TRUE;
  if (!self->has_changes)
    {
      pledge_recovery_discard (self->source, NULL);
      return TRUE;
    }
  return pledge_recovery_write (self->dataset, self->source, NULL, error);
}

void
pledge_document_discard_recovery (PledgeDocument *self)
{
  g_return_if_fail (PLEDGE_IS_DOCUMENT (self));

  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  if (self->source != NULL)
    pledge_recovery_discard (self->source, NULL);
}

/* Scenarios and edits */

int
pledge_document_get_scenario (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), PLEDGE_SNAPSHOT_REPORTED);
  return active_scenario (self);
}

void
pledge_document_set_scenario (PledgeDocument *self,
                              int             scenario)
{
  const char *id = NULL;

  g_return_if_fail (PLEDGE_IS_DOCUMENT (self));
  g_return_if_fail (self->dataset != NULL);
  g_return_if_fail (scenario < (int) pledge_dataset_get_n_scenarios (self->dataset));

  if (scenario >= 0)
    id = pledge_dataset_get_scenario (self->dataset, scenario)->id;
  if (scenario == active_scenario (self) && g_strcmp0 (id, self->scenario_id) == 0)
    return;

  g_free (self->scenario_id);
  self->scenario_id = g_strdup (id);
  recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
pledge_document_get_scenario_name (PledgeDocument *self)
{
  int scenario;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);

  scenario = active_scenario (self);
  if (scenario < 0)
    return _("Reported figures");
  return pledge_dataset_get_scenario (self->dataset, scenario)->name;
}

char *
pledge_document_dup_new_scenario_name (PledgeDocument *self)
{
  guint n_scenarios;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->dataset != NULL, NULL);

  n_scenarios = pledge_dataset_get_n_scenarios (self->dataset);
  for (guint n = 1;; n++)
    {
      /* Translators: the name of a scenario the first edit makes */
      g_autofree char *name = g_strdup_printf (_("Scenario %u"), n);
      gboolean taken = FALSE;

      for (guint i = 0; i < n_scenarios && !taken; i++)
        taken = g_strcmp0 (pledge_dataset_get_scenario (self->dataset, i)->name, name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

gboolean
pledge_document_add_scenario (PledgeDocument  *self,
                              PledgeScenario  *scenario,
                              guint            position,
                              GError         **error)
{
  g_autofree char *old_id = NULL;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  /* The new scenario is the active one when the dataset tells of it. */
  old_id = g_steal_pointer (&self->scenario_id);
  self->scenario_id = g_strdup (scenario->id);
  if (!pledge_undo_stack_add_scenario (self->undo, scenario, position, error))
    {
      g_free (self->scenario_id);
      self->scenario_id = g_steal_pointer (&old_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
pledge_document_edit_figure (PledgeDocument  *self,
                             const char      *code,
                             int              year,
                             PledgeField      field,
                             double           value,
                             char           **created,
                             GError         **error)
{
  int scenario;
  gboolean ok;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  scenario = active_scenario (self);
  pledge_undo_stack_begin_group (self->undo);
  if (scenario < 0)
    {
      g_autofree char *id = pledge_dataset_make_scenario_id (self->dataset, "scenario");
      g_autofree char *name = pledge_document_dup_new_scenario_name (self);
      PledgeScenario *s = pledge_scenario_new (id, name);

      /* The new scenario comes with its first edit, so that an edit the
       * dataset refuses leaves no empty scenario behind. */
      g_ptr_array_add (s->edits, pledge_edit_new_set (code, year, field, value));
      ok = pledge_document_add_scenario (self, s, pledge_dataset_get_n_scenarios (self->dataset),
                                         error);
      if (ok && created != NULL)
        *created = g_steal_pointer (&name);
    }
  else
    ok = pledge_undo_stack_add_edit (self->undo, scenario,
                                     pledge_edit_new_set (code, year, field, value), error);
  pledge_undo_stack_end_group (self->undo);

  return ok;
}

gboolean
pledge_document_add_edits (PledgeDocument  *self,
                           GPtrArray       *edits,
                           GError         **error)
{
  g_autoptr(PledgeSnapshot) check = NULL;
  g_autoptr(PledgeScenario) fresh = NULL;
  const PledgeScenario *target;
  int scenario;
  gboolean ok = TRUE;

  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);
  g_return_val_if_fail (edits != NULL, FALSE);

  check = pledge_snapshot_ref (self->snapshot);
  scenario = active_scenario (self);
  if (scenario < 0)
    {
      g_autofree char *id = pledge_dataset_make_scenario_id (self->dataset, "scenario");
      g_autofree char *name = pledge_document_dup_new_scenario_name (self);

      fresh = pledge_scenario_new (id, name);
      target = fresh;
    }
  else
    target = pledge_dataset_get_scenario (self->dataset, scenario);

  for (guint i = 0; i < edits->len; i++)
    {
      PledgeSnapshot *next = pledge_snapshot_new_with_edit (check, target,
                                                            g_ptr_array_index (edits, i), error);

      if (next == NULL)
        return FALSE;
      pledge_snapshot_unref (check);
      check = next;
    }

  pledge_undo_stack_begin_group (self->undo);
  if (fresh != NULL)
    {
      /* The new scenario comes with its edits: a refusal leaves nothing. */
      for (guint i = 0; i < edits->len; i++)
        g_ptr_array_add (fresh->edits, pledge_edit_copy (g_ptr_array_index (edits, i)));
      ok = pledge_document_add_scenario (self, g_steal_pointer (&fresh),
                                         pledge_dataset_get_n_scenarios (self->dataset), error);
    }
  else
    for (guint i = 0; ok && i < edits->len; i++)
      ok = pledge_undo_stack_add_edit (self->undo, scenario,
                                       pledge_edit_copy (g_ptr_array_index (edits, i)), error);
  pledge_undo_stack_end_group (self->undo);

  return ok;
}

/* Accessors */

PledgeDataset *
pledge_document_get_dataset (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  return self->dataset;
}

PledgeUndoStack *
pledge_document_get_undo_stack (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  return self->undo;
}

PledgeSnapshot *
pledge_document_get_snapshot (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  return self->snapshot;
}

GFile *
pledge_document_get_file (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pledge_document_get_display_name (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), NULL);
  return self->display_name;
}

gboolean
pledge_document_get_bundled (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->bundled;
}

gboolean
pledge_document_get_has_changes (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->has_changes;
}

gboolean
pledge_document_get_can_undo (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->undo != NULL && pledge_undo_stack_get_can_undo (self->undo);
}

gboolean
pledge_document_get_can_redo (PledgeDocument *self)
{
  g_return_val_if_fail (PLEDGE_IS_DOCUMENT (self), FALSE);
  return self->undo != NULL && pledge_undo_stack_get_can_redo (self->undo);
}

/* GObject */

static void
pledge_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PledgeDocument *self = PLEDGE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_BUNDLED:
      g_value_set_boolean (value, self->bundled);
      break;
    case PROP_HAS_CHANGES:
      g_value_set_boolean (value, self->has_changes);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pledge_document_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pledge_document_get_can_redo (self));
      break;
    case PROP_SCENARIO:
      g_value_set_int (value, active_scenario (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->disk_differs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PledgeDocument *self = PLEDGE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      pledge_document_set_scenario (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_document_dispose (GObject *object)
{
  PledgeDocument *self = PLEDGE_DOCUMENT (object);

  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  stop_watching (self);
  disconnect_dataset (self);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->snapshot, pledge_snapshot_unref);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (pledge_document_parent_class)->dispose (object);
}

static void
pledge_document_finalize (GObject *object)
{
  PledgeDocument *self = PLEDGE_DOCUMENT (object);

  g_free (self->scenario_id);
  g_free (self->display_name);
  g_free (self->disk_etag);
  g_free (self->disk_checksum);
  pledge_import_report_free (self->import_report);

  G_OBJECT_CLASS (pledge_document_parent_class)->finalize (object);
}

static void
pledge_document_class_init (PledgeDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = pledge_document_get_property;
  object_class->set_property = pledge_document_set_property;
  object_class->dispose = pledge_document_dispose;
  object_class->finalize = pledge_document_finalize;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, PLEDGE_TYPE_DATASET, ro);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  properties[PROP_BUNDLED] =
    g_param_spec_boolean ("bundled", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_CHANGES] =
    g_param_spec_boolean ("has-changes", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, PLEDGE_SNAPSHOT_REPORTED, G_MAXINT,
                      PLEDGE_SNAPSHOT_REPORTED, ro | G_PARAM_WRITABLE);
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The snapshot is new: an edit, an undo, another scenario. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The monitor read a new version of the file: see changed-on-disk. */
  signals[FILE_CHANGED] = g_signal_new ("file-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pledge_document_init (PledgeDocument *self)
{
  self->scenario = PLEDGE_SNAPSHOT_REPORTED;
}

PledgeDocument *
pledge_document_new (void)
{
  return g_object_new (PLEDGE_TYPE_DOCUMENT, NULL);
}
