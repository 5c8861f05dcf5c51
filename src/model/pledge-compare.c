/* pledge-compare.c: what changed between two editions of a dataset
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pledge-compare.h"
#include "pledge-number.h"

gboolean
pledge_compare_other_is_older (PledgeDataset      *dataset,
                               PledgeDataset      *other,
                               PledgeCompareOrder *order)
{
  const PledgeEdition *e = NULL, *oe = NULL;
  int last = 0, other_last = 0;
  gboolean has_last, other_has_last;

  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), TRUE);
  g_return_val_if_fail (PLEDGE_IS_DATASET (other), TRUE);

  /* The format: datasets of one publication are ordered by edition date. */
  e = pledge_dataset_get_edition (dataset);
  oe = pledge_dataset_get_edition (other);
  if (e != NULL && oe != NULL && e->date != NULL && oe->date != NULL &&
      strcmp (e->date, oe->date) != 0)
    {
      if (order != NULL)
        *order = PLEDGE_COMPARE_BY_EDITION;
      return strcmp (oe->date, e->date) < 0;
    }

  /* Without dates, an edition whose figures reach a later year is newer. */
  has_last = pledge_dataset_get_year_range (dataset, NULL, &last);
  other_has_last = pledge_dataset_get_year_range (other, NULL, &other_last);
  if (has_last && other_has_last && last != other_last)
    {
      if (order != NULL)
        *order = PLEDGE_COMPARE_BY_LAST_YEAR;
      return other_last < last;
    }

  if (order != NULL)
    *order = PLEDGE_COMPARE_BY_ARGUMENT;
  return TRUE;
}

gboolean
pledge_compare_common_years (PledgeDataset *a,
                             PledgeDataset *b,
                             int           *first,
                             int           *last)
{
  int a_first, a_last, b_first, b_last;

  g_return_val_if_fail (PLEDGE_IS_DATASET (a), FALSE);
  g_return_val_if_fail (PLEDGE_IS_DATASET (b), FALSE);

  if (!pledge_dataset_get_year_range (a, &a_first, &a_last) ||
      !pledge_dataset_get_year_range (b, &b_first, &b_last))
    return FALSE;
  if (MAX (a_first, b_first) > MIN (a_last, b_last))
    return FALSE;
  if (first != NULL)
    *first = MAX (a_first, b_first);
  if (last != NULL)
    *last = MIN (a_last, b_last);
  return TRUE;
}

static char *
target_label (const PledgeTarget *target)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *min = g_ascii_formatd (buf, sizeof buf, "%.15g", target->min);

  switch (target->metric)
    {
    case PLEDGE_METRIC_DEFENCE_GDP:
      /* Translators: a target's short label; %s is a number, "2% of GDP" */
      return g_strdup_printf (_("%s%% of GDP"), min);
    case PLEDGE_METRIC_TOTAL_GDP:
      /* Translators: a target's short label counting defence and
       * defence-related (resilience) spending; %s is a number */
      return g_strdup_printf (_("%s%% of GDP incl. related"), min);
    case PLEDGE_METRIC_EQUIPMENT_DEFENCE:
    default:
      /* Translators: a target's short label; %s is a number */
      return g_strdup_printf (_("%s%% of defence on equipment"), min);
    }
}

/* As published: two decimals, NATO's rounding; unknown equals unknown. */
static gboolean
published_differ (double a,
                  double b)
{
  if (!isfinite (a) || !isfinite (b))
    return isfinite (a) != isfinite (b);
  return pledge_round2 (a) != pledge_round2 (b);
}

static void
add_targets (PledgeCompare *self)
{
  guint n = pledge_dataset_get_n_targets (self->new_dataset);

  self->targets = g_new0 (PledgeCompareTarget, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const PledgeTarget *t = pledge_dataset_get_target (self->new_dataset, i);
      int old_index = pledge_dataset_find_target (self->old_dataset, t->id);
      PledgeCompareTarget *ct;

      if (old_index < 0)
        continue;
      ct = &self->targets[self->n_targets++];
      ct->id = g_strdup (t->id);
      ct->label = target_label (t);
      ct->metric = t->metric;
      ct->min = t->min;
      ct->old_index = old_index;
      ct->new_index = i;
    }
}

