/* pledge-dataset-loader.c: a streaming, validating reader of dataset files
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read with GIO and fed to libxml2's SAX2 parser in chunks: no
 * tree of the document is ever built, so memory stays proportional to the
 * data. libxml2 never opens a file or the network itself; DOCTYPEs (and so
 * DTDs and entities) are refused at the first sight of one. See
 * shared/docs/reliability.md for why each option is set as it is.
 *
 * This file feeds the parser and dispatches its callbacks; the attributes,
 * numbers and messages are in pledge-dataset-loader-attributes.c, the
 * elements in -elements.c and -scenarios.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "pledge-dataset-loader-private.h"
#include "pledge-number.h"

static Element
lookup_element (Loader        *self,
                const xmlChar *localname)
{
  for (Element e = EL_ROOT; e < N_ELEMENTS; e++)
    if (self->element_names[e] == localname)
      return e;
  for (Element e = EL_ROOT; e < N_ELEMENTS; e++)
    if (strcmp (pledge_loader_elements[e].name, (const char *) localname) == 0)
      {
        self->element_names[e] = localname;
        return e;
      }
  return EL_NONE;
}

/* Whether the file's format version has element. */
static gboolean
in_version (Loader  *self,
            Element  element)
{
  return pledge_loader_elements[element].since <= MAX (self->version, 1);
}

/* The names of the elements allowed in parent, NULL-terminated. */
static void
children_of (Loader     *self,
             Element     parent,
             const char *candidates[N_ELEMENTS])
{
  guint n = 0;

  for (Element e = EL_ROOT; e < N_ELEMENTS; e++)
    if (pledge_loader_elements[e].parent == parent && in_version (self, e))
      candidates[n++] = pledge_loader_elements[e].name;
  candidates[n] = NULL;
}

static void
handle_start_element (Loader         *self,
                      const xmlChar  *localname,
                      const xmlChar  *prefix,
                      const xmlChar  *uri,
                      int             nb_attributes,
                      const xmlChar **attributes)
{
  const char *name = (const char *) localname;
  Element parent = self->depth > 0 ? self->stack[self->depth - 1] : EL_NONE;
  g_autofree char *qname = NULL;
  Element element;

  element = uri == NULL ? lookup_element (self, localname) : EL_NONE;
  if (prefix != NULL)
    name = qname = g_strdup_printf ("%s:%s", (const char *) prefix, name);

  /* <pledge-dataset xmlns="..."> names a dataset element, but not ours. */
  if (uri != NULL && prefix == NULL && lookup_element (self, localname) != EL_NONE)
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                          _("<%s> is in the namespace \"%s\"; dataset elements have no namespace"),
                          name, (const char *) uri);
      return;
    }

  if (parent == EL_NONE)
    {
      if (element != EL_ROOT)
        {
          pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                              _("not a Pledge dataset: the root element is <%s>, not <pledge-dataset>"),
                              name);
          return;
        }
    }
  else if (element != EL_NONE && !in_version (self, element))
    {
      /* A version 2 element in a version 1 file is unknown there. */
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("unknown element <%s> in <%s> %s"),
                          name, pledge_loader_elements[parent].name,
                          pledge_loader_v2_hint (self));
      return;
    }
  else if (element == EL_NONE)
    {
      const char *candidates[N_ELEMENTS];
      const char *hint;

      children_of (self, parent, candidates);
      hint = uri == NULL ? pledge_loader_suggest (name, candidates) : NULL;

      if (hint != NULL)
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                            _("unknown element <%s> in <%s>; did you mean <%s>?"),
                            name, pledge_loader_elements[parent].name, hint);
      else
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("unknown element <%s> in <%s>"),
                            name, pledge_loader_elements[parent].name);
      return;
    }
  else if (pledge_loader_elements[element].parent != parent)
    {
      const char *candidates[N_ELEMENTS];
      const char *hint;

      children_of (self, parent, candidates);
      hint = pledge_loader_suggest (name, candidates);

      if (hint != NULL)
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                            _("<%s> does not belong in <%s>; did you mean <%s>?"),
                            name, pledge_loader_elements[parent].name, hint);
      else
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<%s> does not belong in <%s>"),
                            name, pledge_loader_elements[parent].name);
      return;
    }

  if (parent == EL_ROOT && element != EL_SOURCE && element != EL_NOTE && self->seen[element])
    {
      pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<%s> given twice"), name);
      return;
    }
  self->seen[element] = TRUE;

  /* The structure allows no deeper nesting than this; anything deeper was
   * refused above as unknown or misplaced. */
  g_assert (self->depth < MAX_DEPTH);
  self->stack[self->depth++] = element;

  if (!pledge_loader_collect_attributes (self, element, nb_attributes, attributes))
    return;

  switch (element)
    {
    case EL_ROOT:
      pledge_loader_start_root (self);
      break;
    case EL_TITLE:
    case EL_NOTE:
      g_string_truncate (self->text, 0);
      break;
    case EL_SOURCE:
      g_string_truncate (self->text, 0);
      g_free (self->source_href);
      self->source_href = g_strdup (pledge_loader_get_attr (self, "href"));
      break;
    case EL_UNITS:
      pledge_loader_start_units (self);
      break;
    case EL_EDITION:
      pledge_loader_start_edition (self);
      break;
    case EL_TARGET:
      pledge_loader_start_target (self);
      break;
    case EL_MEMBER:
      pledge_loader_start_member (self);
      break;
    case EL_FIGURES:
      pledge_loader_start_figures (self);
      break;
    case EL_SCENARIO:
      pledge_loader_start_scenario (self);
      break;
    case EL_SET:
      pledge_loader_start_set (self);
      break;
    case EL_GROW:
      pledge_loader_start_grow (self);
      break;
    case EL_TARGETS:
    case EL_MEMBERS:
    case EL_SCENARIOS:
      break;
    case EL_NONE:
    case N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  Loader *self = user_data;

  if (self->error != NULL)
    return;

  self->in_start_tag = TRUE;
  handle_start_element (self, localname, prefix, uri, nb_attributes, attributes);
  self->in_start_tag = FALSE;
}

