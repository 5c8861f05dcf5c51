/* pledge-snapshot.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-dataset-private.h"
#include "pledge-snapshot.h"

struct _PledgeSnapshot
{
  gatomicrefcount ref_count;
  /* A reference, except in the dataset's own cache of snapshots, which
   * would otherwise keep the dataset alive forever. */
  PledgeDataset  *dataset;
  gboolean        holds_dataset;
  int             scenario;
  guint           n_members;
  /* Per member, a reference to its figures: the reported array, or an
   * edited copy. Arrays are shared between snapshots; owned[i] says this
   * snapshot made figures[i] and no other snapshot shares it, so it may
   * still change it while it applies edits. */
  GArray        **figures;
  gboolean       *owned;
  int             first_year;
  int             last_year;
  /* Per year from first_year to last_year. */
  double         *alliance_defence;
  double         *alliance_gdp;
  /* Per year, the members of the year that report defence spending in
   * some reported year (reports[]) but have no defence figure in this one:
   * the alliance total is a total only where this is 0. */
  guint          *alliance_missing;
  /* Per member, whether its reported figures have defence spending in
   * some year: the members the alliance total must cover. */
  gboolean       *reports;
  /* The years the edits being applied touched. */
  int             touched_first;
  int             touched_last;
  /* Figures written and copied while applying edits. */
  guint64         work;
};

static void
set_edit_error (GError          **error,
                const PledgeScenario *scenario,
                const PledgeEdit *edit,
                const char       *message)
{
  if (edit->line > 0)
    g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                 /* Translators: LINE: scenario "ID": MESSAGE */
                 _("%u: scenario \"%s\": %s"), edit->line, scenario->id, message);
  else
    g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                 _("scenario \"%s\": %s"), scenario->id, message);
}

static GArray *
writable_figures (PledgeSnapshot *self,
                  guint           member)
{
  if (!self->owned[member])
    {
      GArray *copy = g_array_copy (self->figures[member]);

      self->work += copy->len;
      g_array_unref (self->figures[member]);
      self->figures[member] = copy;
      self->owned[member] = TRUE;
    }
  return self->figures[member];
}

static void
mark_edited (PledgeSnapshot *self,
             PledgeFigures  *f,
             int             last_reported)
{
  self->work++;
  self->touched_first = MIN (self->touched_first, f->year);
  self->touched_last = MAX (self->touched_last, f->year);
  f->flags |= PLEDGE_FIGURES_EDITED;
  if (last_reported > 0 && f->year > last_reported)
    f->flags |= PLEDGE_FIGURES_PROJECTED;
}

/* Stores a computed figure: one that overflowed a double is unknown. */
static void
store (PledgeFigures *f,
       PledgeField    field,
       double         value)
{
  if (isfinite (value))
    {
      f->values[field] = value;
      f->present |= 1u << field;
    }
  else
    {
      f->values[field] = NAN;
      f->present &= ~(1u << field);
    }
}

