/* pledge-chart.h: the chart kinds, their style and their input, and one draw path
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is GTK-free: it needs GLib, cairo and Pango, so that
 * `pledge --export` draws charts before GTK is initialised. The chart widget
 * (pledge-chart-view.h) and the exporter (pledge-chart-export.h) both call
 * pledge_chart_draw(), so the screen and the files show the same chart.
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "pledge-compare.h"
#include "pledge-snapshot.h"

G_BEGIN_DECLS

#define PLEDGE_CHART_ERROR (pledge_chart_error_quark ())

typedef enum
{
  PLEDGE_CHART_ERROR_INVALID_SIZE, /* a width, height or scale that cannot be drawn */
  PLEDGE_CHART_ERROR_DRAW,         /* cairo failed to draw or to write the file format */
  PLEDGE_CHART_ERROR_WRITE,        /* the file could not be written */
} PledgeChartError;

GQuark pledge_chart_error_quark (void);

typedef enum
{
  PLEDGE_CHART_COMPLIANCE,
  PLEDGE_CHART_TREND,
  PLEDGE_CHART_EQUIPMENT,
  PLEDGE_CHART_BURDEN,
  PLEDGE_CHART_GAP,
  PLEDGE_CHART_REAL_CHANGE,
  PLEDGE_CHART_PER_CAPITA,
  PLEDGE_CHART_CATEGORIES,
  PLEDGE_CHART_REVISIONS,
  PLEDGE_CHART_MAP,
  PLEDGE_N_CHARTS
} PledgeChartKind;

#define PLEDGE_TYPE_CHART_KIND (pledge_chart_kind_get_type ())
GType       pledge_chart_kind_get_type    (void) G_GNUC_CONST;

/* "compliance", "trend", "equipment", "burden", "gap", "real-change",
 * "per-capita", "categories": the names of --chart. */
const char *pledge_chart_kind_to_string   (PledgeChartKind  kind);
gboolean    pledge_chart_kind_from_string (const char      *str,
                                           PledgeChartKind *kind);
/* A translated short title, e.g. "Compliance", for a view switcher. */
const char *pledge_chart_kind_get_title   (PledgeChartKind  kind);

/* Colours: components from 0 to 1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PledgeChartColour;

#define PLEDGE_CHART_PALETTE_SIZE 8

/* The classes of the map's sequential scale of the share of GDP */
#define PLEDGE_CHART_SHARE_STEPS 5

/* The look of a chart. Sizes are in the units of the cairo_t the chart is
 * drawn on: pixels on screen and in a PNG (before the scale), points in SVG
 * and PDF. */
typedef struct
{
  const char        *font_family;  /* a static string: "Cantarell" */
  double             font_size;    /* body text at 1200x800; scaled with the chart */
  gboolean           dark;

  PledgeChartColour  background;
  PledgeChartColour  foreground;   /* titles, values, the alliance total */
  PledgeChartColour  muted;        /* subtitles, axes, footers */
  PledgeChartColour  grid;
  PledgeChartColour  meets;        /* meets the selected target: the accent */
  PledgeChartColour  partial;      /* meets one of two guidelines */
  PledgeChartColour  misses;       /* misses the selected target */
  PledgeChartColour  unknown;      /* no data, or a metric that cannot be computed */
  PledgeChartColour  target;       /* the selected target's line */
  PledgeChartColour  other_target; /* the other targets' lines */
  PledgeChartColour  faint;        /* the members not highlighted in the trend */
  PledgeChartColour  palette[PLEDGE_CHART_PALETTE_SIZE]; /* highlighted trend lines */
  /* The map's sequential scale of the share of GDP, lowest class first:
   * one hue, lightness away from the background as the share grows */
  PledgeChartColour  share_scale[PLEDGE_CHART_SHARE_STEPS];
} PledgeChartStyle;

/* The fixed document style, light or dark: exports use it unchanged so a
 * dark desktop still gives a print-friendly file unless asked for dark. */
void pledge_chart_style_init (PledgeChartStyle *style,
                              gboolean          dark);

/* A target as charts show it. */
typedef struct
{
  char        *id;
  char        *name;
  char        *label;       /* short and translated: "2% of GDP" */
  char        *line_label;  /* for a line on a chart: "3.5% of GDP by 2035" */
  PledgeMetric metric;
  double       min;
  int          from;        /* 0 when absent */
  int          due;         /* 0 when absent */
} PledgeChartTarget;

/* One member as charts show it: its figures in the input's year, and its
 * share of GDP over every year of the input. Unknown numbers are NAN. */