/* <figures year="2030"/> gives no figure (one with only version 2
 * figures, such as a population, does): it must not count as a year
 * with figures (the default year, the years of a report, where projected
 * years start). It is kept until the member ends, so that a year given
 * twice is still an error, then dropped: saving leaves it out. */
static void
drop_empty_figures (PledgeMember *member)
{
  guint kept = 0;

  if (member == NULL)
    return;
  for (guint k = 0; k < member->figures->len; k++)
    {
      const PledgeFigures *f = &g_array_index (member->figures, PledgeFigures, k);

      if (f->present == 0 && f->extra_present == 0)
        continue;
      if (kept != k)
        g_array_index (member->figures, PledgeFigures, kept) = *f;
      kept++;
    }
  g_array_set_size (member->figures, kept);
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Loader *self = user_data;
  Element element;

  if (self->error != NULL)
    return;

  g_assert (self->depth > 0);
  element = self->stack[--self->depth];

  switch (element)
    {
    case EL_TITLE:
      pledge_dataset_set_title (self->dataset, g_strstrip (self->text->str));
      break;
    case EL_SOURCE:
      g_strstrip (self->text->str);
      if (self->text->str[0] == '\0')
        {
          pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("<source> must not be empty"));
          return;
        }
      pledge_dataset_add_source (self->dataset, self->source_href, self->text->str);
      break;
    case EL_NOTE:
      pledge_dataset_add_note (self->dataset, g_strstrip (self->text->str));
      break;
    case EL_EDITION:
      pledge_loader_end_edition (self, g_strstrip (self->text->str));
      break;
    case EL_TARGETS:
      if (pledge_dataset_get_n_targets (self->dataset) == 0)
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                            _("<targets> needs at least one <target>"));
      break;
    case EL_MEMBERS:
      if (pledge_dataset_get_n_members (self->dataset) == 0)
        pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                            _("<members> needs at least one <member>"));
      break;
    case EL_MEMBER:
      drop_empty_figures (self->member);
      self->member = NULL;
      break;
    case EL_SCENARIO:
      self->scenario = NULL;
      break;
    case EL_ROOT:
      self->root_closed = TRUE;
      {
        static const Element required[] = { EL_TITLE, EL_UNITS, EL_TARGETS, EL_MEMBERS };

        for (guint i = 0; i < G_N_ELEMENTS (required); i++)
          if (!self->seen[required[i]])
            {
              pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID, _("the dataset has no <%s>"),
                                  pledge_loader_elements[required[i]].name);
              return;
            }
      }
      pledge_loader_check_constant (self);
      break;
    case EL_UNITS:
    case EL_TARGET:
    case EL_FIGURES:
    case EL_SCENARIOS:
    case EL_SET:
    case EL_GROW:
      break;
    case EL_NONE:
    case N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_characters (void          *user_data,
               const xmlChar *ch,
               int            len)
{
  Loader *self = user_data;
  Element element;

  if (self->error != NULL || self->depth == 0)
    return;

  element = self->stack[self->depth - 1];
  if (element == EL_TITLE || element == EL_SOURCE || element == EL_NOTE || element == EL_EDITION)
    {
      if (self->text->len + len > MAX_TEXT_LENGTH)
        {
          pledge_loader_fail (self, PLEDGE_DATASET_ERROR_INVALID,
                              _("the text of <%s> is longer than %d KiB"),
                              pledge_loader_elements[element].name, MAX_TEXT_LENGTH / 1024);
          return;
        }
      if (!g_utf8_validate ((const char *) ch, len, NULL))
        {
          pledge_loader_fail (self, PLEDGE_DATASET_ERROR_NOT_XML,
                              _("the text of <%s> is not valid UTF-8"),
                              pledge_loader_elements[element].name);
          return;
        }
      g_string_append_len (self->text, (const char *) ch, len);
      return;
    }

  for (int i = 0; i < len; i++)
    if (!g_ascii_isspace (ch[i]))
      {
        /* libxml2 is past the text by now: count back to where it starts. */
        int line = pledge_loader_current_line (self);

        for (int k = i; k < len; k++)
          if (ch[k] == '\n')
            line--;
        pledge_loader_fail_at (self, line, PLEDGE_DATASET_ERROR_INVALID,
                               _("text is not allowed in <%s>"),
                               pledge_loader_elements[element].name);
        return;
      }
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *self = user_data;

  pledge_loader_fail (self, PLEDGE_DATASET_ERROR_DOCTYPE,
                      _("the file has a DOCTYPE; datasets may not declare a DTD or entities"));
}

