/* pledge-member-table.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pledge-figure-cell.h"
#include "pledge-locale-number.h"
#include "pledge-member-table-private.h"
#include "pledge-ui-util.h"

static void
column_info_free (gpointer data)
{
  ColumnInfo *info = data;

  g_free (info->title);
  g_free (info);
}

G_DEFINE_FINAL_TYPE (PledgeMemberTable, pledge_member_table, GTK_TYPE_WIDGET)

enum {
  EDIT,
  INVALID_INPUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static gboolean
column_is_editable (PledgeMemberColumn kind)
{
  return kind == PLEDGE_MEMBER_COLUMN_DEFENCE ||
         kind == PLEDGE_MEMBER_COLUMN_GDP ||
         kind == PLEDGE_MEMBER_COLUMN_SHARE ||
         kind == PLEDGE_MEMBER_COLUMN_EQUIPMENT;
}

static PledgeField
column_field (PledgeMemberColumn kind)
{
  switch (kind)
    {
    case PLEDGE_MEMBER_COLUMN_DEFENCE:
      return PLEDGE_FIELD_DEFENCE;
    case PLEDGE_MEMBER_COLUMN_GDP:
      return PLEDGE_FIELD_GDP;
    case PLEDGE_MEMBER_COLUMN_SHARE:
      return PLEDGE_FIELD_DEFENCE_GDP;
    case PLEDGE_MEMBER_COLUMN_EQUIPMENT:
      return PLEDGE_FIELD_EQUIPMENT;
    case PLEDGE_MEMBER_COLUMN_NAME:
    case PLEDGE_MEMBER_COLUMN_ALLIANCE:
    case PLEDGE_MEMBER_COLUMN_STATUS:
    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
    case PLEDGE_MEMBER_COLUMN_TARGET:
    default:
      g_assert_not_reached ();
    }
}

static PledgeMemberValue
column_value (PledgeMemberColumn kind)
{
  switch (kind)
    {
    case PLEDGE_MEMBER_COLUMN_DEFENCE:
    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
      return PLEDGE_MEMBER_VALUE_DEFENCE;
    case PLEDGE_MEMBER_COLUMN_GDP:
      return PLEDGE_MEMBER_VALUE_GDP;
    case PLEDGE_MEMBER_COLUMN_SHARE:
    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
      return PLEDGE_MEMBER_VALUE_SHARE;
    case PLEDGE_MEMBER_COLUMN_EQUIPMENT:
      return PLEDGE_MEMBER_VALUE_EQUIPMENT;
    case PLEDGE_MEMBER_COLUMN_ALLIANCE:
      return PLEDGE_MEMBER_VALUE_ALLIANCE;
    case PLEDGE_MEMBER_COLUMN_NAME:
    case PLEDGE_MEMBER_COLUMN_STATUS:
    case PLEDGE_MEMBER_COLUMN_TARGET:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_is_money (PledgeMemberColumn kind)
{
  return kind == PLEDGE_MEMBER_COLUMN_DEFENCE || kind == PLEDGE_MEMBER_COLUMN_GDP ||
         kind == PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE;
}

static const char *
status_label (PledgeStatus status)
{
  static const char *labels[] = {
    [PLEDGE_STATUS_NO_DATA] = N_("No data"),
    [PLEDGE_STATUS_PROJECTED] = N_("Projected"),
    [PLEDGE_STATUS_EDITED] = N_("Edited"),
    [PLEDGE_STATUS_ESTIMATE] = N_("Estimate"),
    [PLEDGE_STATUS_REPORTED] = N_("Reported"),
  };

  g_assert ((guint) status < G_N_ELEMENTS (labels));
  return _(labels[status]);
}

static const char *
meets_label (PledgeMeets meets)
{
  static const char *labels[] = {
    [PLEDGE_MEETS_YES] = N_("Yes"),
    [PLEDGE_MEETS_NO] = N_("No"),
    /* Translators: a member's compliance with a target cannot be computed */
    [PLEDGE_MEETS_UNKNOWN] = N_("Unknown"),
  };

  g_assert ((guint) meets < G_N_ELEMENTS (labels));
  return _(labels[meets]);
}

