#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-datasets.py: regenerates the bundled datasets in data/datasets/ from
# the reference CSVs (NATO's published figures, see the reference data's
# README.md and SOURCES.md for where every number comes from).
#
#   build-aux/make-datasets.py REFERENCE_DIR OUTPUT_DIR
#
# Writes, in the Pledge dataset format version 1 (docs/dataset-format.md):
#   nato.xml       June 2024 edition, 2014-2024, full precision: GDP and
#                  defence in million US$ (current), NATO's published share
#                  of GDP and the equipment share. The default dataset.
#   nato-2025.xml  August 2025 edition, 2014-2025, shares only.
#   nato-2016.xml  July 2016 edition, the 2016 estimates, shares only.
#
# Python 3 standard library only. The output is deterministic: the same
# input gives the same bytes. Numbers are written in the C locale in the
# shortest decimal form that reads back to the same double, without an
# exponent and without a trailing ".0", as the application saves them.

import csv
import decimal
import os
import sys

NATO_2024_PDF = ("https://www.nato.int/nato_static_fl2014/assets/pdf/2024/7/"
                 "pdf/240617-def-exp-2024-en.pdf")
NATO_2024_XLSX = ("https://github.com/jacobvoss/geopolitical-dashboard/blob/"
                  "4318b07168142bf24b3eef25dc7f463534820388/data/"
                  "240617-def-exp-2024-TABLES-en.xlsx")
NATO_2025_CSV = ("https://github.com/Datavisualiatie-UGent/project-dv26-2/"
                 "blob/ee88433924b67ff92a67bf2c663bc3556b60bf57/assets/"
                 "shareofgdp.csv")
NATO_2016_TEXT = ("https://ft.dk/samling/20161/almdel/fou/spm/70/svar/"
                  "1380823/1719770/index.htm")
AP_2016_LIST = ("http://abcnews.go.com/International/wireStory/"
                "country-country-breakdown-nato-defense-spending-45512727")
WALES_2014 = "https://www.nato.int/cps/en/natohq/news_112461.htm"
HAGUE_2025 = ("https://qazinform.com/news/"
              "nato-allies-agree-to-raise-defense-spending-4099de")
MEMBERS_LIST = "https://www.eata.ee/en/nato/nato-member-countries/"

SRC_WALES = (WALES_2014, "NATO, Wales Summit, 5 September 2014: "
             "Defence Investment Pledge (2% of GDP, 20% on major equipment)")
SRC_HAGUE = (HAGUE_2025, "NATO, The Hague Summit Declaration, 25 June 2025 "
             "(3.5% core defence, 5% in all, by 2035), as quoted by Kazinform")
SRC_MEMBERS = (MEMBERS_LIST, "Accession years: NATO member countries "
               "(Estonian Atlantic Treaty Association)")

# (id, metric, min, from, due, name, row of nato_targets.csv it comes from)
TARGETS = [
    ("gdp-2", "defence-gdp", 2.0, 2014, None,
     "Defence Investment Pledge: 2% of GDP on defence", "DIP2014_GDP"),
    ("equipment-20", "equipment-defence", 20.0, 2014, None,
     "20% of defence spending on major equipment", "DIP2014_EQUIP"),
    ("core-3.5", "defence-gdp", 3.5, None, 2035,
     "The Hague 2025: 3.5% of GDP on core defence", "HAGUE2025_CORE"),
    ("total-5", "total-gdp", 5.0, None, 2035,
     "The Hague 2025: 5% of GDP on defence and resilience", "HAGUE2025_TOTAL"),
]

NOTE_ICELAND = ("Iceland has no armed forces and reports no defence "
                "expenditure; it is a member all the same.")
NOTE_FISCAL = ("Canada and the United Kingdom report fiscal years: year Y is "
               "the fiscal year Y/Y+1. The United States' fiscal year runs "
               "from October to September.")
NOTE_LATE_LISTED = ("NATO lists Finland, Montenegro, North Macedonia and "
                    "Sweden for years before they joined; those figures are "
                    "kept for trend charts but are not counted.")


def fail(message):
    sys.exit("make-datasets.py: " + message)


