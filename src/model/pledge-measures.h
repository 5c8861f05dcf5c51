/* pledge-measures.h: the version 2 measures (real change, per capita, categories)
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The computation rules of docs/dataset-format.md, "Version 2 additions",
 * over one snapshot: the reported figures or a scenario's. Unknown is NAN,
 * never zero, for that member-year only.
 */

#pragma once

#include "pledge-snapshot.h"

G_BEGIN_DECLS

/* The base year of cumulative real change by default: the Wales pledge. */
#define PLEDGE_MEASURES_BASE_YEAR 2014

/* How a measure was made, for the charts and reports to say so. */
typedef enum
{
  PLEDGE_MEASURE_PUBLISHED      = 1 << 0, /* the source's own real-change */
  PLEDGE_MEASURE_SCENARIO       = 1 << 1, /* a scenario's defence at the year's deflator */
  PLEDGE_MEASURE_PROJECTED      = 1 << 2, /* ... at the last reported year's prices */
  PLEDGE_MEASURE_CURRENT_PRICES = 1 << 3, /* per capita of defence at current prices */
} PledgeMeasureFlags;

/* The four shares of defence spending NATO publishes. */
typedef enum
{
  PLEDGE_CATEGORY_EQUIPMENT,
  PLEDGE_CATEGORY_PERSONNEL,
  PLEDGE_CATEGORY_INFRASTRUCTURE,
  PLEDGE_CATEGORY_OTHER,
  PLEDGE_N_CATEGORIES
} PledgeCategory;

typedef enum
{
  PLEDGE_AGGREGATE_ALLIANCE,      /* every member */
  PLEDGE_AGGREGATE_EUROPE_CANADA, /* every member but the United States ("USA") */
} PledgeAggregate;

/* Whether a dataset uses version 2: an <edition>, a constant price base or
 * any version 2 figure. Stops at the first such figure. */
gboolean  pledge_dataset_has_measures        (PledgeDataset       *dataset);

/* The multiplier of the dataset's scale: 1, 1e3, 1e6 or 1e9. */
double    pledge_scale_factor                (PledgeScale          scale);

/* A category's share of defence spending as given (equipment is the
 * equipment field); NAN where unknown. f may be NULL. */
double    pledge_figures_category            (const PledgeFigures *f,
                                              PledgeCategory       category);

/* defence-constant / defence of reported figures; NAN where unknown. */
double    pledge_figures_deflator            (const PledgeFigures *reported);

typedef struct _PledgeMeasures PledgeMeasures;

/* Holds a reference on the snapshot. Costs nothing until asked: each
 * member's last reported deflator is found when first needed. */
PledgeMeasures *pledge_measures_new          (PledgeSnapshot      *snapshot);
void            pledge_measures_free         (PledgeMeasures      *self);
PledgeSnapshot *pledge_measures_get_snapshot (PledgeMeasures      *self);

/* Each takes the member's figures f of the snapshot (NULL: none) when the
 * caller has them at hand, and adds to *flags (may be NULL) how the value
 * was made. */

/* defence at constant prices: the reported defence-constant, or under a
 * scenario the scenario's defence x the year's deflator (the last
 * reported deflator for a projected year). */
double    pledge_measures_figures_constant   (PledgeMeasures      *self,
                                              guint                member,
                                              const PledgeFigures *f,
                                              PledgeMeasureFlags  *flags);
/* Real change from prev (the year before f, or NULL) to f, percent: the
 * published real-change where neither year is a scenario's, else from the
 * two years' defence at constant prices. */
double    pledge_measures_figures_real_change (PledgeMeasures      *self,
                                               guint                member,
                                               const PledgeFigures *f,
                                               const PledgeFigures *prev,
                                               PledgeMeasureFlags  *flags);
/* Defence per head in currency units: defence-constant x scale /
 * (population x 1000), or defence at current prices where the constant
 * figure is unknown (PLEDGE_MEASURE_CURRENT_PRICES). */
double    pledge_measures_figures_per_capita (PledgeMeasures      *self,
                                              guint                member,
                                              const PledgeFigures *f,
                                              PledgeMeasureFlags  *flags);

/* The same, looked up by year. */
double    pledge_measures_constant           (PledgeMeasures      *self,
                                              guint                member,
                                              int                  year,
                                              PledgeMeasureFlags  *flags);
double    pledge_measures_real_change        (PledgeMeasures      *self,
                                              guint                member,
                                              int                  year,
                                              PledgeMeasureFlags  *flags);
double    pledge_measures_per_capita         (PledgeMeasures      *self,
                                              guint                member,
                                              int                  year,
                                              PledgeMeasureFlags  *flags);
/* 100 x (constant(to) / constant(from) - 1). */
double    pledge_measures_cumulative_change  (PledgeMeasures      *self,
                                              guint                member,
                                              int                  from,
                                              int                  to,
                                              PledgeMeasureFlags  *flags);

/* Real change of an aggregate from one year to another (the year before
 * for the annual change): the sums of defence at constant prices over the
 * members of year to with that figure in both years. n_members (may be
 * NULL) says how many. */
double    pledge_measures_aggregate_change   (PledgeMeasures      *self,
                                              PledgeAggregate      aggregate,
                                              int                  from,
                                              int                  to,
                                              guint               *n_members,
                                              PledgeMeasureFlags  *flags);
/* The aggregate's defence per head: the sum of defence at constant prices
 * over the sum of population, over the members of year with both; at
 * current prices (PLEDGE_MEASURE_CURRENT_PRICES) only when no member has
 * a constant figure. */
double    pledge_measures_aggregate_per_capita (PledgeMeasures    *self,
                                                PledgeAggregate    aggregate,
                                                int                year,
                                                guint             *n_members,
                                                PledgeMeasureFlags *flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeMeasures, pledge_measures_free)

G_END_DECLS
