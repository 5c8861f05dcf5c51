/* pledge-measures.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pledge-dataset-private.h"
#include "pledge-measures.h"

struct _PledgeMeasures
{
  PledgeSnapshot *snapshot;
  PledgeDataset  *dataset;
  guint           n_members;
  /* Each member's deflator of its last reported year with one, found when
   * a projected year first asks for it. */
  double         *last_deflator;
  gboolean       *has_last_deflator;
};

gboolean
pledge_dataset_has_measures (PledgeDataset *dataset)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), FALSE);
  return pledge_dataset_get_format_version (dataset) >= 2;
}

double
pledge_scale_factor (PledgeScale scale)
{
  switch (scale)
    {
    case PLEDGE_SCALE_THOUSAND:
      return 1e3;
    case PLEDGE_SCALE_MILLION:
      return 1e6;
    case PLEDGE_SCALE_BILLION:
      return 1e9;
    case PLEDGE_SCALE_UNIT:
    default:
      return 1;
    }
}

double
pledge_figures_category (const PledgeFigures *f,
                         PledgeCategory       category)
{
  static const PledgeExtra extras[PLEDGE_N_CATEGORIES] = {
    [PLEDGE_CATEGORY_PERSONNEL] = PLEDGE_EXTRA_PERSONNEL_SPENDING,
    [PLEDGE_CATEGORY_INFRASTRUCTURE] = PLEDGE_EXTRA_INFRASTRUCTURE,
    [PLEDGE_CATEGORY_OTHER] = PLEDGE_EXTRA_OTHER_SPENDING,
  };

  g_return_val_if_fail (category < PLEDGE_N_CATEGORIES, NAN);

  if (f == NULL)
    return NAN;
  if (category == PLEDGE_CATEGORY_EQUIPMENT)
    return pledge_figures_has (f, PLEDGE_FIELD_EQUIPMENT) ? f->values[PLEDGE_FIELD_EQUIPMENT]
                                                          : NAN;
  return pledge_figures_get_extra (f, extras[category]);
}

double
pledge_figures_deflator (const PledgeFigures *reported)
{
  double constant, defence;

  if (reported == NULL || !pledge_figures_has (reported, PLEDGE_FIELD_DEFENCE))
    return NAN;
  constant = pledge_figures_get_extra (reported, PLEDGE_EXTRA_DEFENCE_CONSTANT);
  defence = reported->values[PLEDGE_FIELD_DEFENCE];
  if (!isfinite (constant) || !(defence > 0))
    return NAN;
  return isfinite (constant / defence) ? constant / defence : NAN;
}

PledgeMeasures *
pledge_measures_new (PledgeSnapshot *snapshot)
{
  PledgeMeasures *self;

  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_new0 (PledgeMeasures, 1);
  self->snapshot = pledge_snapshot_ref (snapshot);
  self->dataset = pledge_snapshot_get_dataset (snapshot);
  self->n_members = pledge_dataset_get_n_members (self->dataset);
  return self;
}

void
pledge_measures_free (PledgeMeasures *self)
{
  if (self == NULL)
    return;
  pledge_snapshot_unref (self->snapshot);
  g_free (self->last_deflator);
  g_free (self->has_last_deflator);
  g_free (self);
}

PledgeSnapshot *
pledge_measures_get_snapshot (PledgeMeasures *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->snapshot;
}

static double
last_deflator (PledgeMeasures *self,
               guint           member)
{
  GArray *reported;
  double deflator = NAN;

  if (self->last_deflator == NULL)
    {
      self->last_deflator = g_new (double, MAX (1, self->n_members));
      self->has_last_deflator = g_new0 (gboolean, MAX (1, self->n_members));
    }
  if (self->has_last_deflator[member])
    return self->last_deflator[member];

  /* Nearly always the last year; a member that stopped giving constant
   * figures is walked back once, then remembered. */
  reported = pledge_dataset_get_member (self->dataset, member)->figures;
  for (guint k = reported->len; k-- > 0 && isnan (deflator);)
    deflator = pledge_figures_deflator (&g_array_index (reported, PledgeFigures, k));

  self->last_deflator[member] = deflator;
  self->has_last_deflator[member] = TRUE;
  return deflator;
}

static void
add_flags (PledgeMeasureFlags *flags,
           PledgeMeasureFlags  more)
{
  if (flags != NULL)
    *flags |= more;
}

