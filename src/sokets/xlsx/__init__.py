"""Workbooks (XLSX): the template each unit fills in, reading a filled one back, and the
consolidated workbook.

* :mod:`sokets.xlsx.layout` — the sheets and columns, shared by writer and reader;
* :mod:`sokets.xlsx.template` — :func:`~sokets.xlsx.template.build_workbook` (a unit's template,
  empty or filled with a report), registered as the ``"xlsx"`` renderer;
* :mod:`sokets.xlsx.styles` — the look of both workbooks: named styles in Times New Roman, rows
  fitted to wrapped text;
* :mod:`sokets.xlsx.reader` — :func:`~sokets.xlsx.reader.read_workbook`, registered as the reader of
  ``.xlsx`` files in :data:`sokets.inputs.READERS`;
* :mod:`sokets.xlsx.cells` — what writers and reader share about a cell: references, text escaped
  for XML, the yes/no words;
* :mod:`sokets.xlsx.safety` — the limits and checks that keep hostile files out;
* :mod:`sokets.xlsx.findings` — the ``X`` findings the reader emits;
* :mod:`sokets.xlsx.consolidation` — the consolidated workbook, registered as the ``"xlsx"``
  consolidation renderer; it writes its tables with :mod:`sokets.xlsx.sheets` (a sheet of one
  table, printed), :mod:`sokets.xlsx.bulk` (cells written fast, as XML),
  :mod:`sokets.xlsx.charts` (bar charts) and :mod:`sokets.xlsx.package` (the rest of the
  package), without openpyxl.

openpyxl is imported only inside this package, by the modules that write the templates or read
workbooks, on first use; ``layout``, ``findings`` and the consolidated workbook's modules stay
light (the latter import neither ``layout`` nor ``safety``).
"""
