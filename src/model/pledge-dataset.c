/* pledge-dataset.c
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

G_DEFINE_QUARK (pledge-dataset-error-quark, pledge_dataset_error)

struct _PledgeDataset
{
  GObject     parent_instance;

  char       *title;
  GPtrArray  *sources;    /* PledgeSource */
  GPtrArray  *notes;      /* char * */
  char       *currency;
  PledgeScale scale;
  char       *prices;
  PledgeEdition *edition;   /* NULL when the file has none */
  int         constant_year; /* units/@constant, 0 when absent */
  PledgeExtraArena *extras; /* the version 2 figures; NULL until one is given */
  GPtrArray  *targets;    /* PledgeTarget */
  GPtrArray  *members;    /* PledgeMember */
  GHashTable *member_index; /* code -> index + 1 */
  GPtrArray  *scenarios;  /* PledgeScenario */
  /* Snapshots by scenario index + 1 (0: the reported figures), or NULL:
   * what the last check computed, so the next edit only adds to it. */
  GPtrArray  *snapshots;
};

G_DEFINE_FINAL_TYPE (PledgeDataset, pledge_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *metric_names[] = { "defence-gdp", "total-gdp", "equipment-defence" };
static const char *field_names[] = { "gdp", "defence", "defence-gdp", "equipment", "related" };
static const char *extra_names[] = {
  "defence-constant", "gdp-constant", "real-change", "population",
  "military-personnel", "personnel-spending", "infrastructure", "other-spending",
};
G_STATIC_ASSERT (G_N_ELEMENTS (extra_names) == PLEDGE_N_EXTRAS);
static const char *scale_names[] = { "unit", "thousand", "million", "billion" };

const char *
pledge_metric_to_string (PledgeMetric metric)
{
  g_return_val_if_fail (metric <= PLEDGE_METRIC_EQUIPMENT_DEFENCE, NULL);
  return metric_names[metric];
}

gboolean
pledge_metric_from_string (const char   *str,
                           PledgeMetric *metric)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    if (strcmp (str, metric_names[i]) == 0)
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pledge_field_to_string (PledgeField field)
{
  g_return_val_if_fail (field < PLEDGE_N_FIELDS, NULL);
  return field_names[field];
}

gboolean
pledge_field_from_string (const char  *str,
                          PledgeField *field)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (strcmp (str, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pledge_extra_to_string (PledgeExtra extra)
{
  g_return_val_if_fail (extra < PLEDGE_N_EXTRAS, NULL);
  return extra_names[extra];
}

gboolean
pledge_extra_from_string (const char  *str,
                          PledgeExtra *extra)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (extra_names); i++)
    if (strcmp (str, extra_names[i]) == 0)
      {
        *extra = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pledge_scale_to_string (PledgeScale scale)
{
  g_return_val_if_fail (scale <= PLEDGE_SCALE_BILLION, NULL);
  return scale_names[scale];
}

gboolean
pledge_scale_from_string (const char  *str,
                          PledgeScale *scale)
{
  for (guint i = 0; i < G_N_ELEMENTS (scale_names); i++)
    if (strcmp (str, scale_names[i]) == 0)
      {
        *scale = i;
        return TRUE;
      }
  return FALSE;
}

/* g_set_str() is GLib 2.76; this builds on 2.74. */
static gboolean
set_str (char       **str_pointer,
         const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* Members */

gboolean
pledge_member_is_member_in (const PledgeMember *member,
                            int                 year)
{
  g_return_val_if_fail (member != NULL, FALSE);
  return member->joined <= year && (member->left == 0 || member->left > year);
}

static gssize
figures_search (GArray *figures,
                int     year)
{
  gsize lo = 0, hi = figures->len;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int y = g_array_index (figures, PledgeFigures, mid).year;

      if (y == year)
        return mid;
      if (y < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -(gssize) lo - 1;
}

const PledgeFigures *
pledge_figures_find (GArray *figures,
                     int     year)
{
  gssize i = figures_search (figures, year);

  return i >= 0 ? &g_array_index (figures, PledgeFigures, i) : NULL;
}

PledgeFigures *
pledge_figures_insert (GArray *figures,
                       int     year)
{
  gssize i = figures_search (figures, year);
  PledgeFigures f = { 0 };

  if (i >= 0)
    return &g_array_index (figures, PledgeFigures, i);

  f.year = year;
  f.implied_base = NAN;
  for (guint k = 0; k < PLEDGE_N_FIELDS; k++)
    f.values[k] = NAN;

  i = -i - 1;
  g_array_insert_val (figures, i, f);
  return &g_array_index (figures, PledgeFigures, i);
}

const PledgeFigures *
pledge_member_get_figures (const PledgeMember *member,
                           int                 year)
{
  g_return_val_if_fail (member != NULL, NULL);
  return pledge_figures_find (member->figures, year);
}

int
pledge_member_last_year (const PledgeMember *member)
{
  g_return_val_if_fail (member != NULL, 0);

  for (guint k = member->figures->len; k > 0; k--)
    {
      const PledgeFigures *f = &g_array_index (member->figures, PledgeFigures, k - 1);

      if (f->present != 0)
        return f->year;
    }
  return 0;
}

PledgeFigures *
pledge_member_add_figures (PledgeMember *member,
                           int           year)
{
  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (year >= PLEDGE_YEAR_MIN && year <= PLEDGE_YEAR_MAX, NULL);

  /* The loader adds years in file order, which is nearly always ascending:
   * append without a search then. */
  if (member->figures->len == 0 ||
      g_array_index (member->figures, PledgeFigures, member->figures->len - 1).year < year)
    {
      PledgeFigures f = { 0 };

      f.year = year;
      f.implied_base = NAN;
      for (guint k = 0; k < PLEDGE_N_FIELDS; k++)
        f.values[k] = NAN;
      g_array_append_val (member->figures, f);
      return &g_array_index (member->figures, PledgeFigures, member->figures->len - 1);
    }

  return pledge_figures_insert (member->figures, year);
}

void
pledge_figures_update_base (PledgeFigures *f)
{
  if (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE) &&
      pledge_figures_has (f, PLEDGE_FIELD_DEFENCE_GDP) &&
      f->values[PLEDGE_FIELD_DEFENCE_GDP] > 0)
    f->implied_base = 100.0 * f->values[PLEDGE_FIELD_DEFENCE] / f->values[PLEDGE_FIELD_DEFENCE_GDP];
  else
    f->implied_base = NAN;
  /* 1e300 at 0.001%: no GDP a double holds. */
  if (!isfinite (f->implied_base))
    f->implied_base = NAN;
}

static void
edition_free (PledgeEdition *edition)
{
  if (edition == NULL)
    return;
  g_free (edition->name);
  g_free (edition->date);
  g_free (edition->basis);
  g_free (edition);
}

static void
member_free (PledgeMember *member)
{
  g_free (member->code);
  g_free (member->name);
  g_array_unref (member->figures);
  g_free (member);
}

static void
target_free (PledgeTarget *target)
{
  g_free (target->id);
  g_free (target->name);
  g_free (target);
}

static void
source_free (PledgeSource *source)
{
  g_free (source->href);
  g_free (source->text);
  g_free (source);
}

/* Edits and scenarios */

static PledgeEdit *
edit_new (PledgeEditKind kind,
          const char    *member)
{
  PledgeEdit *edit = g_new0 (PledgeEdit, 1);

  edit->kind = kind;
  edit->member = g_strdup (member);
  edit->gdp_rate = NAN;
  return edit;
}

PledgeEdit *
pledge_edit_new_set (const char  *member,
                     int          year,
                     PledgeField  field,
                     double       value)
{
  PledgeEdit *edit;

  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (field < PLEDGE_N_FIELDS, NULL);

  edit = edit_new (PLEDGE_EDIT_SET, member);
  edit->year = year;
  edit->field = field;
  edit->value = value;
  return edit;
}

PledgeEdit *
pledge_edit_new_grow (const char *member,
                      int         from,
                      int         to,
                      double      defence_rate,
                      double      gdp_rate)
{
  PledgeEdit *edit;

  g_return_val_if_fail (member != NULL, NULL);

  edit = edit_new (PLEDGE_EDIT_GROW, member);
  edit->from = from;
  edit->to = to;
  edit->defence_rate = defence_rate;
  edit->gdp_rate = gdp_rate;
  return edit;
}

PledgeEdit *
pledge_edit_copy (const PledgeEdit *edit)
{
  PledgeEdit *copy;

  g_return_val_if_fail (edit != NULL, NULL);

  copy = g_memdup2 (edit, sizeof *edit);
  copy->member = g_strdup (edit->member);
  return copy;
}

void
pledge_edit_free (PledgeEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->member);
  g_free (edit);
}

PledgeScenario *
pledge_scenario_new (const char *id,
                     const char *name)
{
  PledgeScenario *scenario;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  scenario = g_new0 (PledgeScenario, 1);
  scenario->id = g_strdup (id);
  scenario->name = g_strdup (name);
  scenario->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) pledge_edit_free);
  return scenario;
}

PledgeScenario *
pledge_scenario_copy (const PledgeScenario *scenario)
{
  PledgeScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = pledge_scenario_new (scenario->id, scenario->name);
  copy->line = scenario->line;
  for (guint i = 0; i < scenario->edits->len; i++)
    g_ptr_array_add (copy->edits, pledge_edit_copy (g_ptr_array_index (scenario->edits, i)));
  return copy;
}

void
pledge_scenario_free (PledgeScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->id);
  g_free (scenario->name);
  g_ptr_array_unref (scenario->edits);
  g_free (scenario);
}

