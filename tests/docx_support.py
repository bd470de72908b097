"""Reading DOCX files back in tests, independently of sokets' own reader (python-docx and XPath).

Also: filling a blank outline the way a person does in Word (typing over a hint, adding
paragraphs, bold text and tables inside an answer area).
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """White space runs made one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


def open_docx(data: bytes) -> Any:
    """A python-docx Document of ``data``."""
    return docx.Document(io.BytesIO(data))


def save(document: Any) -> bytes:
    """A python-docx Document as bytes."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def text_of(element: Any) -> str:
    """Text under ``element``: w:t, tabs and breaks, in order (deleted text has no w:t)."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            if node.getparent().tag == qn("w:r"):
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def body_paragraphs(document: Any) -> list[Any]:
    """Every w:p of the body in document order (in tables and content controls too)."""
    return list(document.element.body.iter(qn("w:p")))


def body_text(document: Any) -> str:
    """The body's paragraphs, each squashed, joined by newlines."""
    return "\n".join(squash(text_of(p)) for p in body_paragraphs(document))


def missing_in_order(text: str, fragments: list[str]) -> list[str]:
    """The fragments not found in ``text`` one after the other (empty list: all found in order)."""
    missing = []
    position = 0
    for fragment in fragments:
        if not fragment:
            continue
        found = text.find(fragment, position)
        if found < 0:
            missing.append(fragment)
        else:
            position = found + len(fragment)
    return missing


def controls(document: Any, tag: str) -> list[Any]:
    """The content controls whose tag is ``tag``."""
    return document.element.body.xpath(f'.//w:sdt[w:sdtPr/w:tag/@w:val="{tag}"]')


def control(document: Any, tag: str) -> Any:
    """The one content control tagged ``tag``."""
    (found,) = controls(document, tag)
    return found


def content(sdt: Any) -> Any:
    """The content element of a content control."""
    return sdt.find(qn("w:sdtContent"))


def tables_in(element: Any) -> list[Table]:
    """python-docx tables under ``element`` (outermost only)."""
    return [
        Table(t, None)
        for t in element.iter(qn("w:tbl"))
        if not any(a.tag == qn("w:tbl") for a in t.iterancestors())
    ]


def _new_run(parent: Any, text: str, rpr: Any) -> Any:
    run = parent.makeelement(qn("w:r"), {})
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    for n, line in enumerate(text.split("\n")):
        if n:
            run.append(run.makeelement(qn("w:br"), {}))
        t = run.makeelement(qn("w:t"), {})
        t.text = line
        if line != line.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
    return run


def type_in_control(
    sdt: Any, text: str, *, keep_flag: bool = False, keep_style: bool = False
) -> list[Any]:
    """Type ``text`` into a content control the way Word does; returns the paragraphs typed.

    Word keeps the control (``w:sdt``): a click selects its whole content (the grey hint, or the
    text already there) and typing replaces it. The control leaves its placeholder state (Word
    removes ``w:showingPlcHdr``; ``keep_flag`` leaves it, as editors that do not know the flag
    do). The typed text gets the control's own run properties (``w:sdtPr/w:rPr``), not the
    hint's (ECMA-376 17.5.2.27); ``keep_style`` keeps the hint run's properties instead (its
    ``PlaceholderText`` style and grey colour), as happens when typing inside the hint. In a
    block control each line of ``text`` is a paragraph (Enter); the first keeps the paragraph
    properties of the first paragraph there, the others copy them. A block control holding a
    hint control (``sokets:placeholder``) is typed into through it, as the cursor lands there.
    """
    props = sdt.find(qn("w:sdtPr"))
    flag = props.find(qn("w:showingPlcHdr"))
    if flag is not None and not keep_flag:
        props.remove(flag)
    body = sdt.find(qn("w:sdtContent"))
    first_run = next(body.iter(qn("w:r")), None)
    if keep_style and first_run is not None:
        rpr = first_run.find(qn("w:rPr"))
    else:
        rpr = props.find(qn("w:rPr"))
    blocks = [c for c in body if c.tag in (qn("w:p"), qn("w:sdt"), qn("w:tbl"))]
    if not blocks:  # an inline control: its runs are replaced by one run
        for child in list(body):
            body.remove(child)
        body.append(_new_run(body, text, rpr))
        return [body.getparent().getparent()]
    if len(blocks) == 1 and blocks[0].tag == qn("w:sdt"):
        return type_in_control(blocks[0], text, keep_flag=keep_flag, keep_style=keep_style)
    first = next(body.iter(qn("w:p")))
    ppr = first.find(qn("w:pPr"))
    for child in list(body):
        body.remove(child)
    typed = []
    for line in text.split("\n"):
        p = body.makeelement(qn("w:p"), {})
        if ppr is not None:
            p.append(copy.deepcopy(ppr))
        if line:
            p.append(_new_run(p, line, rpr))
        body.append(p)
        typed.append(p)
    return typed