static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  /* No entities beyond XML's own five, which libxml2 handles itself. */
  return NULL;
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  on_internal_subset (user_data, name, public_id, system_id);
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  Loader *self = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || self->xml_message != NULL)
    return;

  /* libxml2's text can run over lines: keep the first. */
  self->xml_message = g_strndup (error->message ? error->message : "",
                                 strcspn (error->message ? error->message : "", "\n"));
  g_strstrip (self->xml_message);
  self->xml_line = error->line;
  self->xml_code = error->code;
}

/* What the first bytes say before libxml2 reads them: an empty, compressed
 * or UTF-16/32 file, or a doubled byte order mark, each with its own
 * message rather than whatever libxml2 makes of it. */
static gboolean
check_start (Loader     *self,
             const char *data,
             gsize       n)
{
  static const char gzip_magic[] = { 0x1f, (char) 0x8b };
  static const char bom[] = "\xef\xbb\xbf";
  const guchar *u = (const guchar *) data;
  const char *message = NULL;

  if (n == 0)
    message = _("the file is empty");
  else if (n >= 2 && memcmp (data, gzip_magic, 2) == 0)
    message = _("the file is compressed; datasets are plain XML files");
  /* Byte order marks of UTF-16 and UTF-32 (FF FE covers both little-endian
   * ones), or "<" as UTF-16 without one: whatever the file declares, a
   * dataset is UTF-8. libxml2 reads some of them and refuses others. */
  else if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff) ||
                      (u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<') ||
                      (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff)))
    message = _("the file is UTF-16 or UTF-32 text; datasets are UTF-8");
  else if (n >= 6 && memcmp (data, bom, 3) == 0 && memcmp (data + 3, bom, 3) == 0)
    message = _("the file starts with two byte order marks; a UTF-8 file has at most one");

  if (message == NULL)
    return TRUE;
  self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML, "%s:1: %s",
                             self->display_name, message);
  return FALSE;
}

/* XML reads CR LF and a lone CR as LF (end-of-line handling, XML 1.0
 * section 2.11), but libxml2 2.9 counts lines by LF alone: in a file with
 * CR-only line ends every message said line 1. Doing the normalisation
 * before the parser does changes nothing else. Returns the length of out;
 * a CR at the end of in waits for the next chunk. */
