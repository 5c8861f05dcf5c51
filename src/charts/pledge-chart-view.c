/* pledge-chart-view.c: a widget that shows one chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget draws through the renderers that exports use: its snapshot
 * gets a cairo_t from gtk_snapshot_append_cairo() and calls
 * pledge_chart_draw(). Tooltips ask pledge_chart_hit_test() which member
 * is under the pointer, with the same layout.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "pledge-chart-view.h"

struct _PledgeChartView
{
  GtkWidget         parent_instance;

  PledgeChartKind   kind;
  gboolean          dark;
  PledgeChartStyle  style;
  PledgeChartInput *input;
};

G_DEFINE_FINAL_TYPE (PledgeChartView, pledge_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (PledgeChartView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->input != NULL)
    {
      label = pledge_chart_input_describe (self->input, self->kind);
      title = pledge_chart_get_title (self->kind, self->input);
    }
  else
    label = g_strdup (_("No chart"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title ? title : "",
                                  -1);
}

static void
pledge_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->input == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pledge_chart_draw (self->kind, cr, width, height, &self->style, self->input);
  cairo_destroy (cr);
}

static void
pledge_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 900;
    }
  else
    {
      *minimum = 180;
      *natural = 600;
    }
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  int index;

  if (self->input == NULL || keyboard_mode)
    return FALSE;

  index = pledge_chart_hit_test (self->kind, gtk_widget_get_width (widget),
                                 gtk_widget_get_height (widget), &self->style, self->input, x, y);
  if (index < 0)
    return FALSE;

  /* The trend describes the year under the pointer */
  text = pledge_chart_input_describe_member_year (
    self->input, index,
    pledge_chart_year_at (self->kind, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget), &self->style, self->input, x));
  gtk_tooltip_set_text (tooltip, text);
  /* Ask again when the pointer leaves this spot, so the next member's
   * figures replace these. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 2, y - 2, 4, 4 });
  return TRUE;
}

static void
set_dark_internal (PledgeChartView *self,
                   gboolean         dark)
{
  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  pledge_chart_style_init (&self->style, dark);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static void
on_style_manager_dark (AdwStyleManager *manager,
                       GParamSpec      *pspec,
                       PledgeChartView *self)
{
  set_dark_internal (self, adw_style_manager_get_dark (manager));
}

static void
pledge_chart_view_dispose (GObject *object)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (object);

  g_clear_pointer (&self->input, pledge_chart_input_free);

  G_OBJECT_CLASS (pledge_chart_view_parent_class)->dispose (object);
}

static void
pledge_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      pledge_chart_view_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DARK:
      pledge_chart_view_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_chart_view_class_init (PledgeChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_chart_view_dispose;
  object_class->get_property = pledge_chart_view_get_property;
  object_class->set_property = pledge_chart_view_set_property;

  widget_class->snapshot = pledge_chart_view_snapshot;
  widget_class->measure = pledge_chart_view_measure;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PLEDGE_TYPE_CHART_KIND, PLEDGE_CHART_COMPLIANCE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pledge-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pledge_chart_view_init (PledgeChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->kind = PLEDGE_CHART_COMPLIANCE;
  self->dark = adw_style_manager_get_dark (manager);
  pledge_chart_style_init (&self->style, self->dark);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_manager_dark), self, 0);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  update_accessible (self);
}

GtkWidget *
pledge_chart_view_new (void)
{
  return g_object_new (PLEDGE_TYPE_CHART_VIEW, NULL);
}

PledgeChartKind
pledge_chart_view_get_kind (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), PLEDGE_CHART_COMPLIANCE);

  return self->kind;
}

void
pledge_chart_view_set_kind (PledgeChartView *self,
                            PledgeChartKind  kind)
{
  g_return_if_fail (PLEDGE_IS_CHART_VIEW (self));
  g_return_if_fail (kind < PLEDGE_N_CHARTS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gboolean
pledge_chart_view_get_dark (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), FALSE);

  return self->dark;
}

void
pledge_chart_view_set_dark (PledgeChartView *self,
                            gboolean         dark)
{
  g_return_if_fail (PLEDGE_IS_CHART_VIEW (self));

  set_dark_internal (self, dark);
}

void
pledge_chart_view_set_input (PledgeChartView  *self,
                             PledgeChartInput *input)
{
  g_return_if_fail (PLEDGE_IS_CHART_VIEW (self));

  if (self->input == input)
    return;

  g_clear_pointer (&self->input, pledge_chart_input_free);
  self->input = input;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const PledgeChartInput *
pledge_chart_view_get_input (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), NULL);

  return self->input;
}

const PledgeChartStyle *
pledge_chart_view_get_style (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), NULL);

  return &self->style;
}
