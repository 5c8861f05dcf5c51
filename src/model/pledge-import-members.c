/* pledge-import-members.c: the one table of NATO members imports match
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Codes, names and accession years are those of the bundled member list
 * (data/datasets, built from reference-data/nato_members.csv by
 * build-aux/make-datasets.py); test-import checks this table against
 * data/datasets/nato.xml so the two cannot drift apart.
 */

#include "config.h"

#include <string.h>

#include "pledge-import-private.h"

static const PledgeImportMember members[] = {
  { "ALB", "AL", NULL, "Albania", 2009, NULL },
  { "BEL", "BE", NULL, "Belgium", 1949, NULL },
  { "BGR", "BG", NULL, "Bulgaria", 2004, NULL },
  { "CAN", "CA", NULL, "Canada", 1949, NULL },
  { "HRV", "HR", NULL, "Croatia", 2009, NULL },
  { "CZE", "CZ", NULL, "Czechia", 1999, "Czech Republic" },
  { "DNK", "DK", NULL, "Denmark", 1949, NULL },
  { "EST", "EE", NULL, "Estonia", 2004, NULL },
  { "FIN", "FI", NULL, "Finland", 2023, NULL },
  { "FRA", "FR", NULL, "France", 1949, NULL },
  { "DEU", "DE", NULL, "Germany", 1955,
    "Federal Republic of Germany|West Germany|Germany, West|Germany (FRG)" },
  { "GRC", "GR", "EL", "Greece", 1952, NULL },
  { "HUN", "HU", NULL, "Hungary", 1999, NULL },
  { "ISL", "IS", NULL, "Iceland", 1949, NULL },
  { "ITA", "IT", NULL, "Italy", 1949, NULL },
  { "LVA", "LV", NULL, "Latvia", 2004, NULL },
  { "LTU", "LT", NULL, "Lithuania", 2004, NULL },
  { "LUX", "LU", NULL, "Luxembourg", 1949, NULL },
  { "MNE", "ME", NULL, "Montenegro", 2017, NULL },
  { "NLD", "NL", NULL, "Netherlands", 1949, "The Netherlands|Netherlands (Kingdom of the)" },
  { "MKD", "MK", NULL, "North Macedonia", 2020,
    "Macedonia, FYR|Macedonia|FYR Macedonia|Former Yugoslav Republic of Macedonia|"
    "The former Yugoslav Republic of Macedonia|Republic of North Macedonia" },
  { "NOR", "NO", NULL, "Norway", 1949, NULL },
  { "POL", "PL", NULL, "Poland", 1999, NULL },
  { "PRT", "PT", NULL, "Portugal", 1949, NULL },
  { "ROU", "RO", NULL, "Romania", 2004, NULL },
  { "SVK", "SK", NULL, "Slovak Republic", 2004, "Slovakia" },
  { "SVN", "SI", NULL, "Slovenia", 2004, NULL },
  { "ESP", "ES", NULL, "Spain", 1982, NULL },
  { "SWE", "SE", NULL, "Sweden", 2024, NULL },
  { "TUR", "TR", NULL, "Türkiye", 1952, "Turkey|Turkiye|Republic of Türkiye" },
  { "GBR", "GB", "UK", "United Kingdom", 1949,
    "Great Britain|United Kingdom of Great Britain and Northern Ireland" },
  { "USA", "US", NULL, "United States", 1949, "United States of America|USA|US" },
};

/* Predecessor states: left out, and said so, never matched to a member. */
static const char *former_states[] = {
  "USSR", "Soviet Union", "Yugoslavia", "Czechoslovakia", "German Democratic Republic",
  "East Germany", "Germany, East", "GDR", "Serbia and Montenegro",
};

guint
pledge_import_n_members (void)
{
  return G_N_ELEMENTS (members);
}

const PledgeImportMember *
pledge_import_get_member (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (members), NULL);
  return &members[index];
}

