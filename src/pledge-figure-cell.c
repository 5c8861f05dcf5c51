/* pledge-figure-cell.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-figure-cell.h"

struct _PledgeFigureCell
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  GtkWidget *entry;      /* made on the first edit: most cells never are */
  char      *text;
  guint      focus_idle;
};

G_DEFINE_FINAL_TYPE (PledgeFigureCell, pledge_figure_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMMIT,
  ENTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            PledgeFigureCell *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  pledge_figure_cell_start_editing (self);
}

static void
on_activate (GtkText          *entry,
             PledgeFigureCell *self)
{
  pledge_figure_cell_stop_editing (self, TRUE);
  g_signal_emit (self, signals[ENTERED], 0);
}

/* Focus that leaves the cell commits, once it has settled: it may only
 * be passing through, e.g. to the text field's context menu. */
static gboolean
focus_settled (gpointer data)
{
  PledgeFigureCell *self = data;

  self->focus_idle = 0;
  if ((gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
    pledge_figure_cell_stop_editing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                PledgeFigureCell        *self)
{
  if (pledge_figure_cell_get_editing (self) && self->focus_idle == 0)
    self->focus_idle = g_idle_add (focus_settled, self);
}

/* A key that starts a number: a digit, a sign or the locale's decimal
 * separator. */
static gboolean
starts_number (guint keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (c == 0)
    return FALSE;
  return g_unichar_isdigit (c) || c == '-' || c == '+' || c == '.' || c == ',';
}

/* Typing a number on a cell starts editing with what was typed, as in a
 * spreadsheet. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PledgeFigureCell      *self)
{
  char utf8[8] = { 0 };

  if (pledge_figure_cell_get_editing (self) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !starts_number (keyval))
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), utf8);
  pledge_figure_cell_start_editing_with (self, utf8);
  return GDK_EVENT_STOP;
}

static void
start_editing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  pledge_figure_cell_start_editing (PLEDGE_FIGURE_CELL (widget));
}

static void
stop_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  pledge_figure_cell_stop_editing (PLEDGE_FIGURE_CELL (widget), g_variant_get_boolean (param));
}

static gboolean
pledge_figure_cell_grab_focus (GtkWidget *widget)
{
  PledgeFigureCell *self = PLEDGE_FIGURE_CELL (widget);

  if (pledge_figure_cell_get_editing (self))
    return gtk_widget_grab_focus (self->entry);
  return GTK_WIDGET_CLASS (pledge_figure_cell_parent_class)->grab_focus (widget);
}

static void
pledge_figure_cell_dispose (GObject *object)
{
  PledgeFigureCell *self = PLEDGE_FIGURE_CELL (object);

  g_clear_handle_id (&self->focus_idle, g_source_remove);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->entry, gtk_widget_unparent);

  G_OBJECT_CLASS (pledge_figure_cell_parent_class)->dispose (object);
}

static void
pledge_figure_cell_finalize (GObject *object)
{
  PledgeFigureCell *self = PLEDGE_FIGURE_CELL (object);

  g_free (self->text);

  G_OBJECT_CLASS (pledge_figure_cell_parent_class)->finalize (object);
}

static void
pledge_figure_cell_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PledgeFigureCell *self = PLEDGE_FIGURE_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, pledge_figure_cell_get_editing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_figure_cell_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PledgeFigureCell *self = PLEDGE_FIGURE_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      pledge_figure_cell_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_figure_cell_class_init (PledgeFigureCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pledge_figure_cell_dispose;
  object_class->finalize = pledge_figure_cell_finalize;
  object_class->get_property = pledge_figure_cell_get_property;
  object_class->set_property = pledge_figure_cell_set_property;
  widget_class->grab_focus = pledge_figure_cell_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PledgeFigureCell::commit:
   * @text: the text the user typed
   *
   * Editing ended with a commit, and the text differs from the figure.
   */
  signals[COMMIT] =
    g_signal_new ("commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PledgeFigureCell::entered:
   *
   * Editing ended with Enter, after ::commit: a table moves on to the
   * cell below, as a spreadsheet does.
   */
  signals[ENTERED] =
    g_signal_new ("entered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "cell.start", NULL, start_editing_action);
  gtk_widget_class_install_action (widget_class, "cell.stop", "b", stop_editing_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "cell.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "cell.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "cell.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "cell.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "cell.stop", "b", FALSE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Adwaita's look for editable labels. */
  gtk_widget_class_set_css_name (widget_class, "editablelabel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pledge_figure_cell_init (PledgeFigureCell *self)
{
  GtkGesture *click;
  GtkEventController *focus, *keys;

  self->text = g_strdup ("");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  /* An inscription: as wide as set_width_chars() says, without laying the
   * text out to measure it (see pledge-member-table.c). */
  self->label = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), 1.0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->label), 8);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->label), 8);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_START);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "", -1);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (self->label, GTK_EVENT_CONTROLLER (click));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.stop", FALSE);
}

