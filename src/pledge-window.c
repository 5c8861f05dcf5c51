/* pledge-window.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-chart-view.h"
#include "pledge-snapshot.h"
#include "pledge-window.h"

struct _PledgeWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle      *window_title;
  PledgeChartView     *chart_view;

  PledgeDataset       *dataset;
};

G_DEFINE_FINAL_TYPE (PledgeWindow, pledge_window, ADW_TYPE_APPLICATION_WINDOW)

static void
pledge_window_dispose (GObject *object)
{
  PledgeWindow *self = PLEDGE_WINDOW (object);

  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLEDGE_TYPE_WINDOW);

  G_OBJECT_CLASS (pledge_window_parent_class)->dispose (object);
}

static void
pledge_window_class_init (PledgeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_window_dispose;

  g_type_ensure (PLEDGE_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pledgeapp/Pledge/pledge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PledgeWindow, chart_view);
}

static void
pledge_window_init (PledgeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PledgeWindow *
pledge_window_new (GtkApplication *application)
{
  return g_object_new (PLEDGE_TYPE_WINDOW, "application", application, NULL);
}

void
pledge_window_load (PledgeWindow *self,
                    GFile        *file,
                    gboolean      bundled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) dataset = NULL;
  g_autoptr(PledgeSnapshot) snapshot = NULL;
  int last = 0;

  g_return_if_fail (PLEDGE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  dataset = pledge_dataset_load (file, NULL, NULL, &error);
  if (dataset == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  g_set_object (&self->dataset, dataset);
  adw_window_title_set_subtitle (self->window_title, pledge_dataset_get_title (dataset));
  snapshot = pledge_snapshot_new (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  pledge_dataset_get_year_range (dataset, NULL, &last);
  pledge_chart_view_set_input (self->chart_view, pledge_chart_input_new (snapshot, last, 0, NULL));
}
