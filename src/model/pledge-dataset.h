/* pledge-dataset.h: one dataset of members, figures, targets and scenarios
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <math.h>

G_BEGIN_DECLS

/* The newest format version this program reads; it writes version 1
 * where a dataset uses nothing of version 2. */
#define PLEDGE_FORMAT_VERSION 2
#define PLEDGE_YEAR_MIN 1900
#define PLEDGE_YEAR_MAX 2200

#define PLEDGE_DATASET_ERROR (pledge_dataset_error_quark ())

typedef enum
{
  PLEDGE_DATASET_ERROR_IO,        /* could not read or write the file */
  PLEDGE_DATASET_ERROR_TOO_LARGE, /* larger than the loader accepts, or scenarios
                                   * that would compute far more than the file holds */
  PLEDGE_DATASET_ERROR_NOT_XML,   /* not well-formed XML */
  PLEDGE_DATASET_ERROR_DOCTYPE,   /* DOCTYPE, DTD or entities: refused */
  PLEDGE_DATASET_ERROR_VERSION,   /* a format version this program does not know */
  PLEDGE_DATASET_ERROR_INVALID,   /* well-formed, but not a valid dataset */
  PLEDGE_DATASET_ERROR_SCENARIO,  /* a scenario cannot be applied */
} PledgeDatasetError;

GQuark pledge_dataset_error_quark (void);

typedef enum
{
  PLEDGE_METRIC_DEFENCE_GDP,       /* "defence-gdp": defence as % of GDP */
  PLEDGE_METRIC_TOTAL_GDP,         /* "total-gdp": defence + related as % of GDP */
  PLEDGE_METRIC_EQUIPMENT_DEFENCE, /* "equipment-defence": equipment as % of defence */
} PledgeMetric;

const char *pledge_metric_to_string   (PledgeMetric  metric);
gboolean    pledge_metric_from_string (const char   *str,
                                       PledgeMetric *metric);

/* The figures one member reported for one year. Absent means unknown. */
typedef enum
{
  PLEDGE_FIGURE_GDP         = 1 << 0,
  PLEDGE_FIGURE_DEFENCE     = 1 << 1,
  PLEDGE_FIGURE_DEFENCE_GDP = 1 << 2,
  PLEDGE_FIGURE_EQUIPMENT   = 1 << 3,
  PLEDGE_FIGURE_RELATED     = 1 << 4,
} PledgeFigureMask;

typedef enum
{
  PLEDGE_FIELD_GDP,
  PLEDGE_FIELD_DEFENCE,
  PLEDGE_FIELD_DEFENCE_GDP,
  PLEDGE_FIELD_EQUIPMENT,
  PLEDGE_FIELD_RELATED,
  PLEDGE_N_FIELDS
} PledgeField;

const char *pledge_field_to_string   (PledgeField  field);
gboolean    pledge_field_from_string (const char  *str,
                                      PledgeField *field);

/* Version 2 figures: the rest of NATO's tables. Kept apart from the five
 * fields above, which most files are made of, so a version 1 file costs
 * one pointer a figure more; scenarios never edit them (format v2: a set or
 * grow of defence keeps the year's deflator, see pledge-measures). */
typedef enum
{
  PLEDGE_EXTRA_DEFENCE_CONSTANT,   /* "defence-constant": money at units/@constant prices */
  PLEDGE_EXTRA_GDP_CONSTANT,       /* "gdp-constant" */
  PLEDGE_EXTRA_REAL_CHANGE,        /* "real-change": published, percent; may be negative */
  PLEDGE_EXTRA_POPULATION,         /* "population": thousands of people */
  PLEDGE_EXTRA_MILITARY_PERSONNEL, /* "military-personnel": thousands */
  PLEDGE_EXTRA_PERSONNEL_SPENDING, /* "personnel-spending": % of defence */
  PLEDGE_EXTRA_INFRASTRUCTURE,     /* "infrastructure": % of defence */
  PLEDGE_EXTRA_OTHER_SPENDING,     /* "other-spending": % of defence */
  PLEDGE_N_EXTRAS
} PledgeExtra;

