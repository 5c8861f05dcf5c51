/* pledge-compliance.h: the format's computation rules, as pure functions
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  PLEDGE_MEETS_UNKNOWN,
  PLEDGE_MEETS_NO,
  PLEDGE_MEETS_YES,
} PledgeMeets;

const char *pledge_meets_to_string (PledgeMeets meets);

typedef enum
{
  PLEDGE_STATUS_NO_DATA,
  PLEDGE_STATUS_PROJECTED,
  PLEDGE_STATUS_EDITED,
  PLEDGE_STATUS_ESTIMATE,
  PLEDGE_STATUS_REPORTED,
} PledgeStatus;

const char *pledge_status_to_string (PledgeStatus status);

/* round2(x) = floor(100 x + 0.5 + 1e-9) / 100: NATO's half-up rounding to two
 * decimals, with a tolerance for binary floating point. */
double      pledge_round2           (double x);

/* base(y): the GDP used for shares; NAN when unknown. */
double      pledge_figures_base     (const PledgeFigures *figures);

/* The metric for one member-year; NAN when it cannot be computed. */
double      pledge_figures_metric   (const PledgeFigures *figures,
                                     PledgeMetric         metric);

/* Whether a metric value meets a target's minimum. */
PledgeMeets pledge_value_meets      (double               value,
                                     double               min);

/* The money to add to meet a share-of-GDP target; 0 when met, NAN when
 * unknown or for the equipment metric. */
double      pledge_figures_gap      (const PledgeFigures *figures,
                                     const PledgeTarget  *target);

PledgeStatus pledge_figures_status  (const PledgeFigures *figures);

G_END_DECLS