static void
compare_year (PledgeCompare  *self,
              PledgeSnapshot *old_snapshot,
              PledgeSnapshot *new_snapshot,
              int             year,
              GArray         *revisions)
{
  guint n = pledge_dataset_get_n_members (self->new_dataset);

  for (guint i = 0; i < n; i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (self->new_dataset, i);
      int old_member = pledge_dataset_find_member (self->old_dataset, member->code);
      PledgeRevision r = { 0 };
      gboolean differs = FALSE;

      /* A member-year in both editions: the format's membership rule, and
       * figures in each. */
      if (old_member < 0 || !pledge_member_is_member_in (member, year))
        continue;
      if (pledge_snapshot_get_figures (new_snapshot, i, year) == NULL ||
          pledge_snapshot_get_figures (old_snapshot, old_member, year) == NULL)
        continue;

      for (guint m = 0; m < PLEDGE_COMPARE_N_METRICS; m++)
        {
          r.old_value[m] = pledge_snapshot_get_metric (old_snapshot, old_member, year, m);
          r.new_value[m] = pledge_snapshot_get_metric (new_snapshot, i, year, m);
          differs |= published_differ (r.old_value[m], r.new_value[m]);
        }
      if (!differs)
        continue;

      r.year = year;
      r.old_member = old_member;
      r.new_member = i;
      r.code = member->code;
      r.name = member->name;
      r.old_meets = g_new0 (PledgeMeets, MAX (self->n_targets, 1));
      r.new_meets = g_new0 (PledgeMeets, MAX (self->n_targets, 1));
      for (guint t = 0; t < self->n_targets; t++)
        {
          r.old_meets[t] = pledge_snapshot_meets (old_snapshot, old_member, year,
                                                  self->targets[t].old_index);
          r.new_meets[t] = pledge_snapshot_meets (new_snapshot, i, year,
                                                  self->targets[t].new_index);
          r.status_changed |= r.old_meets[t] != r.new_meets[t];
        }
      if (r.status_changed)
        self->n_status_changed++;
      g_array_append_val (revisions, r);
    }
}

PledgeCompare *
pledge_compare_new (PledgeDataset *dataset,
                    const char    *name,
                    PledgeDataset *other,
                    const char    *other_name,
                    int            first,
                    int            last)
{
  g_autoptr(PledgeCompare) self = NULL;
  g_autoptr(PledgeSnapshot) old_snapshot = NULL;
  g_autoptr(PledgeSnapshot) new_snapshot = NULL;
  g_autoptr(GArray) revisions = NULL;
  int common_first, common_last;

  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (PLEDGE_IS_DATASET (other), NULL);

  self = g_new0 (PledgeCompare, 1);
  if (pledge_compare_other_is_older (dataset, other, &self->order))
    {
      self->old_dataset = g_object_ref (other);
      self->old_name = g_strdup (other_name);
      self->new_dataset = g_object_ref (dataset);
      self->new_name = g_strdup (name);
    }
  else
    {
      self->old_dataset = g_object_ref (dataset);
      self->old_name = g_strdup (name);
      self->new_dataset = g_object_ref (other);
      self->new_name = g_strdup (other_name);
    }
  add_targets (self);
  self->revisions = g_new0 (PledgeRevision, 1);

  if (!pledge_compare_common_years (dataset, other, &common_first, &common_last))
    return g_steal_pointer (&self);
  self->first = MAX (first, common_first);
  self->last = MIN (last, common_last);

  /* The reported figures never fail to compute: no scenario applies. */
  old_snapshot = pledge_dataset_get_snapshot (self->old_dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  new_snapshot = pledge_dataset_get_snapshot (self->new_dataset, PLEDGE_SNAPSHOT_REPORTED, NULL);
  g_return_val_if_fail (old_snapshot != NULL && new_snapshot != NULL, g_steal_pointer (&self));

  revisions = g_array_new (FALSE, TRUE, sizeof (PledgeRevision));
  for (int year = self->first; year <= self->last; year++)
    compare_year (self, old_snapshot, new_snapshot, year, revisions);

  if (revisions->len > 0)
    {
      g_free (self->revisions);
      self->n_revisions = revisions->len;
      self->revisions = (PledgeRevision *) (void *) g_array_free (g_steal_pointer (&revisions),
                                                                  FALSE);
    }
  return g_steal_pointer (&self);
}

void
pledge_compare_free (PledgeCompare *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_revisions; i++)
    {
      g_free (self->revisions[i].old_meets);
      g_free (self->revisions[i].new_meets);
    }
  g_free (self->revisions);
  for (guint i = 0; i < self->n_targets; i++)
    {
      g_free (self->targets[i].id);
      g_free (self->targets[i].label);
    }
  g_free (self->targets);
  g_free (self->old_name);
  g_free (self->new_name);
  g_clear_object (&self->old_dataset);
  g_clear_object (&self->new_dataset);
  g_free (self);
}

double
pledge_revision_old_share (const PledgeRevision *revision)
{
  return revision->old_value[PLEDGE_METRIC_DEFENCE_GDP];
}

