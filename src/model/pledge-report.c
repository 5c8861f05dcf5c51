/* pledge-report.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-number.h"
#include "pledge-plan.h"
#include "pledge-report.h"

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            double   value)
{
  char buf[PLEDGE_NUMBER_BUF_SIZE];

  if (isfinite (value))
    g_string_append (out, pledge_number_format (buf, value));
}

static void
csv_percent (GString *out,
             double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value) || !isfinite (pledge_round2 (value)))
    return;
  value = pledge_round2 (value);
  /* %.2f of 1e36 or more does not fit the usual buffer: print it whole. */
  if (fabs (value) < 1e30)
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
  else
    {
      g_autofree char *big = g_malloc (G_ASCII_DTOSTR_BUF_SIZE + 320);

      g_string_append (out, g_ascii_formatd (big, G_ASCII_DTOSTR_BUF_SIZE + 320, "%.2f", value));
    }
}

static double
figure (const PledgeFigures *f,
        PledgeField          field)
{
  return f != NULL && pledge_figures_has (f, field) ? f->values[field] : NAN;
}

static void
write_csv (PledgeSnapshot *snapshot,
           int             first,
           int             last,
           GString        *out)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  guint n_targets = pledge_dataset_get_n_targets (dataset);
  guint n_members = pledge_dataset_get_n_members (dataset);

  g_string_append (out, "year,member,name,defence,gdp,defence_gdp,equipment_defence,"
                        "alliance_share,status");
  for (guint t = 0; t < n_targets; t++)
    {
      g_string_append_c (out, ',');
      csv_field (out, pledge_dataset_get_target (dataset, t)->id);
    }
  g_string_append_c (out, '\n');

  for (int year = first; year <= last; year++)
    for (guint i = 0; i < n_members; i++)
      {
        const PledgeMember *member = pledge_dataset_get_member (dataset, i);
        const PledgeFigures *f;

        if (!pledge_member_is_member_in (member, year))
          continue;

        f = pledge_snapshot_get_figures (snapshot, i, year);
        g_string_append_printf (out, "%d,%s,", year, member->code);
        csv_field (out, member->name);
        g_string_append_c (out, ',');
        csv_number (out, figure (f, PLEDGE_FIELD_DEFENCE));
        g_string_append_c (out, ',');
        csv_number (out, figure (f, PLEDGE_FIELD_GDP));
        g_string_append_c (out, ',');
        csv_percent (out, f ? pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP) : NAN);
        g_string_append_c (out, ',');
        csv_percent (out, f ? pledge_figures_metric (f, PLEDGE_METRIC_EQUIPMENT_DEFENCE) : NAN);
        g_string_append_c (out, ',');
        csv_percent (out, pledge_snapshot_get_alliance_share (snapshot, i, year));
        g_string_append_c (out, ',');
        g_string_append (out, pledge_status_to_string (pledge_figures_status (f)));
        for (guint t = 0; t < n_targets; t++)
          {
            g_string_append_c (out, ',');
            g_string_append (out, pledge_meets_to_string (pledge_snapshot_meets (snapshot, i, year, t)));
          }
        g_string_append_c (out, '\n');
      }
}

char *
pledge_report_summary (PledgeSnapshot *snapshot,
                       int             year,
                       guint           target_index)
{
  const PledgeTarget *target;
  guint meeting, members;

  g_return_val_if_fail (snapshot != NULL, NULL);

  target = pledge_dataset_get_target (pledge_snapshot_get_dataset (snapshot), target_index);
  pledge_snapshot_count (snapshot, year, target_index, &meeting, &members);

  /* Translators: "2016: 5 of 28 members meet gdp-2 (Defence Investment Pledge: ...)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d: %u of %u member meets %s (%s)",
                                       "%d: %u of %u members meet %s (%s)",
                                       members),
                          year, meeting, members, target->id, target->name);
}

static char *
text_number (double value,
             int    decimals)
{
  if (!isfinite (value) || (decimals == 2 && !isfinite (pledge_round2 (value))))
    return g_strdup ("");
  /* The ' flag groups thousands as the user's locale does. */
  return g_strdup_printf ("%'.*f", decimals, decimals == 2 ? pledge_round2 (value) : value);
}