def type_over_hint(
    document: Any,
    area: Any,
    *texts: str,
    bold: str = "",
    keep_flag: bool = False,
    keep_style: bool = False,
) -> list[Paragraph]:
    """Type in an answer area as Word does: the hint disappears, the text replaces it.

    The first text goes where the hint was, the others in new paragraphs after it (pressing
    Enter), all inside the hint's control, which Word keeps (see :func:`type_in_control` for
    ``keep_flag`` and ``keep_style``); ``bold`` is added as a bold run at the end of the last
    paragraph.
    """
    hint = area.find(f".//{qn('w:sdt')}")
    typed = type_in_control(hint, "\n".join(texts), keep_flag=keep_flag, keep_style=keep_style)
    added = [Paragraph(p, None) for p in typed]
    if bold:
        run = added[-1].add_run(bold)
        run.bold = True
    return added


def insert_table(document: Any, after: Any, rows: list[list[str]]) -> Table:
    """A new bordered table filled with ``rows``, placed right after element ``after``."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    after.addnext(table._tbl)
    return table


def set_field(
    document: Any,
    name: str,
    text: str,
    *,
    full_date: str | None = None,
    keep_flag: bool = False,
    keep_style: bool = False,
) -> None:
    """Fill a header field's content control (inline or block) as Word does.

    See :func:`type_in_control`; ``full_date`` is what Word's date picker stores.
    """
    sdt = control(document, f"sokets:field:{name}")
    if full_date is not None:
        sdt.find(f"{qn('w:sdtPr')}/{qn('w:date')}").set(qn("w:fullDate"), f"{full_date}T00:00:00Z")
    type_in_control(sdt, text, keep_flag=keep_flag, keep_style=keep_style)


def rewrite_member(data: bytes, name: str, change: Callable[[str], str | None]) -> bytes:
    """The DOCX ``data`` with zip member ``name`` changed (``None``: left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename == name:
                changed = change(payload.decode("utf-8"))
                if changed is None:
                    continue
                payload = changed.encode("utf-8")
            target.writestr(info, payload)
    return out.getvalue()


def iter_rows(table: Table) -> Iterator[list[str]]:
    """A table's rows as lists of cell texts (walking ``row.cells``)."""
    for row in table.rows:
        yield [squash(text_of(cell._tc)) for cell in row.cells]


def libreoffice_all(
    documents: dict[str, bytes], tmp_path: Path, to: str = "docx:MS Word 2007 XML"
) -> dict[str, bytes]:
    """Each DOCX of ``documents`` (by name) opened by LibreOffice and saved as ``to``.

    One headless LibreOffice run with its own profile converts them all.
    """
    soffice = shutil.which("soffice")
    assert soffice is not None
    source = tmp_path / "in"
    source.mkdir(parents=True, exist_ok=True)
    for name, data in documents.items():
        (source / f"{name}.docx").write_bytes(data)
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *(str(source / f"{name}.docx") for name in documents),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    suffix = "." + to.split(":")[0]
    return {name: (out / f"{name}{suffix}").read_bytes() for name in documents}


def libreoffice(data: bytes, tmp_path: Path, to: str = "docx:MS Word 2007 XML") -> bytes:
    """``data`` (a DOCX) opened by LibreOffice and saved as ``to`` (headless, its own profile)."""
    return libreoffice_all({"document": data}, tmp_path, to)["document"]


def pdf_lines(pdf: bytes, tmp_path: Path) -> list[tuple[int, str, bool, bool]]:
    """The text lines of a PDF as (page, text, bold, italic), from poppler's ``pdftohtml -xml``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftohtml", "-xml", "-i", "-q", "-enc", "UTF-8", str(source), str(tmp_path / "pages")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    import xml.etree.ElementTree as ET

    root = ET.parse(tmp_path / "pages.xml").getroot()
    lines = []
    for page in root.iter("page"):
        number = int(page.get("number", "0"))
        for text in page.iter("text"):
            content = squash("".join(text.itertext()))
            bold = text.find(".//b") is not None
            italic = text.find(".//i") is not None
            if content:
                lines.append((number, content, bold, italic))
    return lines
