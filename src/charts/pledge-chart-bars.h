/* pledge-chart-bars.h: rows of horizontal bars (burden and gap)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-chart-axis.h"
#include "pledge-chart-common.h"

G_BEGIN_DECLS

/* Horizontal bars, one row each, labelled on the left, valued on the right:
 * the burden and gap charts. */
typedef enum
{
  PLEDGE_ROW_BAR,
  PLEDGE_ROW_TEXT,      /* no bar, only value_text: "meets the target", "no data" */
} PledgeRowKind;

typedef struct
{
  PledgeRowKind            kind;
  int                      member;      /* -1 for a group of members */
  char                    *label;       /* owned */
  double                   value;
  char                    *value_text;  /* owned */
  PledgeChartColour        fill;
  const PledgeChartColour *text_colour;
  guint                    hatch;       /* 0, 1 hatched, 2 cross-hatched */
  gboolean                 has_ghost;   /* the reported value under a scenario */
  double                   ghost;       /* that value, on the same axis; drawn as a ghost bar */
} PledgeRow;

typedef struct
{
  PledgeRow  *rows;       /* owned */
  guint       n_rows;
  PledgeAxis  axis;
  gboolean    money;      /* ticks as money, else as percentages */
  const char *axis_title; /* under the ticks; may be NULL */
  double      label_right;
  double      x0;
  double      x1;
  double      top;
  double      row_height;
  double      bottom;
} PledgeBars;

/* Rows are added into the room the chart made for them (rows, g_new0);
 * each takes the strings it is given. */

/* A member's hatching: 1 for an estimate, 2 for a scenario's figure, else 0 */
guint        pledge_bars_hatch_of      (const PledgeChartMember *m);
/* A bar for a member: its name, value and value_text, in fill, hatched as
 * its figures are. */
PledgeRow   *pledge_bars_add_member    (PledgeBars              *bars,
                                        const PledgeChartInput  *input,
                                        const PledgeChartStyle  *style,
                                        int                      member,
                                        double                   value,
                                        char                    *value_text,
                                        const PledgeChartColour *fill);
/* A row of text, no bar: a member (-1 for a group) and what to say of it */
PledgeRow   *pledge_bars_add_text      (PledgeBars              *bars,
                                        int                      member,
                                        char                    *label,
                                        char                    *value_text,
                                        const PledgeChartColour *text_colour);
/* The bar of the n members that are not shown, of their values' sum; the
 * caller gives it a ghost when one of them has one */
PledgeRow   *pledge_bars_add_rest      (PledgeBars              *bars,
                                        const PledgeChartStyle  *style,
                                        guint                    n,
                                        double                   rest,
                                        char                    *value_text);

/* How many rows fit in c->plot, at least 1. */
guint        pledge_bars_capacity      (PledgeChart            *c,
                                        gboolean                axis_title);
/* Takes the rows; FALSE when there is no room to draw them. max_value
 * covers the ghosts too. */
gboolean     pledge_bars_layout        (PledgeChart            *c,
                                        PledgeBars             *bars,
                                        double                  max_value);
void         pledge_bars_paint         (PledgeChart            *c,
                                        const PledgeBars       *bars);
int          pledge_bars_hit_test      (const PledgeBars       *bars,
                                        double                  x,
                                        double                  y);
void         pledge_bars_clear         (PledgeBars             *bars);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PledgeBars, pledge_bars_clear)

/* A chart of rows: its layout frames the chart and fills bars, FALSE
 * when there are no rows to draw. The burden and gap charts draw and hit
 * test through these. */
typedef gboolean (*PledgeBarsLayoutFunc) (PledgeChart *c,
                                          PledgeBars  *bars);

void         pledge_bars_chart_draw     (PledgeChartKind         kind,
                                         PledgeBarsLayoutFunc    layout,
                                         cairo_t                *cr,
                                         double                  width,
                                         double                  height,
                                         const PledgeChartStyle *style,
                                         const PledgeChartInput *input);
int          pledge_bars_chart_hit_test (PledgeChartKind         kind,
                                         PledgeBarsLayoutFunc    layout,
                                         double                  width,
                                         double                  height,
                                         const PledgeChartStyle *style,
                                         const PledgeChartInput *input,
                                         double                  x,
                                         double                  y);
/* Appends where each row is, a PledgeChartElement a row
 * (pledge-chart-focus.h) */
void         pledge_bars_chart_locate   (PledgeChartKind         kind,
                                         PledgeBarsLayoutFunc    layout,
                                         double                  width,
                                         double                  height,
                                         const PledgeChartStyle *style,
                                         const PledgeChartInput *input,
                                         GArray                 *elements);

G_END_DECLS
