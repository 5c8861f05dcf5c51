/* pledge-revisions-chart.c: what a newer edition changed, one dumbbell a member
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each member whose share of GDP in the year differs between two editions
 * gets a row: a ring at the older edition's share, a dot at the newer's,
 * joined. Members whose status against a target changed come first, in a
 * section of their own, with what changed ("leaves 2% of GDP").
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-chart-axis.h"
#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

void
pledge_chart_input_set_compare (PledgeChartInput *input,
                                PledgeCompare    *compare)
{
  g_return_if_fail (input != NULL);

  if (input->compare == compare)
    return;
  g_clear_pointer (&input->compare, pledge_compare_free);
  input->compare = compare;
}

char *
pledge_revisions_chart_title (const PledgeChartInput *input)
{
  /* Translators: a chart's title; %d is a year */
  return g_strdup_printf (_("Revisions of the share of GDP spent on defence, %d"), input->year);
}

typedef struct
{
  const PledgeRevision *revision;  /* NULL: a section's heading */
  const char           *heading;
  int                   member;    /* in the input, -1 when not there */
  double                y;         /* the row's middle */
} Row;

typedef struct
{
  Row             *rows;
  guint            n_rows;
  guint            n_hidden;       /* revisions with no room */
  PledgeAxis       axis;
  double           x0, x1;         /* the axis on the page */
  double           name_x, value_x;
  double           change_x0, change_x1; /* the change column, its zero in the middle */
  double           max_change;
  double           row_h;
  double           axis_y;         /* the tick labels' baseline */
  PledgeTargetLine lines[PLEDGE_MAX_TARGET_LINES];
  guint            n_lines;
  char            *headings[2];
} Layout;

static void
layout_clear (Layout *l)
{
  g_free (l->rows);
  g_free (l->headings[0]);
  g_free (l->headings[1]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

/* A revision of the year's share of GDP, or of a status: not one of the
 * equipment share alone, which this chart does not show */
static gboolean
shown (const PledgeChartInput *input,
       const PledgeRevision   *r)
{
  double was = pledge_revision_old_share (r), is = pledge_revision_new_share (r);
  gboolean share_differs = isfinite (was) != isfinite (is) ||
                           (isfinite (was) && pledge_round2 (was) != pledge_round2 (is));

  return r->year == input->year && (isfinite (was) || isfinite (is)) &&
         (share_differs || r->status_changed);
}

static int
input_member (const PledgeChartInput *input,
              const char             *code)
{
  for (guint i = 0; i < input->n_members; i++)
    if (strcmp (input->members[i].code, code) == 0)
      return (int) i;
  return -1;
}

static void
count (const PledgeChartInput *input,
       guint                  *n,
       guint                  *n_changed)
{
  *n = *n_changed = 0;
  for (guint i = 0; input->compare != NULL && i < input->compare->n_revisions; i++)
    {
      const PledgeRevision *r = &input->compare->revisions[i];

      if (!shown (input, r))
        continue;
      (*n)++;
      if (r->status_changed)
        (*n_changed)++;
    }
}

char *
pledge_revisions_chart_describe (const PledgeChartInput *input)
{
  guint n, n_changed;

  if (input->compare == NULL)
    return g_strdup (_("No other edition to compare with"));
  count (input, &n, &n_changed);
  if (n == 0 && (input->year < input->compare->first || input->year > input->compare->last))
    /* Translators: %d is a year */
    return g_strdup_printf (_("The two editions have no figures for %d in common"),
                            input->year);
  if (n == 0)
    /* Translators: %d is a year */
    return g_strdup_printf (_("No share of GDP for %d differs between the two editions"),
                            input->year);
  {
    g_autofree char *first = NULL, *second = NULL;

    first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: the revisions chart's summary; the
                                           * second half follows */
                                          "%u member’s figures for %d were revised;",
                                          "%u members’ figures for %d were revised;", n),
                             n, input->year);
    second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u changed its status against a target",
                                           "%u changed their status against a target",
                                           n_changed), n_changed);
    return g_strdup_printf ("%s %s", first, second);
  }
}

static char *values_text (const PledgeRevision *r);

