"""Plan 403/KH-UBND of 13/6/2023 as data: its bases, period, deadlines, conference and duties.

Everything here is quoted from the plan (NFC). Places where the plan contradicts itself or has a
typo are listed in :data:`ERRATA` (and, for readers, in ``docs/errata.md``): titles used by sokets
carry the correction, never silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class LegalBasis:
    """A document the plan is based on."""

    number: str
    date: dt.date
    issuer: str
    title: str


@dataclass(frozen=True)
class Signer:
    """Who signs a document, as printed in its signature block."""

    authority: tuple[str, ...]
    title: str
    name: str


@dataclass(frozen=True)
class Conference:
    """The one-year review conference (section II.2.c of the plan)."""

    planned: str
    planned_month: tuple[int, int]
    place: str
    chair: str
    expected_guests: int
    guest_groups: tuple[str, ...]


@dataclass(frozen=True)
class Duty:
    """What one agency (or group of agencies) must do, from section IV of the plan."""

    heading: str
    unit_codes: tuple[str, ...]
    tasks: tuple[str, ...]
    applies_to_all_reporting_units: bool = False


class ErratumKind(StrEnum):
    """Whether sokets corrected the text, resolved an inconsistency, or kept a slip as written."""

    CORRECTED = "corrected"
    INCONSISTENCY = "inconsistency"
    KEPT = "kept"
    """A slip of style (case, a hyphen, a stray plural) that changes no meaning: quoted as is."""


@dataclass(frozen=True)
class Erratum:
    """A typo or contradiction in the plan, and what sokets does about it."""

    place: str
    original: str
    corrected: str
    kind: ErratumKind
    note: str


@dataclass(frozen=True)
class Plan:
    """The plan's identity, bases, period and deadlines."""

    number: str
    date: dt.date
    issuer: str
    title: str
    signer: Signer
    bases: tuple[LegalBasis, ...]
    period_start: dt.date
    review_deadline: dt.date
    report_deadline: dt.date
    last_report_date: dt.date
    """The latest date a report of this review can bear (a later one is a slip; see decisions)."""
    report_recipient: str
    report_channel: str
    conference: Conference
    duties: tuple[Duty, ...]
    recipients: tuple[str, ...] = field(default=())


RESOLUTION_09 = LegalBasis(
    number="09-NQ/TU",
    date=dt.date(2022, 8, 5),
    issuer="Ban Chấp hành Đảng bộ tỉnh",
    title="Nghị quyết về chuyển đổi số tỉnh Nghệ An đến năm 2025, định hướng đến năm 2030",
)
PLAN_586 = LegalBasis(
    number="586/KH-UBND",
    date=dt.date(2022, 8, 22),
    issuer="UBND tỉnh Nghệ An",
    title="Kế hoạch về chuyển đổi số tỉnh Nghệ An đến năm 2025",
)

