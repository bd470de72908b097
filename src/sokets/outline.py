"""The report outlines of Phụ lục 01 (departments and districts) and Phụ lục 04 (communes).

Each outline is a tree of :class:`OutlineItem`: parts (A, B), sections (I., II.), subsections
(1., 2., a)), bullets ("-") and sub-bullets ("+"), each with the plan's words (NFC, errata applied)
and who must answer it. A unit answers the *leaves* that apply to it; the form models, validation
rules and renderers all read this tree, so it is the one place the outline is written down.

Item ids join the numbers with dots; bullets are numbered ``b1, b2, …`` and sub-bullets
``p1, p2, …`` in the plan's order: ``"A.II.7.b3.p1"`` is the first "+" under the third "-" of
A.II.7. Some leaves carry *indicators*: the rates ("tỷ lệ …"), yes/no questions ("có/không") and
counts ("số lượng …") the plan asks for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from sokets.units import PL01_KINDS, Unit, UnitKind


class IndicatorKind(StrEnum):
    """The shape of an indicator's answer."""

    RATIO = "ratio"
    YES_NO = "yes_no"
    COUNT = "count"


@dataclass(frozen=True)
class Indicator:
    """A measured answer the plan asks for under an item."""

    id: str
    kind: IndicatorKind
    label: str
    over_communes: bool = False
    """A rate over all the reporting district's communes (its denominator is known)."""


@dataclass(frozen=True)
class Applicability:
    """Who must answer an item: every unit of some kinds, and/or named units."""

    kinds: frozenset[UnitKind] = frozenset()
    units: frozenset[str] = frozenset()
    label: str = ""

    def applies_to(self, unit: Unit) -> bool:
        """Whether ``unit`` must answer an item with this applicability."""
        return unit.kind in self.kinds or unit.code in self.units


