#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-datasets.py: regenerates the bundled datasets in data/datasets/ from
# the reference CSVs (NATO's published figures, see the reference data's
# README.md and SOURCES.md for where every number comes from).
#
#   build-aux/make-datasets.py [--check] [REFERENCE_DIR [OUTPUT_DIR]]
#
# --check writes nothing and fails when the files differ from what the
# reference data gives (the `datasets` test); it skips (77) without it.
# REFERENCE_DIR defaults to ../shared/reference-data beside the source tree,
# OUTPUT_DIR to data/datasets. Writes, in the Pledge dataset format version 2
# (docs/dataset-format.md, "Version 2 additions"):
#   nato.xml       July 2026 edition, 2014-2026, core defence: every table
#                  (current and constant 2021 US$, GDP, share of GDP, real
#                  change, population, military personnel, the four spending
#                  categories). The default dataset.
#   nato-2025.xml  August 2025 edition, 2014-2025: shares, real change,
#                  military personnel and the four categories (no money).
#   nato-2024.xml  June 2024 edition, 2014-2024, full precision: current and
#                  constant 2015 US$, GDP, share of GDP, real change,
#                  military personnel, the four categories.
#   nato-2019.xml  June 2019 edition, 2012-2019, full precision, every table.
#   nato-2016.xml  July 2016 edition, the 2016 estimates, shares only.
#
# After writing, every file is read back and checked against the reference
# tables: each published share reproduces to the printed digit under the
# format's base(y) rule, and the counts of members at 2% are NATO's. A
# failed check exits non-zero and leaves the old files in place.
#
# Python 3 standard library only. The output is deterministic: the same
# input gives the same bytes. Numbers are written in the C locale in the
# shortest decimal form that reads back to the same double, without an
# exponent and without a trailing ".0", as the application saves them.

import csv
import decimal
import math
import os
import sys
import xml.etree.ElementTree as ET

NATO_2024_PDF = ("https://www.nato.int/nato_static_fl2014/assets/pdf/2024/7/"
                 "pdf/240617-def-exp-2024-en.pdf")
NATO_2024_XLSX = ("https://github.com/jacobvoss/geopolitical-dashboard/blob/"
                  "4318b07168142bf24b3eef25dc7f463534820388/data/"
                  "240617-def-exp-2024-TABLES-en.xlsx")
NATO_2025_CSV = ("https://github.com/Datavisualiatie-UGent/project-dv26-2/"
                 "blob/ee88433924b67ff92a67bf2c663bc3556b60bf57/assets/"
                 "shareofgdp.csv")
NATO_2026_CSV = ("https://github.com/aiutononesistonousername/"
                 "leave-the-gun-take-the-cannoli/blob/366dedbb/data/"
                 "processed/nato_defence.csv")
NATO_2019_PDF = ("https://www.nato.int/nato_static_fl2014/assets/pdf/"
                 "pdf_2019_06/20190625_PR2019-069-EN.pdf")
NATO_2019_RDA = "https://github.com/alistaire47/passport"
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

# The order of a <figures> element's attributes, as the program saves them
# (src/model/pledge-dataset-writer.c): the version 1 figures, `estimate`,
# then the version 2 figures in PledgeExtra order.
ATTRIBUTES = ["gdp", "defence", "defence-gdp", "equipment", "related",
              "defence-constant", "gdp-constant", "real-change", "population",
              "military-personnel", "personnel-spending", "infrastructure",
              "other-spending"]
V2_ATTRIBUTES = set(ATTRIBUTES[5:])

NOTE_ICELAND = ("Iceland has no armed forces and reports no defence "
                "expenditure; it is a member all the same.")
NOTE_FISCAL = ("Canada and the United Kingdom report fiscal years: year Y is "
               "the fiscal year Y/Y+1. The United States' fiscal year runs "
               "from October to September.")
NOTE_LATE_LISTED = ("NATO lists Finland, Montenegro, North Macedonia and "
                    "Sweden for years before they joined; those figures are "
                    "kept for trend charts but are not counted.")
NOTE_NO_RELATED = ("NATO's tables have no defence- and security-related "
                   "spending, so the Hague 5% target cannot be computed from "
                   "this file.")
NOTE_CATEGORIES = ("Equipment, personnel, infrastructure and other are "
                   "shares of defence expenditure as NATO publishes them; "
                   "equipment includes R&D devoted to "
                   "major equipment. They sum to 100 within rounding.")


