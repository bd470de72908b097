"""A workbook written straight as SpreadsheetML: styles, sheets and their print settings, bar charts.

The consolidated workbook is large (a province's round is about 50,000 cells holding 2.6 million
characters) and simple: tables of text and numbers in a handful of cell formats, with panes,
filters, print settings and bar charts. openpyxl builds a Python object for every cell and takes
longer to import than the whole workbook takes to write here, so this module writes the package
itself, part by part, as Excel and LibreOffice write it:

* :class:`Stylesheet` — the named styles of :mod:`sokets.xlsx.styles` and every cell format
  registered from them (``xl/styles.xml``);
* :class:`Worksheet` — a sheet's columns, its cells (a :class:`~sokets.xlsx.bulk.SheetRows`),
  frozen panes, filter, merged ranges, A4 landscape print settings, page breaks and charts;
* :class:`BarChart` — a native bar chart of cell ranges (``xl/charts/chartN.xml``), anchored in a
  drawing of its sheet;
* :class:`Workbook` — the sheets, the print titles and filters as defined names, the document
  properties, and the zip package (:meth:`Workbook.save`).

openpyxl still reads what this writes in the tests, and LibreOffice prints it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING

from sokets.xlsx import styles as sty
from sokets.xlsx.cells import column_number

if TYPE_CHECKING:
    from sokets.xlsx.bulk import SheetRows
    from sokets.xlsx.charts import BarChart

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_SHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_TYPES = "application/vnd.openxmlformats-officedocument"
#: zlib level of the parts: the sheets are large, and level 6 takes far longer for little.
_COMPRESSION = 1
#: EMU (the drawing unit) in a centimetre.
_EMU_PER_CM = 360_000
#: Number formats every spreadsheet program knows by number (ECMA-376, 18.8.30).
_BUILTIN_FORMATS = {
    "General": 0,
    "0": 1,
    "0.00": 2,
    "#,##0": 3,
    "#,##0.00": 4,
    "0%": 9,
    "0.00%": 10,
    "@": 49,
}
_FIRST_CUSTOM_FORMAT = 164


def escape(text: str) -> str:
    """``text`` as XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attribute(value: str) -> str:
    """``value`` as a quoted XML attribute value."""
    value = escape(value)
    for char, code in (('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):
        value = value.replace(char, code)
    return f'"{value}"'


def quote_sheet(name: str) -> str:
    """A sheet's name as a formula names it: ``'Phụ lục 03'``."""
    return "'" + name.replace("'", "''") + "'"


# -- styles ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellFormat:
    """A cell format: a named style and what the cell changes in it."""

    style: str
    font: sty.Font
    fill: str | None
    border: bool
    alignment: sty.Alignment
    locked: bool
    number_format: str
    quoted: bool = False
    """Excel's quote prefix: what is typed in the cell is text, whatever it looks like."""


class Stylesheet:
    """The named styles of :data:`~sokets.xlsx.styles.NAMED_STYLES` and the cell formats
    registered with :meth:`add`; the first format (id 0) is the plain default."""

    def __init__(self) -> None:
        self._fonts: dict[sty.Font, int] = {}
        self._fills: dict[str | None, int] = {None: 0}  # 1 is the gray125 every file has
        self._numbers: dict[str, int] = {}
        self._formats: dict[CellFormat, int] = {}
        self._font(sty.PLAIN)
        self._styles = {style.name: index for index, style in enumerate(sty.NAMED_STYLES, 1)}

    def _font(self, font: sty.Font) -> int:
        return self._fonts.setdefault(font, len(self._fonts))

    def _fill(self, fill: str | None) -> int:
        if fill not in self._fills:
            self._fills[fill] = len(self._fills) + 1
        return self._fills[fill]

    def _number(self, code: str) -> int:
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        return self._numbers.setdefault(code, _FIRST_CUSTOM_FORMAT + len(self._numbers))

    def add(self, cell: CellFormat) -> int:
        """The id of ``cell``'s format (the ``s`` of a ``<c>``), registered on first use."""
        if cell.style not in self._styles:
            raise KeyError(f"no named style {cell.style!r}")
        found = self._formats.get(cell)
        if found is None:
            found = self._formats[cell] = len(self._formats) + 1
        return found

    def _xf(self, look: sty.NamedStyle | CellFormat, extra: str = "") -> str:
        """An ``<xf>`` of a named style or a cell format (both have the same parts)."""
        alignment = look.alignment
        align = ""
        if alignment.horizontal:
            align += f' horizontal="{alignment.horizontal}"'
        if alignment.vertical:
            align += f' vertical="{alignment.vertical}"'
        if alignment.wrap:
            align += ' wrapText="1"'
        return (
            f'<xf numFmtId="{self._number(look.number_format)}" fontId="{self._font(look.font)}" '
            f'fillId="{self._fill(look.fill)}" borderId="{int(look.border)}"{extra} '
            'applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" '
            f'applyProtection="1"><alignment{align}/><protection locked="{int(look.locked)}" '
            'hidden="0"/></xf>'
        )

    def xml(self) -> str:
        """``xl/styles.xml``."""
        named = [self._xf(style) for style in sty.NAMED_STYLES]
        cells = [
            self._xf(
                f, f' xfId="{self._styles[f.style]}"' + (' quotePrefix="1"' if f.quoted else "")
            )
            for f in self._formats
        ]
        # every index is known now that the formats are written
        numbers = "".join(
            f'<numFmt numFmtId="{number}" formatCode={attribute(code)}/>'
            for code, number in self._numbers.items()
        )
        fonts = "".join(_font_xml(font) for font in self._fonts)
        fills = '<fill><patternFill patternType="none"/></fill>' + (
            '<fill><patternFill patternType="gray125"/></fill>'
        )
        fills += "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{colour}"/>'
            f'<bgColor rgb="FF{colour}"/></patternFill></fill>'
            for colour in self._fills
            if colour is not None
        )
        side = f'style="thin"><color rgb="FF{sty.BORDER_COLOR}"/>'
        borders = (
            "<border><left/><right/><top/><bottom/><diagonal/></border>"
            f"<border><left {side}</left><right {side}</right><top {side}</top>"
            f"<bottom {side}</bottom><diagonal/></border>"
        )
        plain = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        styles = "".join(
            f'<cellStyle name="{s.name}" xfId="{n}"/>' for n, s in enumerate(sty.NAMED_STYLES, 1)
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
            + (f'<numFmts count="{len(self._numbers)}">{numbers}</numFmts>' if numbers else "")
            + f'<fonts count="{len(self._fonts)}">{fonts}</fonts>'
            + f'<fills count="{len(self._fills) + 1}">{fills}</fills>'
            + f'<borders count="2">{borders}</borders>'
            + f'<cellStyleXfs count="{len(named) + 1}">{plain}{"".join(named)}</cellStyleXfs>'
            + f'<cellXfs count="{len(cells) + 1}">'
            + plain.replace("/>", ' xfId="0"/>')
            + "".join(cells)
            + "</cellXfs>"
            + f'<cellStyles count="{len(named) + 1}"><cellStyle name="Normal" xfId="0" '
            f'builtinId="0"/>{styles}</cellStyles>'
            + '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
        )


def _font_xml(font: sty.Font) -> str:
    return (
        "<font>"
        + ("<b/>" if font.bold else "")
        + ("<i/>" if font.italic else "")
        + f'<sz val="{font.size:g}"/>'
        + (f'<color rgb="FF{font.color}"/>' if font.color else "")
        + f'<name val={attribute(font.name)}/><family val="1"/></font>'
    )


# -- sheets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Margins:
    """Page margins in inches (as spreadsheet files store them)."""

    left: float = 0.4
    right: float = 0.4
    top: float = 0.5
    bottom: float = 0.6
    header: float = 0.3
    footer: float = 0.3


@dataclass
class Worksheet:
    """A sheet to write: its cells and everything around them."""

    name: str
    widths: tuple[float, ...]
    """Column widths from column A (spreadsheet units)."""
    rows: SheetRows
    freeze: str | None = None
    """The top-left cell of the part that scrolls (``"C6"``): rows above it and columns left of
    it stay in view."""
    filter: str | None = None
    """The range of the autofilter (``"A5:M511"``), header row first."""
    print_title_row: int | None = None
    """The row printed at the top of every page."""
    margins: Margins = field(default_factory=Margins)
    footer: str = ""
    """The centre of the page footer, in the header-and-footer codes (``&P`` the page…)."""
    footer_font: sty.Font = field(default_factory=lambda: sty.Font(size=9))
    breaks: list[int] = field(default_factory=list)
    """Rows after which a new page starts."""
    charts: list[tuple[int, BarChart]] = field(default_factory=list)
    """Charts and the row of their top-left corner."""

    def _views(self, selected: bool) -> str:
        tab = ' tabSelected="1"' if selected else ""
        if self.freeze is None or self.freeze == "A1":  # nothing to freeze
            return f'<sheetViews><sheetView workbookViewId="0"{tab}/></sheetViews>'
        letters = self.freeze.rstrip("0123456789")
        row = int(self.freeze[len(letters) :])
        column = column_number(letters)
        split = ""
        if column > 1:
            split += f' xSplit="{column - 1}"'
        if row > 1:
            split += f' ySplit="{row - 1}"'
        pane = {(True, True): "bottomRight", (True, False): "topRight"}.get(
            (column > 1, row > 1), "bottomLeft"
        )
        return (
            f'<sheetViews><sheetView workbookViewId="0"{tab}><pane{split} '
            f'topLeftCell="{self.freeze}" activePane="{pane}" state="frozen"/>'
            f'<selection pane="{pane}" activeCell="{self.freeze}" sqref="{self.freeze}"/>'
            "</sheetView></sheetViews>"
        )

    def xml(self, *, selected: bool, drawing: str | None) -> Iterator[str]:
        """The sheet part, in pieces (its cells are megabytes: they are written to the package
        as they come, not joined first); ``drawing`` is the relationship id of its charts'
        drawing."""
        rows = self.rows
        cols = "".join(
            f'<col min="{n}" max="{n}" width="{width:g}" customWidth="1"/>'
            for n, width in enumerate(self.widths, 1)
        )
        merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in rows.merged)
        m = self.margins
        font = self.footer_font
        footer = (
            f'&C&"{font.name},{"Bold" if font.bold else "Regular"}"&{font.size:g} {self.footer}'
            if self.footer
            else ""
        )
        rows_broken = sorted(set(self.breaks))  # each row once, in order (a sheet may ask twice)
        breaks = "".join(f'<brk id="{row}" max="16383" man="1"/>' for row in rows_broken)
        yield (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" '
            f'xmlns:r="{RELATIONSHIPS_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="{rows.dimension}"/>{self._views(selected)}'
            f'<sheetFormatPr defaultRowHeight="{sty.DEFAULT_HEIGHT:g}"/><cols>{cols}</cols>'
        )
        yield from rows.pieces()
        yield (
            (f'<autoFilter ref="{self.filter}"/>' if self.filter else "")
            + (f'<mergeCells count="{len(rows.merged)}">{merged}</mergeCells>' if merged else "")
            + f'<pageMargins left="{m.left}" right="{m.right}" top="{m.top}" '
            f'bottom="{m.bottom}" header="{m.header}" footer="{m.footer}"/>'
            '<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>'
            + (f"<headerFooter><oddFooter>{escape(footer)}</oddFooter></headerFooter>")
            + (
                f'<rowBreaks count="{len(rows_broken)}" manualBreakCount="{len(rows_broken)}">'
                f"{breaks}</rowBreaks>"
                if breaks
                else ""
            )
            + (f'<drawing r:id="{drawing}"/>' if drawing else "")
            + "</worksheet>"
        )

    def drawing_xml(self, first_chart: int) -> str:
        """The drawing holding the sheet's charts (relationship ``rId1`` … to each)."""
        anchors = "".join(
            f"<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff>"
            f"<xdr:row>{row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
            f'<xdr:ext cx="{round(chart.width * _EMU_PER_CM)}" '
            f'cy="{round(chart.height * _EMU_PER_CM)}"/><xdr:graphicFrame macro="">'
            f'<xdr:nvGraphicFramePr><xdr:cNvPr id="{first_chart + n + 1}" '
            f'name="Chart {first_chart + n}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>'
            '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
            f'<a:graphicData uri="{CHART_NS}"><c:chart r:id="rId{n + 1}"/></a:graphicData>'
            "</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>"
            for n, (row, chart) in enumerate(self.charts)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<xdr:wsDr xmlns:xdr="{_SHEET_DRAWING}" xmlns:a="{DRAWING_NS}" xmlns:c="{CHART_NS}" '
            f'xmlns:r="{RELATIONSHIPS_NS}">{anchors}</xdr:wsDr>'
        )


