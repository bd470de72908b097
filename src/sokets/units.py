"""The registry of every unit that reports under plan 403/KH-UBND.

Vocabulary:

* **department** — one of the 20 specialised agencies of UBND tỉnh (cơ quan chuyên môn) in 2023;
* **agency** — another provincial unit the plan asks to report (Công an tỉnh, Điện lực Nghệ An…);
* **subunit** — a unit under a department (Cổng TTĐT tỉnh, Trung tâm CNTT&TT): its tasks are
  answered in its parent's report;
* **district** — a district-level People's Committee (UBND cấp huyện; 21 in 2023);
* **commune** — a commune-level People's Committee (UBND cấp xã; 460 in 2023).

Districts and communes carry their official GSO codes (list of 2023-05-07) as unit codes.
The data ships with the package and is read on first use, not at import.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources

from sokets._text import ascii_fold, fold, nfc
from sokets.errors import UnknownUnitError


class UnitKind(StrEnum):
    """What kind of unit reports (or is answered for)."""

    DEPARTMENT = "department"
    AGENCY = "agency"
    SUBUNIT = "subunit"
    DISTRICT = "district"
    COMMUNE = "commune"

    @property
    def label(self) -> str:
        """Vietnamese name of the kind."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    UnitKind.DEPARTMENT: "Sở, ban, ngành (cơ quan chuyên môn thuộc UBND tỉnh)",
    UnitKind.AGENCY: "Cơ quan, đơn vị cấp tỉnh khác",
    UnitKind.SUBUNIT: "Đơn vị trực thuộc (báo cáo qua cơ quan chủ quản)",
    UnitKind.DISTRICT: "UBND cấp huyện",
    UnitKind.COMMUNE: "UBND cấp xã",
}

#: Kinds whose reports follow Phụ lục 01 (with the tables of Phụ lục 02 and 03).
PROVINCIAL_KINDS = frozenset({UnitKind.DEPARTMENT, UnitKind.AGENCY})
PL01_KINDS = frozenset({UnitKind.DEPARTMENT, UnitKind.AGENCY, UnitKind.DISTRICT})


@dataclass(frozen=True)
class Unit:
    """A unit: code, full name, kind, parent unit and the other names it goes by."""

    code: str
    name: str
    kind: UnitKind
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    subtype: str = ""

    @property
    def reports(self) -> bool:
        """Whether this unit files a report of its own (subunits report through their parent)."""
        return self.kind is not UnitKind.SUBUNIT

    @property
    def reporting_unit(self) -> str:
        """The code of the unit whose report answers for this one."""
        if self.kind is UnitKind.SUBUNIT and self.parent is not None:
            return self.parent
        return self.code

    @property
    def report_number_example(self) -> str:
        """How this unit's report numbers look, for hints: ``52/BC-UBND`` for a People's
        Committee (districts and communes sign as UBND); other units use their own abbreviation,
        which the registry does not hold, so the hint shows where it goes."""
        if self.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
            return "52/BC-UBND"
        return "52/BC-(tên viết tắt của cơ quan)"

    @property
    def form(self) -> str | None:
        """The outline this unit reports by: ``"PL01"``, ``"PL04"`` or ``None`` for a subunit."""
        if self.kind is UnitKind.COMMUNE:
            return "PL04"
        if self.kind in PL01_KINDS:
            return "PL01"
        return None