@dataclass(frozen=True)
class OutlineItem:
    """One node of an outline."""

    id: str
    number: str
    title: str
    guidance: str = ""
    applicability: Applicability = field(default_factory=Applicability)
    children: tuple[OutlineItem, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    asks_for_figures: bool = False
    describes_baseline: bool = False
    """The item describes the situation before plan 586 (its figures may predate the period)."""

    @property
    def is_answerable(self) -> bool:
        """Leaves hold answers; headings group them."""
        return not self.children

    def walk(self) -> Iterator[OutlineItem]:
        """This item and all below it, depth first, in the plan's order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def applies_to(self, unit: Unit) -> bool:
        """Whether ``unit`` must answer this item (for a heading: any leaf below it)."""
        if self.children:
            return any(child.applies_to(unit) for child in self.children)
        return self.applicability.applies_to(unit)


@dataclass(frozen=True)
class Outline:
    """A whole outline: the appendix it comes from, its title, note and items."""

    form: str
    appendix: str
    title: str
    note: str
    items: tuple[OutlineItem, ...]

    def walk(self) -> Iterator[OutlineItem]:
        """Every item, depth first, in the plan's order."""
        for item in self.items:
            yield from item.walk()

    def leaves(self) -> tuple[OutlineItem, ...]:
        """The answerable items, in the plan's order."""
        return tuple(i for i in self.walk() if i.is_answerable)

    def get(self, item_id: str) -> OutlineItem:
        """The item with this id (``KeyError`` if none)."""
        for item in self.walk():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def leaves_for(self, unit: Unit) -> tuple[OutlineItem, ...]:
        """The leaves ``unit`` must answer."""
        return tuple(i for i in self.leaves() if i.applicability.applies_to(unit))

    def items_for(self, unit: Unit) -> Iterator[OutlineItem]:
        """Every item that applies to ``unit`` (headings included), in the plan's order."""
        return (i for i in self.walk() if i.applies_to(unit))


# -- applicability shorthands ---------------------------------------------------------------

_ALL_PL01 = Applicability(PL01_KINDS, label="Các sở, ban, ngành cấp tỉnh và UBND cấp huyện")
_COMMUNES = Applicability(frozenset({UnitKind.COMMUNE}), label="UBND cấp xã")
_DISTRICTS = Applicability(frozenset({UnitKind.DISTRICT}), label="UBND cấp huyện")
_VINH, _CUA_LO, _HOANG_MAI = "412", "413", "432"


def _only(label: str, *codes: str) -> Applicability:
    return Applicability(units=frozenset(codes), label=label)


def _ratio(id_: str, label: str) -> Indicator:
    return Indicator(id_, IndicatorKind.RATIO, label)


def _count(id_: str, label: str) -> Indicator:
    return Indicator(id_, IndicatorKind.COUNT, label)


def _with(applicability: Applicability, items: tuple[OutlineItem, ...]) -> tuple[OutlineItem, ...]:
    """Give leaves without an explicit applicability the default one."""
    out = []
    for item in items:
        children = _with(applicability, item.children)
        own = item.applicability if item.applicability.label else applicability
        out.append(
            OutlineItem(
                item.id,
                item.number,
                item.title,
                item.guidance,
                own,
                children,
                item.indicators,
                item.asks_for_figures,
                item.describes_baseline,
            )
        )
    return tuple(out)


def _bullets(
    parent: str, *bullets: OutlineItem | str, figures: bool = False
) -> tuple[OutlineItem, ...]:
    """Number plain bullets of ``parent`` as b1, b2, …; strings become simple bullets."""
    out = []
    for n, bullet in enumerate(bullets, start=1):
        if isinstance(bullet, str):
            out.append(OutlineItem(f"{parent}.b{n}", "-", bullet, asks_for_figures=figures))
        else:
            out.append(bullet)
    return tuple(out)


# -- Phụ lục 01 ------------------------------------------------------------------------------


def _pl01_items() -> tuple[OutlineItem, ...]:
    b = OutlineItem
    sec2 = b(
        "A.II.2",
        "2.",
        "Phát triển hạ tầng số",
        children=_bullets(
            "A.II.2",
            "Tình hình triển khai phát triển hạ tầng kỹ thuật số tại đơn vị, địa phương đảm bảo "
            "kết nối liên thông, xuyên suốt từ cấp tỉnh đến cấp xã. Kết quả tái cấu trúc hạ tầng "
            "công nghệ thông tin của các ban, sở, ngành, địa phương; Kết quả triển khai chuyển "
            "đổi hạ tầng công nghệ thông tin thành hạ tầng số ứng dụng công nghệ điện toán đám "
            "mây. Tình hình, kết quả triển khai cập nhật, liên thông các cơ sở dữ liệu quốc gia "
            "theo lộ trình triển khai của các bộ, ngành và Chính phủ; Kết quả ứng dụng hiệu quả "
            "các cơ sở dữ liệu quốc gia phục vụ mục tiêu phát triển kinh tế - xã hội của ngành, "
            "địa phương.",
            "Tình hình triển khai hệ thống thông tin báo cáo của tỉnh.",
            "Tình hình triển khai chuẩn hóa, điện tử hóa quy trình xử lý hồ sơ, biểu mẫu, chế độ "
            "báo cáo trên môi trường điện tử; thực hiện số hóa hồ sơ và kết quả giải quyết thủ "
            "tục hành chính.",
            figures=True,
        ),
    )
    sec3 = b(
        "A.II.3",
        "3.",
        "Phát triển nhân lực chuyển đổi số",
        children=_bullets(
            "A.II.3",
            "Kết quả công tác đào tạo, bồi dưỡng kỹ năng lãnh đạo, quản lý chuyển đổi số cho cán "
            "bộ chủ chốt, người đứng đầu các cơ quan, đơn vị, địa phương;",
            "Kết quả đào tạo, bồi dưỡng chuyên sâu cho đội ngũ cán bộ chuyên trách/phụ trách công "
            "nghệ thông tin tại đơn vị, địa phương.",
            "Kết quả việc đào tạo, tập huấn, bồi dưỡng, cập nhật kiến thức, kỹ năng sử dụng công "
            "nghệ số cho cán bộ, công chức, viên chức, người lao động các cơ quan, đơn vị.",
            b(
                "A.II.3.b4",
                "-",
                "Riêng Sở Giáo dục và Đào tạo, Sở Lao động thương binh và Xã hội báo cáo nội dung "
                "kết quả triển khai nhiệm vụ nâng cao năng lực, chất lượng đào tạo công nghệ thông "
                "tin trong các cấp giáo dục phổ thông và cơ sở đào tạo nghề nghiệp trên địa bàn "
                "tỉnh.",
                applicability=_only(
                    "Sở Giáo dục và Đào tạo, Sở Lao động - Thương binh và Xã hội",
                    "SO-GDDT",
                    "SO-LDTBXH",
                ),
                asks_for_figures=True,
            ),
            b(
                "A.II.3.b5",
                "-",
                "Sở Nội vụ báo cáo tình hình triển khai các cơ chế, chính sách thu hút các chuyên "
                "gia công nghệ số, nhân lực công nghệ thông tin chất lượng cao làm việc trong các cơ "
                "quan của hệ thống chính trị.",
                applicability=_only("Sở Nội vụ", "SO-NV"),
                asks_for_figures=True,
            ),
            b(
                "A.II.3.b6",
                "-",
                "UBND cấp huyện báo cáo tình hình, kết quả triển khai thành lập Tổ công nghệ số "
                "cộng đồng cấp xã và cấp thôn, bản (số lượng tổ công nghệ số được thành lập các "
                "cấp, tỷ lệ xã triển khai thành lập, hoạt động của tổ công nghệ số cộng đồng trong "
                "thời gian qua).",
                applicability=_DISTRICTS,
                asks_for_figures=True,
                indicators=(
                    _count(
                        "commune_teams", "Số lượng tổ công nghệ số cộng đồng cấp xã được thành lập"
                    ),
                    _count(
                        "village_teams",
                        "Số lượng tổ công nghệ số cộng đồng cấp thôn, bản được thành lập",
                    ),
                    Indicator(
                        "communes_with_teams",
                        IndicatorKind.RATIO,
                        "Tỷ lệ xã triển khai thành lập",
                        over_communes=True,
                    ),
                ),
            ),
            figures=True,
        ),
    )
    sec4 = b(
        "A.II.4",
        "4.",
        "Đẩy mạnh chuyển đổi số trong hoạt động của cơ quan đảng, chính quyền, Mặt trận Tổ quốc, "
        "tổ chức chính trị - xã hội các cấp",
        children=_bullets(
            "A.II.4",
            "Kết quả triển khai các nhiệm vụ theo các Kế hoạch số 586/KH-UBND.",
            b(
                "A.II.4.b2",
                "-",
                "Sở Thông tin và Truyền thông, UBND các địa phương: Thành phố Vinh, Thị xã Cửa Lò, "
                "Thị xã Hoàng Mai báo cáo kết quả hoàn thiện, nâng cao hiệu quả hoạt động của Trung "
                "tâm điều hành thông minh.",
                applicability=_only(
                    "Sở TT&TT, Thành phố Vinh, Thị xã Cửa Lò, Thị xã Hoàng Mai",
                    "SO-TTTT",
                    _VINH,
                    _CUA_LO,
                    _HOANG_MAI,
                ),
                asks_for_figures=True,
            ),
            figures=True,
        ),
    )
    sec5 = b(
        "A.II.5",
        "5.",
        "Phát triển kinh tế số",
        children=(
            b(
                "A.II.5.b1",
                "-",
                "Các Sở: Nông nghiệp và Phát triển nông thôn, Công Thương, Giao thông vận tải báo "
                "cáo tình hình, kết quả triển khai xây dựng nền tảng dữ liệu số quản lý ngành nông "
                "nghiệp, ứng dụng các mô hình sản xuất nông nghiệp thông minh, phát triển mạng lưới "
                "logistics gắn với thương mại điện tử và chuỗi sản xuất các sản phẩm chủ lực của "
                "tỉnh.",
                applicability=_only(
                    "Sở NN&PTNT, Sở Công Thương, Sở GTVT", "SO-NNPTNT", "SO-CT", "SO-GTVT"
                ),
                asks_for_figures=True,
            ),
            b(
                "A.II.5.b2",
                "-",
                "Sở Xây dựng báo cáo tình hình, kết quả triển khai ứng dụng công nghệ số trong quy "
                "hoạch và quản lý phát triển đô thị; thực hiện quy hoạch, phát triển hạ tầng đô thị "
                "theo định hướng phát triển đô thị thông minh;",
                applicability=_only("Sở Xây dựng", "SO-XD"),
                asks_for_figures=True,
            ),
            b(
                "A.II.5.b3",
                "-",
                "Các sở: Kế hoạch và Đầu tư, Khoa học và Công nghệ, Thông tin và Truyền thông, Công "
                "Thương, Nông nghiệp và Phát triển nông thôn báo cáo về tình hình tham mưu ban hành, "
                "triển khai cơ chế, chính sách khuyến khích, hướng dẫn, hỗ trợ người dân, doanh "
                "nghiệp thực hiện chuyển đổi số, khai thác các dịch vụ số, tiện ích số để giải quyết "
                "thủ tục hành chính, tham gia thương mại điện tử, tiếp cận với các mô hình, kỹ thuật "
                "sản xuất trên môi trường số.",
                applicability=_only(
                    "Sở KH&ĐT, Sở KH&CN, Sở TT&TT, Sở Công Thương, Sở NN&PTNT",
                    "SO-KHDT",
                    "SO-KHCN",
                    "SO-TTTT",
                    "SO-CT",
                    "SO-NNPTNT",
                ),
                asks_for_figures=True,
            ),
            b(
                "A.II.5.b4",
                "-",
                "Sở Thông tin và Truyền thông báo cáo tình hình, kết quả triển khai nhiệm vụ thu "
                "hẹp khoảng cách số giữa đô thị với nông thôn, phát triển kỹ năng số và điều kiện "
                "tiếp cận dịch vụ số cho người dân vùng nông thôn (vùng biển, miền núi và các địa "
                "bàn khó khăn); hỗ trợ người dân vùng khó khăn và dân tộc thiểu số tiếp cận công "
                "nghệ số;",
                applicability=_only("Sở TT&TT", "SO-TTTT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.5.b5",
                "-",
                "Sở Văn hóa và Thể thao báo cáo tình hình, kết quả triển khai nhiệm vụ phát triển "
                "các sản phẩm văn hóa của Nghệ An trên nền tảng công nghệ số, phục vụ rộng rãi người "
                "dân trong và ngoài tỉnh.",
                applicability=_only("Sở Văn hóa và Thể thao", "SO-VHTT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.5.b6",
                "-",
                "Các sở, ban, ngành, địa phương báo cáo kết quả huy động và sử dụng các nguồn lực xã "
                "hội hóa đầu tư phát triển công nghệ số và kinh tế số tại lĩnh vực, địa phương mình "
                "phụ trách.",
                asks_for_figures=True,
            ),
        ),
    )
    sec6 = b(
        "A.II.6",
        "6.",
        "Bảo đảm an toàn, an ninh thông tin mạng",
        children=(
            b(
                "A.II.6.b1",
                "-",
                "Sở Thông tin và Truyền thông báo cáo tình hình tham mưu, hoàn chỉnh các quy định, "
                "quy chế bảo đảm an toàn thông tin mạng theo mô hình “4 lớp” thống nhất trên phạm "
                "vi toàn tỉnh; hoàn thiện hệ thống hạ tầng thông tin theo nguyên tắc bảo đảm an "
                "toàn thông tin, an ninh mạng để cơ quan, tổ chức, doanh nghiệp, người dân được bảo "
                "vệ an toàn thông tin và dữ liệu riêng tư, tham gia bình đẳng vào quá trình chuyển "
                "đổi số; công tác thông tin tuyên truyền, hướng dẫn người dân nâng cao nhận thức tự "
                "bảo vệ trên môi trường số.",
                applicability=_only("Sở TT&TT", "SO-TTTT"),
                asks_for_figures=True,
            ),
        ),
    )
    health = _only("Sở Y tế", "SO-YT")
    sec7 = b(
        "A.II.7",
        "7.",
        "Kết quả triển khai các lĩnh vực ưu tiên",
        children=(
            b(
                "A.II.7.b1",
                "-",
                "Các ban, sở, ngành, cơ quan, địa phương báo cáo kết quả chỉ đạo xây dựng kế hoạch, "
                "lựa chọn lĩnh vực ưu tiên, bố trí nguồn lực để triển khai thực hiện chuyển đổi số "
                "ở đơn vị, địa phương.",
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b2",
                "-",
                "Xây dựng cơ sở dữ liệu số ngành Giáo dục và đào tạo, triển khai nền tảng phục vụ "
                "dạy và học trực tuyến: Sở Giáo dục và Đào tạo báo cáo tình hình, kết quả triển khai "
                "các nhiệm vụ: Xây dựng cơ sở dữ liệu của ngành giáo dục và đào tạo để kết nối dữ "
                "liệu từ các cơ sở giáo dục trong toàn tỉnh; triển khai nền tảng phục vụ dạy và học "
                "trực tuyến; ứng dụng các nền tảng công nghệ số trong công tác quản lý, giảng dạy và "
                "học tập hình thành các mô hình giáo dục thông minh trong hệ thống giáo dục của tỉnh; "
                "số hóa tài liệu, giáo trình, bài giảng nhằm phát triển hệ thống học liệu cung cấp "
                "trực tuyến phục vụ miễn phí cho giáo viên và học sinh trong toàn tỉnh; phát triển "
                "hệ thống đào tạo trực tuyến trong giáo dục nghề nghiệp.",
                applicability=_only("Sở Giáo dục và Đào tạo", "SO-GDDT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b3",
                "-",
                "Chuyển đổi số ngành y tế: Sở Y tế báo cáo tình hình, kết quả triển khai các nhiệm "
                "vụ:",
                children=(
                    b(
                        "A.II.7.b3.p1",
                        "+",
                        "Triển khai công tác khám chữa bệnh và thanh toán BHYT tại các cơ sở khám chữa "
                        "bệnh trên địa bàn; công tác thanh toán điện tử không dùng tiền mặt; đăng ký "
                        "khám bệnh trực tuyến, tiếp đón người bệnh bằng thẻ CCCD gắn chíp hoặc qua "
                        "ứng dụng VNeID, VssID.",
                        applicability=health,
                        asks_for_figures=True,
                    ),
                    b(
                        "A.II.7.b3.p2",
                        "+",
                        "Triển khai phần mềm dùng chung tại Trạm Y tế xã, phường, thị trấn; Phần mềm "
                        "quản lý Hồ sơ sức khỏe điện tử.",
                        applicability=health,
                        asks_for_figures=True,
                    ),
                    b(
                        "A.II.7.b3.p3",
                        "+",
                        "Triển khai Bệnh án điện tử tại các cơ sở khám chữa bệnh trong và ngoài công "
                        "lập triển khai bệnh án điện tử theo Thông tư 46/2018/TT-BYT ngày 28/12/2018 "
                        "của Bộ Y tế.",
                        applicability=health,
                        asks_for_figures=True,
                    ),
                ),
            ),
            b(
                "A.II.7.b4",
                "-",
                "Xây dựng cơ sở dữ liệu số về tài nguyên và môi trường: Sở Tài nguyên và Môi trường "
                "báo cáo tình hình, kết quả triển khai thực hiện các nhiệm vụ: Xây dựng cơ sở dữ "
                "liệu số về tài nguyên và môi trường của tỉnh, hình thành và chia sẻ dữ liệu bản đồ "
                "số dùng chung của tỉnh phục vụ hoạt động quản lý và cung cấp dịch vụ số của chính "
                "quyền các cấp; ứng dụng các nền tảng công nghệ số, các giải pháp kỹ thuật hiện đại "
                "trong quan trắc, giám sát, xử lý các vấn đề về tài nguyên và môi trường.",
                applicability=_only("Sở Tài nguyên và Môi trường", "SO-TNMT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b5",
                "-",
                "Triển khai ứng dụng nền tảng du lịch thông minh: Sở Du lịch báo cáo tình hình, kết "
                "quả triển khai ứng dụng nền tảng du lịch thông minh, số hoá hệ thống dữ liệu về du "
                "lịch.",
                applicability=_only("Sở Du lịch", "SO-DL"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b6",
                "-",
                "Triển khai ứng dụng nền tảng số trong lĩnh vực văn hóa, thể thao: Sở Văn hóa và Thể "
                "thao báo cáo tình hình, kết quả triển khai các nhiệm vụ: Triển khai ứng dụng nền "
                "tảng công nghệ số trong quản lý các di tích lịch sử, di sản văn hóa vật thể và phi "
                "vật thể, quản lý nghệ thuật biểu diễn, quản lý đào tạo huấn luyện thể thao thành "
                "tích cao, bảo tàng số, thư viện điện tử; cung cấp dịch vụ bảo tàng số, thư viện số.",
                applicability=_only("Sở Văn hóa và Thể thao", "SO-VHTT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b7",
                "-",
                "Xây dựng đồng bộ hệ thống cơ sở dữ liệu quản lý ngành Nông nghiệp và Phát triển "
                "nông thôn: Sở Nông nghiệp và phát triển nông thôn báo cáo tình hình, kết quả triển "
                "khai các nhiệm vụ: Xây dựng đồng bộ hệ thống cơ sở dữ liệu quản lý ngành Nông "
                "nghiệp và Phát triển nông thôn; nâng cấp, hoàn thiện, triển khai mới các nền tảng "
                "công nghệ số phục vụ công tác quản lý nhà nước trên các lĩnh vực thuộc ngành như: "
                "Quản lý hồ chứa, công trình thủy lợi, nước sạch nông thôn, đê điều, phòng chống lụt "
                "bão; quản lý sản xuất và phòng chống dịch bệnh, sâu bệnh trên cây trồng, vật nuôi; "
                "giám sát, quản lý bảo vệ rừng, phòng cháy, chữa cháy rừng; quản lý, giám sát khai "
                "thác và nuôi trồng thủy sản; quản lý hợp tác xã nông nghiệp; quản lý bố trí dân cư "
                "các vùng thiên tai, đặc biệt khó khăn, biên giới và di cư tự do; quản lý làng nghề, "
                "ngành nghề nông thôn; ứng dụng các nền tảng công nghệ số phục vụ quản lý, giám sát "
                "nguồn gốc, chuỗi cung ứng sản phẩm, bảo đảm minh bạch, chính xác, an toàn vệ sinh "
                "thực phẩm, góp phần nâng cao năng lực cạnh tranh cho sản phẩm nông nghiệp của tỉnh.",
                applicability=_only("Sở Nông nghiệp và Phát triển nông thôn", "SO-NNPTNT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b8",
                "-",
                "Xây dựng hệ thống cơ sở dữ liệu số quản lý ngành Giao thông vận tải: Sở Giao thông "
                "vận tải báo cáo tình hình, kết quả triển khai các nhiệm vụ: Xây dựng hệ thống cơ sở "
                "dữ liệu số quản lý ngành Giao thông vận tải và triển khai các giải pháp về giám sát, "
                "quản lý giao thông thông minh.",
                applicability=_only("Sở Giao thông vận tải", "SO-GTVT"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b9",
                "-",
                "Chuyển đổi số trong hoạt động phát điện, truyền tải, phân phối và bán điện: Điện "
                "lực Nghệ An báo cáo tình hình, kết quả triển khai các nhiệm vụ: Chuyển đổi số trong "
                "hoạt động phát điện, truyền tải, phân phối và bán điện nhằm đảm bảo các tiêu chuẩn "
                "kỹ thuật hiện hành, hướng đến tự động hóa công tác giám sát, quản lý, vận hành, bảo "
                "đảm an toàn, kinh doanh điện năng và cung cấp dịch vụ điện thông minh, nâng cao "
                "hiệu quả hoạt động điện lực trên địa bàn.",
                applicability=_only("Điện lực Nghệ An", "DIEN-LUC"),
                asks_for_figures=True,
            ),
            b(
                "A.II.7.b10",
                "-",
                "Công an tỉnh Nghệ An báo cáo tình hình, kết quả triển khai Đề án phát triển ứng "
                "dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc "
                "gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030.",
                applicability=_only("Công an tỉnh Nghệ An", "CA-TINH"),
                asks_for_figures=True,
            ),
        ),
    )
    part_a = b(
        "A",
        "A.",
        "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH SỐ 586/KH-UBND",
        guidance=(
            "Yêu cầu đánh giá cụ thể, đi thẳng vào nhiệm vụ, giải pháp đã nêu tại Kế hoạch số "
            "586/KH-UBND và nhiệm vụ, giải pháp các đơn vị đã đề ra, kết quả đánh giá cần cụ thể "
            "hóa bằng các số liệu, trường hợp điển hình và phân tích rõ những tồn tại, vướng mắc, "
            "nguyên nhân và đề xuất cụ thể những kiến nghị, giải pháp khắc phục trong thời gian "
            "tới. Nội dung đánh giá bố cục theo các nội dung sau:"
        ),
        children=(
            b(
                "A.I",
                "I.",
                "KẾT QUẢ TỔ CHỨC THỰC HIỆN NGHỊ QUYẾT",
                guidance=(
                    "Nội dung này đánh giá kết quả tổ chức thực hiện nhiệm vụ của các Sở, ban, "
                    "ngành, UBND các huyện, thị xã, thành phố theo Kế hoạch số 586/KH-UBND."
                ),
                asks_for_figures=True,
            ),
            b(
                "A.II",
                "II.",
                "KẾT QUẢ TRIỂN KHAI CÁC NHIỆM VỤ VÀ GIẢI PHÁP THEO KẾ HOẠCH SỐ 586/KH-UBND",
                children=(
                    b(
                        "A.II.1",
                        "1.",
                        "Sự lãnh đạo, chỉ đạo của các cấp ủy, chính quyền; công tác tuyên truyền "
                        "nâng cao nhận thức về chuyển đổi số cho cán bộ, công chức, viên chức và "
                        "người lao động.",
                        asks_for_figures=True,
                    ),
                    sec2,
                    sec3,
                    sec4,
                    sec5,
                    sec6,
                    sec7,
                ),
            ),
            b(
                "A.III",
                "III.",
                "NHỮNG VƯỚNG MẮC, TỒN TẠI VÀ NGUYÊN NHÂN",
                guidance=(
                    "Nêu rõ những tồn tại, vướng mắc, nguyên nhân trong quá trình triển khai Kế "
                    "hoạch số 586/KH-UBND."
                ),
            ),
            b(
                "A.IV",
                "IV.",
                "KIẾN NGHỊ, ĐỀ XUẤT",
                guidance="Đề xuất, kiến nghị cụ thể để khắc phục các hạn chế, vướng mắc.",
            ),
        ),
    )
    part_b = b(
        "B",
        "B.",
        "NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI",
        guidance=(
            "Căn cứ nội dung, yêu cầu tại Kế hoạch số 586/KH-UBND, căn cứ kết quả thực hiện các "
            "mục tiêu, nhiệm vụ trong 01 năm qua, các sở, ban, ngành, UBND các huyện, thị xã, "
            "thành phố đề xuất mục tiêu, nhiệm vụ, giải pháp chuyển đổi số trong thời gian tới phù "
            "hợp, hướng tới thực hiện thành công Kế hoạch chuyển đổi số đến năm 2025 của cơ quan, "
            "đơn vị; thực hiện thành công các mục tiêu, nhiệm vụ Tỉnh uỷ, UBND tỉnh, Chủ tịch UBND "
            "tỉnh đã giao."
        ),
    )
    return _with(_ALL_PL01, (part_a, part_b))


# -- Phụ lục 04 ------------------------------------------------------------------------------


def _pl04_items() -> tuple[OutlineItem, ...]:
    b = OutlineItem
    ratio = _ratio
    sec3a = b(
        "3.a",
        "a)",
        "Về chính quyền số:",
        children=(
            b(
                "3.a.b1",
                "-",
                "Việc trang bị máy tính, thiết bị phụ trợ cần thiết tối thiểu và đảm bảo cấu hình, "
                "tốc độ để ứng dụng, hoạt động trong công việc.",
            ),
            b("3.a.b2", "-", "Kết quả sử dụng chữ ký số chuyên dùng của Ban cơ yếu Chính phủ."),
            b(
                "3.a.b3",
                "-",
                "Triển khai hệ thống giải quyết thủ tục hành chính VNPT-IGate (về: tỷ lệ thủ tục "
                "hành chính được chuẩn hóa quy trình nội bộ; được xây dựng, cập nhật, cấu hình quy "
                "trình điện tử giải quyết thủ tục hành chính trên hệ thống Một cửa điện tử của xã; "
                "tỷ lệ hồ sơ giải quyết thủ tục hành chính của người dân, doanh nghiệp nộp trực "
                "tiếp được tiếp nhận, xử lý tại quầy của Bộ phận Một cửa của xã; tỷ lệ hồ sơ tiếp "
                "nhận giải quyết thủ tục hành chính được cập nhật đầy đủ thông tin; tỷ lệ hồ sơ giải "
                "quyết thủ tục hành chính/thủ tục hành chính liên thông được luân chuyển đúng quy "
                "trình điện tử đã được cấu hình trên hệ thống Một cửa điện tử của xã, của huyện, của "
                "tỉnh; Tỷ lệ hồ sơ giải quyết thủ tục hành chính tiếp nhận trực tuyến).",
                indicators=(
                    ratio(
                        "procedures_standardised",
                        "Tỷ lệ thủ tục hành chính được chuẩn hóa quy trình nội bộ",
                    ),
                    ratio(
                        "procedures_configured",
                        "Tỷ lệ thủ tục hành chính được xây dựng, cập nhật, cấu hình quy trình điện "
                        "tử giải quyết thủ tục hành chính trên hệ thống Một cửa điện tử của xã",
                    ),
                    ratio(
                        "dossiers_at_counter",
                        "Tỷ lệ hồ sơ giải quyết thủ tục hành chính của người dân, doanh nghiệp "
                        "nộp trực tiếp được tiếp nhận, xử lý tại quầy của Bộ phận Một cửa của xã",
                    ),
                    ratio(
                        "dossiers_fully_updated",
                        "Tỷ lệ hồ sơ tiếp nhận giải quyết thủ tục hành chính được cập nhật đầy đủ "
                        "thông tin",
                    ),
                    ratio(
                        "dossiers_routed_electronically",
                        "Tỷ lệ hồ sơ giải quyết thủ tục hành chính/thủ tục hành chính liên thông "
                        "được luân chuyển đúng quy trình điện tử đã được cấu hình trên hệ thống "
                        "Một cửa điện tử của xã, của huyện, của tỉnh",
                    ),
                    ratio(
                        "dossiers_received_online",
                        "Tỷ lệ hồ sơ giải quyết thủ tục hành chính tiếp nhận trực tuyến",
                    ),
                ),
            ),
            b(
                "3.a.b4",
                "-",
                "Triển khai sử dụng phần mềm quản lý văn bản và điều hành VNPT-IOffice (tỷ lệ văn "
                "bản đến được xử lý đúng quy trình trên hệ thống Quản lý văn bản và Điều hành; tỷ lệ "
                "văn bản đi được thực hiện dưới dạng điện tử, được ký số theo quy định và xử lý, "
                "luân chuyển hoàn toàn trên môi trường mạng (trừ văn bản mật theo quy định)).",
                indicators=(
                    ratio(
                        "incoming_documents_processed",
                        "Tỷ lệ văn bản đến được xử lý đúng quy trình trên hệ thống Quản lý văn bản "
                        "và Điều hành",
                    ),
                    ratio(
                        "outgoing_documents_electronic",
                        "Tỷ lệ văn bản đi được thực hiện dưới dạng điện tử, được ký số theo quy "
                        "định và xử lý, luân chuyển hoàn toàn trên môi trường mạng (trừ văn bản "
                        "mật theo quy định)",
                    ),
                ),
            ),
            b(
                "3.a.b5",
                "-",
                "Việc triển khai kênh tương tác, giao tiếp giữa chính quyền với người dân, doanh "
                "nghiệp trên địa bàn xã (có/không triển khai kênh tương tác, giao tiếp giữa chính "
                "quyền với người dân, doanh nghiệp trên địa bàn xã qua các dịch vụ mạng xã hội như: "
                "Facebook, Zalo).",
                indicators=(
                    Indicator(
                        "interaction_channel",
                        IndicatorKind.YES_NO,
                        "Có/không triển khai kênh tương tác, giao tiếp giữa chính quyền với "
                        "người dân, doanh nghiệp trên địa bàn xã qua các dịch vụ mạng xã hội "
                        "như: Facebook, Zalo",
                    ),
                ),
            ),
            b(
                "3.a.b6",
                "-",
                "Triển khai vận hành Trang thông tin điện tử xã: số liệu cập nhật thông tin trên "
                "Trang thông tin điện tử của xã.",
                asks_for_figures=True,
            ),
            b(
                "3.a.b7",
                "-",
                "Tổ chức đào tạo, tập huấn nâng cao kiến thức kỹ năng số cơ bản (tỷ lệ cán bộ, công "
                "chức tại xã được đào tạo, tập huấn nâng cao kiến thức kỹ năng số cơ bản; sử dụng "
                "thành thạo các nền tảng số, hệ thống thông tin, phần mềm đang ứng dụng tại xã).",
                indicators=(
                    ratio(
                        "officials_trained",
                        "Tỷ lệ cán bộ, công chức tại xã được đào tạo, tập huấn nâng cao kiến thức "
                        "kỹ năng số cơ bản; sử dụng thành thạo các nền tảng số, hệ thống thông "
                        "tin, phần mềm đang ứng dụng tại xã",
                    ),
                ),
            ),
        ),
    )
    sec3b = b(
        "3.b",
        "b)",
        "Về kinh tế số:",
        children=(
            b(
                "3.b.b1",
                "-",
                "Tình hình triển khai thương mại điện tử ở các cơ sở kinh doanh, hộ sản xuất nông "
                "nghiệp trên địa bàn xã.",
            ),
            b(
                "3.b.b2",
                "-",
                "Tình hình ứng dụng các dịch vụ thanh toán không dùng tiền mặt của người dân trên "
                "địa bàn.",
            ),
        ),
    )
    sec3c = b(
        "3.c",
        "c)",
        "Về xã hội số:",
        children=(
            b(
                "3.c.b1",
                "-",
                "Kết quả triển khai phần mềm quản lý thông tin nhà trường, phần mềm quản lý thông tin "
                "y tế xã, phần mềm hồ sơ sức khỏe điện tử, phần mềm thống kê y tế điện tử, phần mềm "
                "quản lý tiêm chủng (tỷ lệ các trường trên địa bàn xã từ cấp tiểu học trở lên triển "
                "khai các nền tảng số phục vụ công tác quản lý, dạy và học phù hợp với điều kiện "
                "thực tế của địa phương; tỷ lệ người dân trên địa bàn xã biết và được tiếp cận với "
                "các dịch vụ y tế thông minh).",
                indicators=(
                    ratio(
                        "schools_on_digital_platforms",
                        "Tỷ lệ các trường trên địa bàn xã từ cấp tiểu học trở lên triển khai các "
                        "nền tảng số phục vụ công tác quản lý, dạy và học phù hợp với điều kiện "
                        "thực tế của địa phương",
                    ),
                    ratio(
                        "residents_reached_by_smart_health",
                        "Tỷ lệ người dân trên địa bàn xã biết và được tiếp cận với các dịch vụ y "
                        "tế thông minh",
                    ),
                ),
            ),
            b(
                "3.c.b2",
                "-",
                "Kết quả thông tin, tuyên truyền về chuyển đổi số cho người dân trên địa bàn (tỷ lệ "
                "người dân trên địa bàn xã được thông tin, tuyên truyền, nắm bắt được về chuyển đổi "
                "số; hưởng ứng, đồng thuận với các hoạt động chuyển đổi số tại xã).",
                indicators=(
                    ratio(
                        "residents_informed",
                        "Tỷ lệ người dân trên địa bàn xã được thông tin, tuyên truyền, nắm bắt "
                        "được về chuyển đổi số; hưởng ứng, đồng thuận với các hoạt động chuyển đổi "
                        "số tại xã",
                    ),
                ),
            ),
            b(
                "3.c.b3",
                "-",
                "Tình hình, kết quả triển khai thành lập Tổ công nghệ số cộng đồng cấp xã và cấp "
                "thôn, bản (số lượng tổ công nghệ số được thành lập các cấp, hoạt động của tổ công "
                "nghệ số cộng đồng trong thời gian qua).",
                asks_for_figures=True,
                indicators=(
                    _count(
                        "commune_teams", "Số lượng tổ công nghệ số cộng đồng cấp xã được thành lập"
                    ),
                    _count(
                        "village_teams",
                        "Số lượng tổ công nghệ số cộng đồng cấp thôn, bản được thành lập",
                    ),
                ),
            ),
        ),
    )
    items = (
        b(
            "1",
            "1.",
            "Đặc điểm tình hình tại địa phương",
            children=(
                b(
                    "1.b1",
                    "-",
                    "Về điều kiện tự nhiên, kinh tế xã hội: các đặc điểm về vị trí địa lý, điều kiện "
                    "tự nhiên, dân số, kinh tế, xã hội, tiềm năng lợi thế địa phương,...",
                    describes_baseline=True,
                ),
                b(
                    "1.b2",
                    "-",
                    "Về tình hình hiện trạng có liên quan đến triển khai chuyển đổi số trước khi triển "
                    "khai Kế hoạch số 586/KH-UBND: về cơ sở vật chất hạ tầng (mạng LAN, máy tính, máy "
                    "quét, mạng Internet, thông tin liên lạc, đài truyền thanh cơ sở,...); về triển "
                    "khai ứng dụng các phần mềm; về trình độ ứng dụng CNTT của cán bộ UBND xã và người "
                    "dân tại địa phương; ứng dụng CNTT và thanh toán không dùng tiền mặt tại trường "
                    "học, trạm y tế, cộng đồng dân cư.",
                    describes_baseline=True,
                ),
            ),
        ),
        b(
            "2",
            "2.",
            "Công tác chỉ đạo tổ chức triển khai",
            guidance=(
                "các văn bản chỉ đạo, các cơ chế chính sách, phương pháp triển khai Kế hoạch số "
                "586/KH-UBND tại địa phương."
            ),
        ),
        b(
            "3",
            "3.",
            "Kết quả triển khai các nhiệm vụ tại địa phương",
            children=(sec3a, sec3b, sec3c),
        ),
        b(
            "4",
            "4.",
            "Đánh giá kết quả triển khai, kết quả đạt được và những tồn tại, hạn chế và nguyên nhân",
            guidance=(
                "tập trung về kết quả công tác tổ chức, chỉ đạo, theo dõi, giám sát, đánh giá kết "
                "quả triển khai tại địa phương trong thời gian qua."
            ),
        ),
        b(
            "5",
            "5.",
            "Kiến nghị đề xuất",
            guidance=(
                "Đề nghị cụ thể các kiến nghị đề xuất tập trung vào các nội dung triển khai: chính "
                "quyền số, kinh tế số, xã hội số theo những đánh giá ở trên."
            ),
        ),
        b(
            "6",
            "6.",
            "Đề xuất nhiệm vụ trong thời gian tới",
            guidance=(
                "Căn cứ nội dung, yêu cầu tại Kế hoạch số 586/KH-UBND, căn cứ kết quả thực hiện các "
                "mục tiêu, nhiệm vụ trong 01 năm qua và các tiêu chí liên quan đến chuyển đổi số "
                "thuộc Bộ tiêu chí nông thôn mới giai đoạn 2021-2025, UBND cấp xã đề xuất mục tiêu, "
                "nhiệm vụ, giải pháp chuyển đổi số trong thời gian tới phù hợp, hướng tới thực hiện "
                "thành công Kế hoạch chuyển đổi số đến năm 2025 và các nhiệm vụ, kế hoạch triển khai "
                "nông thôn mới, nông thôn mới nâng cao của địa phương."
            ),
        ),
    )
    return _with(_COMMUNES, items)


#: Note printed under the title of both outlines.
PERIOD_NOTE = "Lưu ý: Các số liệu báo cáo tính từ tháng 8 năm 2022 đến nay."


@cache
def pl01_outline() -> Outline:
    """Phụ lục 01: outline for provincial departments, agencies and district People's Committees."""
    return Outline(
        form="PL01",
        appendix="Phụ lục 01",
        title="ĐỀ CƯƠNG BÁO CÁO DÀNH CHO CÁC SỞ, BAN, NGÀNH CẤP TỈNH VÀ UBND CẤP HUYỆN",
        note=PERIOD_NOTE,
        items=_pl01_items(),
    )


@cache
def pl04_outline() -> Outline:
    """Phụ lục 04: outline for commune People's Committees."""
    return Outline(
        form="PL04",
        appendix="Phụ lục 04",
        title="ĐỀ CƯƠNG BÁO CÁO CHO UBND CẤP XÃ",
        note=PERIOD_NOTE,
        items=_pl04_items(),
    )


@cache
def named_units() -> frozenset[str]:
    """Codes of the units some outline item names explicitly (Sở Y tế, TP Vinh…)."""
    leaves = (*pl01_outline().leaves(), *pl04_outline().leaves())
    return frozenset(code for leaf in leaves for code in leaf.applicability.units)


_APPLICABLE: dict[tuple[UnitKind, str | None], tuple[OutlineItem, ...]] = {}


def applicable_leaves(unit: Unit) -> tuple[OutlineItem, ...]:
    """``outline_for(unit).leaves_for(unit)``, computed once per kind and per named unit.

    Whether an item applies depends only on the unit's kind and on whether the item names the
    unit, so a round of 460 communes shares one entry. A subunit has none.
    """
    if unit.form is None:
        return ()
    key = (unit.kind, unit.code if unit.code in named_units() else None)
    found = _APPLICABLE.get(key)
    if found is None:
        found = _APPLICABLE[key] = outline_for(unit).leaves_for(unit)
    return found


def outline_for(unit: Unit) -> Outline:
    """The outline ``unit`` reports by (``ValueError`` for a subunit, which has none)."""
    if unit.form == "PL04":
        return pl04_outline()
    if unit.form == "PL01":
        return pl01_outline()
    raise ValueError(f"{unit.code} reports through its parent unit and has no outline of its own")
