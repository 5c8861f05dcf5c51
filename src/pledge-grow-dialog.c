/* pledge-grow-dialog.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pledge-grow-dialog.h"
#include "pledge-ui-util.h"

/* The year a new scenario grows to unless the user says otherwise: The
 * Hague targets are due then. */
#define DEFAULT_TO 2035

struct _PledgeGrowDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *growth_group;
  GtkAdjustment       *defence_adjustment;
  AdwExpanderRow      *gdp_row;
  GtkAdjustment       *gdp_adjustment;
  GtkAdjustment       *from_adjustment;
  GtkAdjustment       *to_adjustment;
  AdwActionRow        *all_row;
  GtkSwitch           *all_switch;
  AdwPreferencesGroup *chosen_group;
  GtkListBox          *member_list;

  PledgeSnapshot      *snapshot;
  GHashTable          *chosen;        /* member codes */
  int                  listed_year;   /* whose members the list shows; 0: none yet */
};

G_DEFINE_FINAL_TYPE (PledgeGrowDialog, pledge_grow_dialog, ADW_TYPE_WINDOW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
all_members (PledgeGrowDialog *self)
{
  return gtk_switch_get_active (self->all_switch);
}

/* Whether a member of year has a defence figure there to grow from. */
static gboolean
can_grow (PledgeGrowDialog *self,
          guint             member,
          int               year)
{
  const PledgeFigures *f = pledge_snapshot_get_figures (self->snapshot, member, year);

  return f != NULL && pledge_figures_has (f, PLEDGE_FIELD_DEFENCE);
}

static void
update (PledgeGrowDialog *self)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (self->snapshot);
  int from = pledge_grow_dialog_get_from (self);
  int to = pledge_grow_dialog_get_to (self);
  double defence = pledge_grow_dialog_get_defence_rate (self);
  double gdp = pledge_grow_dialog_get_gdp_rate (self);
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  guint n_members = 0, n_growable = 0;
  gboolean valid;

  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    if (pledge_member_is_member_in (pledge_dataset_get_member (dataset, i), from))
      {
        n_members++;
        if (can_grow (self, i, from))
          n_growable++;
      }

  /* What the rates come to: the compound factor over the years. */
  if (to > from)
    {
      g_autofree char *defence_factor = g_strdup_printf ("%.2f", pow (1 + defence / 100, to - from));

      if (isnan (gdp))
        /* Translators: %d is a number of years, %s a factor such as 1.90 */
        description = g_strdup_printf (ngettext ("Over %d year, defence spending grows ×%s.",
                                                 "Over %d years, defence spending grows ×%s.",
                                                 to - from),
                                       to - from, defence_factor);
      else
        {
          g_autofree char *gdp_factor = g_strdup_printf ("%.2f", pow (1 + gdp / 100, to - from));
          g_autofree char *share_factor =
            g_strdup_printf ("%.2f", pow ((1 + defence / 100) / (1 + gdp / 100), to - from));

          /* Translators: %d is a number of years; each %s is a factor such
           * as 1.90 */
          description = g_strdup_printf (ngettext ("Over %d year, defence spending grows ×%s "
                                                   "and GDP ×%s: the share of GDP changes ×%s.",
                                                   "Over %d years, defence spending grows ×%s "
                                                   "and GDP ×%s: the share of GDP changes ×%s.",
                                                   to - from),
                                         to - from, defence_factor, gdp_factor, share_factor);
        }
    }
  adw_preferences_group_set_description (self->growth_group, description);

  if (n_growable == n_members)
    /* Translators: %u counts members, %d is a year */
    subtitle = g_strdup_printf (ngettext ("The %u member of %d", "All %u members of %d",
                                          n_members),
                                n_members, from);
  else
    /* Translators: %u counts members, %d is a year */
    subtitle = g_strdup_printf (ngettext ("The %u member of %d with a defence figure",
                                          "The %u members of %d with a defence figure",
                                          n_growable),
                                n_growable, from);
  adw_action_row_set_subtitle (self->all_row, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->chosen_group), !all_members (self));
  valid = to > from && (all_members (self) || g_hash_table_size (self->chosen) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grow.apply", valid);
}

/* The list of members */

static void
on_member_toggled (GtkCheckButton   *check,
                   PledgeGrowDialog *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "pledge-member-code");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (code));
  else
    g_hash_table_remove (self->chosen, code);
  update (self);
}

