"""The province's review report, from a consolidation: a draft DOCX, charts and an HTML overview.

Vocabulary:

* a **chart** (:class:`~sokets.review.figures.Chart`) is the data of one picture leaders look at
  (reporting rates by district, a commune rate by district, Phụ lục 03 by group), taken from a
  :class:`~sokets.consolidation.Consolidation`; :mod:`sokets.review.charts` draws it with
  matplotlib when the optional extra ``sokets[charts]`` is installed;
* the **draft** (:mod:`sokets.review.document`) is the province's report in the format of Nghị
  định 30/2020/NĐ-CP, following Phụ lục 01's outline with every unit's answer as material to edit;
* the **overview** (:mod:`sokets.review.page`) is one self-contained HTML file.

Both are consolidation renderers (:data:`sokets.render.CONSOLIDATION_RENDERERS`: ``docx``,
``html``).
"""
