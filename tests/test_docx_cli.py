"""``sokets render``, ``sokets outline`` and ``sokets import`` of DOCX (issue 5, deliverable 4).

Exit codes: 0 written, 1 an invalid report (with its problems, nothing written), 2 unreadable
input or bad arguments. Output is written atomically: a failed run leaves no file behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from sokets.cli.main import main
from tests.conftest import EXAMPLES
from tests.docx_support import body_text, open_docx, save, set_field


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_render_writes_the_report(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "bao-cao.docx"
    code, out, err = _run(
        capsysbinary,
        "render",
        str(EXAMPLES / "so-tttt-pl01.json"),
        "--to",
        "docx",
        "-o",
        str(target),
    )
    assert (code, err) == (0, "")
    assert out.strip() == str(target)
    document = open_docx(target.read_bytes())
    assert document.core_properties.author == "Sở Thông tin và Truyền thông"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


def test_render_defaults_to_the_reports_name(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "xa.json"
    source.write_bytes((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    code, out, _ = _run(capsysbinary, "render", str(source))
    assert code == 0
    assert (tmp_path / "xa-bao-cao.docx").is_file()
    assert out.strip() == str(tmp_path / "xa-bao-cao.docx")


def test_render_never_overwrites_its_input(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "filled.docx"
    source.write_bytes(b"a filled outline")
    code, _, err = _run(capsysbinary, "render", str(source), "-o", str(source))
    assert code == 2
    assert "overwrite the input" in err
    assert source.read_bytes() == b"a filled outline"


def test_outline_keeps_an_existing_default_file_unless_forced(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    filled = tmp_path / "SO-YT-de-cuong.docx"
    filled.write_bytes(b"already filled in")
    code, _, err = _run(capsysbinary, "outline", "SO-YT")
    assert code == 2
    assert "--force" in err
    assert filled.read_bytes() == b"already filled in"
    code, _, _ = _run(capsysbinary, "outline", "SO-YT", "--force")
    assert code == 0
    assert filled.read_bytes() != b"already filled in"


def test_output_to_a_folder_is_a_clear_error(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, _, err = _run(capsysbinary, "outline", "SO-YT", "-o", str(tmp_path))
    assert code == 2
    assert "is a folder" in err and len(err.strip().splitlines()) == 1


def test_an_invalid_report_exits_1_with_its_problems(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    report = json.loads((EXAMPLES / "so-tttt-pl01.json").read_text(encoding="utf-8"))
    del report["answers"]["A_II_6_b1"]
    source = tmp_path / "thieu.json"
    source.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.docx"
    code, out, err = _run(capsysbinary, "render", str(source), "-o", str(target))
    assert code == 1
    assert "/answers/A_II_6_b1" in err
    assert out == ""
    assert not target.exists()


def test_a_report_with_rule_errors_is_not_rendered_unless_asked(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    report = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_text(encoding="utf-8"))
    report["answers"]["m3_a_b7"]["indicators"]["officials_trained"] = {
        "numerator": 30,
        "denominator": 20,
    }
    source = tmp_path / "sai.json"
    source.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.docx"
    code, _, err = _run(capsysbinary, "render", str(source), "-o", str(target))
    assert code == 1
    assert " error " in err
    assert "/answers/m3_a_b7" in err
    assert not target.exists()
    code, _, _ = _run(capsysbinary, "render", str(source), "-o", str(target), "--allow-errors")
    assert code == 0
    assert target.is_file()


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"{not json", (), "JSON"),
        (b'{"header": {"form": "PL09", "version": "1.0.0"}}', (), "PL09"),
        (None, ("--to", "pdf"), "pdf"),
    ],
)
def test_unreadable_input_or_unknown_format_exits_2(
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    content: bytes | None,
    args: tuple[str, ...],
    message: str,
) -> None:
    source = tmp_path / "r.json"
    source.write_bytes(
        content if content is not None else (EXAMPLES / "so-yt-pl01.json").read_bytes()
    )
    code, _, err = _run(capsysbinary, "render", str(source), "-o", str(tmp_path / "o.docx"), *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o.docx").exists()


def test_a_missing_output_folder_exits_2_and_leaves_nothing(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "missing" / "o.docx"
    code, _, err = _run(
        capsysbinary, "render", str(EXAMPLES / "so-yt-pl01.json"), "-o", str(target)
    )
    assert code == 2
    assert "missing" in err
    assert list(tmp_path.iterdir()) == []


def test_outline_by_name_and_code(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "vinh.docx"
    code, out, _ = _run(capsysbinary, "outline", "TP Vinh", "--to", "docx", "-o", str(target))
    assert code == 0
    assert out.strip() == str(target)
    text = body_text(open_docx(target.read_bytes()))
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ VINH" in text
    code, _, _ = _run(capsysbinary, "outline", "412", "-o", str(tmp_path / "412.docx"))
    assert code == 0
    assert body_text(open_docx((tmp_path / "412.docx").read_bytes())) == text


@pytest.mark.parametrize(
    ("unit", "message"), [("TT-CNTT", "SO-TTTT"), ("Không có", "không tìm thấy")]
)
def test_outline_of_a_unit_without_one_exits_2(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], unit: str, message: str
) -> None:
    code, _, err = _run(capsysbinary, "outline", unit, "-o", str(tmp_path / "x.docx"))
    assert code == 2
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_import_reads_a_filled_outline_and_reports_what_it_cannot_place(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    blank = tmp_path / "de-cuong.docx"
    assert _run(capsysbinary, "outline", "16705", "-o", str(blank))[0] == 0
    document = open_docx(blank.read_bytes())
    set_field(document, "report_number", "52/BC-UBND")
    set_field(document, "report_date", "ngày 14 tháng 8 năm 2023")
    set_field(document, "signer_name", "Nguyễn Văn B")
    filled = tmp_path / "da-dien.docx"
    filled.write_bytes(save(document))
    code, out, err = _run(capsysbinary, "import", str(filled))
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["header"]["signer"] == {
        "authority": ["TM. ỦY BAN NHÂN DÂN"],
        "title": "CHỦ TỊCH",
        "name": "Nguyễn Văn B",
    }

    body = document.element.body
    paragraph = body.makeelement(qn("w:p"), {})
    run = paragraph.makeelement(qn("w:r"), {})
    text = run.makeelement(qn("w:t"), {})
    text.text = "Dòng cuối lạc chỗ"
    run.append(text)
    paragraph.append(run)
    body.find(qn("w:sectPr")).addprevious(paragraph)
    filled.write_bytes(save(document))
    code, out, err = _run(capsysbinary, "import", str(filled), "-o", str(tmp_path / "r.json"))
    assert code == 1
    assert f"{filled}:paragraph " in err and "D001" in err and "Dòng cuối lạc chỗ" in err
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["header"]["form"] == "PL04"


def test_docx_code_loads_only_when_used() -> None:
    code = (
        "import sys, sokets.render, sokets.inputs, sokets.docx, sokets.docx.markers, "
        "sokets.docx.formats, sokets.cli.render, sokets.cli.outline; "
        "print(sorted(m for m in ('docx', 'lxml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