/* Lists the members of the year grown from, keeping who is chosen. */
static void
fill_members (PledgeGrowDialog *self)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (self->snapshot);
  int from = pledge_grow_dialog_get_from (self);
  GtkWidget *child;

  if (from == self->listed_year)
    return;
  self->listed_year = from;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->member_list))) != NULL)
    gtk_list_box_remove (self->member_list, child);

  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, i);
      GtkWidget *row, *check;

      if (!pledge_member_is_member_in (member, from))
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "pledge-member-code", g_strdup (member->code),
                              g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->chosen, member->code));
      g_signal_connect (check, "toggled", G_CALLBACK (on_member_toggled), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, member->name, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      if (!can_grow (self, i, from))
        {
          /* Translators: a member has no defence figure for a year; %d is the year */
          g_autofree char *subtitle = g_strdup_printf (_("No defence figure for %d"), from);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->member_list, row);
    }
}

static void
on_from_changed (GtkAdjustment    *adjustment,
                 PledgeGrowDialog *self)
{
  int from = pledge_grow_dialog_get_from (self);

  /* To is always a later year. */
  gtk_adjustment_set_lower (self->to_adjustment, from + 1);
  if (gtk_adjustment_get_value (self->to_adjustment) <= from)
    gtk_adjustment_set_value (self->to_adjustment, from + 1);
  fill_members (self);
  update (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[APPLY], 0);
}

/* GObject */

static void
pledge_grow_dialog_dispose (GObject *object)
{
  PledgeGrowDialog *self = PLEDGE_GROW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLEDGE_TYPE_GROW_DIALOG);
  g_clear_pointer (&self->snapshot, pledge_snapshot_unref);

  G_OBJECT_CLASS (pledge_grow_dialog_parent_class)->dispose (object);
}

static void
pledge_grow_dialog_finalize (GObject *object)
{
  PledgeGrowDialog *self = PLEDGE_GROW_DIALOG (object);

  g_hash_table_unref (self->chosen);

  G_OBJECT_CLASS (pledge_grow_dialog_parent_class)->finalize (object);
}

static void
pledge_grow_dialog_class_init (PledgeGrowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_grow_dialog_dispose;
  object_class->finalize = pledge_grow_dialog_finalize;

  /**
   * PledgeGrowDialog::apply:
   *
   * The user pressed Apply: pledge_grow_dialog_build_edits() has the edits.
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pledgeapp/Pledge/pledge-grow-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, growth_group);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, defence_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, gdp_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, gdp_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, from_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, to_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, all_switch);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, chosen_group);
  gtk_widget_class_bind_template_child (widget_class, PledgeGrowDialog, member_list);

  gtk_widget_class_install_action (widget_class, "grow.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "grow.apply", NULL);
}

static void
pledge_grow_dialog_init (PledgeGrowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pledge_ui_name_inner_widgets (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PledgeGrowDialog *
pledge_grow_dialog_new (GtkWindow      *parent,
                        PledgeSnapshot *snapshot)
{
  PledgeGrowDialog *self;
  PledgeDataset *dataset;
  int first, last, reported_last;

  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_object_new (PLEDGE_TYPE_GROW_DIALOG, "transient-for", parent, NULL);
  self->snapshot = pledge_snapshot_ref (snapshot);
  dataset = pledge_snapshot_get_dataset (snapshot);

  /* From any year with figures, the scenario's projections included. */
  if (!pledge_snapshot_get_year_range (snapshot, &first, &last))
    first = last = PLEDGE_YEAR_MIN;
  if (!pledge_dataset_get_year_range (dataset, NULL, &reported_last))
    reported_last = last;
  last = MIN (last, PLEDGE_YEAR_MAX - 1);
  gtk_adjustment_configure (self->from_adjustment, CLAMP (reported_last, first, last), first, last,
                            1, 5, 0);
  gtk_adjustment_configure (self->to_adjustment, MAX (DEFAULT_TO, reported_last + 1),
                            reported_last + 1, PLEDGE_YEAR_MAX, 1, 5, 0);

  g_signal_connect (self->from_adjustment, "value-changed", G_CALLBACK (on_from_changed), self);
  g_signal_connect_swapped (self->to_adjustment, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->defence_adjustment, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->gdp_adjustment, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->gdp_row, "notify::enable-expansion", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->all_switch, "notify::active", G_CALLBACK (update), self);

  fill_members (self);
  update (self);
  return self;
}

