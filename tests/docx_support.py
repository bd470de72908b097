"""Reading DOCX files back in tests, independently of sokets' own reader (python-docx and XPath).

Also: filling a blank outline the way a person does in Word (typing over a hint, adding
paragraphs, bold text and tables inside an answer area).
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable, Iterator
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


def type_over_hint(document: Any, area: Any, *texts: str, bold: str = "") -> list[Paragraph]:
    """Type in an answer area as Word does: the hint disappears, the text replaces it.

    The first text goes where the hint was, the others in new paragraphs after it (pressing
    Enter); ``bold`` is added as a bold run at the end of the last paragraph.
    """
    hint = area.find(f".//{qn('w:sdt')}")
    props = hint.find(qn("w:sdtPr"))
    flag = props.find(qn("w:showingPlcHdr"))
    if flag is not None:
        props.remove(flag)
    first = hint.find(f"{qn('w:sdtContent')}/{qn('w:p')}")
    paragraph = Paragraph(first, None)
    for run in list(first.iter(qn("w:r"))):
        run.getparent().remove(run)
    paragraph.add_run(texts[0])
    added = [paragraph]
    for text in texts[1:]:
        new = copy.deepcopy(added[-1]._p)
        added[-1]._p.addnext(new)
        p = Paragraph(new, None)
        for run in list(new.iter(qn("w:r"))):
            run.getparent().remove(run)
        p.add_run(text)
        added.append(p)
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


def set_field(document: Any, name: str, text: str, *, full_date: str | None = None) -> None:
    """Fill a header field's content control (inline or block) with ``text``."""
    sdt = control(document, f"sokets:field:{name}")
    props = sdt.find(qn("w:sdtPr"))
    flag = props.find(qn("w:showingPlcHdr"))
    if flag is not None:
        props.remove(flag)
    if full_date is not None:
        props.find(qn("w:date")).set(qn("w:fullDate"), f"{full_date}T00:00:00Z")
    body = content(sdt)
    runs = list(body.iter(qn("w:r")))
    if body.find(qn("w:p")) is None and body.find(qn("w:sdt")) is None:  # inline control
        for run in runs[1:]:
            run.getparent().remove(run)
        for t in runs[0].findall(qn("w:t")):
            runs[0].remove(t)
        t = runs[0].makeelement(qn("w:t"), {})
        t.text = text
        runs[0].append(t)
        return
    for child in list(body):
        body.remove(child)
    for line in text.split("\n"):
        p = body.makeelement(qn("w:p"), {})
        body.append(p)
        Paragraph(p, None).add_run(line)


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