def number(value):
    """Shortest round-trip decimal, no exponent, no trailing '.0'."""
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        fail("bad number %r" % value)
    text = format(decimal.Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if float(text) != value:
        fail("%s does not read back as %r" % (text, value))
    return text


def escape(text, attribute=True):
    """Escapes as src/model/pledge-dataset-writer.c does: quotes and line
    breaks only in attributes."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = (text.replace('"', "&quot;").replace("\n", "&#10;")
                .replace("\t", "&#9;"))
    return text.replace("\r", "&#13;")


def read_csv(ref_dir, name):
    path = os.path.join(ref_dir, name)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        fail("cannot read %s: %s" % (path, e))


def by_code(rows, columns):
    """{iso3: {column: float}} for the country rows (aggregates have no
    iso3); an empty cell is left out (absent means unknown)."""
    table = {}
    for row in rows:
        if not row["iso3"]:
            continue
        cells = {}
        for column in columns:
            text = row[column].strip()
            if text:
                cells[column] = float(text)
        table[row["iso3"]] = cells
    return table


def read_members(ref_dir):
    rows = read_csv(ref_dir, "nato_members.csv")
    members = [(r["iso3"], r["country"], int(r["accession_year"]))
               for r in rows]
    names = [name.casefold() for _, name, _ in members]
    if names != sorted(names) or len(members) != 32:
        fail("nato_members.csv: expected the 32 members in name order")
    return members


def check_targets(ref_dir):
    thresholds = {r["target_id"]: r["threshold"]
                  for r in read_csv(ref_dir, "nato_targets.csv")}
    for _, _, minimum, _, _, _, row in TARGETS:
        if float(thresholds[row]) != minimum:
            fail("nato_targets.csv: %s is not %s" % (row, minimum))


def figures_for(members, years, estimates, columns):
    """{code: [(year, [(attribute, value)...], estimate)]} from
    columns = [(attribute, {code: {year: value}})], in attribute order."""
    result = {}
    for code, name, _ in members:
        rows = []
        for year in years:
            attrs = []
            for attribute, table in columns:
                value = table.get(code, {}).get(str(year))
                if value is not None:
                    attrs.append((attribute, value))
            if attrs:
                rows.append((year, attrs, year in estimates))
        if not rows and code != "ISL":
            fail("no figures at all for %s" % name)
        result[code] = rows
    return result


def render(title, sources, notes, target_ids, members, figures):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<pledge-dataset version="1">',
           "  <title>%s</title>" % escape(title, False)]
    for href, text in sources:
        attr = ' href="%s"' % escape(href) if href else ""
        out.append("  <source%s>%s</source>" % (attr, escape(text, False)))
    for text in notes:
        out.append("  <note>%s</note>" % escape(text, False))
    out.append('  <units currency="USD" scale="million" prices="current"/>')
    out.append("  <targets>")
    for tid, metric, minimum, start, due, name, _ in TARGETS:
        if tid not in target_ids:
            continue
        line = '    <target id="%s" metric="%s" min="%s"' % (
            escape(tid), metric, number(minimum))
        if start:
            line += ' from="%d"' % start
        if due:
            line += ' due="%d"' % due
        out.append(line + ' name="%s"/>' % escape(name))
    out.append("  </targets>")
    out.append("  <members>")
    for code, name, joined in members:
        head = '    <member code="%s" name="%s" joined="%d"' % (
            code, escape(name), joined)
        rows = figures.get(code, [])
        if not rows:
            out.append(head + "/>")
            continue
        out.append(head + ">")
        for year, attrs, estimate in rows:
            line = '      <figures year="%d"' % year
            for attribute, value in attrs:
                line += ' %s="%s"' % (attribute, number(value))
            if estimate:
                line += ' estimate="true"'
            out.append(line + "/>")
        out.append("    </member>")
    out.append("  </members>")
    out.append("</pledge-dataset>")
    return "\n".join(out) + "\n"


def nato_2024(ref_dir, members):
    years = range(2014, 2025)
    cols = [str(y) for y in years]
    share_rows = read_csv(ref_dir, "nato_2024_pct_gdp_fullprecision.csv")
    columns = [
        ("gdp", by_code(read_csv(
            ref_dir, "nato_2024_gdp_musd_current_fullprecision.csv"), cols)),
        ("defence", by_code(read_csv(
            ref_dir, "nato_2024_defexp_musd_current_fullprecision.csv"), cols)),
        ("defence-gdp", by_code(share_rows, cols)),
        ("equipment", by_code(read_csv(
            ref_dir, "nato_2024_equipment_share_pct_fullprecision.csv"), cols)),
    ]
    # Iceland has GDP in NATO's Table 5 but no defence figures: left out.
    columns[0][1].pop("ISL", None)
    starred = [r["country"] for r in share_rows if r["footnote_star"] == "Y"]
    notes = [
        "Figures for 2023 and 2024 are NATO estimates.",
        NOTE_ICELAND,
        NOTE_FISCAL,
        "Money is in million US dollars at current prices and exchange "
        "rates (NATO Tables 2 and 5). Shares of GDP are NATO's published "
        "shares of real GDP (2015 prices, Table 3), computed from "
        "national-currency figures at constant prices, so they can differ "
        "from the ratio of the dollar columns (Slovak Republic 2024: 2.00% "
        "published, 1.99% from the dollar figures; Netherlands 2024: 2.05% "
        "and 1.85%).",
        "Equipment is the share of defence expenditure spent on major "
        "equipment, including R&D devoted to major equipment (Table 8a).",
        NOTE_LATE_LISTED,
        "%s and %s have national laws or political agreements which call for "
        "2%% of GDP or more to be spent on defence annually (NATO footnote)."
        % (", ".join(starred[:-1]), starred[-1]),
        "NATO's tables have no defence- and security-related spending, so "
        "the Hague 5% target cannot be computed from this file.",
    ]
    sources = [
        (NATO_2024_PDF, "NATO Public Diplomacy Division, Defence Expenditure "
         "of NATO Countries (2014-2024), June 2024"),
        (NATO_2024_XLSX, "NATO tables workbook "
         "240617-def-exp-2024-TABLES-en.xlsx (Tables 2, 3, 5 and 8a)"),
        SRC_WALES, SRC_HAGUE, SRC_MEMBERS,
    ]
    return render(
        "Defence expenditure of NATO countries, 2014-2024 "
        "(NATO, June 2024 edition)",
        sources, notes, [t[0] for t in TARGETS], members,
        figures_for(members, years, {2023, 2024}, columns))


def nato_2025(ref_dir, members):
    years = range(2014, 2026)
    cols = [str(y) for y in years]
    columns = [
        ("defence-gdp", by_code(read_csv(
            ref_dir, "nato_2025_pct_gdp_asinsource.csv"), cols)),
        ("equipment", by_code(read_csv(
            ref_dir, "nato_2025_equipment_share_pct_asinsource.csv"), cols)),
    ]
    notes = [
        "Figures for 2024 and 2025 are NATO estimates.",
        "This edition's file has shares only: share of GDP and the share of "
        "defence expenditure on major equipment, no money figures.",
        "NATO published no 2025 estimate for Germany, whose budget was "
        "still awaiting approval; Denmark's 2025 equipment share is blank "
        "in the source.",
        NOTE_ICELAND,
        NOTE_FISCAL,
        NOTE_LATE_LISTED,
        "NATO's tables have no defence- and security-related spending, so "
        "the Hague 5% target cannot be computed from this file.",
    ]
    sources = [
        (None, "NATO Public Diplomacy Division, Defence Expenditure of NATO "
         "Countries (2014-2025), 28 August 2025"),
        (NATO_2025_CSV, "Tables 3 and 8a as extracted from NATO's workbook "
         "by Datavisualiatie-UGent/project-dv26-2"),
        SRC_WALES, SRC_HAGUE, SRC_MEMBERS,
    ]
    return render(
        "Defence expenditure of NATO countries, 2014-2025, shares only "
        "(NATO, August 2025 edition)",
        sources, notes, [t[0] for t in TARGETS], members,
        figures_for(members, years, {2024, 2025}, columns))


def nato_2016(ref_dir, members):
    members = [m for m in members if m[2] <= 2016]
    column = "jul2016_edition_2016e_pct_gdp"
    shares = {code: {"2016": v[column]} for code, v in by_code(read_csv(
        ref_dir, "nato_2016_pct_gdp_by_edition.csv"), [column]).items()
        if column in v}
    notes = [
        "Figures for 2016 are NATO estimates, as published in July 2016 "
        "(cut-off 1 July 2016), to two decimals; later editions revised "
        "them (nato.xml has the June 2024 edition's figures).",
        NOTE_ICELAND,
        NOTE_FISCAL,
        "These are the 28 members of 2016: Montenegro (2017), North "
        "Macedonia (2020), Finland (2023) and Sweden (2024) joined later.",
    ]
    sources = [
        (NATO_2016_TEXT, "NATO Public Diplomacy Division, Defence "
         "Expenditures of NATO Countries (2009-2016), July 2016"),
        (AP_2016_LIST, "Associated Press, country-by-country breakdown of "
         "NATO defense spending (ABC News, February 2017)"),
        SRC_WALES, SRC_MEMBERS,
    ]
    return render(
        "Defence expenditure of NATO countries, 2016 estimates, shares only "
        "(NATO, July 2016 edition)",
        sources, notes, ["gdp-2", "equipment-20"], members,
        figures_for(members, [2016], {2016}, [("defence-gdp", shares)]))


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: %s REFERENCE_DIR OUTPUT_DIR" % argv[0])
    ref_dir, out_dir = argv[1], argv[2]
    members = read_members(ref_dir)
    check_targets(ref_dir)
    outputs = [("nato.xml", nato_2024(ref_dir, members)),
               ("nato-2025.xml", nato_2025(ref_dir, members)),
               ("nato-2016.xml", nato_2016(ref_dir, members))]
    os.makedirs(out_dir, exist_ok=True)
    for name, text in outputs:
        path = os.path.join(out_dir, name)
        with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main(sys.argv)
