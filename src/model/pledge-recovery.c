/* pledge-recovery.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pledge-recovery.h"

char *
pledge_recovery_get_dir (void)
{
  /* g_get_user_state_dir() is GLib 2.72. */
  return g_build_filename (g_get_user_state_dir (), "pledge", "recovery", NULL);
}

static char *
recovery_path (GFile      *document,
               const char *untitled_id)
{
  g_autofree char *dir = pledge_recovery_get_dir ();
  g_autofree char *key = document ? g_file_get_uri (document) : g_strconcat ("untitled:", untitled_id, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
  g_autofree char *name = g_strconcat (hash, ".xml", NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
pledge_recovery_write (PledgeDataset  *dataset,
                       GFile          *document,
                       const char     *untitled_id,
                       GError        **error)
{
  g_autofree char *dir = pledge_recovery_get_dir ();
  g_autofree char *path = recovery_path (document, untitled_id);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (document != NULL || untitled_id != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  return pledge_dataset_save (dataset, file, NULL, error);
}

void
pledge_recovery_discard (GFile      *document,
                         const char *untitled_id)
{
  g_autofree char *path = NULL;

  g_return_if_fail (document != NULL || untitled_id != NULL);

  path = recovery_path (document, untitled_id);
  g_unlink (path);
}

gboolean
pledge_recovery_exists (GFile      *document,
                        const char *untitled_id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (document != NULL || untitled_id != NULL, FALSE);

  path = recovery_path (document, untitled_id);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

PledgeDataset *
pledge_recovery_load (GFile       *document,
                      const char  *untitled_id,
                      GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (document != NULL || untitled_id != NULL, NULL);

  path = recovery_path (document, untitled_id);
  file = g_file_new_for_path (path);
  return pledge_dataset_load (file, NULL, NULL, error);
}