/* The status as a word inside an accessible name: "estimate". */
static const char *
status_word (PledgeStatus status)
{
  static const char *words[] = {
    /* Translators: these five end a table cell's name for screen readers,
     * "Germany, % of GDP, 2.12, estimate" */
    [PLEDGE_STATUS_NO_DATA] = N_("no data"),
    [PLEDGE_STATUS_PROJECTED] = N_("projected"),
    [PLEDGE_STATUS_EDITED] = N_("edited"),
    [PLEDGE_STATUS_ESTIMATE] = N_("estimate"),
    [PLEDGE_STATUS_REPORTED] = N_("reported"),
  };

  g_assert ((guint) status < G_N_ELEMENTS (words));
  return _(words[status]);
}

static gboolean
column_is_figure (PledgeMemberColumn kind)
{
  return column_is_editable (kind) || kind == PLEDGE_MEMBER_COLUMN_ALLIANCE;
}

/* What a screen reader says of a cell: member, column, value and, for a
 * figure, its status: "Germany, % of GDP, 2.12, estimate". */
static char *
cell_accessible_name (const ColumnInfo *info,
                      PledgeMemberRow  *row,
                      const char       *text)
{
  const char *name = pledge_member_row_get_name (row);

  if (info->kind == PLEDGE_MEMBER_COLUMN_NAME)
    return g_strdup (name);
  if (text == NULL || *text == '\0')
    text = _("no figure");
  if (column_is_figure (info->kind))
    /* Translators: a table cell's name for screen readers: member, column,
     * figure and its status, "Germany, % of GDP, 2.12, estimate" */
    return g_strdup_printf (_("%s, %s, %s, %s"), name, info->title, text,
                            status_word (pledge_member_row_get_status (row)));
  /* Translators: a table cell's name for screen readers: member, column
   * and what the cell says, "Germany, 2% of GDP, Yes" */
  return g_strdup_printf (_("%s, %s, %s"), name, info->title, text);
}

/* The row's name: "Germany, estimate, meets the selected target". */
static char *
row_accessible_name (PledgeMemberRow *row)
{
  const char *meets;

  switch (pledge_member_row_meets_selected (row))
    {
    case PLEDGE_MEETS_YES:
      meets = _("meets the selected target");
      break;
    case PLEDGE_MEETS_NO:
      meets = _("does not meet the selected target");
      break;
    case PLEDGE_MEETS_UNKNOWN:
    default:
      meets = _("not known to meet the selected target");
      break;
    }
  /* Translators: a table row's name for screen readers: member, status of
   * its figures, and whether it meets the target, "Germany, estimate,
   * meets the selected target" */
  return g_strdup_printf (_("%s, %s, %s"), pledge_member_row_get_name (row),
                          status_word (pledge_member_row_get_status (row)), meets);
}

static char *
cell_text (const ColumnInfo *info,
           PledgeMemberRow  *row)
{
  double value;

  if (pledge_member_column_is_measure (info->kind))
    return pledge_member_table_measure_text (info->table, info->kind, row);

  switch (info->kind)
    {
    case PLEDGE_MEMBER_COLUMN_NAME:
      return g_strdup (pledge_member_row_get_name (row));
    case PLEDGE_MEMBER_COLUMN_STATUS:
      return g_strdup (status_label (pledge_member_row_get_status (row)));
    case PLEDGE_MEMBER_COLUMN_TARGET:
      return g_strdup (meets_label (pledge_member_row_meets (row, info->target)));
    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
      return pledge_locale_format_delta_percent (
        pledge_member_row_get_delta (row, PLEDGE_MEMBER_VALUE_SHARE, NULL));
    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
      return pledge_member_table_format_delta (
        pledge_member_row_get_delta (row, PLEDGE_MEMBER_VALUE_DEFENCE, NULL),
        pledge_member_table_money_decimals (info->table, info->kind));
    case PLEDGE_MEMBER_COLUMN_DEFENCE:
    case PLEDGE_MEMBER_COLUMN_GDP:
    case PLEDGE_MEMBER_COLUMN_SHARE:
    case PLEDGE_MEMBER_COLUMN_EQUIPMENT:
    case PLEDGE_MEMBER_COLUMN_ALLIANCE:
    default:
      value = pledge_member_row_get_value (row, column_value (info->kind));
      if (column_is_money (info->kind))
        return pledge_member_table_format_money (
          value, pledge_member_table_money_decimals (info->table, info->kind));
      return pledge_locale_format_percent (value);
    }
}

/* The editing hint of a figure cell, which its accessible description
 * and its tooltip give */