void
pledge_revisions_chart_describe_revision (const PledgeChartInput *input,
                                          int                     index,
                                          GString                *out)
{
  const PledgeCompare *compare = input->compare;
  const PledgeChartMember *m = pledge_chart_input_get_member (input, index);

  if (compare == NULL || m == NULL)
    return;
  for (guint i = 0; i < compare->n_revisions; i++)
    {
      const PledgeRevision *r = &compare->revisions[i];
      g_autofree char *values = NULL;
      g_autofree char *status = NULL;

      if (r->year != input->year || strcmp (r->code, m->code) != 0)
        continue;
      values = values_text (r);
      status = pledge_compare_describe_status (compare, r);
      g_string_append_c (out, '\n');
      /* Translators: a tooltip: "Revised share of GDP: 2.00 → 1.99 (old.xml to new.xml)" */
      g_string_append_printf (out, _("Revised share of GDP: %s (%s to %s)"), values,
                              compare->old_name, compare->new_name);
      if (*status != '\0')
        {
          g_string_append_c (out, '\n');
          /* Translators: a tooltip; %s says what changed: "leaves 2% of GDP" */
          g_string_append_printf (out, _("Status: %s"), status);
        }
      return;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;
  double va = pledge_revision_new_share (ra->revision);
  double vb = pledge_revision_new_share (rb->revision);

  if (!isfinite (va))
    va = pledge_revision_old_share (ra->revision);
  if (!isfinite (vb))
    vb = pledge_revision_old_share (rb->revision);
  if (va != vb)
    return va > vb ? -1 : 1;
  return strcmp (ra->revision->code, rb->revision->code);
}

static char *
values_text (const PledgeRevision *r)
{
  double was = pledge_revision_old_share (r), is = pledge_revision_new_share (r);
  g_autofree char *a = isfinite (was) ? pledge_chart_format_number (pledge_round2 (was), 2)
                                      : g_strdup ("–");
  g_autofree char *b = isfinite (is) ? pledge_chart_format_number (pledge_round2 (is), 2)
                                     : g_strdup ("–");

  /* Translators: a revised share of GDP: "2.00 → 1.99" */
  return g_strdup_printf (_("%s → %s"), a, b);
}

static char *
row_text (const PledgeCompare  *compare,
          const PledgeRevision *r)
{
  g_autofree char *values = values_text (r);
  g_autofree char *status = NULL;

  if (!r->status_changed)
    return g_steal_pointer (&values);
  status = pledge_compare_describe_status (compare, r);
  return g_strdup_printf ("%s · %s", values, status);
}

/* "Defence expenditure of NATO countries, 2014-2024, June 2024 edition":
 * the title, and the edition where the file gives one */
static char *
edition_text (PledgeDataset *dataset)
{
  const PledgeEdition *edition = pledge_dataset_get_edition (dataset);
  g_autofree char *described = NULL;

  if (edition == NULL)
    return g_strdup (pledge_dataset_get_title (dataset));
  described = pledge_edition_describe (edition);
  /* Translators: a dataset's title and its edition */
  return g_strdup_printf (_("%s, %s"), pledge_dataset_get_title (dataset), described);
}

static char *
editions_note (const PledgeCompare *compare)
{
  g_autofree char *older = edition_text (compare->old_dataset);
  g_autofree char *newer = edition_text (compare->new_dataset);

  /* Translators: a chart's footnote naming the two editions compared */
  return g_strdup_printf (_("Older: %s. Newer: %s."), older, newer);
}

static gboolean
revisions_layout (PledgeChart *c,
                  Layout      *l)
{
  const PledgeChartInput *input = c->input;
  const PledgeChartStyle *style = c->style;
  const PledgeCompare *compare = input->compare;
  g_autofree char *title = pledge_revisions_chart_title (input);
  g_autofree char *subtitle = pledge_chart_input_describe (input, PLEDGE_CHART_REVISIONS);
  g_autofree char *note = compare != NULL ? editions_note (compare) : NULL;
  g_autofree Row *changed = NULL, *other = NULL;
  g_auto(PledgeLegend) legend = { 0 };
  guint n = 0, n_changed = 0, n_other = 0, capacity, k = 0;
  double lo = INFINITY, hi = -INFINITY, name_w = 0, value_w = 0, line_h, avail, top;

  count (input, &n, &n_changed);
  if (n > 0)
    {
      const char *label = NULL;

      pledge_legend_add (&legend, PLEDGE_SWATCH_RING, &style->foreground,
                         /* Translators: a legend entry: the older edition's figure */
                         _("Older edition"));
      l->n_lines = pledge_chart_collect_targets (input, FALSE, l->lines);
      for (guint i = 0; i < l->n_lines; i++)
        if (l->lines[i].selected)
          label = l->lines[i].label;
      if (label != NULL)
        {
          /* Translators: legend entries: the newer edition's figure, and
           * whether it meets the target; %s is a target, "2% of GDP" */
          legend.owned[0] = g_strdup_printf (_("Newer edition: meets %s"), label);
          legend.owned[1] = g_strdup_printf (_("Newer edition: below %s"), label);
          pledge_legend_add (&legend, PLEDGE_SWATCH_DOT, &style->meets, legend.owned[0]);
          pledge_legend_add (&legend, PLEDGE_SWATCH_DOT, &style->misses, legend.owned[1]);
          pledge_legend_add (&legend, PLEDGE_SWATCH_DASHED_LINE, &style->target, label);
        }
      else
        pledge_legend_add (&legend, PLEDGE_SWATCH_DOT, &style->meets,
                           /* Translators: a legend entry: the newer edition's figure */
                           _("Newer edition"));
    }
  pledge_chart_frame (c, title, subtitle, &legend, note);
  if (compare == NULL)
    {
      pledge_chart_message (c, _("Choose an edition to compare with: Compare With in the "
                                 "main menu, or --compare on the command line"));
      return FALSE;
    }
  if (n == 0)
    {
      /* The subtitle says why */
      pledge_chart_message (c, subtitle);
      return FALSE;
    }

  changed = g_new0 (Row, n_changed + 1);
  other = g_new0 (Row, n - n_changed + 1);
  for (guint i = 0; i < compare->n_revisions; i++)
    {
      const PledgeRevision *r = &compare->revisions[i];
      Row *row;
      double v[2] = { pledge_revision_old_share (r), pledge_revision_new_share (r) };

      if (!shown (input, r))
        continue;
      row = r->status_changed ? &changed[k++] : &other[n_other++];
      row->revision = r;
      row->member = input_member (input, r->code);
      for (guint j = 0; j < 2; j++)
        if (isfinite (v[j]))
          {
            lo = MIN (lo, v[j]);
            hi = MAX (hi, v[j]);
          }
    }
  qsort (changed, n_changed, sizeof (Row), compare_rows);
  qsort (other, n_other, sizeof (Row), compare_rows);

  /* Rows: a heading a section, as many revisions as fit, the changed first */
  line_h = pledge_chart_line_height (c, PLEDGE_FONT_LABEL);
  l->row_h = MAX (line_h * 1.25, MIN (c->em * 2.6, c->plot.height / (n + 4.5)));
  avail = c->plot.height - line_h * 1.6;   /* the axis labels */
  capacity = (guint) MAX (0.0, floor (avail / l->row_h)) ;
  l->rows = g_new0 (Row, n + 2);
  l->headings[0] = g_strdup_printf (_("Status changed (%u)"), n_changed);
  l->headings[1] = g_strdup_printf (n_changed > 0 ? _("Other revisions (%u)") : _("Revised (%u)"),
                                    n - n_changed);
  /* Past the room there is, the last row says how many more */
  if (n + (n_changed > 0) + (n_other > 0) > capacity)
    capacity = capacity > 0 ? capacity - 1 : 0;
  for (guint s = 0; s < 2; s++)
    {
      Row *src = s == 0 ? changed : other;
      guint m = s == 0 ? n_changed : n_other, j = 0;

      if (m > 0 && l->n_rows + 2 <= capacity)
        {
          l->rows[l->n_rows].heading = l->headings[s];
          l->rows[l->n_rows].member = -1;
          l->n_rows++;
          for (; j < m && l->n_rows < capacity; j++)
            l->rows[l->n_rows++] = src[j];
        }
      l->n_hidden += m - j;
    }

  /* Columns: names, the dumbbells, the values */
  for (guint i = 0; i < l->n_rows; i++)
    {
      const Row *row = &l->rows[i];
      g_autofree char *text = NULL;

      if (row->revision == NULL)
        continue;
      text = row_text (compare, row->revision);
      name_w = MAX (name_w, pledge_chart_text_width (c, PLEDGE_FONT_LABEL, row->revision->name));
      value_w = MAX (value_w, pledge_chart_text_width (c, row->revision->status_changed
                                                          ? PLEDGE_FONT_BODY_BOLD
                                                          : PLEDGE_FONT_LABEL, text));
      l->max_change = MAX (l->max_change, fabs (pledge_round2 (pledge_revision_new_share (
                                                  row->revision)) -
                                                pledge_round2 (pledge_revision_old_share (
                                                  row->revision))));
    }
  if (!isfinite (l->max_change) || l->max_change <= 0)
    l->max_change = 0.01;
  name_w = MIN (name_w, c->plot.width * 0.25);
  value_w = MIN (value_w, c->plot.width * 0.4);
  l->name_x = c->plot.x;
  l->x0 = c->plot.x + name_w + c->em * 1.2;
  l->value_x = c->plot.x + c->plot.width - value_w;
  /* The change on a scale of its own, or revisions of 0.01 would not show */
  l->change_x1 = l->value_x - c->em * 1.2;
  l->change_x0 = l->change_x1 - c->em * 7;
  l->x1 = l->change_x0 - c->em * 2.0;
  if (l->x1 - l->x0 < c->em * 6)
    {
      pledge_chart_no_room (c);
      return FALSE;
    }

  /* The axis: the shares and the target lines near them */
  for (guint i = 0; i < l->n_lines; i++)
    if (l->lines[i].selected)
      {
        lo = MIN (lo, l->lines[i].value);
        hi = MAX (hi, l->lines[i].value);
      }
  {
    double margin = MAX (0.05, (hi - lo) * 0.04);

    pledge_axis_init (&l->axis, MAX (0.0, lo - margin), hi + margin,
                      (guint) MAX (2.0, (l->x1 - l->x0) / (c->em * 5)));
  }

  top = c->plot.y + line_h * 1.6;
  l->axis_y = c->plot.y + line_h * 0.8;
  for (guint i = 0; i < l->n_rows; i++)
    l->rows[i].y = top + l->row_h * (i + 0.5);
  return TRUE;
}

static void
revisions_paint (PledgeChart  *c,
                 const Layout *l)
{
  const PledgeChartStyle *style = c->style;
  const PledgeCompare *compare = c->input->compare;
  const PledgeChartTarget *target = pledge_chart_input_get_target (c->input);
  double top = l->n_rows > 0 ? l->rows[0].y - l->row_h / 2 : l->axis_y;
  double bottom = l->n_rows > 0 ? l->rows[l->n_rows - 1].y + l->row_h / 2 : l->axis_y;
  double r = CLAMP (l->row_h * 0.2, 3.0, c->em * 0.38);
  double target_min = NAN;

  if (target != NULL && target->metric != PLEDGE_METRIC_EQUIPMENT_DEFENCE)
    target_min = target->min;
  else
    for (guint i = 0; i < l->n_lines; i++)
      if (l->lines[i].selected)
        target_min = l->lines[i].value;

  /* Grid and ticks */
  for (guint k = 0; k < l->axis.n_ticks; k++)
    {
      double v = pledge_axis_tick (&l->axis, k);
      double x = pledge_axis_map (&l->axis, v, l->x0, l->x1);
      g_autofree char *tick = pledge_chart_format_percent (v, l->axis.decimals);

      pledge_chart_line (c, x, top, x, bottom, 1.0, &style->grid, FALSE);
      pledge_chart_text (c, PLEDGE_FONT_LABEL, tick, x, l->axis_y, 0.5, 0.5, 0, &style->muted);
    }
  /* The change column: its heading, and a line at zero */
  {
    double zero = (l->change_x0 + l->change_x1) / 2;
    g_autofree char *max = pledge_chart_format_number (l->max_change, 2);
    /* Translators: the heading of the revisions chart's column of changes; %s is
     * the largest change it shows, "±0.05" */
    g_autofree char *heading = g_strdup_printf (_("Change (±%s)"), max);

    pledge_chart_text (c, PLEDGE_FONT_LABEL, heading, zero, l->axis_y, 0.5, 0.5, 0,
                       &style->muted);
    pledge_chart_line (c, zero, top, zero, bottom, 1.0, &style->muted, FALSE);
  }
  /* The selected target's line */
  for (guint i = 0; i < l->n_lines; i++)
    {
      double x;

      if (!l->lines[i].selected)
        continue;
      x = pledge_axis_map (&l->axis, l->lines[i].value, l->x0, l->x1);
      pledge_chart_line (c, x, top, x, bottom, MAX (1.5, c->em * 0.12), &style->target, TRUE);
    }

  for (guint i = 0; i < l->n_rows; i++)
    {
      const Row *row = &l->rows[i];
      const PledgeRevision *rev = row->revision;
      double was, is, xa, xb;
      g_autofree char *text = NULL;
      const PledgeChartColour *colour;

      if (rev == NULL)
        {
          pledge_chart_text (c, PLEDGE_FONT_BODY_BOLD, row->heading, l->name_x, row->y, 0, 0.5, 0,
                             &style->foreground);
          continue;
        }
      was = pledge_revision_old_share (rev);
      is = pledge_revision_new_share (rev);
      xa = pledge_axis_map (&l->axis, was, l->x0, l->x1);
      xb = pledge_axis_map (&l->axis, is, l->x0, l->x1);
      colour = isfinite (target_min) && isfinite (is) && pledge_round2 (is) < target_min
               ? &style->misses : &style->meets;

      if (i % 2 == 1)
        pledge_chart_fill_rect (c, l->name_x, row->y - l->row_h / 2, l->value_x - l->name_x,
                                l->row_h, &(PledgeChartColour) { style->grid.red,
                                  style->grid.green, style->grid.blue, 0.25 });
      {
        g_autofree char *name = pledge_chart_truncate (rev->name, 28);

        pledge_chart_text (c, PLEDGE_FONT_LABEL, name, l->x0 - c->em * 0.8, row->y, 1, 0.5, 0,
                           &style->foreground);
      }
      if (isfinite (was) && isfinite (is))
        pledge_chart_line (c, xa, row->y, xb, row->y, MAX (2.0, r * 0.6), &style->muted, FALSE);
      if (isfinite (is))
        pledge_chart_dot (c, xb, row->y, r, colour, NULL);
      /* The older figure over the newer, so a revision of 0.01 still shows both */
      if (isfinite (was))
        pledge_chart_ring (c, xa, row->y, r, &style->foreground);
      if (isfinite (was) && isfinite (is))
        {
          double zero = (l->change_x0 + l->change_x1) / 2;
          double change = pledge_round2 (is) - pledge_round2 (was);
          double w = (l->change_x1 - l->change_x0) / 2 * CLAMP (change / l->max_change, -1, 1);

          pledge_chart_fill_rect (c, MIN (zero, zero + w), row->y - l->row_h * 0.22, fabs (w),
                                  l->row_h * 0.44, &style->muted);
        }
      text = row_text (compare, rev);
      pledge_chart_text (c, rev->status_changed ? PLEDGE_FONT_BODY_BOLD : PLEDGE_FONT_LABEL,
                         text, l->value_x, row->y, 0, 0.5, 0,
                         rev->status_changed ? &style->foreground : &style->muted);
    }

  if (l->n_hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more revision",
                                                            "and %u more revisions",
                                                            l->n_hidden), l->n_hidden);

      pledge_chart_text (c, PLEDGE_FONT_LABEL, more, l->name_x, bottom + l->row_h / 2, 0, 0.5, 0,
                         &style->muted);
    }
}

