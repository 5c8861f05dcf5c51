/* pledge-chart-series.c: the trend's part of a chart input, its members'
 * series, and the band of the members it does not draw one by one
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-chart-common.h"
#include "pledge-chart.h"

/* A year's share of GDP as the trend draws it: known and not negative */
static gboolean
share_of (const PledgeFigures *f,
          double              *share)
{
  double v = pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP);

  if (!isfinite (v) || v < 0)
    return FALSE;
  *share = v;
  return TRUE;
}

/* The share of f when its year is in the chart's range. */
static gboolean
share_in_range (const PledgeChartInput *input,
                const PledgeFigures    *f,
                double                 *share)
{
  return f->year >= input->first_year && f->year <= input->last_year && share_of (f, share);
}

/* The first and last shares of a member's series, from its sorted figures
 * without the series itself: the tooltips' summary of the trend. */
void
pledge_chart_input_fill_share_ends (PledgeChartInput  *input,
                                    PledgeSnapshot    *snapshot,
                                    PledgeChartMember *m)
{
  GArray *figures = pledge_snapshot_get_member_figures (snapshot, m->index);

  m->first_share = m->last_share = NAN;
  m->first_share_year = m->last_share_year = 0;
  if (figures == NULL || input->n_years == 0)
    return;
  for (guint j = 0; j < figures->len; j++)
    {
      const PledgeFigures *f = &g_array_index (figures, PledgeFigures, j);

      if (f->year >= input->first_year && f->year <= input->last_year &&
          share_of (f, &m->first_share))
        {
          m->first_share_year = f->year;
          break;
        }
    }
  for (guint j = figures->len; j-- > 0;)
    {
      const PledgeFigures *f = &g_array_index (figures, PledgeFigures, j);

      if (f->year >= input->first_year && f->year <= input->last_year &&
          share_of (f, &m->last_share))
        {
          m->last_share_year = f->year;
          break;
        }
    }
}

/* The k-th smallest of v[0..n-1] (Hoare's selection), reordering v */
static double
select_nth (double *v,
            gssize  n,
            gssize  k)
{
  gssize lo = 0, hi = n - 1;

  while (lo < hi)
    {
      double pivot = v[lo + (hi - lo) / 2];
      gssize i = lo, j = hi;

      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              double t = v[i];

              v[i++] = v[j];
              v[j--] = t;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
  return v[k];
}

/* The members not highlighted, as one band: two passes over their figures
 * (count the shares of each year, then place them) and a selection a year,
 * so linear in the records. */
void
pledge_chart_input_fill_faint_band (PledgeChartInput *input,
                                    PledgeSnapshot   *snapshot)
{
  PledgeChartBand *b = &input->faint_band;
  const guint8 scenario = PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED;
  guint n = input->n_years;
  g_autofree gsize *start = g_new0 (gsize, n + 1);
  g_autofree gsize *at = NULL;
  g_autofree double *values = NULL;

  b->count = g_new0 (guint, MAX (1, n));
  b->min = g_new (double, MAX (1, n));
  b->low = g_new (double, MAX (1, n));
  b->high = g_new (double, MAX (1, n));
  b->max = g_new (double, MAX (1, n));

  for (guint i = 0; i < input->n_members; i++)
    {
      GArray *figures;
      gboolean any = FALSE;

      if (input->members[i].trend_colour >= 0)
        continue;
      figures = pledge_snapshot_get_member_figures (snapshot, i);
      for (guint j = 0; figures != NULL && j < figures->len; j++)
        {
          const PledgeFigures *f = &g_array_index (figures, PledgeFigures, j);
          double v;

          if (!share_in_range (input, f, &v))
            continue;
          b->count[f->year - input->first_year]++;
          any = TRUE;
          if (f->flags & PLEDGE_FIGURES_ESTIMATE)
            input->series_has_estimate = TRUE;
          if (f->flags & scenario)
            input->series_has_scenario = TRUE;
        }
      if (any)
        b->n_members++;
    }

  for (guint k = 0; k < n; k++)
    start[k + 1] = start[k] + b->count[k];
  values = g_new (double, MAX (1, start[n]));
  at = g_memdup2 (start, sizeof (gsize) * (n + 1));
  for (guint i = 0; i < input->n_members; i++)
    {
      GArray *figures;

      if (input->members[i].trend_colour >= 0)
        continue;
      figures = pledge_snapshot_get_member_figures (snapshot, i);
      for (guint j = 0; figures != NULL && j < figures->len; j++)
        {
          const PledgeFigures *f = &g_array_index (figures, PledgeFigures, j);
          double v;

          if (!share_in_range (input, f, &v))
            continue;
          values[at[f->year - input->first_year]++] = v;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      double *v = values + start[k];
      gssize c = (gssize) b->count[k];

      if (c == 0)
        {
          b->min[k] = b->low[k] = b->high[k] = b->max[k] = NAN;
          continue;
        }
      b->min[k] = b->max[k] = v[0];
      for (gssize j = 1; j < c; j++)
        {
          b->min[k] = MIN (b->min[k], v[j]);
          b->max[k] = MAX (b->max[k], v[j]);
        }
      b->low[k] = select_nth (v, c, (gssize) floor (0.1 * (double) (c - 1) + 0.5));
      b->high[k] = select_nth (v, c, (gssize) floor (0.9 * (double) (c - 1) + 0.5));
    }
}

void
pledge_chart_input_fill_series (PledgeChartInput  *input,
                                PledgeSnapshot    *snapshot,
                                PledgeSnapshot    *reported,
                                PledgeChartMember *m)
{
  input->n_series++;
  m->series = g_new (double, MAX (1, input->n_years));
  m->series_flags = g_new0 (guint8, MAX (1, input->n_years));
  for (guint k = 0; k < input->n_years; k++)
    {
      const PledgeFigures *f = pledge_snapshot_get_figures (snapshot, m->index,
                                                            input->first_year + (int) k);

      m->series[k] = f ? pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP) : NAN;
      if (!isfinite (m->series[k]) || m->series[k] < 0)
        m->series[k] = NAN;
      m->series_flags[k] = f ? f->flags : 0;
      if (isfinite (m->series[k]) && (m->series_flags[k] & PLEDGE_FIGURES_ESTIMATE))
        input->series_has_estimate = TRUE;
      if (isfinite (m->series[k]) &&
          (m->series_flags[k] & (PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED)))
        input->series_has_scenario = TRUE;
    }

  if (reported == NULL)
    return;
  m->reported_series = g_new (double, MAX (1, input->n_years));
  for (guint k = 0; k < input->n_years; k++)
    {
      const PledgeFigures *f = pledge_snapshot_get_figures (reported, m->index,
                                                            input->first_year + (int) k);

      m->reported_series[k] = f ? pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP) : NAN;
      if (!isfinite (m->reported_series[k]) || m->reported_series[k] < 0)
        m->reported_series[k] = NAN;
      if (pledge_chart_values_differ (m->series[k], m->reported_series[k]))
        m->series_differs = TRUE;
    }
}
