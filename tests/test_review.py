"""The province's review report: the draft DOCX read back, and the charts' data and pictures."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from sokets.consolidation import Consolidation, consolidate
from sokets.consolidation.statuses import STATUS_LABELS, Status
from sokets.docx.compose import heading_text
from sokets.docx.styles import HEADING_STYLES
from sokets.outline import IndicatorKind, pl01_outline
from sokets.review import charts as drawing
from sokets.review.document import (
    CHARTS_UNDER,
    LABEL_STYLE,
    NOT_REPORTED,
    Issuer,
    ReviewDocument,
    render_review,
    rollup_title,
)
from sokets.review.figures import MAIN_RATES, charts, format_count, format_percent
from sokets.units import UnknownUnitError, get_registry
from tests.docx_support import (
    libreoffice,
    open_docx,
    pdf_lines,
    squash,
    text_of,
)
from tests.rounds import EXAMPLES, HOSTILE
from tests.rounds import REVIEW_AS_OF as AS_OF
from tests.tools import needs


def percent(value: float | None) -> str:
    """A percent as the report must print it (written here independently of sokets)."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + "%"


def count(value: int | None) -> str:
    """A count as the report must print it: ``1.234``."""
    return "—" if value is None else f"{value:,}".replace(",", ".")


@pytest.fixture(scope="module")
def consolidation(review: Consolidation) -> Consolidation:
    return review


@pytest.fixture(scope="module")
def draft(review: Consolidation) -> Any:
    return open_docx(render_review(review))


