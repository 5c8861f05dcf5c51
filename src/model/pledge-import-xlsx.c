/* pledge-import-xlsx.c: the cells of an .xlsx workbook, read in memory
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .xlsx file is a zip of XML parts. libarchive inflates each part as it
 * is read, straight into libxml2's xmlTextReader: nothing of the workbook
 * is written to disk, and no part is held whole. Each part may inflate to
 * PLEDGE_IMPORT_MAX_ENTRY_SIZE and all together to
 * PLEDGE_IMPORT_MAX_TOTAL_SIZE; past that the workbook is refused (a zip
 * bomb inflates a few kilobytes to gigabytes). Encrypted entries, DOCTYPEs
 * and damaged zips are refused with what they are.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pledge-import-private.h"

#define MAX_SHARED_STRINGS (1024 * 1024)
/* Nodes the other parts may hold: shared strings (a few a string), and
 * the workbook, its relationships, styles and properties (small). Past
 * these a part costs seconds for nothing: it is refused. */
#define MAX_STRINGS_NODES (8 * 1024 * 1024)
#define MAX_PART_NODES (2 * 1024 * 1024)
#define MAX_ROW 1048576
#define MAX_COL 16384
/* Nodes of a sheet that are not rows, cells or their values (formats,
 * merges, comments): a real sheet has thousands; a part stuffed with
 * millions of them is refused before it costs seconds. */
#define MAX_OTHER_NODES (8 * 1024 * 1024)

struct _PledgeWorkbook
{
  GBytes       *bytes;
  char         *display_name;
  GPtrArray    *sheet_names;
  GPtrArray    *sheet_paths;
  GStringChunk *chunk;     /* the shared strings' text */
  GPtrArray    *strings;   /* shared strings, pointing into chunk */
  GArray       *percent;   /* gboolean by cell format (xf) index */
  GArray       *colours;   /* PledgeCellColour by cell format (xf) index */
  char         *modified;
  gint64        inflated;  /* bytes inflated so far, every part */
};

/* One part being read: libarchive feeding libxml2. */
typedef struct
{
  PledgeWorkbook  *workbook;
  struct archive  *archive;
  const char      *path;
  gint64           inflated;
  gint64           declared;   /* the size the zip's header gives, or -1 */
  guint            nodes;
  guint            max_nodes;  /* 0: the caller counts */
  gboolean         lying;      /* inflated past it */
  gboolean         too_large;
  gboolean         damaged;
  char            *archive_message;
  xmlTextReaderPtr reader;
  char            *xml_message;
  /* libxml2's generic error handler (per thread), silenced while the part
   * is read: its messages are in ours, not on stderr */
  gboolean                 silenced;
  xmlGenericErrorFunc      saved_error_func;
  void                    *saved_error_context;
} Part;

char *
pledge_cell_name (guint row,
                  guint col)
{
  char letters[8];
  int n = 0;

  g_assert (col >= 1);
  while (col > 0 && n < 7)
    {
      col--;
      letters[n++] = 'A' + col % 26;
      col /= 26;
    }
  {
    char name[32];
    int i = 0;

    while (n > 0)
      name[i++] = letters[--n];
    g_snprintf (name + i, sizeof name - i, "%u", row);
    return g_strdup (name);
  }
}

char *
pledge_workbook_cell_prefix (PledgeWorkbook *self,
                             guint           sheet,
                             guint           row,
                             guint           col)
{
  g_autofree char *cell = pledge_cell_name (row, col);

  return g_strdup_printf (_("%s: sheet \"%s\", cell %s: "), self->display_name,
                          (const char *) self->sheet_names->pdata[sheet], cell);
}

/* Keeps libxml2's first generic message (encoding errors) for ours. */
static void
capture_error (void       *context,
               const char *format,
               ...)
{
  Part *part = context;
  va_list args;

  if (part->xml_message != NULL)
    return;
  va_start (args, format);
  part->xml_message = g_strstrip (g_strdup_vprintf (format, args));
  va_end (args);
  if (*part->xml_message == '\0' || g_str_has_suffix (part->xml_message, ":"))
    g_clear_pointer (&part->xml_message, g_free);
}

static void
part_clear (Part *part)
{
  if (part->reader != NULL)
    xmlFreeTextReader (part->reader);
  if (part->silenced)
    xmlSetGenericErrorFunc (part->saved_error_context, part->saved_error_func);
  if (part->archive != NULL)
    archive_read_free (part->archive);
  g_free (part->archive_message);
  g_free (part->xml_message);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Part, part_clear)

