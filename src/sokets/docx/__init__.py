"""DOCX documents in the official format (Nghị định 30/2020/NĐ-CP, Phụ lục I), and reading them.

* :mod:`sokets.docx.report` — a filled PL01/PL04 report as a DOCX, with Phụ lục 02 and 03 as
  landscape appendix tables (registered in :data:`sokets.render.REPORT_RENDERERS` as ``"docx"``);
* :mod:`sokets.docx.outline` — a unit's blank outline to fill in Word
  (:data:`sokets.render.BLANK_RENDERERS` ``"docx"``);
* :mod:`sokets.docx.reader` — a filled outline (or a rendered report) back into a report
  (:data:`sokets.inputs.READERS` ``".docx"``), walking the body with :mod:`sokets.docx.walk`:
  text out of the XML (:mod:`~sokets.docx.extract`), answers (:mod:`~sokets.docx.answers`),
  appendix rows (:mod:`~sokets.docx.appendix`) and the ``D`` findings
  (:mod:`~sokets.docx.codes`);
* :mod:`sokets.docx.layout` and :mod:`sokets.docx.compose` — the page, header and signature
  tables and the outline walk the documents share, built with :mod:`sokets.docx.composer`;
  :mod:`sokets.docx.styles` — the style sheet; :mod:`sokets.docx.package` — template, sections
  and properties; :mod:`sokets.docx.markers` — the content-control tags, labels and column
  headers the reader finds things by; :mod:`sokets.docx.formats` — Vietnamese numbers and dates.

This package's ``__init__`` imports nothing: python-docx and lxml load only when a DOCX is
rendered or read.
"""