static const char *
status_label (PledgeStatus status)
{
  switch (status)
    {
    case PLEDGE_STATUS_NO_DATA:
      return C_("status", "no data");
    case PLEDGE_STATUS_PROJECTED:
      return C_("status", "projected");
    case PLEDGE_STATUS_EDITED:
      return C_("status", "edited");
    case PLEDGE_STATUS_ESTIMATE:
      return C_("status", "estimate");
    case PLEDGE_STATUS_REPORTED:
    default:
      return C_("status", "reported");
    }
}

static const char *
meets_label (PledgeMeets meets)
{
  switch (meets)
    {
    case PLEDGE_MEETS_YES:
      return C_("meets target", "yes");
    case PLEDGE_MEETS_NO:
      return C_("meets target", "no");
    case PLEDGE_MEETS_UNKNOWN:
    default:
      return C_("meets target", "unknown");
    }
}

static void
write_text (PledgeSnapshot *snapshot,
            int             first,
            int             last,
            GString        *out)
{
  PledgeDataset *dataset = pledge_snapshot_get_dataset (snapshot);
  guint n_targets = pledge_dataset_get_n_targets (dataset);
  guint n_members = pledge_dataset_get_n_members (dataset);
  guint n_columns = 9 + n_targets;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  /* Right-aligned columns: the numbers. */
  static const gboolean numeric[9] = { TRUE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE };
  guint n_rows;

  g_ptr_array_add (cells, g_strdup (_("Year")));
  g_ptr_array_add (cells, g_strdup (_("Member")));
  g_ptr_array_add (cells, g_strdup (_("Name")));
  g_ptr_array_add (cells, g_strdup (_("Defence")));
  g_ptr_array_add (cells, g_strdup (_("GDP")));
  /* xgettext:no-c-format */
  g_ptr_array_add (cells, g_strdup (_("% GDP")));
  /* xgettext:no-c-format */
  g_ptr_array_add (cells, g_strdup (_("% equipment")));
  /* xgettext:no-c-format */
  g_ptr_array_add (cells, g_strdup (_("% alliance")));
  g_ptr_array_add (cells, g_strdup (_("Status")));
  for (guint t = 0; t < n_targets; t++)
    g_ptr_array_add (cells, g_strdup (pledge_dataset_get_target (dataset, t)->id));

  for (int year = first; year <= last; year++)
    for (guint i = 0; i < n_members; i++)
      {
        const PledgeMember *member = pledge_dataset_get_member (dataset, i);
        const PledgeFigures *f;

        if (!pledge_member_is_member_in (member, year))
          continue;

        f = pledge_snapshot_get_figures (snapshot, i, year);
        g_ptr_array_add (cells, g_strdup_printf ("%d", year));
        g_ptr_array_add (cells, g_strdup (member->code));
        g_ptr_array_add (cells, g_strdup (member->name));
        g_ptr_array_add (cells, text_number (figure (f, PLEDGE_FIELD_DEFENCE), 0));
        g_ptr_array_add (cells, text_number (figure (f, PLEDGE_FIELD_GDP), 0));
        g_ptr_array_add (cells, text_number (f ? pledge_figures_metric (f, PLEDGE_METRIC_DEFENCE_GDP) : NAN, 2));
        g_ptr_array_add (cells, text_number (f ? pledge_figures_metric (f, PLEDGE_METRIC_EQUIPMENT_DEFENCE) : NAN, 2));
        g_ptr_array_add (cells, text_number (pledge_snapshot_get_alliance_share (snapshot, i, year), 2));
        g_ptr_array_add (cells, g_strdup (status_label (pledge_figures_status (f))));
        for (guint t = 0; t < n_targets; t++)
          g_ptr_array_add (cells, g_strdup (meets_label (pledge_snapshot_meets (snapshot, i, year, t))));
      }

  n_rows = cells->len / n_columns;
  for (guint k = 0; k < cells->len; k++)
    widths[k % n_columns] = MAX (widths[k % n_columns],
                                 g_utf8_strlen (g_ptr_array_index (cells, k), -1));

  for (guint r = 0; r < n_rows; r++)
    {
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = g_ptr_array_index (cells, r * n_columns + c);
          guint pad = widths[c] - g_utf8_strlen (cell, -1);
          gboolean right = c < G_N_ELEMENTS (numeric) && numeric[c];

          if (c > 0)
            g_string_append (line, "  ");
          if (right)
            for (guint p = 0; p < pad; p++)
              g_string_append_c (line, ' ');
          g_string_append (line, cell);
          if (!right)
            for (guint p = 0; p < pad; p++)
              g_string_append_c (line, ' ');
        }
      /* No trailing blanks. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_len (out, line->str, line->len);
      g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }

  g_string_append_c (out, '\n');
  for (int year = first; year <= last; year++)
    for (guint t = 0; t < n_targets; t++)
      {
        g_autofree char *summary = pledge_report_summary (snapshot, year, t);

        g_string_append (out, summary);
        g_string_append_c (out, '\n');
      }
}

void
pledge_report_write (PledgeSnapshot     *snapshot,
                     int                 first,
                     int                 last,
                     PledgeReportFormat  format,
                     GString            *out)
{
  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (first <= last);

  if (format == PLEDGE_REPORT_CSV)
    write_csv (snapshot, first, last, out);
  else
    write_text (snapshot, first, last, out);
}

gboolean
pledge_report_write_plan (PledgeSnapshot     *snapshot,
                          guint               target_index,
                          PledgeReportFormat  format,
                          GString            *out,
                          GError            **error)
{
  PledgeDataset *dataset;
  const PledgeTarget *target;
  g_autoptr(GArray) rows = NULL;
  int start;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  dataset = pledge_snapshot_get_dataset (snapshot);
  target = pledge_dataset_get_target (dataset, target_index);
  rows = pledge_plan_compute (snapshot, target_index, &start, error);
  if (rows == NULL)
    return FALSE;

  if (format == PLEDGE_REPORT_CSV)
    {
      g_string_append_printf (out, "member,name,share_%d,growth_needed,first_year_met,gap_%d,"
                                   "cumulative_gap_%d_%d\n", start, start, start, target->due);
      for (guint i = 0; i < rows->len; i++)
        {
          const PledgePlanRow *row = &g_array_index (rows, PledgePlanRow, i);
          const PledgeMember *member = pledge_dataset_get_member (dataset, row->member);

          g_string_append_printf (out, "%s,", member->code);
          csv_field (out, member->name);
          g_string_append_c (out, ',');
          csv_percent (out, row->share_now);
          g_string_append_c (out, ',');
          csv_percent (out, row->growth);
          g_string_append_c (out, ',');
          if (row->first_met)
            g_string_append_printf (out, "%d", row->first_met);
          g_string_append_c (out, ',');
          csv_number (out, row->gap_now);
          g_string_append_c (out, ',');
          csv_number (out, row->cumulative_gap);
          g_string_append_c (out, '\n');
        }
      return TRUE;
    }

  /* Translators: the heading of pledge --report --plan */
  g_string_append_printf (out, _("What each member needs to meet %s (%s) by %d, from %d\n\n"),
                          target->id, target->name, target->due, start);
  g_string_append_printf (out, "%-6s  %-24s  %10s  %14s  %14s  %14s  %16s\n",
                          _("Member"), _("Name"),
                          /* xgettext:no-c-format */
                          _("% now"), _("Growth/year"), _("First met"), _("Gap now"),
                          _("Gap until due"));
  for (guint i = 0; i < rows->len; i++)
    {
      const PledgePlanRow *row = &g_array_index (rows, PledgePlanRow, i);
      const PledgeMember *member = pledge_dataset_get_member (dataset, row->member);
      g_autofree char *share = text_number (row->share_now, 2);
      g_autofree char *growth = isfinite (row->growth)
                                ? g_strdup_printf ("%+.2f %%", row->growth) : g_strdup ("");
      g_autofree char *met = row->first_met
                             ? g_strdup_printf ("%d", row->first_met)
                             : g_strdup_printf (_("not by %d"), target->due);
      g_autofree char *gap = text_number (row->gap_now, 0);
      g_autofree char *cumulative = text_number (row->cumulative_gap, 0);
      glong name_len = g_utf8_strlen (member->name, -1);

      g_string_append_printf (out, "%-6s  %s%*s  %10s  %14s  %14s  %14s  %16s\n",
                              member->code, member->name, (int) MAX (0, 24 - name_len), "",
                              share, growth, met, gap, cumulative);
    }
  return TRUE;
}
