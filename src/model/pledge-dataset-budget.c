/* pledge-dataset-budget.c: what a dataset's scenarios may compute
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenarios are applied when a snapshot is asked for, and once at load to
 * check them. What that costs is bounded here, from the edits alone and
 * before any is applied, so that no small file can ask for minutes of work
 * or gigabytes of figures.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pledge-dataset-private.h"
#include "pledge-snapshot.h"

/* What applying scenarios may cost. A scenario's edits can write far more
 * figures than the file holds (one `grow member="*"` over two centuries
 * writes members x 300 years), so the figures all scenarios of a dataset may
 * write, and the member arrays they may copy, are capped: in proportion to
 * the data, with room for any realistic what-if. */
#define SCENARIO_BUDGET_BASE (G_GUINT64_CONSTANT (2000000))
#define SCENARIO_BUDGET_PER_FIGURE 4

static guint64
count_figures (PledgeDataset *self)
{
  guint64 n = 0;

  for (guint i = 0; i < pledge_dataset_get_n_members (self); i++)
    n += pledge_dataset_get_member (self, i)->figures->len;
  return n;
}

guint64
pledge_dataset_get_scenario_budget (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 0);

  return SCENARIO_BUDGET_BASE + SCENARIO_BUDGET_PER_FIGURE * count_figures (self);
}

static void
set_budget_error (PledgeDataset        *self,
                  const PledgeScenario *scenario,
                  const PledgeEdit     *edit,
                  guint64               budget,
                  GError              **error)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, budget);

  if (edit != NULL && edit->line > 0)
    g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                 _("%u: scenario \"%s\": the scenarios would compute more than %s figures, "
                   "the most Pledge computes for this dataset (grow fewer members or years)"),
                 edit->line, scenario->id, limit);
  else
    g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                 _("scenario \"%s\": the scenarios would compute more than %s figures, "
                   "the most Pledge computes for this dataset (grow fewer members or years)"),
                 scenario->id, limit);
}

/* The running count of a check against the budget, and which members the
 * scenario being counted has touched so far. */
typedef struct
{
  guint64  budget;
  guint64  total;
  guint    n_members;
  gboolean all_touched;
  guint8  *touched;
} Budget;

static void
budget_init (PledgeDataset *self,
             Budget        *b)
{
  b->budget = pledge_dataset_get_scenario_budget (self);
  b->total = 0;
  b->n_members = pledge_dataset_get_n_members (self);
  b->all_touched = FALSE;
  b->touched = g_new0 (guint8, MAX (b->n_members, 1));
}

static void
budget_clear (Budget *b)
{
  g_clear_pointer (&b->touched, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Budget, budget_clear)

static void
budget_start_scenario (Budget *b)
{
  b->all_touched = FALSE;
  memset (b->touched, 0, MAX (b->n_members, 1));
}

/* An upper bound, from the edit alone, of the figures applying it writes
 * and copies: every year it covers for every member it covers, and the
 * reported figures of each member the scenario touches for the first time
 * (a snapshot copies a member's figures once, before it first changes
 * them). Counting a copy once a scenario, not once an edit, lets a
 * scenario set ten years for each of a thousand members. */
static guint64
edit_cost (PledgeDataset    *self,
           Budget           *b,
           const PledgeEdit *edit)
{
  guint64 years = edit->kind == PLEDGE_EDIT_SET ? 1 : (guint64) MAX (edit->to - edit->from, 0);
  guint64 cost;
  int index;

  if (edit->kind == PLEDGE_EDIT_GROW && g_strcmp0 (edit->member, "*") == 0)
    {
      cost = years * b->n_members;
      /* Costs at least one a member: so does this loop. */
      if (!b->all_touched)
        for (guint i = 0; i < b->n_members; i++)
          if (!b->touched[i])
            {
              cost += pledge_dataset_get_member (self, i)->figures->len;
              b->touched[i] = TRUE;
            }
      b->all_touched = TRUE;
      return cost;
    }

  index = pledge_dataset_find_member (self, edit->member);
  if (index < 0 || b->touched[index])
    return years;
  b->touched[index] = TRUE;
  return years + pledge_dataset_get_member (self, index)->figures->len;
}

guint64
pledge_dataset_get_scenario_cost (PledgeDataset *self,
                                  guint          index)
{
  g_auto(Budget) b = { 0 };
  const PledgeScenario *scenario;
  guint64 cost = 0;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 0);
  g_return_val_if_fail (index < pledge_dataset_get_n_scenarios (self), 0);

  scenario = pledge_dataset_get_scenario (self, index);
  budget_init (self, &b);
  for (guint k = 0; k < scenario->edits->len; k++)
    cost += edit_cost (self, &b, g_ptr_array_index (scenario->edits, k));
  return cost;
}

/* Counts edit, of scenario, against the budget. */
static gboolean
budget_add (PledgeDataset        *self,
            Budget               *b,
            const PledgeScenario *scenario,
            const PledgeEdit     *edit,
            GError              **error)
{
  b->total += edit_cost (self, b, edit);
  if (b->total <= b->budget)
    return TRUE;
  set_budget_error (self, scenario, edit, b->budget, error);
  return FALSE;
}

static gboolean
budget_add_scenario (PledgeDataset        *self,
                     Budget               *b,
                     const PledgeScenario *scenario,
                     GError              **error)
{
  budget_start_scenario (b);
  for (guint k = 0; k < scenario->edits->len; k++)
    if (!budget_add (self, b, scenario, g_ptr_array_index (scenario->edits, k), error))
      return FALSE;
  return TRUE;
}

/* Checks that the scenarios, with extra at the end of scenario extra_index
 * if given, stay within the budget. */
gboolean
pledge_dataset_check_budget (PledgeDataset    *self,
                             guint             extra_index,
                             const PledgeEdit *extra,
                             GError          **error)
{
  g_auto(Budget) b = { 0 };

  budget_init (self, &b);
  for (guint i = 0; i < pledge_dataset_get_n_scenarios (self); i++)
    {
      const PledgeScenario *scenario = pledge_dataset_get_scenario (self, i);

      if (!budget_add_scenario (self, &b, scenario, error) ||
          (extra != NULL && i == extra_index && !budget_add (self, &b, scenario, extra, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
pledge_dataset_check_scenarios (PledgeDataset *self,
                                const char    *display_name,
                                GError       **error)
{
  g_auto(Budget) b = { 0 };

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);

  /* Each scenario is applied to check it, one at a time, and not kept: a
   * snapshot is made again, once, when one is asked for. Scenarios are
   * checked in order, each against the budget before it is applied, so the
   * first error in the file is the one reported. */
  budget_init (self, &b);
  for (guint i = 0; i < pledge_dataset_get_n_scenarios (self); i++)
    {
      const PledgeScenario *scenario = pledge_dataset_get_scenario (self, i);
      g_autoptr(GError) local_error = NULL;
      PledgeSnapshot *snapshot = NULL;

      if (budget_add_scenario (self, &b, scenario, &local_error))
        snapshot = pledge_snapshot_new_full (self, i, FALSE, &local_error);
      if (snapshot != NULL)
        {
          pledge_snapshot_unref (snapshot);
          continue;
        }

      if (display_name != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:", display_name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