static gsize
normalize_eol (Loader     *self,
               const char *in,
               gsize       len,
               char       *out)
{
  gsize o = 0;

  if (self->pending_cr && (len == 0 || in[0] != '\n'))
    out[o++] = '\n';
  self->pending_cr = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (in[i] != '\r')
        out[o++] = in[i];
      else if (i + 1 == len)
        self->pending_cr = TRUE;
      else if (in[i + 1] != '\n')
        out[o++] = '\n';
    }
  return o;
}

static void
feed (Loader     *self,
      const char *data,
      gsize       len,
      gboolean    terminate)
{
  if (!self->pending_cr && memchr (data, '\r', len) == NULL)
    {
      xmlParseChunk (self->ctxt, data, len, terminate);
      return;
    }
  if (self->eol_buffer == NULL)
    self->eol_buffer = g_malloc (CHUNK_SIZE + 1);
  g_assert (len <= CHUNK_SIZE);
  len = normalize_eol (self, data, len, self->eol_buffer);
  xmlParseChunk (self->ctxt, self->eol_buffer, len, terminate);
}

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  GError       *error;
} ReadContext;

static gboolean
parse (Loader      *self,
       ReadContext *input,
       GBytes      *bytes)
{
  xmlSAXHandler sax = { 0 };
  char buffer[CHUNK_SIZE];
  gssize n = 0;
  int options;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.internalSubset = on_internal_subset;
  sax.externalSubset = on_internal_subset;
  sax.entityDecl = on_entity_decl;
  sax.getEntity = on_get_entity;
  sax.getParameterEntity = on_get_entity;
  sax.serror = on_structured_error;

  /* First chunk: to tell an empty or compressed file before libxml2 does. */
  if (bytes != NULL)
    {
      n = MIN (g_bytes_get_size (bytes), 8);
      if (n > 0)
        memcpy (buffer, g_bytes_get_data (bytes, NULL), n);
    }
  else
    {
      n = g_input_stream_read (input->stream, buffer, sizeof buffer, input->cancellable,
                               &input->error);
      if (n < 0)
        return FALSE;
    }

  if (!check_start (self, buffer, n))
    return FALSE;

  if (bytes != NULL)
    {
      /* The whole document at once. */
      n = 0;
    }

  if (n > 0)
    n = normalize_eol (self, buffer, n, buffer);
  self->ctxt = xmlCreatePushParserCtxt (&sax, self, buffer, n, self->display_name);
  if (self->ctxt == NULL)
    {
      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                                 _("%s: out of memory"), self->display_name);
      return FALSE;
    }

  /* Never NOENT, HUGE, RECOVER, DTDLOAD, DTDVALID or XINCLUDE. */
  options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
#if LIBXML_VERSION >= 21200
  options |= XML_PARSE_NO_XXE;
#endif
  xmlCtxtUseOptions (self->ctxt, options);

  if (bytes != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      gsize offset = 0;

      while (offset < size && self->error == NULL && self->ctxt->disableSAX == 0)
        {
          gsize chunk = MIN (size - offset, CHUNK_SIZE);

          feed (self, data + offset, chunk, 0);
          offset += chunk;
        }
    }
  else
    {
      gint64 total = n;

      while (self->error == NULL && self->ctxt->disableSAX == 0)
        {
          n = g_input_stream_read (input->stream, buffer, sizeof buffer, input->cancellable,
                                   &input->error);
          if (n < 0)
            return FALSE;
          if (n == 0)
            break;
          /* The size was checked before, but a special file may not say. */
          total += n;
          if (total > MAX_FILE_SIZE)
            {
              self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                                         _("%s: the file is larger than %d MiB"),
                                         self->display_name,
                                         (int) (MAX_FILE_SIZE / (1024 * 1024)));
              return FALSE;
            }
          feed (self, buffer, n, 0);
        }
    }

  if (self->error == NULL && self->ctxt->disableSAX == 0)
    {
      if (self->pending_cr)
        feed (self, "", 0, 0);
      xmlParseChunk (self->ctxt, NULL, 0, 1);
    }

  if (self->error != NULL)
    return FALSE;

  /* After xmlStopParser libxml2 2.9 may still call the document
   * well-formed: check both. */
  if (!self->ctxt->wellFormed || self->ctxt->errNo != XML_ERR_OK || self->xml_message != NULL)
    {
      int line = self->xml_message ? self->xml_line : pledge_loader_current_line (self);
      const char *detail = self->xml_message ? self->xml_message : _("unknown error");
      g_autofree char *what = NULL;

      if (self->xml_code == XML_ERR_DOCUMENT_EMPTY)
        what = g_strdup (_("the file is not XML"));
      else if (self->xml_code == XML_ERR_INVALID_CHAR ||
               self->xml_code == XML_ERR_INVALID_ENCODING)
        what = g_strdup (_("the file is not valid UTF-8 text"));
      /* What libxml2 2.9's push parser says when the input stops early. */
      else if (self->xml_code == XML_ERR_DOCUMENT_END && self->depth > 0)
        what = g_strdup_printf (_("the file ends inside <%s>: it may be truncated"),
                                pledge_loader_elements[self->stack[self->depth - 1]].name);
      else if (self->xml_code == XML_ERR_DOCUMENT_END && !self->seen[EL_ROOT])
        what = g_strdup (_("the file ends before its <pledge-dataset> element: it may be truncated"));
      else
        what = g_strdup (_("the file is not well-formed XML"));

      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML,
                                 "%s:%d: %s (%s)", self->display_name, line, what, detail);
      return FALSE;
    }

  if (!self->seen[EL_ROOT])
    {
      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_INVALID,
                                 _("%s:1: not a Pledge dataset"), self->display_name);
      return FALSE;
    }

  /* libxml2 can stop without an error it reports (a failed encoding
   * conversion, for one): whatever it says, a dataset is whole only when
   * its root element closed. */
  if (!self->root_closed)
    {
      self->error = g_error_new (PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_NOT_XML,
                                 _("%s:%d: the file ends inside <%s>: it may be truncated"),
                                 self->display_name, pledge_loader_current_line (self),
                                 pledge_loader_elements[self->depth > 0
                                                        ? self->stack[self->depth - 1]
                                                        : EL_ROOT].name);
      return FALSE;
    }

  return TRUE;
}

