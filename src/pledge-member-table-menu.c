/* pledge-member-table-menu.c: a row's context menu
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A right click, a long press, Shift+F10 or the Menu key open the menu of
 * a row: reach the plan's target, grow the member's spending.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pledge-member-table-private.h"
#include "pledge-ui-util.h"

/* The row a cell's widget, or a widget inside it, shows. */
PledgeMemberRow *
pledge_member_table_row_of_widget (PledgeMemberTable *self,
                                   GtkWidget         *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      PledgeMemberRow *row = g_object_get_data (G_OBJECT (widget), PLEDGE_CELL_ROW_KEY);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
fill_menu (PledgeMemberTable *self,
           PledgeMemberRow   *row)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) grow = NULL;
  GVariant *code = g_variant_new_string (pledge_member_row_get_code (row));

  g_variant_ref_sink (code);
  g_menu_remove_all (self->menu_model);

  if (self->dataset != NULL && self->plan_target >= 0 &&
      (guint) self->plan_target < pledge_dataset_get_n_targets (self->dataset))
    {
      const PledgeTarget *target = pledge_dataset_get_target (self->dataset, self->plan_target);
      g_autofree char *title = pledge_target_dup_short_title (target);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) reach = NULL;

      /* Translators: a menu item that grows a member's defence spending
       * so that it meets a target by its due year: "Reach 3.5% of GDP by 2035" */
      label = g_strdup_printf (_("Reach %s by %d"), title, target->due);
      reach = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (reach, "win.reach-target", code);
      g_menu_append_item (section, reach);
    }

  grow = g_menu_item_new (_("_Grow Spending…"), NULL);
  g_menu_item_set_action_and_target_value (grow, "win.grow-member", code);
  g_menu_append_item (section, grow);

  g_menu_append_section (self->menu_model, pledge_member_row_get_name (row), G_MENU_MODEL (section));
  g_variant_unref (code);
}

static void
popup_menu (PledgeMemberTable *self,
            PledgeMemberRow   *row,
            double             x,
            double             y,
            double             width,
            double             height)
{
  GdkRectangle rect = { (int) x, (int) y, MAX (1, (int) width), MAX (1, (int) height) };

  fill_menu (self, row);
  gtk_popover_set_pointing_to (self->menu, &rect);
  gtk_popover_popup (self->menu);
}

/* Opens the menu of the row the widget is in, pointing at the widget. */
gboolean
pledge_member_table_popup_for_widget (PledgeMemberTable *self,
                                      GtkWidget         *widget)
{
  PledgeMemberRow *row = pledge_member_table_row_of_widget (self, widget);
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return FALSE;
  popup_menu (self, row, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  return TRUE;
}

/* A right click or a long press opens the menu of the row under it. */
static void
popup_menu_at (PledgeMemberTable *self,
               GtkGesture        *gesture,
               double             x,
               double             y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  PledgeMemberRow *row = pledge_member_table_row_of_widget (self, picked);

  if (row == NULL)
    return;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, row, x, y, 1, 1);
}

static void
on_secondary_click (GtkGestureClick   *gesture,
                    int                n_press,
                    double             x,
                    double             y,
                    PledgeMemberTable *self)
{
  popup_menu_at (self, GTK_GESTURE (gesture), x, y);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               PledgeMemberTable   *self)
{
  popup_menu_at (self, GTK_GESTURE (gesture), x, y);
}

/* Shift+F10 and the Menu key: the menu of the row with the focus. */
static gboolean
popup_menu_shortcut (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  PledgeMemberTable *self = PLEDGE_MEMBER_TABLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    return FALSE;
  return pledge_member_table_popup_for_widget (self, focus);
}

void
pledge_member_table_menu_init (PledgeMemberTable *self)
{
  GtkGesture *click, *long_press;

  self->menu_model = g_menu_new ();
  self->menu = GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu_model)));
  gtk_popover_set_has_arrow (self->menu, FALSE);
  gtk_popover_set_position (self->menu, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

void
pledge_member_table_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, popup_menu_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, popup_menu_shortcut, NULL);
}
