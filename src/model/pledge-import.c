/* pledge-import.c: which importer a file needs, by its content
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pledge-import-private.h"

G_DEFINE_QUARK (pledge-import-error-quark, pledge_import_error)

static const guint8 ole2_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

static gboolean
starts_with (const guint8 *data,
             gsize         length,
             const void   *prefix,
             gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

PledgeImportFormat
pledge_import_detect (const guint8 *data,
                      gsize         length)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, PLEDGE_IMPORT_FORMAT_UNKNOWN);

  if (starts_with (data, length, "PK\x03\x04", 4) || starts_with (data, length, "PK\x05\x06", 4))
    return PLEDGE_IMPORT_FORMAT_XLSX;
  if (starts_with (data, length, ole2_magic, sizeof ole2_magic) ||
      starts_with (data, length, "\x1f\x8b", 2))
    return PLEDGE_IMPORT_FORMAT_UNKNOWN;

  /* XML: "<" first, after a UTF-8 byte order mark and white space */
  if (starts_with (data, length, "\xef\xbb\xbf", 3))
    i = 3;
  while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  if (i < length && data[i] == '<')
    return PLEDGE_IMPORT_FORMAT_DATASET;

  return PLEDGE_IMPORT_FORMAT_CSV;
}

PledgeImportFormat
pledge_import_detect_file (GFile        *file,
                           GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[512];
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), PLEDGE_IMPORT_FORMAT_DATASET);

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, cancellable, NULL))
    return PLEDGE_IMPORT_FORMAT_DATASET;
  /* An empty file is an empty dataset file, for the loader to refuse */
  if (n == 0)
    return PLEDGE_IMPORT_FORMAT_DATASET;
  return pledge_import_detect (head, n);
}

void
pledge_import_report_free (PledgeImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->kind);
  g_free (report->sheet);
  g_free (report);
}

char *
pledge_import_report_describe (const PledgeImportReport *r)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (r != NULL, NULL);

  if (r->sheet != NULL)
    /* Translators: "Imported SIPRI's workbook, sheet “Share of GDP”: ..." */
    g_string_append_printf (s, _("Imported %s, sheet “%s”: "), r->kind, r->sheet);
  else
    g_string_append_printf (s, _("Imported %s: "), r->kind);
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u NATO member", "%u NATO members",
                                          r->n_members), r->n_members);
  if (r->first_year != 0)
    g_string_append_printf (s, _(", %d to %d"), r->first_year, r->last_year);

  if (r->n_non_members > 0)
    g_ptr_array_add (left, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u country that was never a member",
                                                         "%u countries that were never members",
                                                         r->n_non_members), r->n_non_members));
  if (r->n_former > 0)
    g_ptr_array_add (left, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u former state",
                                                         "%u former states",
                                                         r->n_former), r->n_former));
  if (r->n_aggregates > 0)
    g_ptr_array_add (left, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u region or total",
                                                         "%u regions or totals",
                                                         r->n_aggregates), r->n_aggregates));
  if (left->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (left, NULL);
      joined = g_strjoinv (_(", "), (char **) left->pdata);
      g_string_append_printf (s, _("; left out %s"), joined);
    }
  g_string_append_c (s, '.');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
pledge_import_report_describe_short (const PledgeImportReport *r)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (r != NULL, NULL);

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Imported %u NATO member",
                                          "Imported %u NATO members", r->n_members), r->n_members);
  if (r->n_non_members > 0)
    g_ptr_array_add (left, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other country",
                                                         "%u other countries", r->n_non_members),
                                            r->n_non_members));
  if (r->n_former > 0)
    g_ptr_array_add (left, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u former state",
                                                         "%u former states", r->n_former),
                                            r->n_former));
  if (r->n_aggregates > 0)
    g_ptr_array_add (left, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region",
                                                         "%u regions", r->n_aggregates),
                                            r->n_aggregates));
  if (left->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (left, NULL);
      joined = g_strjoinv (_(", "), (char **) left->pdata);
      /* Translators: "Imported 31 NATO members · Left out 137 other countries, ..." */
      g_string_append_printf (s, _(" · Left out %s"), joined);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static PledgeDataset *
import_workbook (GBytes                    *bytes,
                 const char                *display_name,
                 const PledgeImportOptions *options,
                 PledgeImportReport       **report,
                 GError                   **error)
{
  g_autoptr(PledgeWorkbook) workbook = pledge_workbook_open (bytes, display_name, error);

  if (workbook == NULL)
    return NULL;
  if (pledge_import_is_sipri (workbook))
    return pledge_import_sipri (workbook, display_name, options, report, error);
  if (pledge_import_is_nato (workbook))
    return pledge_import_nato (workbook, display_name, options, report, error);

  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
               _("%s: a workbook Pledge does not know: neither NATO’s defence expenditure "
                 "tables nor SIPRI’s military expenditure workbook"), display_name);
  return NULL;
}

PledgeDataset *
pledge_import_bytes (GBytes                    *bytes,
                     const char                *display_name,
                     const PledgeImportOptions *options,
                     PledgeImportReport       **report,
                     GError                   **error)
{
  static const PledgeImportOptions no_options = { NULL, NULL };
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "import";
  if (options == NULL)
    options = &no_options;

  data = g_bytes_get_data (bytes, &length);
  if (length > PLEDGE_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   PLEDGE_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (starts_with (data, length, ole2_magic, sizeof ole2_magic))
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: an old binary Excel file (.xls) or a password-protected workbook; "
                     "save it as an .xlsx workbook without a password"), display_name);
      return NULL;
    }
  if (starts_with (data, length, "\x1f\x8b", 2))
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: a compressed (gzip) file; uncompress it first"), display_name);
      return NULL;
    }

  switch (pledge_import_detect (data, length))
    {
    case PLEDGE_IMPORT_FORMAT_XLSX:
      return import_workbook (bytes, display_name, options, report, error);
    case PLEDGE_IMPORT_FORMAT_CSV:
      return pledge_import_csv (bytes, display_name, options, report, error);
    case PLEDGE_IMPORT_FORMAT_DATASET:
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: an XML file, not one to import; open it as a dataset"), display_name);
      return NULL;
    case PLEDGE_IMPORT_FORMAT_UNKNOWN:
    default:
      break;
    }
  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
               _("%s: not a file Pledge can import"), display_name);
  return NULL;
}

PledgeDataset *
pledge_import_file (GFile                     *file,
                    const char                *display_name,
                    const PledgeImportOptions *options,
                    PledgeImportReport       **report,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  /* The size first: a 10 GB file is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: not a regular file"), display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > PLEDGE_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   PLEDGE_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }
  return pledge_import_bytes (bytes, display_name, options, report, error);
}
