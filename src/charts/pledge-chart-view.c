/* pledge-chart-view.c: a widget that shows one chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget draws through the renderers that exports use: its snapshot
 * calls pledge_chart_draw() on an image of its size and shows that image
 * until the chart changes. Tooltips ask pledge_chart_hit_test() which member
 * is under the pointer, with the same layout.
 *
 * The keyboard reaches each member (pledge-chart-focus.h): the arrows move
 * a focus ring from element to element (the renderer's locate: a bar, a
 * row, a point, a country), Enter asks to edit the member's figure
 * (::activate-member), and on the compliance chart's bars and the trend's
 * points in the year Up, Down, + and − change the share of GDP by 0.01
 * (Shift: 0.1) and the bar or point can be dragged to a share (::nudge,
 * ::drag-update, ::drag-end, ::drag-cancel). For
 * assistive technology each member is a label of its own under the view,
 * laid over its bar but never drawn, and the view's name follows the
 * focus: "Germany, 1.20% of GDP, below 2% of GDP".
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "pledge-chart-focus.h"
#include "pledge-chart-text.h"
#include "pledge-chart-view.h"

struct _PledgeChartView
{
  GtkWidget           parent_instance;

  PledgeChartKind     kind;
  gboolean            dark;
  PledgeChartStyle    style;
  PledgeChartInput   *input;

  /* The chart as last drawn, at its size and scale: the focus ring, the
   * focused member's figures and a drag's share are drawn over it */
  GdkTexture         *chart;
  int                 chart_width;
  int                 chart_height;
  int                 chart_scale;
  /* Where each member is drawn at elements_width x elements_height, from
   * one layout, kept as long as the chart: the focus ring, its label, the
   * accessible labels and drags ask at every key, frame and allocation */
  GArray             *elements;
  int                *element_of;     /* each member's first element, -1 for none */
  int                 elements_width;
  int                 elements_height;

  GArray             *members;       /* the keyboard's order, member indices */
  int                 focus_member;  /* -1: none yet */
  /* GtkLabel, one per member of members from labels_first on: every
   * member, or LABELS_PLACED_MAX around the focused one */
  GPtrArray          *labels;
  guint               labels_first;

  /* The map's colours, and the toggle of the map page that sets them */
  PledgeMapScale      map_scale;
  GtkWidget          *map_toggle;

  /* A bar being dragged */
  GtkGesture         *drag;
  gboolean            dragging;
  PledgeChartElement  drag_element;  /* as it was when the drag began */
  double              drag_start_y;
  double              drag_value;
};

/* The most members a press looks through for the point it is on */
#define MAX_DRAG_SEARCH 64

/* How far from a bar or a point a press still takes it, in pixels */
#define DRAG_SLOP 6

G_DEFINE_FINAL_TYPE (PledgeChartView, pledge_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DARK,
  PROP_MAP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ACTIVATE_MEMBER,
  NUDGE,
  DRAG_UPDATE,
  DRAG_END,
  DRAG_CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The chart itself changed: draw it anew */
static void
invalidate_chart (PledgeChartView *self)
{
  g_clear_object (&self->chart);
  g_clear_pointer (&self->elements, g_array_unref);
  g_clear_pointer (&self->element_of, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

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

  /* Focused, the view is named after its member; the summary follows */
  if (self->input != NULL && self->focus_member >= 0 && gtk_widget_is_focus (GTK_WIDGET (self)))
    {
      g_autofree char *element = pledge_chart_focus_describe (self->input, self->focus_member);
      g_autofree char *summary = g_strdup_printf ("%s. %s", label, title ? title : "");

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, element,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                      -1);
      return;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title ? title : "",
                                  -1);
}

/* Where member is drawn at width x height, as pledge_chart_focus_element()
 * says (members only, not the total; the whole chart when it cannot say),
 * from the elements kept for that size */
static gboolean
member_element (PledgeChartView    *self,
                int                 member,
                int                 width,
                int                 height,
                PledgeChartElement *element)
{
  *element = (PledgeChartElement) { member, 0, 0, width, height, FALSE, 0, 0, 0, 0,
                                    width / 2.0, height / 2.0 };
  if (self->input == NULL || member < 0 || (guint) member >= self->input->n_members ||
      width <= 0 || height <= 0)
    return FALSE;
  if (self->elements == NULL || self->elements_width != width || self->elements_height != height)
    {
      g_clear_pointer (&self->elements, g_array_unref);
      self->elements = pledge_chart_locate_all (self->kind, width, height, &self->style,
                                                self->input);
      self->elements_width = width;
      self->elements_height = height;
      g_free (self->element_of);
      self->element_of = g_new (int, self->input->n_members + 1);
      for (guint m = 0; m <= self->input->n_members; m++)
        self->element_of[m] = -1;
      /* A member's first element, as pledge_chart_locate() gives it */
      for (guint e = self->elements->len; e-- > 0;)
        self->element_of[g_array_index (self->elements, PledgeChartElement, e).member] = (int) e;
    }
  if (self->element_of[member] < 0)
    return FALSE;
  *element = g_array_index (self->elements, PledgeChartElement, self->element_of[member]);
  return TRUE;
}

static gboolean
focused_element (PledgeChartView    *self,
                 PledgeChartElement *element)
{
  if (self->input == NULL || self->focus_member < 0)
    return FALSE;
  return member_element (self, self->focus_member, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), element);
}

