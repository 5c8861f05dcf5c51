#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Country outlines for the map chart, from Natural Earth via world-atlas.

    make-map.py countries-50m.json data/map/nato-countries.txt
        converts world-atlas's TopoJSON (npm: `npm pack world-atlas@2`) into
        the compact file the map chart reads: every NATO member and the
        countries around them, projected, simplified, in whole kilometres.
    make-map.py --embed data/map/nato-countries.txt OUT.c
        writes that file into a C string (the build does this), so the
        charts library needs no file at run time.

The output format, one record a line:

    # comment
    frame NAME X0 Y0 X1 Y1            a panel: its extent in km, y up
    country ISO3 member|context NAME  then the country's rings in each frame:
    ring FRAME X Y X Y ...            a closed ring (even-odd fill), km

Projection: Lambert azimuthal equal-area, Europe centred on 10E 52N (as
EPSG:3035), North America on 100W 50N, on a sphere of 6371 km.
"""

import json
import math
import sys

MEMBERS = {
    '008': 'ALB', '056': 'BEL', '100': 'BGR', '124': 'CAN', '191': 'HRV', '203': 'CZE',
    '208': 'DNK', '233': 'EST', '246': 'FIN', '250': 'FRA', '276': 'DEU', '300': 'GRC',
    '348': 'HUN', '352': 'ISL', '380': 'ITA', '428': 'LVA', '440': 'LTU', '442': 'LUX',
    '499': 'MNE', '528': 'NLD', '807': 'MKD', '578': 'NOR', '616': 'POL', '620': 'PRT',
    '642': 'ROU', '703': 'SVK', '705': 'SVN', '724': 'ESP', '752': 'SWE', '792': 'TUR',
    '826': 'GBR', '840': 'USA',
}
CONTEXT = {
    '643': 'RUS', '804': 'UKR', '112': 'BLR', '498': 'MDA', '688': 'SRB', '070': 'BIH',
    '756': 'CHE', '040': 'AUT', '372': 'IRL', '196': 'CYP', '470': 'MLT', '020': 'AND',
    '438': 'LIE', '492': 'MCO', '674': 'SMR', '336': 'VAT', '268': 'GEO', '051': 'ARM',
    '031': 'AZE', '760': 'SYR', '368': 'IRQ', '364': 'IRN', '422': 'LBN', '376': 'ISR',
    '275': 'PSE', '400': 'JOR', '682': 'SAU', '818': 'EGY', '434': 'LBY', '788': 'TUN',
    '012': 'DZA', '504': 'MAR', '398': 'KAZ', '304': 'GRL', '484': 'MEX', '192': 'CUB',
    '044': 'BHS', '234': 'FRO', '732': 'ESH', '795': 'TKM', '860': 'UZB', '478': 'MRT',
    '466': 'MLI', '562': 'NER', '148': 'TCD', '729': 'SDN', '414': 'KWT', '060': 'BMU',
    '320': 'GTM', '084': 'BLZ', '332': 'HTI', '214': 'DOM', '388': 'JAM', '833': 'IMN',
    '831': 'GGY', '832': 'JEY', '248': 'ALA',
}
# Natural Earth features without an ISO number, by name
BY_NAME = {'Kosovo': 'XKX', 'N. Cyprus': 'CYN'}

R = 6371.0
FRAMES = [
    # name, centre lon, lat, extent x0 y0 x1 y1 (km)
    ('europe', 10.0, 52.0, (-2250.0, -2050.0, 2950.0, 2300.0)),
    ('america', -100.0, 50.0, (-3700.0, -2900.0, 3300.0, 4100.0)),
]
TOLERANCE = {'europe': 2.5, 'america': 6.0}  # km, Douglas-Peucker
# A member is drawn in one panel: the others show only their neighbours
AMERICA = {'USA', 'CAN'}
# Rings smaller than this (km2) are left out, unless a country has no larger
MIN_AREA = {'europe': 40.0, 'america': 400.0}


def area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in
                   zip(points, points[1:] + points[:1]))) / 2


def laea(lon, lat, lon0, lat0):
    lam, phi = math.radians(lon - lon0), math.radians(lat)
    phi0 = math.radians(lat0)
    k = 1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    if k <= 1e-9:
        return None
    k = math.sqrt(2 / k)
    x = R * k * math.cos(phi) * math.sin(lam)
    y = R * k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def decode_arcs(topo):
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indexes):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points, tolerance):
    """Douglas-Peucker on a closed ring, iteratively."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    # split the ring at its farthest point from the first, so both halves are open
    far = max(range(len(points)), key=lambda i: (points[i][0] - points[0][0]) ** 2 +
              (points[i][1] - points[0][1]) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, best_d = None, tolerance
        for i in range(a + 1, b):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if d > best_d:
                best, best_d = i, d
        if best is not None:
            keep[best] = True
            stack.append((a, best))
            stack.append((best, b))
    return [p for p, k in zip(points, keep) if k]


def convert(source, output):
    with open(source, encoding='utf-8') as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    lines = [
        '# Country outlines for Pledge\'s map chart, made by build-aux/make-map.py',
        '# from world-atlas 2 (countries-50m.json, ISC licence, Copyright 2013-2019',
        '# Michael Bostock), itself made from Natural Earth 1:50m Admin 0 countries',
        '# (public domain). Lambert azimuthal equal-area projections, kilometres.',
    ]
    for name, lon0, lat0, (x0, y0, x1, y1) in FRAMES:
        lines.append('frame %s %d %d %d %d' % (name, x0, y0, x1, y1))

    countries = []
    for geometry in topo['objects']['countries']['geometries']:
        gid = geometry.get('id')
        name = geometry['properties']['name']
        if gid in MEMBERS:
            code, kind = MEMBERS[gid], 'member'
        elif gid in CONTEXT:
            code, kind = CONTEXT[gid], 'context'
        elif name in BY_NAME:
            code, kind = BY_NAME[name], 'context'
        else:
            continue
        if geometry['type'] == 'Polygon':
            polygons = [geometry['arcs']]
        elif geometry['type'] == 'MultiPolygon':
            polygons = geometry['arcs']
        else:
            continue
        rings = []
        for fname, lon0, lat0, (x0, y0, x1, y1) in FRAMES:
            if kind == 'member' and (fname == 'america') != (code in AMERICA):
                continue
            margin = 600
            candidates = []
            for polygon in polygons:
                for ring in polygon:
                    lonlat = ring_points(arcs, ring)
                    # Nothing across the antimeridian or the far side of the globe
                    if any(abs(lon - lon0) > 120 for lon, lat in lonlat):
                        continue
                    projected = [laea(lon, lat, lon0, lat0) for lon, lat in lonlat]
                    if any(p is None for p in projected):
                        continue
                    if (max(p[0] for p in projected) < x0 - margin or
                            min(p[0] for p in projected) > x1 + margin or
                            max(p[1] for p in projected) < y0 - margin or
                            min(p[1] for p in projected) > y1 + margin):
                        continue
                    simple = simplify(projected, TOLERANCE[fname])
                    coords = []
                    for x, y in simple:
                        point = (round(x), round(y))
                        if not coords or coords[-1] != point:
                            coords.append(point)
                    if len(coords) > 1 and coords[0] == coords[-1]:
                        coords.pop()
                    if len(coords) < 3:
                        continue
                    candidates.append((area(projected), coords))
            largest = max((a for a, _ in candidates), default=0)
            for a, coords in candidates:
                if a >= MIN_AREA[fname] or a == largest:
                    rings.append('ring %s %s' % (fname, ' '.join('%d %d' % p for p in coords)))
        if rings:
            countries.append((code, kind, name, rings))

    countries.sort()
    for code, kind, name, rings in countries:
        lines.append('country %s %s %s' % (code, kind, name))
        lines.extend(rings)
    missing = set(MEMBERS.values()) - {c[0] for c in countries}
    if missing:
        sys.exit('make-map.py: no outline for %s' % ', '.join(sorted(missing)))
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def embed(source, output):
    with open(source, 'rb') as f:
        data = f.read()
    with open(output, 'w', encoding='utf-8') as f:
        f.write('/* Generated by build-aux/make-map.py --embed from %s */\n\n' %
                source.split('/')[-1])
        f.write('#include <stddef.h>\n\n')
        f.write('extern const char pledge_map_data_text[];\n')
        f.write('extern const size_t pledge_map_data_length;\n\n')
        f.write('const char pledge_map_data_text[] =\n')
        for i in range(0, len(data), 76):
            chunk = ''.join(chr(b) if 32 <= b < 127 and b not in b'\\"?' else '\\%03o' % b
                            for b in data[i:i + 76])
            f.write('  "%s"\n' % chunk)
        f.write(';\n\nconst size_t pledge_map_data_length = %d;\n' % len(data))


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--embed':
        embed(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3:
        convert(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)