void
pledge_revisions_chart_draw (cairo_t                *cr,
                             double                  width,
                             double                  height,
                             const PledgeChartStyle *style,
                             const PledgeChartInput *input)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_REVISIONS, cr, width, height, style, input);
  if (revisions_layout (&c, &l))
    revisions_paint (&c, &l);
  pledge_chart_end (&c);
}

int
pledge_revisions_chart_hit_test (double                  width,
                                 double                  height,
                                 const PledgeChartStyle *style,
                                 const PledgeChartInput *input,
                                 double                  x,
                                 double                  y)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;
  int hit = -1;

  pledge_chart_begin (&c, PLEDGE_CHART_REVISIONS, NULL, width, height, style, input);
  if (revisions_layout (&c, &l) && x >= c.plot.x && x < c.plot.x + c.plot.width)
    for (guint i = 0; i < l.n_rows; i++)
      if (l.rows[i].revision != NULL && fabs (y - l.rows[i].y) <= l.row_h / 2)
        hit = l.rows[i].member;
  pledge_chart_end (&c);
  return hit;
}

void
pledge_revisions_chart_locate (double                  width,
                               double                  height,
                               const PledgeChartStyle *style,
                               const PledgeChartInput *input,
                               GArray                 *elements)
{
  g_auto(Layout) l = { 0 };
  PledgeChart c;

  pledge_chart_begin (&c, PLEDGE_CHART_REVISIONS, NULL, width, height, style, input);
  if (revisions_layout (&c, &l))
    for (guint i = 0; i < l.n_rows; i++)
      /* A member's row, not a heading's */
      if (l.rows[i].revision != NULL)
        pledge_chart_element_add_row (elements, &c, l.rows[i].member, l.rows[i].y - l.row_h / 2,
                                      l.row_h);
  pledge_chart_end (&c);
}