/* The labels are placed from one layout of the whole chart an allocation
 * (a layout a label cost n^2 text measurements: 32 members took ~40 ms an
 * allocation, 3,334 a minute). Beyond this many members only the focused
 * one's label is placed over its bar. */
#define LABELS_PLACED_MAX 64

/* The index in members of the focused member, or 0 */
static guint
focus_index (PledgeChartView *self)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (g_array_index (self->members, int, i) == self->focus_member)
      return i;
  return 0;
}

/* One label per member, under the view: what the AT-SPI tree shows of
 * the chart's elements. Of more members than LABELS_PLACED_MAX, the
 * focused one and its neighbours in the keyboard's order, the window
 * moving with the focus: a label a member (3,334 of them, set and
 * measured anew at each year) blocked the window for 0.15-0.3 s at every
 * page or year, and a screen reader reaches each member by the arrows. */
static void
update_labels (PledgeChartView *self)
{
  guint n_all = self->members != NULL ? self->members->len : 0;
  guint n = MIN (n_all, LABELS_PLACED_MAX);
  guint focus = focus_index (self);

  self->labels_first = focus >= n / 2 ? MIN (focus - n / 2, n_all - n) : 0;

  while (self->labels->len > n)
    {
      gtk_widget_unparent (g_ptr_array_index (self->labels, self->labels->len - 1));
      g_ptr_array_remove_index (self->labels, self->labels->len - 1);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text =
        pledge_chart_focus_describe (self->input,
                                     g_array_index (self->members, int, self->labels_first + i));
      GtkWidget *label;

      if (i == self->labels->len)
        {
          label = gtk_label_new (NULL);
          gtk_widget_set_can_target (label, FALSE);
          gtk_widget_set_parent (label, GTK_WIDGET (self));
          g_ptr_array_add (self->labels, label);
        }
      label = g_ptr_array_index (self->labels, i);
      gtk_label_set_text (GTK_LABEL (label), text);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_members (PledgeChartView *self)
{
  g_clear_pointer (&self->members, g_array_unref);
  if (self->input != NULL)
    self->members = pledge_chart_focus_members (self->kind, self->input);
  /* The member keeps the focus while it is in the chart */
  if (self->members == NULL || self->focus_member < 0 ||
      pledge_chart_focus_step (self->members, self->focus_member, 0) != self->focus_member)
    self->focus_member = self->members != NULL && self->members->len > 0 &&
                         gtk_widget_is_focus (GTK_WIDGET (self))
                           ? g_array_index (self->members, int, 0) : -1;
  update_labels (self);
}

static void
set_focus_member (PledgeChartView *self,
                  int              member)
{
  gboolean same = self->focus_member == member;
  guint focus;

  self->focus_member = member;
  /* The labels follow a focus that leaves their window */
  focus = focus_index (self);
  if (self->members != NULL && self->members->len > LABELS_PLACED_MAX &&
      (focus < self->labels_first || focus >= self->labels_first + self->labels->len))
    update_labels (self);
  /* The name, even when the member stays: focus may have just come */
  update_accessible (self);
  if (same)
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Of many members only the focused one's label lies over its bar */
  if (self->members != NULL && self->members->len > LABELS_PLACED_MAX)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  /* The tooltip follows the focus */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* A line of text on a plate by element: above it when above, else below
 * it (each where there is room), kept inside the view */
static void
append_label (PledgeChartView          *self,
              GtkSnapshot              *snapshot,
              const char               *text,
              const PledgeChartElement *element,
              gboolean                  above)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int lw, lh;
  double x, y;
  GdkRGBA fg = { self->style.foreground.red, self->style.foreground.green,
                 self->style.foreground.blue, 1 };
  GdkRGBA bg = { self->style.background.red, self->style.background.green,
                 self->style.background.blue, 0.92 };
  GdkRGBA edge = { self->style.muted.red, self->style.muted.green, self->style.muted.blue, 1 };

  pango_layout_get_pixel_size (layout, &lw, &lh);
  x = element->x + element->width / 2 - lw / 2.0;
  if (above ? element->y - lh - 8 < 0 : element->y + element->height + lh + 8 > height)
    above = !above;
  y = above ? element->y - lh - 8 : element->y + element->height + 8;
  x = CLAMP (x, 4, MAX (4, width - lw - 4));
  y = CLAMP (y, 2, MAX (2, height - lh - 2));
  gtk_snapshot_append_border (snapshot,
                              &GSK_ROUNDED_RECT_INIT (x - 5, y - 3, lw + 10, lh + 6),
                              (float []) { 1, 1, 1, 1 },
                              (GdkRGBA []) { edge, edge, edge, edge });
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (x - 4, y - 2, lw + 8, lh + 4));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* The chart drawn on pixels of the widget's scale, not recorded for GTK
 * to replay: the renderers' bitmap paths (stamped marks, halos, hatching)
 * apply on screen as in a PNG, and moving the focus ring or a tooltip does
 * not draw the chart again (3,334 members: tens of milliseconds). */
static GdkTexture *
draw_chart (PledgeChartView *self,
            int              width,
            int              height,
            int              scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                         height * scale);
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  pledge_chart_draw (self->kind, cr, width, height, &self->style, self->input);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  /* cairo's ARGB32 is GDK's default memory format: premultiplied, native
   * byte order; the bytes keep the surface */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      (gsize) (height * scale),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 (gsize) cairo_image_surface_get_stride (surface));
}

