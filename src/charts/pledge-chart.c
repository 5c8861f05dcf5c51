/* pledge-chart.c: chart kinds, document styles, and the one draw path
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-common.h"
#include "pledge-chart-focus.h"
#include "pledge-chart.h"

G_DEFINE_QUARK (pledge-chart-error-quark, pledge_chart_error)

G_DEFINE_ENUM_TYPE (PledgeChartKind, pledge_chart_kind,
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_COMPLIANCE, "compliance"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_TREND, "trend"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_EQUIPMENT, "equipment"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_BURDEN, "burden"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_GAP, "gap"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_REAL_CHANGE, "real-change"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_PER_CAPITA, "per-capita"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_CATEGORIES, "categories"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_REVISIONS, "revisions"),
  G_DEFINE_ENUM_VALUE (PLEDGE_CHART_MAP, "map"))

G_DEFINE_ENUM_TYPE (PledgeMapScale, pledge_map_scale,
  G_DEFINE_ENUM_VALUE (PLEDGE_MAP_SCALE_TARGET, "target"),
  G_DEFINE_ENUM_VALUE (PLEDGE_MAP_SCALE_SHARE, "share"))

typedef void (*DrawFunc) (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const PledgeChartStyle *style,
                          const PledgeChartInput *input);
typedef char *(*TitleFunc) (const PledgeChartInput *input);
typedef int (*HitTestFunc) (double                  width,
                            double                  height,
                            const PledgeChartStyle *style,
                            const PledgeChartInput *input,
                            double                  x,
                            double                  y);
typedef void (*LocateFunc) (double                  width,
                            double                  height,
                            const PledgeChartStyle *style,
                            const PledgeChartInput *input,
                            GArray                 *elements);

static const struct
{
  const char  *name;
  const char  *title;
  DrawFunc     draw;
  HitTestFunc  hit_test;
  TitleFunc    title_func;
  LocateFunc   locate;
} kinds[PLEDGE_N_CHARTS] = {
  [PLEDGE_CHART_COMPLIANCE] = { "compliance", N_("Compliance"),
                                pledge_compliance_chart_draw, pledge_compliance_chart_hit_test,
    pledge_compliance_chart_title, pledge_compliance_chart_locate },
  [PLEDGE_CHART_TREND] = { "trend", N_("Trend"),
                           pledge_trend_chart_draw, pledge_trend_chart_hit_test,
    pledge_trend_chart_title, pledge_trend_chart_locate },
  [PLEDGE_CHART_EQUIPMENT] = { "equipment", N_("Equipment"),
                               pledge_equipment_chart_draw, pledge_equipment_chart_hit_test,
    pledge_equipment_chart_title, pledge_equipment_chart_locate },
  [PLEDGE_CHART_BURDEN] = { "burden", N_("Burden"),
                            pledge_burden_chart_draw, pledge_burden_chart_hit_test,
    pledge_burden_chart_title, pledge_burden_chart_locate },
  [PLEDGE_CHART_GAP] = { "gap", N_("Gap"),
                         pledge_gap_chart_draw, pledge_gap_chart_hit_test,
    pledge_gap_chart_title, pledge_gap_chart_locate },
  /* Translators: short titles of charts, in a menu or a switcher */
  [PLEDGE_CHART_REAL_CHANGE] = { "real-change", N_("Real Change"),
                                 pledge_real_change_chart_draw, pledge_real_change_chart_hit_test,
    pledge_real_change_chart_title, pledge_real_change_chart_locate },
  [PLEDGE_CHART_PER_CAPITA] = { "per-capita", N_("Per Capita"),
                                pledge_per_capita_chart_draw, pledge_per_capita_chart_hit_test,
    pledge_per_capita_chart_title, pledge_per_capita_chart_locate },
  [PLEDGE_CHART_CATEGORIES] = { "categories", N_("Categories"),
                                pledge_categories_chart_draw, pledge_categories_chart_hit_test,
    pledge_categories_chart_title, pledge_categories_chart_locate },
  [PLEDGE_CHART_REVISIONS] = { "revisions", N_("Revisions"),
                               pledge_revisions_chart_draw, pledge_revisions_chart_hit_test,
    pledge_revisions_chart_title, pledge_revisions_chart_locate },
  [PLEDGE_CHART_MAP] = { "map", N_("Map"),
                         pledge_map_chart_draw, pledge_map_chart_hit_test,
    pledge_map_chart_title, pledge_map_chart_locate },
};

const char *
pledge_chart_kind_to_string (PledgeChartKind kind)
{
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);

  return kinds[kind].name;
}