const char *pledge_extra_to_string   (PledgeExtra  extra);
gboolean    pledge_extra_from_string (const char  *str,
                                      PledgeExtra *extra);

typedef enum
{
  PLEDGE_FIGURES_ESTIMATE  = 1 << 0, /* estimate="true" in the file */
  PLEDGE_FIGURES_EDITED    = 1 << 1, /* a scenario changed a figure */
  PLEDGE_FIGURES_PROJECTED = 1 << 2, /* past the member's last reported year */
  PLEDGE_FIGURES_GDP_SET   = 1 << 3, /* a scenario set or projected the GDP: it is base(y) */
} PledgeFiguresFlags;

typedef struct
{
  gint16  year;
  guint8  present;   /* PledgeFigureMask */
  guint8  flags;     /* PledgeFiguresFlags */
  /* Version 2 figures: extra_present is a mask of 1 << PledgeExtra (here,
   * in the padding after flags, so the struct stays 64 bytes); extra
   * points to PLEDGE_N_EXTRAS doubles owned by the dataset (never freed
   * before it, shared by every snapshot's copy), NULL when none is given. */
  guint8  extra_present;
  double  values[PLEDGE_N_FIELDS];
  /* base(y) implied by the published share and defence as given in the file
   * (100 x defence / defence-gdp); NAN where the file does not give both. */
  double  implied_base;
  const double *extra;
} PledgeFigures;

static inline gboolean
pledge_figures_has (const PledgeFigures *f,
                    PledgeField          field)
{
  return (f->present & (1u << field)) != 0;
}

static inline gboolean
pledge_figures_has_extra (const PledgeFigures *f,
                          PledgeExtra          extra)
{
  return (f->extra_present & (1u << extra)) != 0;
}

/* The figure, or NAN where unknown. */
static inline double
pledge_figures_get_extra (const PledgeFigures *f,
                          PledgeExtra          extra)
{
  return pledge_figures_has_extra (f, extra) ? f->extra[extra] : (double) NAN;
}

typedef struct
{
  char   *code;     /* three capital letters */
  char   *name;
  int     joined;
  int     left;     /* 0: still a member */
  GArray *figures;  /* PledgeFigures, sorted by year, one per year */
  guint   line;     /* where it was defined, for messages */
} PledgeMember;

gboolean             pledge_member_is_member_in (const PledgeMember *member,
                                                 int                 year);
const PledgeFigures *pledge_member_get_figures  (const PledgeMember *member,
                                                 int                 year);
/* The last year with any of the five version 1 figures (a year with only
 * version 2 figures, such as a population, is no reported spending);
 * 0 when none. Later years a scenario writes are projected. */
int                  pledge_member_last_year    (const PledgeMember *member);

typedef struct
{
  char        *id;
  char        *name;
  PledgeMetric metric;
  double       min;     /* a percentage */
  int          from;    /* 0 when absent */
  int          due;     /* 0 when absent */
} PledgeTarget;

typedef struct
{
  char *href;   /* may be NULL */
  char *text;
} PledgeSource;

typedef enum
{
  PLEDGE_EDIT_SET,
  PLEDGE_EDIT_GROW,
} PledgeEditKind;

typedef struct
{
  PledgeEditKind kind;
  char          *member;  /* a code; "*" for every member (grow only) */
  /* set */
  int            year;
  PledgeField    field;
  double         value;
  /* grow */
  int            from;
  int            to;
  double         defence_rate;
  double         gdp_rate;     /* NAN when absent */
  guint          line;         /* 0 when made in the program */
} PledgeEdit;

typedef struct
{
  char      *id;
  char      *name;
  GPtrArray *edits;  /* PledgeEdit */
  guint      line;
} PledgeScenario;

PledgeEdit     *pledge_edit_new_set       (const char       *member,
                                           int               year,
                                           PledgeField       field,
                                           double            value);
PledgeEdit     *pledge_edit_new_grow      (const char       *member,
                                           int               from,
                                           int               to,
                                           double            defence_rate,
                                           double            gdp_rate);