/* Case folded, footnote marks ("Czechia*", "Norway ¶") and a trailing
 * parenthesis ("Albania   (Leks)") dropped, spaces collapsed. */
static char *
normalise (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *p;
  gboolean space = FALSE;
  char *paren;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0)
        {
          space = s->len > 0;
          continue;
        }
      if (c == '*' || c == 0x2020 || c == 0x2021 || c == 0xa7 || c == 0xb6 || c == 0x2016)
        continue;
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
    }

  /* "Albania (Leks)": the currency NATO's first table adds */
  paren = strrchr (s->str, '(');
  if (paren != NULL && paren > s->str && s->str[s->len - 1] == ')' &&
      strstr (s->str, "(Kingdom") == NULL && strstr (s->str, "(FRG)") == NULL)
    {
      g_string_truncate (s, paren - s->str);
      while (s->len > 0 && s->str[s->len - 1] == ' ')
        g_string_truncate (s, s->len - 1);
    }

  folded = g_utf8_casefold (s->str, -1);
  return g_steal_pointer (&folded);
}

static gboolean
is_code (const char *text)
{
  gsize n = strlen (text);

  if (n < 2 || n > 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/* Normalised name -> member index + 1, or -1 for a former state. Built
 * once; never freed (like GLib's own type tables). */
static GHashTable *
names_table (void)
{
  static gsize once = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        {
          g_auto(GStrv) aliases = g_strsplit (members[i].aliases ? members[i].aliases : "", "|", -1);

          g_hash_table_insert (t, normalise (members[i].name), GINT_TO_POINTER (i + 1));
          for (guint j = 0; aliases[j] != NULL; j++)
            if (*aliases[j] != '\0')
              g_hash_table_insert (t, normalise (aliases[j]), GINT_TO_POINTER (i + 1));
        }
      for (guint i = 0; i < G_N_ELEMENTS (former_states); i++)
        g_hash_table_insert (t, normalise (former_states[i]), GINT_TO_POINTER (-1));
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

PledgeImportMatch
pledge_import_match (const char *text,
                     guint      *index)
{
  g_autofree char *n = NULL;
  g_autofree char *stripped = NULL;
  int found;

  g_return_val_if_fail (text != NULL, PLEDGE_IMPORT_MATCH_NON_MEMBER);

  stripped = g_strstrip (g_strdup (text));
  if (is_code (stripped))
    {
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (strcmp (stripped, members[i].code) == 0 ||
            strcmp (stripped, members[i].iso2) == 0 ||
            g_strcmp0 (stripped, members[i].nato2) == 0)
          {
            if (index != NULL)
              *index = i;
            return PLEDGE_IMPORT_MATCH_MEMBER;
          }
    }

  n = normalise (stripped);
  found = GPOINTER_TO_INT (g_hash_table_lookup (names_table (), n));
  if (found > 0)
    {
      if (index != NULL)
        *index = found - 1;
      return PLEDGE_IMPORT_MATCH_MEMBER;
    }
  if (found < 0)
    return PLEDGE_IMPORT_MATCH_FORMER;
  return PLEDGE_IMPORT_MATCH_NON_MEMBER;
}

const char *
pledge_import_slot_name (guint slot)
{
  g_return_val_if_fail (slot < PLEDGE_IMPORT_N_SLOTS, NULL);
  if (slot < PLEDGE_N_FIELDS)
    return pledge_field_to_string (slot);
  return pledge_extra_to_string (slot - PLEDGE_N_FIELDS);
}

gboolean
pledge_import_slot_from_name (const char *name,
                              guint      *slot)
{
  PledgeField field;
  PledgeExtra extra;

  if (pledge_field_from_string (name, &field))
    {
      *slot = field;
      return TRUE;
    }
  if (pledge_extra_from_string (name, &extra))
    {
      *slot = PLEDGE_IMPORT_SLOT_EXTRA (extra);
      return TRUE;
    }
  return FALSE;
}