@pytest.fixture(scope="module")
def plain_draft(review: Consolidation) -> Any:
    """The draft where matplotlib is not installed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(drawing, "available", lambda: False)
        return open_docx(render_review(review))


def _style(p: Any) -> str | None:
    found = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if found is None else found.get(qn("w:val"))


def _blocks(document: Any) -> list[Any]:
    return list(document.element.body.iterchildren(qn("w:p"), qn("w:tbl")))


def _tables(document: Any, caption: str) -> list[list[list[str]]]:
    found = []
    for tbl in document.element.body.iter(qn("w:tbl")):
        cap = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if cap is not None and cap.get(qn("w:val")) == caption:
            rows = [
                [squash(text_of(tc)) for tc in tr.iterchildren(qn("w:tc"))]
                for tr in tbl.iterchildren(qn("w:tr"))
            ]
            found.append(rows)
    return found


def _table(document: Any, caption: str) -> list[list[str]]:
    (rows,) = _tables(document, caption)
    return rows


# -- the outline and the units' answers ----------------------------------------------------


def test_headings_follow_phu_luc_01_in_order_each_once(draft: Any) -> None:
    heading_styles = set(HEADING_STYLES.values())
    headings = [
        squash(text_of(p))
        for p in draft.element.body.iterchildren(qn("w:p"))
        if _style(p) in heading_styles
    ]
    assert headings == [squash(heading_text(item)) for item in pl01_outline().walk()]


def test_every_units_answer_is_under_its_item_once_headed_by_its_name(
    draft: Any, consolidation: Consolidation
) -> None:
    heading_styles = set(HEADING_STYLES.values())
    names = {e.unit_name for e in consolidation.units}
    sections: dict[str, list[Any]] = {}
    items = iter(pl01_outline().walk())
    current: list[Any] | None = None
    for block in _blocks(draft):
        if block.tag == qn("w:p") and _style(block) in heading_styles:
            current = sections.setdefault(next(items).id, [])
        elif block.tag == qn("w:p") and text_of(block).startswith("Trên đây là báo cáo"):
            break
        elif current is not None:
            current.append(block)
    answered = 0
    for entry in consolidation.outline:
        if entry.form != "PL01" or entry.is_heading:
            continue
        blocks = sections[entry.item_id]
        labels = [
            text_of(b)[:-1]
            for b in blocks
            if b.tag == qn("w:p") and _style(b) == LABEL_STYLE and text_of(b)[:-1] in names
        ]
        assert labels == [a.unit_name for a in entry.answers], entry.item_id
        text = squash(" ".join(text_of(b) for b in blocks))
        for answer in entry.answers:
            first = next((line for line in answer.results.splitlines() if line.strip()), None)
            if first is not None:
                assert squash(first) in text, (entry.item_id, answer.unit_code)
            answered += 1
    assert answered > 100


def test_markup_in_an_answer_is_text(draft: Any) -> None:
    assert HOSTILE in "\n".join(text_of(p) for p in draft.element.body.iter(qn("w:p")))


# -- the figures: tables equal to the consolidation -----------------------------------------


def test_rates_table_equals_the_consolidation(draft: Any, consolidation: Consolidation) -> None:
    rows = _table(draft, "Tình hình gửi báo cáo sơ kết")
    assert rows[1:] == [
        [
            r.label,
            str(r.expected),
            str(r.received),
            str(r.on_time),
            str(r.late),
            str(r.with_errors),
            str(r.not_received),
            percent(r.rate),
            percent(r.rate_on_time),
        ]
        for r in consolidation.rates
    ]
    total = consolidation.rates[-1]
    assert total.not_received > 0 and total.late > 0 and total.with_errors > 0


def test_every_indicator_rollup_is_shown_once_with_its_figures(
    draft: Any, consolidation: Consolidation
) -> None:
    expected: Counter[tuple[str, tuple[tuple[str, ...], ...]]] = Counter()
    for rollup in consolidation.indicators:
        rows = []
        for r in rollup.rows:
            units = f"{r.reporting_units}/{r.expected_units}"
            if rollup.kind is IndicatorKind.RATIO:
                rows.append(
                    (r.name, units, count(r.numerator), count(r.denominator), percent(r.rate))
                )
            elif rollup.kind is IndicatorKind.YES_NO:
                rows.append((r.name, units, count(r.yes), count(r.no)))
            else:
                rows.append((r.name, units, count(r.total)))
        expected[(rollup_title(rollup), tuple(rows))] += 1
    found = Counter(
        (title, tuple(tuple(row) for row in table[1:]))
        for title in {title for title, _ in expected}
        for table in _tables(draft, title)
    )
    assert found == expected
    assert len(consolidation.indicators) >= 10


def test_phu_luc_03_appendix_has_every_units_row_and_every_gap(
    draft: Any, consolidation: Consolidation
) -> None:
    rows = _table(draft, "Phụ lục 03 tổng hợp")
    assert rows[0][3] == "Đơn vị báo cáo"
    lines = [row for row in rows[1:] if len(row) == 7]
    shown = Counter((row[3], row[4]) for row in lines if row[4] != NOT_REPORTED)
    written = Counter(
        (r.unit_name, squash(r.results)) for task in consolidation.tasks for r in task.rows
    )
    assert shown == written
    gaps = sum(1 for row in lines if row[4] == NOT_REPORTED)
    assert gaps == sum(len(t.not_reported) or int(not t.rows) for t in consolidation.tasks)
    assert gaps > 0
    numbers = [row[0] for row in lines if row[0]]
    assert len(numbers) == len(consolidation.tasks)


def test_register_appendix_lists_every_expected_unit_with_its_status(
    draft: Any, consolidation: Consolidation
) -> None:
    rows = _table(draft, "Sổ theo dõi báo cáo")[1:]
    assert [(row[1], row[3]) for row in rows] == [
        (e.unit_name, STATUS_LABELS[e.status].vi) for e in consolidation.units
    ]
    assert {Status.NOT_RECEIVED, Status.LATE, Status.WITH_ERRORS} <= {
        e.status for e in consolidation.units
    }


def test_units_not_reported_are_named(draft: Any, consolidation: Consolidation) -> None:
    text = squash(" ".join(text_of(p) for p in draft.element.body.iterchildren(qn("w:p"))))
    missing = [
        e.unit_name
        for e in consolidation.units
        if e.status is Status.NOT_RECEIVED and e.kind.value != "commune"
    ]
    assert missing
    for name in missing:
        assert name in text


# -- layout: sections, rows, headings --------------------------------------------------------


def test_appendices_are_landscape_with_repeated_headers_and_rows_never_split(draft: Any) -> None:
    sections = draft.sections
    assert sections[0].page_width < sections[0].page_height
    assert sections[-1].page_width > sections[-1].page_height
    body = draft.element.body
    for tr in body.iter(qn("w:tr")):
        assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    for caption in ("Phụ lục 03 tổng hợp", "Sổ theo dõi báo cáo", "Tình hình gửi báo cáo sơ kết"):
        for tbl in body.iter(qn("w:tbl")):
            cap = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
            if cap is not None and cap.get(qn("w:val")) == caption:
                first = tbl.find(qn("w:tr"))
                assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_headings_and_unit_names_keep_with_what_follows(draft: Any) -> None:
    styles = draft.styles.element
    for style_id in {*HEADING_STYLES.values(), LABEL_STYLE}:
        style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        assert style is not None, style_id
        assert style.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, style_id


# -- charts ------------------------------------------------------------------------------------


def test_charts_are_pictures_in_the_draft(draft: Any, consolidation: Consolidation) -> None:
    shown = {k for keys in CHARTS_UNDER.values() for k in keys}
    expected = [c for c in charts(consolidation) if c.key in shown]
    drawings = list(draft.element.body.iter(qn("w:drawing")))
    assert len(drawings) == len(expected) >= 6
    images = [
        rel.target_part.blob for rel in draft.part.rels.values() if rel.reltype.endswith("/image")
    ]
    assert len(images) == len(expected)
    assert all(image.startswith(b"\x89PNG\r\n\x1a\n") for image in images)


def test_without_matplotlib_the_draft_keeps_its_tables_and_says_how_to_add_charts(
    plain_draft: Any, draft: Any
) -> None:
    assert not list(plain_draft.element.body.iter(qn("w:drawing")))
    text = "\n".join(text_of(p) for p in plain_draft.element.body.iter(qn("w:p")))
    assert text.count(drawing.INSTALL_HINT) == len(list(draft.element.body.iter(qn("w:drawing"))))
    assert _table(plain_draft, "Tình hình gửi báo cáo sơ kết") == _table(
        draft, "Tình hình gửi báo cáo sơ kết"
    )


def test_chart_data_are_the_consolidations(consolidation: Consolidation) -> None:
    found = {c.key: c for c in charts(consolidation)}
    by_district = found["rates-by-district"]
    rows = {r.district_code: r for r in consolidation.rates if r.district_code}
    assert len(by_district.categories) == len(rows)
    rates = by_district.series[0].values
    assert list(rates) == sorted(rates, key=lambda v: -(v or 0.0))
    assert sorted(v for v in rates if v is not None) == sorted(
        r.rate for r in rows.values() if r.rate is not None
    )
    for n, (form, item, indicator, _) in enumerate(MAIN_RATES, start=1):
        rollup = next(
            r
            for r in consolidation.indicators
            if (r.form, r.item_id, r.indicator_id) == (form, item, indicator)
        )
        values = found[f"rate-{n}"].series[0].values
        assert sorted(values) == sorted(  # type: ignore[type-var]
            r.rate
            for r in rollup.rows
            if r.scope_code not in ("total", "province-units") and r.rate is not None
        )


@pytest.mark.parametrize(
    ("value", "written"),
    [(85.3, "85,3%"), (100.0, "100,0%"), (0.04, "0,0%"), (None, "—"), (66.66, "66,7%")],
)
def test_percent_is_written_the_vietnamese_way(value: float | None, written: str) -> None:
    assert format_percent(value) == written


@pytest.mark.parametrize(("value", "written"), [(1234.0, "1.234"), (7.0, "7"), (None, "—")])
def test_count_is_written_the_vietnamese_way(value: float | None, written: str) -> None:
    assert format_count(value) == written


def test_svg_keeps_vietnamese_text_as_text_and_is_reproducible(
    consolidation: Consolidation,
) -> None:
    chart = next(c for c in charts(consolidation) if c.key == "rates-by-district")
    svg = drawing.draw(chart, "svg")
    assert svg == drawing.draw(chart, "svg")
    text = svg.decode("utf-8")
    assert "Tỷ lệ báo cáo của UBND cấp xã, theo huyện" in text
    assert "Tỷ lệ đúng hạn" in text
    assert re.search(r">\d{1,3},\d%<", text), "values in the Vietnamese way"


def test_write_charts_writes_a_png_and_an_svg_of_each(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    found = charts(consolidation)[:2]
    written = drawing.write_charts(found, tmp_path / "charts")
    assert sorted(p.name for p in written) == sorted(
        f"{c.key}.{fmt}" for c in found for fmt in ("png", "svg")
    )
    from PIL import Image

    with Image.open(io.BytesIO((tmp_path / "charts" / f"{found[0].key}.png").read_bytes())) as im:
        assert im.width >= 900


# -- the issuer and the signer -------------------------------------------------------------------


def test_the_default_issuer_and_signer_are_plan_403s(draft: Any) -> None:
    text = squash(" ".join(text_of(p) for p in draft.element.body.iter(qn("w:p"))))
    assert "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" in text
    assert "UBND tỉnh báo cáo kết quả như sau:" in text
    assert "Bùi Đình Long" in text


def test_issuer_and_signer_can_be_set(consolidation: Consolidation) -> None:
    renderer = ReviewDocument(
        issuer="So Thong tin va Truyen thong",
        signer_name="Nguyễn Văn An",
        signer_title="GIÁM ĐỐC",
        signer_authority="",
    )
    document = open_docx(renderer.render(consolidation))
    text = squash(" ".join(text_of(p) for p in document.element.body.iter(qn("w:p"))))
    assert "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in text
    assert "Sở Thông tin và Truyền thông báo cáo kết quả như sau:" in text
    assert "Nguyễn Văn An" in text and "GIÁM ĐỐC" in text
    assert "Bùi Đình Long" not in text and "KT. CHỦ TỊCH" not in text


def test_an_unknown_issuer_is_refused_before_any_work() -> None:
    with pytest.raises(UnknownUnitError):
        ReviewDocument(issuer="Sở Không Có")


def test_a_districts_draft_is_issued_by_the_district_with_a_blank_signer(
    review_round: Path,
) -> None:
    district = get_registry().lookup("Huyện Con Cuông")
    cons = consolidate([review_round], scope=district.code, as_of=AS_OF, keep_reports=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(drawing, "available", lambda: False)
        document = open_docx(render_review(cons))
    text = squash(" ".join(text_of(p) for p in document.element.body.iter(qn("w:p"))))
    assert Issuer.unit(district.code).name in text
    assert "HUYỆN CON CUÔNG" in text
    assert "Bùi Đình Long" not in text and "(Họ và tên)" in text


# -- LibreOffice --------------------------------------------------------------------------------


@needs("soffice", "pdftohtml", "pdftotext")
def test_libreoffice_prints_the_draft_with_bold_headings_and_unit_names(tmp_path: Path) -> None:
    cons = consolidate([EXAMPLES], as_of=AS_OF, keep_reports=False)
    data = render_review(cons)
    lines = pdf_lines(libreoffice(data, tmp_path, "pdf"), tmp_path / "pdf")
    styled = {(text, bold, italic) for _, text, bold, italic in lines}
    assert ("BÁO CÁO", True, False) in styled
    assert any(t.startswith("A. TÌNH HÌNH THỰC HIỆN") and b for t, b, _ in styled)
    assert ("Sở Y tế:", True, True) in styled
    assert any(t == "Phụ lục 03" and b for t, b, _ in styled)


@needs("soffice", "pdftohtml", "pdftotext")
def test_a_picture_of_the_drafts_first_pages(tmp_path: Path) -> None:
    from docs.screenshots import docx_pages
    from PIL import Image

    cons = consolidate([EXAMPLES], as_of=AS_OF, keep_reports=False)
    out = docx_pages(render_review(cons), tmp_path / "draft.png", pages=2)
    with Image.open(out) as image:
        assert image.width > image.height  # two portrait pages side by side
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 20