/* The dataset */

static void
unref_snapshot (gpointer data)
{
  if (data != NULL)
    pledge_snapshot_unref (data);
}

/* Scenarios moved or changed other than at their end: computed again on
 * demand. */
static void
forget_snapshots (PledgeDataset *self)
{
  g_ptr_array_set_size (self->snapshots, 0);
}

static PledgeSnapshot *
cached_snapshot (PledgeDataset *self,
                 int            scenario)
{
  guint index = scenario + 1;

  return index < self->snapshots->len ? g_ptr_array_index (self->snapshots, index) : NULL;
}

static void
cache_snapshot (PledgeDataset  *self,
                int             scenario,
                PledgeSnapshot *snapshot)
{
  guint index = scenario + 1;

  if (self->snapshots->len <= index)
    g_ptr_array_set_size (self->snapshots, index + 1);
  unref_snapshot (g_ptr_array_index (self->snapshots, index));
  g_ptr_array_index (self->snapshots, index) = snapshot;
}

PledgeSnapshot *
pledge_dataset_get_snapshot (PledgeDataset  *self,
                             int             scenario,
                             GError        **error)
{
  PledgeSnapshot *cached;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (scenario >= PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_return_val_if_fail (scenario < (int) self->scenarios->len, NULL);

  cached = cached_snapshot (self, scenario);
  if (cached == NULL)
    {
      cached = pledge_snapshot_new_full (self, scenario, FALSE, error);
      if (cached == NULL)
        return NULL;
      cache_snapshot (self, scenario, cached);
    }
  return pledge_snapshot_copy (cached, TRUE);
}

static void
pledge_dataset_finalize (GObject *object)
{
  PledgeDataset *self = (PledgeDataset *)object;

  g_free (self->title);
  g_free (self->currency);
  g_free (self->prices);
  g_clear_pointer (&self->edition, edition_free);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->targets);
  g_ptr_array_unref (self->members);
  g_hash_table_unref (self->member_index);
  g_ptr_array_unref (self->scenarios);
  g_ptr_array_unref (self->snapshots);
  /* Last: members and snapshots point into it. */
  pledge_extra_arena_free (self->extras);

  G_OBJECT_CLASS (pledge_dataset_parent_class)->finalize (object);
}

