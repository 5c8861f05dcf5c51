/* pledge-map-chart.c: the members on a map, coloured by the selected target
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two panels of one built-in map (pledge-map-data.h): Europe, and North
 * America beside it, each in its own equal-area projection and scale, so
 * that Luxembourg and Canada both read. Members that meet the target are in
 * the accent, those below it grey; members without figures hatched;
 * countries that are not members in the year in a neutral tone.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-hatch.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"
#include "pledge-map-data.h"

char *
pledge_map_chart_title (const PledgeChartInput *input)
{
  const PledgeChartTarget *target = pledge_chart_input_get_target (input);

  if (input->map_scale == PLEDGE_MAP_SCALE_SHARE)
    /* The compliance chart's title */
    return g_strdup_printf (_("Defence spending as a share of GDP, %d"), input->year);
  if (target == NULL)
    /* Translators: a chart's title; %d is a year */
    return g_strdup_printf (_("NATO members, %d"), input->year);
  /* Translators: a chart's title; %s is a target, "2% of GDP", %d a year */
  return g_strdup_printf (_("Who meets %s, %d"), target->label, input->year);
}

char *
pledge_map_chart_describe (const PledgeChartInput *input)
{
  /* The same sentence as the compliance chart's: who meets the target */
  return pledge_chart_input_describe (input, PLEDGE_CHART_COMPLIANCE);
}

typedef struct
{
  int        frame;      /* in the map */
  const char *title;
  PledgeRect box;        /* on the page */
  double     scale;      /* page units a km */
  double     ox, oy;     /* the page point of the frame's (x0, y1) corner */
} Panel;

typedef struct
{
  const PledgeMap *map;
  Panel            panels[2];
  guint            n_panels;
  int             *member_of;  /* map country -> input member, or -1 */
  char            *share_labels[PLEDGE_CHART_SHARE_STEPS];
} Layout;

static void
layout_clear (Layout *l)
{
  g_free (l->member_of);
  for (guint k = 0; k < PLEDGE_CHART_SHARE_STEPS; k++)
    g_free (l->share_labels[k]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static void
to_page (const Panel *p,
         const PledgeMapFrame *f,
         double        x,
         double        y,
         double       *px,
         double       *py)
{
  *px = p->ox + (x - f->x0) * p->scale;
  *py = p->oy + (f->y1 - y) * p->scale;
}

static char *
map_note (const PledgeChartInput *input,
              const Layout           *l)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < input->n_members; i++)
    {
      gboolean found = FALSE;

      if (!input->members[i].in_year)
        continue;
      for (guint k = 0; k < l->map->n_countries && !found; k++)
        found = l->member_of[k] == (int) i;
      if (!found)
        pledge_chart_list_add (names, &n, PLEDGE_LIST_MAX_NAMES, ", ", input->members[i].name);
    }
  pledge_chart_list_finish (names, n, PLEDGE_LIST_MAX_NAMES);
  {
    g_autoptr(GString) note = g_string_new (NULL);

    /* The colours do not say which figures are not plainly reported */
    if (input->has_estimate)
      g_string_append (note, _("Some of the figures are estimates."));
    if (input->has_scenario_figures)
      {
        if (note->len > 0)
          g_string_append_c (note, ' ');
        g_string_append (note, _("Some of the figures are the scenario’s."));
      }
    if (n > 0)
      {
        if (note->len > 0)
          g_string_append_c (note, ' ');
        g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                   /* Translators: a map's footnote; %s is a
                                                    * list of names */
                                                   "Not on the map: %s.", "Not on the map: %s.",
                                                   n), names->str);
      }
    return note->len > 0 ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
  }
}

static void
place_panels (PledgeChart *c,
              Layout      *l)
{
  static const char *frames[] = { "america", "europe" };
  const PledgeRect *plot = &c->plot;
  double gap = c->em * 1.2, label_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL) * 1.2;
  double aspect[2], share[2] = { 0.8, 1.0 }, h, total_w = 0, x;

  l->n_panels = 0;
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      int frame = pledge_map_find_frame (l->map, frames[i]);
      const PledgeMapFrame *f;

      if (frame < 0)
        continue;
      f = &l->map->frames[frame];
      aspect[l->n_panels] = (f->x1 - f->x0) / (f->y1 - f->y0);
      share[l->n_panels] = i == 0 ? 0.8 : 1.0;  /* North America is the inset */
      l->panels[l->n_panels].frame = frame;
      l->panels[l->n_panels].title = i == 0 ? _("North America") : _("Europe");
      l->n_panels++;
    }

  /* The tallest height at which both fit side by side */
  h = MAX (1.0, plot->height - label_h);
  for (guint i = 0; i < l->n_panels; i++)
    total_w += aspect[i] * share[i];
  h = MIN (h, (plot->width - gap * (l->n_panels - 1)) / MAX (total_w, 1e-9));
  x = plot->x + (plot->width - (h * total_w + gap * (l->n_panels - 1))) / 2;

  for (guint i = 0; i < l->n_panels; i++)
    {
      Panel *p = &l->panels[i];
      const PledgeMapFrame *f = &l->map->frames[p->frame];
      double ph = h * share[i];

      p->box.x = x;
      p->box.y = plot->y + label_h;
      p->box.width = ph * aspect[i];
      p->box.height = ph;
      p->scale = ph / (f->y1 - f->y0);
      p->ox = p->box.x;
      p->oy = p->box.y;
      x += p->box.width + gap;
    }
}

