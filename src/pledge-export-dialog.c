/* pledge-export-dialog.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pledge-export-dialog.h"
#include "pledge-ui-util.h"

struct _PledgeExportDialog
{
  AdwWindow         parent_instance;

  GtkAspectFrame   *preview_frame;
  GtkDrawingArea   *preview;
  AdwComboRow      *kind_row;
  AdwComboRow      *theme_row;
  AdwComboRow      *format_row;
  AdwActionRow     *width_row;
  AdwActionRow     *height_row;
  AdwActionRow     *scale_row;
  GtkAdjustment    *width_adjustment;
  GtkAdjustment    *height_adjustment;
  GtkAdjustment    *scale_adjustment;

  GSettings        *settings;
  PledgeChartInput *input;
  int               year;
  GtkNativeDialog  *native;
};

G_DEFINE_FINAL_TYPE (PledgeExportDialog, pledge_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *format_names[] = { "png", "svg", "pdf" };

static int
get_width (PledgeExportDialog *self)
{
  return (int) gtk_adjustment_get_value (self->width_adjustment);
}

static int
get_height (PledgeExportDialog *self)
{
  return (int) gtk_adjustment_get_value (self->height_adjustment);
}

static gboolean
get_dark (PledgeExportDialog *self)
{
  return adw_combo_row_get_selected (self->theme_row) == 1;
}

/* The preview draws the chart at the export size, scaled down to fit: it
 * is the file, in small. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  PledgeExportDialog *self = user_data;
  PledgeChartStyle style;
  double w = get_width (self), h = get_height (self);
  double scale = MIN (width / w, height / h);

  if (self->input == NULL)
    return;
  pledge_chart_style_init (&style, get_dark (self));
  cairo_translate (cr, (width - w * scale) / 2, (height - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  pledge_chart_draw (pledge_export_dialog_get_kind (self), cr, w, h, &style, self->input);
}

/* A size the exporter refuses (a PNG past its pixel limit) is said where
 * the size is chosen, under Width, and Export waits until it fits. */