void
pledge_grow_dialog_set_members (PledgeGrowDialog  *self,
                                const char *const *codes)
{
  g_return_if_fail (PLEDGE_IS_GROW_DIALOG (self));

  g_hash_table_remove_all (self->chosen);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_hash_table_add (self->chosen, g_strdup (codes[i]));

  /* The check buttons show the new choice. */
  self->listed_year = 0;
  fill_members (self);
  gtk_switch_set_active (self->all_switch, codes == NULL);
  update (self);
}

char **
pledge_grow_dialog_dup_members (PledgeGrowDialog *self)
{
  PledgeDataset *dataset;
  g_autoptr(GStrvBuilder) builder = NULL;
  int from;

  g_return_val_if_fail (PLEDGE_IS_GROW_DIALOG (self), NULL);

  if (all_members (self))
    return NULL;

  /* In the dataset's order, members of the year grown from only. */
  dataset = pledge_snapshot_get_dataset (self->snapshot);
  from = pledge_grow_dialog_get_from (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < pledge_dataset_get_n_members (dataset); i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (dataset, i);

      if (pledge_member_is_member_in (member, from) &&
          g_hash_table_contains (self->chosen, member->code))
        g_strv_builder_add (builder, member->code);
    }
  return g_strv_builder_end (builder);
}

void
pledge_grow_dialog_set_years (PledgeGrowDialog *self,
                              int               from,
                              int               to)
{
  g_return_if_fail (PLEDGE_IS_GROW_DIALOG (self));
  g_return_if_fail (to > from);

  gtk_adjustment_set_value (self->from_adjustment, from);
  gtk_adjustment_set_value (self->to_adjustment, to);
}

int
pledge_grow_dialog_get_from (PledgeGrowDialog *self)
{
  g_return_val_if_fail (PLEDGE_IS_GROW_DIALOG (self), 0);
  return (int) lround (gtk_adjustment_get_value (self->from_adjustment));
}

int
pledge_grow_dialog_get_to (PledgeGrowDialog *self)
{
  g_return_val_if_fail (PLEDGE_IS_GROW_DIALOG (self), 0);
  return (int) lround (gtk_adjustment_get_value (self->to_adjustment));
}

void
pledge_grow_dialog_set_defence_rate (PledgeGrowDialog *self,
                                     double            rate)
{
  g_return_if_fail (PLEDGE_IS_GROW_DIALOG (self));
  gtk_adjustment_set_value (self->defence_adjustment, rate);
}

double
pledge_grow_dialog_get_defence_rate (PledgeGrowDialog *self)
{
  g_return_val_if_fail (PLEDGE_IS_GROW_DIALOG (self), NAN);
  return gtk_adjustment_get_value (self->defence_adjustment);
}

void
pledge_grow_dialog_set_gdp_rate (PledgeGrowDialog *self,
                                 double            rate)
{
  g_return_if_fail (PLEDGE_IS_GROW_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->gdp_row, !isnan (rate));
  if (!isnan (rate))
    gtk_adjustment_set_value (self->gdp_adjustment, rate);
}

double
pledge_grow_dialog_get_gdp_rate (PledgeGrowDialog *self)
{
  g_return_val_if_fail (PLEDGE_IS_GROW_DIALOG (self), NAN);

  if (!adw_expander_row_get_enable_expansion (self->gdp_row))
    return NAN;
  return gtk_adjustment_get_value (self->gdp_adjustment);
}

GPtrArray *
pledge_grow_dialog_build_edits (PledgeGrowDialog *self)
{
  GPtrArray *edits;
  g_auto(GStrv) members = NULL;
  int from, to;
  double defence, gdp;

  g_return_val_if_fail (PLEDGE_IS_GROW_DIALOG (self), NULL);

  edits = g_ptr_array_new_with_free_func ((GDestroyNotify) pledge_edit_free);
  from = pledge_grow_dialog_get_from (self);
  to = pledge_grow_dialog_get_to (self);
  defence = pledge_grow_dialog_get_defence_rate (self);
  gdp = pledge_grow_dialog_get_gdp_rate (self);

  members = pledge_grow_dialog_dup_members (self);
  if (members == NULL)
    g_ptr_array_add (edits, pledge_edit_new_grow ("*", from, to, defence, gdp));
  else
    for (guint i = 0; members[i] != NULL; i++)
      g_ptr_array_add (edits, pledge_edit_new_grow (members[i], from, to, defence, gdp));
  return edits;
}