double
pledge_measures_figures_constant (PledgeMeasures      *self,
                                  guint                member,
                                  const PledgeFigures *f,
                                  PledgeMeasureFlags  *flags)
{
  const PledgeMember *m;
  const PledgeFigures *reported;
  double defence, deflator, value;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (member < self->n_members, NAN);

  if (f == NULL)
    return NAN;
  if ((f->flags & (PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED)) == 0)
    return pledge_figures_get_extra (f, PLEDGE_EXTRA_DEFENCE_CONSTANT);

  if (!pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
    return NAN;
  defence = f->values[PLEDGE_FIELD_DEFENCE];
  m = pledge_dataset_get_member (self->dataset, member);

  if ((f->flags & PLEDGE_FIGURES_PROJECTED) || f->year > pledge_member_last_year (m))
    {
      deflator = last_deflator (self, member);
      add_flags (flags, PLEDGE_MEASURE_SCENARIO | PLEDGE_MEASURE_PROJECTED);
    }
  else
    {
      reported = pledge_member_get_figures (m, f->year);
      /* An edit of another field: the figure as reported, to the bit. */
      if (reported != NULL && pledge_figures_has (reported, PLEDGE_FIELD_DEFENCE) &&
          reported->values[PLEDGE_FIELD_DEFENCE] == defence)
        return pledge_figures_get_extra (reported, PLEDGE_EXTRA_DEFENCE_CONSTANT);
      deflator = pledge_figures_deflator (reported);
      add_flags (flags, PLEDGE_MEASURE_SCENARIO);
    }

  value = defence * deflator;
  return isfinite (value) ? value : NAN;
}

static gboolean
is_scenario (const PledgeFigures *f)
{
  return f != NULL && (f->flags & (PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED)) != 0;
}

static double
change (double from,
        double to)
{
  double value;

  if (!isfinite (from) || !isfinite (to) || !(from > 0))
    return NAN;
  value = 100.0 * (to / from - 1.0);
  return isfinite (value) ? value : NAN;
}

double
pledge_measures_figures_real_change (PledgeMeasures      *self,
                                     guint                member,
                                     const PledgeFigures *f,
                                     const PledgeFigures *prev,
                                     PledgeMeasureFlags  *flags)
{
  PledgeMeasureFlags made = 0;
  double value;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (member < self->n_members, NAN);
  g_return_val_if_fail (f == NULL || prev == NULL || prev->year == f->year - 1, NAN);

  if (f == NULL)
    return NAN;
  if (!is_scenario (f) && !is_scenario (prev) &&
      pledge_figures_has_extra (f, PLEDGE_EXTRA_REAL_CHANGE))
    {
      add_flags (flags, PLEDGE_MEASURE_PUBLISHED);
      return f->extra[PLEDGE_EXTRA_REAL_CHANGE];
    }
  if (prev == NULL)
    return NAN;

  value = change (pledge_measures_figures_constant (self, member, prev, &made),
                  pledge_measures_figures_constant (self, member, f, &made));
  if (isfinite (value))
    add_flags (flags, made);
  return value;
}

double
pledge_measures_figures_per_capita (PledgeMeasures      *self,
                                    guint                member,
                                    const PledgeFigures *f,
                                    PledgeMeasureFlags  *flags)
{
  PledgeMeasureFlags made = 0;
  double population, money, value;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (member < self->n_members, NAN);

  if (f == NULL)
    return NAN;
  population = pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION);
  if (!(population > 0))
    return NAN;

  money = pledge_measures_figures_constant (self, member, f, &made);
  if (!isfinite (money))
    {
      if (!pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
        return NAN;
      money = f->values[PLEDGE_FIELD_DEFENCE];
      made = PLEDGE_MEASURE_CURRENT_PRICES | (is_scenario (f) ? PLEDGE_MEASURE_SCENARIO : 0);
    }
  value = money * pledge_scale_factor (pledge_dataset_get_scale (self->dataset)) /
          (population * 1000.0);
  if (!isfinite (value))
    return NAN;
  add_flags (flags, made);
  return value;
}

static const PledgeFigures *
figures_of (PledgeMeasures *self,
            guint           member,
            int             year)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (member < self->n_members, NULL);
  return pledge_snapshot_get_figures (self->snapshot, member, year);
}

double
pledge_measures_constant (PledgeMeasures     *self,
                          guint               member,
                          int                 year,
                          PledgeMeasureFlags *flags)
{
  const PledgeFigures *f = figures_of (self, member, year);

  return f ? pledge_measures_figures_constant (self, member, f, flags) : NAN;
}