static int
part_read (void *context,
           char *buffer,
           int   length)
{
  Part *part = context;
  la_ssize_t n;

  n = archive_read_data (part->archive, buffer, length);
  if (n < 0)
    {
      part->damaged = TRUE;
      g_free (part->archive_message);
      part->archive_message = g_strdup (archive_error_string (part->archive));
      return -1;
    }
  part->inflated += n;
  part->workbook->inflated += n;
  /* A header that understates the size is a bomb's trick: stop at once */
  if (part->declared >= 0 && part->inflated > part->declared)
    {
      part->lying = TRUE;
      return -1;
    }
  if (part->inflated > PLEDGE_IMPORT_MAX_ENTRY_SIZE ||
      part->workbook->inflated > PLEDGE_IMPORT_MAX_TOTAL_SIZE)
    {
      part->too_large = TRUE;
      return -1;
    }
  return n;
}

static int
part_close (void *context)
{
  return 0;
}

static void
part_xml_error (void                   *arg,
                const char             *msg,
                xmlParserSeverities     severity,
                xmlTextReaderLocatorPtr locator)
{
  Part *part = arg;

  if (part->xml_message == NULL && (severity == XML_PARSER_SEVERITY_ERROR ||
                                    severity == XML_PARSER_SEVERITY_VALIDITY_ERROR))
    part->xml_message = g_strstrip (g_strdup (msg));
}

/* Opens the part at path. FALSE with no error when it does not exist. */
static gboolean
part_open (Part           *part,
           PledgeWorkbook *self,
           const char     *path,
           GError        **error)
{
  struct archive_entry *entry;
  const guint8 *data;
  gsize length;
  int r;

  memset (part, 0, sizeof *part);
  part->max_nodes = MAX_PART_NODES;
  part->workbook = self;
  part->path = path;
  part->archive = archive_read_new ();
  archive_read_support_format_zip_seekable (part->archive);
  data = g_bytes_get_data (self->bytes, &length);
  if (archive_read_open_memory (part->archive, data, length) != ARCHIVE_OK)
    goto damaged;

  while ((r = archive_read_next_header (part->archive, &entry)) == ARCHIVE_OK)
    {
      if (g_strcmp0 (archive_entry_pathname (entry), path) != 0)
        continue;
      /* An honest header says how large the part is: a bomb is refused
       * before it is inflated. A lying one is stopped by part_read(). */
      if (archive_entry_size_is_set (entry) &&
          archive_entry_size (entry) > PLEDGE_IMPORT_MAX_ENTRY_SIZE)
        {
          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                       _("%s: the part %s inflates to more than %d MiB (%d MiB for the whole "
                         "workbook): refused, as a zip bomb would be"),
                       self->display_name, path,
                       (int) (PLEDGE_IMPORT_MAX_ENTRY_SIZE / (1024 * 1024)),
                       (int) (PLEDGE_IMPORT_MAX_TOTAL_SIZE / (1024 * 1024)));
          return FALSE;
        }
      if (archive_entry_is_encrypted (entry) || archive_read_has_encrypted_entries (part->archive) > 0)
        {
          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                       _("%s: the workbook is encrypted; save it without a password"),
                       self->display_name);
          return FALSE;
        }
      part->declared = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : -1;
      /* Silenced from the start: the reader reads the first bytes and
       * picks the encoding as it is made. */
      part->saved_error_func = xmlGenericError;
      part->saved_error_context = xmlGenericErrorContext;
      part->silenced = TRUE;
      xmlSetGenericErrorFunc (part, capture_error);
      part->reader = xmlReaderForIO (part_read, part_close, part, path, NULL,
                                     XML_PARSE_NONET | XML_PARSE_NOBLANKS);
      if (part->reader == NULL)
        {
          g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                       _("%s: cannot read the part %s"), self->display_name, path);
          return FALSE;
        }
      xmlTextReaderSetErrorHandler (part->reader, part_xml_error, part);
      return TRUE;
    }
  if (r == ARCHIVE_EOF)
    return FALSE;

damaged:
  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
               _("%s: a damaged or truncated workbook (%s)"), self->display_name,
               archive_error_string (part->archive) ? archive_error_string (part->archive)
                                                    : _("not a zip file"));
  return FALSE;
}

