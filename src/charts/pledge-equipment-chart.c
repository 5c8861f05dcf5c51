/* pledge-equipment-chart.c: NATO's quadrant chart, share of GDP against
 * the share of defence spent on major equipment
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

typedef struct
{
  int        member;
  double     x;
  double     y;
  gboolean   labelled;
  PledgeRect label;      /* where the code goes */
  gboolean   leader;     /* a line from the point to a label set further off */
  gboolean   halo;       /* no place clear of the guidelines: on a halo */
  gboolean   has_ghost;  /* a scenario moved it: the reported point at (gx, gy) */
  double     gx;
  double     gy;
} Point;

typedef struct
{
  PledgeAxis  xaxis;
  PledgeAxis  yaxis;
  PledgeRect  area;       /* the plot inside the axes */
  double      radius;
  double      gx;         /* the guidelines, NAN when absent */
  double      gy;
  double      guide_x;    /* where they are drawn, NAN when absent */
  double      guide_y;
  double      guide_half; /* half their width, and a pixel */

  Point      *points;
  guint       n_points;
  char       *missing;    /* members not shown for lack of figures */

  PledgeRect  quadrant_boxes[4];
  char       *quadrant_text[4];
} Layout;

static void
layout_clear (Layout *l)
{
  g_clear_pointer (&l->points, g_free);
  g_clear_pointer (&l->missing, g_free);
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&l->quadrant_text[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

char *
pledge_equipment_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Defence spending and its share on major equipment, %d"), input->year);
}

static const PledgeChartColour *
point_colour (PledgeChart             *c,
              const PledgeChartMember *m)
{
  int met = (m->meets_gdp_guide == PLEDGE_MEETS_YES) +
            (m->meets_equipment_guide == PLEDGE_MEETS_YES);

  if (met == 2)
    return &c->style->meets;
  if (met == 1)
    return &c->style->partial;
  return &c->style->misses;
}

/* Whether a scenario moved a member's point away from its reported one */
static gboolean
has_ghost (const PledgeChartInput  *input,
           const PledgeChartMember *m)
{
  if (!input->has_reported || !isfinite (m->reported_defence_gdp) ||
      !isfinite (m->reported_equipment) || m->reported_defence_gdp < 0 ||
      m->reported_equipment < 0)
    return FALSE;
  return pledge_chart_values_differ (m->defence_gdp, m->reported_defence_gdp) ||
         pledge_chart_values_differ (m->equipment, m->reported_equipment);
}

static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const PledgeChartInput *input = user_data;
  const PledgeChartMember *ma = &input->members[((const Point *) a)->member];
  const PledgeChartMember *mb = &input->members[((const Point *) b)->member];
  double da = isfinite (ma->defence) ? ma->defence : -1;
  double db = isfinite (mb->defence) ? mb->defence : -1;

  /* The largest spenders are labelled first. */
  if (da != db)
    return da > db ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

/* Labels are placed against a grid of cells over the plot, each listing
 * the points whose marks (the dot and the room kept around it, the ghost,
 * the label once placed) reach into it: a candidate box is checked against
 * the points of the cells it covers, not against every point, so placing
 * labels is near-linear in the members. The checks are the same as against
 * every point, so the labels land where they did. */
typedef struct
{
  guint point;
  int   next;   /* the next entry of the same cell, -1 at the end */
} GridEntry;

typedef struct
{
  double  x0;
  double  y0;
  double  size;
  int     cols;
  int     rows;
  int    *head;     /* each cell's first entry, -1 when empty */
  GArray *entries;  /* GridEntry */
  guint  *seen;     /* the query that last checked each point */
  guint   query;
} Grid;

#define GRID_MAX_CELLS 512

static void
grid_init (Grid             *g,
           const PledgeRect *area,
           double            size,
           guint             n_points)
{
  g->x0 = area->x;
  g->y0 = area->y;
  g->size = MAX (size, MAX (area->width, area->height) / GRID_MAX_CELLS);
  g->size = MAX (g->size, 1);
  g->cols = (int) CLAMP (ceil (area->width / g->size), 1, GRID_MAX_CELLS);
  g->rows = (int) CLAMP (ceil (area->height / g->size), 1, GRID_MAX_CELLS);
  g->head = g_new (int, (gsize) g->cols * g->rows);
  memset (g->head, 0xff, sizeof (int) * g->cols * g->rows);
  g->entries = g_array_sized_new (FALSE, FALSE, sizeof (GridEntry), n_points * 4);
  g->seen = g_new0 (guint, MAX (1, n_points));
  g->query = 0;
}

static void
grid_clear (Grid *g)
{
  g_clear_pointer (&g->head, g_free);
  g_clear_pointer (&g->entries, g_array_unref);
  g_clear_pointer (&g->seen, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Grid, grid_clear)

/* The cells a box reaches, clamped to the grid: whatever lies outside it
 * is listed in the edge cells. */
static void
grid_span (const Grid       *g,
           const PledgeRect *r,
           int              *c0,
           int              *c1,
           int              *r0,
           int              *r1)
{
  double x0 = pledge_chart_safe ((r->x - g->x0) / g->size);
  double x1 = pledge_chart_safe ((r->x + r->width - g->x0) / g->size);
  double y0 = pledge_chart_safe ((r->y - g->y0) / g->size);
  double y1 = pledge_chart_safe ((r->y + r->height - g->y0) / g->size);

  *c0 = (int) CLAMP (floor (x0), 0, g->cols - 1);
  *c1 = (int) CLAMP (floor (x1), 0, g->cols - 1);
  *r0 = (int) CLAMP (floor (y0), 0, g->rows - 1);
  *r1 = (int) CLAMP (floor (y1), 0, g->rows - 1);
}

static void
grid_add (Grid             *g,
          const PledgeRect *r,
          guint             point)
{
  int c0, c1, r0, r1;

  grid_span (g, r, &c0, &c1, &r0, &r1);
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      {
        int *head = &g->head[row * g->cols + col];
        GridEntry entry = { point, *head };

        g_array_append_val (g->entries, entry);
        *head = (int) g->entries->len - 1;
      }
}

static PledgeRect
point_room (const Layout *l,
            const Point  *p)
{
  PledgeRect dot = { p->x - l->radius, p->y - l->radius, 2 * l->radius, 2 * l->radius };

  return pledge_rect_inflate (&dot, l->radius * 1.5);
}

static PledgeRect
point_ghost (const Layout *l,
             const Point  *p)
{
  return (PledgeRect) { p->gx - l->radius, p->gy - l->radius, 2 * l->radius, 2 * l->radius };
}

/* Whether point i's marks leave box free; self is the point being labelled */
static gboolean
clear_of_point (const Layout     *l,
                const PledgeRect *box,
                guint             i,
                guint             self)
{
  const Point *p = &l->points[i];

  /* Keep clear of other points, so no label sits nearer another point
   * than its own. */
  if (i != self)
    {
      PledgeRect near = point_room (l, p);

      if (pledge_rect_intersects (box, &near))
        return FALSE;
    }
  if (p->has_ghost)
    {
      PledgeRect ghost = point_ghost (l, p);

      if (pledge_rect_intersects (box, &ghost))
        return FALSE;
    }
  if (p->labelled && pledge_rect_intersects (box, &p->label))
    return FALSE;
  return TRUE;
}

/* Whether a guideline runs through box */
static gboolean
crosses_guide (const Layout     *l,
               const PledgeRect *box)
{
  return (isfinite (l->guide_x) && l->guide_x + l->guide_half > box->x &&
          l->guide_x - l->guide_half < box->x + box->width) ||
         (isfinite (l->guide_y) && l->guide_y + l->guide_half > box->y &&
          l->guide_y - l->guide_half < box->y + box->height);
}

static gboolean
box_free (const Layout     *l,
          Grid             *grid,
          const PledgeRect *box,
          guint             self,
          gboolean          clear_of_guides)
{
  PledgeRect area = pledge_rect_inflate (&l->area, 1);
  int c0, c1, r0, r1;

  if (box->x < area.x || box->y < area.y || box->x + box->width > area.x + area.width ||
      box->y + box->height > area.y + area.height)
    return FALSE;
  if (clear_of_guides && crosses_guide (l, box))
    return FALSE;
  for (guint q = 0; q < 4; q++)
    if (l->quadrant_text[q] != NULL && pledge_rect_intersects (box, &l->quadrant_boxes[q]))
      return FALSE;

  grid->query++;
  grid_span (grid, box, &c0, &c1, &r0, &r1);
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      for (int e = grid->head[row * grid->cols + col]; e >= 0;
           e = g_array_index (grid->entries, GridEntry, e).next)
        {
          guint i = g_array_index (grid->entries, GridEntry, e).point;

          if (grid->seen[i] == grid->query)
            continue;
          grid->seen[i] = grid->query;
          if (!clear_of_point (l, box, i, self))
            return FALSE;
        }
  return TRUE;
}

/* Right, left, above, below, then the diagonals, near and then further. */
static const double label_dirs[][2] = {
  { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 1 }, { -1, -1 }, { -1, 1 },
};

/* Looks for the first free place of a label w wide by point i, clear of
 * the guidelines if any place is, else over one on a halo; with commit,
 * labels the point there. Each place of a narrower label lies inside the
 * same place of a wider one: where a narrower one finds none, so does
 * the label. */
static gboolean
find_label_place (PledgeChart *c,
                  Layout      *l,
                  Grid        *grid,
                  guint        i,
                  double       w,
                  double       h,
                  gboolean     commit)
{
  Point *p = &l->points[i];

  for (guint pass = 0; pass < 2; pass++)
    for (guint ring = 0; ring < 3; ring++)
      {
        double gap = l->radius + c->em * 0.2 + ring * c->em * 1.1;

        for (guint d = 0; d < G_N_ELEMENTS (label_dirs); d++)
          {
            double cx = p->x + label_dirs[d][0] * (gap + w / 2);
            double cy = p->y + label_dirs[d][1] * (gap * 0.6 + h / 2);
            PledgeRect box = { cx - w / 2, cy - h / 2, w, h };

            if (label_dirs[d][0] == 0)
              {
                cy = p->y + label_dirs[d][1] * (gap + h / 2);
                box.y = cy - h / 2;
              }
            if (!box_free (l, grid, &box, i, pass == 0))
              continue;
            if (commit)
              {
                p->labelled = TRUE;
                p->label = box;
                p->leader = ring > 0;
                p->halo = pass > 0 && crosses_guide (l, &box);
                grid_add (grid, &box, i);
              }
            return TRUE;
          }
      }
  return FALSE;
}

static void
place_labels (PledgeChart *c,
              Layout      *l)
{
  double h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  /* Narrower than any code of a character or more */
  double narrowest = c->em * 0.15;
  g_auto(Grid) grid = { 0 };

  grid_init (&grid, &l->area, h, l->n_points);
  for (guint i = 0; i < l->n_points; i++)
    {
      PledgeRect room = point_room (l, &l->points[i]);

      grid_add (&grid, &room, i);
      if (l->points[i].has_ghost)
        {
          PledgeRect ghost = point_ghost (l, &l->points[i]);

          grid_add (&grid, &ghost, i);
        }
    }

  for (guint i = 0; i < l->n_points; i++)
    {
      const char *code = c->input->members[l->points[i].member].code;

      /* Among thousands of points most have no room for any label: they
       * are told so without shaping their code (a third of the draw) */
      if (code[0] != '\0' && !find_label_place (c, l, &grid, i, narrowest, h, FALSE))
        continue;
      find_label_place (c, l, &grid, i, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, code), h,
                        TRUE);
    }
}

static double
guide_width (PledgeChart *c)
{
  return MAX (1.5, c->em * 0.12);
}

/* From the x axis to its tick labels: clear of the lowest y tick label,
 * which is centred on the axis */
static double
x_tick_gap (PledgeChart *c,
            double       line_h)
{
  return MAX (c->em * 0.3, line_h * 0.5 + c->em * 0.15);
}

static gboolean
equipment_layout (PledgeChart *c,
                  Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  g_autofree char *title = pledge_equipment_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_EQUIPMENT);
  g_autofree char *note = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  PledgeLegend legend = { 0 };
  double xmax = 0, ymax = 0, line_h, tick_w = 0;
  gboolean any_estimate = FALSE, any_scenario = FALSE, any_ghost = FALSE;
  guint n_missing = 0;

  l->points = g_new0 (Point, MAX (1, input->n_members));
  for (guint i = 0; i < input->n_members; i++)
    {
      const PledgeChartMember *m = &input->members[i];

      if (!m->in_year)
        continue;
      if (!isfinite (m->defence_gdp) || !isfinite (m->equipment) || m->defence_gdp < 0 ||
          m->equipment < 0)
        {
          pledge_chart_list_add (missing, &n_missing, PLEDGE_LIST_MAX_NAMES, ", ", m->name);
          continue;
        }
      l->points[l->n_points++].member = (int) i;
      xmax = MAX (xmax, m->defence_gdp);
      ymax = MAX (ymax, m->equipment);
      if (m->status == PLEDGE_STATUS_ESTIMATE)
        any_estimate = TRUE;
      if (m->status == PLEDGE_STATUS_EDITED || m->status == PLEDGE_STATUS_PROJECTED)
        any_scenario = TRUE;
      if (has_ghost (input, m))
        {
          l->points[l->n_points - 1].has_ghost = TRUE;
          xmax = MAX (xmax, m->reported_defence_gdp);
          ymax = MAX (ymax, m->reported_equipment);
          any_ghost = TRUE;
        }
    }
  pledge_chart_list_finish (missing, n_missing, PLEDGE_LIST_MAX_NAMES);
  if (n_missing > 0 && l->n_points > 0)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a chart's footnote; %s is a list of
                                          * names */
                                         "Not shown for lack of figures: %s.",
                                         "Not shown for lack of figures: %s.", n_missing),
                            missing->str);

  l->gx = input->gdp_guide >= 0 ? input->targets[input->gdp_guide].min : NAN;
  l->gy = input->equipment_guide >= 0 ? input->targets[input->equipment_guide].min : NAN;

  if (l->n_points > 0)
    {
      if (isfinite (l->gx) && isfinite (l->gy))
        {
          pledge_legend_add (&legend, PLEDGE_SWATCH_DOT, &style->meets, _("Meets both"));
          pledge_legend_add (&legend, PLEDGE_SWATCH_DOT, &style->partial, _("Meets one"));
          pledge_legend_add (&legend, PLEDGE_SWATCH_DOT, &style->misses, _("Meets neither"));
        }
      pledge_legend_add_marks (&legend, style, NULL,
                               (any_estimate ? PLEDGE_LEGEND_ESTIMATE : 0) |
                               (any_scenario ? PLEDGE_LEGEND_SCENARIO : 0) |
                               (any_ghost ? PLEDGE_LEGEND_REPORTED : 0));
    }
  pledge_chart_frame (c, title, subtitle, &legend, note);

  if (l->n_points == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No data for %d"), input->year);

      pledge_chart_message (c, message);
      return FALSE;
    }

  if (isfinite (l->gx))
    xmax = MAX (xmax, l->gx);
  if (isfinite (l->gy))
    ymax = MAX (ymax, l->gy);
  line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  pledge_axis_init (&l->xaxis, 0, MAX (xmax * 1.05, 0.5),
                    (guint) CLAMP (c->plot.width / (c->em * 6), 2, 12));
  pledge_axis_init (&l->yaxis, 0, MAX (ymax * 1.05, 5),
                    (guint) CLAMP (c->plot.height / (line_h * 3.2), 2, 10));

  for (guint k = 0; k < l->yaxis.n_ticks; k++)
    {
      g_autofree char *tick = pledge_chart_format_percent (pledge_axis_tick (&l->yaxis, k),
                                                           l->yaxis.decimals);

      tick_w = MAX (tick_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, tick));
    }

  /* Room for the y axis title, the ticks, and the x axis title below */
  l->area.x = c->plot.x + line_h * 1.3 + tick_w + c->em * 0.6;
  l->area.y = c->plot.y + line_h * 0.5;
  l->area.width = c->plot.x + c->plot.width - l->area.x - c->em * 0.5;
  l->area.height = c->plot.y + c->plot.height - 2 * line_h - x_tick_gap (c, line_h) -
                   c->em * 0.5 - l->area.y;
  if (l->area.width < 40 || l->area.height < 40)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  l->radius = MAX (2.5, c->em * 0.36);
  for (guint i = 0; i < l->n_points; i++)
    {
      const PledgeChartMember *m = &input->members[l->points[i].member];

      l->points[i].x = pledge_axis_map (&l->xaxis, m->defence_gdp, l->area.x,
                                        l->area.x + l->area.width);
      l->points[i].y = pledge_axis_map (&l->yaxis, m->equipment, l->area.y + l->area.height,
                                        l->area.y);
      if (l->points[i].has_ghost)
        {
          l->points[i].gx = pledge_axis_map (&l->xaxis, m->reported_defence_gdp, l->area.x,
                                             l->area.x + l->area.width);
          l->points[i].gy = pledge_axis_map (&l->yaxis, m->reported_equipment,
                                             l->area.y + l->area.height, l->area.y);
        }
    }

  /* Quadrant names in the plot's corners, where they fit */
  if (isfinite (l->gx) && isfinite (l->gy))
    {
      const char *gdp = input->targets[input->gdp_guide].label;
      const char *equipment = input->targets[input->equipment_guide].label;
      double gx = pledge_axis_map (&l->xaxis, l->gx, l->area.x, l->area.x + l->area.width);
      double gy = pledge_axis_map (&l->yaxis, l->gy, l->area.y + l->area.height, l->area.y);
      /* top left, top right, bottom left, bottom right */
      double widths[4] = { gx - l->area.x, l->area.x + l->area.width - gx,
                           gx - l->area.x, l->area.x + l->area.width - gx };
      double heights[4] = { gy - l->area.y, gy - l->area.y,
                            l->area.y + l->area.height - gy, l->area.y + l->area.height - gy };

      /* Translators: a quadrant of the equipment chart; %s is a target's
       * short label, "Meets 20% of defence on equipment only" */
      l->quadrant_text[0] = g_strdup_printf (_("Meets %s only"), equipment);
      l->quadrant_text[1] = g_strdup (_("Meets both"));
      l->quadrant_text[2] = g_strdup (_("Meets neither"));
      /* Translators: a quadrant of the equipment chart; %s is a target's
       * short label, "Meets 2% of GDP only" */
      l->quadrant_text[3] = g_strdup_printf (_("Meets %s only"), gdp);

      for (guint q = 0; q < 4; q++)
        {
          g_autoptr(PangoLayout) layout = pledge_chart_layout (c, PLEDGE_FONT_BODY_BOLD,
                                                               l->quadrant_text[q]);
          double w, h, pad = c->em * 0.4;
          PledgeRect *box = &l->quadrant_boxes[q];

          pango_layout_set_width (layout, (int) (MAX (1.0, widths[q] - 2 * pad) * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pledge_chart_layout_size (layout, &w, &h);
          if (w > widths[q] - 2 * pad || h > heights[q] - 2 * pad ||
              pango_layout_get_line_count (layout) > 2)
            {
              g_clear_pointer (&l->quadrant_text[q], g_free);
              continue;
            }
          box->width = w;
          box->height = h;
          box->x = q % 2 == 0 ? l->area.x + pad : l->area.x + l->area.width - pad - w;
          box->y = q < 2 ? l->area.y + pad : l->area.y + l->area.height - pad - h;
          /* A quadrant name must not hide a point. */
          for (guint i = 0; i < l->n_points; i++)
            {
              const Point *p = &l->points[i];
              PledgeRect dot = { p->x - l->radius, p->y - l->radius, 2 * l->radius,
                                 2 * l->radius };
              PledgeRect ghost = { p->gx - l->radius, p->gy - l->radius, 2 * l->radius,
                                   2 * l->radius };

              if (pledge_rect_intersects (box, &dot) ||
                  (p->has_ghost && pledge_rect_intersects (box, &ghost)))
                {
                  g_clear_pointer (&l->quadrant_text[q], g_free);
                  break;
                }
            }
        }
    }
  pledge_chart_sort (l->points, l->n_points, sizeof (Point), compare_points, (gpointer) input);
  l->guide_x = isfinite (l->gx) ? pledge_axis_map (&l->xaxis, l->gx, l->area.x,
                                                   l->area.x + l->area.width) : NAN;
  l->guide_y = isfinite (l->gy) ? pledge_axis_map (&l->yaxis, l->gy, l->area.y + l->area.height,
                                                   l->area.y) : NAN;
  l->guide_half = guide_width (c) / 2 + 1;
  place_labels (c, l);
  return TRUE;
}

static void
equipment_paint (PledgeChart  *c,
                 const Layout *l)
{
  const PledgeChartStyle *style = c->style;
  const PledgeChartInput *input = c->input;
  double left = l->area.x, right = l->area.x + l->area.width;
  double top = l->area.y, bottom = l->area.y + l->area.height;
  double line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);

  /* Grid, ticks, axis titles */
  for (guint k = 0; k < l->yaxis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&l->yaxis, k);
      double y = pledge_axis_map (&l->yaxis, v, bottom, top);
      g_autofree char *tick = pledge_chart_format_percent (v, l->yaxis.decimals);

      pledge_chart_line (c, left, y, right, y, 1.0, k == 0 ? &style->muted : &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, left - c->em * 0.5, y, 1, 0.5, 0,
                         &style->muted);
    }
  for (guint k = 0; k < l->xaxis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&l->xaxis, k);
      double x = pledge_axis_map (&l->xaxis, v, left, right);
      g_autofree char *tick = pledge_chart_format_percent (v, l->xaxis.decimals);

      pledge_chart_line (c, x, top, x, bottom, 1.0, k == 0 ? &style->muted : &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, x, bottom + x_tick_gap (c, line_h), 0.5, 0,
                         0, &style->muted);
    }
  pledge_chart_text (c, PLEDGE_FONT_LABEL,
                     /* xgettext:no-c-format */
                     _("Defence spending, % of GDP"),
                     (left + right) / 2, bottom + x_tick_gap (c, line_h) + c->em * 0.2 + line_h,
                     0.5, 0, 0, &style->foreground);
  pledge_chart_text (c, PLEDGE_FONT_LABEL,
                     /* xgettext:no-c-format */
                     _("Major equipment, % of defence spending"),
                     c->plot.x, (top + bottom) / 2, 0.5, 0, -90, &style->foreground);

  /* Guidelines */
  if (isfinite (l->gx))
    {
      double x = pledge_axis_map (&l->xaxis, l->gx, left, right);

      pledge_chart_line (c, x, top, x, bottom, guide_width (c), &style->target, FALSE);
    }
  if (isfinite (l->gy))
    {
      double y = pledge_axis_map (&l->yaxis, l->gy, bottom, top);

      pledge_chart_line (c, left, y, right, y, guide_width (c), &style->target, FALSE);
    }
  for (guint q = 0; q < 4; q++)
    if (l->quadrant_text[q] != NULL)
      {
        g_autoptr(PangoLayout) layout = pledge_chart_layout (c, PLEDGE_FONT_BODY_BOLD,
                                                             l->quadrant_text[q]);
        const PledgeRect *box = &l->quadrant_boxes[q];

        pango_layout_set_width (layout, (int) (ceil (box->width + 1) * PANGO_SCALE));
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
        pango_layout_set_alignment (layout, q % 2 == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
        pledge_chart_show (c, layout, q % 2 == 0 ? box->x : box->x + box->width,
                           box->y, q % 2 == 0 ? 0 : 1, 0, 0, &style->muted);
      }

  /* Thousands of points are stamped from bitmaps on a PNG or the screen */
  pledge_chart_stamp_marks (c, l->n_points > PLEDGE_CHART_STAMP_MIN_MARKS);

  /* Where the reported figures put the points a scenario moved, joined to
   * the scenario's point, under every point */
  for (guint i = 0; i < l->n_points; i++)
    {
      const Point *p = &l->points[i];
      PledgeChartColour joint = style->muted;

      joint.alpha = 0.7;
      if (p->has_ghost)
        pledge_chart_line (c, p->gx, p->gy, p->x, p->y, 1.0, &joint, FALSE);
    }
  for (guint i = 0; i < l->n_points; i++)
    {
      const Point *p = &l->points[i];

      if (p->has_ghost)
        pledge_chart_ghost_point (c, p->gx, p->gy, l->radius * 0.85);
    }

  /* Leaders, points, labels */
  for (guint i = 0; i < l->n_points; i++)
    {
      const Point *p = &l->points[i];

      if (p->labelled && p->leader)
        {
          double lx = CLAMP (p->x, p->label.x, p->label.x + p->label.width);
          double ly = CLAMP (p->y, p->label.y, p->label.y + p->label.height);

          pledge_chart_line (c, p->x, p->y, lx, ly, 1.0, &style->muted, FALSE);
        }
    }
  for (guint i = l->n_points; i-- > 0;)
    {
      const Point *p = &l->points[i];
      const PledgeChartMember *m = &input->members[p->member];
      const PledgeChartColour *colour = point_colour (c, m);

      /* Estimates hollow: a ring of the same colour */
      if (m->status == PLEDGE_STATUS_ESTIMATE || m->status == PLEDGE_STATUS_EDITED ||
          m->status == PLEDGE_STATUS_PROJECTED)
        pledge_chart_ring (c, p->x, p->y, l->radius, colour);
      else
        pledge_chart_dot (c, p->x, p->y, l->radius, colour, &style->background);
    }
  pledge_chart_stamp_marks (c, FALSE);
  for (guint i = 0; i < l->n_points; i++)
    {
      const Point *p = &l->points[i];

      if (!p->labelled)
        continue;
      c->halo = p->halo ? &style->background : NULL;
      pledge_chart_text (c, PLEDGE_FONT_LABEL, input->members[p->member].code,
                         p->label.x, p->label.y, 0, 0, 0, &style->foreground);
      c->halo = NULL;
    }
}

