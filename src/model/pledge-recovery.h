/* pledge-recovery.h: unsaved work kept safe across a crash
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window writes its dataset, scenarios and all, to a recovery file a few
 * seconds after each change, and discards it when the work is saved or
 * thrown away on purpose. One left behind means Pledge did not close
 * normally: the next start offers it back. Files live in
 * $XDG_STATE_HOME/pledge/recovery, named after the document they stand for.
 */

#pragma once

#include "pledge-dataset.h"

G_BEGIN_DECLS

/* The recovery folder ($XDG_STATE_HOME/pledge/recovery). */
char          *pledge_recovery_get_dir     (void);

/* Writes dataset as the unsaved state of document (the file it was opened
 * from or NULL for an untitled one, keyed then by untitled_id). */
gboolean       pledge_recovery_write       (PledgeDataset  *dataset,
                                            GFile          *document,
                                            const char     *untitled_id,
                                            GError        **error);
void           pledge_recovery_discard     (GFile          *document,
                                            const char     *untitled_id);

/* Whether document has unsaved work waiting, and loading it. */
gboolean       pledge_recovery_exists      (GFile          *document,
                                            const char     *untitled_id);
PledgeDataset *pledge_recovery_load        (GFile          *document,
                                            const char     *untitled_id,
                                            GError        **error);

G_END_DECLS
