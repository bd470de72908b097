"""Native Excel bar charts in the workbooks' font, sized to fit a printed page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sokets.xlsx import styles as sty
from sokets.xlsx.cells import column_letters
from sokets.xlsx.package import (
    CHART_NS,
    DRAWING_NS,
    RELATIONSHIPS_NS,
    attribute,
    escape,
    quote_sheet,
)

#: The tallest chart, in cm: an A4 landscape page less its margins and the header row.
MAX_HEIGHT_CM = 15.0


def chart_height(bars: int) -> float:
    """The height in cm of a bar chart of ``bars`` bars: at most :data:`MAX_HEIGHT_CM`."""
    return min(MAX_HEIGHT_CM, max(7.5, 2.5 + 0.55 * bars))


def rows_covered(height: float) -> int:
    """The rows of default height a chart ``height`` cm tall covers, and one more."""
    return math.ceil(height / 2.54 * 72 / sty.DEFAULT_HEIGHT) + 1


@dataclass(frozen=True)
class Range:
    """Cells of one column of a sheet, rows ``first`` to ``last``."""

    sheet: str
    column: int
    first: int
    last: int

    def __str__(self) -> str:
        letter = column_letters(self.column)
        return f"{quote_sheet(self.sheet)}!${letter}${self.first}:${letter}${self.last}"

    @property
    def rows(self) -> int:
        return self.last - self.first + 1


def _text_properties(size: float, bold: bool = False) -> str:
    run = f'sz="{round(size * 100)}" b="{int(bold)}"><a:latin typeface={attribute(sty.FONT)}/>'
    return (
        f"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr {run}</a:defRPr></a:pPr>"
        f'<a:endParaRPr lang="vi-VN" {run}</a:endParaRPr></a:p></c:txPr>'
    )


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: one group per category (text cells), in the cells' order from the top,
    a series per ``(name, values)``, the values written at the bars; ``percent``: values are
    fractions shown as 0–100 %. ``width`` and ``height`` in cm."""

    title: str
    series: tuple[tuple[str, Range], ...]
    categories: Range
    percent: bool
    width: float
    height: float

    def xml(self) -> str:
        """The chart part (``xl/charts/chartN.xml``)."""
        title_run = f'sz="1100" b="1"><a:latin typeface={attribute(sty.FONT)}/>'
        series = "".join(
            f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/><c:tx><c:v>{escape(name)}</c:v></c:tx>'
            f'<c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>{escape(str(self.categories))}'
            f"</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>{escape(str(values))}</c:f>"
            "</c:numRef></c:val></c:ser>"
            for n, (name, values) in enumerate(self.series)
        )
        scale = '<c:max val="1"/><c:min val="0"/>' if self.percent else '<c:min val="0"/>'
        number = '<c:numFmt formatCode="0%" sourceLinked="0"/>' if self.percent else ""
        unit = '<c:majorUnit val="0.2"/>' if self.percent else ""
        legend = (
            f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text_properties(9)}</c:legend>'
            if len(self.series) > 1
            else ""
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<c:chartSpace xmlns:c="{CHART_NS}" xmlns:a="{DRAWING_NS}" '
            f'xmlns:r="{RELATIONSHIPS_NS}"><c:roundedCorners val="0"/><c:style val="10"/>'
            "<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
            f'<a:defRPr {title_run}</a:defRPr></a:pPr><a:r><a:rPr lang="vi-VN" {title_run}'
            f"</a:rPr><a:t>{escape(self.title)}</a:t></a:r></a:p></c:rich></c:tx>"
            '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
            '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'
            f'<c:varyColors val="0"/>{series}<c:dLbls>{_text_properties(8)}'
            '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
            '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
            '</c:dLbls><c:gapWidth val="60"/><c:axId val="10"/><c:axId val="100"/></c:barChart>'
            # the categories from the top (maxMin), the values along the bottom
            '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
            '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" '
            'sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
            f'<c:tickLblPos val="nextTo"/>{_text_properties(9)}<c:crossAx val="100"/>'
            '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
            '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
            '<c:valAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/>'
            f'{scale}</c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>'
            f'{number}<c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
            f'<c:tickLblPos val="nextTo"/>{_text_properties(9)}<c:crossAx val="10"/>'
            f'<c:crosses val="max"/><c:crossBetween val="between"/>{unit}</c:valAx></c:plotArea>'
            f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
            "</c:chartSpace>"
        )


def bar_chart(
    title: str,
    series: Sequence[tuple[str, Range]],
    categories: Range,
    *,
    percent: bool,
    width: float,
) -> BarChart:
    """Horizontal bars of ``series`` (see :class:`BarChart`); ``width`` in cm, the height follows
    the number of bars."""
    bars = categories.rows * len(series)
    return BarChart(title, tuple(series), categories, percent, width, chart_height(bars))
