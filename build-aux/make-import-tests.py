#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/make-import-tests.py: writes the small workbooks and CSV files
# tests/test-import.c imports (tests/data/import/) and the hostile ones
# (tests/data/bad-import/, with expected.tsv). Every figure here is made up
# in the shape of the publishers' files: no SIPRI data may be copied into
# the repository (SIPRI's terms forbid redistribution), and none is.
#
# Run it from anywhere; it rewrites the files in place.
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GOOD = os.path.join(ROOT, "tests", "data", "import")
BAD = os.path.join(ROOT, "tests", "data", "bad-import")
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<styleSheet xmlns="{NS}"><numFmts count="1"><numFmt numFmtId="164" '
          'formatCode="0.0%"/></numFmts>'
          # SIPRI's colours: blue for estimates, red for highly uncertain, and
          # an underlined blue that is only a link
          '<fonts count="4"><font><sz val="10"/></font><font><color rgb="FF0000FF"/></font>'
          '<font><color rgb="FFFF0000"/></font><font><u/><color rgb="FF0000FF"/></font></fonts>'
          '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>'
          '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/>'
          '<xf numFmtId="10" fontId="1"/><xf numFmtId="10" fontId="2"/><xf numFmtId="10" fontId="3"/>'
          '</cellXfs>'
          '</styleSheet>')