/* A member's colour, NULL when its figures are not known (hatched) */
static const PledgeChartColour *
member_fill (const PledgeChartStyle  *style,
             const PledgeChartMember *m,
             PledgeMapScale           scale)
{
  if (scale == PLEDGE_MAP_SCALE_SHARE)
    {
      int k = pledge_map_share_class (m->defence_gdp);

      return k >= 0 ? &style->share_scale[k] : NULL;
    }
  switch (m->meets)
    {
    case PLEDGE_MEETS_YES:
      return &style->meets;
    case PLEDGE_MEETS_NO:
      return &style->misses;
    case PLEDGE_MEETS_UNKNOWN:
    default:
      return NULL;
    }
}

/* 1 or 1.5: a class's bound, no more decimals than it has */
static char *
share_text (double share)
{
  return pledge_chart_format_number (share, share == floor (share) ? 0 : 1);
}

/* The classes of the share scale, each a box: "Under 1%", "1–1.5%", ...
 * "3% or more"; the labels kept in the layout */
static void
add_share_legend (PledgeLegend           *legend,
                  const PledgeChartStyle *style,
                  Layout                 *l)
{
  for (guint k = 0; k < PLEDGE_CHART_SHARE_STEPS; k++)
    {
      g_autofree char *low = share_text (pledge_map_share_class_min (k));
      char *text;

      if (k == 0)
        {
          g_autofree char *high = share_text (pledge_map_share_class_min (1));

          /* Translators: a map's legend, a class of shares of GDP: "Under 1%" */
          text = g_strdup_printf (_("Under %s%%"), high);
        }
      else if (k + 1 == PLEDGE_CHART_SHARE_STEPS)
        /* Translators: a map's legend, a class of shares of GDP: "3% or more" */
        text = g_strdup_printf (_("%s%% or more"), low);
      else
        {
          g_autofree char *high = share_text (pledge_map_share_class_min (k + 1));

          /* Translators: a map's legend, a class of shares of GDP: "1.5–2%" */
          text = g_strdup_printf (_("%s–%s%%"), low, high);
        }
      l->share_labels[k] = text;
      pledge_legend_add (legend, PLEDGE_SWATCH_BOX, &style->share_scale[k], text);
    }
}

static gboolean
map_layout (PledgeChart *c,
            Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  const PledgeChartTarget *target = pledge_chart_input_get_target (input);
  g_autofree char *title = pledge_map_chart_title (input);
  g_autofree char *subtitle = pledge_map_chart_describe (input);
  g_autofree char *note = NULL;
  g_auto(PledgeLegend) legend = { 0 };
  PledgeChartColour neutral = pledge_chart_mix (&style->background, &style->grid, 0.55);
  gboolean any_unknown = FALSE;

  l->map = pledge_map_get ();
  l->member_of = g_new (int, MAX (l->map->n_countries, 1));
  for (guint k = 0; k < l->map->n_countries; k++)
    {
      l->member_of[k] = -1;
      for (guint i = 0; i < input->n_members; i++)
        if (strcmp (input->members[i].code, l->map->countries[k].code) == 0)
          {
            if (input->members[i].in_year)
              {
                l->member_of[k] = i;
                any_unknown |= member_fill (style, &input->members[i], input->map_scale) == NULL;
              }
            break;
          }
    }

  if (input->map_scale == PLEDGE_MAP_SCALE_SHARE)
    add_share_legend (&legend, style, l);
  else if (target != NULL)
    pledge_legend_add_meets (&legend, style, target, FALSE);
  if (any_unknown)
    pledge_legend_add (&legend, PLEDGE_SWATCH_HATCHED, &style->muted,
                       /* Translators: a map's legend: a member without figures */
                       _("No data"));
  pledge_legend_add (&legend, PLEDGE_SWATCH_BOX, &neutral,
                     /* Translators: a map's legend: a country not in NATO that year */
                     _("Not a member"));
  note = map_note (input, l);
  pledge_chart_frame (c, title, subtitle, &legend, note);

  place_panels (c, l);
  return l->n_panels > 0 && l->panels[0].box.height >= c->em * 3;
}

