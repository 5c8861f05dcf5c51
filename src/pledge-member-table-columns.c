/* pledge-member-table-columns.c: the version 2 measures as columns
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant-price defence, real change, defence per head, military
 * personnel and the shares of defence spending besides equipment. The
 * user shows or hides each from the menu of any column header; the choice
 * is kept in the "visible-columns" setting. A measure the dataset gives
 * for no member and no year has no column: an empty column says nothing a
 * greyed-out menu item does not say better.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pledge-chart-text.h"
#include "pledge-number.h"
#include "pledge-locale-number.h"
#include "pledge-member-table-private.h"
#include "pledge-ui-util.h"

#define COLUMNS_KEY "visible-columns"
#define ACTION_GROUP "table-columns"

typedef struct
{
  PledgeMemberColumn  kind;
  const char         *id;      /* in the setting and the action's name */
  guint               extras;  /* any of these PledgeExtra make it known */
} MeasureColumn;

static const MeasureColumn measure_columns[] = {
  { PLEDGE_MEMBER_COLUMN_CONSTANT, "constant", 1u << PLEDGE_EXTRA_DEFENCE_CONSTANT },
  { PLEDGE_MEMBER_COLUMN_REAL_CHANGE, "real-change",
    1u << PLEDGE_EXTRA_DEFENCE_CONSTANT | 1u << PLEDGE_EXTRA_REAL_CHANGE },
  { PLEDGE_MEMBER_COLUMN_PER_CAPITA, "per-head", 1u << PLEDGE_EXTRA_POPULATION },
  { PLEDGE_MEMBER_COLUMN_PERSONNEL, "personnel", 1u << PLEDGE_EXTRA_MILITARY_PERSONNEL },
  { PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE, "personnel-share",
    1u << PLEDGE_EXTRA_PERSONNEL_SPENDING },
  { PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE, "infrastructure-share",
    1u << PLEDGE_EXTRA_INFRASTRUCTURE },
  { PLEDGE_MEMBER_COLUMN_OTHER_SHARE, "other-share", 1u << PLEDGE_EXTRA_OTHER_SPENDING },
};

static const MeasureColumn *
find_measure (PledgeMemberColumn kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (measure_columns); i++)
    if (measure_columns[i].kind == kind)
      return &measure_columns[i];
  return NULL;
}

gboolean
pledge_member_column_is_measure (PledgeMemberColumn kind)
{
  return find_measure (kind) != NULL;
}

const char *
pledge_member_table_measure_title (PledgeMemberColumn kind)
{
  switch ((int) kind)
    {
    case PLEDGE_MEMBER_COLUMN_CONSTANT:
      /* Translators: a column title: defence spending at constant prices */
      return _("Constant-price defence");
    case PLEDGE_MEMBER_COLUMN_REAL_CHANGE:
      /* Translators: a column title: the change of defence spending from
       * the year before, after inflation */
      return _("Real change");
    case PLEDGE_MEMBER_COLUMN_PER_CAPITA:
      /* Translators: a column title: defence spending per inhabitant */
      return _("Per head");
    case PLEDGE_MEMBER_COLUMN_PERSONNEL:
      /* Translators: a column title: military personnel in thousands */
      return _("Personnel (thousands)");
    case PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE:
      /* xgettext:no-c-format */
      return _("% on personnel");
    case PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE:
      /* xgettext:no-c-format */
      return _("% on infrastructure");
    case PLEDGE_MEMBER_COLUMN_OTHER_SHARE:
      /* Translators: a column title: the share of defence spending on
       * neither equipment, personnel nor infrastructure */
      /* xgettext:no-c-format */
      return _("% on other");
    default:
      g_return_val_if_reached (NULL);
    }
}

double
pledge_member_table_measure_value (PledgeMemberTable *self,
                                   PledgeMemberColumn kind,
                                   PledgeMemberRow   *row)
{
  guint member = pledge_member_row_get_member (row);
  int year = pledge_member_row_get_year (row);
  const PledgeFigures *f;

  if (self->measures == NULL)
    return NAN;

  f = pledge_snapshot_get_figures (pledge_measures_get_snapshot (self->measures), member, year);
  switch ((int) kind)
    {
    case PLEDGE_MEMBER_COLUMN_CONSTANT:
      return pledge_measures_figures_constant (self->measures, member, f, NULL);
    case PLEDGE_MEMBER_COLUMN_REAL_CHANGE:
      return pledge_measures_real_change (self->measures, member, year, NULL);
    case PLEDGE_MEMBER_COLUMN_PER_CAPITA:
      return pledge_measures_figures_per_capita (self->measures, member, f, NULL);
    case PLEDGE_MEMBER_COLUMN_PERSONNEL:
      return f != NULL ? pledge_figures_get_extra (f, PLEDGE_EXTRA_MILITARY_PERSONNEL) : NAN;
    case PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE:
      return pledge_figures_category (f, PLEDGE_CATEGORY_PERSONNEL);
    case PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE:
      return pledge_figures_category (f, PLEDGE_CATEGORY_INFRASTRUCTURE);
    case PLEDGE_MEMBER_COLUMN_OTHER_SHARE:
      return pledge_figures_category (f, PLEDGE_CATEGORY_OTHER);
    default:
      g_return_val_if_reached (NAN);
    }
}