static gboolean
apply_set (PledgeSnapshot       *self,
           const PledgeScenario *scenario,
           const PledgeEdit     *edit,
           GError              **error)
{
  int index = pledge_dataset_find_member (self->dataset, edit->member);
  const PledgeMember *member;
  PledgeFigures *f;
  double value = edit->value;

  if (index < 0)
    {
      g_autofree char *msg = g_strdup_printf (_("there is no member \"%s\""), edit->member);
      set_edit_error (error, scenario, edit, msg);
      return FALSE;
    }

  member = pledge_dataset_get_member (self->dataset, index);
  if (!pledge_member_is_member_in (member, edit->year))
    {
      g_autofree char *msg = g_strdup_printf (_("\"%s\" was not a member in %d"),
                                              edit->member, edit->year);
      set_edit_error (error, scenario, edit, msg);
      return FALSE;
    }

  if (!isfinite (value) || value < 0)
    {
      set_edit_error (error, scenario, edit, _("the value must be a number of zero or more"));
      return FALSE;
    }

  f = pledge_figures_insert (writable_figures (self, index), edit->year);

  switch (edit->field)
    {
    case PLEDGE_FIELD_DEFENCE_GDP:
      {
        double base = pledge_figures_base (f);

        if (!isfinite (base) || base <= 0)
          {
            g_autofree char *msg =
              g_strdup_printf (_("cannot set defence-gdp for \"%s\" in %d: its GDP is unknown or zero"),
                               edit->member, edit->year);
            set_edit_error (error, scenario, edit, msg);
            return FALSE;
          }
        store (f, PLEDGE_FIELD_DEFENCE, value * base / 100.0);
      }
      break;

    case PLEDGE_FIELD_GDP:
      f->values[PLEDGE_FIELD_GDP] = value;
      f->present |= PLEDGE_FIGURE_GDP;
      f->flags |= PLEDGE_FIGURES_GDP_SET;
      break;

    case PLEDGE_FIELD_DEFENCE:
    case PLEDGE_FIELD_EQUIPMENT:
    case PLEDGE_FIELD_RELATED:
      f->values[edit->field] = value;
      f->present |= 1u << edit->field;
      break;

    case PLEDGE_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  mark_edited (self, f, pledge_member_last_year (member));
  return TRUE;
}

static gboolean
grow_member (PledgeSnapshot       *self,
             const PledgeScenario *scenario,
             const PledgeEdit     *edit,
             guint                 index,
             gboolean              named,
             GError              **error)
{
  const PledgeMember *member = pledge_dataset_get_member (self->dataset, index);
  const PledgeFigures *start = pledge_figures_find (self->figures[index], edit->from);
  int last_reported = pledge_member_last_year (member);
  GArray *figures;

  if (start == NULL || !pledge_figures_has (start, PLEDGE_FIELD_DEFENCE))
    {
      g_autofree char *msg = NULL;

      if (!named)
        return TRUE;
      msg = g_strdup_printf (_("\"%s\" has no defence figure for %d to grow from"),
                             member->code, edit->from);
      set_edit_error (error, scenario, edit, msg);
      return FALSE;
    }

  figures = writable_figures (self, index);
  for (int y = edit->from + 1; y <= edit->to; y++)
    {
      const PledgeFigures *prev;
      double defence, prev_base;
      PledgeFigures *f;

      if (!pledge_member_is_member_in (member, y))
        break;

      prev = pledge_figures_find (figures, y - 1);
      defence = prev->values[PLEDGE_FIELD_DEFENCE] * (1.0 + edit->defence_rate / 100.0);
      prev_base = pledge_figures_base (prev);

      /* May move the array: prev is not valid after this. */
      f = pledge_figures_insert (figures, y);
      store (f, PLEDGE_FIELD_DEFENCE, defence);

      /* gdp(y) from base(y-1), where y has none: the rate is needed only
       * where base(y-1) is known; an unknown GDP stays unknown. */
      if (!isfinite (pledge_figures_base (f)) && isfinite (prev_base))
        {
          if (isnan (edit->gdp_rate))
            {
              g_autofree char *msg =
                g_strdup_printf (_("gdp-rate is needed: \"%s\" has no GDP for %d"),
                                 member->code, y);
              set_edit_error (error, scenario, edit, msg);
              return FALSE;
            }
          store (f, PLEDGE_FIELD_GDP, prev_base * (1.0 + edit->gdp_rate / 100.0));
          if (pledge_figures_has (f, PLEDGE_FIELD_GDP))
            f->flags |= PLEDGE_FIGURES_GDP_SET;
        }

      mark_edited (self, f, last_reported);
    }

  return TRUE;
}

static gboolean
apply_grow (PledgeSnapshot       *self,
            const PledgeScenario *scenario,
            const PledgeEdit     *edit,
            GError              **error)
{
  if (edit->to <= edit->from)
    {
      set_edit_error (error, scenario, edit, _("\"to\" must be a later year than \"from\""));
      return FALSE;
    }
  if (!isfinite (edit->defence_rate) || edit->defence_rate < -100 ||
      (!isnan (edit->gdp_rate) && (!isfinite (edit->gdp_rate) || edit->gdp_rate < -100)))
    {
      set_edit_error (error, scenario, edit, _("a growth rate is out of range"));
      return FALSE;
    }

  if (g_strcmp0 (edit->member, "*") == 0)
    {
      for (guint i = 0; i < self->n_members; i++)
        {
          const PledgeMember *member = pledge_dataset_get_member (self->dataset, i);

          if (!pledge_member_is_member_in (member, edit->from))
            continue;
          if (!grow_member (self, scenario, edit, i, FALSE, error))
            return FALSE;
        }
      return TRUE;
    }
  else
    {
      int index = pledge_dataset_find_member (self->dataset, edit->member);
      const PledgeMember *member;

      if (index < 0)
        {
          g_autofree char *msg = g_strdup_printf (_("there is no member \"%s\""), edit->member);
          set_edit_error (error, scenario, edit, msg);
          return FALSE;
        }
      member = pledge_dataset_get_member (self->dataset, index);
      for (int y = edit->from; y <= edit->to; y++)
        if (!pledge_member_is_member_in (member, y))
          {
            g_autofree char *msg = g_strdup_printf (_("\"%s\" was not a member in %d"),
                                                    edit->member, y);
            set_edit_error (error, scenario, edit, msg);
            return FALSE;
          }
      return grow_member (self, scenario, edit, index, TRUE, error);
    }
}

static void
compute_totals (PledgeSnapshot *self)
{
  int lo = G_MAXINT, hi = G_MININT;
  guint n_years;

  for (guint i = 0; i < self->n_members; i++)
    {
      GArray *figures = self->figures[i];

      if (figures->len == 0)
        continue;
      lo = MIN (lo, g_array_index (figures, PledgeFigures, 0).year);
      hi = MAX (hi, g_array_index (figures, PledgeFigures, figures->len - 1).year);
    }

  g_clear_pointer (&self->alliance_defence, g_free);
  g_clear_pointer (&self->alliance_gdp, g_free);
  g_clear_pointer (&self->alliance_missing, g_free);
  if (lo > hi)
    {
      self->first_year = self->last_year = 0;
      return;
    }

  self->first_year = lo;
  self->last_year = hi;
  n_years = hi - lo + 1;
  self->alliance_defence = g_new0 (double, n_years);
  self->alliance_gdp = g_new0 (double, n_years);
  self->alliance_missing = g_new0 (guint, n_years);

  for (guint i = 0; i < self->n_members; i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (self->dataset, i);
      GArray *figures = self->figures[i];

      /* Count the member missing in every year of its membership, then
       * take back the years it has a figure for. */
      if (self->reports[i])
        for (int y = lo; y <= hi; y++)
          if (pledge_member_is_member_in (member, y))
            self->alliance_missing[y - lo]++;

      for (guint k = 0; k < figures->len; k++)
        {
          const PledgeFigures *f = &g_array_index (figures, PledgeFigures, k);

          if (!pledge_figures_has (f, PLEDGE_FIELD_DEFENCE) ||
              !pledge_member_is_member_in (member, f->year))
            continue;
          self->alliance_defence[f->year - lo] += f->values[PLEDGE_FIELD_DEFENCE];
          /* NAN propagates: the alliance's GDP is unknown if one is. */
          self->alliance_gdp[f->year - lo] += pledge_figures_base (f);
          if (self->reports[i])
            self->alliance_missing[f->year - lo]--;
        }
    }
}

static void
find_reporting_members (PledgeSnapshot *self)
{
  for (guint i = 0; i < self->n_members; i++)
    {
      GArray *figures = pledge_dataset_get_member (self->dataset, i)->figures;

      for (guint k = 0; k < figures->len && !self->reports[i]; k++)
        self->reports[i] = pledge_figures_has (&g_array_index (figures, PledgeFigures, k),
                                               PLEDGE_FIELD_DEFENCE);
    }
}

/* After edits to the years touched_first..touched_last: widens the year
 * range if they went past it and sums those years again, over every
 * member, in the same order as compute_totals, so the totals are the
 * same to the last bit as a full computation's. */
static void
update_totals (PledgeSnapshot *self)
{
  int lo = self->touched_first, hi = self->touched_last;

  if (lo > hi)
    return;

  if (self->alliance_defence == NULL || lo < self->first_year || hi > self->last_year)
    {
      int first = self->alliance_defence ? MIN (lo, self->first_year) : lo;
      int last = self->alliance_defence ? MAX (hi, self->last_year) : hi;
      double *defence = g_new0 (double, last - first + 1);
      double *gdp = g_new0 (double, last - first + 1);
      guint *missing = g_new0 (guint, last - first + 1);

      if (self->alliance_defence != NULL)
        {
          memcpy (defence + (self->first_year - first), self->alliance_defence,
                  (self->last_year - self->first_year + 1) * sizeof (double));
          memcpy (gdp + (self->first_year - first), self->alliance_gdp,
                  (self->last_year - self->first_year + 1) * sizeof (double));
          memcpy (missing + (self->first_year - first), self->alliance_missing,
                  (self->last_year - self->first_year + 1) * sizeof (guint));
        }
      g_free (self->alliance_defence);
      g_free (self->alliance_gdp);
      g_free (self->alliance_missing);
      self->alliance_defence = defence;
      self->alliance_gdp = gdp;
      self->alliance_missing = missing;
      self->first_year = first;
      self->last_year = last;
    }

  for (int year = lo; year <= hi; year++)
    {
      double defence = 0, gdp = 0;
      guint missing = 0;

      for (guint i = 0; i < self->n_members; i++)
        {
          const PledgeFigures *f = pledge_figures_find (self->figures[i], year);

          if (!pledge_member_is_member_in (pledge_dataset_get_member (self->dataset, i), year))
            continue;
          if (f == NULL || !pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
            {
              missing += self->reports[i] ? 1 : 0;
              continue;
            }
          defence += f->values[PLEDGE_FIELD_DEFENCE];
          gdp += pledge_figures_base (f);
        }
      self->alliance_defence[year - self->first_year] = defence;
      self->alliance_gdp[year - self->first_year] = gdp;
      self->alliance_missing[year - self->first_year] = missing;
    }
}

static gboolean
apply_edit (PledgeSnapshot       *self,
            const PledgeScenario *scenario,
            const PledgeEdit     *edit,
            GError              **error)
{
  if (edit->kind == PLEDGE_EDIT_SET)
    return apply_set (self, scenario, edit, error);
  return apply_grow (self, scenario, edit, error);
}

static PledgeSnapshot *
snapshot_alloc (PledgeDataset *dataset,
                gboolean       hold_dataset,
                int            scenario_index)
{
  PledgeSnapshot *self = g_new0 (PledgeSnapshot, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = hold_dataset ? g_object_ref (dataset) : dataset;
  self->holds_dataset = hold_dataset;
  self->scenario = scenario_index;
  self->n_members = pledge_dataset_get_n_members (dataset);
  self->figures = g_new0 (GArray *, self->n_members);
  self->owned = g_new0 (gboolean, self->n_members);
  self->reports = g_new0 (gboolean, self->n_members);
  self->touched_first = G_MAXINT;
  self->touched_last = G_MININT;
  return self;
}

PledgeSnapshot *
pledge_snapshot_new_full (PledgeDataset  *dataset,
                          int             scenario_index,
                          gboolean        hold_dataset,
                          GError        **error)
{
  g_autoptr(PledgeSnapshot) self = NULL;

  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (scenario_index >= PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_return_val_if_fail (scenario_index < (int) pledge_dataset_get_n_scenarios (dataset), NULL);

  self = snapshot_alloc (dataset, hold_dataset, scenario_index);
  for (guint i = 0; i < self->n_members; i++)
    self->figures[i] = g_array_ref (pledge_dataset_get_member (dataset, i)->figures);
  find_reporting_members (self);

  if (scenario_index >= 0)
    {
      const PledgeScenario *scenario = pledge_dataset_get_scenario (dataset, scenario_index);

      for (guint i = 0; i < scenario->edits->len; i++)
        if (!apply_edit (self, scenario, g_ptr_array_index (scenario->edits, i), error))
          return NULL;
    }

  compute_totals (self);
  return g_steal_pointer (&self);
}

PledgeSnapshot *
pledge_snapshot_copy (PledgeSnapshot *other,
                      gboolean        hold_dataset)
{
  PledgeSnapshot *self;

  g_return_val_if_fail (other != NULL, NULL);

  self = snapshot_alloc (other->dataset, hold_dataset, other->scenario);
  for (guint i = 0; i < self->n_members; i++)
    self->figures[i] = g_array_ref (other->figures[i]);
  /* owned[] stays FALSE: the arrays are shared, so edits copy them. */
  memcpy (self->reports, other->reports, self->n_members * sizeof (gboolean));

  self->first_year = other->first_year;
  self->last_year = other->last_year;
  if (other->alliance_defence != NULL)
    {
      gsize size = (other->last_year - other->first_year + 1) * sizeof (double);

      self->alliance_defence = g_memdup2 (other->alliance_defence, size);
      self->alliance_gdp = g_memdup2 (other->alliance_gdp, size);
      self->alliance_missing = g_memdup2 (other->alliance_missing,
                                          (other->last_year - other->first_year + 1) *
                                          sizeof (guint));
    }
  return self;
}

PledgeSnapshot *
pledge_snapshot_new_with_edit (PledgeSnapshot       *base,
                               const PledgeScenario *scenario,
                               const PledgeEdit     *edit,
                               GError              **error)
{
  g_autoptr(PledgeSnapshot) self = NULL;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (edit != NULL, NULL);

  self = pledge_snapshot_copy (base, base->holds_dataset);
  if (!apply_edit (self, scenario, edit, error))
    return NULL;
  update_totals (self);
  return g_steal_pointer (&self);
}

PledgeSnapshot *
pledge_snapshot_new (PledgeDataset  *dataset,
                     int             scenario_index,
                     GError        **error)
{
  return pledge_snapshot_new_full (dataset, scenario_index, TRUE, error);
}

PledgeSnapshot *
pledge_snapshot_ref (PledgeSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pledge_snapshot_unref (PledgeSnapshot *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_members; i++)
    g_clear_pointer (&self->figures[i], g_array_unref);
  g_free (self->figures);
  g_free (self->owned);
  g_free (self->alliance_defence);
  g_free (self->alliance_gdp);
  g_free (self->alliance_missing);
  g_free (self->reports);
  if (self->holds_dataset)
    g_object_unref (self->dataset);
  g_free (self);
}

guint64
pledge_snapshot_get_work (PledgeSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->work;
}

PledgeDataset *
pledge_snapshot_get_dataset (PledgeSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

int
pledge_snapshot_get_scenario (PledgeSnapshot *self)
{
  g_return_val_if_fail (self != NULL, PLEDGE_SNAPSHOT_REPORTED);
  return self->scenario;
}

gboolean
pledge_snapshot_get_year_range (PledgeSnapshot *self,
                                int            *first,
                                int            *last)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->alliance_defence == NULL)
    return FALSE;
  if (first)
    *first = self->first_year;
  if (last)
    *last = self->last_year;
  return TRUE;
}

const PledgeFigures *
pledge_snapshot_get_figures (PledgeSnapshot *self,
                             guint           member,
                             int             year)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (member < self->n_members, NULL);
  return pledge_figures_find (self->figures[member], year);
}

GArray *
pledge_snapshot_get_member_figures (PledgeSnapshot *self,
                                    guint           member)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (member < self->n_members, NULL);
  return self->figures[member];
}

PledgeStatus
pledge_snapshot_get_status (PledgeSnapshot *self,
                            guint           member,
                            int             year)
{
  return pledge_figures_status (pledge_snapshot_get_figures (self, member, year));
}

double
pledge_snapshot_get_metric (PledgeSnapshot *self,
                            guint           member,
                            int             year,
                            PledgeMetric    metric)
{
  const PledgeFigures *f = pledge_snapshot_get_figures (self, member, year);

  return f ? pledge_figures_metric (f, metric) : NAN;
}

PledgeMeets
pledge_snapshot_meets (PledgeSnapshot *self,
                       guint           member,
                       int             year,
                       guint           target_index)
{
  const PledgeTarget *target;

  g_return_val_if_fail (self != NULL, PLEDGE_MEETS_UNKNOWN);
  g_return_val_if_fail (target_index < pledge_dataset_get_n_targets (self->dataset),
                        PLEDGE_MEETS_UNKNOWN);

  target = pledge_dataset_get_target (self->dataset, target_index);
  return pledge_value_meets (pledge_snapshot_get_metric (self, member, year, target->metric),
                             target->min);
}

double
pledge_snapshot_get_gap (PledgeSnapshot *self,
                         guint           member,
                         int             year,
                         guint           target_index)
{
  const PledgeFigures *f = pledge_snapshot_get_figures (self, member, year);

  g_return_val_if_fail (target_index < pledge_dataset_get_n_targets (self->dataset), NAN);

  if (f == NULL)
    return NAN;
  return pledge_figures_gap (f, pledge_dataset_get_target (self->dataset, target_index));
}

double
pledge_snapshot_get_alliance_defence (PledgeSnapshot *self,
                                      int             year)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->alliance_defence == NULL || year < self->first_year || year > self->last_year)
    return 0;
  /* A sum past the largest double is unknown. */
  return isfinite (self->alliance_defence[year - self->first_year])
         ? self->alliance_defence[year - self->first_year] : NAN;
}

