"""Benchmark: reading hostile DOCX files, each small on disk but as large inside as the caps allow.

The review's file: 48 KB, 200,000 short paragraphs outside the answer areas (it printed 200,000
D001 lines). The other shapes fill the main part up to the per-part cap
(``sokets.docx.reader.MAX_MEMBER_BYTES``, 8 MiB uncompressed; every file stays far under the
5 MiB input cap): empty paragraphs, short ones, ones with tabs (the slower text path), a flood
inside one answer area, table rows, unknown content controls, empty elements. Each is read with
``read_docx`` in-process (best of ``--repeat`` runs, warm) and once in a fresh process for the
peak resident memory (``VmHWM``, imports included).

Target: every read under 2 s and 300 MB. Exit status 1 when one is missed.

    .venv/bin/python bench/docx_hostile.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0
TARGET_MB = 300
MAIN = "word/document.xml"
_P = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"

#: (label, XML repeated, where: "end" of the body or inside the first answer "area", count;
#: None fills the main part up to the cap).
SHAPES: tuple[tuple[str, str, str, int | None], ...] = (
    ("200,000 short paragraphs (the review's file)", _P, "end", 200_000),
    ("empty paragraphs, to the cap", "<w:p/>", "end", None),
    ("short paragraphs, to the cap", _P, "end", None),
    (
        "paragraphs with a tab, to the cap",
        "<w:p><w:r><w:tab/><w:t>x</w:t></w:r></w:p>",
        "end",
        None,
    ),
    ("paragraphs inside one answer area, to the cap", _P, "area", None),
    ("paragraphs where an area was deleted, to the cap", _P, "gone", None),
    ("table rows, to the cap", f"<w:tr><w:tc>{_P}</w:tc></w:tr>", "table", None),
    (
        "unknown content controls, to the cap",
        '<w:sdt><w:sdtPr><w:tag w:val="sokets:item:Z"/></w:sdtPr><w:sdtContent><w:p/>'
        "</w:sdtContent></w:sdt>",
        "end",
        None,
    ),
    (
        "paragraphs with an inline control, to the cap",
        "<w:p><w:sdt><w:sdtContent><w:r><w:t>x</w:t></w:r></w:sdtContent></w:sdt></w:p>",
        "end",
        None,
    ),
    ("empty elements, to the cap", '<w:bookmarkEnd w:id="1"/>', "end", None),
)

_MEMORY = """
import sys
from sokets.docx.reader import read_docx
from sokets.errors import SoketsError
data = open(sys.argv[1], "rb").read()
try:
    read_docx(data, "hostile.docx")
except SoketsError:
    pass
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(int(status.split()[0]) // 1024)
"""


def filled_outline() -> bytes:
    """The outline of Sở TT&TT with its header and signer filled in, as Word would."""
    sys.path.insert(0, str(ROOT))
    from tests.docx_support import open_docx, save, set_field

    from sokets.docx.outline import render_outline
    from sokets.units import get_registry

    document = open_docx(render_outline(get_registry().get("SO-TTTT")))
    set_field(document, "report_number", "245/BC-STTTT")
    set_field(document, "report_date", "ngày 14 tháng 8 năm 2023", full_date="2023-08-14")
    set_field(document, "signer_title", "GIÁM ĐỐC")
    set_field(document, "signer_name", "Trần Quốc Hưng")
    return bytes(save(document))


def hostile(base: bytes, unit: str, where: str, count: int | None, cap: int) -> bytes:
    """``base`` with ``unit`` repeated ``count`` times (or up to ``cap`` bytes) at ``where``:
    the end of the body (``end``, in one table for ``table``), inside the answer area of A.I
    (``area``) or in its place once it is deleted (``gone``)."""
    from lxml import etree  # type: ignore[import-untyped]

    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    root = etree.fromstring(members[MAIN])
    body = root[0]
    marker = etree.Comment("FLOOD")
    if where in ("area", "gone"):
        (area,) = root.xpath(
            '//w:sdt[w:sdtPr/w:tag/@w:val="sokets:item:A.I"]', namespaces={"w": body.nsmap["w"]}
        )
        if where == "area":
            area[-1].insert(0, marker)
        else:
            area.addprevious(marker)
            area.getparent().remove(area)
    else:
        body[-1].addprevious(marker)  # before the section properties
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    prefix, suffix = (b"<w:tbl>", b"</w:tbl>") if where == "table" else (b"", b"")
    room = cap - len(xml) - len(prefix) - len(suffix) - 1024
    times = count if count is not None else room // len(unit.encode("utf-8"))
    flood = prefix + unit.encode("utf-8") * times + suffix
    members[MAIN] = xml.replace(b"<!--FLOOD-->", flood)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from sokets.docx.reader import MAX_MEMBER_BYTES, read_docx
    from sokets.errors import SoketsError

    base = filled_outline()
    ok = True
    print(f"{'shape':<50} {'file':>8} {'main part':>10} {'read':>7} {'peak':>7}  findings")
    with tempfile.TemporaryDirectory() as folder:
        for label, unit, where, count in SHAPES:
            data = hostile(base, unit, where, count, MAX_MEMBER_BYTES)
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                size = archive.getinfo(MAIN).file_size
            outcome = ""
            best = float("inf")
            for _ in range(max(1, args.repeat)):
                start = time.perf_counter()
                try:
                    result = read_docx(data, "hostile.docx")
                    kept, omitted = len(result.findings), sum(result.omitted.values())
                    outcome = f"{kept} listed, {omitted:,} counted"
                except SoketsError as exc:
                    omitted = sum(getattr(exc, "omitted", {}).values())
                    outcome = f"{type(exc).__name__}, {omitted:,} counted"
                best = min(best, time.perf_counter() - start)
            path = Path(folder, "hostile.docx")
            path.write_bytes(data)
            peak = int(
                subprocess.run(
                    [sys.executable, "-c", _MEMORY, str(path)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            ok &= best < TARGET_S and peak < TARGET_MB
            print(
                f"{label:<50} {len(data) // 1024:>5} KB {size / 2**20:>6.1f} MiB "
                f"{best:>5.2f} s {peak:>4} MB  {outcome}"
            )
    verdict = "ĐẠT / PASS" if ok else "KHÔNG ĐẠT / FAIL"
    print(f"target: each under {TARGET_S:.0f} s and {TARGET_MB} MB — {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