typedef struct
{
  guint        index;          /* in the dataset */
  char        *code;
  char        *name;
  gboolean     in_year;        /* a member in the input's year (the format's rule) */
  PledgeStatus status;         /* in the input's year */
  double       defence;        /* money, in the dataset's units */
  double       base;           /* the GDP used for shares, base(y) */
  double       defence_gdp;    /* percent of GDP */
  double       total_gdp;      /* defence and related, percent of GDP */
  double       equipment;      /* percent of defence */
  double       alliance_share; /* percent of the alliance's defence spending */
  double       value;          /* the selected target's metric */
  PledgeMeets  meets;          /* the selected target */
  PledgeMeets  meets_gdp_guide;       /* the equipment chart's x guideline */
  PledgeMeets  meets_equipment_guide; /* the equipment chart's y guideline */
  double       gap;            /* money to add for the gap target; 0 when met */
  double      *series;         /* share of GDP, first_year..last_year; NULL when the
                                * trend draws the member in its band (faint_band) */
  guint8      *series_flags;   /* PledgeFiguresFlags of the same years; NULL likewise */
  int          first_share_year; /* the first and last years of the series with a */
  int          last_share_year;  /* share, both 0 when none: what tooltips say of it */
  double       first_share;
  double       last_share;
  int          trend_colour;   /* a palette index when highlighted in the trend, else -1 */

  /* The reported figures under a scenario, which charts draw as ghosts:
   * the same quantities in the same year, NAN where the member reported
   * none (a projected year) and whenever the input's has_reported is FALSE.
   * The alliance total has its defence, shares and series only. */
  double       reported_defence;
  double       reported_defence_gdp;
  double       reported_total_gdp;
  double       reported_equipment;
  double       reported_alliance_share;
  double       reported_gap;
  double      *reported_series;    /* like series; NULL when has_reported is FALSE */
  gboolean     reported_differs;   /* a figure of the year differs from the reported one */
  gboolean     series_differs;     /* a year of the series differs from the reported one */

  /* Format v2 measures in the input's year (pledge-chart-measures.c), NAN
   * where unknown; for the total, the alliance's. */
  double       real_change;        /* percent, on the year before */
  double       cumulative_change;  /* percent, since the input's base_year */
  double       per_capita;         /* currency units a head */
  guint        measure_flags;      /* PledgeMeasureFlags of the three */
  double       categories[4];      /* PledgeCategory: equipment, personnel, ... */
  double       reported_real_change;
  double       reported_cumulative_change;
  double       reported_per_capita;
} PledgeChartMember;

/* An aggregate of format v2's real change other than the alliance's. */
typedef struct
{
  char   *name;               /* "Europe and Canada" */
  double  real_change;
  double  cumulative_change;
  guint   measure_flags;
  double  reported_real_change;
  double  reported_cumulative_change;
} PledgeChartAggregate;

/* Above this many members not highlighted in the trend, their lines would
 * be a grey mass (and cost a stroke each over the whole plot): the trend
 * draws them as a band of their spread each year instead, and the input
 * computes no series for them. */
#define PLEDGE_CHART_TREND_MAX_FAINT_LINES 60

/* The spread of the members not highlighted, year by year over the input's
 * series years. Unknown where no such member has a share that year. */
typedef struct
{
  guint   n_members;  /* aggregated: not highlighted, with a share in some year */
  guint  *count;      /* members with a share, each year */
  double *min;
  double *low;        /* the 10th percentile (nearest rank) */
  double *high;       /* the 90th percentile */
  double *max;
} PledgeChartBand;

/* Everything a renderer needs, computed once from a snapshot so that draw code
 * does no model work. Read-only once made. */
typedef struct _PledgeChartInput PledgeChartInput;

/* What the map colours members by */
typedef enum
{
  PLEDGE_MAP_SCALE_TARGET, /* meets the selected target, or not */
  PLEDGE_MAP_SCALE_SHARE,  /* a sequential scale of the share of GDP */
} PledgeMapScale;

#define PLEDGE_TYPE_MAP_SCALE (pledge_map_scale_get_type ())
GType pledge_map_scale_get_type (void) G_GNUC_CONST;

struct _PledgeChartInput
{
  int                year;
  guint              target;           /* the selected target, an index into targets */
  guint              n_targets;
  PledgeChartTarget *targets;          /* every target of the dataset, file order */
  int                gap_target;       /* share-of-GDP target of the gap chart; -1 when none */
  int                gdp_guide;        /* x guideline of the equipment chart; -1 when none */
  int                equipment_guide;  /* y guideline of the equipment chart; -1 when none */

  guint              n_members;
  PledgeChartMember *members;          /* every member of the dataset, file order */
  PledgeChartMember  total;            /* the alliance; its index is n_members */
  gboolean           show_total_in_trend;
  /* The years of the series whose total would cover only some of the
   * members (a scenario that projects a few): the input has no total there.
   * The first and last such years, both 0 when none, and how many members
   * of the first have figures out of how many the total must cover. */
  int                total_partial_first;
  int                total_partial_last;
  guint              total_partial_covered;
  guint              total_partial_expected;

  guint              n_in_year;        /* members in the year, with or without figures */
  guint              n_with_data;      /* of those, with a value of the selected metric */
  guint              n_meeting;        /* of those, meeting the selected target */
  double             total_gap;        /* sum of the known gaps */
  guint              n_short;          /* members with a gap above zero */

