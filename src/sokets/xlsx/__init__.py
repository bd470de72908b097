"""Workbooks (XLSX): the template each unit fills in, and reading a filled one back.

* :mod:`sokets.xlsx.layout` — the sheets and columns, shared by writer and reader;
* :mod:`sokets.xlsx.template` — :func:`~sokets.xlsx.template.build_workbook` (a unit's template,
  empty or filled with a report), registered as the ``"xlsx"`` renderer;
* :mod:`sokets.xlsx.styles` — its look: Times New Roman everywhere, rows fitted to wrapped text;
* :mod:`sokets.xlsx.reader` — :func:`~sokets.xlsx.reader.read_workbook`, registered as the reader of
  ``.xlsx`` files in :data:`sokets.inputs.READERS`;
* :mod:`sokets.xlsx.safety` — the limits and checks that keep hostile files out;
* :mod:`sokets.xlsx.findings` — the ``X`` findings the reader emits.

openpyxl is imported only by the template, styles and reader modules, on first use.
"""
