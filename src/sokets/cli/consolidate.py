"""``sokets consolidate``: a folder of reports to the district's or the province's consolidation."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import add_quiet


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "consolidate",
        help="tổng hợp báo cáo của tỉnh hoặc một huyện / consolidate reports",
        description=(
            "Tổng hợp các báo cáo (tệp JSON, XLSX, DOCX, thư mục, bản tổng hợp của huyện): sổ theo "
            "dõi (đúng hạn, trễ hạn, có lỗi, chưa nhận), tỷ lệ báo cáo, Phụ lục 02, 03 và đề cương "
            "tổng hợp, chỉ số cộng dồn theo huyện. Mã thoát: 0 được, 1 có báo cáo lỗi, 2 có tệp "
            "không đọc được hoặc sai tham số. / Consolidate reports: register, reporting rates, "
            "what the reports say put together, indicators rolled up. Exit 0, 1 a report has "
            "errors, 2 an input cannot be read or bad arguments."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục / file or folder"
    )
    parser.add_argument(
        "--district",
        metavar="CODE",
        help="tổng hợp các xã của một huyện (mã hoặc tên) thay vì cả tỉnh / one district's communes",
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="tổng hợp đến ngày (mặc định: hôm nay); báo cáo gửi sau ngày này không tính / "
        "the date the consolidation stands at",
    )
    parser.add_argument(
        "--deadline",
        metavar="DATE",
        help="hạn gửi báo cáo (mặc định: 20/8/2023 theo Kế hoạch) / the deadline",
    )
    parser.add_argument(
        "--expected",
        metavar="FILE",
        help="danh sách đơn vị phải báo cáo, mỗi dòng một đơn vị; +/- để thêm, bớt / the units "
        "expected, one per line",
    )
    parser.add_argument(
        "--received",
        metavar="FILE",
        help="sổ nhận báo cáo của văn thư (CSV: unit, received) / the register of receipts",
    )
    parser.add_argument(
        "--include-invalid",
        action="store_true",
        help="tính cả báo cáo có lỗi vào số liệu / count reports with errors in the figures",
    )
    parser.add_argument(
        "--to",
        default="text",
        metavar="FORMAT",
        help="định dạng: text (mặc định), json, xlsx, docx (dự thảo báo cáo sơ kết), html (trang "
        "tổng quan) / output format: text, json, xlsx, docx (the draft review report), html (the "
        "one-page overview)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="tệp ghi ra (mặc định: màn hình cho text và json; tong-hop-PHẠM-VI.xlsx) / output",
    )
    parser.add_argument(
        "--draft-report",
        metavar="OUT",
        help="với --district: dự thảo báo cáo Phụ lục 01 của huyện (.json, .docx, .xlsx) / a "
        "draft of the district's own report",
    )
    parser.add_argument(
        "--charts",
        metavar="DIR",
        help="ghi các biểu đồ ra thư mục (PNG và SVG; cần sokets[charts]) / write the charts "
        "as PNG and SVG files (needs sokets[charts])",
    )
    review = parser.add_argument_group(
        "dự thảo báo cáo sơ kết (--to docx) / the draft review report",
        "Mặc định: UBND tỉnh Nghệ An và người ký như Kế hoạch 403/KH-UBND; với --district: UBND "
        "cấp huyện, người ký để trống. / Defaults: UBND tỉnh and plan 403's signer; with "
        "--district, the district and a blank signer.",
    )
    review.add_argument(
        "--issuer",
        metavar="UNIT",
        help="cơ quan ban hành (mã hoặc tên đơn vị) / the issuing unit (code or name)",
    )
    review.add_argument("--signer", metavar="NAME", help="họ và tên người ký / signer's name")
    review.add_argument("--signer-title", metavar="TITLE", help="chức vụ người ký / signer's title")
    review.add_argument(
        "--signer-authority",
        metavar="LINES",
        help='thẩm quyền ký, các dòng cách nhau bởi "|", ví dụ "TM. ỦY BAN NHÂN DÂN|KT. CHỦ '
        'TỊCH" / authority lines, separated by "|"',
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="ghi đè tệp mặc định đã có / overwrite the default output file",
    )
    add_quiet(parser)
    parser.set_defaults(handler=handle)


#: What a district's draft report can be written as (by its file name).
DRAFT_SUFFIXES = (".json", ".docx", ".xlsx")


def _day(text: str | None, option: str) -> Any:
    from sokets.consolidation.collect import parse_day
    from sokets.errors import InputError

    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError:
        raise InputError(
            f"ngày không đọc được {text!r} (cần 2023-08-20 hoặc 20/8/2023) / unreadable date",
            source=option,
        ) from None


def handle(args: argparse.Namespace) -> int:
    """Consolidate; write the output; exit with the worst outcome among the inputs."""
    import gc
    import sys
    from pathlib import Path

    from sokets._workers import cores
    from sokets.cli._output import warn
    from sokets.cli.main import EXIT_INVALID, EXIT_OK, EXIT_USAGE
    from sokets.consolidation import FileRole, consolidate
    from sokets.errors import OutputError
    from sokets.outputs import check_output, write_atomic
    from sokets.render import consolidation_renderer

    if args.draft_report and not args.district:
        warn("sokets: --draft-report cần --district / needs --district")
        return EXIT_USAGE
    review = {
        "issuer": args.issuer,
        "signer_name": args.signer,
        "signer_title": args.signer_title,
        "signer_authority": args.signer_authority,
    }
    if args.to != "docx" and any(v is not None for v in review.values()):
        warn("sokets: --issuer, --signer… chỉ dùng với --to docx / only with --to docx")
        return EXIT_USAGE
    if args.charts:
        from sokets.review.charts import INSTALL_HINT
        from sokets.review.charts import available as charts_available

        if not charts_available():
            warn(f"sokets: --charts: {INSTALL_HINT}")
            return EXIT_USAGE
    if args.charts and Path(args.charts).exists() and not Path(args.charts).is_dir():
        raise OutputError("--charts cần một thư mục / needs a folder", source=args.charts)
    renderer = consolidation_renderer(args.to, **(review if args.to == "docx" else {}))
    output: Path | None = None
    if args.output:
        output = check_output(args.output, suffix=renderer.suffix, inputs=args.paths)
    elif args.to not in ("text", "json"):
        scope = args.district or "tinh"
        output = check_output(
            f"tong-hop-{scope}{renderer.suffix}", suffix=renderer.suffix, inputs=args.paths
        )
        if output.exists() and not args.force:
            raise OutputError(
                "tệp đã có; dùng -o để chọn tên khác hoặc --force để ghi đè / file exists: use "
                "-o or --force",
                source=str(output),
            )
    draft: Path | None = None
    if args.draft_report:
        draft = Path(args.draft_report)
        suffix = draft.suffix.lower() if draft.suffix.lower() in DRAFT_SUFFIXES else ".json"
        check_output(draft, suffix=suffix, inputs=args.paths)
    if args.to == "docx" or args.charts:
        from sokets.review.charts import warm_up

        warm_up()  # matplotlib loads in a background process while the reports are read
    gc.freeze()  # a short-lived process holding many objects: spare the collector the work
    gc.disable()
    consolidation = consolidate(
        args.paths,
        scope=args.district,
        as_of=_day(args.as_of, "--as-of"),
        expected=args.expected,
        received=args.received,
        deadline=_day(args.deadline, "--deadline"),
        include_invalid=args.include_invalid,
        keep_reports=args.to == "json",
        keep_outline=args.to in ("json", "docx") or draft is not None,
        workers=cores(),  # many workbooks or documents are read on every core
    )
    unreadable = [f for f in consolidation.files if f.role is FileRole.UNREADABLE]
    with_errors = [f for f in consolidation.files if f.errors]
    for entry in unreadable:
        warn(f"sokets: {entry.source}: {entry.reason}")
    if not args.quiet:
        for entry in with_errors:
            warn(f"sokets: {entry.source}: {entry.errors} lỗi / errors ({entry.role.value})")
    data = renderer.render(consolidation)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, data)
        sys.stdout.write(f"{output}\n")
    if draft is not None:
        _write_draft(draft, consolidation)
        sys.stdout.write(f"{draft}\n")
    if args.charts:
        from sokets.review.charts import write_charts
        from sokets.review.figures import charts

        written = write_charts(charts(consolidation), args.charts)
        if output is not None:  # else stdout holds the consolidation itself
            sys.stdout.write("".join(f"{path}\n" for path in written))
    if unreadable:
        return EXIT_USAGE
    return EXIT_INVALID if with_errors else EXIT_OK


def _write_draft(path: Any, consolidation: Any) -> None:
    from sokets.consolidation.draft import district_draft
    from sokets.forms import dump_report
    from sokets.outputs import write_atomic
    from sokets.render import render_report_to

    report = district_draft(consolidation)
    if path.suffix.lower() == ".json":
        write_atomic(path, dump_report(report) + b"\n")
    else:
        render_report_to(path, report, path.suffix.lower().lstrip("."))