/* The next node: 1, 0 at the end, -1 with error set. */
static int
part_next (Part    *part,
           GError **error)
{
  int r = xmlTextReaderRead (part->reader);

  if (r == 1 && part->max_nodes != 0 && ++part->nodes > part->max_nodes)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the part %s holds more than %u million elements: refused"),
                   part->workbook->display_name, part->path, part->max_nodes / (1024 * 1024));
      return -1;
    }

  if (r == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                   _("%s: the part %s has a DOCTYPE; workbooks have none"),
                   part->workbook->display_name, part->path);
      return -1;
    }
  if (r >= 0)
    return r;

  if (part->lying)
    g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                 _("%s: the part %s inflates to more than its header says (%lld bytes): "
                   "refused, as a zip bomb would be"),
                 part->workbook->display_name, part->path, (long long) part->declared);
  else if (part->too_large)
    g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                 _("%s: the part %s inflates to more than %d MiB (%d MiB for the whole "
                   "workbook): refused, as a zip bomb would be"),
                 part->workbook->display_name, part->path,
                 (int) (PLEDGE_IMPORT_MAX_ENTRY_SIZE / (1024 * 1024)),
                 (int) (PLEDGE_IMPORT_MAX_TOTAL_SIZE / (1024 * 1024)));
  else if (part->damaged)
    g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                 _("%s: a damaged or truncated workbook (%s)"), part->workbook->display_name,
                 part->archive_message ? part->archive_message : "?");
  else
    g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                 _("%s: the part %s is not well-formed XML (%s)"), part->workbook->display_name,
                 part->path, part->xml_message ? part->xml_message : "?");
  return -1;
}

static gboolean
is_element (Part       *part,
            const char *name)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (part->reader), name) == 0;
}

static gboolean
is_end (Part       *part,
        const char *name)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (part->reader), name) == 0;
}

static gboolean
is_text (Part *part)
{
  int type = xmlTextReaderNodeType (part->reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static char *
attribute (Part       *part,
           const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (part->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* An attribute in any namespace, by its local name (r:id). */
static char *
attribute_local (Part       *part,
                 const char *local)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->reader) != 1)
    return NULL;
  do
    {
      if (strcmp ((const char *) xmlTextReaderConstLocalName (part->reader), local) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (part->reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->reader) == 1);
  xmlTextReaderMoveToElement (part->reader);
  return value;
}

static gboolean
read_relationships (PledgeWorkbook *self,
                    GHashTable     *targets,
                    GError        **error)
{
  g_auto(Part) part = { 0 };
  int r;

  if (!part_open (&part, self, "xl/_rels/workbook.xml.rels", error))
    return error == NULL || *error == NULL;
  while ((r = part_next (&part, error)) == 1)
    if (is_element (&part, "Relationship"))
      {
        char *id = attribute (&part, "Id");
        char *target = attribute (&part, "Target");

        if (id != NULL && target != NULL)
          g_hash_table_insert (targets, id, target);
        else
          {
            g_free (id);
            g_free (target);
          }
      }
  return r == 0;
}

static gboolean
read_workbook (PledgeWorkbook *self,
               GError        **error)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(Part) part = { 0 };
  int r;

  if (!read_relationships (self, targets, error))
    return FALSE;
  if (!part_open (&part, self, "xl/workbook.xml", error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                     _("%s: a zip file, but not an .xlsx workbook"), self->display_name);
      return FALSE;
    }
  while ((r = part_next (&part, error)) == 1)
    if (is_element (&part, "sheet"))
      {
        g_autofree char *name = attribute (&part, "name");
        g_autofree char *id = attribute_local (&part, "id");
        const char *target = id ? g_hash_table_lookup (targets, id) : NULL;
        char *path;

        if (name == NULL || target == NULL)
          continue;
        if (target[0] == '/')
          path = g_strdup (target + 1);
        else
          path = g_strconcat ("xl/", target, NULL);
        g_ptr_array_add (self->sheet_names, g_steal_pointer (&name));
        g_ptr_array_add (self->sheet_paths, path);
        if (self->sheet_names->len > 10000)
          break;
      }
  return r >= 0;
}

static gboolean
read_shared_strings (PledgeWorkbook *self,
                     GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(Part) part = { 0 };
  gboolean in_si = FALSE, in_t = FALSE;
  int rph = 0;
  int r;

  if (!part_open (&part, self, "xl/sharedStrings.xml", error))
    return error == NULL || *error == NULL;
  part.max_nodes = MAX_STRINGS_NODES;
  while ((r = part_next (&part, error)) == 1)
    {
      if (is_element (&part, "si"))
        {
          in_si = TRUE;
          g_string_truncate (text, 0);
          if (xmlTextReaderIsEmptyElement (part.reader))
            {
              g_ptr_array_add (self->strings, g_string_chunk_insert_const (self->chunk, ""));
              in_si = FALSE;
            }
        }
      else if (is_end (&part, "si"))
        {
          if (self->strings->len >= MAX_SHARED_STRINGS)
            {
              g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                           _("%s: more than %d shared strings"), self->display_name,
                           MAX_SHARED_STRINGS);
              return FALSE;
            }
          g_ptr_array_add (self->strings, g_string_chunk_insert (self->chunk, text->str));
          in_si = FALSE;
        }
      else if (is_element (&part, "rPh") && !xmlTextReaderIsEmptyElement (part.reader))
        rph++;
      else if (is_end (&part, "rPh"))
        rph--;
      else if (is_element (&part, "t") && !xmlTextReaderIsEmptyElement (part.reader))
        in_t = TRUE;
      else if (is_end (&part, "t"))
        in_t = FALSE;
      else if (in_si && in_t && rph == 0 && is_text (&part))
        g_string_append (text, (const char *) xmlTextReaderConstValue (part.reader));
    }
  return r == 0;
}

