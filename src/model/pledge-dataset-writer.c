/* pledge-dataset-writer.c: writes a dataset in a stable, canonical form
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "pledge-dataset-private.h"
#include "pledge-number.h"

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\n':
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
append_number_attr (GString    *out,
                    const char *name,
                    double      value)
{
  char buf[PLEDGE_NUMBER_BUF_SIZE];

  append_attr (out, name, pledge_number_format (buf, value));
}

static void
append_year_attr (GString    *out,
                  const char *name,
                  int         year)
{
  g_string_append_printf (out, " %s=\"%d\"", name, year);
}

static void
append_text_element (GString    *out,
                     const char *name,
                     const char *href,
                     const char *text)
{
  g_string_append_printf (out, "  <%s", name);
  if (href != NULL)
    append_attr (out, "href", href);
  g_string_append_c (out, '>');
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
append_figures (GString             *out,
                const PledgeFigures *f)
{
  static const PledgeField order[] = {
    PLEDGE_FIELD_GDP, PLEDGE_FIELD_DEFENCE, PLEDGE_FIELD_DEFENCE_GDP,
    PLEDGE_FIELD_EQUIPMENT, PLEDGE_FIELD_RELATED,
  };

  g_string_append (out, "      <figures");
  append_year_attr (out, "year", f->year);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (pledge_figures_has (f, order[i]))
      append_number_attr (out, pledge_field_to_string (order[i]), f->values[order[i]]);
  if (f->flags & PLEDGE_FIGURES_ESTIMATE)
    g_string_append (out, " estimate=\"true\"");
  /* Format v2: after the version 1 attributes, in PledgeExtra order. */
  for (PledgeExtra e = 0; e < PLEDGE_N_EXTRAS; e++)
    if (pledge_figures_has_extra (f, e))
      append_number_attr (out, pledge_extra_to_string (e), f->extra[e]);
  g_string_append (out, "/>\n");
}

static void
append_edit (GString          *out,
             const PledgeEdit *edit)
{
  if (edit->kind == PLEDGE_EDIT_SET)
    {
      g_string_append (out, "      <set");
      append_attr (out, "member", edit->member);
      append_year_attr (out, "year", edit->year);
      append_number_attr (out, pledge_field_to_string (edit->field), edit->value);
    }
  else
    {
      g_string_append (out, "      <grow");
      append_attr (out, "member", edit->member);
      append_year_attr (out, "from", edit->from);
      append_year_attr (out, "to", edit->to);
      append_number_attr (out, "defence-rate", edit->defence_rate);
      if (!isnan (edit->gdp_rate))
        append_number_attr (out, "gdp-rate", edit->gdp_rate);
    }
  g_string_append (out, "/>\n");
}

