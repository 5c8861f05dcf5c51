/* pledge-export-dialog.h: export a chart as PNG, SVG or PDF, with a preview
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pledge-chart-export.h"
#include "pledge-chart.h"
#include "pledge-snapshot.h"

G_BEGIN_DECLS

#define PLEDGE_TYPE_EXPORT_DIALOG (pledge_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PledgeExportDialog, pledge_export_dialog, PLEDGE, EXPORT_DIALOG, AdwWindow)

/* The options are those of `pledge --export`, and their defaults come from
 * (and go back to) the export-* settings. The dialog emits ::exported with
 * the file once a chart is written, then closes. */
PledgeExportDialog *pledge_export_dialog_new       (GtkWindow          *parent,
                                                    PledgeSnapshot     *snapshot,
                                                    int                 year,
                                                    guint               target,
                                                    PledgeChartKind     kind);

PledgeChartKind     pledge_export_dialog_get_kind   (PledgeExportDialog *self);
/* What the revisions chart compares (transfer full) */
/* The map exports in the scale the window shows */
void                pledge_export_dialog_set_map_scale (PledgeExportDialog *self,
                                                        PledgeMapScale      scale);
PledgeMapScale      pledge_export_dialog_get_map_scale (PledgeExportDialog *self);
void                pledge_export_dialog_set_compare (PledgeExportDialog *self,
                                                      PledgeCompare      *compare);
void                pledge_export_dialog_set_kind   (PledgeExportDialog *self,
                                                     PledgeChartKind     kind);
PledgeExportFormat  pledge_export_dialog_get_format (PledgeExportDialog *self);
void                pledge_export_dialog_set_format (PledgeExportDialog *self,
                                                     PledgeExportFormat  format);
/* The name the file chooser suggests: "compliance-2024.png". */
char               *pledge_export_dialog_dup_suggested_name (PledgeExportDialog *self);

/* Writes the chart to file with the dialog's options, as the Export button
 * does once the user has picked a file: the format follows the file's
 * extension when it has a known one. Emits ::exported on success. */
gboolean            pledge_export_dialog_export_to  (PledgeExportDialog *self,
                                                     GFile              *file,
                                                     GError            **error);

G_END_DECLS
