/* pledge-import-private.h: what the importers share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-import.h"

G_BEGIN_DECLS

/* The bundled NATO member list (pledge-import-members.c). */
typedef struct
{
  const char *code;      /* ISO 3166-1 alpha-3 */
  const char *iso2;      /* ISO 3166-1 alpha-2 */
  const char *nato2;     /* NATO's and the EU's two-letter code where it differs, or NULL */
  const char *name;      /* as the bundled datasets name it */
  int         joined;
  const char *aliases;   /* other names, '|'-separated, or NULL */
} PledgeImportMember;

guint                     pledge_import_n_members   (void);
const PledgeImportMember *pledge_import_get_member  (guint index);

typedef enum
{
  PLEDGE_IMPORT_MATCH_MEMBER,     /* a NATO member: *index set */
  PLEDGE_IMPORT_MATCH_FORMER,     /* USSR, Yugoslavia, Czechoslovakia, GDR */
  PLEDGE_IMPORT_MATCH_NON_MEMBER, /* any other country */
} PledgeImportMatch;

/* By ISO alpha-3 or alpha-2 code, NATO's two-letter code, or name
 * (case, footnote marks such as "Czechia*" and a trailing "(Euros)"
 * ignored). */
PledgeImportMatch pledge_import_match (const char *text,
                                       guint      *index);

/* Figures: the five fields, then the version 2 extras. */
#define PLEDGE_IMPORT_N_SLOTS (PLEDGE_N_FIELDS + PLEDGE_N_EXTRAS)
#define PLEDGE_IMPORT_SLOT_EXTRA(e) (PLEDGE_N_FIELDS + (e))

const char *pledge_import_slot_name      (guint       slot);
gboolean    pledge_import_slot_from_name (const char *name,
                                          guint      *slot);

typedef enum
{
  PLEDGE_IMPORT_LEFT_NON_MEMBER,
  PLEDGE_IMPORT_LEFT_FORMER,
  PLEDGE_IMPORT_LEFT_AGGREGATE,
} PledgeImportLeft;

/* Collects figures by member and year and makes the dataset
 * (pledge-import-builder.c). */
typedef struct _PledgeImportBuilder PledgeImportBuilder;

PledgeImportBuilder *pledge_import_builder_new         (const char          *display_name,
                                                        const char          *kind);
void                 pledge_import_builder_free        (PledgeImportBuilder *self);
void                 pledge_import_builder_set_title   (PledgeImportBuilder *self,
                                                        const char          *title);
void                 pledge_import_builder_add_source  (PledgeImportBuilder *self,
                                                        const char          *href,
                                                        const char          *text);
void                 pledge_import_builder_add_note    (PledgeImportBuilder *self,
                                                        const char          *text);
void                 pledge_import_builder_set_units   (PledgeImportBuilder *self,
                                                        const char          *currency,
                                                        const char          *scale,
                                                        const char          *prices,
                                                        int                  constant_year);
void                 pledge_import_builder_set_edition (PledgeImportBuilder *self,
                                                        const char          *name,
                                                        const char          *date,
                                                        const char          *basis);
void                 pledge_import_builder_set_sheet   (PledgeImportBuilder *self,
                                                        const char          *sheet);
/* FALSE when the member-year already has that figure. */
gboolean             pledge_import_builder_set         (PledgeImportBuilder *self,
                                                        guint                member,
                                                        int                  year,
                                                        guint                slot,
                                                        double               value);
gboolean             pledge_import_builder_has         (PledgeImportBuilder *self,
                                                        guint                member,
                                                        int                  year,
                                                        guint                slot);
/* The figure, or NAN. */
double               pledge_import_builder_get         (PledgeImportBuilder *self,
                                                        guint                member,
                                                        int                  year,
                                                        guint                slot);
void                 pledge_import_builder_set_estimate (PledgeImportBuilder *self,
                                                         guint                member,
                                                         int                  year);
void                 pledge_import_builder_leave_out   (PledgeImportBuilder *self,
                                                        const char          *name,
                                                        PledgeImportLeft     why);
