/* pledge-ui-util.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pledge-ui-util.h"

static GtkWidget *find_descendant         (GtkWidget *widget,
                                           GType      type);
static void       watch_decorative_images (GtkWidget *container);

/* Dropdowns */

static void
setup_label_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (GPOINTER_TO_INT (max_chars), 8));
    }
  else
    {
      /* The popover is as wide as a name of 24 characters, so that most
       * are on one line, and wraps longer ones */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *item_widget = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  /* The widget GTK made around the label would be named after its class */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_string_object_get_string (string), -1);
}

/* GTK 4.8's dropdown opens its list at the top: scroll it to the item
 * chosen, as a menu of a long list should, once the list is laid out
 * (its adjustment knows how tall the list is). */
static gboolean
scroll_to_selected (gpointer data)
{
  GtkWidget *list = data;
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_ancestor (list, GTK_TYPE_DROP_DOWN));
  guint selected;

  if (dropdown == NULL || !gtk_widget_get_mapped (list))
    return G_SOURCE_REMOVE;
  selected = gtk_drop_down_get_selected (dropdown);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", selected);
  return G_SOURCE_REMOVE;
}

/* Out of the layout that told the adjustment */
static void
scroll_later (GtkWidget *list)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_selected, g_object_ref (list),
                   g_object_unref);
}

static void
on_list_adjustment_changed (GtkAdjustment *adjustment,
                            GtkDropDown   *dropdown)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (adjustment), "pledge-list");

  if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    return;
  g_signal_handlers_disconnect_by_func (adjustment, on_list_adjustment_changed, dropdown);
  if (list != NULL && gtk_widget_get_mapped (list))
    scroll_later (list);
}

static void
on_popover_map (GtkWidget   *popover,
                GtkDropDown *dropdown)
{
  GtkWidget *list = find_descendant (popover, GTK_TYPE_LIST_VIEW);
  GtkAdjustment *adjustment;

  if (list == NULL)
    return;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  if (adjustment == NULL)
    return;
  g_object_set_data (G_OBJECT (adjustment), "pledge-list", list);
  g_signal_handlers_disconnect_by_func (adjustment, on_list_adjustment_changed, dropdown);
  if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment))
    scroll_later (list);
  else
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_list_adjustment_changed),
                             dropdown, 0);
}

void
pledge_ui_set_label_factories (GtkDropDown *dropdown,
                               int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (max_chars > 0);

  g_signal_connect (button, "setup", G_CALLBACK (setup_label_item), GINT_TO_POINTER (max_chars));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label_item), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label_item), GINT_TO_POINTER (0));
  g_signal_connect (list, "bind", G_CALLBACK (bind_label_item), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      g_signal_connect_object (child, "map", G_CALLBACK (on_popover_map), dropdown, 0);
}

/* File choosers */

typedef struct
{
  GtkWindow           *parent;
  PledgeUiFileChosen   done;
  GtkNativeDialog    **native;
} Chooser;

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_file_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Chooser *chooser = user_data;
  g_autoptr(GFile) file = NULL;

  if (GPOINTER_TO_INT (g_object_get_data (source, "pledge-save")))
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  chooser->done (chooser->parent, file);
  g_object_unref (chooser->parent);
  g_free (chooser);
}
#else
static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    Chooser         *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  /* The chooser (and this closure) go with the last reference. */
  g_object_ref (native);
  g_clear_object (chooser->native);
  chooser->done (chooser->parent, file);
  g_object_unref (native);
}
#endif

