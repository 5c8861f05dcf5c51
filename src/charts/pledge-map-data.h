/* pledge-map-data.h: the country outlines the map chart draws
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/map/nato-countries.txt (made by build-aux/make-map.py from Natural
 * Earth through world-atlas), compiled into the program as a string and
 * parsed once: NATO's members and their neighbours, projected, in km.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLEDGE_MAP_MAX_FRAMES 4

typedef struct
{
  char   name[16];   /* "europe", "america" */
  double x0, y0;     /* the extent, km, y up */
  double x1, y1;
} PledgeMapFrame;

typedef struct
{
  guint   frame;
  guint   n_points;
  guint   first;      /* index of its first point (x, y pairs) in points */
  double  x0, y0;     /* its bounding box */
  double  x1, y1;
} PledgeMapRing;

typedef struct
{
  char     code[4];   /* ISO 3166 alpha-3 ("XKX" for Kosovo) */
  gboolean member;    /* a NATO member in the file (context otherwise) */
  char    *name;
  guint    first_ring;
  guint    n_rings;
} PledgeMapCountry;

typedef struct
{
  guint             n_frames;
  PledgeMapFrame    frames[PLEDGE_MAP_MAX_FRAMES];
  guint             n_countries;
  PledgeMapCountry *countries;
  guint             n_rings;
  PledgeMapRing    *rings;
  double           *points;
} PledgeMap;

/* The built-in map, parsed on first use; never freed. */
const PledgeMap *pledge_map_get           (void);

/* A map from text in the format of build-aux/make-map.py; NULL with an
 * error naming the line when it is not. */
PledgeMap       *pledge_map_parse         (const char       *text,
                                           gsize             length,
                                           GError          **error);
void             pledge_map_free          (PledgeMap        *map);

int              pledge_map_find_frame    (const PledgeMap  *map,
                                           const char       *name);
int              pledge_map_find_country  (const PledgeMap  *map,
                                           const char       *code);
/* Whether (x, y), in km of the ring's frame, is inside the country's
 * rings of that frame (even-odd, as they are filled). */
gboolean         pledge_map_country_contains (const PledgeMap        *map,
                                              const PledgeMapCountry *country,
                                              guint                   frame,
                                              double                  x,
                                              double                  y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PledgeMap, pledge_map_free)

G_END_DECLS
