/* pledge-dataset-info.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pledge-dataset-info.h"
#include "pledge-ui-util.h"

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
group (AdwPreferencesPage *page,
       const char         *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
  return g;
}

static char *
describe_target (const PledgeTarget *target)
{
  g_autofree char *min = g_strdup_printf ("%g", target->min);
  g_autofree char *what = NULL;

  switch (target->metric)
    {
    case PLEDGE_METRIC_DEFENCE_GDP:
      /* Translators: %s is a number such as 2 */
      what = g_strdup_printf (_("Defence spending of at least %s%% of GDP"), min);
      break;
    case PLEDGE_METRIC_TOTAL_GDP:
      what = g_strdup_printf (_("Defence and resilience spending of at least %s%% of GDP"), min);
      break;
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      what = g_strdup_printf (_("At least %s%% of defence spending on major equipment"), min);
      break;
    default:
      g_assert_not_reached ();
    }

  if (target->from > 0 && target->due > 0)
    /* Translators: "<target>, from 2014, due by 2024" */
    return g_strdup_printf (_("%s, from %d, due by %d"), what, target->from, target->due);
  if (target->from > 0)
    /* Translators: "<target>, from 2014" */
    return g_strdup_printf (_("%s, from %d"), what, target->from);
  if (target->due > 0)
    /* Translators: "<target>, by 2035" */
    return g_strdup_printf (_("%s, by %d"), what, target->due);
  return g_steal_pointer (&what);
}

static void
add_edition_rows (AdwPreferencesGroup *g,
                  PledgeDataset       *dataset)
{
  const PledgeEdition *edition = pledge_dataset_get_edition (dataset);
  int constant_year = pledge_dataset_get_constant_year (dataset);

  if (edition != NULL)
    {
      g_autofree char *date = pledge_edition_describe_date (edition);
      g_autofree char *basis = pledge_edition_describe_basis (edition);

      adw_preferences_group_add (g, text_row (_("Edition"), edition->name));
      adw_preferences_group_add (g, text_row (_("Edition Date"), date));
      if (basis != NULL)
        /* Translators: what the defence figures count, such as "core defence" */
        adw_preferences_group_add (g, text_row (_("Basis"), basis));
    }
  if (constant_year != 0)
    {
      /* Translators: the price base of the figures at constant prices, such as
       * "2021 prices and exchange rates" */
      g_autofree char *base = g_strdup_printf (_("%d prices and exchange rates"), constant_year);

      adw_preferences_group_add (g, text_row (_("Constant Prices"), base));
    }
}

GtkWindow *
pledge_dataset_info_new (GtkWindow     *parent,
                         PledgeDataset *dataset)
{
  GtkWidget *window, *box, *header, *page, *g;
  GPtrArray *sources, *notes;
  g_autofree char *units = NULL;
  int first, last;

  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Dataset Information"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_widget_set_size_request (window, 360, 300);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  g = group (ADW_PREFERENCES_PAGE (page), _("Dataset"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             text_row (_("Title"), pledge_dataset_get_title (dataset)));
  add_edition_rows (ADW_PREFERENCES_GROUP (g), dataset);
  /* Translators: "USD million, prices: current" */
  units = g_strdup_printf (_("%s %s, prices: %s"), pledge_dataset_get_currency (dataset),
                           pledge_scale_to_string (pledge_dataset_get_scale (dataset)),
                           pledge_dataset_get_prices (dataset));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), text_row (_("Money"), units));
  if (pledge_dataset_get_year_range (dataset, &first, &last))
    {
      g_autofree char *years = g_strdup_printf ("%d–%d", first, last);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), text_row (_("Years"), years));
    }
  {
    g_autofree char *n = g_strdup_printf ("%u", pledge_dataset_get_n_members (dataset));

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), text_row (_("Members"), n));
  }

  g = group (ADW_PREFERENCES_PAGE (page), _("Targets"));
  for (guint i = 0; i < pledge_dataset_get_n_targets (dataset); i++)
    {
      const PledgeTarget *target = pledge_dataset_get_target (dataset, i);
      g_autofree char *description = describe_target (target);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), text_row (target->name, description));
    }

  sources = pledge_dataset_get_sources (dataset);
  if (sources->len > 0)
    {
      g = group (ADW_PREFERENCES_PAGE (page), _("Sources"));
      for (guint i = 0; i < sources->len; i++)
        {
          const PledgeSource *source = g_ptr_array_index (sources, i);
          GtkWidget *row = text_row (source->text, source->href);

          if (source->href != NULL)
            {
              GtkWidget *button = gtk_link_button_new_with_label (source->href, "");

              gtk_button_set_icon_name (GTK_BUTTON (button), "adw-external-link-symbolic");
              gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (button, _("Open the Source"));
              gtk_widget_add_css_class (button, "flat");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
        }
    }

  notes = pledge_dataset_get_notes (dataset);
  if (notes->len > 0)
    {
      g = group (ADW_PREFERENCES_PAGE (page), _("Notes"));
      for (guint i = 0; i < notes->len; i++)
        {
          GtkWidget *label = gtk_label_new (g_ptr_array_index (notes, i));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_set_margin_bottom (label, 6);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), label);
        }
    }

  pledge_ui_add_close_shortcuts (GTK_WINDOW (window));
  pledge_ui_name_inner_widgets (window);
  return GTK_WINDOW (window);
}
