/* pledge-chart-focus.c: a chart's elements for the keyboard and assistive technology
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-focus.h"
#include "pledge-chart-text.h"

/* The value the keyboard orders members by: the chart's metric, as the
 * bar charts sort their bars */
static double
order_value (PledgeChartKind          kind,
             const PledgeChartMember *m)
{
  switch (kind)
    {
    case PLEDGE_CHART_BURDEN:
      return m->alliance_share;
    case PLEDGE_CHART_GAP:
      return m->gap;
    case PLEDGE_CHART_EQUIPMENT:
      return m->equipment;
    case PLEDGE_CHART_COMPLIANCE:
    case PLEDGE_CHART_TREND:
    case PLEDGE_N_CHARTS:
    default:
      return m->value;
    }
}

typedef struct
{
  PledgeChartKind         kind;
  const PledgeChartInput *input;
} OrderData;

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const OrderData *d = user_data;
  const PledgeChartMember *ma = &d->input->members[*(const int *) a];
  const PledgeChartMember *mb = &d->input->members[*(const int *) b];
  double va = order_value (d->kind, ma), vb = order_value (d->kind, mb);
  gboolean ka = isfinite (va) && va >= 0, kb = isfinite (vb) && vb >= 0;

  /* Tallest first, then those with no figure: as the compliance chart */
  if (ka != kb)
    return ka ? -1 : 1;
  if (ka && va != vb)
    return va > vb ? -1 : 1;
  return (int) ma->index - (int) mb->index;
}

GArray *
pledge_chart_focus_members (PledgeChartKind         kind,
                            const PledgeChartInput *input)
{
  GArray *members = g_array_new (FALSE, FALSE, sizeof (int));
  OrderData data = { kind, input };

  g_return_val_if_fail (input != NULL, members);

  for (guint i = 0; i < input->n_members; i++)
    if (input->members[i].in_year)
      {
        int index = (int) i;

        g_array_append_val (members, index);
      }
  g_array_sort_with_data (members, compare_members, &data);
  return members;
}

int
pledge_chart_focus_step (const GArray *members,
                         int           current,
                         int           delta)
{
  int position = -1;

  g_return_val_if_fail (members != NULL, -1);

  if (members->len == 0)
    return -1;
  for (guint i = 0; i < members->len; i++)
    if (g_array_index (members, int, i) == current)
      position = (int) i;
  if (position < 0)
    return g_array_index (members, int, 0);
  position = CLAMP (position + delta, 0, (int) members->len - 1);
  return g_array_index (members, int, position);
}

char *
pledge_chart_focus_describe (const PledgeChartInput *input,
                             int                     member)
{
  const PledgeChartMember *m;
  const PledgeChartTarget *target;
  g_autofree char *value = NULL;
  const char *meets;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (member >= 0 && (guint) member < input->n_members, NULL);

  m = &input->members[member];
  target = pledge_chart_input_get_target (input);
  if (!isfinite (m->defence_gdp))
    /* Translators: a chart's element for screen readers: "Iceland, no
     * figures" */
    return g_strdup_printf (_("%s, no figures"), m->name);

  value = pledge_chart_format_number (m->defence_gdp, 2);
  switch (m->meets)
    {
    case PLEDGE_MEETS_YES:
      /* Translators: "meets 2% of GDP" */
      meets = _("meets");
      break;
    case PLEDGE_MEETS_NO:
      /* Translators: "below 2% of GDP" */
      meets = _("below");
      break;
    case PLEDGE_MEETS_UNKNOWN:
    default:
      /* Translators: "not known against 2% of GDP" */
      meets = _("not known against");
      break;
    }
  /* Translators: a chart's element for screen readers: member, its share
   * of GDP, and how it stands to the target: "Germany, 1.20% of GDP,
   * below 2% of GDP" */
  return g_strdup_printf (_("%s, %s%% of GDP, %s %s"), m->name, value, meets,
                          target != NULL ? target->label : "");
}

gboolean
pledge_chart_focus_element (PledgeChartKind         kind,
                            double                  width,
                            double                  height,
                            const PledgeChartStyle *style,
                            const PledgeChartInput *input,
                            int                     member,
                            PledgeChartElement     *element)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (element != NULL, FALSE);

  if (member < 0 || (guint) member >= input->n_members)
    {
      *element = (PledgeChartElement) { member, 0, 0, width, height, FALSE, 0, 0, 0, 0,
                                        width / 2, height / 2 };
      return FALSE;
    }
  return pledge_chart_locate (kind, width, height, style, input, member, element);
}

double
pledge_chart_focus_value_at (const PledgeChartElement *element,
                             double                    y)
{
  double value;

  g_return_val_if_fail (element != NULL, 0);

  if (!element->draggable || element->axis_to == element->axis_from)
    return 0;
  value = element->axis_min + (y - element->axis_from) / (element->axis_to - element->axis_from) *
                                (element->axis_max - element->axis_min);
  return MAX (0, round (value * 100) / 100);
}

double
pledge_chart_focus_nudge (double value,
                          double delta)
{
  if (!isfinite (value))
    value = 0;
  return MAX (0, round ((value + delta) * 100) / 100);
}