gboolean
pledge_chart_kind_from_string (const char      *str,
                               PledgeChartKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < PLEDGE_N_CHARTS; i++)
    if (strcmp (str, kinds[i].name) == 0)
      {
        if (kind != NULL)
          *kind = (PledgeChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pledge_chart_kind_get_title (PledgeChartKind kind)
{
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);

  return _(kinds[kind].title);
}

static PledgeChartColour
rgb (guint32 hex)
{
  PledgeChartColour c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };

  return c;
}

void
pledge_chart_style_init (PledgeChartStyle *style,
                         gboolean          dark)
{
  /* The GNOME palette; trend colours distinguishable with the common
   * colour vision deficiencies next to their direct labels. Every colour
   * that draws data has at least 3:1 contrast with the background (WCAG
   * 2.1, non-text contrast); the grid and the faint lines of the members
   * not highlighted stay below it on purpose. */
  static const guint32 light_palette[PLEDGE_CHART_PALETTE_SIZE] = {
    0x1a5fb4, 0xe66100, 0x26a269, 0x813d9c, 0x865e3c, 0x0e7c86, 0xc061cb, 0x9c7c00,
  };
  static const guint32 dark_palette[PLEDGE_CHART_PALETTE_SIZE] = {
    0x62a0ea, 0xffa348, 0x57e389, 0xc08fe0, 0xcdab8f, 0x5bc8d0, 0xf0a0f0, 0xf8e45c,
  };

  /* ColorBrewer's Blues (safe with every common colour vision
   * deficiency), darkest at the top on light, lightest on dark */
  static const guint32 light_share[PLEDGE_CHART_SHARE_STEPS] = {
    0xc6dbef, 0x9ecae1, 0x6baed6, 0x3182bd, 0x08519c,
  };
  static const guint32 dark_share[PLEDGE_CHART_SHARE_STEPS] = {
    0x1f3f66, 0x2f6096, 0x4a86c5, 0x86b6e3, 0xcfe3f7,
  };

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->font_family = "Cantarell";
  style->font_size = 14.0;
  style->dark = !!dark;

  if (!dark)
    {
      style->background = rgb (0xffffff);
      style->foreground = rgb (0x241f31);
      style->muted = rgb (0x5e5c64);
      style->grid = rgb (0xdeddda);
      style->meets = rgb (0x1a5fb4);
      style->partial = rgb (0x3584e4);
      style->misses = rgb (0x949390);
      style->unknown = rgb (0x8a8986);
      style->target = rgb (0xc01c28);
      style->other_target = rgb (0x5e5c64);
      style->faint = rgb (0xd3d2ce);
    }
  else
    {
      style->background = rgb (0x1e1e1e);
      style->foreground = rgb (0xffffff);
      style->muted = rgb (0xc0bfbc);
      style->grid = rgb (0x3d3d3d);
      style->meets = rgb (0x62a0ea);
      style->partial = rgb (0x3574c8);
      style->misses = rgb (0x77767b);
      style->unknown = rgb (0x6a696e);
      style->target = rgb (0xff7b63);
      style->other_target = rgb (0xc0bfbc);
      style->faint = rgb (0x484848);
    }
  for (guint i = 0; i < PLEDGE_CHART_PALETTE_SIZE; i++)
    style->palette[i] = rgb (dark ? dark_palette[i] : light_palette[i]);
  for (guint i = 0; i < PLEDGE_CHART_SHARE_STEPS; i++)
    style->share_scale[i] = rgb (dark ? dark_share[i] : light_share[i]);
}

static const double share_breaks[PLEDGE_CHART_SHARE_STEPS] = { 0, 1.0, 1.5, 2.0, 3.0 };

gboolean
pledge_map_scale_from_string (const char     *str,
                              PledgeMapScale *scale)
{
  g_return_val_if_fail (str != NULL, FALSE);

  if (strcmp (str, "target") == 0)
    *scale = PLEDGE_MAP_SCALE_TARGET;
  else if (strcmp (str, "share") == 0)
    *scale = PLEDGE_MAP_SCALE_SHARE;
  else
    return FALSE;
  return TRUE;
}

int
pledge_map_share_class (double share)
{
  int k = -1;

  if (!isfinite (share) || share < 0)
    return -1;
  for (guint i = 0; i < PLEDGE_CHART_SHARE_STEPS; i++)
    if (share >= share_breaks[i])
      k = (int) i;
  return k;
}

double
pledge_map_share_class_min (guint k)
{
  g_return_val_if_fail (k < PLEDGE_CHART_SHARE_STEPS, 0);

  return share_breaks[k];
}