static const char *
figure_hint (const ColumnInfo *info,
             PledgeMemberRow  *row)
{
  return pledge_member_row_is_changed (row, column_value (info->kind))
    ? _("Changed by the scenario. Type a number, or press Enter or F2, to change it")
    : _("Type a number, or press Enter or F2, to change this figure in a scenario");
}

/* What a cell's tooltip says of its row, or NULL */
static char *
cell_tooltip (const ColumnInfo *info,
              PledgeMemberRow  *row)
{
  switch (info->kind)
    {
    case PLEDGE_MEMBER_COLUMN_NAME:
      return pledge_member_row_meets_selected (row) == PLEDGE_MEETS_YES
        ? g_strdup (_("Meets the selected target")) : NULL;

    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
      {
        int against = 0;

        pledge_member_row_get_delta (row, column_value (info->kind), &against);
        if (against != 0 && against != pledge_member_row_get_year (row))
          /* Translators: the tooltip of a difference for a projected year;
           * %d is the member's last reported year */
          return g_strdup_printf (_("Change from %d, the last reported year"), against);
        if (against != 0)
          return g_strdup (_("Change from the reported figure"));
        return NULL;
      }

    default:
      /* the figure cells, the only others that ask */
      return g_strdup (figure_hint (info, row));
    }
}

static gboolean
on_cell_query_tooltip (GtkWidget   *widget,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "pledge-column");
  PledgeMemberRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = row != NULL ? cell_tooltip (info, row) : NULL;

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Tooltips are asked for when one is about to show, not set on each cell
 * at each change: in GTK 4.8 setting one on a shown widget costs an X
 * round trip (the tooltip is queried anew at the pointer), a quarter of
 * what a row's widgets cost to make. */
static void
ask_tooltip (GtkWidget   *widget,
             GtkListItem *list_item)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), list_item);
}

static void
update_cell (PledgeMemberRow *row,
             GtkListItem     *list_item)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "pledge-column");
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *cell = gtk_widget_get_parent (child);
  g_autofree char *text = cell_text (info, row);
  g_autofree char *accessible_name = cell_accessible_name (info, row, text);

  /* The cell GtkColumnView made around the child, and its row, would
   * otherwise be named after their classes. */
  if (cell != NULL)
    {
      GtkWidget *row_widget = gtk_widget_get_parent (cell);

      pledge_ui_set_accessible (cell, accessible_name, NULL);
      if (info->kind == PLEDGE_MEMBER_COLUMN_NAME && row_widget != NULL)
        {
          g_autofree char *row_name = row_accessible_name (row);

          pledge_ui_set_accessible (row_widget, row_name, NULL);
        }
    }

  switch (info->kind)
    {
    case PLEDGE_MEMBER_COLUMN_NAME:
      {
        GtkWidget *icon = gtk_widget_get_first_child (child);
        GtkWidget *name = pledge_ui_name_cell_set (child, text, pledge_member_row_get_code (row));
        gboolean meets = pledge_member_row_meets_selected (row) == PLEDGE_MEETS_YES;

        gtk_widget_set_opacity (icon, meets ? 1.0 : 0.0);
        pledge_ui_set_accessible (icon, meets ? _("Meets the selected target")
                                              : _("Does not meet the selected target"), NULL);
        pledge_ui_set_css_class (name, "meets", meets);
        break;
      }

    case PLEDGE_MEMBER_COLUMN_STATUS:
      {
        PledgeStatus status = pledge_member_row_get_status (row);

        pledge_ui_text_cell_set (child, text);
        pledge_ui_set_css_class (child, "dim-text", status == PLEDGE_STATUS_NO_DATA ||
                                           status == PLEDGE_STATUS_REPORTED);
        pledge_ui_set_css_class (child, "accent", status == PLEDGE_STATUS_EDITED ||
                                        status == PLEDGE_STATUS_PROJECTED);
        break;
      }

    case PLEDGE_MEMBER_COLUMN_TARGET:
      {
        PledgeMeets meets = pledge_member_row_meets (row, info->target);

        pledge_ui_text_cell_set (child, text);
        pledge_ui_set_css_class (child, "success", meets == PLEDGE_MEETS_YES);
        pledge_ui_set_css_class (child, "dim-text", meets != PLEDGE_MEETS_YES);
        break;
      }

    case PLEDGE_MEMBER_COLUMN_ALLIANCE:
    case PLEDGE_MEMBER_COLUMN_CONSTANT:
    case PLEDGE_MEMBER_COLUMN_REAL_CHANGE:
    case PLEDGE_MEMBER_COLUMN_PER_CAPITA:
    case PLEDGE_MEMBER_COLUMN_PERSONNEL:
    case PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE:
    case PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE:
    case PLEDGE_MEMBER_COLUMN_OTHER_SHARE:
      pledge_ui_text_cell_set (child, text);
      break;

    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
      {
        double delta = pledge_member_row_get_delta (row, column_value (info->kind), NULL);
        /* As shown: to two decimals at most. */
        gboolean changed = isfinite (delta) && fabs (delta) >= 0.005;

        pledge_ui_text_cell_set (child, text);
        pledge_ui_set_css_class (child, "accent", changed);
        pledge_ui_set_css_class (child, "dim-text", !changed);
        break;
      }

    case PLEDGE_MEMBER_COLUMN_DEFENCE:
    case PLEDGE_MEMBER_COLUMN_GDP:
    case PLEDGE_MEMBER_COLUMN_SHARE:
    case PLEDGE_MEMBER_COLUMN_EQUIPMENT:
    default:
      {
        gboolean changed = pledge_member_row_is_changed (row, column_value (info->kind));

        pledge_figure_cell_set_text (PLEDGE_FIGURE_CELL (child), text);
        pledge_ui_set_css_class (child, "edited", changed);
        pledge_ui_set_accessible (child, accessible_name, figure_hint (info, row));
        break;
      }
    }
}

