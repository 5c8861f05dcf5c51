/* pledge-map-data.c: the country outlines the map chart draws
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "pledge-map-data.h"

/* build-aux/make-map.py --embed: data/map/nato-countries.txt */
extern const char pledge_map_data_text[];
extern const size_t pledge_map_data_length;

static gboolean
parse_error (GError     **error,
             guint        line,
             const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "nato-countries.txt:%u: %s", line,
               what);
  return FALSE;
}

static gboolean
parse_number (const char *token,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (token, &end);
  return end != token && *end == '\0' && *value > -1e6 && *value < 1e6;
}

static gboolean
parse_line (PledgeMap  *map,
            GArray     *countries,
            GArray     *rings,
            GArray     *points,
            char       *line,
            guint       number,
            GError    **error)
{
  g_auto(GStrv) tokens = NULL;
  guint n;

  if (line[0] == '#' || line[0] == '\0')
    return TRUE;
  tokens = g_strsplit (line, " ", -1);
  n = g_strv_length (tokens);

  if (strcmp (tokens[0], "frame") == 0)
    {
      PledgeMapFrame *f;

      if (n != 6 || map->n_frames >= PLEDGE_MAP_MAX_FRAMES || strlen (tokens[1]) >= sizeof f->name)
        return parse_error (error, number, "a frame is: frame NAME X0 Y0 X1 Y1");
      f = &map->frames[map->n_frames++];
      g_strlcpy (f->name, tokens[1], sizeof f->name);
      if (!parse_number (tokens[2], &f->x0) || !parse_number (tokens[3], &f->y0) ||
          !parse_number (tokens[4], &f->x1) || !parse_number (tokens[5], &f->y1) ||
          f->x1 <= f->x0 || f->y1 <= f->y0)
        return parse_error (error, number, "a frame's extent is not X0 Y0 X1 Y1");
      return TRUE;
    }
  if (strcmp (tokens[0], "country") == 0)
    {
      PledgeMapCountry c = { 0 };

      if (n < 4 || strlen (tokens[1]) != 3 ||
          (strcmp (tokens[2], "member") != 0 && strcmp (tokens[2], "context") != 0))
        return parse_error (error, number, "a country is: country ISO3 member|context NAME");
      memcpy (c.code, tokens[1], 4);
      c.member = strcmp (tokens[2], "member") == 0;
      c.name = g_strjoinv (" ", tokens + 3);
      c.first_ring = rings->len;
      g_array_append_val (countries, c);
      return TRUE;
    }
  if (strcmp (tokens[0], "ring") == 0)
    {
      PledgeMapRing r = { 0 };
      int frame;

      if (countries->len == 0)
        return parse_error (error, number, "a ring before any country");
      if (n < 2 + 6 || (n - 2) % 2 != 0)
        return parse_error (error, number, "a ring is: ring FRAME X Y X Y X Y...");
      frame = pledge_map_find_frame (map, tokens[1]);
      if (frame < 0)
        return parse_error (error, number, "a ring in a frame not declared");
      r.frame = frame;
      r.first = points->len / 2;
      r.n_points = (n - 2) / 2;
      r.x0 = r.y0 = G_MAXDOUBLE;
      r.x1 = r.y1 = -G_MAXDOUBLE;
      for (guint i = 2; i < n; i += 2)
        {
          double xy[2];

          if (!parse_number (tokens[i], &xy[0]) || !parse_number (tokens[i + 1], &xy[1]))
            return parse_error (error, number, "a ring's coordinate is not a number");
          g_array_append_vals (points, xy, 2);
          r.x0 = MIN (r.x0, xy[0]);
          r.x1 = MAX (r.x1, xy[0]);
          r.y0 = MIN (r.y0, xy[1]);
          r.y1 = MAX (r.y1, xy[1]);
        }
      g_array_append_val (rings, r);
      g_array_index (countries, PledgeMapCountry, countries->len - 1).n_rings++;
      return TRUE;
    }
  return parse_error (error, number, "not a frame, country or ring");
}

PledgeMap *
pledge_map_parse (const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(PledgeMap) map = g_new0 (PledgeMap, 1);
  g_autoptr(GArray) countries = g_array_new (FALSE, TRUE, sizeof (PledgeMapCountry));
  g_autoptr(GArray) rings = g_array_new (FALSE, TRUE, sizeof (PledgeMapRing));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *copy = g_strndup (text, length);
  char *line = copy, *next;
  guint number = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  for (; line != NULL && ok; line = next)
    {
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      ok = parse_line (map, countries, rings, points, line, ++number, error);
    }

  map->n_countries = countries->len;
  map->countries = (PledgeMapCountry *) (void *) g_array_free (g_steal_pointer (&countries),
                                                               FALSE);
  map->n_rings = rings->len;
  map->rings = (PledgeMapRing *) (void *) g_array_free (g_steal_pointer (&rings), FALSE);
  map->points = (double *) (void *) g_array_free (g_steal_pointer (&points), FALSE);
  if (!ok)
    return NULL;
  if (map->n_frames == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "nato-countries.txt: no frame");
      return NULL;
    }
  return g_steal_pointer (&map);
}

void
pledge_map_free (PledgeMap *map)
{
  if (map == NULL)
    return;
  for (guint i = 0; i < map->n_countries; i++)
    g_free (map->countries[i].name);
  g_free (map->countries);
  g_free (map->rings);
  g_free (map->points);
  g_free (map);
}

const PledgeMap *
pledge_map_get (void)
{
  static PledgeMap *map = NULL;

  if (g_once_init_enter (&map))
    {
      g_autoptr(GError) error = NULL;
      PledgeMap *parsed = pledge_map_parse (pledge_map_data_text, pledge_map_data_length, &error);

      /* The built-in file is checked by the tests: a failure is a bug */
      if (parsed == NULL)
        g_error ("the built-in map: %s", error->message);
      g_once_init_leave (&map, parsed);
    }
  return map;
}

int
pledge_map_find_frame (const PledgeMap *map,
                       const char      *name)
{
  for (guint i = 0; i < map->n_frames; i++)
    if (strcmp (map->frames[i].name, name) == 0)
      return i;
  return -1;
}

int
pledge_map_find_country (const PledgeMap *map,
                         const char      *code)
{
  for (guint i = 0; i < map->n_countries; i++)
    if (strcmp (map->countries[i].code, code) == 0)
      return i;
  return -1;
}

gboolean
pledge_map_country_contains (const PledgeMap        *map,
                             const PledgeMapCountry *country,
                             guint                   frame,
                             double                  x,
                             double                  y)
{
  gboolean inside = FALSE;

  for (guint k = 0; k < country->n_rings; k++)
    {
      const PledgeMapRing *r = &map->rings[country->first_ring + k];
      const double *p = map->points + 2 * r->first;

      if (r->frame != frame || x < r->x0 || x > r->x1 || y < r->y0 || y > r->y1)
        continue;
      for (guint i = 0, j = r->n_points - 1; i < r->n_points; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }
  return inside;
}
