/* pledge-chart-frame.c: title, legend and footer around a chart
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pledge-chart-common.h"
#include "pledge-chart-frame.h"
#include "pledge-chart-legend.h"
#include "pledge-chart-text.h"

/* Each part of a footer: Pango lays out all of a text before it ellipsizes */
#define FOOTER_MAX_CHARS 300

static char *
footer_text (PledgeChart *c,
             const char  *note)
{
  const PledgeChartInput *in = c->input;
  g_autoptr(GString) s = g_string_new (NULL);

  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = pledge_chart_truncate (note, FOOTER_MAX_CHARS);

      g_string_append (s, text);
      g_string_append_c (s, '\n');
    }
  if (in->title != NULL && *in->title != '\0')
    {
      g_autofree char *text = pledge_chart_truncate (in->title, FOOTER_MAX_CHARS);

      g_string_append (s, text);
    }
  /* Format v2: which edition of the publication, on which basis */
  if (in->edition != NULL)
    {
      g_autofree char *text = pledge_chart_truncate (in->edition, FOOTER_MAX_CHARS);

      if (s->len > 0 && s->str[s->len - 1] != '\n')
        g_string_append (s, " · ");
      g_string_append (s, text);
    }
  if (c->kind == PLEDGE_CHART_TREND && in->n_years > 0)
    {
      if (s->len > 0 && s->str[s->len - 1] != '\n')
        g_string_append (s, " · ");
      if (in->first_year == in->last_year)
        g_string_append_printf (s, "%d", in->first_year);
      else
        g_string_append_printf (s, "%d–%d", in->first_year, in->last_year);
    }
  else
    {
      if (s->len > 0 && s->str[s->len - 1] != '\n')
        g_string_append (s, " · ");
      g_string_append_printf (s, "%d", in->year);
    }
  if (in->scenario_name != NULL)
    {
      g_autofree char *text = pledge_chart_truncate (in->scenario_name, FOOTER_MAX_CHARS);

      g_string_append (s, " · ");
      /* Translators: a chart's footer; %s is a scenario's name */
      g_string_append_printf (s, _("Scenario: %s"), text);
    }
  if (in->n_sources > 0)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s",
                                              in->n_sources),
                              in->footer_sources);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
pledge_chart_frame (PledgeChart        *c,
                    const char         *title,
                    const char         *subtitle,
                    const PledgeLegend *legend,
                    const char         *note)
{
  const PledgeChartStyle *style = c->style;
  double text_width = MAX (1.0, c->width - 2 * c->pad);
  g_autoptr(PangoLayout) title_layout = pledge_chart_layout (c, PLEDGE_FONT_TITLE, title);
  g_autoptr(PangoLayout) subtitle_layout = pledge_chart_layout (c, PLEDGE_FONT_SUBTITLE, subtitle);
  g_autofree char *footer = footer_text (c, note);
  g_autoptr(PangoLayout) footer_layout = pledge_chart_layout (c, PLEDGE_FONT_FOOTER, footer);
  double y = c->pad * 0.85, h, footer_h, footer_line, footer_max, bottom;

  if (c->cr != NULL)
    {
      pledge_chart_set_colour (c, &style->background);
      cairo_paint (c->cr);
    }

  for (guint i = 0; i < 2; i++)
    {
      PangoLayout *layout = i == 0 ? title_layout : subtitle_layout;

      pango_layout_set_width (layout, (int) (text_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  pledge_chart_show (c, title_layout, c->pad, y, 0, 0, 0, &style->foreground);
  pledge_chart_layout_size (title_layout, NULL, &h);
  y += h + c->em * 0.15;
  if (subtitle != NULL && *subtitle != '\0')
    {
      pledge_chart_show (c, subtitle_layout, c->pad, y, 0, 0, 0, &style->foreground);
      pledge_chart_layout_size (subtitle_layout, NULL, &h);
      y += h;
    }
  y += c->em * 0.5;
  h = pledge_legend_run (c, legend, y);
  if (h > 0)
    y += h + c->em * 0.4;

  /* The footer: at most a fifth of the chart, ellipsized past that. */
  footer_line = pledge_chart_line_height (c, PLEDGE_FONT_FOOTER);
  footer_max = MAX (footer_line, floor (c->height * 0.2 / footer_line) * footer_line);
  pango_layout_set_width (footer_layout, (int) (text_width * PANGO_SCALE));
  pango_layout_set_wrap (footer_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (footer_layout, (int) (footer_max * PANGO_SCALE));
  pango_layout_set_ellipsize (footer_layout, PANGO_ELLIPSIZE_END);
  pledge_chart_layout_size (footer_layout, NULL, &footer_h);
  bottom = c->height - c->pad * 0.7 - footer_h;
  pledge_chart_show (c, footer_layout, c->pad, bottom, 0, 0, 0, &style->muted);
  pledge_chart_line (c, c->pad, bottom - c->em * 0.45, c->width - c->pad, bottom - c->em * 0.45,
                     1.0, &style->grid, FALSE);

  c->plot.x = c->pad;
  c->plot.width = text_width;
  c->plot.y = y + c->em * 0.2;
  c->plot.height = MAX (1.0, bottom - c->em * 1.0 - c->plot.y);
}

void
pledge_chart_message (PledgeChart *c,
                      const char  *message)
{
  g_autoptr(PangoLayout) layout = pledge_chart_layout (c, PLEDGE_FONT_SUBTITLE, message);

  pango_layout_set_width (layout, (int) (MAX (1.0, c->plot.width) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pledge_chart_show (c, layout, c->plot.x + c->plot.width / 2, c->plot.y + c->plot.height / 2,
                     0.5, 0.5, 0, &c->style->muted);
}

void
pledge_chart_no_room (PledgeChart *c)
{
  if (c->plot.height >= pledge_chart_line_height (c, PLEDGE_FONT_SUBTITLE) * 1.2)
    pledge_chart_message (c, _("Not enough room for the chart"));
}
