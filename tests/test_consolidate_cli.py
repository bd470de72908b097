"""``sokets consolidate`` (issue 10, deliverable 4 and 6): outputs, exit codes, the district's draft."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sokets.cli.main import main
from sokets.consolidation.collect import load_consolidation
from sokets.units import get_registry
from sokets.validation import validate_path
from tests.conftest import EXAMPLES
from tests.test_consolidation import commune, communes_of, write

CON_CUONG = "Huyện Con Cuông"


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_text_is_the_default_and_says_who_is_missing(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, out, err = _run(capsysbinary, "consolidate", str(EXAMPLES), "--as-of", "25/8/2023")
    assert code == 0, err
    assert "Tính đến ngày 25/8/2023" in out and "Tổng cộng" in out
    assert "Chưa nhận / not received: 502" in out
    assert "Sở Nội vụ" in out


def test_json_is_the_consolidation_document(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(
        capsysbinary, "consolidate", str(EXAMPLES), "--to", "json", "--as-of", "2023-08-25"
    )
    assert code == 0
    document = load_consolidation(out.encode())
    assert document.header.form == "CONSOLIDATION" and len(document.units) == 506
    assert len(document.files) == 4 and len(document.reports) == 4


def test_exit_codes_say_unreadable_then_errors(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    codes = communes_of(CON_CUONG)
    write(tmp_path, "good.json", commune(codes[0]))
    args = ("consolidate", str(tmp_path), "--district", CON_CUONG, "--as-of", "2023-09-01")
    assert _run(capsysbinary, *args)[0] == 0
    bad = commune(codes[1])
    bad["answers"]["m3_a_b7"]["indicators"]["officials_trained"]["numerator"] = 99
    write(tmp_path, "bad.json", bad)
    code, _, err = _run(capsysbinary, *args)
    assert code == 1 and "bad.json: 1 lỗi / errors" in err
    write(tmp_path, "broken.json", "{")
    code, _, err = _run(capsysbinary, *args)
    assert code == 2 and "broken.json" in err and "malformed JSON" in err


def test_bad_arguments_exit_2(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert _run(capsysbinary, "consolidate", str(EXAMPLES), "--as-of", "tomorrow")[0] == 2
    assert _run(capsysbinary, "consolidate", str(EXAMPLES), "--district", "SO-YT")[0] == 2
    code, _, err = _run(
        capsysbinary, "consolidate", str(EXAMPLES), "--draft-report", str(tmp_path / "d.json")
    )
    assert code == 2 and "--district" in err
    code, _, err = _run(
        capsysbinary, "consolidate", str(EXAMPLES), "--to", "json", "-o", str(tmp_path / "x.xlsx")
    )
    assert code == 2 and "must end in .json" in err


def test_an_output_never_overwrites_an_input(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = write(tmp_path, "a.json", commune("16705"))
    before = source.read_bytes()
    code, _, err = _run(capsysbinary, "consolidate", str(source), "--to", "json", "-o", str(source))
    assert code == 2 and "overwrite the input" in err
    assert source.read_bytes() == before


@pytest.mark.parametrize("suffix", [".json", ".docx", ".xlsx"])
def test_the_district_draft_is_a_pl01_report_but_for_what_is_left_to_write(
    suffix: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    codes = communes_of(CON_CUONG)
    for n, code in enumerate(codes[:10]):
        write(tmp_path, f"{code}.json", commune(code, teams=n % 3, online=(n, 40)))
    draft = tmp_path.parent / f"{tmp_path.name}-draft{suffix}"
    code, out, err = _run(
        capsysbinary,
        "consolidate",
        str(tmp_path),
        "--district",
        CON_CUONG,
        "--as-of",
        "2023-08-18",
        "--draft-report",
        str(draft),
    )
    assert code == 0, err
    assert str(draft) in out
    report = validate_path(draft)
    assert report.unit_code == get_registry().lookup(CON_CUONG).code
    # empty answers, no report number nor signer's name (in a workbook or a document: empty
    # required cells and fields), no Phụ lục 02 and 03
    empty_fields = {".xlsx": {"T002"}, ".docx": {"D014"}}.get(suffix, set())
    left_to_write = {"R005", "R006", "R013", "R014"} | empty_fields
    assert {f.code for f in report.findings} <= left_to_write, report.findings


def test_the_draft_fills_the_teams_from_the_communes(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    codes = communes_of(CON_CUONG)
    for n, code in enumerate(codes[:4]):
        write(tmp_path, f"{code}.json", commune(code, teams=n))  # 0, 1, 2, 3 teams
    draft = tmp_path.parent / f"{tmp_path.name}-draft.json"
    assert (
        main(
            ["consolidate", str(tmp_path), "--district", CON_CUONG, "--as-of", "2023-08-18",
             "--draft-report", str(draft)]
        )
        == 0
    )  # fmt: skip
    answer = json.loads(draft.read_bytes())["answers"]["A_II_3_b6"]
    assert answer["indicators"]["commune_teams"] == 6
    assert answer["indicators"]["communes_with_teams"] == {
        "numerator": 3,
        "denominator": 13,
        "percent": 23.1,
    }
    assert "4/13 xã" in answer["results"] and "Còn 9 xã" in answer["results"]
    figures = json.loads(draft.read_bytes())["answers"]["A_II_3_b3"]["figures"]
    assert figures and figures[0]["unit"] == "%"


# -- the review report (issue 11) -----------------------------------------------------------------


def test_docx_and_charts_from_the_command_line(tmp_path: Path) -> None:
    """As a user runs it: a process of its own, drawing the charts in the background."""
    import subprocess
    import sys

    from tests.docx_support import open_docx, text_of

    out, charts = tmp_path / "bao-cao.docx", tmp_path / "bieu-do"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "sokets", "consolidate", str(EXAMPLES), "--as-of", "25/8/2023"),
            *("--to", "docx", "-o", str(out), "--charts", str(charts), "--signer", "Lê Văn B"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    written = done.stdout.splitlines()
    assert written[0] == str(out)
    assert sorted(Path(p).name for p in written[1:]) == sorted(p.name for p in charts.iterdir())
    assert {p.suffix for p in charts.iterdir()} == {".png", ".svg"}
    document = open_docx(out.read_bytes())
    text = "\n".join(text_of(p) for p in document.element.body.iter())
    assert "Lê Văn B" in text and "Bùi Đình Long" not in text
    assert len(list(document.inline_shapes)) >= 3


def test_html_goes_to_the_default_file_and_is_never_overwritten_silently(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ("consolidate", str(EXAMPLES), "--as-of", "25/8/2023", "--to", "html")
    code, out, err = _run(capsysbinary, *args)
    assert code == 0, err
    assert out.strip() == "tong-hop-tinh.html"
    assert (tmp_path / "tong-hop-tinh.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    code, _, err = _run(capsysbinary, *args)
    assert code == 2 and "--force" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--to", "html", "--issuer", "SO-TTTT"), "only with --to docx"),
        (("--to", "xlsx", "--signer", "A"), "only with --to docx"),
        (("--to", "docx", "--issuer", "Sở Không Có"), "Sở Không Có"),
        (
            (
                "--to",
                "pdf",
            ),
            "unknown format",
        ),
    ],
)
def test_review_options_are_checked_before_any_work(
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    extra: tuple[str, ...],
    message: str,
) -> None:
    code, _, err = _run(
        capsysbinary, "consolidate", str(EXAMPLES), "-o", str(tmp_path / "x"), *extra
    )
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1, err
    assert not list(tmp_path.iterdir())


def test_charts_needs_a_folder(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    taken = tmp_path / "a-file"
    taken.write_text("x")
    code, _, err = _run(capsysbinary, "consolidate", str(EXAMPLES), "--charts", str(taken))
    assert code == 2 and "a-file" in err and "folder" in err


def test_charts_without_matplotlib_says_how_to_install_it(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sokets.review import charts

    monkeypatch.setattr(charts, "available", lambda: False)
    code, _, err = _run(capsysbinary, "consolidate", str(EXAMPLES), "--charts", str(tmp_path / "c"))
    assert code == 2 and "pip install 'sokets[charts]'" in err
    assert not (tmp_path / "c").exists()