static gboolean
commit (PledgeMemberTable *self,
        const ColumnInfo  *info,
        PledgeMemberRow   *row,
        const char        *text)
{
  double value;

  if (!pledge_locale_parse_number (text, &value))
    {
      g_signal_emit (self, signals[INVALID_INPUT], 0, text);
      return FALSE;
    }

  g_signal_emit (self, signals[EDIT], 0,
                 pledge_member_row_get_member (row), (guint) column_field (info->kind), value);
  return TRUE;
}

static void
on_cell_commit (PledgeFigureCell *cell,
                const char       *text,
                GtkListItem      *list_item)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "pledge-column");
  g_autoptr(PledgeMemberRow) row = NULL;

  if (gtk_list_item_get_item (list_item) == NULL)
    return;

  /* The row may be rebound while the dataset changes under it. */
  row = g_object_ref (gtk_list_item_get_item (list_item));
  commit (info->table, info, row, text);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnInfo               *info)
{
  GtkWidget *child;

  g_object_set_data (G_OBJECT (list_item), "pledge-column", info);

  switch (info->kind)
    {
    case PLEDGE_MEMBER_COLUMN_NAME:
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

        child = pledge_ui_name_cell_new (12);
        gtk_widget_add_css_class (icon, "success");
        gtk_box_prepend (GTK_BOX (child), icon);
        ask_tooltip (icon, list_item);
        break;
      }

    case PLEDGE_MEMBER_COLUMN_STATUS:
      child = pledge_ui_text_cell_new (0, pledge_ui_longest ((const char *const []) {
                          status_label (PLEDGE_STATUS_NO_DATA),
                          status_label (PLEDGE_STATUS_PROJECTED),
                          status_label (PLEDGE_STATUS_EDITED),
                          status_label (PLEDGE_STATUS_ESTIMATE),
                          status_label (PLEDGE_STATUS_REPORTED), NULL }) + 1);
      break;

    case PLEDGE_MEMBER_COLUMN_TARGET:
      child = pledge_ui_text_cell_new (0, pledge_ui_longest ((const char *const []) {
                          meets_label (PLEDGE_MEETS_YES), meets_label (PLEDGE_MEETS_NO),
                          meets_label (PLEDGE_MEETS_UNKNOWN), NULL }) + 1);
      break;

    case PLEDGE_MEMBER_COLUMN_ALLIANCE:
    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
      /* "100.00", "+12.34" */
      child = pledge_ui_text_cell_new (1, 7);
      gtk_widget_add_css_class (child, "numeric");
      if (info->kind == PLEDGE_MEMBER_COLUMN_DELTA_SHARE)
        ask_tooltip (child, list_item);
      break;

    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
      /* "+1,234,567" */
      child = pledge_ui_text_cell_new (1, 11);
      gtk_widget_add_css_class (child, "numeric");
      ask_tooltip (child, list_item);
      break;

    case PLEDGE_MEMBER_COLUMN_CONSTANT:
    case PLEDGE_MEMBER_COLUMN_REAL_CHANGE:
    case PLEDGE_MEMBER_COLUMN_PER_CAPITA:
    case PLEDGE_MEMBER_COLUMN_PERSONNEL:
    case PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE:
    case PLEDGE_MEMBER_COLUMN_INFRASTRUCTURE_SHARE:
    case PLEDGE_MEMBER_COLUMN_OTHER_SHARE:
      child = pledge_ui_text_cell_new (1, pledge_member_table_measure_width (info->kind));
      gtk_widget_add_css_class (child, "numeric");
      break;

    case PLEDGE_MEMBER_COLUMN_DEFENCE:
    case PLEDGE_MEMBER_COLUMN_GDP:
    case PLEDGE_MEMBER_COLUMN_SHARE:
    case PLEDGE_MEMBER_COLUMN_EQUIPMENT:
    default:
      child = pledge_figure_cell_new ();
      /* Money up to "99,999,999"; shares up to "100.00" */
      pledge_figure_cell_set_width_chars (PLEDGE_FIGURE_CELL (child),
                                          column_is_money (info->kind) ? 11 : 7);
      gtk_widget_add_css_class (child, "numeric");
      gtk_widget_add_css_class (child, "figure");
      g_signal_connect (child, "commit", G_CALLBACK (on_cell_commit), list_item);
      g_signal_connect_swapped (child, "entered", G_CALLBACK (pledge_member_table_move_down_from),
                                info->table);
      ask_tooltip (child, list_item);
      break;
    }

  g_object_set_data (G_OBJECT (child), PLEDGE_CELL_COLUMN_KEY, info);
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnInfo               *info)
{
  PledgeMemberRow *row = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), PLEDGE_CELL_ROW_KEY, row);
  pledge_ui_list_item_watch (list_item, G_CALLBACK (update_cell));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnInfo               *info)
{
  pledge_ui_list_item_unwatch (list_item);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), PLEDGE_CELL_ROW_KEY, NULL);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const ColumnInfo *info = user_data;
  PledgeMemberRow *ra = (PledgeMemberRow *) a;
  PledgeMemberRow *rb = (PledgeMemberRow *) b;

  if (pledge_member_column_is_measure (info->kind))
    return pledge_ui_compare_double (
      pledge_member_table_measure_value (info->table, info->kind, ra),
      pledge_member_table_measure_value (info->table, info->kind, rb));

  switch (info->kind)
    {
    case PLEDGE_MEMBER_COLUMN_NAME:
      return g_utf8_collate (pledge_member_row_get_name (ra), pledge_member_row_get_name (rb));
    case PLEDGE_MEMBER_COLUMN_STATUS:
      return (int) pledge_member_row_get_status (ra) - (int) pledge_member_row_get_status (rb);
    case PLEDGE_MEMBER_COLUMN_TARGET:
      return (int) pledge_member_row_meets (ra, info->target) -
             (int) pledge_member_row_meets (rb, info->target);
    case PLEDGE_MEMBER_COLUMN_DELTA_SHARE:
    case PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE:
      return pledge_ui_compare_double (
        pledge_member_row_get_delta (ra, column_value (info->kind), NULL),
        pledge_member_row_get_delta (rb, column_value (info->kind), NULL));
    case PLEDGE_MEMBER_COLUMN_DEFENCE:
    case PLEDGE_MEMBER_COLUMN_GDP:
    case PLEDGE_MEMBER_COLUMN_SHARE:
    case PLEDGE_MEMBER_COLUMN_EQUIPMENT:
    case PLEDGE_MEMBER_COLUMN_ALLIANCE:
    default:
      return pledge_ui_compare_double (pledge_member_row_get_value (ra, column_value (info->kind)),
                             pledge_member_row_get_value (rb, column_value (info->kind)));
    }
}

