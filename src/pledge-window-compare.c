/* pledge-window-compare.c: "Compare With", the revisions chart in the window
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps the other edition it compares with, and gives the
 * revisions page a comparison of the year shown each time the view is
 * updated (pledge_window_compare_update), so the page follows the year and
 * the file like the other charts.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-chart-view.h"
#include "pledge-export-dialog.h"
#include "pledge-ui-util.h"
#include "pledge-window-private.h"

#define BUNDLED_DATASETS "resource:///io/github/pledgeapp/Pledge/datasets/"
#define COMPARE_KEY "pledge-window-compare"

typedef struct
{
  PledgeDataset *other;
  char          *name;
} Compare;

static void
compare_free (gpointer data)
{
  Compare *compare = data;

  g_clear_object (&compare->other);
  g_free (compare->name);
  g_free (compare);
}

void
pledge_window_compare_update (PledgeWindow   *self,
                              PledgeSnapshot *snapshot)
{
  Compare *compare = g_object_get_data (G_OBJECT (self), COMPARE_KEY);
  g_autoptr(PledgeSnapshot) reported = NULL;
  PledgeChartInput *input;
  PledgeDataset *dataset;

  g_return_if_fail (PLEDGE_IS_WINDOW (self));

  if (compare == NULL || snapshot == NULL)
    return;
  /* Editions are compared as published: a scenario's edits are no revision */
  dataset = pledge_snapshot_get_dataset (snapshot);
  reported = pledge_dataset_get_snapshot (dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  if (reported == NULL)
    return;
  input = pledge_chart_input_new (reported, self->year, self->target, NULL);
  pledge_chart_input_set_compare (input, pledge_compare_new (dataset,
                                                             win_display_name (self),
                                                             compare->other, compare->name,
                                                             self->year, self->year));
  pledge_chart_view_set_input (PLEDGE_CHART_VIEW (self->charts[PLEDGE_CHART_REVISIONS]), input);
}

/* The export dialog draws the same revisions */
void
pledge_window_compare_export (PledgeWindow *self,
                              GtkWindow    *dialog)
{
  Compare *compare = g_object_get_data (G_OBJECT (self), COMPARE_KEY);

  g_return_if_fail (PLEDGE_IS_WINDOW (self));

  if (compare == NULL)
    return;
  pledge_export_dialog_set_compare (PLEDGE_EXPORT_DIALOG (dialog),
                                    pledge_compare_new (win_dataset (self), win_display_name (self),
                                                        compare->other, compare->name,
                                                        self->year, self->year));
}

static void
compare_with_file (PledgeWindow *self,
                   GFile        *file,
                   const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PledgeDataset) other = pledge_dataset_load (file, name, NULL, &error);
  Compare *compare;

  if (other == NULL)
    {
      pledge_window_show_error (self, _("Could Not Compare"), error->message);
      return;
    }
  compare = g_new0 (Compare, 1);
  compare->other = g_steal_pointer (&other);
  compare->name = g_strdup (name);
  g_object_set_data_full (G_OBJECT (self), COMPARE_KEY, compare, compare_free);

  pledge_window_compare_update (self, win_snapshot (self));
  adw_view_stack_set_visible_child_name (self->chart_stack,
                                         pledge_chart_kind_to_string (PLEDGE_CHART_REVISIONS));
}

static void
on_compare_chosen (GtkWindow *parent,
                   GFile     *file)
{
  g_autofree char *name = NULL;

  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  compare_with_file (PLEDGE_WINDOW (parent), file, name);
}

/* win.compare-with: a bundled dataset's file name, or "" to choose a file */
static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PledgeWindow *self = PLEDGE_WINDOW (widget);
  const char *bundled = g_variant_get_string (param, NULL);

  if (*bundled == '\0')
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Pledge datasets"));
      gtk_file_filter_add_pattern (filter, "*.xml");
      pledge_ui_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                             _("Compare With an Edition"), _("_Compare"), filter, NULL, NULL,
                             &self->native, on_compare_chosen);
    }
  else
    {
      g_autofree char *uri = g_strconcat (BUNDLED_DATASETS, bundled, NULL);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      compare_with_file (self, file, bundled);
    }
}

void
pledge_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-with", "s", compare_with_action);
}