/* A page not shown lets its image go (a window-sized bitmap a page); it
 * is drawn again when the page shows */
static void
pledge_chart_view_unmap (GtkWidget *widget)
{
  g_clear_object (&PLEDGE_CHART_VIEW (widget)->chart);
  GTK_WIDGET_CLASS (pledge_chart_view_parent_class)->unmap (widget);
}

static void
pledge_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (self->input == NULL || width <= 0 || height <= 0)
    return;

  if (self->chart == NULL || self->chart_width != width || self->chart_height != height ||
      self->chart_scale != scale)
    {
      g_clear_object (&self->chart);
      self->chart = draw_chart (self, width, height, scale);
      self->chart_width = width;
      self->chart_height = height;
      self->chart_scale = scale;
    }
  if (self->chart != NULL)
    gtk_snapshot_append_texture (snapshot, self->chart, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The focus ring around the member the keyboard is on; the whole chart
   * when it cannot say where that is */
  if (gtk_widget_has_focus (widget) && self->focus_member >= 0)
    {
      PledgeChartElement element;
      const PledgeChartColour *ring = &self->style.target;
      cairo_t *cr;

      if (!focused_element (self, &element))
        element = (PledgeChartElement) { self->focus_member, 2, 2, width - 4, height - 4 };
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (element.x - 5, element.y - 5,
                                                           element.width + 10,
                                                           element.height + 10));
      cairo_set_source_rgba (cr, ring->red, ring->green, ring->blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double []) { 4, 3 }, 2, 0);
      cairo_rectangle (cr, element.x - 3, element.y - 3, element.width + 6, element.height + 6);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }

  /* The share a drag sets, over the bar or point where it is now (the bars
   * sort as it moves) */
  if (self->dragging)
    {
      g_autofree char *value = pledge_chart_format_number (self->drag_value, 2);
      /* Translators: the share a dragged bar is at: "2.00% of GDP" */
      g_autofree char *text = g_strdup_printf (_("%s%% of GDP"), value);
      PledgeChartElement now;

      if (!member_element (self, self->drag_element.member, width, height, &now))
        now = self->drag_element;
      append_label (self, snapshot, text, &now, TRUE);
    }
  /* What the focused element is, by its ring: GTK 4 shows no tooltip for
   * the keyboard, and sighted keyboard users should read what a screen
   * reader says */
  else
    {
      g_autofree char *text = pledge_chart_view_dup_focus_text (self);
      PledgeChartElement element;

      if (text != NULL && focused_element (self, &element))
        append_label (self, snapshot, text, &element, FALSE);
      else if (text != NULL)
        append_label (self, snapshot, text,
                      &(PledgeChartElement) { self->focus_member, 0, 0, width, 0 }, FALSE);
    }
  if (self->map_toggle != NULL)
    gtk_widget_snapshot_child (widget, self->map_toggle, snapshot);
}

