/* pledge-dataset-info.h: a window about a dataset: sources, notes, targets
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-dataset.h"

G_BEGIN_DECLS

/* A new window, transient for parent, describing dataset. */
GtkWindow *pledge_dataset_info_new (GtkWindow     *parent,
                                    PledgeDataset *dataset);

G_END_DECLS