/* The editor: a GtkText in place of the label, made when first needed.
 * A table has hundreds of cells and a GtkText is the costliest part of one
 * to make and to measure. */
static GtkWidget *
ensure_entry (PledgeFigureCell *self)
{
  if (self->entry == NULL)
    {
      self->entry = gtk_text_new ();
      gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 4);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("New figure"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Enter keeps it, Escape cancels"), -1);
      gtk_widget_set_visible (self->entry, FALSE);
      g_signal_connect (self->entry, "activate", G_CALLBACK (on_activate), self);
      gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
    }
  return self->entry;
}

GtkWidget *
pledge_figure_cell_new (void)
{
  return g_object_new (PLEDGE_TYPE_FIGURE_CELL, NULL);
}

const char *
pledge_figure_cell_get_text (PledgeFigureCell *self)
{
  g_return_val_if_fail (PLEDGE_IS_FIGURE_CELL (self), NULL);
  return self->text;
}

void
pledge_figure_cell_set_text (PledgeFigureCell *self,
                             const char       *text)
{
  g_return_if_fail (PLEDGE_IS_FIGURE_CELL (self));

  if (text == NULL)
    text = "";

  pledge_figure_cell_stop_editing (self, FALSE);
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
pledge_figure_cell_get_editing (PledgeFigureCell *self)
{
  g_return_val_if_fail (PLEDGE_IS_FIGURE_CELL (self), FALSE);
  return self->entry != NULL && gtk_widget_get_visible (self->entry);
}

void
pledge_figure_cell_start_editing (PledgeFigureCell *self)
{
  g_return_if_fail (PLEDGE_IS_FIGURE_CELL (self));

  pledge_figure_cell_start_editing_with (self, NULL);
}

void
pledge_figure_cell_start_editing_with (PledgeFigureCell *self,
                                       const char       *typed)
{
  g_return_if_fail (PLEDGE_IS_FIGURE_CELL (self));

  if (self->label == NULL || pledge_figure_cell_get_editing (self))
    return;

  gtk_editable_set_text (GTK_EDITABLE (ensure_entry (self)), typed != NULL ? typed : self->text);
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_visible (self->entry, TRUE);
  gtk_widget_grab_focus (self->entry);
  if (typed != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.start", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.stop", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
pledge_figure_cell_stop_editing (PledgeFigureCell *self,
                                 gboolean          commit)
{
  g_autofree char *typed = NULL;
  gboolean had_focus;

  g_return_if_fail (PLEDGE_IS_FIGURE_CELL (self));

  if (!pledge_figure_cell_get_editing (self))
    return;

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  had_focus = (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  g_clear_handle_id (&self->focus_idle, g_source_remove);
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_set_visible (self->label, TRUE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.start", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.stop", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);

  /* The figure stays as it was until whoever listens sets a new one. */
  if (commit && g_strcmp0 (typed, self->text) != 0)
    g_signal_emit (self, signals[COMMIT], 0, typed);
}

GtkEditable *
pledge_figure_cell_get_entry (PledgeFigureCell *self)
{
  g_return_val_if_fail (PLEDGE_IS_FIGURE_CELL (self), NULL);
  return GTK_EDITABLE (ensure_entry (self));
}

void
pledge_figure_cell_set_width_chars (PledgeFigureCell *self,
                                    guint             n_chars)
{
  g_return_if_fail (PLEDGE_IS_FIGURE_CELL (self));

  /* Figures are never cut: the table scrolls instead */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->label), n_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->label), n_chars);
}
