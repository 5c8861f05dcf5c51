/* pledge-counted-file.h: a file read through a counter
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GFile that stands for another one to a reader that takes a GFile (the
 * dataset loader): it answers query_info and read from the file it wraps,
 * and counts the bytes read, for a progress bar, and fingerprints them, so
 * that the document knows what it loaded without reading the file twice.
 * The count may be read from any thread while another thread reads the
 * file; the checksum once the reading is done. Nothing else of GFile works.
 *
 * The checksum is a fast fingerprint, not a cryptographic hash: enough to
 * tell a file another program changed from the one loaded.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLEDGE_TYPE_COUNTED_FILE (pledge_counted_file_get_type ())

G_DECLARE_FINAL_TYPE (PledgeCountedFile, pledge_counted_file, PLEDGE, COUNTED_FILE, GObject)

PledgeCountedFile *pledge_counted_file_new            (GFile             *file);
/* The bytes read so far: safe from any thread. */
gint64             pledge_counted_file_get_bytes_read (PledgeCountedFile *self);
/* The fingerprint of every byte read so far (newly allocated). */
char              *pledge_counted_file_dup_checksum   (PledgeCountedFile *self);
/* The same fingerprint of a whole file, read in pieces; its etag too. */
char              *pledge_counted_file_checksum_file  (GFile             *file,
                                                       char             **etag,
                                                       GCancellable      *cancellable,
                                                       GError           **error);

G_END_DECLS
