"""Native Excel bar charts in the workbooks' font, sized to fit a printed page."""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.drawing.text import Font as TextFont

from sokets.xlsx import styles as sty

#: The tallest chart, in cm: an A4 landscape page less its margins and the header row.
MAX_HEIGHT_CM = 15.0


def _characters(size: float, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(latin=TextFont(typeface=sty.FONT), sz=int(size * 100), b=bold)


def _rich(size: float, bold: bool = False) -> RichText:
    props = _characters(size, bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _title(text: str) -> Title:
    props = _characters(11, bold=True)
    run = RegularTextRun(rPr=props, t=text)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[run])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def chart_height(bars: int) -> float:
    """The height in cm of a bar chart of ``bars`` bars: at most :data:`MAX_HEIGHT_CM`."""
    return min(MAX_HEIGHT_CM, max(7.5, 2.5 + 0.55 * bars))


def rows_covered(height: float) -> int:
    """The rows of default height a chart ``height`` cm tall covers, and one more."""
    return math.ceil(height / 2.54 * 72 / sty.DEFAULT_HEIGHT) + 1


def bar_chart(
    title: str,
    series: Sequence[tuple[str, Reference]],
    categories: Reference,
    *,
    percent: bool,
    width: float,
) -> BarChart:
    """Horizontal bars: one group per category (text cells), in the cells' order from the top,
    a series per ``(name, values)``, the values written at the bars. ``percent``: values are
    fractions shown as 0–100 %. ``width`` in cm; the height follows the number of bars."""
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = _title(title)
    for name, values in series:
        chart.series.append(Series(values, title=name))
    for each in chart.series:
        each.cat = AxDataSource(strRef=StrRef(f=str(categories)))
    chart.x_axis.scaling.orientation = "maxMin"  # the first category at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.crosses = "max"  # the value axis below the bars
    chart.y_axis.scaling.min = 0
    if percent:
        chart.y_axis.scaling.max = 1
        chart.y_axis.number_format = "0%"
        chart.y_axis.majorUnit = 0.2
    chart.x_axis.txPr = _rich(9)
    chart.y_axis.txPr = _rich(9)
    chart.dataLabels = DataLabelList(
        showVal=True,
        showCatName=False,
        showSerName=False,
        showLegendKey=False,
        showPercent=False,
        txPr=_rich(8),
    )
    if len(series) > 1:
        chart.legend.position = "b"
        chart.legend.txPr = _rich(9)
    else:
        chart.legend = None
    chart.gapWidth = 60
    chart.width = width
    bars = (categories.max_row - categories.min_row + 1) * len(series)
    chart.height = chart_height(bars)
    return chart
