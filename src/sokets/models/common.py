"""Parts shared by the report forms: figures, ratios, answers, signer and headers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Annotated, Any, Protocol, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from sokets.catalogue import get_catalogue
from sokets.models.base import CodeList, FormModel, Omittable, Text
from sokets.units import PL01_KINDS, UnitKind, get_registry


def _known_unit(code: str) -> str:
    if code not in get_registry():
        raise PydanticCustomError(
            "unknown_unit",
            "mã đơn vị '{code}' không có trong danh mục / unknown unit code",
            {"code": code},
        )
    return code


def _unit_of_kind(kinds: frozenset[UnitKind], label: str) -> Callable[[str], str]:
    def check(code: str) -> str:
        unit = get_registry().get(_known_unit(code))
        if unit.kind not in kinds:
            raise PydanticCustomError(
                "wrong_unit_kind",
                "đơn vị {code} ({name}) không phải {label} / unit of the wrong kind for this field",
                {"code": code, "name": unit.name, "label": label},
            )
        return code

    return check


def _known_task(task_id: str) -> str:
    if task_id not in get_catalogue():
        raise PydanticCustomError(
            "unknown_task",
            "mã nhiệm vụ '{task_id}' không có trong Phụ lục 03 / unknown task id",
            {"task_id": task_id},
        )
    return task_id


def _unit_entries(kinds: frozenset[UnitKind]) -> Callable[[], Iterator[tuple[str, str, str]]]:
    """Codes and names of the units of ``kinds`` (a commune's name says its district)."""

    def entries() -> Iterator[tuple[str, str, str]]:
        registry = get_registry()
        for unit in registry.of_kind(*kinds):
            if unit.kind is UnitKind.COMMUNE and unit.parent is not None:
                yield unit.code, f"{unit.name}, {registry.get(unit.parent).name}", ""
            else:
                yield unit.code, unit.name, ""

    return entries


def _task_entries() -> Iterator[tuple[str, str, str]]:
    for task in get_catalogue():
        yield task.id, task.title, f"Đơn vị được giao chủ trì triển khai: {task.lead}"


UnitCode = Annotated[str, AfterValidator(_known_unit)]
"""A unit code from the registry (``"SO-TTTT"``, ``"412"``, ``"16663"``)."""

Pl01UnitCode = Annotated[
    str,
    AfterValidator(_unit_of_kind(PL01_KINDS, "sở, ban, ngành cấp tỉnh hoặc UBND cấp huyện")),
    CodeList(
        "Pl01UnitCode",
        "Mã đơn vị báo cáo theo Phụ lục 01: sở, ban, ngành cấp tỉnh hoặc UBND cấp huyện",
        _unit_entries(PL01_KINDS),
    ),
]
"""The code of a unit that reports by Phụ lục 01 (department, agency or district)."""

CommuneCode = Annotated[
    str,
    AfterValidator(_unit_of_kind(frozenset({UnitKind.COMMUNE}), "UBND cấp xã")),
    CodeList("CommuneCode", "Mã UBND cấp xã", _unit_entries(frozenset({UnitKind.COMMUNE}))),
]
"""The code of a commune."""

DistrictCode = Annotated[
    str,
    AfterValidator(_unit_of_kind(frozenset({UnitKind.DISTRICT}), "UBND cấp huyện")),
    CodeList("DistrictCode", "Mã UBND cấp huyện", _unit_entries(frozenset({UnitKind.DISTRICT}))),
]
"""The code of a district."""

TaskId = Annotated[
    str,
    AfterValidator(_known_task),
    CodeList("TaskId", "Mã nhiệm vụ trong Phụ lục 03", _task_entries),
]
"""A task id from the catalogue of Phụ lục 03 (``"I.1"`` … ``"IV.9"``)."""

Number = Annotated[float, Field(allow_inf_nan=False)]

#: Largest magnitude of a count or of a ratio's terms (far above any real count in a province).
MAX_COUNT = 10**12


def _whole(value: object) -> object:
    """``20.0`` (or ``2e1``) as ``20``: JSON has one number type, and JSON Schema's ``integer``,
    spreadsheets and JavaScript all take a whole float for an integer. Anything else is left for
    the strict integer check to refuse (``20.5``, ``"20"``, ``true``)."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole)]
"""An integer; a float with no fractional part (``20.0``) is that integer, as in JSON Schema."""

# The bounds come before the validator so that the JSON Schema shows them as minimum/maximum.
Count = Annotated[int, Field(ge=-MAX_COUNT, le=MAX_COUNT), BeforeValidator(_whole)]
"""A whole number of things; negative values are left to the rules, absurd ones refused."""


class Figure(FormModel):
    """A figure (số liệu): what is counted, its value and unit, and when it was measured."""

    name: Text = Field(title="Tên số liệu")
    value: Number = Field(title="Giá trị")
    unit: Text = Field(default="", title="Đơn vị tính")
    as_of: Omittable[date] = Field(default=None, title="Tính đến ngày")


class Ratio(FormModel):
    """A rate (tỷ lệ): numerator over denominator, with the percent the unit stated, if any.

    A rate with no count behind it (the share of residents who know of digital transformation,
    an estimate) may be given as the stated percent alone; numerator and denominator otherwise
    come together. The rules warn that a percent alone cannot be added up (R030).
    """

    model_config = ConfigDict(
        json_schema_extra={
            "minProperties": 1,
            "dependentRequired": {"numerator": ["denominator"], "denominator": ["numerator"]},
        }
    )

    numerator: Omittable[Count] = Field(default=None, title="Tử số")
    denominator: Omittable[Count] = Field(default=None, title="Mẫu số")
    percent: Omittable[Number] = Field(default=None, title="Tỷ lệ (%) do đơn vị ghi")

    @model_validator(mode="after")
    def _terms_together(self) -> Self:
        missing = [name for name in ("numerator", "denominator") if getattr(self, name) is None]
        if not missing or (len(missing) == 2 and self.percent is not None):
            return self
        raise ValidationError.from_exception_data(
            type(self).__name__,
            [InitErrorDetails(type="missing", loc=(name,), input={}) for name in missing],
        )

    @property
    def counted(self) -> bool:
        """Whether the rate has its numerator and denominator (and so can be added up)."""
        return self.numerator is not None and self.denominator is not None

    @property
    def computed_percent(self) -> float | None:
        """``100 * numerator / denominator``, or ``None`` without both or with a 0 denominator."""
        if self.numerator is None or not self.denominator:
            return None
        return 100 * self.numerator / self.denominator


class Answer(FormModel):
    """What a unit writes under one outline item."""

    results: Text = Field(default="", title="Kết quả thực hiện")
    figures: list[Figure] = Field(default_factory=list, title="Số liệu")
    typical_cases: list[Text] = Field(default_factory=list, title="Trường hợp điển hình")
    difficulties: Text = Field(default="", title="Tồn tại, vướng mắc, nguyên nhân")
    proposals: Text = Field(default="", title="Kiến nghị, đề xuất")

    def indicator_model(self) -> Any:
        """The answer's indicators (a model), or ``None`` for an item without indicators.

        Items with indicators have answer classes with an ``indicators`` field; reading it from
        the instance's fields spares pydantic's slow path for a missing attribute.
        """
        return self.__dict__.get("indicators")

    def indicator_values(self) -> dict[str, Any]:
        """The answer's indicators by id, ``None`` for those left out (none without indicators)."""
        given = self.indicator_model()
        return {} if given is None else dict(vars(given))

    def is_empty(self) -> bool:
        """Whether nothing at all was written."""
        return not (
            self.results.strip()
            or self.figures
            or self.typical_cases
            or self.difficulties.strip()
            or self.proposals.strip()
        )


class AnswerParts(Protocol):
    """What an answer is made of: a unit's :class:`Answer`, or an answer in a consolidation."""

    @property
    def results(self) -> str: ...
    @property
    def figures(self) -> Sequence[Figure]: ...
    @property
    def typical_cases(self) -> Sequence[str]: ...
    @property
    def difficulties(self) -> str: ...
    @property
    def proposals(self) -> str: ...


def has_content(answer: AnswerParts, indicators: Mapping[str, object]) -> bool:
    """Whether an answer holds anything: text, a figure, a typical case or an indicator."""
    return bool(
        answer.results.strip()
        or answer.figures
        or any(case.strip() for case in answer.typical_cases)
        or answer.difficulties.strip()
        or answer.proposals.strip()
        or any(value is not None for value in indicators.values())
    )


class Signer(FormModel):
    """Who signs the report: authority lines (``TM.``, ``KT.``), title and full name."""

    authority: list[Text] = Field(default_factory=list, title="Thẩm quyền ký")
    title: Text = Field(title="Chức vụ người ký")
    name: Text = Field(title="Họ và tên người ký")


class ReportHeader(FormModel):
    """Fields every report carries before its answers (form id and version come first)."""

    form: str = Field(title="Mã biểu mẫu")
    version: str = Field(title="Phiên bản biểu mẫu")
    unit_code: str = Field(title="Mã đơn vị báo cáo")
    report_number: Text = Field(
        title="Số báo cáo", description="Ví dụ: 52/BC-UBND (số/BC-tên viết tắt của cơ quan)"
    )
    report_date: date = Field(title="Ngày báo cáo")
    place: Text = Field(default="", title="Địa danh", description="Nơi ban hành, ví dụ: Nghệ An")
    signer: Signer = Field(title="Người ký")
    recipients: list[Text] = Field(default_factory=list, title="Nơi nhận")