double
pledge_measures_real_change (PledgeMeasures     *self,
                             guint               member,
                             int                 year,
                             PledgeMeasureFlags *flags)
{
  const PledgeFigures *f = figures_of (self, member, year);

  if (f == NULL)
    return NAN;
  return pledge_measures_figures_real_change (self, member, f,
                                              figures_of (self, member, year - 1), flags);
}

double
pledge_measures_per_capita (PledgeMeasures     *self,
                            guint               member,
                            int                 year,
                            PledgeMeasureFlags *flags)
{
  const PledgeFigures *f = figures_of (self, member, year);

  return f ? pledge_measures_figures_per_capita (self, member, f, flags) : NAN;
}

double
pledge_measures_cumulative_change (PledgeMeasures     *self,
                                   guint               member,
                                   int                 from,
                                   int                 to,
                                   PledgeMeasureFlags *flags)
{
  PledgeMeasureFlags made = 0;
  double value;

  value = change (pledge_measures_constant (self, member, from, &made),
                  pledge_measures_constant (self, member, to, &made));
  if (isfinite (value))
    add_flags (flags, made);
  return value;
}

static gboolean
in_aggregate (const PledgeMember *member,
              PledgeAggregate     aggregate,
              int                 year)
{
  if (aggregate == PLEDGE_AGGREGATE_EUROPE_CANADA && strcmp (member->code, "USA") == 0)
    return FALSE;
  return pledge_member_is_member_in (member, year);
}

double
pledge_measures_aggregate_change (PledgeMeasures     *self,
                                  PledgeAggregate     aggregate,
                                  int                 from,
                                  int                 to,
                                  guint              *n_members,
                                  PledgeMeasureFlags *flags)
{
  PledgeMeasureFlags made = 0;
  double sum_from = 0, sum_to = 0, value;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NAN);

  for (guint i = 0; i < self->n_members; i++)
    {
      PledgeMeasureFlags member_made = 0;
      double a, b;

      if (!in_aggregate (pledge_dataset_get_member (self->dataset, i), aggregate, to))
        continue;
      a = pledge_measures_constant (self, i, from, &member_made);
      b = pledge_measures_constant (self, i, to, &member_made);
      if (!isfinite (a) || !isfinite (b))
        continue;
      sum_from += a;
      sum_to += b;
      made |= member_made;
      n++;
    }

  value = n > 0 ? change (sum_from, sum_to) : NAN;
  if (n_members != NULL)
    *n_members = isfinite (value) ? n : 0;
  if (isfinite (value))
    add_flags (flags, made);
  return value;
}

double
pledge_measures_aggregate_per_capita (PledgeMeasures     *self,
                                      PledgeAggregate     aggregate,
                                      int                 year,
                                      guint              *n_members,
                                      PledgeMeasureFlags *flags)
{
  /* [0] at constant prices, [1] at current prices */
  double money[2] = { 0, 0 }, people[2] = { 0, 0 }, value;
  guint n[2] = { 0, 0 };
  PledgeMeasureFlags made[2] = { 0, PLEDGE_MEASURE_CURRENT_PRICES };
  guint k;

  g_return_val_if_fail (self != NULL, NAN);

  for (guint i = 0; i < self->n_members; i++)
    {
      const PledgeFigures *f;
      PledgeMeasureFlags member_made = 0;
      double population, constant;

      if (!in_aggregate (pledge_dataset_get_member (self->dataset, i), aggregate, year))
        continue;
      f = figures_of (self, i, year);
      population = f ? pledge_figures_get_extra (f, PLEDGE_EXTRA_POPULATION) : NAN;
      if (!(population > 0) || !isfinite (population))
        continue;
      constant = pledge_measures_figures_constant (self, i, f, &member_made);
      if (isfinite (constant))
        {
          money[0] += constant;
          people[0] += population;
          made[0] |= member_made;
          n[0]++;
        }
      if (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
        {
          money[1] += f->values[PLEDGE_FIELD_DEFENCE];
          people[1] += population;
          made[1] |= is_scenario (f) ? PLEDGE_MEASURE_SCENARIO : 0;
          n[1]++;
        }
    }

  k = n[0] > 0 ? 0 : 1;
  value = n[k] > 0 ? money[k] * pledge_scale_factor (pledge_dataset_get_scale (self->dataset)) /
                     (people[k] * 1000.0)
                   : NAN;
  if (!isfinite (value))
    value = NAN;
  if (n_members != NULL)
    *n_members = isfinite (value) ? n[k] : 0;
  if (isfinite (value))
    add_flags (flags, made[k]);
  return value;
}