PLAN = Plan(
    number="403/KH-UBND",
    date=dt.date(2023, 6, 13),
    issuer="UBND tỉnh Nghệ An",
    title=(
        "Tổ chức Hội nghị sơ kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND ngày "
        "22/8/2022 của UBND tỉnh về chuyển đổi số tỉnh Nghệ An đến năm 2025"
    ),
    signer=Signer(
        authority=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
        title="PHÓ CHỦ TỊCH",
        name="Bùi Đình Long",
    ),
    bases=(RESOLUTION_09, PLAN_586),
    period_start=dt.date(2022, 8, 1),
    review_deadline=dt.date(2023, 8, 15),
    report_deadline=dt.date(2023, 8, 20),
    last_report_date=dt.date(2023, 12, 31),
    report_recipient="UBND tỉnh",
    report_channel="SO-TTTT",
    conference=Conference(
        planned="Dự kiến vào tháng 9 năm 2023 (sẽ có giấy mời sau).",
        planned_month=(2023, 9),
        place="Khách sạn Giao tế - Số 09, đường Hồ Tùng Mậu, Thành phố Vinh, tỉnh Nghệ An.",
        chair="Lãnh đạo UBND tỉnh.",
        expected_guests=200,
        guest_groups=(
            "Các thành viên Ban Chỉ đạo Chuyển đổi số tỉnh.",
            "Giám đốc các Sở; Thủ trưởng các ban, ngành cấp tỉnh.",
            "Chủ tịch, Phó Chủ tịch UBND cấp huyện phụ trách lĩnh vực Chuyển đổi số.",
            "Trưởng phòng Văn hóa thông tin UBND cấp huyện.",
            "Cán bộ chuyên trách, phụ trách công nghệ thông tin của các sở, ban, ngành và UBND "
            "các huyện, thành phố, thị xã.",
            "Lãnh đạo các phòng, đơn vị thuộc Sở Thông tin và Truyền thông.",
            "Phóng viên Báo Nghệ An; Đài Phát thanh và Truyền hình tỉnh; Cổng thông tin điện tử "
            "tỉnh.",
        ),
    ),
    duties=(
        Duty(
            heading="Sở Thông tin và Truyền thông",
            unit_codes=("SO-TTTT",),
            tasks=(
                "Chủ trì dự thảo báo cáo sơ kết 01 năm thực hiện Kế hoạch số 586/KH-UBND.",
                "Chuẩn bị báo cáo tóm tắt trình bày tại Hội nghị; dự thảo nội dung điều hành thảo "
                "luận và nội dung phát biểu chỉ đạo tại Hội nghị; chuẩn bị chu đáo các tài liệu và "
                "điều kiện khác liên quan phục vụ Hội nghị.",
                "Lựa chọn và hướng dẫn một số đơn vị chuẩn bị báo cáo tham luận tại Hội nghị.",
                "Xây dựng phóng sự (khoảng 12-15 phút) phát trực tiếp tại Hội nghị, tuyên truyền "
                "trên sóng NTV và các nền tảng truyền thông khác.",
                "Chủ trì tham mưu tổ chức công tác tuyên truyền về chuyển đổi số tỉnh Nghệ An "
                "trước, trong và sau Hội nghị.",
                "Chỉ đạo, định hướng các cơ quan báo chí, Đài Phát thanh và Truyền hình tỉnh và các "
                "cơ quan thông tin cấp huyện, cấp xã có kế hoạch tuyên truyền, đưa tin việc sơ kết "
                "01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND; tiếp tục đẩy mạnh công tác "
                "tuyên truyền, phổ biến những nội dung cơ bản của Kế hoạch số 586/KH-UBND và những "
                "kết quả đạt được trong quá trình triển khai thực hiện đến người dân với nhiều hình "
                "thức đa dạng, phù hợp.",
                "Trên cơ sở đề xuất của các Sở, ban, ngành, Sở Thông tin và Truyền thông chủ trì "
                "tổng hợp gửi Sở Tài chính thẩm định kinh phí thực hiện Kế hoạch đảm bảo theo đúng "
                "quy định.",
            ),
        ),
        Duty(
            heading="Văn phòng UBND tỉnh",
            unit_codes=("VP-UBND",),
            tasks=(
                "Tham mưu và ban hành giấy mời đại biểu tham dự Hội nghị.",
                "Phối hợp với Sở Thông tin và Truyền thông chuẩn bị các điều kiện cần thiết để tổ "
                "chức Hội nghị.",
            ),
        ),
        Duty(
            heading="Sở Tài chính",
            unit_codes=("SO-TC",),
            tasks=(
                "Căn cứ dự toán kinh phí do Sở Thông tin và Truyền thông tổng hợp, Sở Tài chính "
                "thực hiện rà soát, thẩm định và tham mưu UBND tỉnh xem xét, bố trí kinh phí thực "
                "hiện Kế hoạch theo quy định.",
            ),
        ),
        Duty(
            heading="Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh, Cổng TTĐT tỉnh",
            unit_codes=("BAO-NA", "DAI-PTTH", "CONG-TTDT"),
            tasks=(
                "Tuyên truyền, đưa tin việc sơ kết 01 năm triển khai thực hiện Kế hoạch số "
                "586/KH-UBND; tiếp tục phổ biến những nội dung cơ bản của Kế hoạch số 586/KH-UBND "
                "và những kết quả đạt được trong quá trình triển khai thực hiện đến người dân với "
                "nhiều hình thức đa dạng, phù hợp.",
            ),
        ),
        Duty(
            heading="Các sở, ban, ngành cấp tỉnh; UBND các huyện, thành phố, thị xã",
            unit_codes=(),
            tasks=(
                "Tổ chức đánh giá kết quả sơ kết 01 năm triển khai Kế hoạch số 586/KH-UBND ở cấp "
                "mình. Tổng hợp báo cáo (theo đề cương gửi kèm) gửi Sở Thông tin và Truyền thông "
                "tổng hợp.",
            ),
            applies_to_all_reporting_units=True,
        ),
    ),
    recipients=(
        "Thường trực Tỉnh ủy (b/c);",
        "Bộ Thông tin và Truyền thông (b/c);",
        "Chủ tịch, PCT VX UBND tỉnh;",
        "Các sở, ban, ngành;",
        "Các tổ chức chính trị - xã hội cấp tỉnh;",
        "UBND các huyện, thành, thị;",
        "Báo NA, Đài PT-TH, Cổng TTĐT tỉnh;",
        "Lưu: VT, TH (T).",
    ),
)