def col_name(col):
    s = ""
    while col > 0:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, strings):
    """rows: {row: {col: value}}; str values go to shared strings (or inline
    when they start with '@'), floats in a tuple (value, style) get a style."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>']
    for r in sorted(rows):
        out.append(f'<row r="{r}">')
        for c in sorted(rows[r]):
            v = rows[r][c]
            ref = f"{col_name(c)}{r}"
            style = 0
            if isinstance(v, tuple):
                v, style = v
            if isinstance(v, str) and v.startswith("@"):
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v[1:])}</t></is></c>')
            elif isinstance(v, str):
                if v not in strings:
                    strings.append(v)
                out.append(f'<c r="{ref}" s="{style}" t="s"><v>{strings.index(v)}</v></c>')
            else:
                out.append(f'<c r="{ref}" s="{style}"><v>{repr(float(v))}</v></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out)


def write_xlsx(path, sheets, modified=None, encrypt=False):
    strings = []
    parts = {}
    for i, (name, rows) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows, strings)
    wb = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" '
          f'xmlns:r="{RNS}"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, (name, _) in enumerate(sheets, 1):
        wb.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{RNS}/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>')
    wb.append('</sheets></workbook>')
    rels.append('</Relationships>')
    parts["xl/workbook.xml"] = "".join(wb)
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels)
    parts["xl/styles.xml"] = STYLES
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}">' +
        "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    if modified:
        parts["docProps/core.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dcterms="http://purl.org/dc/terms/">'
            f'<dcterms:modified>{modified}</dcterms:modified></cp:coreProperties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    if encrypt:
        # Python's zipfile will not write the encrypted flag: set bit 0 of
        # every local and central header's flags, as an encrypted zip has.
        with zipfile.ZipFile(path) as z:
            offsets = [i.header_offset for i in z.infolist()]
            central = z.start_dir
        data = bytearray(open(path, "rb").read())
        for off in offsets:
            data[off + 6] |= 1
        pos = central
        while data[pos:pos + 4] == b"PK\x01\x02":
            data[pos + 8] |= 1
            n, m, k = (int.from_bytes(data[pos + i:pos + i + 2], "little") for i in (28, 30, 32))
            pos += 46 + n + m + k
        open(path, "wb").write(bytes(data))


def info(name):
    """A zip entry with a fixed date, so the files rebuild byte for byte."""
    i = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    i.compress_type = zipfile.ZIP_DEFLATED
    return i


def pct(v, style=1):
    return (v / 100, style)


SIPRI_TITLE = "Military expenditure by country as percentage of gross domestic product, 2014-2016     © SIPRI 2099"


def sipri_share(bad_cell=None):
    rows = {
        1: {1: SIPRI_TITLE},
        3: {1: "Figures in blue are SIPRI estimates."},
        4: {1: '". ." = data unavailable. "xxx" = country did not exist.'},
        6: {1: "Country", 2: "Notes", 3: 2014, 4: 2015, 5: 2016},
        8: {1: "Europe"},
        9: {1: "Western Europe"},
        10: {1: "Germany", 2: "¶", 3: pct(1.25), 4: pct(1.5), 5: "..."},
        11: {1: "Türkiye", 2: "", 3: pct(2.5), 4: "xxx", 5: ". ."},
        12: {1: "USSR", 3: pct(9.0), 4: pct(9.5), 5: "xxx"},
        13: {1: "Switzerland", 3: pct(0.75), 4: pct(0.7), 5: pct(0.7)},
        14: {1: "Czechia", 3: "...", 4: pct(1.0, 5), 5: pct(1.125, 4)},
        15: {1: "United States of America", 3: pct(3.5), 4: pct(3.25), 5: pct(3.0, 3)},
        16: {1: "European Union", 3: "xxx", 4: "xxx", 5: "xxx"},
        18: {1: "* Footnote below the table, as SIPRI writes them: figures are for the financial year.",
             3: "see the notes"},
    }
    if bad_cell:
        r, c, v = bad_cell
        rows[r][c] = v
    return rows


def sipri_money(title, germany):
    return {
        1: {1: title},
        6: {1: "Country", 2: "", 3: "Notes", 4: 2014, 5: 2015, 6: 2016},
        8: {1: "Europe"},
        10: {1: "Germany", 4: germany[0], 5: germany[1], 6: germany[2]},
        11: {1: "Yugoslavia", 4: 10.0, 5: "xxx", 6: "xxx"},
    }


def write_sipri(path, bad_cell=None):
    write_xlsx(path, [
        ("Front page", {1: {1: "SIPRI Military Expenditure Database"}}),
        ("Constant (2023) US$", sipri_money("Military expenditure by country, in constant (2023) US$ m.",
                                            (40000.5, 41000.25, 42000))),
        ("Current US$", sipri_money("Military expenditure by country, in millions of US$ at current prices",
                                    (35000.5, 36000.25, 37000))),
        ("Share of GDP", sipri_share(bad_cell)),
    ])


def nato_table(number, title, unit, sections, label_col=3, first_year_col=4):
    years = [2014, "2015", "2016e"]
    rows = {4: {2: f"Table {number} : {title}"}, 6: {2: unit},
            8: {first_year_col + i: y for i, y in enumerate(years)}}
    r = 10
    for heading, lines in sections:
        if heading:
            rows[r] = {2: heading}
            r += 1
        for label, values in lines:
            col = 2 if label.startswith("NATO") else label_col
            rows[r] = {col: label}
            rows[r].update({first_year_col + i: v for i, v in enumerate(values)})
            r += 1
    rows[r + 2] = {label_col: "Notes: Figures for 2016 are estimates."}
    return rows


def write_nato(path):
    write_xlsx(path, [
        ("TABLE1", nato_table(1, "Defence expenditure", "Million national currency units",
                              [("Current prices", [("Czechia*   (Koruny)", [41000, 47000, 45000])])])),
        ("TABLE2", nato_table(2, "Defence expenditure", "Million US dollars", [
            ("Current prices and exchange rates", [("Czechia*", [1975.5, 1921.25, 1865.75]),
                                                   ("United Kingdom", [65691.5, 59505.25, 56362.5]),
                                                   ("NATO Total", [943217.5, 895675.25, 911653.75])]),
            ("Constant 2015 prices and exchange rates", [("Czechia*", [1683.5, 1921.25, 1832.75]),
                                                         ("United Kingdom", [61377.5, 59505.25, 62329.0])]),
        ])),
        ("TABLE3", nato_table(3, "Defence expenditure as a share of GDP and annual real change",
                              "Based on 2015 prices", [
            ("Share of real GDP (%)", [("Czechia*", [0.943826, 1.021413, 1.995]),
                                       ("United Kingdom", [2.142, 2.0316, 2.0885])]),
            ("Annual real change (%)", [("Czechia*", [-4.907, 14.138, -4.614]),
                                        ("United Kingdom", [-1.107, -3.051, 4.745])]),
        ])),
        ("TABLE5", nato_table(5, "GDP", "Million US dollars", [
            ("Current prices and exchange rates", [("Czechia", [209304.5, 188113.5, 196192.75]),
                                                   ("Iceland", [17867.5, 17516.5, 20792.5]),
                                                   ("United Kingdom", [3066303.5, 2928556.5, 2699086.25])]),
            ("Constant 2015 prices and exchange rates", [("Czechia", [178374.25, 188113.5, 192724.25]),
                                                         ("United Kingdom", [2800000.0, 2928556.5, 2990000.0])]),
        ])),
        ("TABLE6", nato_table(6, "GDP per capita and defence expenditure per capita",
                              "2015 prices and exchange rates", [
            ("GDP per capita (thousand US dollars)", [("Czechia", [16.948, 17.843, 18.241])]),
            ("Defence expenditure per capita (US dollars)", [("Czechia", [160.0, 182.0, 173.0])]),
        ])),
        ("TABLE7", nato_table(7, "Military personnel", "Thousands",
                              [(None, [("Czechia", [20.222, 21.454, 22.704])])],
                              label_col=4, first_year_col=5)),
        ("TABLE8a", nato_table("8a", "Distribution of defence expenditure by main category",
                               "Percentage of total defence expenditure", [
            ("Equipment (a)", [("Czechia", [6.532, 11.754, 6.695])]),
            ("Personnel (b)", [("Czechia", [61.403, 55.252, 61.949])]),
        ])),
    ], modified="2099-06-17T10:26:31Z")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(GOOD, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    write_sipri(os.path.join(GOOD, "sipri-mini.xlsx"))
    write_nato(os.path.join(GOOD, "nato-mini.xlsx"))

    expected = []

    def bad(name, data, message):
        write(os.path.join(BAD, name), data)
        expected.append((name, message))

    write_sipri(os.path.join(BAD, "sipri-bad-cell.xlsx"), bad_cell=(14, 4, "abc"))
    expected.append(("sipri-bad-cell.xlsx",
                     'sipri-bad-cell.xlsx: sheet "Share of GDP", cell D14: "abc" is not a number'))
    with open(os.path.join(GOOD, "sipri-mini.xlsx"), "rb") as f:
        whole = f.read()
    bad("truncated.xlsx", whole[: len(whole) // 2], "truncated.xlsx: a damaged or truncated workbook")
    bad("old.xls", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504),
        "old.xls: an old binary Excel file (.xls) or a password-protected workbook")
    write_xlsx(os.path.join(BAD, "encrypted.xlsx"), [("Share of GDP", sipri_share())], encrypt=True)
    expected.append(("encrypted.xlsx", "encrypted.xlsx: the workbook is encrypted"))
    # One part that inflates to 300 MiB of spaces: about 300 KiB on disk.
    with zipfile.ZipFile(os.path.join(BAD, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(info("xl/workbook.xml"), f'<workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets>'
                   '<sheet name="Share of GDP" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr(info("xl/_rels/workbook.xml.rels"),
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{RNS}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        with z.open(info("xl/worksheets/sheet1.xml"), "w", force_zip64=True) as part:
            part.write(f'<worksheet xmlns="{NS}"><sheetData>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(300):
                part.write(chunk)
            part.write(b"</sheetData></worksheet>")
    expected.append(("bomb.xlsx", "bomb.xlsx: the part xl/worksheets/sheet1.xml inflates to more than 256 MiB"))
    # A bomb whose headers say its part is 1,000 bytes: it inflates to 16 MiB.
    lying = os.path.join(BAD, "lying-bomb.xlsx")
    with zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(info("xl/workbook.xml"), f'<workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets>'
                   '<sheet name="Share of GDP" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr(info("xl/_rels/workbook.xml.rels"),
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{RNS}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr(info("xl/worksheets/sheet1.xml"),
                   f'<worksheet xmlns="{NS}"><sheetData>'.encode() + b"<x/>" * (4 << 20) +
                   b"</sheetData></worksheet>")
    with zipfile.ZipFile(lying) as z:
        entry = [i for i in z.infolist() if i.filename.endswith("sheet1.xml")][0]
        central = z.start_dir
    data = bytearray(open(lying, "rb").read())
    data[entry.header_offset + 22:entry.header_offset + 26] = (1000).to_bytes(4, "little")
    pos = central
    while data[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = (int.from_bytes(data[pos + i:pos + i + 2], "little") for i in (28, 30, 32))
        if data[pos + 46:pos + 46 + n].endswith(b"sheet1.xml"):
            data[pos + 24:pos + 28] = (1000).to_bytes(4, "little")
        pos += 46 + n + m + k
    open(lying, "wb").write(bytes(data))
    expected.append(("lying-bomb.xlsx", "lying-bomb.xlsx: the part xl/worksheets/sheet1.xml inflates "
                     "to more than its header says (1000 bytes)"))
    # An honest part, under the caps, of nine million empty elements
    with zipfile.ZipFile(os.path.join(BAD, "junk-sheet.xlsx"), "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        z.writestr(info("xl/workbook.xml"), f'<workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets>'
                   '<sheet name="Share of GDP" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr(info("xl/_rels/workbook.xml.rels"),
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{RNS}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr(info("xl/worksheets/sheet1.xml"),
                   f'<worksheet xmlns="{NS}"><sheetData>'.encode() + b"<x/>" * (9 << 20) +
                   b"</sheetData></worksheet>")
    expected.append(("junk-sheet.xlsx", 'junk-sheet.xlsx: sheet "Share of GDP" holds more than 8 '
                     "million things that are not cells: refused"))
    unknown = zipfile.ZipFile(os.path.join(BAD, "not-a-workbook.xlsx"), "w")
    unknown.writestr(info("hello.txt"), "a zip, but no workbook")
    unknown.close()
    expected.append(("not-a-workbook.xlsx", "not-a-workbook.xlsx: a zip file, but not an .xlsx workbook"))

    with zipfile.ZipFile(os.path.join(BAD, "bad-encoding.xlsx"), "w") as z:
        z.writestr(info("xl/workbook.xml"), f'<workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets>'
                   '<sheet name="Share of GDP" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr(info("xl/_rels/workbook.xml.rels"),
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{RNS}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr(info("xl/worksheets/sheet1.xml"),
                   b'<?xml version="1.0" encoding="ISO-2022-JP"?><worksheet>\x1b$B\x00\xff\xfe</worksheet>')
    expected.append(("bad-encoding.xlsx",
                     "bad-encoding.xlsx: the part xl/worksheets/sheet1.xml is not well-formed XML"))

    bad("latin1.csv", "member,year,defence-gdp\nDEU,2016,1.2\nT\u00fcrkiye,2016,1.5\n".encode("latin-1"),
        "latin1.csv:3: not UTF-8: the byte 0xFC looks like Latin-1")
    bad("utf16.csv", "member,year,defence-gdp\nDEU,2016,1.2\n".encode("utf-16"),
        "utf16.csv: the file is in UTF-16")
    bad("utf16-no-bom.csv", "member,year,defence-gdp\nDEU,2016,1.2\n".encode("utf-16-le"),
        "utf16-no-bom.csv: the file looks like UTF-16")
    bad("unknown-column.csv", b"member,year,defense\nDEU,2016,1.2\n",
        "unknown-column.csv:1: unknown column \u201cdefense\u201d")
    bad("comma-decimal.csv", b'member,year,defence-gdp\nDEU,2016,1.2\nFRA,2016,"1,8"\n',
        "comma-decimal.csv:3: column \u201cdefence-gdp\u201d: \u201c1,8\u201d is not a number")
    bad("unterminated.csv", b'member,year,defence-gdp\nDEU,2016,"1.2\nFRA,2016,1.8\n',
        "unterminated.csv:2: a quoted field that never ends")
    bad("twice.csv", b"member,year,defence-gdp\nDEU,2016,1.2\nGermany,2016,1.3\n",
        "twice.csv:3: Germany 2016 has a second \u201cdefence-gdp\u201d")
    bad("negative.csv", b"member,year,defence\nDEU,2016,-5\n",
        "negative.csv:2: column \u201cdefence\u201d: -5 is negative")
    bad("bad-year.csv", b"member,year,defence\nDEU,20x6,5\n",
        "bad-year.csv:2: \u201c20x6\u201d is not a year from 1900 to 2200")
    bad("no-members.csv", b"member,year,defence\nCHE,2016,5\nAustria,2016,3\n",
        "no-members.csv: no figures for any NATO member")
    bad("short-row.csv", b"member,year,defence,gdp\nDEU,2016,5\n",
        "short-row.csv:2: 3 fields where the header has 4")
    bad("owid-which.csv", b"Entity,Code,Year,Military expenditure (constant US$)\nGermany,DEU,2016,1\n",
        "owid-which.csv:1: which figure is the column")
    bad("gzip.csv", bytes.fromhex("1f8b0800") + bytes(16), "gzip.csv: a compressed (gzip) file")

    with open(os.path.join(BAD, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tthe start of the message pledge --import gives\n")
        for name, message in expected:
            f.write(f"{name}\t{message}\n")


if __name__ == "__main__":
    main()