static void
append_country (PledgeChart            *c,
                const Layout           *l,
                const Panel            *p,
                const PledgeMapCountry *country)
{
  const PledgeMapFrame *f = &l->map->frames[p->frame];

  for (guint k = 0; k < country->n_rings; k++)
    {
      const PledgeMapRing *r = &l->map->rings[country->first_ring + k];
      const double *pt = l->map->points + 2 * r->first;

      if (r->frame != (guint) p->frame)
        continue;
      for (guint i = 0; i < r->n_points; i++)
        {
          double x, y;

          to_page (p, f, pt[2 * i], pt[2 * i + 1], &x, &y);
          if (i == 0)
            cairo_move_to (c->cr, pledge_chart_safe (x), pledge_chart_safe (y));
          else
            cairo_line_to (c->cr, pledge_chart_safe (x), pledge_chart_safe (y));
        }
      cairo_close_path (c->cr);
    }
}

static void
paint_panel (PledgeChart  *c,
             const Layout *l,
             const Panel  *p)
{
  const PledgeChartStyle *style = c->style;
  const PledgeChartInput *input = c->input;
  PledgeChartColour neutral = pledge_chart_mix (&style->background, &style->grid, 0.55);
  cairo_t *cr = c->cr;

  pledge_chart_text (c, PLEDGE_FONT_LABEL, p->title, p->box.x, p->box.y - c->em * 0.2, 0, 1, 0,
                     &style->muted);
  pledge_chart_stroke_rect (c, p->box.x, p->box.y, p->box.width, p->box.height, 1.0,
                            &style->grid, FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, p->box.x, p->box.y, p->box.width, p->box.height);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Neighbours first, then members, whose borders are drawn over theirs */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < l->map->n_countries; k++)
      {
        const PledgeMapCountry *country = &l->map->countries[k];
        int m = l->member_of[k];
        const PledgeChartColour *fill = &neutral;
        gboolean hatch = FALSE;

        if ((m >= 0) != (pass == 1))
          continue;
        if (m >= 0)
          {
            fill = member_fill (style, &input->members[m], input->map_scale);
            hatch = fill == NULL;
            if (hatch)
              fill = &style->background;
          }

        cairo_new_path (cr);
        append_country (c, l, p, country);
        pledge_chart_set_colour (c, fill);
        cairo_fill_preserve (cr);
        if (hatch)
          {
            double x0, y0, x1, y1;

            cairo_save (cr);
            cairo_clip_preserve (cr);
            cairo_path_extents (cr, &x0, &y0, &x1, &y1);
            cairo_new_path (cr);
            pledge_chart_hatch (c, x0, y0, x1 - x0, y1 - y0, &style->muted, FALSE);
            cairo_restore (cr);
            cairo_new_path (cr);
            append_country (c, l, p, country);
          }
        pledge_chart_set_colour (c, m >= 0 && hatch ? &style->muted : &style->background);
        cairo_set_line_width (cr, m >= 0 ? MAX (0.8, c->em * 0.06) : MAX (0.5, c->em * 0.04));
        cairo_stroke (cr);
      }
  cairo_restore (cr);
}

void
pledge_map_chart_draw (cairo_t                *cr,
                       double                  width,
                       double                  height,
                       const PledgeChartStyle *style,
                       const PledgeChartInput *input)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_MAP, cr, width, height, style, input);
  if (map_layout (&c, &l))
    for (guint i = 0; i < l.n_panels; i++)
      paint_panel (&c, &l, &l.panels[i]);
  else
    pledge_chart_no_room (&c);
  pledge_chart_end (&c);
}

int
pledge_map_chart_hit_test (double                  width,
                           double                  height,
                           const PledgeChartStyle *style,
                           const PledgeChartInput *input,
                           double                  x,
                           double                  y)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_MAP, NULL, width, height, style, input);
  if (map_layout (&c, &l))
    for (guint i = 0; i < l.n_panels && hit < 0; i++)
      {
        const Panel *p = &l.panels[i];
        const PledgeMapFrame *f = &l.map->frames[p->frame];
        double kx, ky;

        if (!pledge_rect_contains (&p->box, x, y))
          continue;
        kx = f->x0 + (x - p->ox) / p->scale;
        ky = f->y1 - (y - p->oy) / p->scale;
        for (guint k = 0; k < l.map->n_countries && hit < 0; k++)
          if (l.member_of[k] >= 0 &&
              pledge_map_country_contains (l.map, &l.map->countries[k], p->frame, kx, ky))
            hit = l.member_of[k];
      }
  pledge_chart_end (&c);
  return hit;
}