char *
pledge_chart_get_title (PledgeChartKind         kind,
                        const PledgeChartInput *input)
{
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  return kinds[kind].title_func (input);
}

static gboolean
size_ok (double width,
         double height)
{
  return isfinite (width) && isfinite (height) && width >= 1 && height >= 1 &&
         width <= 1.0e5 && height <= 1.0e5;
}

void
pledge_chart_draw (PledgeChartKind         kind,
                   cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const PledgeChartStyle *style,
                   const PledgeChartInput *input)
{
  g_return_if_fail (kind < PLEDGE_N_CHARTS);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (input != NULL);

  if (!size_ok (width, height))
    return;
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  kinds[kind].draw (cr, width, height, style, input);
}

int
pledge_chart_hit_test (PledgeChartKind         kind,
                       double                  width,
                       double                  height,
                       const PledgeChartStyle *style,
                       const PledgeChartInput *input,
                       double                  x,
                       double                  y)
{
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, -1);
  g_return_val_if_fail (style != NULL, -1);
  g_return_val_if_fail (input != NULL, -1);

  if (!size_ok (width, height) || !isfinite (x) || !isfinite (y))
    return -1;
  if (x < 0 || y < 0 || x >= width || y >= height)
    return -1;

  return kinds[kind].hit_test (width, height, style, input, x, y);
}

int
pledge_chart_year_at (PledgeChartKind         kind,
                      double                  width,
                      double                  height,
                      const PledgeChartStyle *style,
                      const PledgeChartInput *input,
                      double                  x)
{
  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, 0);
  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (input != NULL, 0);

  if (kind != PLEDGE_CHART_TREND || !size_ok (width, height) || !isfinite (x))
    return input->year;
  return pledge_trend_chart_year_at (width, height, style, input, x);
}

PledgeChartElement *
pledge_chart_element_add (GArray *elements,
                          int     member)
{
  /* Renderers set the rectangle; a hit point they leave is the centre */
  PledgeChartElement e = { member, 0, 0, 0, 0, FALSE, 0, 0, 0, 0, NAN, NAN };

  g_array_append_val (elements, e);
  return &g_array_index (elements, PledgeChartElement, elements->len - 1);
}

void
pledge_chart_element_add_row (GArray            *elements,
                              const PledgeChart *c,
                              int                member,
                              double             y,
                              double             height)
{
  PledgeChartElement *e = pledge_chart_element_add (elements, member);

  e->x = c->plot.x;
  e->width = c->plot.width;
  e->y = y;
  e->height = height;
}

GArray *
pledge_chart_locate_all (PledgeChartKind         kind,
                         double                  width,
                         double                  height,
                         const PledgeChartStyle *style,
                         const PledgeChartInput *input)
{
  GArray *elements;
  guint j = 0;

  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  elements = g_array_new (FALSE, FALSE, sizeof (PledgeChartElement));
  if (!size_ok (width, height))
    return elements;
  kinds[kind].locate (width, height, style, input, elements);
  /* Only members and the total, which is all pledge_chart_locate() finds
   * (a renderer's heading or an unmatched country is no member) */
  for (guint i = 0; i < elements->len; i++)
    {
      PledgeChartElement *e = &g_array_index (elements, PledgeChartElement, i);

      if (e->member < 0 || (guint) e->member > input->n_members)
        continue;
      if (!isfinite (e->hit_x) || !isfinite (e->hit_y))
        {
          e->hit_x = e->x + e->width / 2;
          e->hit_y = e->y + e->height / 2;
        }
      g_array_index (elements, PledgeChartElement, j++) = *e;
    }
  g_array_set_size (elements, j);
  return elements;
}

gboolean
pledge_chart_locate (PledgeChartKind         kind,
                     double                  width,
                     double                  height,
                     const PledgeChartStyle *style,
                     const PledgeChartInput *input,
                     int                     member,
                     PledgeChartElement     *element)
{
  g_autoptr(GArray) elements = NULL;

  g_return_val_if_fail (kind < PLEDGE_N_CHARTS, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (element != NULL, FALSE);

  /* What the chart cannot say: the whole chart, hit at its centre */
  *element = (PledgeChartElement) { member, 0, 0, width, height, FALSE, 0, 0, 0, 0,
                                    width / 2, height / 2 };
  if (member < 0 || (guint) member > input->n_members)
    return FALSE;
  elements = pledge_chart_locate_all (kind, width, height, style, input);
  for (guint i = 0; i < elements->len; i++)
    if (g_array_index (elements, PledgeChartElement, i).member == member)
      {
        *element = g_array_index (elements, PledgeChartElement, i);
        return TRUE;
      }
  return FALSE;
}