GBytes *
pledge_dataset_to_bytes (PledgeDataset *self)
{
  GString *out;
  GPtrArray *sources, *notes;
  const PledgeEdition *edition;
  int constant_year;
  guint n;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), NULL);

  out = g_string_sized_new (4096);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  /* Version 1 where the dataset uses nothing of version 2, so that such
   * a file is written back byte for byte and older readers still open it. */
  g_string_append_printf (out, "<pledge-dataset version=\"%d\">\n",
                          pledge_dataset_get_format_version (self));

  append_text_element (out, "title", NULL, pledge_dataset_get_title (self));

  edition = pledge_dataset_get_edition (self);
  if (edition != NULL)
    {
      g_string_append (out, "  <edition");
      append_attr (out, "date", edition->date);
      if (edition->basis != NULL)
        append_attr (out, "basis", edition->basis);
      g_string_append_c (out, '>');
      append_escaped (out, edition->name, FALSE);
      g_string_append (out, "</edition>\n");
    }

  sources = pledge_dataset_get_sources (self);
  for (guint i = 0; i < sources->len; i++)
    {
      const PledgeSource *source = g_ptr_array_index (sources, i);
      append_text_element (out, "source", source->href, source->text);
    }

  notes = pledge_dataset_get_notes (self);
  for (guint i = 0; i < notes->len; i++)
    append_text_element (out, "note", NULL, g_ptr_array_index (notes, i));

  g_string_append (out, "  <units");
  append_attr (out, "currency", pledge_dataset_get_currency (self));
  append_attr (out, "scale", pledge_scale_to_string (pledge_dataset_get_scale (self)));
  append_attr (out, "prices", pledge_dataset_get_prices (self));
  constant_year = pledge_dataset_get_constant_year (self);
  if (constant_year != 0)
    append_year_attr (out, "constant", constant_year);
  g_string_append (out, "/>\n");

  g_string_append (out, "  <targets>\n");
  n = pledge_dataset_get_n_targets (self);
  for (guint i = 0; i < n; i++)
    {
      const PledgeTarget *target = pledge_dataset_get_target (self, i);

      g_string_append (out, "    <target");
      append_attr (out, "id", target->id);
      append_attr (out, "metric", pledge_metric_to_string (target->metric));
      append_number_attr (out, "min", target->min);
      if (target->from)
        append_year_attr (out, "from", target->from);
      if (target->due)
        append_year_attr (out, "due", target->due);
      append_attr (out, "name", target->name);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </targets>\n");

  g_string_append (out, "  <members>\n");
  n = pledge_dataset_get_n_members (self);
  for (guint i = 0; i < n; i++)
    {
      const PledgeMember *member = pledge_dataset_get_member (self, i);

      g_string_append (out, "    <member");
      append_attr (out, "code", member->code);
      append_attr (out, "name", member->name);
      append_year_attr (out, "joined", member->joined);
      if (member->left)
        append_year_attr (out, "left", member->left);

      if (member->figures->len == 0)
        {
          g_string_append (out, "/>\n");
          continue;
        }

      g_string_append (out, ">\n");
      for (guint k = 0; k < member->figures->len; k++)
        append_figures (out, &g_array_index (member->figures, PledgeFigures, k));
      g_string_append (out, "    </member>\n");
    }
  g_string_append (out, "  </members>\n");

  n = pledge_dataset_get_n_scenarios (self);
  if (n > 0)
    {
      g_string_append (out, "  <scenarios>\n");
      for (guint i = 0; i < n; i++)
        {
          const PledgeScenario *scenario = pledge_dataset_get_scenario (self, i);

          g_string_append (out, "    <scenario");
          append_attr (out, "id", scenario->id);
          append_attr (out, "name", scenario->name);
          if (scenario->edits->len == 0)
            {
              g_string_append (out, "/>\n");
              continue;
            }
          g_string_append (out, ">\n");
          for (guint k = 0; k < scenario->edits->len; k++)
            append_edit (out, g_ptr_array_index (scenario->edits, k));
          g_string_append (out, "    </scenario>\n");
        }
      g_string_append (out, "  </scenarios>\n");
    }

  g_string_append (out, "</pledge-dataset>\n");
  return g_string_free_to_bytes (out);
}

/* The file to write: a symlink is followed so the link stays a link and
 * the replace stays atomic on the real file. */
static char *
resolve_target (const char *path)
{
  char resolved[PATH_MAX];

  if (realpath (path, resolved) != NULL)
    return g_strdup (resolved);
  return g_strdup (path);
}

gboolean
pledge_dataset_save (PledgeDataset *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  int mode = 0644;
  gsize size;
  const char *data;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_basename (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   _("%s: can only save to local files"), name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  target = resolve_target (path);
  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                       _("%s: is a folder, not a file"), name);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          /* Never rename over a device, a pipe or a socket. */
          g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                       _("%s: is not a regular file"), name);
          return FALSE;
        }
      mode = st.st_mode & 0777;
    }

  bytes = pledge_dataset_to_bytes (self);
  data = g_bytes_get_data (bytes, &size);

  /* Writes a temporary file beside the target, syncs it and renames it
   * over the target: a failure at any point leaves the old file as it was.
   * (g_file_replace_contents would not: see reliability.md.) */
  if (!g_file_set_contents_full (target, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   _("%s: could not save: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