/* libxml2 prints some errors (failed encoding conversions) through its
 * generic handler rather than the parser's: we report our own message. */
static void
ignore_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

static PledgeDataset *
load (const char   *display_name,
      ReadContext  *input,
      GBytes       *bytes,
      GError      **error)
{
  Loader self = { 0 };
  PledgeDataset *result = NULL;
  xmlGenericErrorFunc previous = xmlGenericError;
  void *previous_context = xmlGenericErrorContext;
  gboolean parsed;

  self.dataset = pledge_dataset_new ();
  self.display_name = display_name;
  self.text = g_string_new (NULL);
  self.attr_store = g_string_sized_new (256);
  self.scenario_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (Element e = EL_NONE; e < N_ELEMENTS; e++)
    while (pledge_loader_elements[e].attributes[self.n_allowed[e]] != NULL)
      self.n_allowed[e]++;

  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  parsed = parse (&self, input, bytes);
  xmlSetGenericErrorFunc (previous_context, previous);

  if (!parsed)
    {
      if (input != NULL && input->error != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&input->error), "%s: ", display_name);
      else
        g_propagate_error (error, g_steal_pointer (&self.error));
    }
  else if (pledge_dataset_check_scenarios (self.dataset, display_name, error))
    result = g_steal_pointer (&self.dataset);

  g_clear_error (&self.error);
  if (self.ctxt != NULL)
    xmlFreeParserCtxt (self.ctxt);
  g_clear_object (&self.dataset);
  g_string_free (self.text, TRUE);
  g_string_free (self.attr_store, TRUE);
  g_free (self.member_context);
  g_free (self.edition_date);
  g_free (self.edition_basis);
  g_free (self.constant_context);
  g_hash_table_unref (self.scenario_ids);
  g_hash_table_unref (self.target_ids);
  g_free (self.source_href);
  g_free (self.xml_message);
  g_free (self.eol_buffer);

  return result;
}

PledgeDataset *
pledge_dataset_load_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "dataset";

  if ((gint64) g_bytes_get_size (bytes) > MAX_FILE_SIZE)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  return load (display_name, NULL, bytes, error);
}

PledgeDataset *
pledge_dataset_load (GFile         *file,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  ReadContext input = { 0 };
  PledgeDataset *dataset;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), display_name);
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  input.stream = G_INPUT_STREAM (stream);
  input.cancellable = cancellable;
  dataset = load (display_name, &input, NULL, &local_error);
  g_clear_error (&input.error);

  if (dataset == NULL)
    {
      /* Read errors come back in GIO's domain: give them ours. */
      if (local_error->domain != PLEDGE_DATASET_ERROR)
        g_set_error_literal (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO,
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return dataset;
}