def fail(message):
    sys.exit("make-datasets.py: " + message)


def number(value, negative=False):
    """Shortest round-trip decimal, no exponent, no trailing '.0'."""
    if (value != value or value in (float("inf"), float("-inf"))
            or (value < 0 and not negative)):
        fail("bad number %r" % value)
    text = format(decimal.Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
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


def table(ref_dir, name, years, divisor=1):
    """{iso3: {"year": float}} for the country rows of a wide CSV
    (aggregates have no iso3); an empty cell is left out (absent means
    unknown). divisor divides every value (1000: persons to thousands;
    a division, so that 7858 persons are 7.858 thousand, not 7.8580...05)."""
    result = {}
    for row in read_csv(ref_dir, name):
        if not row["iso3"]:
            continue
        cells = {}
        for year in years:
            text = row.get(str(year), "").strip()
            if text:
                cells[str(year)] = float(text) / divisor
        result[row["iso3"]] = cells
    return result


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
    columns = [(attribute, {code: {year: value}})], in the order the
    program saves attributes."""
    order = {a: i for i, a in enumerate(ATTRIBUTES)}
    columns = sorted(columns, key=lambda c: order[c[0]])
    result = {}
    for code, name, _ in members:
        rows = []
        for year in years:
            attrs = []
            for attribute, values in columns:
                value = values.get(code, {}).get(str(year))
                if value is not None:
                    attrs.append((attribute, value))
            if attrs:
                rows.append((year, attrs, year in estimates))
        if not rows and code != "ISL":
            fail("no figures at all for %s" % name)
        result[code] = rows
    return result


def render(title, edition, sources, notes, units, target_ids, members,
           figures):
    """edition: (date, basis or None, name) or None for a version 1 file;
    units: (scale, constant year or None)."""
    scale, constant = units
    version = "2" if edition or constant else "1"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<pledge-dataset version="%s">' % version,
           "  <title>%s</title>" % escape(title, False)]
    if edition:
        date, basis, name = edition
        line = '  <edition date="%s"' % date
        if basis:
            line += ' basis="%s"' % escape(basis)
        out.append(line + ">%s</edition>" % escape(name, False))
    for href, text in sources:
        attr = ' href="%s"' % escape(href) if href else ""
        out.append("  <source%s>%s</source>" % (attr, escape(text, False)))
    for text in notes:
        out.append("  <note>%s</note>" % escape(text, False))
    line = '  <units currency="USD" scale="%s" prices="current"' % scale
    if constant:
        line += ' constant="%d"' % constant
    out.append(line + "/>")
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
            # As the program saves: the version 1 figures, estimate, then
            # the version 2 figures.
            line = '      <figures year="%d"' % year
            for attribute, value in attrs:
                if attribute in V2_ATTRIBUTES:
                    continue
                line += ' %s="%s"' % (attribute, number(value))
            if estimate:
                line += ' estimate="true"'
            for attribute, value in attrs:
                if attribute not in V2_ATTRIBUTES:
                    continue
                line += ' %s="%s"' % (attribute, number(
                    value, negative=(attribute == "real-change")))
            out.append(line + "/>")
        out.append("    </member>")
    out.append("  </members>")
    out.append("</pledge-dataset>")
    return "\n".join(out) + "\n"


def population_from_per_capita(defence_constant, per_capita, to_thousands):
    """Population in thousands such that the format's per capita,
    defence-constant x scale / (population x 1000), is the published per
    capita exactly: to_thousands = scale / 1000."""
    result = {}
    for code, years in per_capita.items():
        cells = {}
        for year, head in years.items():
            money = defence_constant.get(code, {}).get(year)
            if money is not None and head > 0:
                cells[year] = money * to_thousands / head
        result[code] = cells
    return result


def nato_2026(ref_dir, members):
    years = range(2014, 2027)
    d = "nato-2026"

    def t(name):
        return table(ref_dir, os.path.join(d, "nato_2026ed_%s.csv" % name),
                     years)
    defence_constant = t("core_usd_2021_m")
    per_capita = t("core_per_capita_2021_usd")
    columns = [
        ("gdp", t("gdp_usd_current_m")),
        ("defence", t("core_usd_current_m")),
        ("defence-gdp", t("core_share_gdp")),
        ("equipment", t("equipment_share_pct")),
        ("defence-constant", defence_constant),
        ("gdp-constant", t("gdp_usd_2021_m")),
        ("real-change", t("core_real_change_pct")),
        ("population", population_from_per_capita(
            defence_constant, per_capita, 1e6 / 1000)),
        ("military-personnel", t("personnel_k")),
        ("personnel-spending", t("personnel_share_pct")),
        ("infrastructure", t("infrastructure_share_pct")),
        ("other-spending", t("other_share_pct")),
    ]
    if "ISL" in columns[0][1]:
        fail("the 2026 edition has an Iceland row: check the notes")
    notes = [
        "Figures for 2025 and 2026 are NATO estimates.",
        "This edition measures core defence expenditure: spending under "
        "NATO's agreed definition of defence expenditure, the basis of the "
        "Hague 2025 target of 3.5% of GDP. Defence- and security-related "
        "spending (the Hague target's further 1.5%) is not in it. NATO "
        "revised 2014-2024 on this basis, so shares differ from earlier "
        "editions: 2024 reads 17 of 32 members at 2% here, 23 of 32 in the "
        "June 2024 edition (nato-2024.xml).",
        "NATO's 2026 tables have no row for Iceland, which has no armed "
        "forces and reports no defence expenditure (its GDP is inside "
        "NATO's aggregates only); it is a member all the same.",
        NOTE_FISCAL,
        "Money is in million US dollars at current prices and exchange "
        "rates (Tables 2 and 5); the constant figures are at 2021 prices "
        "and exchange rates. Shares of GDP are NATO's published shares of "
        "real GDP (2021 prices, Table 3), as printed to two decimals; they "
        "can differ from the ratio of the current dollar columns, and the "
        "program's base GDP reproduces the published share.",
        "Netherlands 2022-2026: NATO's published share equals the ratio of "
        "the 2021-price figures, not of the current-dollar figures; the "
        "published share is kept.",
        "Luxembourg's GDP drops by about 30% from 2022 to 2023 in this "
        "edition (NATO appears to have changed the denominator); it is kept "
        "as published.",
        "Population is not one of NATO's tables: it is core defence at 2021 "
        "prices divided by NATO's published core defence per capita (US$, "
        "2021 prices), kept at full precision so that the per capita "
        "computed from this file is the published one. It is not a census "
        "figure.",
        "Real change is NATO's published annual real change of core defence "
        "expenditure (national currency, 2021 prices).",
        NOTE_CATEGORIES + " Netherlands and Portugal 2026: equipment share "
        "only.",
        NOTE_LATE_LISTED,
        NOTE_NO_RELATED,
    ]
    sources = [
        (None, "NATO Public Diplomacy Division, Defence Investment of NATO "
         "Countries (2014-2026), July 2026 (cut-off 3 July 2026), workbook "
         "def-exp-2026-en.xlsx"),
        (NATO_2026_CSV, "NATO's 2026 tables as read from the workbook by "
         "aiutononesistonousername/leave-the-gun-take-the-cannoli"),
        SRC_WALES, SRC_HAGUE, SRC_MEMBERS,
    ]
    return render(
        "Defence investment of NATO countries, 2014-2026",
        ("2026-07", "core-defence",
         "Defence Investment of NATO Countries (2014-2026)"),
        sources, notes, ("million", 2021), [t[0] for t in TARGETS], members,
        figures_for(members, years, {2025, 2026}, columns))


def nato_2024(ref_dir, members):
    years = range(2014, 2025)

    def t(name):
        return table(ref_dir, "nato_2024_%s_fullprecision.csv" % name, years)
    share_rows = read_csv(ref_dir, "nato_2024_pct_gdp_fullprecision.csv")
    gdp = t("gdp_musd_current")
    # Iceland has GDP in NATO's Table 5 but no defence figures: left out.
    gdp.pop("ISL", None)
    columns = [
        ("gdp", gdp),
        ("defence", t("defexp_musd_current")),
        ("defence-gdp", t("pct_gdp")),
        ("equipment", t("equipment_share_pct")),
        ("defence-constant", t("defexp_musd_constant2015")),
        ("real-change", t("real_change_pct")),
        ("military-personnel", t("military_personnel_thousands")),
        ("personnel-spending", t("personnel_share_pct")),
        ("infrastructure", t("infrastructure_share_pct")),
        ("other-spending", t("other_share_pct")),
    ]
    starred = [r["country"] for r in share_rows if r["footnote_star"] == "Y"]
    notes = [
        "Figures for 2023 and 2024 are NATO estimates.",
        NOTE_ICELAND,
        NOTE_FISCAL,
        "Money is in million US dollars at current prices and exchange "
        "rates (NATO Tables 2 and 5); defence at constant 2015 prices and "
        "exchange rates is from Table 2 (NATO publishes no GDP at constant "
        "prices in this edition). Shares of GDP are NATO's published "
        "shares of real GDP (2015 prices, Table 3), computed from "
        "national-currency figures at constant prices, so they can differ "
        "from the ratio of the dollar columns (Slovak Republic 2024: 2.00% "
        "published, 1.99% from the dollar figures; Netherlands 2024: 2.05% "
        "and 1.85%).",
        "Real change is NATO's published annual real change of defence "
        "expenditure (Table 3); military personnel in thousands (Table 7).",
        NOTE_CATEGORIES,
        NOTE_LATE_LISTED,
        "%s and %s have national laws or political agreements which call for "
        "2%% of GDP or more to be spent on defence annually (NATO footnote)."
        % (", ".join(starred[:-1]), starred[-1]),
        NOTE_NO_RELATED,
    ]
    sources = [
        (NATO_2024_PDF, "NATO Public Diplomacy Division, Defence Expenditure "
         "of NATO Countries (2014-2024), June 2024"),
        (NATO_2024_XLSX, "NATO tables workbook "
         "240617-def-exp-2024-TABLES-en.xlsx (Tables 2, 3, 5, 7, 8a and 8b)"),
        SRC_WALES, SRC_HAGUE, SRC_MEMBERS,
    ]
    return render(
        "Defence expenditure of NATO countries, 2014-2024",
        ("2024-06", None, "Defence Expenditure of NATO Countries (2014-2024)"),
        sources, notes, ("million", 2015), [t[0] for t in TARGETS], members,
        figures_for(members, years, {2023, 2024}, columns))


def nato_2025(ref_dir, members):
    years = range(2014, 2026)
    extra = "nato-2025-extra"
    columns = [
        ("defence-gdp", table(
            ref_dir, "nato_2025_pct_gdp_asinsource.csv", years)),
        ("equipment", table(
            ref_dir, "nato_2025_equipment_share_pct_asinsource.csv", years)),
        ("real-change", table(
            ref_dir, "nato_2025_real_change_pct_asinsource.csv", years)),
        ("military-personnel", table(ref_dir, os.path.join(
            extra, "nato_2025ed_military_personnel_thousands.csv"), years)),
        ("personnel-spending", table(ref_dir, os.path.join(
            extra, "nato_2025ed_personnel_share_pct.csv"), years)),
        ("infrastructure", table(ref_dir, os.path.join(
            extra, "nato_2025ed_infrastructure_share_pct.csv"), years)),
        ("other-spending", table(ref_dir, os.path.join(
            extra, "nato_2025ed_other_share_pct.csv"), years)),
    ]
    notes = [
        "Figures for 2024 and 2025 are NATO estimates.",
        "This edition's file has no money figures: share of GDP, real "
        "change, military personnel (thousands) and the shares of defence "
        "expenditure by category.",
        "NATO published no 2025 estimate for Germany, whose budget was "
        "still awaiting approval; Denmark's 2025 equipment share is blank "
        "in the source, and so is 2025 military personnel for France, the "
        "United Kingdom and the United States.",
        NOTE_ICELAND,
        NOTE_FISCAL,
        NOTE_CATEGORIES,
        NOTE_LATE_LISTED,
        NOTE_NO_RELATED,
    ]
    sources = [
        (None, "NATO Public Diplomacy Division, Defence Expenditure of NATO "
         "Countries (2014-2025), 28 August 2025"),
        (NATO_2025_CSV, "Tables 3, 7, 8a and 8b as extracted from NATO's "
         "workbook by Datavisualiatie-UGent/project-dv26-2"),
        SRC_WALES, SRC_HAGUE, SRC_MEMBERS,
    ]
    return render(
        "Defence expenditure of NATO countries, 2014-2025, no money figures",
        ("2025-08", None, "Defence Expenditure of NATO Countries (2014-2025)"),
        sources, notes, ("million", None), [t[0] for t in TARGETS], members,
        figures_for(members, years, {2024, 2025}, columns))


def nato_2019(ref_dir, members):
    members = [m for m in members if m[2] <= 2019]
    years = range(2012, 2020)

    def t(name, divisor=1):
        return table(ref_dir, os.path.join(
            "nato-2019", "nato_2019ed_%s.csv" % name), years, divisor)
    defence_constant = t("defexp_usd_constant2015")
    columns = [
        ("defence", t("defexp_usd_current")),
        ("defence-gdp", t("pct_gdp")),
        ("equipment", t("equipment_share_pct")),
        ("defence-constant", defence_constant),
        ("real-change", t("real_change_pct")),
        ("population", population_from_per_capita(
            defence_constant, t("defexp_per_capita_usd_2015"), 1 / 1000)),
        ("military-personnel", t("military_personnel", 1000)),
        ("personnel-spending", t("personnel_share_pct")),
        ("infrastructure", t("infrastructure_share_pct")),
        ("other-spending", t("other_share_pct")),
    ]
    # Real GDP at 2015 prices, only where NATO has defence figures (Iceland
    # has GDP in NATO's table but no defence figures: left out).
    real_gdp = t("real_gdp_usd_2015")
    columns.append(("gdp-constant", {
        code: {y: v for y, v in cells.items()
               if y in defence_constant.get(code, {})}
        for code, cells in real_gdp.items()}))
    notes = [
        "Figures for 2018 and 2019 are NATO estimates (cut-off 20 June "
        "2019).",
        NOTE_ICELAND,
        NOTE_FISCAL,
        "Money is in US dollars (not millions), at current prices and "
        "exchange rates and at constant 2015 prices; GDP only at 2015 prices "
        "(NATO's real GDP). Shares of GDP are NATO's published shares of "
        "real GDP, at full precision; the program's base GDP reproduces "
        "them.",
        "Population is not one of NATO's tables: it is defence at 2015 "
        "prices divided by NATO's published defence per capita (US$, 2015 "
        "prices), kept at full precision so that the per capita computed "
        "from this file is the published one.",
        "Real change is NATO's published annual real change of defence "
        "expenditure; military personnel is in thousands (NATO publishes "
        "persons).",
        NOTE_CATEGORIES,
        "These are the 29 members of 2019: North Macedonia (2020), Finland "
        "(2023) and Sweden (2024) joined later. NATO lists Montenegro for "
        "years before it joined (2017); those figures are kept for trend "
        "charts but are not counted.",
        NOTE_NO_RELATED,
    ]
    sources = [
        (NATO_2019_PDF, "NATO Public Diplomacy Division, Defence Expenditure "
         "of NATO Countries (2012-2019), PR/CP(2019)069, 25 June 2019"),
        (NATO_2019_RDA, "NATO's 2019 tables as kept in the R package "
         "alistaire47/passport (data/nato.rda)"),
        SRC_WALES, SRC_MEMBERS,
    ]
    return render(
        "Defence expenditure of NATO countries, 2012-2019",
        ("2019-06", None, "Defence Expenditure of NATO Countries (2012-2019)"),
        sources, notes, ("unit", 2015), ["gdp-2", "equipment-20"], members,
        figures_for(members, years, {2018, 2019}, columns))


def nato_2016(ref_dir, members):
    members = [m for m in members if m[2] <= 2016]
    column = "jul2016_edition_2016e_pct_gdp"
    shares = {}
    for row in read_csv(ref_dir, "nato_2016_pct_gdp_by_edition.csv"):
        if row["iso3"] and row[column].strip():
            shares[row["iso3"]] = {"2016": float(row[column])}
    notes = [
        "Figures for 2016 are NATO estimates, as published in July 2016 "
        "(cut-off 1 July 2016), to two decimals; later editions revised "
        "them (nato-2024.xml has the June 2024 edition's figures, nato.xml "
        "the July 2026 edition's).",
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
        "Defence expenditure of NATO countries, 2016 estimates, shares only",
        ("2016-07", None,
         "Defence Expenditures of NATO Countries (2009-2016)"),
        sources, notes, ("million", None), ["gdp-2", "equipment-20"], members,
        figures_for(members, [2016], {2016}, [("defence-gdp", shares)]))


# Checks on the written files, read back as the program reads them.

SCALES = {"unit": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}

# (file, target, year, members meeting it, members that year): NATO's own
# counts for each edition (nato_allies_at_or_above_2pct.csv, SOURCES.md H7).
EXPECTED_COUNTS = [
    ("nato.xml", "gdp-2", 2026, 30, 32),
    ("nato.xml", "core-3.5", 2026, 5, 32),
    ("nato.xml", "gdp-2", 2025, 28, 32),
    ("nato.xml", "gdp-2", 2024, 17, 32),
    ("nato-2024.xml", "gdp-2", 2014, 3, 28),
    ("nato-2024.xml", "gdp-2", 2016, 5, 28),
    ("nato-2024.xml", "gdp-2", 2023, 10, 31),
    ("nato-2024.xml", "gdp-2", 2024, 23, 32),
    ("nato-2025.xml", "gdp-2", 2024, 18, 32),
    ("nato-2019.xml", "gdp-2", 2019, 7, 29),
    ("nato-2016.xml", "gdp-2", 2016, 5, 28),
]


def round2(x):
    """NATO's half-up rounding with the format's tolerance."""
    return math.floor(100 * x + 0.5 + 1e-9) / 100


def printed(text):
    """A share as NATO prints it: two decimals, half up."""
    return str(decimal.Decimal(text).quantize(
        decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))


class Parsed:
    def __init__(self, text):
        root = ET.fromstring(text)
        units = root.find("units")
        self.scale = SCALES[units.get("scale")]
        self.targets = {t.get("id"): (t.get("metric"), float(t.get("min")))
                        for t in root.iter("target")}
        self.members = {}
        for m in root.iter("member"):
            figures = {int(f.get("year")):
                       {k: float(v) for k, v in f.attrib.items()
                        if k not in ("year", "estimate")}
                       for f in m.iter("figures")}
            self.members[m.get("code")] = (int(m.get("joined")), figures)

    def share(self, code, year):
        f = self.members[code][1].get(year, {})
        d, s, g = f.get("defence"), f.get("defence-gdp"), f.get("gdp")
        base = 100 * d / s if d is not None and s else g
        if d is not None and base:
            return 100 * d / base
        return s

    def metric(self, code, year, metric):
        if metric == "defence-gdp":
            return self.share(code, year)
        if metric == "equipment-defence":
            return self.members[code][1].get(year, {}).get("equipment")
        return None  # total-gdp: no related spending in NATO's tables

    def count(self, target, year):
        metric, minimum = self.targets[target]
        n = m = 0
        for code, (joined, _) in self.members.items():
            if joined > year:
                continue
            m += 1
            value = self.metric(code, year, metric)
            if value is not None and round2(value) >= minimum:
                n += 1
        return n, m


def check_shares(name, parsed, ref_dir, csv_name, years, exact_text=False):
    """Every share NATO printed reproduces to the printed digit."""
    checked = 0
    for row in read_csv(ref_dir, csv_name):
        if not row["iso3"] or row["iso3"] not in parsed.members:
            continue
        for year in years:
            text = row.get(str(year), "").strip()
            if not text:
                continue
            ours = parsed.share(row["iso3"], year)
            want = printed(text)
            if ours is None or "%.2f" % round2(ours) != want:
                fail("%s: %s %d: share %s, NATO printed %s"
                     % (name, row["iso3"], year, ours, want))
            checked += 1
    return checked


def check_per_capita(name, parsed, ref_dir, csv_name, years):
    checked = 0
    for code, cells in table(ref_dir, csv_name, years).items():
        for year, published in cells.items():
            f = parsed.members[code][1][int(year)]
            ours = (f["defence-constant"] * parsed.scale
                    / (f["population"] * 1000))
            if abs(ours - published) > 1e-9 * published:
                fail("%s: %s %s: per capita %r, NATO %r"
                     % (name, code, year, ours, published))
            checked += 1
    return checked


def check(outputs, ref_dir):
    parsed = {name: Parsed(text) for name, text in outputs}
    report = []
    n = check_shares("nato.xml", parsed["nato.xml"], ref_dir,
                     "nato-2026/nato_2026ed_core_share_gdp.csv",
                     range(2014, 2027))
    n_pc = check_per_capita("nato.xml", parsed["nato.xml"], ref_dir,
                            "nato-2026/nato_2026ed_core_per_capita_2021_usd.csv",
                            range(2014, 2027))
    report.append("nato.xml: %d shares, %d per capita" % (n, n_pc))
    n = check_shares("nato-2024.xml", parsed["nato-2024.xml"], ref_dir,
                     "nato_2024_pct_gdp.csv", range(2014, 2025))
    report.append("nato-2024.xml: %d shares" % n)
    n = check_shares("nato-2025.xml", parsed["nato-2025.xml"], ref_dir,
                     "nato_2025_pct_gdp.csv", range(2014, 2026))
    report.append("nato-2025.xml: %d shares" % n)
    n = check_shares("nato-2019.xml", parsed["nato-2019.xml"], ref_dir,
                     "nato-2019/nato_2019ed_pct_gdp.csv", range(2012, 2020))
    n_pc = check_per_capita("nato-2019.xml", parsed["nato-2019.xml"], ref_dir,
                            "nato-2019/nato_2019ed_defexp_per_capita_usd_2015.csv",
                            range(2012, 2020))
    report.append("nato-2019.xml: %d shares, %d per capita" % (n, n_pc))
    n = 0
    column = "jul2016_edition_2016e_pct_gdp"
    for row in read_csv(ref_dir, "nato_2016_pct_gdp_by_edition.csv"):
        text = row[column].strip()
        if row["iso3"] and text:
            ours = parsed["nato-2016.xml"].share(row["iso3"], 2016)
            if ours is None or "%.2f" % round2(ours) != printed(text):
                fail("nato-2016.xml: %s 2016: share %s, NATO printed %s"
                     % (row["iso3"], ours, text))
            n += 1
    report.append("nato-2016.xml: %d shares" % n)
    for name, target, year, meeting, of in EXPECTED_COUNTS:
        got = parsed[name].count(target, year)
        if got != (meeting, of):
            fail("%s: %d: %d of %d meet %s, NATO's count is %d of %d"
                 % (name, year, got[0], got[1], target, meeting, of))
    report.append("%d counts as NATO's" % len(EXPECTED_COUNTS))
    return report


def main(argv):
    args = argv[1:]
    compare = "--check" in args
    if compare:
        args.remove("--check")
    if len(args) > 2 or any(a.startswith("-") for a in args):
        sys.exit("usage: %s [--check] [REFERENCE_DIR [OUTPUT_DIR]]\n"
                 "  --check: write nothing; exit 1 when the files in "
                 "OUTPUT_DIR differ from what\n  the reference data gives, "
                 "77 (skipped) when the reference data is missing"
                 % argv[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ref_dir = args[0] if args else os.path.join(
        root, "..", "shared", "reference-data")
    out_dir = args[1] if len(args) > 1 else os.path.join(
        root, "data", "datasets")
    if not os.path.isfile(os.path.join(ref_dir, "nato_members.csv")):
        message = ("make-datasets.py: no reference data in %s: the bundled "
                   "datasets are built from NATO's tables in "
                   "../shared/reference-data (beside the source tree); give "
                   "its path as the first argument" % os.path.normpath(ref_dir))
        if compare:
            print(message)
            sys.exit(77)
        sys.exit(message)
    members = read_members(ref_dir)
    check_targets(ref_dir)
    outputs = [("nato.xml", nato_2026(ref_dir, members)),
               ("nato-2025.xml", nato_2025(ref_dir, members)),
               ("nato-2024.xml", nato_2024(ref_dir, members)),
               ("nato-2019.xml", nato_2019(ref_dir, members)),
               ("nato-2016.xml", nato_2016(ref_dir, members))]
    report = check(outputs, ref_dir)
    if compare:
        stale = []
        for name, text in outputs:
            path = os.path.join(out_dir, name)
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    same = f.read() == text
            except OSError:
                same = False
            if not same:
                stale.append(name)
        for line in report:
            print(line)
        if stale:
            sys.exit("make-datasets.py: %s not what the reference data gives; "
                     "run build-aux/make-datasets.py" % ", ".join(stale))
        return
    os.makedirs(out_dir, exist_ok=True)
    for name, text in outputs:
        path = os.path.join(out_dir, name)
        with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
    for line in report:
        print(line)


if __name__ == "__main__":
    main(sys.argv)