static void
pledge_dataset_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PledgeDataset *self = PLEDGE_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_dataset_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PledgeDataset *self = PLEDGE_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pledge_dataset_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_dataset_class_init (PledgeDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pledge_dataset_finalize;
  object_class->get_property = pledge_dataset_get_property;
  object_class->set_property = pledge_dataset_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PledgeDataset::changed:
   *
   * Emitted after any change to the dataset's scenarios or figures.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pledge_dataset_init (PledgeDataset *self)
{
  self->title = g_strdup ("");
  self->currency = g_strdup ("USD");
  self->scale = PLEDGE_SCALE_MILLION;
  self->prices = g_strdup ("current");
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  self->member_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) pledge_scenario_free);
  self->snapshots = g_ptr_array_new_with_free_func (unref_snapshot);
}

PledgeDataset *
pledge_dataset_new (void)
{
  return g_object_new (PLEDGE_TYPE_DATASET, NULL);
}

const char *
pledge_dataset_get_title (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  return self->title;
}

void
pledge_dataset_set_title (PledgeDataset *self,
                          const char    *title)
{
  g_return_if_fail (PLEDGE_IS_DATASET (self));

  if (title == NULL)
    title = "";
  if (set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GPtrArray *
pledge_dataset_get_sources (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  return self->sources;
}

GPtrArray *
pledge_dataset_get_notes (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  return self->notes;
}

const char *
pledge_dataset_get_currency (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  return self->currency;
}

PledgeScale
pledge_dataset_get_scale (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), PLEDGE_SCALE_UNIT);
  return self->scale;
}