void
pledge_ui_choose_file (GtkWindow             *parent,
                       GtkFileChooserAction   action,
                       const char            *title,
                       const char            *accept_label,
                       GtkFileFilter         *filter,
                       GFile                 *folder,
                       const char            *name,
                       GtkNativeDialog      **native,
                       PledgeUiFileChosen     done)
{
  Chooser *chooser;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (native != NULL);
  g_return_if_fail (done != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    chooser = g_new0 (Chooser, 1);
    chooser->parent = g_object_ref (parent);
    chooser->done = done;
    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, accept_label);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    if (folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
      {
        g_object_set_data (G_OBJECT (dialog), "pledge-save", GINT_TO_POINTER (TRUE));
        if (name != NULL)
          gtk_file_dialog_set_initial_name (dialog, name);
        gtk_file_dialog_save (dialog, parent, NULL, on_file_dialog_done, chooser);
      }
    else
      gtk_file_dialog_open (dialog, parent, NULL, on_file_dialog_done, chooser);
  }
#else
  if (*native != NULL)
    return;
  chooser = g_new0 (Chooser, 1);
  chooser->parent = parent;
  chooser->done = done;
  chooser->native = native;
  *native = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (title, parent, action, accept_label,
                                                            _("_Cancel")));
  gtk_native_dialog_set_modal (*native, TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*native), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (*native), folder, NULL);
  if (name != NULL && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (*native), name);
  g_signal_connect_data (*native, "response", G_CALLBACK (on_native_response), chooser,
                         (GClosureNotify) G_CALLBACK (g_free), 0);
  gtk_native_dialog_show (*native);
#endif
}

void
pledge_ui_clear_file_chooser (GtkNativeDialog **native)
{
  g_return_if_fail (native != NULL);

  if (*native == NULL)
    return;
#if !GTK_CHECK_VERSION (4, 10, 0)
  g_signal_handlers_disconnect_matched (*native, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_native_response, NULL);
#endif
  gtk_native_dialog_destroy (*native);
  g_clear_object (native);
}

/* List items */

GtkWidget *
pledge_ui_name_cell_new (int width_chars)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), width_chars);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-text");
  gtk_widget_add_css_class (code, "caption");
  gtk_box_append (GTK_BOX (cell), name);
  gtk_box_append (GTK_BOX (cell), code);
  return cell;
}

GtkWidget *
pledge_ui_name_cell_set (GtkWidget  *cell,
                         const char *name,
                         const char *code)
{
  GtkWidget *code_label;
  GtkWidget *name_label;

  g_return_val_if_fail (GTK_IS_BOX (cell), NULL);

  code_label = gtk_widget_get_last_child (cell);
  name_label = gtk_widget_get_prev_sibling (code_label);
  gtk_label_set_text (GTK_LABEL (name_label), name);
  gtk_label_set_text (GTK_LABEL (code_label), code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return name_label;
}

guint
pledge_ui_new_changed_signal (GType type)
{
  return g_signal_new ("changed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static const char *handler_key = "pledge-changed-handler";

void
pledge_ui_list_item_watch (GtkListItem *list_item,
                           GCallback    update)
{
  gpointer item;
  gulong handler;

  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));
  g_return_if_fail (update != NULL);

  item = gtk_list_item_get_item (list_item);
  handler = g_signal_connect_object (item, "changed", update, list_item, 0);
  g_object_set_data (G_OBJECT (list_item), handler_key, GSIZE_TO_POINTER (handler));
  ((void (*) (gpointer, GtkListItem *)) update) (item, list_item);
}

void
pledge_ui_list_item_unwatch (GtkListItem *list_item)
{
  gpointer item;
  gulong handler;

  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  item = gtk_list_item_get_item (list_item);
  handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), handler_key));
  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), handler_key, NULL);
}

/* Text */

char *
pledge_target_dup_short_title (const PledgeTarget *target)
{
  g_autofree char *min = NULL;

  g_return_val_if_fail (target != NULL, NULL);

  min = g_strdup_printf ("%g", target->min);

  switch (target->metric)
    {
    case PLEDGE_METRIC_DEFENCE_GDP:
      /* Translators: a column title for a target; %s is a number such as 2 */
      return g_strdup_printf (_("%s%% of GDP"), min);
    case PLEDGE_METRIC_TOTAL_GDP:
      /* Translators: a column title for a target counting defence and
       * resilience spending; %s is a number such as 5 */
      return g_strdup_printf (_("%s%% of GDP in all"), min);
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
      /* Translators: a column title for a target; %s is a number such as 20 */
      return g_strdup_printf (_("%s%% on equipment"), min);
    default:
      g_assert_not_reached ();
    }
}

