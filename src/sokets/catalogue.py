"""The task catalogue of Phụ lục 03: the 38 named tasks of plan 586/KH-UBND and who leads each.

Task ids are the group's Roman numeral and the row number (``"I.1"`` … ``"IV.9"``). Titles are the
plan's words (NFC), with the typo corrections listed in :data:`sokets.plan.ERRATA`. ``lead`` keeps
the plan's own wording of the lead column; ``lead_units`` resolves it to registry codes. A task led
by a subunit (Cổng TTĐT tỉnh, Trung tâm CNTT&TT) is answered in its parent's report, and a task led
by "Các Sở, ban, ngành cấp tỉnh, UBND cấp huyện" is answered by every department, provincial agency
and district.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from sokets.errors import UnknownTaskError
from sokets.units import PL01_KINDS, Unit, get_registry

#: The lead-column wording that assigns a task to every department, agency and district.
ALL_PL01_UNITS = "Các Sở, ban, ngành cấp tỉnh, UBND cấp huyện"


@dataclass(frozen=True)
class TaskGroup:
    """A group heading of Phụ lục 03 (I. Chính quyền số, …)."""

    id: str
    title: str


@dataclass(frozen=True)
class Task:
    """One row of Phụ lục 03."""

    id: str
    group: str
    number: int
    title: str
    lead: str
    lead_units: tuple[str, ...]
    reporting_units: tuple[str, ...]
    """Codes of the units whose reports answer this task (subunits resolved to their parents)."""
    for_all_units: bool = False


GROUPS: tuple[TaskGroup, ...] = (
    TaskGroup("I", "Chính quyền số"),
    TaskGroup("II", "Bảo đảm An toàn thông tin"),
    TaskGroup("III", "Phát triển nhân lực Chuyển đổi số"),
    TaskGroup("IV", "Chuyển đổi số các lĩnh vực"),
)

_VP_PORTAL = "Văn phòng UBND tỉnh (Cổng TTĐT tỉnh)"
_TTTT = "Sở TT&TT"

# (group, lead column as printed, lead unit codes or None for "all units", title)
_ROWS: tuple[tuple[str, str, tuple[str, ...] | None, str], ...] = (
    ("I", _TTTT, ("SO-TTTT",), "Duy trì, cập nhật Kiến trúc CQĐT tỉnh Nghệ An"),
    ("I", _TTTT, ("SO-TTTT",), "Thuê phần mềm Quản lý văn bản và điều hành"),
    ("I", _VP_PORTAL, ("CONG-TTDT",),
     "Duy trì, nâng cấp hệ thống giải quyết thủ tục hành chính tỉnh Nghệ An"),
    ("I", _TTTT, ("SO-TTTT",), "Thuê mạng truyền số liệu chuyên dùng"),
    ("I", _TTTT, ("SO-TTTT",), "Xây dựng hệ thống thông tin nguồn"),
    ("I", _VP_PORTAL, ("CONG-TTDT",), "Nâng cấp Cổng thông tin điện tử tỉnh Nghệ An"),
    ("I", _VP_PORTAL, ("CONG-TTDT",), "Nâng cấp Hệ thống thư công vụ của tỉnh"),
    ("I", _VP_PORTAL, ("CONG-TTDT",),
     "Hệ thống thông tin báo cáo của tỉnh kết nối với bộ, ngành, trung ương."),
    ("I", _TTTT, ("SO-TTTT",),
     "Duy trì và nâng cấp thiết bị Hệ thống hội nghị truyền hình trực tuyến tỉnh Nghệ An"),
    ("I", "Sở Du lịch", ("SO-DL",),
     "Thuê dịch vụ CNTT: Cổng thông tin du lịch và ứng dụng du lịch thông minh tỉnh Nghệ An trên "
     "thiết bị di động, giai đoạn 2023-2025"),
    ("I", "Sở Kế hoạch và Đầu tư", ("SO-KHDT",),
     "Hệ thống phần mềm quản lý các dự án đầu tư tỉnh Nghệ An"),
    ("I", _TTTT, ("SO-TTTT",),
     "Xây dựng các hệ thống nền tảng tích hợp, chia sẻ cấp tỉnh (LGSP) có khả năng kết nối với "
     "Trung ương (Trục kết nối liên thông, hệ thống quản lý danh mục dùng chung, định danh điện "
     "tử, hệ thống giám sát, CSDL dùng chung)"),
    ("I", "Trung tâm CNTT-TT (Sở TT&TT)", ("TT-CNTT",),
     "Nâng cấp, hoàn thiện Trung tâm điều hành thông minh (IOC)"),
    ("I", _VP_PORTAL, ("CONG-TTDT",), "Thuê Hệ thống thông tin phục vụ họp không giấy tờ"),
    ("I", _TTTT, ("SO-TTTT",),
     "Xây dựng kế hoạch triển khai Đề án thí điểm xây dựng Đô thị thông minh tỉnh Nghệ An giai "
     "đoạn 2020-2025, định hướng đến năm 2030"),
    ("I", _TTTT, ("SO-TTTT",),
     "Triển khai Nghị định số 47/2020/NĐ-CP ngày 09/4/2020 của Chính phủ về quản lý, kết nối, "
     "chia sẻ dữ liệu số của cơ quan nhà nước"),
    ("I", _TTTT, ("SO-TTTT",), "Số hóa, xây dựng bản đồ số mạng viễn thông tỉnh Nghệ An"),
    ("I", _TTTT, ("SO-TTTT",),
     "Xây dựng phần mềm và bộ chỉ số đánh giá chỉ số chuyển đổi số của các sở, ban, ngành, địa "
     "phương (bao gồm cấp huyện và cấp xã) trên địa bàn tỉnh Nghệ An"),
    ("II", _TTTT, ("SO-TTTT",),
     "Mua sắm, cài đặt hệ thống phòng chống virus, mã độc tập trung tỉnh Nghệ An"),
    ("II", _TTTT, ("SO-TTTT",), "Xây dựng Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC)"),
    ("II", _TTTT, ("SO-TTTT",),
     "Đầu tư thiết bị đầu cuối kèm các giải pháp kỹ thuật phục vụ bảo mật cho lãnh đạo UBND tỉnh, "
     "các đơn vị cấp sở và UBND cấp huyện"),
    ("II", ALL_PL01_UNITS, None,
     "Đầu tư trang thiết bị, kết nối mạng đồng bộ đạt chuẩn kỹ thuật trong các cơ quan nhà nước "
     "cấp tỉnh, huyện, xã"),
    ("II", _TTTT, ("SO-TTTT",),
     "Xây dựng các hệ thống kỹ thuật, hệ thống thông tin bảo đảm ATTT phục vụ phát triển Chính "
     "quyền điện tử; triển khai các hoạt động bảo đảm ATTT theo Nghị định số 85/2016/NĐ-CP ngày "
     "01/7/2016 của Chính phủ."),
    ("II", _TTTT, ("SO-TTTT",),
     "Triển khai hệ thống giám sát, cảnh báo, đầu tư công cụ dò quét lỗ hổng, mã độc, hệ thống "
     "hỗ trợ điều phối, ứng cứu sự cố an toàn thông tin mạng"),
    ("III", _TTTT, ("SO-TTTT",), "Hoạt động của Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An"),
    ("III", _TTTT, ("SO-TTTT",), "Đào tạo, tập huấn kiến thức về chuyển đổi số"),
    ("III", _TTTT, ("SO-TTTT",),
     "Tăng cường công tác tuyên truyền về: chuyển đổi số, phát triển Chính quyền điện tử, Đô thị "
     "thông minh"),
    ("III", "Trung tâm CNTT&TT (Sở TT&TT)", ("TT-CNTT",),
     "Trang bị mới, nâng cấp cơ sở vật chất phòng học phục vụ đào tạo chuyển đổi số tại Trung "
     "tâm CNTT&TT Nghệ An"),
    ("III", _TTTT, ("SO-TTTT",), "Xây dựng và triển khai nền tảng học trực tuyến mở đại trà"),
    ("IV", "Sở Giáo Dục và Đào tạo", ("SO-GDDT",),
     "Số hóa, xây dựng CSDL, HTTT dùng chung, HTTT chuyên ngành Kho Dữ liệu ngành - Giáo dục và "
     "Đào tạo"),
    ("IV", "Sở Y tế", ("SO-YT",),
     "Số hóa, xây dựng CSDL, HTTT dùng chung, HTTT chuyên ngành Kho Dữ liệu ngành - Y tế"),
    ("IV", "Sở Lao động-TB&XH", ("SO-LDTBXH",),
     "Số hóa, xây dựng CSDL, HTTT dùng chung, HTTT chuyên ngành Kho Dữ liệu ngành An sinh xã hội"),
    ("IV", "Sở Tư Pháp", ("SO-TP",),
     "Xây dựng CSDL, HTTT dùng chung quản lý Công chứng Chứng thực"),
    ("IV", "Sở Văn hóa và Thể thao", ("SO-VHTT",),
     "Số hóa, xây dựng CSDL, HTTT dùng chung chuyên ngành Văn hóa"),
    ("IV", "Sở Nội vụ", ("SO-NV",), "Số hóa, xây dựng CSDL, HTTT dùng chung ngành Nội vụ"),
    ("IV", "Sở Nông nghiệp và PTNT", ("SO-NNPTNT",),
     "Số hóa, xây dựng CSDL, HTTT dùng chung chuyên ngành Nông nghiệp"),
    ("IV", "Sở Công Thương", ("SO-CT",),
     "Số hóa, xây dựng CSDL, HTTT dùng chung chuyên ngành Công Thương"),
    ("IV", ALL_PL01_UNITS, None,
     "Số hóa, xây dựng CSDL, HTTT dùng chung, HTTT do bộ, ngành triển khai"),
)  # fmt: skip


class TaskCatalogue:
    """The 38 tasks of Phụ lục 03, in the plan's order."""

    def __init__(self, tasks: tuple[Task, ...]) -> None:
        self._tasks = tasks
        self._by_id = {t.id: t for t in tasks}

    def __len__(self) -> int:
        return len(self._tasks)

    def __iter__(self) -> Iterator[Task]:
        return iter(self._tasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        """Task ids in the plan's order."""
        return tuple(self._by_id)

    def get(self, task_id: str) -> Task:
        """The task with this id; :class:`UnknownTaskError` if there is none."""
        try:
            return self._by_id[task_id]
        except KeyError:
            raise UnknownTaskError(task_id) from None

    def in_group(self, group: str) -> tuple[Task, ...]:
        """Tasks of one group (``"I"`` … ``"IV"``)."""
        return tuple(t for t in self._tasks if t.group == group)

    def tasks_for(self, unit: Unit | str) -> tuple[Task, ...]:
        """The tasks that ``unit``'s report must answer in its Phụ lục 03 table.

        ``unit`` is a :class:`~sokets.units.Unit` or a code/name. A subunit answers nothing of its
        own (its parent does); a commune answers no Phụ lục 03 task.
        """
        if isinstance(unit, str):
            unit = get_registry().lookup(unit)
        return tuple(t for t in self._tasks if unit.code in t.reporting_units)


@cache
def get_catalogue() -> TaskCatalogue:
    """The catalogue of Phụ lục 03 (built once, on first call)."""
    registry = get_registry()
    everyone = tuple(u.code for u in registry if u.kind in PL01_KINDS)
    counters: dict[str, int] = {}
    tasks = []
    for group, lead, codes, title in _ROWS:
        number = counters[group] = counters.get(group, 0) + 1
        lead_units = codes if codes is not None else everyone
        reporting = tuple(dict.fromkeys(registry.get(c).reporting_unit for c in lead_units))
        tasks.append(
            Task(
                id=f"{group}.{number}",
                group=group,
                number=number,
                title=title,
                lead=lead,
                lead_units=lead_units,
                reporting_units=reporting,
                for_all_units=codes is None,
            )
        )
    return TaskCatalogue(tuple(tasks))
