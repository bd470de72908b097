"""Hostile or damaged DOCX files end in one clean error (InputError, exit 2), never a traceback:
the archive checks shared with the XLSX reader, DOCTYPE in any Unicode encoding, a main part
that is not a Word document, and a random byte-flip fuzz."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from sokets.docx import reader as reader_module
from sokets.docx.outline import render_outline
from sokets.errors import InputError, InvalidReportError, SoketsError
from sokets.inputs import read_report
from sokets.units import get_registry
from tests.docx_support import open_docx, save, set_field
from tests.xlsx.helpers import COMMUNE, with_header
from tests.zip_tools import add_member, rename_member, replace_in, rewrite_member, set_flags

DOCUMENT = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def _filled() -> bytes:
    document = open_docx(render_outline(get_registry().get("SO-TTTT")))
    set_field(document, "report_number", "245/BC-STTTT")
    set_field(document, "report_date", "ngày 14 tháng 8 năm 2023", full_date="2023-08-14")
    set_field(document, "signer_title", "GIÁM ĐỐC")
    set_field(document, "signer_name", "Trần Quốc Hưng")
    return save(document)


def _refused(data: bytes, match: str, tmp_path: Path) -> InputError:
    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=match) as caught:
        read_report(path)
    assert caught.value.source == str(path)
    assert "\n" not in str(caught.value)
    assert " object at 0x" not in str(caught.value)
    return caught.value


def test_the_filled_document_reads() -> None:
    path_free = reader_module.read_docx(_filled(), "ok.docx")
    assert path_free.report.header.unit_code == "SO-TTTT"


# -- the archive: same caps and checks as XLSX -----------------------------------------------


def test_a_part_over_the_per_member_cap_is_refused(tmp_path: Path) -> None:
    data = add_member(
        _filled(), "word/media/bomb.bin", b"\0" * (reader_module.MAX_MEMBER_BYTES + 1)
    )
    assert len(data) < 200_000
    error = _refused(data, "quá lớn khi giải nén", tmp_path)
    assert error.location == "word/media/bomb.bin"


def test_too_many_parts_are_refused(tmp_path: Path) -> None:
    data = _filled()
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as zf:
        for i in range(reader_module.MAX_MEMBERS):
            zf.writestr(f"word/extra/{i}.bin", b"")
    _refused(out.getvalue(), "too many zip members", tmp_path)


@pytest.mark.parametrize(("bits", "match"), [(0x1, "mã hóa"), (0x40, "mã hóa"), (0x20, "kiểu nén")])
def test_encrypted_and_unsupported_members_are_refused(
    bits: int, match: str, tmp_path: Path
) -> None:
    error = _refused(set_flags(_filled(), DOCUMENT.encode(), bits), match, tmp_path)
    assert error.location == DOCUMENT


def test_a_corrupt_deflate_stream_is_refused(tmp_path: Path) -> None:
    data = rewrite_member(_filled(), "x", lambda c: c)  # every member deflated
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(DOCUMENT)
    buffer = bytearray(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    buffer[start : start + 8] = b"\xff" * 8
    assert _refused(bytes(buffer), "bị hỏng", tmp_path).location == DOCUMENT


def test_an_old_doc_and_a_truncated_file_are_refused(tmp_path: Path) -> None:
    _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, r"\.doc", tmp_path)
    _refused(_filled()[: len(_filled()) // 2], "bị hỏng", tmp_path)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_doctype_in_any_part_and_encoding_is_refused(encoding: str, tmp_path: Path) -> None:
    def hostile(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        body = text[text.index("<w:document") :]
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        return (
            f'<?xml version="1.0" encoding="{label}"?>\n'
            f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{body}'
        ).encode(encoding)

    error = _refused(rewrite_member(_filled(), DOCUMENT, hostile), "DOCTYPE", tmp_path)
    assert error.location == DOCUMENT


# -- parts reached through relationships, whatever their names --------------------------------

DOCTYPE = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _main_part_as(name: str, change: Callable[[bytes], bytes] | None = None) -> bytes:
    """The filled document with its main part stored as ``name`` (relationships and content
    types following it)."""
    folder, _, base = name.rpartition("/")
    data = rename_member(_filled(), DOCUMENT, name, change)
    data = rename_member(data, "word/_rels/document.xml.rels", f"{folder}/_rels/{base}.rels")
    data = replace_in(data, "_rels/.rels", (b'"word/document.xml"', b'"%s"' % name.encode()))
    return replace_in(
        data, "[Content_Types].xml", (b'"/word/document.xml"', b'"/%s"' % name.encode())
    )


def test_a_main_part_not_named_xml_is_read() -> None:
    result = reader_module.read_docx(_main_part_as("word/document.bin"), "bin.docx")
    assert result.report.header.unit_code == "SO-TTTT"


def test_a_doctype_in_a_main_part_not_named_xml_is_refused(tmp_path: Path) -> None:
    def hostile(xml: bytes) -> bytes:
        return xml.replace(b"?>", b"?>" + DOCTYPE, 1)

    error = _refused(_main_part_as("word/document.bin", hostile), "DOCTYPE", tmp_path)
    assert error.location == "word/document.bin"


SVG = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY ns_svg '
    b'"http://www.w3.org/2000/svg">]>\n<svg xmlns="&ns_svg;" width="10" height="10"/>'
)


def _with_svg(relationship: str) -> bytes:
    """The filled document with an SVG (with a DOCTYPE, as drawing programs export them) that
    ``word/document.xml`` reaches through a relationship of type ``relationship``."""
    data = add_member(_filled(), "word/media/logo.svg", SVG)
    data = replace_in(
        data,
        "[Content_Types].xml",
        (b"</Types>", b'<Default Extension="svg" ContentType="image/svg+xml"/></Types>'),
    )
    rel = b'<Relationship Id="rIdLogo" Type="%s/%s" Target="media/logo.svg"/>' % (
        RELATIONSHIPS.encode(),
        relationship.encode(),
    )
    return replace_in(
        data, "word/_rels/document.xml.rels", (b"</Relationships>", rel + b"</Relationships>")
    )


def test_an_svg_image_with_a_doctype_is_not_parsed_and_not_refused() -> None:
    result = reader_module.read_docx(_with_svg("image"), "logo.docx")
    assert result.report.header.unit_code == "SO-TTTT"


def test_an_image_part_reached_through_another_relationship_is_checked(tmp_path: Path) -> None:
    error = _refused(_with_svg("header"), "DOCTYPE", tmp_path)
    assert error.location == "word/media/logo.svg"


# -- the main part ---------------------------------------------------------------------------


def test_a_main_part_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    other = f'<?xml version="1.0"?><w:settings xmlns:w="{W_NS}"><w:body/></w:settings>'.encode()
    error = _refused(rewrite_member(_filled(), DOCUMENT, lambda _: other), "w:document", tmp_path)
    assert error.location == DOCUMENT


def test_a_document_without_a_body_is_refused(tmp_path: Path) -> None:
    empty = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>'.encode()
    _refused(rewrite_member(_filled(), DOCUMENT, lambda _: empty), "w:body", tmp_path)


def test_a_workbook_renamed_docx_gets_a_clean_message(tmp_path: Path) -> None:
    error = _refused(with_header(COMMUNE), "cannot read DOCX", tmp_path)
    assert "BytesIO" not in str(error)


# -- fuzz ------------------------------------------------------------------------------------


def _flip(content: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(content)
    for _ in range(rng.randint(1, 4)):
        buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def test_random_byte_flips_raise_only_sokets_errors(tmp_path: Path) -> None:
    data = _filled()
    rng = random.Random(0)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
    path = tmp_path / "fuzz.docx"
    outcomes: set[str] = set()
    for i in range(300):
        if i % 2:
            mutant = _flip(data, rng)
        else:
            mutant = rewrite_member(data, rng.choice(names), lambda c: _flip(c, rng))
        path.write_bytes(mutant)
        try:
            read_report(path)
            outcomes.add("read")
        except SoketsError as exc:
            outcomes.add(type(exc).__name__)
    assert "InputError" in outcomes


# -- floods: findings capped, time and memory bounded ----------------------------------------


def _flooded(data: bytes, unit: str, count: int) -> bytes:
    """``data`` with ``count`` copies of the XML ``unit`` at the end of the body."""

    def grow(xml: bytes) -> bytes:
        end = xml.rindex(b"<w:sectPr")
        return xml[:end] + unit.encode() * count + xml[end:]

    return rewrite_member(data, DOCUMENT, grow)


STRAY = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"


def test_200000_stray_paragraphs_give_50_findings_and_a_count(tmp_path: Path) -> None:
    from sokets.findings import MAX_FINDINGS_PER_CODE
    from sokets.validation import validate_path

    data = _flooded(_filled(), STRAY, 200_000)
    assert len(data) < 60_000  # a 48 KB file
    result = reader_module.read_docx(data, "flood.docx")
    assert [f.code for f in result.findings] == ["D001"] * MAX_FINDINGS_PER_CODE
    assert result.omitted == {"D001": 200_000 - MAX_FINDINGS_PER_CODE}
    path = tmp_path / "flood.docx"
    path.write_bytes(data)
    report = validate_path(path)
    assert report.codes.count("D001") == MAX_FINDINGS_PER_CODE
    assert report.omitted["D001"] == 200_000 - MAX_FINDINGS_PER_CODE
    assert report.counts["error"] >= 200_000


def test_a_flooded_blank_outline_reports_the_count_with_its_empty_fields(tmp_path: Path) -> None:
    from sokets.validation import validate_path

    blank = render_outline(get_registry().get("SO-TTTT"))
    data = _flooded(blank, STRAY, 1_000)
    with pytest.raises(InvalidReportError) as caught:
        reader_module.read_docx(data, "flood.docx")
    assert caught.value.omitted == {"D001": 950}
    path = tmp_path / "flood.docx"
    path.write_bytes(data)
    report = validate_path(path)
    assert report.codes == ["D014"] * 4 + ["D001"] * 50
    assert report.omitted == {"D001": 950}


def test_paragraph_numbers_count_text_boxes_and_other_containers() -> None:
    """Locations count every paragraph outside tables, as ``descendant::w:p[not(ancestor::
    w:tbl)]`` does: those in text boxes and in Markup Compatibility fallbacks too."""
    from lxml import etree

    boxed = (
        "<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>ô 1</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>ô 2</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>"
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
        '2006"><mc:Fallback><w:p/><w:p/></mc:Fallback></mc:AlternateContent>'
        "<w:p/><w:p><w:r><w:t>Đoạn lạc.</w:t></w:r></w:p>"
    )
    data = _flooded(_filled(), boxed, 1)
    result = reader_module.read_docx(data, "boxed.docx")
    stray = [f for f in result.findings if "Đoạn lạc." in f.message_vi]
    (finding,) = stray
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read(DOCUMENT))
    paragraphs = root.xpath("descendant::w:p[not(ancestor::w:tbl)]", namespaces={"w": W_NS})
    texts = ["".join(p.itertext()) for p in paragraphs]
    assert finding.location == f"paragraph {texts.index('Đoạn lạc.') + 1}"
