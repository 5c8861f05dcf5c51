/* pledge-plan-item.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pledge-chart-text.h"
#include "pledge-number.h"
#include "pledge-plan-item.h"
#include "pledge-ui-util.h"

struct _PledgePlanItem
{
  GObject        parent_instance;

  PledgePlanRow  row;
  char          *code;
  char          *name;
};

G_DEFINE_FINAL_TYPE (PledgePlanItem, pledge_plan_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pledge_plan_item_finalize (GObject *object)
{
  PledgePlanItem *self = PLEDGE_PLAN_ITEM (object);

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (pledge_plan_item_parent_class)->finalize (object);
}

static void
pledge_plan_item_class_init (PledgePlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pledge_plan_item_finalize;

  signals[CHANGED] = pledge_ui_new_changed_signal (G_TYPE_FROM_CLASS (klass));
}

static void
pledge_plan_item_init (PledgePlanItem *self)
{
}

PledgePlanItem *
pledge_plan_item_new (const PledgePlanRow *row,
                      const PledgeMember  *member)
{
  PledgePlanItem *self;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (PLEDGE_TYPE_PLAN_ITEM, NULL);
  self->row = *row;
  self->code = g_strdup (member->code);
  self->name = g_strdup (member->name);
  return self;
}

void
pledge_plan_item_set_row (PledgePlanItem      *self,
                          const PledgePlanRow *row)
{
  g_return_if_fail (PLEDGE_IS_PLAN_ITEM (self));
  g_return_if_fail (row != NULL);

  self->row = *row;
  g_signal_emit (self, signals[CHANGED], 0);
}

const PledgePlanRow *
pledge_plan_item_get_row (PledgePlanItem *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_ITEM (self), NULL);
  return &self->row;
}

const char *
pledge_plan_item_get_code (PledgePlanItem *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_ITEM (self), NULL);
  return self->code;
}

const char *
pledge_plan_item_get_name (PledgePlanItem *self)
{
  g_return_val_if_fail (PLEDGE_IS_PLAN_ITEM (self), NULL);
  return self->name;
}

int
pledge_plan_rows_money_decimals (GArray   *rows,
                                 gboolean  cumulative)
{
  double largest = 0;

  g_return_val_if_fail (rows != NULL, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const PledgePlanRow *row = &g_array_index (rows, PledgePlanRow, i);
      double value = cumulative ? row->cumulative_gap : row->gap_now;

      if (isfinite (value))
        largest = MAX (largest, fabs (value));
    }
  return pledge_chart_money_decimals (largest);
}

char *
pledge_plan_format_money (double value,
                          int    decimals)
{
  if (!isfinite (value))
    return g_strdup ("");
  return pledge_number_format_grouped (value, decimals);
}
