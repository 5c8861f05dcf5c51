/* pledge-compliance.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-compliance.h"

const char *
pledge_meets_to_string (PledgeMeets meets)
{
  switch (meets)
    {
    case PLEDGE_MEETS_YES:
      return "yes";
    case PLEDGE_MEETS_NO:
      return "no";
    case PLEDGE_MEETS_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
pledge_status_to_string (PledgeStatus status)
{
  switch (status)
    {
    case PLEDGE_STATUS_NO_DATA:
      return "no-data";
    case PLEDGE_STATUS_PROJECTED:
      return "projected";
    case PLEDGE_STATUS_EDITED:
      return "edited";
    case PLEDGE_STATUS_ESTIMATE:
      return "estimate";
    case PLEDGE_STATUS_REPORTED:
    default:
      return "reported";
    }
}

double
pledge_round2 (double x)
{
  /* Past 1e306 there are no hundredths to round, and 100 x x overflows. */
  if (!isfinite (100.0 * x))
    return x;
  return floor (100.0 * x + 0.5 + 1e-9) / 100.0;
}

double
pledge_figures_base (const PledgeFigures *f)
{
  g_return_val_if_fail (f != NULL, NAN);

  /* Only finite figures are known: an overflow is unknown, never used. */
  if (f->flags & PLEDGE_FIGURES_GDP_SET)
    return isfinite (f->values[PLEDGE_FIELD_GDP]) ? f->values[PLEDGE_FIELD_GDP] : NAN;
  if (isfinite (f->implied_base))
    return f->implied_base;
  if (pledge_figures_has (f, PLEDGE_FIELD_GDP) && isfinite (f->values[PLEDGE_FIELD_GDP]))
    return f->values[PLEDGE_FIELD_GDP];
  return NAN;
}

static double
share_of (double amount,
          double base)
{
  double share;

  if (!isfinite (amount) || !isfinite (base) || base <= 0)
    return NAN;
  share = 100.0 * amount / base;
  /* 100 x amount can overflow where the share itself is ordinary. */
  if (!isfinite (share))
    share = amount / base * 100.0;
  return isfinite (share) ? share : NAN;
}

double
pledge_figures_metric (const PledgeFigures *f,
                       PledgeMetric         metric)
{
  g_return_val_if_fail (f != NULL, NAN);

  switch (metric)
    {
    case PLEDGE_METRIC_DEFENCE_GDP:
      /* Figures as the file gave them: 100 x defence / base(y) is the
       * published share up to rounding, so give that exactly. */
      if (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE_GDP) &&
          !(f->flags & (PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_GDP_SET)))
        return f->values[PLEDGE_FIELD_DEFENCE_GDP];
      if (!pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
        return pledge_figures_has (f, PLEDGE_FIELD_DEFENCE_GDP) &&
               isfinite (f->values[PLEDGE_FIELD_DEFENCE_GDP])
               ? f->values[PLEDGE_FIELD_DEFENCE_GDP] : NAN;
      return share_of (f->values[PLEDGE_FIELD_DEFENCE], pledge_figures_base (f));

    case PLEDGE_METRIC_TOTAL_GDP:
      if (!pledge_figures_has (f, PLEDGE_FIELD_DEFENCE) ||
          !pledge_figures_has (f, PLEDGE_FIELD_RELATED))
        return NAN;
      return share_of (f->values[PLEDGE_FIELD_DEFENCE] + f->values[PLEDGE_FIELD_RELATED],
                       pledge_figures_base (f));

    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      return pledge_figures_has (f, PLEDGE_FIELD_EQUIPMENT)
             ? f->values[PLEDGE_FIELD_EQUIPMENT] : NAN;

    default:
      g_return_val_if_reached (NAN);
    }
}

PledgeMeets
pledge_value_meets (double value,
                    double min)
{
  if (!isfinite (value))
    return PLEDGE_MEETS_UNKNOWN;
  return pledge_round2 (value) >= min ? PLEDGE_MEETS_YES : PLEDGE_MEETS_NO;
}

double
pledge_figures_gap (const PledgeFigures *f,
                    const PledgeTarget  *target)
{
  double value, base, have;

  g_return_val_if_fail (f != NULL, NAN);
  g_return_val_if_fail (target != NULL, NAN);

  if (target->metric == PLEDGE_METRIC_EQUIPMENT_DEFENCE)
    return NAN;

  value = pledge_figures_metric (f, target->metric);
  if (isnan (value))
    return NAN;
  if (pledge_value_meets (value, target->min) == PLEDGE_MEETS_YES)
    return 0;

  base = pledge_figures_base (f);
  if (!isfinite (base) || !pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
    return NAN;

  have = f->values[PLEDGE_FIELD_DEFENCE];
  if (target->metric == PLEDGE_METRIC_TOTAL_GDP)
    {
      if (!pledge_figures_has (f, PLEDGE_FIELD_RELATED))
        return NAN;
      have += f->values[PLEDGE_FIELD_RELATED];
    }

  value = MAX (0.0, target->min * base / 100.0 - have);
  return isfinite (value) ? value : NAN;
}

PledgeStatus
pledge_figures_status (const PledgeFigures *f)
{
  /* A year a scenario wrote keeps its status when what it computed
   * overflowed and so is unknown. */
  if (f == NULL || (f->present == 0 && !(f->flags & PLEDGE_FIGURES_EDITED)))
    return PLEDGE_STATUS_NO_DATA;
  if (f->flags & PLEDGE_FIGURES_PROJECTED)
    return PLEDGE_STATUS_PROJECTED;
  if (f->flags & PLEDGE_FIGURES_EDITED)
    return PLEDGE_STATUS_EDITED;
  if (f->flags & PLEDGE_FIGURES_ESTIMATE)
    return PLEDGE_STATUS_ESTIMATE;
  return PLEDGE_STATUS_REPORTED;
}