/* Sorting */

int
pledge_ui_compare_double (double a,
                          double b)
{
  /* Unknown figures sort after every known one. */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

void
pledge_ui_set_css_class (GtkWidget  *widget,
                         const char *name,
                         gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* Cells. All but the member's name are GtkInscriptions: a table has
 * hundreds of cells and a GtkLabel lays its text out to measure it, most
 * of the window's start-up; an inscription is as wide as the characters it
 * is told and lays out only what is drawn. */

void
pledge_ui_text_cell_set (GtkWidget  *cell,
                         const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* Before GTK 4.14 an inscription does not tell assistive technology
   * its text by itself. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

/* Room for the longest of some translated words */
guint
pledge_ui_longest (const char *const *words)
{
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n = MAX (n, (guint) g_utf8_strlen (words[i], -1));
  return n;
}

GtkWidget *
pledge_ui_text_cell_new (float xalign,
                         guint nat_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  /* As wide as a label would be: the table scrolls rather than cut text */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  return cell;
}

/* Dialogs */

char *
pledge_ui_describe_load_error (const GError *error)
{
  const char *plain = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == PLEDGE_DATASET_ERROR)
    switch ((PledgeDatasetError) error->code)
      {
      case PLEDGE_DATASET_ERROR_IO:
        plain = _("The file could not be read.");
        break;
      case PLEDGE_DATASET_ERROR_TOO_LARGE:
        plain = _("The file is larger than Pledge opens.");
        break;
      case PLEDGE_DATASET_ERROR_NOT_XML:
        plain = _("The file is not a Pledge dataset, or it is damaged: it is not well-formed XML.");
        break;
      case PLEDGE_DATASET_ERROR_DOCTYPE:
        plain = _("The file declares a document type or entities, which Pledge refuses to "
                  "read, for safety.");
        break;
      case PLEDGE_DATASET_ERROR_VERSION:
        plain = _("The file is in a newer version of the format: a newer Pledge may open it.");
        break;
      case PLEDGE_DATASET_ERROR_INVALID:
        plain = _("The file is a dataset with a mistake in it: a text editor can fix the "
                  "line named below.");
        break;
      case PLEDGE_DATASET_ERROR_SCENARIO:
        plain = _("A scenario in the file cannot be applied to its figures.");
        break;
      default:
        break;
      }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    plain = _("The file does not exist, or no longer does.");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    plain = _("You are not allowed to read the file.");
  else if (error->domain == G_IO_ERROR)
    plain = _("The file could not be read.");

  if (plain == NULL)
    return g_strdup (error->message);
  /* The parser's detail below: where, and what exactly */
  return g_strdup_printf ("%s\n\n%s", plain, error->message);
}

const char *
pledge_ui_toast_get_title (AdwToast *toast)
{
  const char *wrapped;

  g_return_val_if_fail (ADW_IS_TOAST (toast), NULL);

  wrapped = g_object_get_data (G_OBJECT (toast), "pledge-toast-title");
  return wrapped != NULL ? wrapped : adw_toast_get_title (toast);
}

AdwToast *
pledge_ui_toast_new_wrapped (const char *title,
                             const char *button_label,
                             const char *action)
{
  AdwToast *toast;
  GtkWidget *label;

  g_return_val_if_fail (title != NULL, NULL);

  toast = adw_toast_new (title);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  g_object_set_data_full (G_OBJECT (toast), "pledge-toast-title", g_strdup (title), g_free);
  if (button_label != NULL && action != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action);
    }
  return toast;
}

void
pledge_ui_add_close_shortcuts (GtkWindow *window)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WINDOW (window));

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Accessibility */

