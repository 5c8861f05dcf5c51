/* pledge-import.h: datasets from files other people publish
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NATO's TABLES workbooks, SIPRI's military expenditure workbook, Our World
 * in Data's grapher CSV and a tidy CSV of Pledge's own figure names, each
 * recognised by its content. Members are matched against the bundled NATO
 * member list; the figures become a dataset through the same loader that
 * reads Pledge's own files, so an import is as valid as a file.
 */

#pragma once

#include "pledge-dataset.h"

G_BEGIN_DECLS

#define PLEDGE_IMPORT_ERROR (pledge_import_error_quark ())

typedef enum
{
  PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT, /* not a file Pledge can import */
  PLEDGE_IMPORT_ERROR_ENCODING,       /* text that is not UTF-8 */
  PLEDGE_IMPORT_ERROR_TOO_LARGE,      /* past a limit on size */
  PLEDGE_IMPORT_ERROR_CORRUPT,        /* a damaged or encrypted workbook */
  PLEDGE_IMPORT_ERROR_INVALID,        /* a cell or a line Pledge cannot read */
  PLEDGE_IMPORT_ERROR_NO_SHEET,       /* --sheet names no sheet of the workbook */
  PLEDGE_IMPORT_ERROR_NO_DATA,        /* nothing about a NATO member */
} PledgeImportError;

GQuark pledge_import_error_quark (void);

typedef enum
{
  PLEDGE_IMPORT_FORMAT_UNKNOWN,
  PLEDGE_IMPORT_FORMAT_DATASET,  /* Pledge's own XML: load it instead */
  PLEDGE_IMPORT_FORMAT_CSV,      /* tidy CSV or Our World in Data */
  PLEDGE_IMPORT_FORMAT_XLSX,     /* a zip: NATO's or SIPRI's workbook */
} PledgeImportFormat;

/* What the first bytes of a file say it is (never the file name). */
PledgeImportFormat pledge_import_detect (const guint8 *data,
                                         gsize         length);

/* The same, from the first bytes of a file: what a window's Open needs
 * to know before it chooses the loader or the importer. A file that cannot
 * be read is PLEDGE_IMPORT_FORMAT_DATASET: the loader says why. */
PledgeImportFormat pledge_import_detect_file (GFile        *file,
                                              GCancellable *cancellable);

typedef struct
{
  const char *sheet;    /* a workbook's sheet, by name or a unique prefix; NULL: the default */
  const char *measure;  /* the figure a CSV's value column holds ("defence-gdp"); NULL: guess */
} PledgeImportOptions;

/* What an import took and what it left out. */
typedef struct
{
  char  *kind;         /* "SIPRI's workbook", translated */
  guint  n_members;    /* NATO members with figures */
  guint  n_figures;    /* member-years */
  int    first_year;   /* 0 when none */
  int    last_year;
  guint  n_non_members; /* countries that never joined NATO */
  guint  n_former;      /* former states (USSR, Yugoslavia, ...) */
  guint  n_aggregates;  /* regions and totals */
  char  *sheet;         /* the sheet read, or NULL */
} PledgeImportReport;

void  pledge_import_report_free (PledgeImportReport *report);
/* One sentence for the terminal, and a shorter one for a toast (the
 * window names the file already). */
char *pledge_import_report_describe       (const PledgeImportReport *report);
char *pledge_import_report_describe_short (const PledgeImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeImportReport, pledge_import_report_free)

/* Imports the file's bytes. display_name names it in messages
 * ("SIPRI.xlsx: sheet "Share of GDP", cell C12: ..."). report, when not
 * NULL, receives what was imported. A Pledge XML file fails with
 * PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT: load it with the loader. */
PledgeDataset *pledge_import_bytes (GBytes                    *bytes,
                                    const char                *display_name,
                                    const PledgeImportOptions *options,
                                    PledgeImportReport       **report,
                                    GError                   **error);

/* Reads the file (at most PLEDGE_IMPORT_MAX_FILE_SIZE) and imports it. */
PledgeDataset *pledge_import_file  (GFile                     *file,
                                    const char                *display_name,
                                    const PledgeImportOptions *options,
                                    PledgeImportReport       **report,
                                    GCancellable              *cancellable,
                                    GError                   **error);

#define PLEDGE_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)

G_END_DECLS
