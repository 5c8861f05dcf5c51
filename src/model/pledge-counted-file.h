/* pledge-counted-file.h: a file read through a counter
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GFile that stands for another one to a reader that takes a GFile (the
 * dataset loader): it answers query_info and read from the file it wraps,
 * and counts the bytes read, for a progress bar, and sums them, so that
 * the document knows what it loaded without reading the file twice. The
 * count may be read from any thread while another thread reads the file;
 * the checksum once the reading is done. Nothing else of GFile works.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLEDGE_TYPE_COUNTED_FILE (pledge_counted_file_get_type ())

G_DECLARE_FINAL_TYPE (PledgeCountedFile, pledge_counted_file, PLEDGE, COUNTED_FILE, GObject)

PledgeCountedFile *pledge_counted_file_new            (GFile             *file);
/* The bytes read so far: safe from any thread. */
gint64             pledge_counted_file_get_bytes_read (PledgeCountedFile *self);
/* The SHA-256 of every byte read, in hex (newly allocated). */
char              *pledge_counted_file_dup_checksum   (PledgeCountedFile *self);

G_END_DECLS