/* The member labels lie over their bars, never drawn: the view's snapshot
 * does not draw its children */
static void
pledge_chart_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  PledgeChartView *self = PLEDGE_CHART_VIEW (widget);

  /* The map's toggle in the top right corner, clear of the left-aligned
   * title */
  if (self->map_toggle != NULL)
    {
      int tw, th;

      gtk_widget_measure (self->map_toggle, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &tw, NULL, NULL);
      gtk_widget_measure (self->map_toggle, GTK_ORIENTATION_VERTICAL, tw, NULL, &th, NULL, NULL);
      gtk_widget_size_allocate (self->map_toggle,
                                &(GtkAllocation) { MAX (0, width - tw - 12), 8, tw, th }, -1);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->labels, i);
      PledgeChartElement element = { 0 };
      int member = g_array_index (self->members, int, self->labels_first + i);
      int min_w, min_h;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);

      /* Every label's element from the one layout kept for this size */
      if ((self->members->len > LABELS_PLACED_MAX && member != self->focus_member) ||
          !member_element (self, member, width, height, &element))
        element = (PledgeChartElement) { 0 };
      gtk_widget_size_allocate (label,
                                &(GtkAllocation) { (int) element.x, (int) element.y,
                                                   MAX (min_w, (int) element.width),
                                                   MAX (min_h, (int) element.height) },
                                -1);
    }
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

  if (self->input == NULL)
    return FALSE;

  /* From the keyboard, or with the pointer away from any member: the
   * focused member's */
  if (keyboard_mode && self->focus_member >= 0)
    {
      PledgeChartElement element;

      text = pledge_chart_input_describe_member (self->input, self->focus_member);
      gtk_tooltip_set_text (tooltip, text);
      if (focused_element (self, &element))
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) element.x, (int) element.y,
                                                             MAX (1, (int) element.width),
                                                             MAX (1, (int) element.height) });
      return TRUE;
    }
  if (keyboard_mode)
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

/* Keyboard */

static gboolean
can_edit_share (PledgeChartView *self)
{
  PledgeChartElement element;

  /* A compliance bar or a trend's point in the year: a share of GDP */
  return focused_element (self, &element) && element.draggable;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PledgeChartView       *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType consumed = event != NULL ? gdk_key_event_get_consumed_modifiers (event) : 0;
  gboolean shift = (state & ~consumed & GDK_SHIFT_MASK) != 0;
  double step = shift ? 0.1 : 0.01;
  int delta = 0;

  if (self->input == NULL || self->members == NULL || self->members->len == 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Escape && self->dragging)
    {
      self->dragging = FALSE;
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      g_signal_emit (self, signals[DRAG_CANCEL], 0, self->drag_element.member);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    }
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      delta = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      delta = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      delta = -(int) self->members->len;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      delta = (int) self->members->len;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->focus_member < 0)
        return GDK_EVENT_PROPAGATE;
      g_signal_emit (self, signals[ACTIVATE_MEMBER], 0, self->focus_member);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      if (!can_edit_share (self))
        return GDK_EVENT_PROPAGATE;
      g_signal_emit (self, signals[NUDGE], 0, self->focus_member, step);
      return GDK_EVENT_STOP;
    case GDK_KEY_underscore:
      /* Shift and the minus key */
      step = 0.1;
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (!can_edit_share (self))
        return GDK_EVENT_PROPAGATE;
      g_signal_emit (self, signals[NUDGE], 0, self->focus_member, -step);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  set_focus_member (self, pledge_chart_focus_step (self->members, self->focus_member, delta));
  return GDK_EVENT_STOP;
}

