/* pledge-dataset-extras.c: where a dataset keeps its version 2 figures,
 * and how its edition reads
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format version 2 adds eight figures a year (PledgeExtra). Most files
 * have none, and a file of a million records must not pay 64 bytes a
 * record for them: a PledgeFigures holds only a pointer, NULL when it has
 * none, to PLEDGE_N_EXTRAS doubles in an arena the dataset owns. The
 * arena hands out slots from chunks that never move or shrink, so the
 * pointers stay valid as long as the dataset lives; snapshots copy the
 * pointer, not the figures (scenarios never edit them).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pledge-dataset-private.h"

/* 512 records of 8 doubles: 32 KiB a chunk. */
#define RECORDS_PER_CHUNK 512

typedef struct _Chunk Chunk;

struct _Chunk
{
  Chunk *next;
  guint  used;   /* records handed out */
  double values[RECORDS_PER_CHUNK * PLEDGE_N_EXTRAS];
};

struct _PledgeExtraArena
{
  Chunk *head;   /* the chunk being filled; older ones follow */
};

PledgeExtraArena *
pledge_extra_arena_new (void)
{
  return g_new0 (PledgeExtraArena, 1);
}

void
pledge_extra_arena_free (PledgeExtraArena *arena)
{
  if (arena == NULL)
    return;
  while (arena->head != NULL)
    {
      Chunk *next = arena->head->next;

      g_free (arena->head);
      arena->head = next;
    }
  g_free (arena);
}

double *
pledge_extra_arena_alloc (PledgeExtraArena *arena)
{
  double *slot;

  g_assert (arena != NULL);

  if (arena->head == NULL || arena->head->used == RECORDS_PER_CHUNK)
    {
      Chunk *chunk = g_new (Chunk, 1);

      chunk->next = arena->head;
      chunk->used = 0;
      arena->head = chunk;
    }
  slot = arena->head->values + arena->head->used++ * PLEDGE_N_EXTRAS;
  for (guint k = 0; k < PLEDGE_N_EXTRAS; k++)
    slot[k] = NAN;
  return slot;
}

void
pledge_dataset_set_figure_extra (PledgeDataset *self,
                                 PledgeFigures *figures,
                                 PledgeExtra    extra,
                                 double         value)
{
  double *slot;

  g_return_if_fail (PLEDGE_IS_DATASET (self));
  g_return_if_fail (figures != NULL);
  g_return_if_fail (extra < PLEDGE_N_EXTRAS);
  g_return_if_fail (isfinite (value));

  if (figures->extra == NULL)
    figures->extra = pledge_dataset_alloc_extras (self);
  /* The slot is the dataset's own: const only to those who read it. */
  slot = (double *) figures->extra;
  slot[extra] = value;
  figures->extra_present |= 1u << extra;
}

int
pledge_dataset_get_format_version (PledgeDataset *self)
{
  guint n;

  g_return_val_if_fail (PLEDGE_IS_DATASET (self), 1);

  if (pledge_dataset_get_edition (self) != NULL || pledge_dataset_get_constant_year (self) != 0)
    return 2;

  n = pledge_dataset_get_n_members (self);
  for (guint i = 0; i < n; i++)
    {
      GArray *figures = pledge_dataset_get_member (self, i)->figures;

      for (guint k = 0; k < figures->len; k++)
        if (g_array_index (figures, PledgeFigures, k).extra_present != 0)
          return 2;
    }
  return 1;
}

char *
pledge_edition_describe_basis (const PledgeEdition *edition)
{
  static const struct { const char *token; const char *words; } known[] = {
    /* Translators: the basis of a dataset's edition: what its defence
     * figures count (NATO's core defence spending, as of The Hague 2025) */
    { "core-defence", N_("core defence") },
  };
  char *words;

  g_return_val_if_fail (edition != NULL, NULL);

  if (edition->basis == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (edition->basis, known[i].token) == 0)
      return g_strdup (_(known[i].words));
  /* Any other token, as words. */
  words = g_strdup (edition->basis);
  g_strdelimit (words, "-_", ' ');
  return words;
}

char *
pledge_edition_describe_date (const PledgeEdition *edition)
{
  int year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) dt = NULL;
  gboolean full;

  g_return_val_if_fail (edition != NULL, NULL);

  if (edition->date == NULL)
    return NULL;
  full = strlen (edition->date) == 10;
  if (sscanf (edition->date, full ? "%4d-%2d-%2d" : "%4d-%2d", &year, &month, &day) < 2)
    return g_strdup (edition->date);
  dt = g_date_time_new_local (year, month, full ? day : 1, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (edition->date);
  /* Translators: strftime formats of an edition's date: a month, and a day */
  return g_date_time_format (dt, full ? _("%-d %B %Y") : _("%B %Y"));
}

/* The edition told by its month, which sets editions of one publication
 * apart (its name is most often the publication's, like the title's). */
static char *
edition_words (const PledgeEdition *edition)
{
  g_autoptr(GDateTime) dt = NULL;
  int year = 0, month = 0;

  if (edition->date != NULL &&
      sscanf (edition->date, "%4d-%2d", &year, &month) == 2 &&
      (dt = g_date_time_new_local (year, month, 1, 12, 0, 0)) != NULL)
    {
      g_autofree char *when = g_date_time_format (dt, _("%B %Y"));

      /* Translators: a dataset's edition by its month, "July 2026 edition" */
      return g_strdup_printf (_("%s edition"), when);
    }
  return g_strdup (edition->name);
}

char *
pledge_edition_describe (const PledgeEdition *edition)
{
  g_autofree char *basis = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (edition != NULL, NULL);

  words = edition_words (edition);
  basis = pledge_edition_describe_basis (edition);
  if (basis == NULL)
    return g_steal_pointer (&words);
  /* Translators: an edition and its basis, such as "July 2026 edition, core defence" */
  return g_strdup_printf (_("%s, %s"), words, basis);
}

char *
pledge_edition_describe_for_footer (const PledgeEdition *edition)
{
  g_autofree char *basis = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (edition != NULL, NULL);

  words = edition_words (edition);
  basis = pledge_edition_describe_basis (edition);
  if (basis == NULL)
    return g_steal_pointer (&words);
  /* Translators: a chart's footer: an edition and its basis, such as
   * "July 2026 edition, core defence basis" */
  return g_strdup_printf (_("%s, %s basis"), words, basis);
}