# code, full name, kind, parent, aliases
_PROVINCIAL: tuple[tuple[str, str, UnitKind, str | None, tuple[str, ...]], ...] = (
    ("VP-UBND", "Văn phòng UBND tỉnh", UnitKind.DEPARTMENT, None,
     ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Nghệ An", "VP UBND tỉnh",
      "VP UBND", "VPUBND")),
    ("SO-NV", "Sở Nội vụ", UnitKind.DEPARTMENT, None, ("Nội vụ", "SNV")),
    ("SO-TP", "Sở Tư pháp", UnitKind.DEPARTMENT, None, ("Tư pháp", "STP")),
    ("SO-KHDT", "Sở Kế hoạch và Đầu tư", UnitKind.DEPARTMENT, None,
     ("Sở KH&ĐT", "Sở KHĐT", "Kế hoạch và Đầu tư", "KH&ĐT")),
    ("SO-TC", "Sở Tài chính", UnitKind.DEPARTMENT, None, ("Tài chính", "STC")),
    ("SO-CT", "Sở Công Thương", UnitKind.DEPARTMENT, None, ("Công Thương", "SCT")),
    ("SO-NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", UnitKind.DEPARTMENT, None,
     ("Sở NN&PTNT", "Sở Nông nghiệp và PTNT", "Sở NNPTNT", "NN&PTNT",
      "Nông nghiệp và Phát triển nông thôn")),
    ("SO-GTVT", "Sở Giao thông vận tải", UnitKind.DEPARTMENT, None,
     ("Sở GTVT", "Giao thông vận tải", "GTVT")),
    ("SO-XD", "Sở Xây dựng", UnitKind.DEPARTMENT, None, ("Xây dựng", "SXD")),
    ("SO-TNMT", "Sở Tài nguyên và Môi trường", UnitKind.DEPARTMENT, None,
     ("Sở TN&MT", "Sở TNMT", "Tài nguyên và Môi trường", "TN&MT")),
    ("SO-TTTT", "Sở Thông tin và Truyền thông", UnitKind.DEPARTMENT, None,
     ("Sở TT&TT", "Sở TTTT", "Thông tin và Truyền thông", "TT&TT")),
    ("SO-LDTBXH", "Sở Lao động - Thương binh và Xã hội", UnitKind.DEPARTMENT, None,
     ("Sở LĐ-TB&XH", "Sở Lao động-TB&XH", "Sở LĐTBXH", "Sở Lao động thương binh và Xã hội",
      "Sở Lao động, Thương binh và Xã hội", "LĐ-TB&XH")),
    ("SO-VHTT", "Sở Văn hóa và Thể thao", UnitKind.DEPARTMENT, None,
     ("Sở VH&TT", "Sở VHTT", "Văn hóa và Thể thao", "VH&TT")),
    ("SO-DL", "Sở Du lịch", UnitKind.DEPARTMENT, None, ("Du lịch",)),
    ("SO-KHCN", "Sở Khoa học và Công nghệ", UnitKind.DEPARTMENT, None,
     ("Sở KH&CN", "Sở KHCN", "Khoa học và Công nghệ", "KH&CN")),
    ("SO-GDDT", "Sở Giáo dục và Đào tạo", UnitKind.DEPARTMENT, None,
     ("Sở GD&ĐT", "Sở GDĐT", "Giáo dục và Đào tạo", "GD&ĐT")),
    ("SO-YT", "Sở Y tế", UnitKind.DEPARTMENT, None, ("Y tế", "SYT")),
    ("SO-NGV", "Sở Ngoại vụ", UnitKind.DEPARTMENT, None, ("Ngoại vụ",)),
    ("TTR-TINH", "Thanh tra tỉnh", UnitKind.DEPARTMENT, None,
     ("Thanh tra tỉnh Nghệ An", "Thanh tra")),
    ("BAN-DT", "Ban Dân tộc", UnitKind.DEPARTMENT, None,
     ("Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh Nghệ An")),
    ("CA-TINH", "Công an tỉnh Nghệ An", UnitKind.AGENCY, None, ("Công an tỉnh",)),
    ("DIEN-LUC", "Điện lực Nghệ An", UnitKind.AGENCY, None,
     ("Công ty Điện lực Nghệ An", "PC Nghệ An")),
    ("BAO-NA", "Báo Nghệ An", UnitKind.AGENCY, None, ("Báo NA",)),
    ("DAI-PTTH", "Đài Phát thanh và Truyền hình tỉnh", UnitKind.AGENCY, None,
     ("Đài PT-TH tỉnh", "Đài PT-TH", "Đài Phát thanh và Truyền hình Nghệ An", "NTV")),
    ("BQL-KKT", "Ban Quản lý Khu kinh tế Đông Nam Nghệ An", UnitKind.AGENCY, None,
     ("BQL Khu kinh tế Đông Nam", "BQL KKT Đông Nam", "Ban Quản lý Khu kinh tế Đông Nam")),
    ("CONG-TTDT", "Cổng Thông tin điện tử tỉnh", UnitKind.SUBUNIT, "VP-UBND",
     ("Cổng TTĐT tỉnh", "Cổng TTĐT", "Cổng thông tin điện tử tỉnh Nghệ An")),
    ("TT-CNTT", "Trung tâm Công nghệ thông tin và Truyền thông Nghệ An", UnitKind.SUBUNIT,
     "SO-TTTT",
     ("Trung tâm CNTT-TT", "Trung tâm CNTT&TT", "Trung tâm CNTT&TT Nghệ An",
      "Trung tâm CNTT-TT Nghệ An")),
)  # fmt: skip