_C = ErratumKind.CORRECTED
_I = ErratumKind.INCONSISTENCY
_K = ErratumKind.KEPT

ERRATA: tuple[Erratum, ...] = (
    Erratum(
        "Phụ lục 01, mục A (tiêu đề)",
        "TÌNH HÌNH THỰC HIỆN NGHỊ KẾ HOẠCH SỐ 586/KH-UBND",
        "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH SỐ 586/KH-UBND",
        _C,
        "Stray word “NGHỊ” (left over from “Nghị quyết”).",
    ),
    Erratum(
        "Phụ lục 01, mục A (hướng dẫn)", "bôc cục", "bố cục", _C, "Misspelt “bố cục” (layout)."
    ),
    Erratum(
        "Phụ lục 01, mục A.II.7, gạch đầu dòng Sở Y tế (+ thứ nhất)",
        "VNedID",
        "VNeID",
        _C,
        "The national e-identity app is VNeID.",
    ),
    Erratum(
        "Phụ lục 01, mục A.II.7, gạch đầu dòng Sở Y tế (+ thứ ba)",
        "của Bộ Y tế).",
        "của Bộ Y tế.",
        _C,
        "Closing parenthesis without an opening one.",
    ),
    Erratum(
        "Phụ lục 03 (tiêu đề)",
        "KÉ HOẠCH SỐ 586/KH-UBND",
        "KẾ HOẠCH SỐ 586/KH-UBND",
        _C,
        "“KÉ” for “KẾ”.",
    ),
    Erratum(
        "Phụ lục 03, nhiệm vụ I.7",
        "Hệ thống thu công vụ",
        "Hệ thống thư công vụ",
        _C,
        "The official e-mail system is “thư công vụ”.",
    ),
    Erratum(
        "Phụ lục 03, nhiệm vụ I.14",
        "phục vụ hợp không giấy tờ",
        "phục vụ họp không giấy tờ",
        _C,
        "Paperless meetings: “họp”, not “hợp”.",
    ),
    Erratum(
        "Phụ lục 03, nhiệm vụ II.6",
        "công cụ rò quét",
        "công cụ dò quét",
        _C,
        "Vulnerability scanning is “dò quét”.",
    ),
    Erratum(
        "Mục II.2.c (thành phần)",
        "Công thông tin điện tử tỉnh",
        "Cổng thông tin điện tử tỉnh",
        _C,
        "“Công” for “Cổng” (the short form “Công TTĐT tỉnh” of IV.4 and “Nơi nhận” is the next "
        "entry).",
    ),
    Erratum(
        "Mục IV.4 và “Nơi nhận”",
        "Công TTĐT tỉnh",
        "Cổng TTĐT tỉnh",
        _C,
        "“Công” for “Cổng”.",
    ),
    Erratum(
        "Nơi nhận",
        "Thủ trưởng trực Tỉnh ủy",
        "Thường trực Tỉnh ủy",
        _C,
        "The Standing Board of the Provincial Party Committee is “Thường trực Tỉnh ủy”.",
    ),
    Erratum(
        "Mục I.2.b",
        "phải bao đảm",
        "phải bảo đảm",
        _C,
        "“bao” for “bảo”.",
    ),
    Erratum(
        "Phụ lục 01 (dòng “Kèm theo”)",
        "403/KH-UBND ngày 15/6/2023",
        "403/KH-UBND ngày 13/6/2023",
        _I,
        "The plan is dated 13/6/2023 (its own header, Phụ lục 02 and 04); Phụ lục 01 says "
        "15/6/2023. sokets uses 13/6/2023.",
    ),
    Erratum(
        "Phụ lục 03 (dòng “Kèm theo”)",
        "Kế hoạch số: /KH-UBND ngày /6/2023",
        "Kế hoạch số: 403/KH-UBND ngày 13/6/2023",
        _I,
        "Number and day left blank in Phụ lục 03.",
    ),
    Erratum(
        "Phụ lục 03, nhóm II",
        "nhóm II “Bảo đảm An toàn thông tin”, cột chủ trì: Sở TT&TT",
        "nhóm II “Bảo đảm An toàn thông tin”, không có đơn vị chủ trì",
        _I,
        "The group row names a lead unit although groups are headings; sokets gives groups no "
        "lead unit (every task of the group names its own).",
    ),
    Erratum(
        "Phụ lục 04, mục 3.a (gạch đầu dòng thứ hai)",
        "Ban cơ yếu Chính phủ",
        "Ban Cơ yếu Chính phủ",
        _K,
        "The agency's name takes a capital “Cơ”; quoted as the plan writes it.",
    ),
    Erratum(
        "Phụ lục 01, mục A.II.3 (gạch đầu dòng “Riêng …”)",
        "Sở Lao động thương binh và Xã hội",
        "Sở Lao động - Thương binh và Xã hội",
        _K,
        "The department's name is “Lao động - Thương binh và Xã hội”; quoted as written, and the "
        "registry knows the spelling as an alias.",
    ),
    Erratum(
        "Phụ lục 01, mục A.II.7 (gạch đầu dòng ngành Nông nghiệp)",
        "Sở Nông nghiệp và phát triển nông thôn",
        "Sở Nông nghiệp và Phát triển nông thôn",
        _K,
        "“Phát triển” takes a capital in the department's name (as the same bullet writes it a "
        "few words earlier); quoted as written.",
    ),
    Erratum(
        "Phụ lục 01, mục A.II.4 (gạch đầu dòng thứ nhất)",
        "theo các Kế hoạch số 586/KH-UBND",
        "theo Kế hoạch số 586/KH-UBND",
        _K,
        "A plural “các” before one plan; quoted as written.",
    ),
    Erratum(
        "Phụ lục 03, nhiệm vụ I.13 và III.4",
        "Trung tâm CNTT-TT / Trung tâm CNTT&TT",
        "Trung tâm CNTT&TT Nghệ An (thuộc Sở TT&TT)",
        _I,
        "Two spellings of the same centre; both are aliases of unit TT-CNTT.",
    ),
)


def period_contains(day: dt.date, report_date: dt.date | None = None) -> bool:
    """Whether ``day`` falls in the reporting period (from 1/8/2022 to the report date)."""
    end = report_date if report_date is not None else PLAN.report_deadline
    return PLAN.period_start <= day <= end


def is_late(report_date: dt.date) -> bool:
    """Whether a report dated ``report_date`` misses the 20/8/2023 deadline."""
    return report_date > PLAN.report_deadline
