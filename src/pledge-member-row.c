/* pledge-member-row.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-member-row.h"
#include "pledge-ui-util.h"

struct _PledgeMemberRow
{
  GObject         parent_instance;

  guint           member;
  char           *code;
  char           *name;
  PledgeSnapshot *snapshot;
  int             year;
  guint           target;
};

G_DEFINE_FINAL_TYPE (PledgeMemberRow, pledge_member_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pledge_member_row_finalize (GObject *object)
{
  PledgeMemberRow *self = PLEDGE_MEMBER_ROW (object);

  g_clear_pointer (&self->snapshot, pledge_snapshot_unref);
  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (pledge_member_row_parent_class)->finalize (object);
}

static void
pledge_member_row_class_init (PledgeMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pledge_member_row_finalize;

  signals[CHANGED] = pledge_ui_new_changed_signal (G_TYPE_FROM_CLASS (klass));
}

static void
pledge_member_row_init (PledgeMemberRow *self)
{
}

PledgeMemberRow *
pledge_member_row_new (guint member)
{
  PledgeMemberRow *self = g_object_new (PLEDGE_TYPE_MEMBER_ROW, NULL);

  self->member = member;
  return self;
}

guint
pledge_member_row_get_member (PledgeMemberRow *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), 0);
  return self->member;
}

const char *
pledge_member_row_get_code (PledgeMemberRow *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), NULL);
  return self->code;
}

const char *
pledge_member_row_get_name (PledgeMemberRow *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), NULL);
  return self->name;
}

int
pledge_member_row_get_year (PledgeMemberRow *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), 0);
  return self->year;
}

void
pledge_member_row_update (PledgeMemberRow *self,
                          PledgeSnapshot  *snapshot,
                          int              year,
                          guint            target)
{
  const PledgeMember *member;

  g_return_if_fail (PLEDGE_IS_MEMBER_ROW (self));
  g_return_if_fail (snapshot != NULL);

  member = pledge_dataset_get_member (pledge_snapshot_get_dataset (snapshot), self->member);
  if (g_strcmp0 (self->code, member->code) != 0)
    {
      g_free (self->code);
      self->code = g_strdup (member->code);
    }
  if (g_strcmp0 (self->name, member->name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (member->name);
    }

  if (self->snapshot != snapshot)
    {
      g_clear_pointer (&self->snapshot, pledge_snapshot_unref);
      self->snapshot = pledge_snapshot_ref (snapshot);
    }
  self->year = year;
  self->target = target;

  g_signal_emit (self, signals[CHANGED], 0);
}

static double
figure (const PledgeFigures *f,
        PledgeField          field)
{
  return f != NULL && pledge_figures_has (f, field) ? f->values[field] : NAN;
}

static double
value_of (const PledgeFigures *f,
          PledgeMemberValue    value)
{
  if (f == NULL)
    return NAN;

  switch (value)
    {
    case PLEDGE_MEMBER_VALUE_DEFENCE:
      return figure (f, PLEDGE_FIELD_DEFENCE);
    case PLEDGE_MEMBER_VALUE_GDP:
      return figure (f, PLEDGE_FIELD_GDP);
    case PLEDGE_MEMBER_VALUE_SHARE:
      return pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP);
    case PLEDGE_MEMBER_VALUE_EQUIPMENT:
      return pledge_figures_metric (f, PLEDGE_METRIC_EQUIPMENT_DEFENCE);
    case PLEDGE_MEMBER_VALUE_ALLIANCE:
    case PLEDGE_N_MEMBER_VALUES:
    default:
      return NAN;
    }
}

gboolean
pledge_member_row_is_changed (PledgeMemberRow   *self,
                              PledgeMemberValue  value)
{
  PledgeDataset *dataset;
  const PledgeFigures *f, *reported;
  double a, b;

  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), FALSE);

  if (self->snapshot == NULL || pledge_snapshot_get_scenario (self->snapshot) < 0)
    return FALSE;

  f = pledge_snapshot_get_figures (self->snapshot, self->member, self->year);
  if (f == NULL || (f->flags & (PLEDGE_FIGURES_EDITED | PLEDGE_FIGURES_PROJECTED)) == 0)
    return FALSE;

  dataset = pledge_snapshot_get_dataset (self->snapshot);
  reported = pledge_member_get_figures (pledge_dataset_get_member (dataset, self->member),
                                        self->year);
  a = value_of (f, value);
  b = value_of (reported, value);
  if (isnan (a) || isnan (b))
    return isnan (a) != isnan (b);
  return a != b;
}

double
pledge_member_row_get_value (PledgeMemberRow   *self,
                             PledgeMemberValue  value)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), NAN);
  g_return_val_if_fail (value < PLEDGE_N_MEMBER_VALUES, NAN);

  if (self->snapshot == NULL)
    return NAN;
  if (value == PLEDGE_MEMBER_VALUE_ALLIANCE)
    return pledge_snapshot_get_alliance_share (self->snapshot, self->member, self->year);
  return value_of (pledge_snapshot_get_figures (self->snapshot, self->member, self->year), value);
}

double
pledge_member_row_get_delta (PledgeMemberRow   *self,
                             PledgeMemberValue  value,
                             int               *against)
{
  const PledgeMember *member;
  int year, last;
  double now, before;

  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), NAN);
  g_return_val_if_fail (value < PLEDGE_MEMBER_VALUE_ALLIANCE, NAN);

  if (against != NULL)
    *against = 0;
  if (self->snapshot == NULL || pledge_snapshot_get_scenario (self->snapshot) < 0)
    return NAN;

  member = pledge_dataset_get_member (pledge_snapshot_get_dataset (self->snapshot), self->member);
  last = pledge_member_last_year (member);
  year = last != 0 && self->year > last ? last : self->year;

  now = value_of (pledge_snapshot_get_figures (self->snapshot, self->member, self->year), value);
  before = value_of (pledge_member_get_figures (member, year), value);
  if (isnan (now) || isnan (before))
    return NAN;

  if (against != NULL)
    *against = year;
  if (value == PLEDGE_MEMBER_VALUE_SHARE || value == PLEDGE_MEMBER_VALUE_EQUIPMENT)
    return pledge_round2 (now) - pledge_round2 (before);
  return now - before;
}

PledgeStatus
pledge_member_row_get_status (PledgeMemberRow *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), PLEDGE_STATUS_NO_DATA);

  if (self->snapshot == NULL)
    return PLEDGE_STATUS_NO_DATA;
  return pledge_snapshot_get_status (self->snapshot, self->member, self->year);
}

PledgeMeets
pledge_member_row_meets (PledgeMemberRow *self,
                         guint            target)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), PLEDGE_MEETS_UNKNOWN);

  if (self->snapshot == NULL ||
      target >= pledge_dataset_get_n_targets (pledge_snapshot_get_dataset (self->snapshot)))
    return PLEDGE_MEETS_UNKNOWN;
  return pledge_snapshot_meets (self->snapshot, self->member, self->year, target);
}

PledgeMeets
pledge_member_row_meets_selected (PledgeMemberRow *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_ROW (self), PLEDGE_MEETS_UNKNOWN);
  return pledge_member_row_meets (self, self->target);
}