/* Adds a column at position on screen, or at the end for -1. */
static void
add_column (PledgeMemberTable  *self,
            PledgeMemberColumn  kind,
            guint               target,
            const char         *title,
            int                 position)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCustomSorter) sorter = NULL;
  GtkColumnViewColumn *column;
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->table = self;
  info->kind = kind;
  info->target = target;
  info->title = g_strdup (title);

  g_object_set_data_full (G_OBJECT (factory), "pledge-column", info, column_info_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), info);

  column = gtk_column_view_column_new (title, factory);
  sorter = gtk_custom_sorter_new (compare_rows, info, NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (self->column_menu));
  if (kind == PLEDGE_MEMBER_COLUMN_NAME)
    gtk_column_view_column_set_expand (column, TRUE);

  if (position < 0)
    gtk_column_view_append_column (self->column_view, column);
  else
    gtk_column_view_insert_column (self->column_view, position, column);
  g_ptr_array_add (self->columns, column);
}

static void
remove_target_columns (PledgeMemberTable *self)
{
  while (self->columns->len > PLEDGE_MEMBER_COLUMN_TARGET)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, self->columns->len - 1);

      gtk_column_view_remove_column (self->column_view, column);
      g_ptr_array_remove_index (self->columns, self->columns->len - 1);
    }
}

