/* pledge-dataset-loader-private.h: what the loader's files share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader is split by concern: pledge-dataset-loader.c feeds libxml2 and
 * dispatches its callbacks; -attributes.c collects and parses attributes and
 * makes the messages; -elements.c and -scenarios.c handle each element.
 */

#pragma once

#include <libxml/parser.h>

#include "pledge-dataset-private.h"

G_BEGIN_DECLS

/* Larger files are refused before parsing; 1,000,000 records take ~80 MB. */
#define MAX_FILE_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)
#define MAX_TEXT_LENGTH (64 * 1024)
#define CHUNK_SIZE (64 * 1024)

#define MAX_ATTRIBUTES 16

typedef enum
{
  EL_NONE,
  EL_ROOT,
  EL_TITLE,
  EL_EDITION,
  EL_SOURCE,
  EL_NOTE,
  EL_UNITS,
  EL_TARGETS,
  EL_TARGET,
  EL_MEMBERS,
  EL_MEMBER,
  EL_FIGURES,
  EL_SCENARIOS,
  EL_SCENARIO,
  EL_SET,
  EL_GROW,
  N_ELEMENTS
} Element;

typedef struct
{
  const char *name;
  Element     parent;
  /* Allowed attributes, NULL-terminated. */
  const char *attributes[MAX_ATTRIBUTES + 1];
  /* The format version that brought the element in (0: version 1), and
   * how many of its attributes, at the start of the list, version 1
   * allows (0: all of them). Later ones are unknown in a version 1 file. */
  guint8      since;
  guint8      n_v1;
} ElementInfo;

/* The format: each element, its parent and its attributes. */
extern const ElementInfo pledge_loader_elements[N_ELEMENTS];

#define MAX_DEPTH 8

/* Attribute indexes of <figures>, as listed in pledge_loader_elements[]:
 * the figure fields follow "year" in PledgeField order. */
enum {
  FIGURES_YEAR = 0,
  FIGURES_ESTIMATE = 1 + PLEDGE_N_FIELDS,
  /* Format version 2: the PledgeExtra figures, in their order. */
  FIGURES_EXTRA = FIGURES_ESTIMATE + 1,
};

typedef struct
{
  PledgeDataset   *dataset;
  const char      *display_name;
  xmlParserCtxtPtr ctxt;
  GError          *error;

  int              version;   /* the file's format version, once the root is read */

  Element          stack[MAX_DEPTH];
  guint            depth;

  GString         *text;
  char            *source_href;
  gboolean         seen[N_ELEMENTS];

  PledgeMember    *member;
  PledgeScenario  *scenario;
  GHashTable      *scenario_ids;
  GHashTable      *target_ids;

  /* Attribute values of the current element, NUL-terminated copies in
   * one reused buffer, by their index in the element's attribute list. */
  GString         *attr_store;
  const char      *values[MAX_ATTRIBUTES];
  /* How many of each element's attributes (pledge_loader_elements[]) the
   * file's version allows: all until the root says version 1. */
  guint8           n_allowed[N_ELEMENTS];

  /* libxml2 interns names: once a name is known, a pointer comparison
   * recognises it again. */
  const xmlChar   *element_names[N_ELEMENTS];
  const xmlChar   *attribute_names[N_ELEMENTS][MAX_ATTRIBUTES];

  /* While a start tag is handled: the raw attribute values, still in
   * libxml2's input buffer, to tell the line of each
   * (see pledge_loader_tag_line()). */
  gboolean         in_start_tag;
  const xmlChar   *raw_values[MAX_ATTRIBUTES];

  /* "member \"DEU\": ", made once per member for messages about its figures */
  char            *member_context;

  /* Format v2: <edition>'s attributes until its text ends; the first
   * -constant figure, which needs units/@constant (checked where both
   * are known): its line, member context and attribute name. */
  char            *edition_date;
  char            *edition_basis;
  int              constant_line;
  char            *constant_context;
  const char      *constant_name;

  /* A libxml2 error, kept to report when the parse ends. */
  char            *xml_message;
  int              xml_line;
  int              xml_code;
  gboolean         root_closed;

  /* End-of-line handling (see feed() in pledge-dataset-loader.c): a CR
   * at the end of the last chunk, and where a chunk with CRs is rewritten. */
  gboolean         pending_cr;
  char            *eol_buffer;
} Loader;

/* Messages (pledge-dataset-loader-attributes.c): the first failure stops
 * the parse and is reported as "FILE:LINE: message". */
int          pledge_loader_tag_line       (Loader         *self,
                                           const xmlChar  *at);
int          pledge_loader_current_line   (Loader         *self);
int          pledge_loader_attr_line      (Loader         *self,
                                           const char     *name);
void         pledge_loader_fail           (Loader         *self,
                                           int             code,
                                           const char     *format,
                                           ...) G_GNUC_PRINTF (3, 4);
void         pledge_loader_fail_at        (Loader         *self,
                                           int             line,
                                           int             code,
                                           const char     *format,
                                           ...) G_GNUC_PRINTF (4, 5);
const char  *pledge_loader_suggest        (const char        *word,
                                           const char *const *candidates);

/* Attributes and their values. */
gboolean     pledge_loader_collect_attributes (Loader         *self,
                                               Element         element,
                                               int             nb_attributes,
                                               const xmlChar **attributes);
const char  *pledge_loader_get_attr       (Loader         *self,
                                           const char     *name);
const char  *pledge_loader_require_attr   (Loader         *self,
                                           const char     *context,
                                           Element         element,
                                           const char     *name);
gboolean     pledge_loader_parse_number   (Loader         *self,
                                           const char     *context,
                                           const char     *name,
                                           const char     *text,
                                           double         *value);
gboolean     pledge_loader_parse_signed_number (Loader    *self,
                                                const char *context,
                                                const char *name,
                                                const char *text,
                                                double     *value);
gboolean     pledge_loader_parse_year     (Loader         *self,
                                           const char     *context,
                                           const char     *name,
                                           const char     *text,
                                           int            *year);
gboolean     pledge_loader_is_token       (const char     *str);
gboolean     pledge_loader_is_code        (const char     *str);
gboolean     pledge_loader_check_code     (Loader         *self,
                                           const char     *context,
                                           const char     *name,
                                           const char     *code);
gboolean     pledge_loader_check_text     (Loader         *self,
                                           const char     *context,
                                           const char     *name,
                                           const char     *text);

/* Element handlers (-elements.c, -scenarios.c): each runs once the
 * attributes are collected. */
void         pledge_loader_start_root     (Loader *self);
void         pledge_loader_start_units    (Loader *self);
void         pledge_loader_start_edition  (Loader *self);
void         pledge_loader_end_edition    (Loader *self,
                                           char   *text);
gboolean     pledge_loader_check_constant (Loader *self);
gboolean     pledge_loader_parse_extras   (Loader        *self,
                                           PledgeFigures *figures);
/* Format v2 in a version 1 file: what the unknown-name messages add. */
const char  *pledge_loader_v2_hint        (Loader *self);
/* The attributes of element the file's version allows, NULL-terminated. */
void         pledge_loader_allowed_attributes (Loader     *self,
                                               Element     element,
                                               const char *out[MAX_ATTRIBUTES + 1]);
void         pledge_loader_start_target   (Loader *self);
void         pledge_loader_start_member   (Loader *self);
void         pledge_loader_start_figures  (Loader *self);
void         pledge_loader_start_scenario (Loader *self);
void         pledge_loader_start_set      (Loader *self);
void         pledge_loader_start_grow     (Loader *self);

G_END_DECLS