const char *
pledge_dataset_get_prices (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  return self->prices;
}

void
pledge_dataset_set_edition (PledgeDataset *self,
                            const char    *name,
                            const char    *date,
                            const char    *basis)
{
  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (name == NULL || date != NULL);

  g_clear_pointer (&self->edition, edition_free);
  if (name == NULL)
    return;
  self->edition = g_new0 (PledgeEdition, 1);
  self->edition->name = g_strdup (name);
  self->edition->date = g_strdup (date);
  self->edition->basis = g_strdup (basis);
}

void
pledge_dataset_set_constant_year (PledgeDataset *self,
                                  int            year)
{
  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (year == 0 || (year >= PLEDGE_YEAR_MIN && year <= PLEDGE_YEAR_MAX));

  self->constant_year = year;
}

double *
pledge_dataset_alloc_extras (PledgeDataset *self)
{
  if (self->extras == NULL)
    self->extras = pledge_extra_arena_new ();
  return pledge_extra_arena_alloc (self->extras);
}

const PledgeEdition *
pledge_dataset_get_edition (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  return self->edition;
}

int
pledge_dataset_get_constant_year (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 0);
  return self->constant_year;
}

guint
pledge_dataset_get_n_targets (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 0);
  return self->targets->len;
}

const PledgeTarget *
pledge_dataset_get_target (PledgeDataset *self,
                           guint          index)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->targets->len, NULL);
  return g_ptr_array_index (self->targets, index);
}

int
pledge_dataset_find_target (PledgeDataset *self,
                            const char    *id)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->targets->len; i++)
    if (strcmp (((PledgeTarget *) g_ptr_array_index (self->targets, i))->id, id) == 0)
      return i;
  return -1;
}

guint
pledge_dataset_get_n_members (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 0);
  return self->members->len;
}

const PledgeMember *
pledge_dataset_get_member (PledgeDataset *self,
                           guint          index)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->members->len, NULL);
  return g_ptr_array_index (self->members, index);
}

PledgeMember *
pledge_dataset_get_member_mutable (PledgeDataset *self,
                                   guint          index)
{
  return g_ptr_array_index (self->members, index);
}

int
pledge_dataset_find_member (PledgeDataset *self,
                            const char    *code)
{
  gpointer value;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), -1);
  g_return_val_if_fail (code != NULL, -1);

  value = g_hash_table_lookup (self->member_index, code);
  return value ? GPOINTER_TO_INT (value) - 1 : -1;
}