_DISTRICT_ABBREVIATIONS = {"thành phố": "TP", "thị xã": "TX", "huyện": "H."}

#: Words a name may be typed without: the unit's kind ("Xã Hưng Đông" as "Hưng Đông").
_KIND_WORDS = ("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "thị trấn", "thị xã", "thành phố",
               "phường", "huyện", "xã", "sở", "tp.", "tp", "tx.", "tx", "h.")  # fmt: skip


def _without_kind(key: str) -> str:
    """A folded name without its leading kind words: ``"ubnd xã hưng đông"`` → ``"hưng đông"``."""
    changed = True
    while changed:
        changed = False
        for word in _KIND_WORDS:
            if key.startswith(word + " "):
                key, changed = key[len(word) + 1 :].lstrip(), True
    return key


class UnitRegistry:
    """All units, looked up by code, full name or alias.

    Look-up ignores case, extra spaces, NFC/NFD differences and old/new tone placement
    ("Hoà"/"Hòa"). A name shared by several units (some communes in different districts) is
    ambiguous: qualify it with the district (``"Xã Nam Sơn, Huyện Đô Lương"``) or use the code.
    """

    def __init__(self, units: Iterable[Unit]) -> None:
        self._by_code: dict[str, Unit] = {}
        self._by_name: dict[str, list[Unit]] = {}
        for unit in units:
            if unit.code in self._by_code:
                raise ValueError(f"duplicate unit code {unit.code!r}")
            self._by_code[unit.code] = unit
        for unit in self._by_code.values():
            for name in self._names(unit):
                bucket = self._by_name.setdefault(fold(name), [])
                if unit not in bucket:
                    bucket.append(unit)

    @cached_property
    def _loose(self) -> tuple[dict[str, list[Unit]], ...]:
        """Looser keys, tried in turn when a name is not found as typed (built on first need):
        without the kind word, without diacritics, without both."""
        indexes: tuple[dict[str, list[Unit]], ...] = ({}, {}, {})
        for key, units in self._by_name.items():
            bare = _without_kind(key)
            for index, loose in zip(
                indexes, (bare, ascii_fold(key), ascii_fold(bare)), strict=True
            ):
                bucket = index.setdefault(loose, [])
                bucket.extend(u for u in units if u not in bucket)
        return indexes

    def _names(self, unit: Unit) -> Iterator[str]:
        yield unit.name
        yield from unit.aliases
        if unit.kind is UnitKind.COMMUNE and unit.parent is not None:
            district = self._by_code[unit.parent]
            yield f"{unit.name}, {district.name}"
            yield f"UBND {unit.name}, {district.name}"

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> frozenset[str]:
        """Every unit code."""
        return frozenset(self._by_code)

    def get(self, code: str) -> Unit:
        """The unit with this exact code; :class:`UnknownUnitError` if there is none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownUnitError(code) from None

    def lookup(self, query: str) -> Unit:
        """The unit named by a code, full name or alias.

        The name may be typed without its kind word ("Hưng Đông" for "Xã Hưng Đông") or without
        diacritics ("So Y te"), when that names one unit. Raises :class:`UnknownUnitError` when
        nothing matches (with the closest names as suggestions) or when the name is ambiguous (the
        error lists the candidates).
        """
        text = nfc(query).strip()
        if text in self._by_code:
            return self._by_code[text]
        upper = text.upper()
        if upper in self._by_code:
            return self._by_code[upper]
        key = fold(text)
        bare = _without_kind(key)
        found = self._by_name.get(key)
        if not found:
            tries = zip(self._loose, (bare, ascii_fold(key), ascii_fold(bare)), strict=True)
            found = next((index[loose] for index, loose in tries if index.get(loose)), None)
        if not found:
            raise UnknownUnitError(query, suggestions=self._closest(ascii_fold(bare)))
        if len(found) > 1:
            raise UnknownUnitError(
                query,
                candidates=tuple(u.code for u in found),
                suggestions=tuple(f"{self.display_name(u)} ({u.code})" for u in found),
            )
        return found[0]

    def _closest(self, key: str, n: int = 3) -> tuple[str, ...]:
        """``"name (code)"`` of the units whose names are closest to ``key``."""
        index = self._loose[2]
        suggestions: list[str] = []
        for match in difflib.get_close_matches(key, list(index), n=n, cutoff=0.6):
            for unit in index[match]:
                label = f"{self.display_name(unit)} ({unit.code})"
                if label not in suggestions:
                    suggestions.append(label)
        return tuple(suggestions[:n])

    def display_name(self, unit: Unit) -> str:
        """The unit's name, with its district for a commune (``"Xã Hưng Đông, Thành phố Vinh"``)."""
        if unit.kind is UnitKind.COMMUNE and unit.parent in self._by_code:
            return f"{unit.name}, {self._by_code[unit.parent].name}"
        return unit.name

    def of_kind(self, *kinds: UnitKind) -> tuple[Unit, ...]:
        """Units of the given kinds, in registry order."""
        wanted = set(kinds)
        return tuple(u for u in self._by_code.values() if u.kind in wanted)

    def children(self, code: str) -> tuple[Unit, ...]:
        """Units whose parent is ``code`` (a district's communes, a department's subunits)."""
        return tuple(u for u in self._by_code.values() if u.parent == code)

    def reporting_units(self) -> tuple[Unit, ...]:
        """Units that file a report of their own, in registry order."""
        return tuple(u for u in self._by_code.values() if u.reports)