  int                first_year;       /* the years of the series; both 0 when none */
  int                last_year;
  guint              n_years;
  guint              n_series;         /* members whose series the input holds */
  /* More than PLEDGE_CHART_TREND_MAX_FAINT_LINES members not highlighted:
   * they have no series, and the trend draws this band of them. */
  gboolean           has_faint_band;
  PledgeChartBand    faint_band;

  gboolean           has_estimate;     /* in the year, among members of the year */
  gboolean           has_scenario_figures; /* edited or projected figures in the year */
  gboolean           series_has_estimate;
  gboolean           series_has_scenario;
  /* Drawn for a scenario: the members carry their reported figures too. */
  gboolean           has_reported;
  gboolean           any_reported_differs; /* a member of the year, in the year */

  char              *title;            /* the dataset's title */
  char              *sources;          /* every source, joined */
  guint              n_sources;
  char              *footer_sources;   /* as a footer shows them: the first few, each cut short */
  char              *scenario_name;    /* NULL for the reported figures */
  char              *currency;
  PledgeScale        scale;
  char              *units;            /* translated: "USD million" */

  /* Format v2 (pledge-chart-measures.c) */
  char              *edition;          /* "NATO, July 2026 edition, core defence basis"; or NULL */
  int                constant_year;    /* the price base of constant figures; 0 when none */
  int                base_year;        /* of cumulative real change: 2014 */
  PledgeChartAggregate europe_canada;
  guint              measure_flags;    /* every member's in the year, and the aggregates' */
  /* The revisions chart's two editions; NULL until
   * pledge_chart_input_set_compare() */
  PledgeCompare     *compare;
  /* The map's colours; set right after _new() (PLEDGE_MAP_SCALE_TARGET) */
  PledgeMapScale     map_scale;
};

#define PLEDGE_CHART_TOTAL_INDEX(input) ((int) (input)->n_members)

/* trend_members: codes of the members highlighted in the trend, NULL for the
 * default set (the alliance total and a few large members). Unknown codes are
 * ignored. year need not have figures: charts then say so. For a scenario's
 * snapshot the input also holds the reported figures, from the dataset's
 * cached reported snapshot. */
PledgeChartInput *pledge_chart_input_new             (PledgeSnapshot          *snapshot,
                                                      int                      year,
                                                      guint                    target,
                                                      const char *const       *trend_members);
void              pledge_chart_input_free            (PledgeChartInput        *input);
/* What the revisions chart shows (transfer full): right after _new(). */
void              pledge_chart_input_set_compare     (PledgeChartInput        *input,
                                                      PledgeCompare           *compare);

/* A one-sentence summary for accessibility and the chart's subtitle, e.g.
 * "5 of 28 members meet 2% of GDP in 2016". */
char             *pledge_chart_input_describe        (const PledgeChartInput  *input,
                                                      PledgeChartKind          kind);
/* A tooltip for one member (0..n_members-1) or the alliance total (n_members). */
char             *pledge_chart_input_describe_member (const PledgeChartInput  *input,
                                                      int                      index);

/* The same for one year of the series (first_year..last_year): what a
 * trend line shows at that year. For the input's year, the same as above. */
char             *pledge_chart_input_describe_member_year (const PledgeChartInput *input,
                                                           int                     index,
                                                           int                     year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeChartInput, pledge_chart_input_free)

/* Whether a scenario's figure and the reported one are both known and differ
 * by more than floating point noise: where charts draw a ghost. */
gboolean          pledge_chart_values_differ         (double                   scenario,
                                                      double                   reported);

/* "target" and "share": the names of --map-scale */
gboolean pledge_map_scale_from_string (const char     *str,
                                       PledgeMapScale *scale);
/* The class of the share scale a share of GDP falls in, -1 when unknown,
 * and the lower bound of a class (percent) */
int      pledge_map_share_class       (double          share);
double   pledge_map_share_class_min   (guint           k);

/* The chart's title as drawn, e.g. "Defence spending as a share of GDP, 2016". */
char *pledge_chart_get_title (PledgeChartKind          kind,
                              const PledgeChartInput  *input);

/* Draws a chart into the rectangle (0, 0, width, height) of cr, background
 * included. Never feeds cairo NaN or infinite geometry. */
void pledge_chart_draw     (PledgeChartKind          kind,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            const PledgeChartStyle  *style,
                            const PledgeChartInput  *input);

/* The member under (x, y) in the chart as pledge_chart_draw() lays it out
 * at that size: a member index, n_members for the alliance total, or -1. */
/* The year a tooltip at x describes: the trend's year under x, else the
 * input's year. */
int  pledge_chart_year_at  (PledgeChartKind          kind,
                            double                   width,
                            double                   height,
                            const PledgeChartStyle  *style,
                            const PledgeChartInput  *input,
                            double                   x);

int  pledge_chart_hit_test (PledgeChartKind          kind,
                            double                   width,
                            double                   height,
                            const PledgeChartStyle  *style,
                            const PledgeChartInput  *input,
                            double                   x,
                            double                   y);

G_END_DECLS