double
pledge_snapshot_get_alliance_gdp (PledgeSnapshot *self,
                                  int             year)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->alliance_gdp == NULL || year < self->first_year || year > self->last_year)
    return 0;
  return isfinite (self->alliance_gdp[year - self->first_year])
         ? self->alliance_gdp[year - self->first_year] : NAN;
}

guint
pledge_snapshot_get_alliance_missing (PledgeSnapshot *self,
                                      int             year,
                                      guint          *expected)
{
  gboolean in_range;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  in_range = self->alliance_missing != NULL &&
             year >= self->first_year && year <= self->last_year;
  if (expected != NULL || !in_range)
    for (guint i = 0; i < self->n_members; i++)
      if (self->reports[i] &&
          pledge_member_is_member_in (pledge_dataset_get_member (self->dataset, i), year))
        n++;
  if (expected != NULL)
    *expected = n;
  /* Without figures in that year, every member is missing. */
  return in_range ? self->alliance_missing[year - self->first_year] : n;
}

gboolean
pledge_snapshot_alliance_is_complete (PledgeSnapshot *self,
                                      int             year)
{
  double total;

  g_return_val_if_fail (self != NULL, FALSE);

  total = pledge_snapshot_get_alliance_defence (self, year);
  return total > 0 && isfinite (total) &&
         pledge_snapshot_get_alliance_missing (self, year, NULL) == 0;
}