/* A point inside country in frame, in the map's km: the middle of the
 * longest run inside it across its largest ring, a few rows tried */
static gboolean
interior_point (const PledgeMap        *map,
                const PledgeMapCountry *country,
                guint                   frame,
                double                 *px,
                double                 *py)
{
  const PledgeMapRing *largest = NULL;
  static const double rows[] = { 0.5, 0.35, 0.65, 0.2, 0.8 };
  const guint samples = 96;

  for (guint k = 0; k < country->n_rings; k++)
    {
      const PledgeMapRing *r = &map->rings[country->first_ring + k];

      if (r->frame == frame &&
          (largest == NULL || (r->x1 - r->x0) * (r->y1 - r->y0) >
                                (largest->x1 - largest->x0) * (largest->y1 - largest->y0)))
        largest = r;
    }
  if (largest == NULL)
    return FALSE;
  for (guint row = 0; row < G_N_ELEMENTS (rows); row++)
    {
      double y = largest->y0 + rows[row] * (largest->y1 - largest->y0);
      guint best_start = 0, best_len = 0, start = 0, len = 0;

      for (guint i = 0; i <= samples; i++)
        {
          double x = largest->x0 + (i + 0.5) / (samples + 1) * (largest->x1 - largest->x0);

          if (i < samples && pledge_map_country_contains (map, country, frame, x, y))
            {
              if (len++ == 0)
                start = i;
            }
          else
            {
              if (len > best_len)
                {
                  best_start = start;
                  best_len = len;
                }
              len = 0;
            }
        }
      if (best_len > 0)
        {
          *px = largest->x0 + (best_start + best_len / 2.0) / (samples + 1) *
                                (largest->x1 - largest->x0);
          *py = y;
          if (pledge_map_country_contains (map, country, frame, *px, *py))
            return TRUE;
        }
    }
  return FALSE;
}

void
pledge_map_chart_locate (double                  width,
                         double                  height,
                         const PledgeChartStyle *style,
                         const PledgeChartInput *input,
                         GArray                 *elements)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  /* A member's first country found in a panel is its element, as a hit
   * test would find it */
  g_autofree gboolean *found = g_new0 (gboolean, input->n_members + 1);

  pledge_chart_begin (&c, PLEDGE_CHART_MAP, NULL, width, height, style, input);
  if (map_layout (&c, &l))
    for (guint k = 0; k < l.map->n_countries; k++)
      {
        const PledgeMapCountry *country = &l.map->countries[k];
        int member = l.member_of[k];

        if (member < 0 || (guint) member > input->n_members || found[member])
          continue;
        /* Europe first: the panel where most members are */
        for (guint n = l.n_panels; n-- > 0 && !found[member];)
          {
            const Panel *p = &l.panels[n];
            const PledgeMapFrame *f = &l.map->frames[p->frame];
            double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
            double kx, ky, hx, hy;
            PledgeChartElement *e;

            if (!interior_point (l.map, country, p->frame, &kx, &ky))
              continue;
            to_page (p, f, kx, ky, &hx, &hy);
            if (!pledge_rect_contains (&p->box, hx, hy))
              continue;
            /* The country's outline in this panel, cut to the panel */
            for (guint r = 0; r < country->n_rings; r++)
              {
                const PledgeMapRing *ring = &l.map->rings[country->first_ring + r];
                double ax, ay, bx, by;

                if (ring->frame != (guint) p->frame)
                  continue;
                to_page (p, f, ring->x0, ring->y1, &ax, &ay);
                to_page (p, f, ring->x1, ring->y0, &bx, &by);
                x0 = MIN (x0, ax);
                y0 = MIN (y0, ay);
                x1 = MAX (x1, bx);
                y1 = MAX (y1, by);
              }
            x0 = MAX (x0, p->box.x);
            y0 = MAX (y0, p->box.y);
            x1 = MIN (x1, p->box.x + p->box.width);
            y1 = MIN (y1, p->box.y + p->box.height);
            found[member] = TRUE;
            e = pledge_chart_element_add (elements, member);
            e->x = x0;
            e->y = y0;
            e->width = MAX (1, x1 - x0);
            e->height = MAX (1, y1 - y0);
            e->hit_x = hx;
            e->hit_y = hy;
          }
      }
  pledge_chart_end (&c);
}