/* One number of decimals a column: shares and real change 2, per head
 * whole units, personnel 1, money as its column needs. */
char *
pledge_member_table_measure_text (PledgeMemberTable *self,
                                  PledgeMemberColumn kind,
                                  PledgeMemberRow   *row)
{
  double value = pledge_member_table_measure_value (self, kind, row);

  if (!isfinite (value))
    return g_strdup ("");

  switch ((int) kind)
    {
    case PLEDGE_MEMBER_COLUMN_CONSTANT:
      return pledge_number_format_grouped (value, pledge_member_table_money_decimals (self, kind));
    case PLEDGE_MEMBER_COLUMN_REAL_CHANGE:
      return pledge_locale_format_growth (value);
    case PLEDGE_MEMBER_COLUMN_PER_CAPITA:
      return pledge_number_format_grouped (round (value), 0);
    case PLEDGE_MEMBER_COLUMN_PERSONNEL:
      return pledge_number_format_grouped (value, 1);
    default:
      return pledge_locale_format_percent (value);
    }
}

int
pledge_member_table_measure_width (PledgeMemberColumn kind)
{
  switch ((int) kind)
    {
    case PLEDGE_MEMBER_COLUMN_CONSTANT:
      return 11;  /* "99,999,999" */
    case PLEDGE_MEMBER_COLUMN_REAL_CHANGE:
      return 9;   /* "+12.34 %" */
    case PLEDGE_MEMBER_COLUMN_PER_CAPITA:
    case PLEDGE_MEMBER_COLUMN_PERSONNEL:
      return 8;   /* "1,234.5" */
    default:
      return 7;   /* "100.00" */
    }
}

/* The measures the dataset gives for some member in some year. */
static guint
known_extras (PledgeDataset *dataset)
{
  guint all = (1u << PLEDGE_N_EXTRAS) - 1;
  guint known = 0;
  guint n_members = pledge_dataset_get_n_members (dataset);

  /* Once a dataset: a pass over its figures, as reading it was. */
  for (guint m = 0; m < n_members && known != all; m++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, m);

      for (guint i = 0; i < member->figures->len && known != all; i++)
        known |= g_array_index (member->figures, PledgeFigures, i).extra_present;
    }
  return known;
}

static gboolean
is_shown (PledgeMemberTable   *self,
          const MeasureColumn *measure,
          char               **visible)
{
  return (self->known_extras & measure->extras) != 0 &&
         g_strv_contains ((const char *const *) visible, measure->id);
}

static void
apply_visibility (PledgeMemberTable *self)
{
  g_auto(GStrv) visible = g_settings_get_strv (self->settings, COLUMNS_KEY);

  for (guint i = 0; i < G_N_ELEMENTS (measure_columns); i++)
    {
      const MeasureColumn *measure = &measure_columns[i];
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->column_actions),
                                                    measure->id);
      gboolean known = (self->known_extras & measure->extras) != 0;
      gboolean wanted = g_strv_contains ((const char *const *) visible, measure->id);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), known);
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (wanted));
      gtk_column_view_column_set_visible (g_ptr_array_index (self->columns, measure->kind),
                                          is_shown (self, measure, visible));
    }
}

static void
on_change_state (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  PledgeMemberTable *self = user_data;
  const char *id = g_action_get_name (G_ACTION (action));
  g_auto(GStrv) visible = g_settings_get_strv (self->settings, COLUMNS_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) now = NULL;

  for (guint i = 0; visible[i] != NULL; i++)
    if (g_strcmp0 (visible[i], id) != 0)
      g_strv_builder_add (builder, visible[i]);
  if (g_variant_get_boolean (state))
    g_strv_builder_add (builder, id);
  now = g_strv_builder_end (builder);

  /* ::changed shows or hides the column, in every window. */
  g_settings_set_strv (self->settings, COLUMNS_KEY, (const char *const *) now);
}

void
pledge_member_table_columns_set_dataset (PledgeMemberTable *self,
                                         PledgeDataset     *dataset)
{
  self->known_extras = known_extras (dataset);
  apply_visibility (self);
}

void
pledge_member_table_columns_set_snapshot (PledgeMemberTable *self,
                                          PledgeSnapshot    *snapshot)
{
  if (self->measures != NULL && pledge_measures_get_snapshot (self->measures) == snapshot)
    return;
  g_clear_pointer (&self->measures, pledge_measures_free);
  self->measures = pledge_measures_new (snapshot);
}