def _district_aliases(name: str, subtype: str) -> tuple[str, ...]:
    bare = name[len(subtype) :].strip() if name.casefold().startswith(subtype) else name
    short = _DISTRICT_ABBREVIATIONS[subtype]
    aliases = [bare, f"UBND {name}", f"UBND {subtype} {bare}", f"{short} {bare}"]
    if short != "H.":
        aliases.append(f"{short}. {bare}")
    aliases.append(f"UBND {short} {bare}")
    return tuple(dict.fromkeys(aliases))


def _load_administrative_units() -> Iterator[Unit]:
    raw = (
        resources.files("sokets")
        .joinpath("data/administrative-units-2023.csv")
        .read_text(encoding="utf-8")
    )
    seen_districts: set[str] = set()
    rows = list(csv.DictReader(io.StringIO(raw)))
    for row in rows:
        code = row["district_code"]
        if code in seen_districts:
            continue
        seen_districts.add(code)
        name, subtype = nfc(row["district_name"]), nfc(row["district_type"])
        yield Unit(code, name, UnitKind.DISTRICT, None, _district_aliases(name, subtype), subtype)
    for row in rows:
        name, subtype = nfc(row["ward_name"]), nfc(row["ward_type"])
        yield Unit(
            row["ward_code"],
            name,
            UnitKind.COMMUNE,
            row["district_code"],
            (f"UBND {name}",),
            subtype,
        )


@cache
def get_registry() -> UnitRegistry:
    """The registry of 2023 (built once, on first call)."""
    provincial = (
        Unit(code, name, kind, parent, aliases) for code, name, kind, parent, aliases in _PROVINCIAL
    )
    return UnitRegistry([*provincial, *_load_administrative_units()])