static void
on_focus_enter (PledgeChartView *self)
{
  if (self->focus_member < 0 && self->members != NULL && self->members->len > 0)
    self->focus_member = g_array_index (self->members, int, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Focus gone, or settled: the name and the ring follow */
static void
on_focus_leave (PledgeChartView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Dragging a bar */

/* Whether member's element can be dragged from (x, y): on the bar, or on
 * the trend's point in the year, not anywhere along its line */
static gboolean
drags_from (PledgeChartView    *self,
            int                 member,
            double              x,
            double              y,
            PledgeChartElement *element)
{
  return member >= 0 && (guint) member < self->input->n_members &&
         member_element (self, member, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), element) &&
         element->draggable &&
         x >= element->x - DRAG_SLOP && x <= element->x + element->width + DRAG_SLOP &&
         y >= element->y - DRAG_SLOP && y <= element->y + element->height + DRAG_SLOP;
}

/* The member whose element a press at (x, y) drags, or -1: the one under
 * it, else the focused one, else (a few members) any whose point it is
 * on, as the trend's direct labels may lie over its last year's points */
static int
draggable_at (PledgeChartView    *self,
              double              x,
              double              y,
              PledgeChartElement *element)
{
  int hit = pledge_chart_hit_test (self->kind, gtk_widget_get_width (GTK_WIDGET (self)),
                                   gtk_widget_get_height (GTK_WIDGET (self)), &self->style,
                                   self->input, x, y);

  if (drags_from (self, hit, x, y, element))
    return hit;
  if (self->focus_member != hit && drags_from (self, self->focus_member, x, y, element))
    return self->focus_member;
  if (self->members != NULL && self->members->len <= MAX_DRAG_SEARCH)
    for (guint i = 0; i < self->members->len; i++)
      {
        int member = g_array_index (self->members, int, i);

        if (member != hit && member != self->focus_member &&
            drags_from (self, member, x, y, element))
          return member;
      }
  return -1;
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               PledgeChartView *self)
{
  int member;
  PledgeChartElement element;

  if (self->input == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  member = draggable_at (self, x, y, &element);
  if (member < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_member (self, member);
  self->drag_element = element;
  self->drag_start_y = y;
  self->drag_value = self->input->members[member].defence_gdp;
  self->dragging = TRUE;
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           offset_x,
                double           offset_y,
                PledgeChartView *self)
{
  double value;

  if (!self->dragging)
    return;
  value = pledge_chart_focus_value_at (&self->drag_element, self->drag_start_y + offset_y);
  if (value == self->drag_value)
    return;
  self->drag_value = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[DRAG_UPDATE], 0, self->drag_element.member, value);
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           offset_x,
             double           offset_y,
             PledgeChartView *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[DRAG_END], 0, self->drag_element.member);
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
  invalidate_chart (self);
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
  g_clear_object (&self->chart);
  g_clear_pointer (&self->elements, g_array_unref);
  g_clear_pointer (&self->element_of, g_free);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->map_toggle, gtk_widget_unparent);
  if (self->labels != NULL)
    {
      for (guint i = 0; i < self->labels->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->labels, i));
      g_clear_pointer (&self->labels, g_ptr_array_unref);
    }

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
    case PROP_MAP_SCALE:
      g_value_set_enum (value, self->map_scale);
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
    case PROP_MAP_SCALE:
      pledge_chart_view_set_map_scale (self, g_value_get_enum (value));
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
  widget_class->size_allocate = pledge_chart_view_size_allocate;
  widget_class->unmap = pledge_chart_view_unmap;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PLEDGE_TYPE_CHART_KIND, PLEDGE_CHART_COMPLIANCE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_SCALE] =
    g_param_spec_enum ("map-scale", NULL, NULL,
                       PLEDGE_TYPE_MAP_SCALE, PLEDGE_MAP_SCALE_TARGET,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PledgeChartView::activate-member:
   * @member: the member's index in the dataset
   *
   * Enter on a member: edit its figures as the table does.
   */
  signals[ACTIVATE_MEMBER] =
    g_signal_new ("activate-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * PledgeChartView::nudge:
   * @member: the member's index in the dataset
   * @delta: what to add to its share of GDP: ±0.01 or ±0.1
   */
  signals[NUDGE] =
    g_signal_new ("nudge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /**
   * PledgeChartView::drag-update:
   * @member: the member whose bar is dragged
   * @value: the share of GDP the bar is at, snapped to 0.01
   *
   * A drag moved a bar; ::drag-end or ::drag-cancel follow.
   */
  signals[DRAG_UPDATE] =
    g_signal_new ("drag-update", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  signals[DRAG_END] =
    g_signal_new ("drag-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* Escape during a drag: put the figure back */
  signals[DRAG_CANCEL] =
    g_signal_new ("drag-cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "pledge-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pledge_chart_view_init (PledgeChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *keys, *focus;

  self->kind = PLEDGE_CHART_COMPLIANCE;
  self->dark = adw_style_manager_get_dark (manager);
  pledge_chart_style_init (&self->style, self->dark);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_manager_dark), self, 0);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  self->focus_member = -1;
  self->labels = g_ptr_array_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_leave), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->drag = gtk_gesture_drag_new ();
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));
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

static void
on_map_toggled (GtkToggleButton *toggle,
                PledgeChartView *self)
{
  pledge_chart_view_set_map_scale (self, gtk_toggle_button_get_active (toggle)
                                           ? PLEDGE_MAP_SCALE_SHARE : PLEDGE_MAP_SCALE_TARGET);
}

/* The map page's toggle: members by the target, or on a scale of their
 * share of GDP */
static void
update_map_toggle (PledgeChartView *self)
{
  if (self->kind != PLEDGE_CHART_MAP)
    {
      g_clear_pointer (&self->map_toggle, gtk_widget_unparent);
      return;
    }
  if (self->map_toggle != NULL)
    return;
  /* Translators: a toggle on the map: colour members by their share of
   * GDP rather than by whether they meet the target */
  self->map_toggle = gtk_toggle_button_new_with_mnemonic (_("_Share of GDP"));
  gtk_widget_set_tooltip_text (self->map_toggle,
                               _("Colour members by their share of GDP, not by the target"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->map_toggle),
                                self->map_scale == PLEDGE_MAP_SCALE_SHARE);
  g_signal_connect (self->map_toggle, "toggled", G_CALLBACK (on_map_toggled), self);
  gtk_widget_set_parent (self->map_toggle, GTK_WIDGET (self));
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
  update_map_toggle (self);
  update_members (self);
  update_accessible (self);
  invalidate_chart (self);
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
  /* The view's, whoever made the input */
  if (input != NULL)
    input->map_scale = self->map_scale;
  update_members (self);
  update_accessible (self);
  invalidate_chart (self);
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

/**
 * pledge_chart_view_dup_focus_text:
 *
 * The text drawn by the focus ring: the focused element's description,
 * or %NULL when the view has no keyboard focus on an element.
 */
char *
pledge_chart_view_dup_focus_text (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), NULL);

  if (self->input == NULL || self->focus_member < 0 ||
      (guint) self->focus_member >= self->input->n_members ||
      !gtk_widget_has_focus (GTK_WIDGET (self)))
    return NULL;
  return pledge_chart_focus_describe (self->input, self->focus_member);
}

PledgeMapScale
pledge_chart_view_get_map_scale (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), PLEDGE_MAP_SCALE_TARGET);

  return self->map_scale;
}

/**
 * pledge_chart_view_set_map_scale:
 *
 * What the map colours members by; its toggle follows. Other charts keep
 * it for when they show the map.
 */
void
pledge_chart_view_set_map_scale (PledgeChartView *self,
                                 PledgeMapScale   scale)
{
  g_return_if_fail (PLEDGE_IS_CHART_VIEW (self));

  if (self->map_scale == scale)
    return;
  self->map_scale = scale;
  if (self->input != NULL)
    self->input->map_scale = scale;
  if (self->map_toggle != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->map_toggle),
                                  scale == PLEDGE_MAP_SCALE_SHARE);
  update_accessible (self);
  invalidate_chart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_SCALE]);
}

GtkWidget *
pledge_chart_view_get_map_toggle (PledgeChartView *self)
{
  g_return_val_if_fail (PLEDGE_IS_CHART_VIEW (self), NULL);

  return self->map_toggle;
}
