"""Printing a workbook (review 13): every cell in Times New Roman, rows as tall as their wrapped
text, so that long locked texts (outline items, indicator labels, Phụ lục 03 tasks) print whole
and never run over the rows below. Checked on the workbook, and on PDFs LibreOffice prints."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sokets.xlsx import layout as lay
from sokets.xlsx import styles as sty
from tests.tools import needs
from tests.xlsx.helpers import (
    COMMUNE,
    DEPARTMENT,
    blank,
    libreoffice,
    needs_soffice,
    open_book,
    row_of,
    with_header,
)

# -- fonts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [DEPARTMENT, COMMUNE])
def test_every_cell_is_set_in_times_new_roman(code: str) -> None:
    wb = open_book(with_header(code))
    fonts = {
        (ws.title, cell.font.name)
        for ws in wb.worksheets
        for cell in ws._cells.values()
        if cell.font.name != sty.FONT
    }
    assert fonts == set()
    with zipfile.ZipFile(io.BytesIO(with_header(code))) as archive:
        styles = archive.read("xl/styles.xml").decode()
    fonts_xml = re.search(r"<fonts.*</fonts>", styles, re.S)
    assert fonts_xml is not None
    assert fonts_xml.group().count("<font>") + fonts_xml.group().count("<font ") == (
        fonts_xml.group().count(f'<name val="{sty.FONT}"/>')
    )  # every font of the file, the default one included, names Times New Roman


# -- row heights -------------------------------------------------------------------------------


def test_measuring_wrapped_text() -> None:
    assert sty.text_lines("", 10) == 1
    assert sty.text_lines("Có", 10) == 1
    assert sty.text_lines("một\nhai\nba", 40) == 3
    long = "chuyển đổi số " * 30
    narrow, wide = sty.text_lines(long, 20), sty.text_lines(long, 60)
    assert narrow > wide > 1
    assert sty.text_lines(long, 60, bold=True) >= wide
    assert sty.text_lines(long.upper(), 60) > wide  # capitals are wider
    assert sty.text_lines("x" * 400, 10) > 1  # a word wider than the column breaks
    assert sty.DEFAULT_HEIGHT <= sty.row_height(1) < 17
    assert sty.row_height(10) > 10 * 11
    assert sty.row_height(1000) == sty.MAX_HEIGHT


def test_fast_measuring_agrees_with_laying_words_out_one_by_one() -> None:
    texts = [
        "",
        " ",
        "  hai  khoảng trắng ",
        "x" * 400,
        "một\n\nhai",
        "ab " * 100 + "y" * 300 + " z",
        "Chuyển đổi số " * 200,
        "\u0301\u0301 dấu rời",
    ]
    for width in (5, 10, 20, 45, 60):
        for size, bold in ((11, False), (11, True), (10, False), (13, True)):
            room = sty.column_points(width)
            for text in texts:
                expected = sum(
                    sty._greedy_lines(paragraph, room, size, bold) for paragraph in text.split("\n")
                )
                assert sty.text_lines(text, width, size, bold) == expected, (width, text[:20])


def test_a_line_that_fills_the_column_exactly_is_measured_alike_both_ways() -> None:
    for text, width in (
        ("tỉnh with of on is vụ at tỉnh was UBND", 35),
        ("but an đơn tỉnh đổi or huyện cơ with vụ số is vụ it vị by by đơn cơ đổi hoạch", 68),
    ):
        expected = sty._greedy_lines(text, sty.column_points(width), sty.SIZE, False)
        assert sty.text_lines(text, width) == expected


def test_a_word_without_width_is_followed_by_a_space_both_ways() -> None:
    # a lone accent, then a word: the space between them takes room on the line
    room = sty.column_points(3)
    assert sty._greedy_lines("\u0301 đổi", room, 10, True) == sty.text_lines(
        "\u0301 đổi", 3, 10, True
    )
    # spaces side by side take room too
    narrow = "a " * 12
    assert sty.text_lines(narrow.replace(" ", "  "), 6) > sty.text_lines(narrow, 6)


@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(["", " ", "\n", "Chuyển", "đổi", "số", "W" * 40, "x" * 120, "\u0301"]),
            st.text(alphabet="aàảãáạăằẳẵắặâầẩẫấậđeêơưMW.,;: \n-–—…", max_size=30),
        ),
        max_size=40,
    ).map("".join),
    # 13, 24, 35, 46: columns whose room is a whole number of thousandths of 11 points, where a
    # line can fill the column exactly
    width=st.sampled_from([3, 5, 10, 13, 16, 24, 28, 35, 45, 46, 68, 100]),
    size=st.sampled_from([10, 11, 13]),
    bold=st.booleans(),
)
def test_any_text_is_measured_as_laying_its_words_out_one_by_one(
    text: str, width: int, size: int, bold: bool
) -> None:
    room = sty.column_points(width)
    expected = sum(sty._greedy_lines(p, room, size, bold) for p in text.split("\n"))
    assert sty.text_lines(text, width, size, bold) == expected


def test_a_text_too_long_for_one_row_is_split_into_pieces_that_fit() -> None:
    most = sty.max_lines()
    assert sty.row_height(most) <= sty.MAX_HEIGHT < sty.row_height(most + 1) + 1
    assert sty.split_text("Có", 20, most) == ["Có"]
    words = [f"từ{n}" for n in range(3000)]
    text = " ".join(words[:1000]) + "\n" + " ".join(words[1000:])
    pieces = sty.split_text(text, 40, most)
    assert len(pieces) > 5
    assert all(sty.text_lines(piece, 40) <= most for piece in pieces)
    assert " ".join(" ".join(pieces).split()) == " ".join(words)  # every word, in order
    first = next(
        " ".join(words[:n]) for n in range(1, 1000) if sty.text_lines(" ".join(words[:n]), 40) == 20
    )
    assert sty.split_text(f"{first}\n{text}", 40, most)[0] == first  # at the paragraph's end
    blob = sty.split_text("y" * 20000, 30, most)  # no space to cut at: cut inside the word
    assert "".join(blob) == "y" * 20000
    assert all(sty.text_lines(piece, 30) <= most for piece in blob)


def _row_elements(data: bytes, sheet: str) -> dict[int, str]:
    """The ``<row …>`` start tags of ``sheet``, by row number."""
    wb = open_book(data)
    part = f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part).decode()
    return {int(m.group(1)): m.group(0) for m in re.finditer(r'<row r="(\d+)"[^>]*>', xml)}


def test_rows_of_long_locked_text_are_as_tall_as_the_text() -> None:
    data = with_header(DEPARTMENT)
    wb = open_book(data)
    outline, pl03 = wb[lay.OUTLINE.sheet], wb[lay.PL03.sheet]
    width = lay.OUTLINE.columns[lay.OUTLINE.index("title") - 1].width
    for row in range(lay.OUTLINE.first_row, outline.max_row + 1):
        text = str(outline.cell(row, 2).value)
        bold = outline.cell(row, 2).font.bold
        lines = sty.text_lines(text, width, bold=bold)
        height = outline.row_dimensions[row].height
        if lines == 1:
            assert height is None, row  # the default height
        else:
            assert height == pytest.approx(sty.row_height(lines)), row
            assert height >= lines * 11, row
    # the longest guidance of Phụ lục 01 (mục A.II.2.b1) wraps to many lines at 60 columns
    assert outline.row_dimensions[row_of(outline, "A.II.2.b1")].height > 100
    assert pl03.row_dimensions[lay.PL03.header_row].height > sty.DEFAULT_HEIGHT
    # fitted heights leave the rows free to grow with what people type (no customHeight)
    rows = _row_elements(blank(DEPARTMENT), lay.OUTLINE.sheet)  # as sokets writes it
    tag = rows[row_of(outline, "A.II.2.b1")]
    assert ' ht="' in tag and "customHeight" not in tag


def test_rows_of_a_filled_report_fit_its_answers() -> None:
    from sokets.forms import load_report
    from sokets.xlsx.template import build_report_workbook
    from tests.conftest import EXAMPLES

    report = load_report((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    wb = open_book(build_report_workbook(report))
    ws = wb[lay.OUTLINE.sheet]
    for row in range(lay.OUTLINE.first_row, ws.max_row + 1):
        for key in ("results", "difficulties", "proposals"):
            column = lay.OUTLINE.index(key)
            text = ws.cell(row, column).value
            if text:
                lines = sty.text_lines(str(text), lay.OUTLINE.columns[column - 1].width)
                assert (ws.row_dimensions[row].height or sty.DEFAULT_HEIGHT) >= sty.row_height(
                    lines
                ), (row, key)


# -- printed by LibreOffice --------------------------------------------------------------------

needs_pdftotext = needs("pdftotext")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _printed_words(pdf: bytes, folder: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """The words of each page of ``pdf`` with their boxes (pdftotext -bbox)."""
    path = folder / "printed.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [
            (float(a), float(b), float(c), float(d), unescape(w))
            for a, b, c, d, w in _WORD.findall(page)
        ]
        for page in html.split("<page ")[1:]
    ]


def _overlaps(page: list[tuple[float, float, float, float, str]]) -> list[tuple[str, str]]:
    """Pairs of words printed one over the other: boxes overlapping across, and by more than
    half their height (the boxes of two lines in a row, accents included, overlap a little)."""
    found = []
    boxes = sorted(page, key=lambda w: w[1])
    for i, (x0, y0, x1, y1, word) in enumerate(boxes):
        for a0, b0, a1, b1, other in boxes[i + 1 :]:
            if b0 >= y1:
                break
            tall = min(y1 - y0, b1 - b0)
            if min(x1, a1) - max(x0, a0) > 1 and min(y1, b1) - max(y0, b0) > tall / 2:
                found.append((word, other))
    return found


def _tokens(text: str) -> list[str]:
    """Words, split after hyphens (where LibreOffice may break a line: ``2021-`` ``2025``)."""
    return re.findall(r"[^\s-]+-?|-", text)


def _locked_texts(data: bytes) -> list[str]:
    """The long texts sokets writes into the table sheets (more than one line)."""
    wb = open_book(data)
    texts = []
    for sheet in (lay.OUTLINE.sheet, lay.INDICATORS.sheet, lay.PL03.sheet):
        if sheet in wb.sheetnames:
            ws = wb[sheet]
            texts += [
                str(cell.value)
                for row in ws.iter_rows(min_row=2)
                for cell in row
                if isinstance(cell.value, str) and len(cell.value) > 40 and cell.value[0] != "="
            ]
    return texts


@needs_soffice
@needs_pdftotext
@pytest.mark.parametrize("code", [DEPARTMENT, COMMUNE])
def test_libreoffice_prints_long_texts_whole_and_never_one_over_another(
    code: str, tmp_path: Path
) -> None:
    data = with_header(code)
    pages = _printed_words(libreoffice(data, tmp_path, "pdf"), tmp_path)
    printed = Counter(token for page in pages for *_, word in page for token in _tokens(word))
    expected = Counter(token for text in _locked_texts(data) for token in _tokens(text))
    assert expected - printed == Counter()  # every word of every long text is on paper
    overlapping = [pair for page in pages for pair in _overlaps(page)]
    assert overlapping == []
