/* pledge-chart-export.h: one chart into a PNG, SVG or PDF file
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free: `pledge --export` calls it before GTK is initialised.
 */

#pragma once

#include <gio/gio.h>

#include "pledge-chart.h"

G_BEGIN_DECLS

typedef enum
{
  PLEDGE_EXPORT_PNG,
  PLEDGE_EXPORT_SVG,
  PLEDGE_EXPORT_PDF,
} PledgeExportFormat;

/* By the extension, case-insensitively: .png, .svg or .pdf. */
gboolean pledge_export_format_from_filename (const char          *filename,
                                             PledgeExportFormat  *format);

/* The largest export: a PNG (width x scale by height x scale pixels) of at
 * most 16384 pixels a side and 64 megapixels, at a scale from 1 to 8; SVG
 * and PDF pages of at most 32767 points a side. */
#define PLEDGE_EXPORT_MAX_SCALE 8
#define PLEDGE_EXPORT_MAX_SIDE 16384
#define PLEDGE_EXPORT_MAX_MEGAPIXELS 64

/* FALSE, with PLEDGE_CHART_ERROR_INVALID_SIZE saying why, when an export
 * of that size cannot be drawn. */
gboolean pledge_chart_export_check_size     (PledgeExportFormat       format,
                                             int                      width,
                                             int                      height,
                                             double                   scale,
                                             GError                 **error);

/* Draws the chart into memory, then writes it to file atomically: a
 * temporary file in the same folder renamed over the target, so a failure
 * never leaves a half-written file. A symbolic link is followed and its
 * target replaced; anything but a regular file (a device, a pipe) is
 * refused, never replaced. width and height are pixels for a PNG
 * (which is width x scale by height x scale pixels) and points for SVG and
 * PDF, where scale is ignored. A PNG carries Title, Description, Source
 * and Software text chunks and its pixel density (96 dpi times scale, in a
 * pHYs chunk); the same input gives the same bytes. */
gboolean pledge_chart_export                (GFile                   *file,
                                             PledgeExportFormat       format,
                                             PledgeChartKind          kind,
                                             const PledgeChartInput  *input,
                                             const PledgeChartStyle  *style,
                                             int                      width,
                                             int                      height,
                                             double                   scale,
                                             GError                 **error);

/* The same, into memory: the bytes that pledge_chart_export() writes. */
GBytes  *pledge_chart_render                (PledgeExportFormat       format,
                                             PledgeChartKind          kind,
                                             const PledgeChartInput  *input,
                                             const PledgeChartStyle  *style,
                                             int                      width,
                                             int                      height,
                                             double                   scale,
                                             GError                 **error);

G_END_DECLS