gboolean
pledge_dataset_get_year_range (PledgeDataset *self,
                               int           *first,
                               int           *last)
{
  int lo = G_MAXINT, hi = G_MININT;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);

  for (guint i = 0; i < self->members->len; i++)
    {
      PledgeMember *member = g_ptr_array_index (self->members, i);
      int member_last = pledge_member_last_year (member);

      if (member_last == 0)
        continue;
      hi = MAX (hi, member_last);
      for (guint k = 0; k < member->figures->len; k++)
        {
          const PledgeFigures *f = &g_array_index (member->figures, PledgeFigures, k);

          if (f->present != 0)
            {
              lo = MIN (lo, f->year);
              break;
            }
        }
    }

  if (lo > hi)
    return FALSE;
  if (first)
    *first = lo;
  if (last)
    *last = hi;
  return TRUE;
}

guint
pledge_dataset_get_n_scenarios (PledgeDataset *self)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 0);
  return self->scenarios->len;
}

const PledgeScenario *
pledge_dataset_get_scenario (PledgeDataset *self,
                             guint          index)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->scenarios->len, NULL);
  return g_ptr_array_index (self->scenarios, index);
}

int
pledge_dataset_find_scenario (PledgeDataset *self,
                              const char    *id)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->scenarios->len; i++)
    if (strcmp (((PledgeScenario *) g_ptr_array_index (self->scenarios, i))->id, id) == 0)
      return i;
  return -1;
}

/* Applies the scenario at index to check it, and keeps the result for the
 * next edit. */
static gboolean
check_scenario (PledgeDataset  *self,
                guint           index,
                GError        **error)
{
  PledgeSnapshot *snapshot;

  if (!pledge_dataset_check_budget (self, 0, NULL, error))
    return FALSE;
  snapshot = pledge_snapshot_new_full (self, index, FALSE, error);
  if (snapshot == NULL)
    return FALSE;
  cache_snapshot (self, index, snapshot);
  return TRUE;
}

gboolean
pledge_dataset_has_cached_snapshot (PledgeDataset *self,
                                    int            scenario)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);
  return cached_snapshot (self, scenario) != NULL;
}

gboolean
pledge_dataset_add_scenario (PledgeDataset  *self,
                             PledgeScenario *scenario,
                             guint           position,
                             GError        **error)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (position <= self->scenarios->len, FALSE);

  if (pledge_dataset_find_scenario (self, scenario->id) >= 0)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO,
                   _("A scenario with the id \"%s\" exists already"), scenario->id);
      pledge_scenario_free (scenario);
      return FALSE;
    }

  forget_snapshots (self);
  g_ptr_array_insert (self->scenarios, position, scenario);
  if (!check_scenario (self, position, error))
    {
      g_ptr_array_remove_index (self->scenarios, position);
      forget_snapshots (self);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

PledgeScenario *
pledge_dataset_take_scenario (PledgeDataset *self,
                              guint          index)
{
  PledgeScenario *scenario;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->scenarios->len, NULL);

  forget_snapshots (self);
  scenario = g_ptr_array_steal_index (self->scenarios, index);
  g_signal_emit (self, signals[CHANGED], 0);
  return scenario;
}