PledgeDataset       *pledge_import_builder_finish      (PledgeImportBuilder *self,
                                                        PledgeImportReport **report,
                                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeImportBuilder, pledge_import_builder_free)

/* Text (pledge-import-csv.c). */
PledgeDataset *pledge_import_csv  (GBytes                    *bytes,
                                   const char                *display_name,
                                   const PledgeImportOptions *options,
                                   PledgeImportReport       **report,
                                   GError                   **error);

/* Workbooks (pledge-import-xlsx.c): cells a row at a time. */
typedef enum
{
  PLEDGE_CELL_EMPTY,
  PLEDGE_CELL_NUMBER,
  PLEDGE_CELL_TEXT,
  PLEDGE_CELL_ERROR,   /* "#REF!" and the like: text holds it */
} PledgeCellKind;

/* The colour of a cell's font, where a publisher gives it a meaning
 * (SIPRI: blue for estimates, red for highly uncertain figures). */
typedef enum
{
  PLEDGE_CELL_COLOUR_NONE,
  PLEDGE_CELL_COLOUR_BLUE,
  PLEDGE_CELL_COLOUR_RED,
} PledgeCellColour;

typedef struct
{
  guint            col;      /* 1-based */
  PledgeCellKind   kind;
  gboolean         percent;  /* its number format shows a percentage */
  PledgeCellColour colour;
  double         number;
  const char    *text;     /* valid during the callback only */
} PledgeCell;

typedef struct
{
  guint             row;   /* 1-based */
  const PledgeCell *cells; /* by column, empty ones left out */
  guint             n_cells;
} PledgeRow;

typedef struct _PledgeWorkbook PledgeWorkbook;

/* FALSE with error set stops the reading. */
typedef gboolean (*PledgeRowFunc) (const PledgeRow *row,
                                   gpointer         user_data,
                                   GError         **error);

PledgeWorkbook *pledge_workbook_open        (GBytes          *bytes,
                                             const char      *display_name,
                                             GError         **error);
void            pledge_workbook_free        (PledgeWorkbook  *self);
guint           pledge_workbook_n_sheets    (PledgeWorkbook  *self);
const char     *pledge_workbook_sheet_name  (PledgeWorkbook  *self,
                                             guint            index);
int             pledge_workbook_find_sheet  (PledgeWorkbook  *self,
                                             const char      *name);
/* "2024-06-17T10:26:31Z" from docProps/core.xml, or NULL. */
const char     *pledge_workbook_modified    (PledgeWorkbook  *self);
gboolean        pledge_workbook_read_sheet  (PledgeWorkbook  *self,
                                             guint            index,
                                             PledgeRowFunc    func,
                                             gpointer         user_data,
                                             GError         **error);
/* "B12" */
char           *pledge_cell_name            (guint            row,
                                             guint            col);
/* The prefix of an error about a cell: "file: sheet "S", cell B12: " */
char           *pledge_workbook_cell_prefix (PledgeWorkbook  *self,
                                             guint            sheet,
                                             guint            row,
                                             guint            col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeWorkbook, pledge_workbook_free)

PledgeDataset *pledge_import_sipri (PledgeWorkbook            *workbook,
                                    const char                *display_name,
                                    const PledgeImportOptions *options,
                                    PledgeImportReport       **report,
                                    GError                   **error);
PledgeDataset *pledge_import_nato  (PledgeWorkbook            *workbook,
                                    const char                *display_name,
                                    const PledgeImportOptions *options,
                                    PledgeImportReport       **report,
                                    GError                   **error);
gboolean       pledge_import_is_nato (PledgeWorkbook *workbook);
gboolean       pledge_import_is_sipri (PledgeWorkbook *workbook);

/* Limits on what a workbook may inflate to. */
#define PLEDGE_IMPORT_MAX_ENTRY_SIZE ((gint64) 256 * 1024 * 1024)
#define PLEDGE_IMPORT_MAX_TOTAL_SIZE ((gint64) 512 * 1024 * 1024)
#define PLEDGE_IMPORT_MAX_FIELD_SIZE (1024 * 1024)

G_END_DECLS