double
pledge_snapshot_get_complete_alliance_defence (PledgeSnapshot *self,
                                               int             year)
{
  g_return_val_if_fail (self != NULL, NAN);

  return pledge_snapshot_alliance_is_complete (self, year)
         ? pledge_snapshot_get_alliance_defence (self, year) : NAN;
}

double
pledge_snapshot_get_alliance_share (PledgeSnapshot *self,
                                    guint           member,
                                    int             year)
{
  return pledge_snapshot_figures_alliance_share (self, member, year,
                                                 pledge_snapshot_get_figures (self, member, year));
}

double
pledge_snapshot_figures_alliance_share (PledgeSnapshot      *self,
                                        guint                member,
                                        int                  year,
                                        const PledgeFigures *f)
{
  double total;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (member < self->n_members, NAN);
  g_return_val_if_fail (f == NULL || f->year == year, NAN);

  if (f == NULL || !pledge_figures_has (f, PLEDGE_FIELD_DEFENCE) ||
      !pledge_member_is_member_in (pledge_dataset_get_member (self->dataset, member), year))
    return NAN;

  /* A share of the spending of some members only is no share of the
   * alliance's: unknown (NAN). */
  total = pledge_snapshot_get_complete_alliance_defence (self, year);
  return 100.0 * f->values[PLEDGE_FIELD_DEFENCE] / total;
}

void
pledge_snapshot_count (PledgeSnapshot *self,
                       int             year,
                       guint           target,
                       guint          *meeting,
                       guint          *members)
{
  guint n = 0, m = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (target < pledge_dataset_get_n_targets (self->dataset));

  for (guint i = 0; i < self->n_members; i++)
    {
      if (!pledge_member_is_member_in (pledge_dataset_get_member (self->dataset, i), year))
        continue;
      m++;
      if (pledge_snapshot_meets (self, i, year, target) == PLEDGE_MEETS_YES)
        n++;
    }

  if (meeting)
    *meeting = n;
  if (members)
    *members = m;
}