gboolean
pledge_dataset_rename_scenario (PledgeDataset *self,
                                guint          index,
                                const char    *name)
{
  PledgeScenario *scenario;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (index < self->scenarios->len, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  scenario = g_ptr_array_index (self->scenarios, index);
  if (!set_str (&scenario->name, name))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
pledge_dataset_insert_edit (PledgeDataset  *self,
                            guint           scenario_index,
                            guint           position,
                            PledgeEdit     *edit,
                            GError        **error)
{
  PledgeScenario *scenario;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (scenario_index < self->scenarios->len, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  scenario = g_ptr_array_index (self->scenarios, scenario_index);
  g_return_val_if_fail (position <= scenario->edits->len, FALSE);

  /* At the end of a scenario whose snapshot is known, the edit only adds
   * to it: microseconds, where applying every edit again takes longer. */
  if (!pledge_dataset_check_budget (self, scenario_index, edit, error))
    {
      pledge_edit_free (edit);
      return FALSE;
    }

  if (position == scenario->edits->len && cached_snapshot (self, scenario_index) != NULL)
    {
      PledgeSnapshot *next = pledge_snapshot_new_with_edit (cached_snapshot (self, scenario_index),
                                                            scenario, edit, error);

      if (next == NULL)
        {
          pledge_edit_free (edit);
          return FALSE;
        }
      g_ptr_array_add (scenario->edits, edit);
      cache_snapshot (self, scenario_index, next);
    }
  else
    {
      g_ptr_array_insert (scenario->edits, position, edit);
      if (!check_scenario (self, scenario_index, error))
        {
          g_ptr_array_remove_index (scenario->edits, position);
          cache_snapshot (self, scenario_index, NULL);
          return FALSE;
        }
    }

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

PledgeEdit *
pledge_dataset_take_edit (PledgeDataset *self,
                          guint          scenario_index,
                          guint          position)
{
  PledgeScenario *scenario;
  PledgeEdit *edit;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (scenario_index < self->scenarios->len, NULL);

  scenario = g_ptr_array_index (self->scenarios, scenario_index);
  g_return_val_if_fail (position < scenario->edits->len, NULL);

  edit = g_ptr_array_steal_index (scenario->edits, position);
  cache_snapshot (self, scenario_index, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  return edit;
}

char *
pledge_dataset_make_scenario_id (PledgeDataset *self,
                                 const char    *base)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (pledge_dataset_find_scenario (self, id) < 0)
        return g_steal_pointer (&id);
    }
}

void
pledge_dataset_add_source (PledgeDataset *self,
                           const char    *href,
                           const char    *text)
{
  PledgeSource *source;

  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (text != NULL);

  source = g_new0 (PledgeSource, 1);
  source->href = g_strdup (href);
  source->text = g_strdup (text);
  g_ptr_array_add (self->sources, source);
}

void
pledge_dataset_add_note (PledgeDataset *self,
                         const char    *text)
{
  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (text != NULL);

  g_ptr_array_add (self->notes, g_strdup (text));
}

void
pledge_dataset_set_units (PledgeDataset *self,
                          const char    *currency,
                          PledgeScale    scale,
                          const char    *prices)
{
  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (currency != NULL);
  g_return_if_fail (prices != NULL);

  set_str (&self->currency, currency);
  set_str (&self->prices, prices);
  self->scale = scale;
}

void
pledge_dataset_add_target (PledgeDataset *self,
                           const char    *id,
                           const char    *name,
                           PledgeMetric   metric,
                           double         min,
                           int            from,
                           int            due)
{
  PledgeTarget *target;

  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (name != NULL);

  target = g_new0 (PledgeTarget, 1);
  target->id = g_strdup (id);
  target->name = g_strdup (name);
  target->metric = metric;
  target->min = min;
  target->from = from;
  target->due = due;
  g_ptr_array_add (self->targets, target);
}

PledgeMember *
pledge_dataset_add_member (PledgeDataset *self,
                           const char    *code,
                           const char    *name,
                           int            joined,
                           int            left)
{
  PledgeMember *member;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (pledge_dataset_find_member (self, code) < 0, NULL);

  member = g_new0 (PledgeMember, 1);
  member->code = g_strdup (code);
  member->name = g_strdup (name);
  member->joined = joined;
  member->left = left;
  member->figures = g_array_new (FALSE, FALSE, sizeof (PledgeFigures));
  g_ptr_array_add (self->members, member);
  g_hash_table_insert (self->member_index, member->code, GINT_TO_POINTER (self->members->len));
  return member;
}

void
pledge_dataset_take_scenario_unchecked (PledgeDataset  *self,
                                        PledgeScenario *scenario)
{
  g_ptr_array_add (self->scenarios, scenario);
}

void
pledge_dataset_emit_changed (PledgeDataset *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}