static gboolean
is_percent_format (const char *code)
{
  gboolean quoted = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '%' && !quoted)
        return TRUE;
    }
  return FALSE;
}

/* "FF0000FF" is blue, "FFFF0000" red; anything else is no colour that
 * means something to a publisher. */
static PledgeCellColour
colour_of (const char *rgb)
{
  gsize n = rgb ? strlen (rgb) : 0;

  if (n < 6)
    return PLEDGE_CELL_COLOUR_NONE;
  if (g_ascii_strcasecmp (rgb + n - 6, "0000FF") == 0)
    return PLEDGE_CELL_COLOUR_BLUE;
  if (g_ascii_strcasecmp (rgb + n - 6, "FF0000") == 0)
    return PLEDGE_CELL_COLOUR_RED;
  return PLEDGE_CELL_COLOUR_NONE;
}

static gboolean
read_styles (PledgeWorkbook *self,
             GError        **error)
{
  g_autoptr(GHashTable) percent_ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) fonts = g_array_new (FALSE, TRUE, sizeof (PledgeCellColour));
  g_auto(Part) part = { 0 };
  gboolean in_cell_xfs = FALSE, in_fonts = FALSE, underlined = FALSE;
  PledgeCellColour font_colour = PLEDGE_CELL_COLOUR_NONE;
  int r;

  g_hash_table_add (percent_ids, GINT_TO_POINTER (9));   /* 0% */
  g_hash_table_add (percent_ids, GINT_TO_POINTER (10));  /* 0.00% */
  if (!part_open (&part, self, "xl/styles.xml", error))
    return error == NULL || *error == NULL;
  while ((r = part_next (&part, error)) == 1)
    {
      if (is_element (&part, "numFmt"))
        {
          g_autofree char *id = attribute (&part, "numFmtId");
          g_autofree char *code = attribute (&part, "formatCode");

          if (id != NULL && code != NULL && is_percent_format (code))
            g_hash_table_add (percent_ids, GINT_TO_POINTER (atoi (id)));
        }
      else if (is_element (&part, "fonts"))
        in_fonts = !xmlTextReaderIsEmptyElement (part.reader);
      else if (is_end (&part, "fonts"))
        in_fonts = FALSE;
      else if (in_fonts && is_element (&part, "font"))
        {
          font_colour = PLEDGE_CELL_COLOUR_NONE;
          underlined = FALSE;
          if (xmlTextReaderIsEmptyElement (part.reader) && fonts->len < 100000)
            g_array_append_val (fonts, font_colour);
        }
      else if (in_fonts && is_element (&part, "u"))
        underlined = TRUE;
      else if (in_fonts && is_element (&part, "color"))
        {
          g_autofree char *rgb = attribute (&part, "rgb");

          font_colour = colour_of (rgb);
        }
      else if (in_fonts && is_end (&part, "font") && fonts->len < 100000)
        {
          /* underlined blue is a link, not an estimate */
          PledgeCellColour colour = underlined ? PLEDGE_CELL_COLOUR_NONE : font_colour;

          g_array_append_val (fonts, colour);
        }
      else if (is_element (&part, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (part.reader);
      else if (is_end (&part, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (&part, "xf") && self->percent->len < 1000000)
        {
          g_autofree char *id = attribute (&part, "numFmtId");
          g_autofree char *font = attribute (&part, "fontId");
          gboolean percent = id != NULL &&
                             g_hash_table_contains (percent_ids, GINT_TO_POINTER (atoi (id)));
          guint font_index = font != NULL ? (guint) atoi (font) : 0;
          PledgeCellColour colour = font_index < fonts->len
                                    ? g_array_index (fonts, PledgeCellColour, font_index)
                                    : PLEDGE_CELL_COLOUR_NONE;

          g_array_append_val (self->percent, percent);
          g_array_append_val (self->colours, colour);
        }
    }
  return r == 0;
}

static gboolean
read_properties (PledgeWorkbook *self,
                 GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(Part) part = { 0 };
  gboolean in_modified = FALSE;
  int r;

  if (!part_open (&part, self, "docProps/core.xml", error))
    return error == NULL || *error == NULL;
  while ((r = part_next (&part, error)) == 1)
    {
      if (is_element (&part, "modified"))
        in_modified = TRUE;
      else if (is_end (&part, "modified"))
        {
          in_modified = FALSE;
          g_free (self->modified);
          self->modified = g_strstrip (g_strdup (text->str));
        }
      else if (in_modified && is_text (&part) && text->len < 100)
        g_string_append (text, (const char *) xmlTextReaderConstValue (part.reader));
    }
  return r == 0;
}

void
pledge_workbook_free (PledgeWorkbook *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  g_free (self->display_name);
  g_ptr_array_unref (self->sheet_names);
  g_ptr_array_unref (self->sheet_paths);
  g_ptr_array_unref (self->strings);
  g_string_chunk_free (self->chunk);
  g_array_unref (self->percent);
  g_array_unref (self->colours);
  g_free (self->modified);
  g_free (self);
}

PledgeWorkbook *
pledge_workbook_open (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(PledgeWorkbook) self = g_new0 (PledgeWorkbook, 1);

  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->sheet_paths = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_ptr_array_new ();
  self->chunk = g_string_chunk_new (64 * 1024);
  self->percent = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->colours = g_array_new (FALSE, FALSE, sizeof (PledgeCellColour));

  if (!read_workbook (self, error) ||
      !read_shared_strings (self, error) ||
      !read_styles (self, error) ||
      !read_properties (self, error))
    return NULL;
  if (self->sheet_names->len == 0)
    {
      g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: a workbook without sheets"), display_name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

guint
pledge_workbook_n_sheets (PledgeWorkbook *self)
{
  return self->sheet_names->len;
}

const char *
pledge_workbook_sheet_name (PledgeWorkbook *self,
                            guint           index)
{
  g_return_val_if_fail (index < self->sheet_names->len, NULL);
  return self->sheet_names->pdata[index];
}

int
pledge_workbook_find_sheet (PledgeWorkbook *self,
                            const char     *name)
{
  for (guint i = 0; i < self->sheet_names->len; i++)
    if (strcmp (self->sheet_names->pdata[i], name) == 0)
      return i;
  return -1;
}

const char *
pledge_workbook_modified (PledgeWorkbook *self)
{
  return self->modified;
}

/* "BC12" -> row 12, column 55; FALSE when it is not a cell reference. */
static gboolean
parse_reference (const char *ref,
                 guint      *row,
                 guint      *col)
{
  guint c = 0, r = 0;
  const char *p = ref;

  while (g_ascii_isupper (*p))
    {
      c = c * 26 + (*p - 'A' + 1);
      if (c > MAX_COL)
        return FALSE;
      p++;
    }
  if (p == ref || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (*p - '0');
      if (r > MAX_ROW)
        return FALSE;
      p++;
    }
  if (*p != '\0' || r == 0)
    return FALSE;
  *row = r;
  *col = c;
  return TRUE;
}

typedef struct
{
  PledgeWorkbook *workbook;
  guint           sheet;
  GArray         *cells;      /* PledgeCell */
  GStringChunk   *texts;      /* this row's inline and formula strings */
  guint           row;
  /* the cell being read */
  guint           col;
  char           *type;
  guint           style;
  GString        *value;
  gboolean        in_value;
} SheetReader;

static gboolean
cell_error (SheetReader *s,
            GError     **error,
            const char  *format,
            ...) G_GNUC_PRINTF (3, 4);

static gboolean
cell_error (SheetReader *s,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *prefix = pledge_workbook_cell_prefix (s->workbook, s->sheet, s->row, s->col);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_INVALID, "%s%s", prefix, message);
  return FALSE;
}

static gboolean
finish_cell (SheetReader *s,
             GError     **error)
{
  PledgeCell cell = { 0 };
  const char *type = s->type ? s->type : "n";
  const char *v = s->value->str;

  cell.col = s->col;
  cell.percent = s->style < s->workbook->percent->len &&
                 g_array_index (s->workbook->percent, gboolean, s->style);
  cell.colour = s->style < s->workbook->colours->len
                ? g_array_index (s->workbook->colours, PledgeCellColour, s->style)
                : PLEDGE_CELL_COLOUR_NONE;

  if (strcmp (type, "inlineStr") == 0 || strcmp (type, "str") == 0 || strcmp (type, "d") == 0)
    {
      cell.kind = PLEDGE_CELL_TEXT;
      cell.text = g_string_chunk_insert (s->texts, v);
    }
  else if (s->value->len == 0)
    return TRUE;
  else if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= s->workbook->strings->len)
        return cell_error (s, error, _("the shared string %s does not exist"), v);
      cell.kind = PLEDGE_CELL_TEXT;
      cell.text = s->workbook->strings->pdata[index];
    }
  else if (strcmp (type, "e") == 0)
    {
      cell.kind = PLEDGE_CELL_ERROR;
      cell.text = g_string_chunk_insert (s->texts, v);
    }
  else
    {
      char *end = NULL;

      cell.kind = PLEDGE_CELL_NUMBER;
      cell.number = g_ascii_strtod (v, &end);
      if (end == v || *end != '\0' || !isfinite (cell.number))
        return cell_error (s, error, _("\"%s\" is not a number"), v);
    }
  if (s->cells->len >= MAX_COL)
    return cell_error (s, error, _("more than %d cells in a row"), MAX_COL);
  g_array_append_val (s->cells, cell);
  return TRUE;
}

/* The sheet's hot loop looks at each node's type and name once, and
 * compares names with the reader's own interned strings. */
typedef struct
{
  const xmlChar *row, *c, *v, *t, *is, *f;
} SheetNames;

typedef enum
{
  NODE_OTHER,
  NODE_ROW,
  NODE_C,
  NODE_VALUE,    /* <v>, or <t> in an inline string */
  NODE_INLINE,   /* <is>, <f>: a cell's, nothing to do */
} NodeKind;

static NodeKind
node_kind (const xmlChar    *name,
           const SheetNames *n)
{
  if (name == n->c)
    return NODE_C;
  if (name == n->v || name == n->t)
    return NODE_VALUE;
  if (name == n->row)
    return NODE_ROW;
  if (name == n->is || name == n->f)
    return NODE_INLINE;
  /* the names should be the reader's own, but compare the text too */
  if (strcmp ((const char *) name, "c") == 0)
    return NODE_C;
  if (strcmp ((const char *) name, "v") == 0 || strcmp ((const char *) name, "t") == 0)
    return NODE_VALUE;
  if (strcmp ((const char *) name, "row") == 0)
    return NODE_ROW;
  if (strcmp ((const char *) name, "is") == 0 || strcmp ((const char *) name, "f") == 0)
    return NODE_INLINE;
  return NODE_OTHER;
}

gboolean
pledge_workbook_read_sheet (PledgeWorkbook *self,
                            guint           index,
                            PledgeRowFunc   func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (PledgeCell));
  g_autoptr(GString) value = g_string_new (NULL);
  g_auto(Part) part = { 0 };
  SheetReader s = { 0 };
  SheetNames names;
  guint other_nodes = 0;
  int r;

  g_return_val_if_fail (index < self->sheet_names->len, FALSE);

  if (!part_open (&part, self, self->sheet_paths->pdata[index], error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                     _("%s: the sheet \"%s\" is missing from the workbook"), self->display_name,
                     (const char *) self->sheet_names->pdata[index]);
      return FALSE;
    }

  part.max_nodes = 0;
  names.row = xmlTextReaderConstString (part.reader, BAD_CAST "row");
  names.c = xmlTextReaderConstString (part.reader, BAD_CAST "c");
  names.v = xmlTextReaderConstString (part.reader, BAD_CAST "v");
  names.t = xmlTextReaderConstString (part.reader, BAD_CAST "t");
  names.is = xmlTextReaderConstString (part.reader, BAD_CAST "is");
  names.f = xmlTextReaderConstString (part.reader, BAD_CAST "f");
  s.workbook = self;
  s.sheet = index;
  s.cells = cells;
  s.value = value;
  s.texts = g_string_chunk_new (4096);

  while ((r = part_next (&part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part.reader);
      NodeKind kind;
      gboolean start, end;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
        {
          if (!s.in_value)
            continue;
          g_string_append (value, (const char *) xmlTextReaderConstValue (part.reader));
          if (value->len > PLEDGE_IMPORT_MAX_FIELD_SIZE)
            {
              r = -1;
              cell_error (&s, error, _("a cell longer than %d MiB"),
                          PLEDGE_IMPORT_MAX_FIELD_SIZE / (1024 * 1024));
              break;
            }
          continue;
        }
      start = type == XML_READER_TYPE_ELEMENT;
      end = type == XML_READER_TYPE_END_ELEMENT;
      kind = start || end ? node_kind (xmlTextReaderConstLocalName (part.reader), &names)
                          : NODE_OTHER;
      if (kind == NODE_OTHER)
        {
          if (++other_nodes > MAX_OTHER_NODES)
            {
              g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_TOO_LARGE,
                           _("%s: sheet \"%s\" holds more than %d million things that are not "
                             "cells: refused"), self->display_name,
                           (const char *) self->sheet_names->pdata[index],
                           MAX_OTHER_NODES / (1024 * 1024));
              r = -1;
              break;
            }
          continue;
        }

      if (start && kind == NODE_ROW)
        {
          g_autofree char *ref = attribute (&part, "r");
          guint64 row;

          if (ref == NULL)
            s.row++;
          else if (g_ascii_string_to_unsigned (ref, 10, 1, MAX_ROW, &row, NULL))
            s.row = row;
          else
            {
              g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                           _("%s: sheet \"%s\": \"%s\" is not a row number"), self->display_name,
                           (const char *) self->sheet_names->pdata[index], ref);
              r = -1;
              break;
            }
          if (s.row > MAX_ROW)
            {
              r = -1;
              g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                           _("%s: sheet \"%s\": more than %d rows"), self->display_name,
                           (const char *) self->sheet_names->pdata[index], MAX_ROW);
              break;
            }
          g_array_set_size (cells, 0);
          g_string_chunk_clear (s.texts);
          s.col = 0;
          if (xmlTextReaderIsEmptyElement (part.reader))
            continue;
        }
      else if (end && kind == NODE_ROW)
        {
          PledgeRow row = { s.row, (const PledgeCell *) (void *) cells->data, cells->len };

          if (cells->len > 0 && !func (&row, user_data, error))
            {
              r = -1;
              break;
            }
        }
      else if (start && kind == NODE_C)
        {
          g_autofree char *ref = attribute (&part, "r");
          g_autofree char *style = attribute (&part, "s");
          guint row;

          g_free (s.type);
          s.type = attribute (&part, "t");
          s.style = style ? (guint) atoi (style) : 0;
          if (ref != NULL)
            {
              if (!parse_reference (ref, &row, &s.col))
                {
                  g_set_error (error, PLEDGE_IMPORT_ERROR, PLEDGE_IMPORT_ERROR_CORRUPT,
                               _("%s: sheet \"%s\": \"%s\" is not a cell reference"),
                               self->display_name, (const char *) self->sheet_names->pdata[index],
                               ref);
                  r = -1;
                  break;
                }
            }
          else if (++s.col > MAX_COL)
            {
              r = -1;
              cell_error (&s, error, _("more than %d cells in a row"), MAX_COL);
              break;
            }
          g_string_truncate (value, 0);
          if (xmlTextReaderIsEmptyElement (part.reader) && !finish_cell (&s, error))
            {
              r = -1;
              break;
            }
        }
      else if (end && kind == NODE_C)
        {
          if (!finish_cell (&s, error))
            {
              r = -1;
              break;
            }
        }
      else if (start && kind == NODE_VALUE)
        s.in_value = !xmlTextReaderIsEmptyElement (part.reader);
      else if (end && kind == NODE_VALUE)
        s.in_value = FALSE;
    }

  g_free (s.type);
  g_string_chunk_free (s.texts);
  return r == 0;
}