static void
pledge_member_table_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  PledgeMemberTable *self = PLEDGE_MEMBER_TABLE (widget);

  GTK_WIDGET_CLASS (pledge_member_table_parent_class)->size_allocate (widget, width, height,
                                                                      baseline);
  gtk_popover_present (self->menu);
}

static void
pledge_member_table_dispose (GObject *object)
{
  PledgeMemberTable *self = PLEDGE_MEMBER_TABLE (object);

  pledge_member_table_fill_cancel (self);
  pledge_member_table_keys_dispose (self);
  pledge_member_table_columns_dispose (self);
  g_clear_pointer ((GtkWidget **) &self->menu, gtk_widget_unparent);
  g_clear_object (&self->menu_model);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLEDGE_TYPE_MEMBER_TABLE);
  /* The box around the table and its note */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (pledge_member_table_parent_class)->dispose (object);
}

static void
pledge_member_table_class_init (PledgeMemberTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_member_table_dispose;
  widget_class->size_allocate = pledge_member_table_size_allocate;

  /**
   * PledgeMemberTable::edit:
   * @member: the member's index in the dataset
   * @field: the PledgeField the user changed
   * @value: the new value
   *
   * The user typed a new figure into a cell.
   */
  signals[EDIT] =
    g_signal_new ("edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_DOUBLE);

  /**
   * PledgeMemberTable::invalid-input:
   * @text: what the user typed
   *
   * The user typed something that is not a number into a cell.
   */
  signals[INVALID_INPUT] =
    g_signal_new ("invalid-input",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pledgeapp/Pledge/pledge-member-table.ui");
  gtk_widget_class_bind_template_child (widget_class, PledgeMemberTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, PledgeMemberTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, PledgeMemberTable, alliance_note);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  pledge_member_table_menu_class_init (widget_class);
  pledge_member_table_keys_class_init (widget_class);
  gtk_widget_class_set_css_name (widget_class, "membertable");
}

static void
pledge_member_table_init (PledgeMemberTable *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_target = -1;
  pledge_member_table_menu_init (self);
  pledge_member_table_keys_init (self);
  pledge_member_table_columns_init (self);

  self->rows = g_list_store_new (PLEDGE_TYPE_MEMBER_ROW);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  pledge_ui_name_column_view (self->column_view, _("Members"));
  add_column (self, PLEDGE_MEMBER_COLUMN_NAME, 0, _("Member"), -1);
  add_column (self, PLEDGE_MEMBER_COLUMN_DEFENCE, 0, _("Defence"), -1);
  add_column (self, PLEDGE_MEMBER_COLUMN_GDP, 0, _("GDP"), -1);
  /* xgettext:no-c-format */
  add_column (self, PLEDGE_MEMBER_COLUMN_SHARE, 0, _("% of GDP"), -1);
  /* xgettext:no-c-format */
  add_column (self, PLEDGE_MEMBER_COLUMN_EQUIPMENT, 0, _("% on equipment"), -1);
  /* xgettext:no-c-format */
  add_column (self, PLEDGE_MEMBER_COLUMN_ALLIANCE, 0, _("% of alliance"), -1);
  add_column (self, PLEDGE_MEMBER_COLUMN_STATUS, 0, _("Status"), -1);
  /* What a scenario changes, next to what it changes. */
  /* Translators: a column title: how a scenario changes the share of GDP */
  /* xgettext:no-c-format */
  add_column (self, PLEDGE_MEMBER_COLUMN_DELTA_SHARE, 0, _("Δ % of GDP"),
              PLEDGE_MEMBER_COLUMN_SHARE + 1);
  /* Translators: a column title: how a scenario changes defence spending */
  add_column (self, PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE, 0, _("Δ defence"),
              PLEDGE_MEMBER_COLUMN_SHARE + 2);
  for (guint i = PLEDGE_MEMBER_COLUMN_DELTA_SHARE; i <= PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->columns, i), FALSE);

  /* The measures: those about money after the status, the shares of
   * spending after equipment's; shown as the dataset and the user say. */
  for (guint i = PLEDGE_MEMBER_COLUMN_CONSTANT; i <= PLEDGE_MEMBER_COLUMN_PERSONNEL; i++)
    add_column (self, i, 0, pledge_member_table_measure_title (i), -1);
  for (guint i = PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE; i <= PLEDGE_MEMBER_COLUMN_OTHER_SHARE; i++)
    add_column (self, i, 0, pledge_member_table_measure_title (i),
                PLEDGE_MEMBER_COLUMN_EQUIPMENT + 3 + (i - PLEDGE_MEMBER_COLUMN_PERSONNEL_SHARE));
  for (guint i = PLEDGE_MEMBER_COLUMN_CONSTANT; i < PLEDGE_MEMBER_COLUMN_TARGET; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->columns, i), FALSE);
}