PledgeEdit     *pledge_edit_copy          (const PledgeEdit *edit);
void            pledge_edit_free          (PledgeEdit       *edit);
PledgeScenario *pledge_scenario_new       (const char       *id,
                                           const char       *name);
PledgeScenario *pledge_scenario_copy      (const PledgeScenario *scenario);
void            pledge_scenario_free      (PledgeScenario   *scenario);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeEdit, pledge_edit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeScenario, pledge_scenario_free)

/* <edition> (format v2): which edition of which publication. */
typedef struct
{
  char *name;   /* the element's text */
  char *date;   /* "YYYY-MM" or "YYYY-MM-DD" */
  char *basis;  /* a token such as "core-defence", or NULL */
} PledgeEdition;

/* For people: basis as words ("core defence" for "core-defence"),
 * translated where known; NULL where the edition gives none. */
char       *pledge_edition_describe_basis (const PledgeEdition *edition);
/* For people: "July 2026, core defence" (the name, then the basis). */
char       *pledge_edition_describe       (const PledgeEdition *edition);
/* "July 2026" or "17 June 2024" in the user's language; NULL without a date */
char       *pledge_edition_describe_date  (const PledgeEdition *edition);
/* "July 2026 edition, core defence basis" */
char       *pledge_edition_describe_for_footer (const PledgeEdition *edition);

typedef enum
{
  PLEDGE_SCALE_UNIT,
  PLEDGE_SCALE_THOUSAND,
  PLEDGE_SCALE_MILLION,
  PLEDGE_SCALE_BILLION,
} PledgeScale;

const char *pledge_scale_to_string (PledgeScale scale);

#define PLEDGE_TYPE_DATASET (pledge_dataset_get_type ())

G_DECLARE_FINAL_TYPE (PledgeDataset, pledge_dataset, PLEDGE, DATASET, GObject)

PledgeDataset *pledge_dataset_new             (void);

/* Loading (pledge-dataset-loader.c). display_name names the file in
 * messages ("nato.xml:41: ..."); NULL uses the file's basename. */
PledgeDataset *pledge_dataset_load            (GFile         *file,
                                               const char    *display_name,
                                               GCancellable  *cancellable,
                                               GError       **error);
PledgeDataset *pledge_dataset_load_from_bytes (GBytes        *bytes,
                                               const char    *display_name,
                                               GError       **error);

/* Saving (pledge-dataset-writer.c). */
GBytes        *pledge_dataset_to_bytes        (PledgeDataset *self);
gboolean       pledge_dataset_save            (PledgeDataset *self,
                                               GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);

const char    *pledge_dataset_get_title       (PledgeDataset *self);
void           pledge_dataset_set_title       (PledgeDataset *self,
                                               const char    *title);
GPtrArray     *pledge_dataset_get_sources     (PledgeDataset *self); /* PledgeSource */
GPtrArray     *pledge_dataset_get_notes       (PledgeDataset *self); /* char * */
const char    *pledge_dataset_get_currency    (PledgeDataset *self);
PledgeScale    pledge_dataset_get_scale       (PledgeDataset *self);
const char    *pledge_dataset_get_prices      (PledgeDataset *self);
/* Format v2: NULL / 0 when the file gives none. */
const PledgeEdition *pledge_dataset_get_edition    (PledgeDataset *self);
int                  pledge_dataset_get_constant_year (PledgeDataset *self);
/* The format version saving writes: 2 where the dataset has an edition,
 * a units/@constant year or any version 2 figure; otherwise 1. */
int                  pledge_dataset_get_format_version (PledgeDataset *self);

guint               pledge_dataset_get_n_targets   (PledgeDataset *self);
const PledgeTarget *pledge_dataset_get_target      (PledgeDataset *self,
                                                    guint          index);
int                 pledge_dataset_find_target     (PledgeDataset *self,
                                                    const char    *id);

guint               pledge_dataset_get_n_members   (PledgeDataset *self);
const PledgeMember *pledge_dataset_get_member      (PledgeDataset *self,
                                                    guint          index);