static void
update_size_limit (PledgeExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean fits;

  fits = pledge_chart_export_check_size (pledge_export_dialog_get_format (self),
                                         get_width (self), get_height (self),
                                         gtk_adjustment_get_value (self->scale_adjustment),
                                         &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", fits);
  if (!fits)
    adw_action_row_set_subtitle (self->width_row, error->message);
}

static void
update (PledgeExportDialog *self)
{
  gboolean png = pledge_export_dialog_get_format (self) == PLEDGE_EXPORT_PNG;
  const char *unit = png ? _("Pixels") : _("Points");
  g_autofree char *description = NULL;

  if (self->input == NULL)
    return;
  adw_action_row_set_subtitle (self->width_row, unit);
  adw_action_row_set_subtitle (self->height_row, unit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  update_size_limit (self);
  gtk_aspect_frame_set_ratio (self->preview_frame, (double) get_width (self) / get_height (self));

  description = pledge_chart_input_describe (self->input, pledge_export_dialog_get_kind (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
format_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
format_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (format_names[MIN (i, G_N_ELEMENTS (format_names) - 1)]);
}

static gboolean
theme_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, g_strcmp0 (g_variant_get_string (variant, NULL), "dark") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
theme_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "dark" : "light");
}

char *
pledge_export_dialog_dup_suggested_name (PledgeExportDialog *self)
{
  g_return_val_if_fail (PLEDGE_IS_EXPORT_DIALOG (self), NULL);

  return g_strdup_printf ("%s-%d.%s",
                          pledge_chart_kind_to_string (pledge_export_dialog_get_kind (self)),
                          self->year,
                          format_names[pledge_export_dialog_get_format (self)]);
}

gboolean
pledge_export_dialog_export_to (PledgeExportDialog *self,
                                GFile              *file,
                                GError            **error)
{
  PledgeExportFormat format;
  PledgeChartStyle style;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (PLEDGE_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* As on the command line, a known extension says the format. */
  basename = g_file_get_basename (file);
  if (basename == NULL || !pledge_export_format_from_filename (basename, &format))
    format = pledge_export_dialog_get_format (self);

  pledge_chart_style_init (&style, get_dark (self));
  if (!pledge_chart_export (file, format, pledge_export_dialog_get_kind (self), self->input, &style,
                            get_width (self), get_height (self),
                            gtk_adjustment_get_value (self->scale_adjustment), error))
    return FALSE;

  g_signal_emit (self, signals[EXPORTED], 0, file);
  return TRUE;
}

static void
export_to_chosen (PledgeExportDialog *self,
                  GFile              *chosen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = g_file_get_basename (chosen);
  PledgeExportFormat format;

  /* A name without a known extension gets the chosen format's. */
  if (basename != NULL && !pledge_export_format_from_filename (basename, &format))
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *name = g_strdup_printf ("%s.%s", basename,
                                               format_names[pledge_export_dialog_get_format (self)]);

      file = parent != NULL ? g_file_get_child (parent, name) : g_object_ref (chosen);
    }
  else
    file = g_object_ref (chosen);

  if (!pledge_export_dialog_export_to (self, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Chart"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_file_chosen (GtkWindow *parent,
                GFile     *file)
{
  if (file != NULL)
    export_to_chosen (PLEDGE_EXPORT_DIALOG (parent), file);
}

static GtkFileFilter *
format_filter (PledgeExportFormat format)
{
  static const char *mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };
  static const char *names[] = { N_("PNG Images"), N_("SVG Drawings"), N_("PDF Documents") };
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", format_names[format]);

  gtk_file_filter_set_name (filter, _(names[format]));
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PledgeExportDialog *self = PLEDGE_EXPORT_DIALOG (widget);
  g_autofree char *name = pledge_export_dialog_dup_suggested_name (self);
  g_autoptr(GtkFileFilter) filter = format_filter (pledge_export_dialog_get_format (self));

  pledge_ui_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Chart"),
                         _("_Export"), filter, NULL, name, &self->native, on_file_chosen);
}

static void
pledge_export_dialog_dispose (GObject *object)
{
  PledgeExportDialog *self = PLEDGE_EXPORT_DIALOG (object);

  pledge_ui_clear_file_chooser (&self->native);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLEDGE_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pledge_export_dialog_parent_class)->dispose (object);
}

static void
pledge_export_dialog_finalize (GObject *object)
{
  PledgeExportDialog *self = PLEDGE_EXPORT_DIALOG (object);

  g_clear_pointer (&self->input, pledge_chart_input_free);

  G_OBJECT_CLASS (pledge_export_dialog_parent_class)->finalize (object);
}

static void
pledge_export_dialog_class_init (PledgeExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_export_dialog_dispose;
  object_class->finalize = pledge_export_dialog_finalize;

  /**
   * PledgeExportDialog::exported:
   * @file: the file written
   *
   * A chart was written to @file.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pledgeapp/Pledge/pledge-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, width_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, height_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PledgeExportDialog, scale_adjustment);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
pledge_export_dialog_init (PledgeExportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < PLEDGE_N_CHARTS; k++)
    gtk_string_list_append (kinds, pledge_chart_kind_get_title (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* The options start where the user left them last time. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "export-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, format_get_mapping, format_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "export-theme", self->theme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, theme_get_mapping, theme_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "export-width", self->width_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-height", self->height_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-scale", self->scale_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->width_adjustment, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->height_adjustment, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->scale_adjustment, "value-changed", G_CALLBACK (update), self);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  pledge_ui_name_inner_widgets (GTK_WIDGET (self));
}

PledgeExportDialog *
pledge_export_dialog_new (GtkWindow       *parent,
                          PledgeSnapshot  *snapshot,
                          int              year,
                          guint            target,
                          PledgeChartKind  kind)
{
  PledgeExportDialog *self;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);

  self = g_object_new (PLEDGE_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->input = pledge_chart_input_new (snapshot, year, target, NULL);
  self->year = year;
  adw_combo_row_set_selected (self->kind_row, kind);
  update (self);
  return self;
}

void
pledge_export_dialog_set_compare (PledgeExportDialog *self,
                                  PledgeCompare      *compare)
{
  g_return_if_fail (PLEDGE_IS_EXPORT_DIALOG (self));

  pledge_chart_input_set_compare (self->input, compare);
  update (self);
}

void
pledge_export_dialog_set_map_scale (PledgeExportDialog *self,
                                    PledgeMapScale      scale)
{
  g_return_if_fail (PLEDGE_IS_EXPORT_DIALOG (self));

  self->input->map_scale = scale;
  update (self);
}

PledgeMapScale
pledge_export_dialog_get_map_scale (PledgeExportDialog *self)
{
  g_return_val_if_fail (PLEDGE_IS_EXPORT_DIALOG (self), PLEDGE_MAP_SCALE_TARGET);

  return self->input->map_scale;
}

PledgeChartKind
pledge_export_dialog_get_kind (PledgeExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (PLEDGE_IS_EXPORT_DIALOG (self), PLEDGE_CHART_COMPLIANCE);

  selected = adw_combo_row_get_selected (self->kind_row);
  return selected < PLEDGE_N_CHARTS ? (PledgeChartKind) selected : PLEDGE_CHART_COMPLIANCE;
}

void
pledge_export_dialog_set_kind (PledgeExportDialog *self,
                               PledgeChartKind     kind)
{
  g_return_if_fail (PLEDGE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (kind < PLEDGE_N_CHARTS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

PledgeExportFormat
pledge_export_dialog_get_format (PledgeExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (PLEDGE_IS_EXPORT_DIALOG (self), PLEDGE_EXPORT_PNG);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= PLEDGE_EXPORT_PDF ? (PledgeExportFormat) selected : PLEDGE_EXPORT_PNG;
}

void
pledge_export_dialog_set_format (PledgeExportDialog *self,
                                 PledgeExportFormat  format)
{
  g_return_if_fail (PLEDGE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= PLEDGE_EXPORT_PDF);

  adw_combo_row_set_selected (self->format_row, format);
}