def _relationships(targets: Iterable[tuple[str, str]]) -> str:
    """A relationships part: ``rId1``… to each ``(type, target)``."""
    items = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PACKAGE_REL}">{items}</Relationships>'
    )


# -- the package ----------------------------------------------------------------------------------


@dataclass
class Workbook:
    """Sheets sharing a stylesheet, and the document's properties."""

    styles: Stylesheet
    sheets: list[Worksheet] = field(default_factory=list)
    creator: str = ""
    title: str = ""

    def _workbook_xml(self) -> str:
        sheets = "".join(
            f'<sheet name={attribute(s.name)} sheetId="{n}" r:id="rId{n}"/>'
            for n, s in enumerate(self.sheets, 1)
        )
        names = []
        for index, s in enumerate(self.sheets):
            quoted = escape(quote_sheet(s.name))
            if s.filter:
                start, stop = (_absolute(ref) for ref in s.filter.split(":"))
                names.append(
                    f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" '
                    f'hidden="1">{quoted}!{start}:{stop}</definedName>'
                )
            if s.print_title_row:
                row = s.print_title_row
                names.append(
                    f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                    f"{quoted}!${row}:${row}</definedName>"
                )
        defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" '
            f'xmlns:r="{RELATIONSHIPS_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets>{sheets}</sheets>{defined}<calcPr calcId="191029"/></workbook>'
        )

    def _properties(self) -> tuple[str, str]:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        core = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(self.title)}</dc:title><dc:creator>{escape(self.creator)}"
            f'</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            "</cp:coreProperties>"
        )
        app = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
            'schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{escape(self.creator)}</Application></Properties>"
        )
        return core, app

    def save(self) -> bytes:
        """The workbook's bytes (an ``.xlsx`` package)."""
        # name, XML (or its pieces), content type (None: the default)
        parts: list[tuple[str, str | Iterable[str], str | None]] = []
        sheet_types = f"{_TYPES}.spreadsheetml"
        relations = [
            (f"{RELATIONSHIPS_NS}/worksheet", f"worksheets/sheet{n}.xml")
            for n in range(1, len(self.sheets) + 1)
        ]
        relations += [
            (f"{RELATIONSHIPS_NS}/styles", "styles.xml"),
            (f"{RELATIONSHIPS_NS}/theme", "theme/theme1.xml"),
        ]
        parts.append(("xl/workbook.xml", self._workbook_xml(), f"{sheet_types}.sheet.main+xml"))
        parts.append(("xl/_rels/workbook.xml.rels", _relationships(relations), None))
        charts = drawings = 0
        for n, sheet in enumerate(self.sheets, 1):
            drawing = None
            if sheet.charts:
                drawings += 1
                drawing = "rId1"
                name = f"drawing{drawings}.xml"
                parts.append(
                    (
                        f"xl/worksheets/_rels/sheet{n}.xml.rels",
                        _relationships([(f"{RELATIONSHIPS_NS}/drawing", f"../drawings/{name}")]),
                        None,
                    )
                )
                parts.append(
                    (f"xl/drawings/{name}", sheet.drawing_xml(charts + 1), f"{_TYPES}.drawing+xml")
                )
                targets = []
                for _, chart in sheet.charts:
                    charts += 1
                    chart_type = f"{_TYPES}.drawingml.chart+xml"
                    parts.append((f"xl/charts/chart{charts}.xml", chart.xml(), chart_type))
                    targets.append((f"{RELATIONSHIPS_NS}/chart", f"../charts/chart{charts}.xml"))
                parts.append((f"xl/drawings/_rels/{name}.rels", _relationships(targets), None))
            parts.append(
                (
                    f"xl/worksheets/sheet{n}.xml",
                    sheet.xml(selected=n == 1, drawing=drawing),
                    f"{sheet_types}.worksheet+xml",
                )
            )
        parts.append(("xl/styles.xml", self.styles.xml(), f"{sheet_types}.styles+xml"))
        # the Office theme as openpyxl 3.1 writes it (MIT licence); a test keeps them equal
        theme = resources.files("sokets").joinpath("data", "xlsx-theme.xml").read_text("utf-8")
        parts.append(("xl/theme/theme1.xml", theme, f"{_TYPES}.theme+xml"))
        core, app = self._properties()
        parts.append(
            (
                "docProps/core.xml",
                core,
                "application/vnd.openxmlformats-package.core-properties+xml",
            )
        )
        parts.append(("docProps/app.xml", app, f"{_TYPES}.extended-properties+xml"))
        package = [
            (f"{RELATIONSHIPS_NS}/officeDocument", "xl/workbook.xml"),
            (f"{_PACKAGE_REL}/metadata/core-properties", "docProps/core.xml"),
            (f"{RELATIONSHIPS_NS}/extended-properties", "docProps/app.xml"),
        ]
        parts.append(("_rels/.rels", _relationships(package), None))
        overrides = "".join(
            f'<Override PartName="/{name}" ContentType="{kind}"/>'
            for name, _, kind in parts
            if kind is not None
        )
        types = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSION) as zf:
            for name, xml, _ in [("[Content_Types].xml", types, None), *parts]:
                if isinstance(xml, str):
                    zf.writestr(name, xml.encode("utf-8"))
                    continue
                with zf.open(name, "w") as part:
                    for piece in xml:
                        part.write(piece.encode("utf-8"))
        return out.getvalue()


def _absolute(ref: str) -> str:
    """``"A5"`` → ``"$A$5"``."""
    letters = ref.rstrip("0123456789")
    return f"${letters}${ref[len(letters) :]}"