int                 pledge_dataset_find_member     (PledgeDataset *self,
                                                    const char    *code);

/* Years with reported figures: [first, last]; FALSE when none. As for
 * pledge_member_last_year(), years with only version 2 figures at either
 * end do not count. */
gboolean            pledge_dataset_get_year_range  (PledgeDataset *self,
                                                    int           *first,
                                                    int           *last);

guint                 pledge_dataset_get_n_scenarios (PledgeDataset *self);
const PledgeScenario *pledge_dataset_get_scenario    (PledgeDataset *self,
                                                      guint          index);
int                   pledge_dataset_find_scenario   (PledgeDataset *self,
                                                      const char    *id);

/* Scenario editing. Each checks the edit against the dataset and the
 * scenario's earlier edits and fails with PLEDGE_DATASET_ERROR_SCENARIO
 * without changing anything. Each emits ::changed. */
gboolean       pledge_dataset_add_scenario     (PledgeDataset  *self,
                                                PledgeScenario *scenario,
                                                guint           position,
                                                GError        **error);
PledgeScenario *pledge_dataset_take_scenario   (PledgeDataset  *self,
                                                guint           index);
gboolean       pledge_dataset_rename_scenario  (PledgeDataset  *self,
                                                guint           index,
                                                const char     *name);
gboolean       pledge_dataset_insert_edit      (PledgeDataset  *self,
                                                guint           scenario,
                                                guint           position,
                                                PledgeEdit     *edit,
                                                GError        **error);
PledgeEdit    *pledge_dataset_take_edit        (PledgeDataset  *self,
                                                guint           scenario,
                                                guint           position);
char          *pledge_dataset_make_scenario_id (PledgeDataset  *self,
                                                const char     *base);

/* Building (used by the loader and by tests). */
void           pledge_dataset_add_source      (PledgeDataset *self,
                                               const char    *href,
                                               const char    *text);
void           pledge_dataset_add_note        (PledgeDataset *self,
                                               const char    *text);
void           pledge_dataset_set_units       (PledgeDataset *self,
                                               const char    *currency,
                                               PledgeScale    scale,
                                               const char    *prices);
void           pledge_dataset_add_target      (PledgeDataset *self,
                                               const char    *id,
                                               const char    *name,
                                               PledgeMetric   metric,
                                               double         min,
                                               int            from,
                                               int            due);
PledgeMember  *pledge_dataset_add_member      (PledgeDataset *self,
                                               const char    *code,
                                               const char    *name,
                                               int            joined,
                                               int            left);
/* Adds a year of figures, keeping the array sorted; returns it to fill. */
PledgeFigures *pledge_member_add_figures      (PledgeMember  *member,
                                               int            year);
/* Format v2 (building; before any snapshot is made, as the extras are
 * shared with snapshots). name NULL removes the edition; basis may be
 * NULL. year 0 removes units/@constant. */
void           pledge_dataset_set_edition     (PledgeDataset *self,
                                               const char    *name,
                                               const char    *date,
                                               const char    *basis);
void           pledge_dataset_set_constant_year (PledgeDataset *self,
                                                 int            year);
/* Sets a version 2 figure of figures, which must belong to a member of
 * self: its storage comes from the dataset, allocated the first time a
 * figures record gets one. value must be finite. */
void           pledge_dataset_set_figure_extra (PledgeDataset *self,
                                                PledgeFigures *figures,
                                                PledgeExtra    extra,
                                                double         value);

/* Checks that every scenario applies, and that together they stay within
 * what Pledge computes for a dataset of this size (2,000,000 figures
 * written or copied, plus 4 a figure in the file; past it
 * PLEDGE_DATASET_ERROR_TOO_LARGE). The first failure names its line. The
 * snapshots made to check are not kept: pledge_dataset_get_snapshot()
 * makes each when first asked for. */
gboolean       pledge_dataset_check_scenarios (PledgeDataset *self,
                                               const char    *display_name,
                                               GError       **error);

G_END_DECLS