GtkWidget *
pledge_member_table_new (void)
{
  return g_object_new (PLEDGE_TYPE_MEMBER_TABLE, NULL);
}

static void
set_targets (PledgeMemberTable *self,
             PledgeDataset     *dataset)
{
  guint n_targets = pledge_dataset_get_n_targets (dataset);

  remove_target_columns (self);
  for (guint t = 0; t < n_targets; t++)
    {
      g_autofree char *title = pledge_target_dup_short_title (pledge_dataset_get_target (dataset, t));

      add_column (self, PLEDGE_MEMBER_COLUMN_TARGET, t, title, -1);
    }
  self->n_targets = n_targets;
}

void
pledge_member_table_set_snapshot (PledgeMemberTable *self,
                                  PledgeSnapshot    *snapshot,
                                  int                year,
                                  guint              target)
{
  PledgeDataset *dataset;
  g_autoptr(GArray) members = NULL;
  guint n_members, n_rows;
  gboolean same = TRUE;

  g_return_if_fail (PLEDGE_IS_MEMBER_TABLE (self));
  g_return_if_fail (snapshot != NULL);

  pledge_member_table_fill_cancel (self);
  dataset = pledge_snapshot_get_dataset (snapshot);
  if (dataset != self->dataset || pledge_dataset_get_n_targets (dataset) != self->n_targets)
    {
      g_list_store_remove_all (self->rows);
      g_set_object (&self->dataset, dataset);
      set_targets (self, dataset);
      pledge_member_table_columns_set_dataset (self, dataset);
    }
  pledge_member_table_columns_set_snapshot (self, snapshot);
  pledge_member_table_columns_set_decimals (self, snapshot, year);
  pledge_member_table_columns_set_alliance_note (self, snapshot, year);

  /* The members of the year, in file order. */
  members = g_array_new (FALSE, FALSE, sizeof (guint));
  n_members = pledge_dataset_get_n_members (dataset);
  for (guint i = 0; i < n_members; i++)
    if (pledge_member_is_member_in (pledge_dataset_get_member (dataset, i), year))
      g_array_append_val (members, i);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n_rows != members->len)
    same = FALSE;
  for (guint i = 0; same && i < n_rows; i++)
    {
      g_autoptr(PledgeMemberRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      same = pledge_member_row_get_member (row) == g_array_index (members, guint, i);
    }

  if (same)
    {
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(PledgeMemberRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

          pledge_member_row_update (row, snapshot, year, target);
        }
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < members->len; i++)
        {
          PledgeMemberRow *row = pledge_member_row_new (g_array_index (members, guint, i));

          pledge_member_row_update (row, snapshot, year, target);
          g_ptr_array_add (rows, row);
        }
      pledge_member_table_fill (self, rows);
    }

  /* The differences show while a scenario does. */
  for (guint i = PLEDGE_MEMBER_COLUMN_DELTA_SHARE; i <= PLEDGE_MEMBER_COLUMN_DELTA_DEFENCE; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->columns, i),
                                        pledge_snapshot_get_scenario (snapshot) >= 0);

  /* The figures changed under the sorters. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkSorter *sorter = gtk_column_view_column_get_sorter (g_ptr_array_index (self->columns, i));

      gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
}

GtkColumnView *
pledge_member_table_get_column_view (PledgeMemberTable *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);
  return self->column_view;
}

GtkColumnViewColumn *
pledge_member_table_get_column (PledgeMemberTable  *self,
                                PledgeMemberColumn  column)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

guint
pledge_member_table_get_n_rows (PledgeMemberTable *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

PledgeMemberRow *
pledge_member_table_find_row (PledgeMemberTable *self,
                              const char        *code)
{
  guint n_rows;

  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PledgeMemberRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (g_strcmp0 (pledge_member_row_get_code (row), code) == 0)
        return row;  /* the store keeps a reference */
    }
  return NULL;
}