void
pledge_equipment_chart_draw (cairo_t                *cr,
                             double                  width,
                             double                  height,
                             const PledgeChartStyle *style,
                             const PledgeChartInput *input)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_EQUIPMENT, cr, width, height, style, input);
  if (equipment_layout (&c, &l))
    equipment_paint (&c, &l);
  pledge_chart_end (&c);
}

int
pledge_equipment_chart_hit_test (double                  width,
                                 double                  height,
                                 const PledgeChartStyle *style,
                                 const PledgeChartInput *input,
                                 double                  x,
                                 double                  y)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_EQUIPMENT, NULL, width, height, style, input);
  if (equipment_layout (&c, &l))
    {
      double best = l.radius + c.em * 0.3;

      for (guint i = 0; i < l.n_points; i++)
        {
          const Point *p = &l.points[i];
          double d = hypot (x - p->x, y - p->y);

          if (d <= best)
            {
              best = d;
              hit = p->member;
            }
          if (hit < 0 && p->labelled && pledge_rect_contains (&p->label, x, y))
            hit = p->member;
        }
    }
  pledge_chart_end (&c);
  return hit;
}

void
pledge_equipment_chart_locate (double                  width,
                               double                  height,
                               const PledgeChartStyle *style,
                               const PledgeChartInput *input,
                               GArray                 *elements)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_EQUIPMENT, NULL, width, height, style, input);
  if (equipment_layout (&c, &l))
    for (guint i = 0; i < l.n_points; i++)
      {
        /* The point's dot */
        PledgeChartElement *e = pledge_chart_element_add (elements, l.points[i].member);

        e->x = l.points[i].x - l.radius;
        e->y = l.points[i].y - l.radius;
        e->width = e->height = 2 * l.radius;
      }
  pledge_chart_end (&c);
}