static void
label_inner_button (GtkWidget *outer)
{
  for (GtkWidget *child = gtk_widget_get_first_child (outer);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, outer, NULL,
                                        -1);
        return;
      }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_type_is_a (G_OBJECT_TYPE (child), type)
        ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What libadwaita builds inside an expander row, not the rows put in it */
static void
label_expander_parts (GtkWidget *widget,
                      GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child) && !ADW_IS_ACTION_ROW (child))
        continue;
      if (GTK_IS_SWITCH (child) || GTK_IS_LIST_BOX (child))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      else if (GTK_IS_IMAGE (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        "", -1);
      label_expander_parts (child, row);
    }
}

/* The icons inside a view switcher's tabs, which are named */
static void
mark_images_decorative (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        "", -1);
      mark_images_decorative (child);
    }
}

/* A view switcher makes its tabs again as pages show and hide: their
 * icons are marked each time */
static void
on_children_changed (GListModel *children,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GtkWidget  *container)
{
  mark_images_decorative (container);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      /* The tabs may sit in a box of their own */
      if (GTK_IS_BOX (child))
        watch_decorative_images (child);
    }
}

static void
watch_decorative_images (GtkWidget *container)
{
  GListModel *children;

  if (g_object_get_data (G_OBJECT (container), "pledge-watched-children") != NULL)
    return;
  children = gtk_widget_observe_children (container);
  g_object_set_data_full (G_OBJECT (container), "pledge-watched-children", children,
                          g_object_unref);
  g_signal_connect_object (children, "items-changed", G_CALLBACK (on_children_changed),
                           container, 0);
  on_children_changed (children, 0, 0, g_list_model_get_n_items (children), container);
}

/* What libadwaita builds inside a combo row to show its choice: named by
 * the row; its arrow is decoration */
static void
label_combo_parts (GtkWidget *widget,
                   GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) || GTK_IS_LIST_BOX (child) ||
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) ==
            GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      else if (GTK_IS_IMAGE (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        "", -1);
      if (!GTK_IS_POPOVER (child))
        label_combo_parts (child, row);
    }
}

void
pledge_ui_name_column_view (GtkColumnView *view,
                            const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (name != NULL);

  /* The column view holds a row of titles and a list of rows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    else
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column titles"), -1);
}

void
pledge_ui_name_inner_widgets (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root) || GTK_IS_MENU_BUTTON (root))
    label_inner_button (root);
  else if (GTK_IS_SPIN_BUTTON (root) || GTK_IS_ENTRY (root))
    {
      GtkWidget *text = find_descendant (root, GTK_TYPE_TEXT);

      if (text != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL, -1);
    }
  else if (ADW_IS_VIEW_SWITCHER (root))
    watch_decorative_images (root);
  else if (ADW_IS_COMBO_ROW (root))
    label_combo_parts (root, root);
  else if (ADW_IS_EXPANDER_ROW (root))
    {
      /* Its switch and its list of rows are labelled by it; its arrow is
       * decoration, with no name of its own */
      label_expander_parts (root, root);
    }
  else if (ADW_IS_VIEW_SWITCHER_BAR (root))
    {
      /* Deep in its action bar, the switcher */
      GtkWidget *inner = find_descendant (root, ADW_TYPE_VIEW_SWITCHER);

      if (inner != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL, -1);
    }
  else if (GTK_IS_SCROLLBAR (root))
    {
      gboolean vertical =
        gtk_orientable_get_orientation (GTK_ORIENTABLE (root)) == GTK_ORIENTATION_VERTICAL;

      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vertical ? _("Vertical scroll bar")
                                               : _("Horizontal scroll bar"),
                                      -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pledge_ui_name_inner_widgets (child);
}

void
pledge_ui_set_accessible (GtkWidget  *widget,
                          const char *name,
                          const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