double
pledge_revision_new_share (const PledgeRevision *revision)
{
  return revision->new_value[PLEDGE_METRIC_DEFENCE_GDP];
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

char *
pledge_compare_describe_status (const PledgeCompare  *self,
                                const PledgeRevision *revision)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (revision != NULL, NULL);

  for (guint t = 0; t < self->n_targets; t++)
    {
      PledgeMeets was = revision->old_meets[t], is = revision->new_meets[t];
      const char *label = self->targets[t].label;

      if (was == is)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      if (was == PLEDGE_MEETS_YES && is == PLEDGE_MEETS_NO)
        /* Translators: a revised figure no longer meets a target: "leaves 2% of GDP" */
        g_string_append_printf (out, _("leaves %s"), label);
      else if (was == PLEDGE_MEETS_NO && is == PLEDGE_MEETS_YES)
        /* Translators: a revised figure now meets a target: "reaches 2% of GDP" */
        g_string_append_printf (out, _("reaches %s"), label);
      else
        /* Translators: "2% of GDP: yes, now unknown" */
        g_string_append_printf (out, _("%s: %s, now %s"), label, meets_label (was),
                                meets_label (is));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
dataset_label (PledgeDataset *dataset,
               const char    *name)
{
  return name != NULL ? name : pledge_dataset_get_title (dataset);
}

char *
pledge_compare_describe_order (const PledgeCompare *self)
{
  const char *old_name, *new_name;
  int old_last = 0, new_last = 0;

  g_return_val_if_fail (self != NULL, NULL);

  old_name = dataset_label (self->old_dataset, self->old_name);
  new_name = dataset_label (self->new_dataset, self->new_name);
  switch (self->order)
    {
    case PLEDGE_COMPARE_BY_EDITION:
      /* Translators: two file names and their edition dates */
      return g_strdup_printf (_("%s is the older edition (%s), %s the newer (%s)."),
                              old_name, pledge_dataset_get_edition (self->old_dataset)->date,
                              new_name, pledge_dataset_get_edition (self->new_dataset)->date);
    case PLEDGE_COMPARE_BY_LAST_YEAR:
      pledge_dataset_get_year_range (self->old_dataset, NULL, &old_last);
      pledge_dataset_get_year_range (self->new_dataset, NULL, &new_last);
      /* Translators: two file names and the last year each has figures for */
      return g_strdup_printf (_("%s is taken as the older edition: neither gives an edition "
                                "date, and its figures end in %d, those of %s in %d."),
                              old_name, old_last, new_name, new_last);
    case PLEDGE_COMPARE_BY_ARGUMENT:
    default:
      /* Translators: two file names */
      return g_strdup_printf (_("%s is taken as the older edition: nothing tells the two apart, "
                                "so the one compared with is the older; %s is the newer."),
                              old_name, new_name);
    }
}

static char *
text_share (double value)
{
  if (!isfinite (value))
    return g_strdup ("–");
  /* The ' flag groups thousands as the user's locale does. */
  return g_strdup_printf ("%'.2f", pledge_round2 (value));
}

/* The change as published: in whole hundredths, so never "-0.00" */
static gboolean
change_of (double  was,
           double  is,
           double *change)
{
  double hundredths;

  if (!isfinite (was) || !isfinite (is))
    return FALSE;
  hundredths = round (pledge_round2 (is) * 100) - round (pledge_round2 (was) * 100);
  if (!isfinite (hundredths))
    return FALSE;
  *change = hundredths / 100;
  return TRUE;
}

static char *
text_change (double was,
             double is)
{
  double change;

  if (!change_of (was, is, &change))
    return g_strdup ("");
  return g_strdup_printf ("%+'.2f", change);
}

static void
csv_share (GString *out,
           double   value)
{
  char buf[PLEDGE_NUMBER_BUF_SIZE];

  g_string_append_c (out, ',');
  if (isfinite (value) && pledge_number_format_hundredths (buf, pledge_round2 (value)) != NULL)
    g_string_append (out, buf);
}

static void
csv_text (GString    *out,
          const char *text)
{
  gboolean quote = strpbrk (text, ",\"\n\r") != NULL;

  g_string_append_c (out, ',');
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_csv (const PledgeCompare *self,
           GString             *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double change;

  g_string_append (out, "year,member,name,old_defence_gdp,new_defence_gdp,change_defence_gdp,"
                        "old_equipment_defence,new_equipment_defence,"
                        "old_total_gdp,new_total_gdp,status_changed");
  for (guint t = 0; t < self->n_targets; t++)
    g_string_append_printf (out, ",old_%s,new_%s", self->targets[t].id, self->targets[t].id);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->n_revisions; i++)
    {
      const PledgeRevision *r = &self->revisions[i];
      double was = pledge_revision_old_share (r), is = pledge_revision_new_share (r);

      g_string_append_printf (out, "%d,%s", r->year, r->code);
      csv_text (out, r->name);
      csv_share (out, was);
      csv_share (out, is);
      g_string_append_c (out, ',');
      if (change_of (was, is, &change))
        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", change));
      csv_share (out, r->old_value[PLEDGE_METRIC_EQUIPMENT_DEFENCE]);
      csv_share (out, r->new_value[PLEDGE_METRIC_EQUIPMENT_DEFENCE]);
      csv_share (out, r->old_value[PLEDGE_METRIC_TOTAL_GDP]);
      csv_share (out, r->new_value[PLEDGE_METRIC_TOTAL_GDP]);
      g_string_append (out, r->status_changed ? ",yes" : ",no");
      for (guint t = 0; t < self->n_targets; t++)
        g_string_append_printf (out, ",%s,%s", pledge_meets_to_string (r->old_meets[t]),
                                pledge_meets_to_string (r->new_meets[t]));
      g_string_append_c (out, '\n');
    }
}

static void
append_padded (GString    *out,
               const char *text,
               int         width,
               gboolean    right)
{
  int pad = MAX (0, width - (int) g_utf8_strlen (text, -1));

  if (right)
    g_string_append_printf (out, "%*s%s", pad, "", text);
  else
    g_string_append_printf (out, "%s%*s", text, pad, "");
}

static void
write_text (const PledgeCompare *self,
            GString             *out)
{
  g_autofree char *order = pledge_compare_describe_order (self);
  const char *headers[] = {
    C_("column", "Year"), C_("column", "Member"),
    /* Translators: a column of the revisions report: the older edition's share of GDP */
    C_("column", "Old share"), C_("column", "New share"), C_("column", "Change"),
    /* Translators: a column of the revisions report: the older edition's share of
     * defence spent on equipment */
    C_("column", "Old equip."), C_("column", "New equip."), C_("column", "Status"),
  };
  const int widths[] = { 4, 24, 9, 9, 6, 10, 10, 0 };

  if (self->first == self->last)
    /* Translators: the revisions report's heading; %d is a year */
    g_string_append_printf (out, _("Revisions of %d between two editions\n"), self->first);
  else if (self->first < self->last)
    /* Translators: the revisions report's heading; %d are years */
    g_string_append_printf (out, _("Revisions of %d to %d between two editions\n"),
                            self->first, self->last);
  else
    g_string_append (out, _("Revisions between two editions: no year in common\n"));
  /* Translators: "Older: nato.xml (Defence expenditure of NATO countries, ...)" */
  g_string_append_printf (out, _("Older: %s (%s)\n"),
                          dataset_label (self->old_dataset, self->old_name),
                          pledge_dataset_get_title (self->old_dataset));
  g_string_append_printf (out, _("Newer: %s (%s)\n"),
                          dataset_label (self->new_dataset, self->new_name),
                          pledge_dataset_get_title (self->new_dataset));
  g_string_append_printf (out, "%s\n", order);
  g_string_append (out, _("Shares of GDP, and of defence spent on equipment, in percent as "
                          "published (two decimals).\n\n"));

  if (self->n_revisions == 0)
    {
      g_string_append (out, _("No published figure differs.\n"));
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (headers); k++)
    {
      if (k > 0)
        g_string_append (out, "  ");
      append_padded (out, headers[k], widths[k], k >= 2 && k <= 6);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->n_revisions; i++)
    {
      const PledgeRevision *r = &self->revisions[i];
      g_autofree char *year = g_strdup_printf ("%d", r->year);
      g_autofree char *name = g_strdup (r->name);
      g_autofree char *was = text_share (pledge_revision_old_share (r));
      g_autofree char *is = text_share (pledge_revision_new_share (r));
      g_autofree char *change = text_change (pledge_revision_old_share (r),
                                             pledge_revision_new_share (r));
      g_autofree char *eq_was = text_share (r->old_value[PLEDGE_METRIC_EQUIPMENT_DEFENCE]);
      g_autofree char *eq_is = text_share (r->new_value[PLEDGE_METRIC_EQUIPMENT_DEFENCE]);
      g_autofree char *status = pledge_compare_describe_status (self, r);
      const char *cells[] = { year, name, was, is, change, eq_was, eq_is, status };

      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        {
          if (k > 0)
            g_string_append (out, "  ");
          append_padded (out, cells[k], k + 1 < G_N_ELEMENTS (cells) ? widths[k] : 0,
                         k >= 2 && k <= 6);
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  /* Translators: the revisions report's summary; the second sentence follows */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u member-year differs; ",
                                            "%u member-years differ; ", self->n_revisions),
                          self->n_revisions);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%u changed its status against a target.\n",
                                            "%u changed their status against a target.\n",
                                            self->n_status_changed),
                          self->n_status_changed);
}

void
pledge_compare_write (const PledgeCompare *self,
                      PledgeReportFormat   format,
                      GString             *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  if (format == PLEDGE_REPORT_CSV)
    write_csv (self, out);
  else
    write_text (self, out);
}