void
pledge_member_table_columns_init (PledgeMemberTable *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->column_actions = g_simple_action_group_new ();
  self->column_menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (measure_columns); i++)
    {
      const MeasureColumn *measure = &measure_columns[i];
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (
        measure->id, NULL, g_variant_new_boolean (FALSE));
      g_autofree char *detailed = g_strconcat (ACTION_GROUP ".", measure->id, NULL);

      g_signal_connect (action, "change-state", G_CALLBACK (on_change_state), self);
      g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
      g_menu_append (self->column_menu, pledge_member_table_measure_title (measure->kind),
                     detailed);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), ACTION_GROUP,
                                  G_ACTION_GROUP (self->column_actions));
  g_signal_connect_swapped (self->settings, "changed::" COLUMNS_KEY,
                            G_CALLBACK (apply_visibility), self);
}

void
pledge_member_table_columns_dispose (PledgeMemberTable *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->column_actions);
  g_clear_object (&self->column_menu);
  g_clear_pointer (&self->measures, pledge_measures_free);
}

/* One number of decimals a money column: those its largest magnitude
 * needs, as the charts do. The change a scenario makes to defence shows
 * to the precision of defence. */
void
pledge_member_table_columns_set_decimals (PledgeMemberTable *self,
                                          PledgeSnapshot    *snapshot,
                                          int                year)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  guint n_members = pledge_dataset_get_n_members (dataset);
  double defence = 0, gdp = 0, constant = 0;

  for (guint m = 0; m < n_members; m++)
    {
      const PledgeFigures *f;

      if (!pledge_member_is_member_in (pledge_dataset_get_member (dataset, m), year))
        continue;
      f = pledge_snapshot_get_figures (snapshot, m, year);
      if (f == NULL)
        continue;
      if (pledge_figures_has (f, PLEDGE_FIELD_DEFENCE))
        defence = MAX (defence, fabs (f->values[PLEDGE_FIELD_DEFENCE]));
      if (pledge_figures_has (f, PLEDGE_FIELD_GDP))
        gdp = MAX (gdp, fabs (f->values[PLEDGE_FIELD_GDP]));
      /* Under a scenario each member's deflator is looked for in every
       * year: only where the file has constant prices. */
      if (self->measures != NULL &&
          (self->known_extras & (1u << PLEDGE_EXTRA_DEFENCE_CONSTANT)) != 0)
        {
          double c = pledge_measures_figures_constant (self->measures, m, f, NULL);

          if (isfinite (c))
            constant = MAX (constant, fabs (c));
        }
    }

  self->decimals[PLEDGE_MEMBER_COLUMN_DEFENCE] = pledge_chart_money_decimals (defence);
  self->decimals[PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE] = self->decimals[PLEDGE_MEMBER_COLUMN_DEFENCE];
  self->decimals[PLEDGE_MEMBER_COLUMN_GDP] = pledge_chart_money_decimals (gdp);
  self->decimals[PLEDGE_MEMBER_COLUMN_CONSTANT] = pledge_chart_money_decimals (constant);
}

int
pledge_member_table_money_decimals (PledgeMemberTable *self,
                                    PledgeMemberColumn kind)
{
  g_return_val_if_fail (kind < PLEDGE_MEMBER_COLUMN_TARGET, 0);
  return self->decimals[kind];
}

char *
pledge_member_table_format_money (double value,
                                  int    decimals)
{
  if (!isfinite (value))
    return g_strdup ("");
  return pledge_number_format_grouped (value, decimals);
}

#define MINUS_SIGN "\xe2\x88\x92"

/* "+1,234", "−0.50", "0" when it shows as nothing. */
char *
pledge_member_table_format_delta (double value,
                                  int    decimals)
{
  g_autofree char *magnitude = NULL;
  double shown;

  if (!isfinite (value))
    return g_strdup ("");

  shown = round (fabs (value) * pow (10, decimals)) / pow (10, decimals);
  magnitude = pledge_number_format_grouped (shown, decimals);
  if (shown == 0)
    return g_steal_pointer (&magnitude);
  return g_strconcat (value > 0 ? "+" : MINUS_SIGN, magnitude, NULL);
}

/* Says why "% of alliance" is empty where the year's total does not cover
 * the alliance: a scenario that projects only some members. */
void
pledge_member_table_columns_set_alliance_note (PledgeMemberTable *self,
                                               PledgeSnapshot    *snapshot,
                                               int                year)
{
  guint expected = 0;
  guint missing = pledge_snapshot_get_alliance_missing (snapshot, year, &expected);
  g_autofree char *note = NULL;

  if (missing > 0 && expected > 0)
    /* Translators: under the member table; %d is a year, then how many
     * members of how many have figures in it */
    note = g_strdup_printf (ngettext ("No alliance total in %d: %u of %u member has figures",
                                      "No alliance total in %d: %u of %u members have figures",
                                      expected),
                            year, expected - missing, expected);
  gtk_label_set_text (self->alliance_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alliance_note), note != NULL);
}

const char *
pledge_member_table_get_alliance_note (PledgeMemberTable *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->alliance_note)))
    return NULL;
  return gtk_label_get_text (self->alliance_note);
}