static const ColumnInfo *
find_column_info (PledgeMemberTable  *self,
                  PledgeMemberColumn  column)
{
  GtkColumnViewColumn *c;

  if (column >= self->columns->len)
    return NULL;

  /* Each column's factory carries its ColumnInfo. */
  c = g_ptr_array_index (self->columns, column);
  return g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (c)), "pledge-column");
}

/* The row of the member with code and the column's info: FALSE when the
 * table has either not. */
static gboolean
find_row_and_column (PledgeMemberTable   *self,
                     const char          *code,
                     PledgeMemberColumn   column,
                     PledgeMemberRow    **row,
                     const ColumnInfo   **info)
{
  *row = pledge_member_table_find_row (self, code);
  *info = find_column_info (self, column);
  return *row != NULL && *info != NULL;
}

char *
pledge_member_table_dup_cell_text (PledgeMemberTable  *self,
                                   const char         *code,
                                   PledgeMemberColumn  column)
{
  PledgeMemberRow *row;
  const ColumnInfo *info;

  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);

  if (!find_row_and_column (self, code, column, &row, &info))
    return NULL;
  return cell_text (info, row);
}

gboolean
pledge_member_table_commit_text (PledgeMemberTable  *self,
                                 const char         *code,
                                 PledgeMemberColumn  column,
                                 const char         *text)
{
  PledgeMemberRow *row;
  const ColumnInfo *info;

  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), FALSE);
  g_return_val_if_fail (column_is_editable (column), FALSE);

  if (!find_row_and_column (self, code, column, &row, &info))
    g_return_val_if_reached (FALSE);
  return commit (self, info, row, text);
}

GtkWidget *
pledge_member_table_cell_widget (GtkWidget        *widget,
           PledgeMemberRow  *row,
           const ColumnInfo *info)
{
  if (g_object_get_data (G_OBJECT (widget), PLEDGE_CELL_ROW_KEY) == row &&
      g_object_get_data (G_OBJECT (widget), PLEDGE_CELL_COLUMN_KEY) == info)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cell = pledge_member_table_cell_widget (child, row, info);

      if (cell != NULL)
        return cell;
    }
  return NULL;
}

GtkWidget *
pledge_member_table_find_cell (PledgeMemberTable  *self,
                               const char         *code,
                               PledgeMemberColumn  column)
{
  PledgeMemberRow *row;
  const ColumnInfo *info;

  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!find_row_and_column (self, code, column, &row, &info))
    return NULL;
  return pledge_member_table_cell_widget (GTK_WIDGET (self->column_view), row, info);
}

void
pledge_member_table_set_plan_target (PledgeMemberTable *self,
                                     int                target)
{
  g_return_if_fail (PLEDGE_IS_MEMBER_TABLE (self));

  self->plan_target = target;
}

void
pledge_member_table_popup_menu (PledgeMemberTable *self,
                                const char        *code)
{
  GtkWidget *cell;

  g_return_if_fail (PLEDGE_IS_MEMBER_TABLE (self));
  g_return_if_fail (code != NULL);

  cell = pledge_member_table_find_cell (self, code, PLEDGE_MEMBER_COLUMN_NAME);
  if (cell != NULL)
    pledge_member_table_popup_for_widget (self, cell);
}

GtkPopover *
pledge_member_table_get_menu (PledgeMemberTable *self)
{
  g_return_val_if_fail (PLEDGE_IS_MEMBER_TABLE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->menu)) ? self->menu : NULL;
}
