"""Stage 8, analyse: the analysers of a story and the runner that orders them and keys their results.

- :mod:`.base`: the :class:`~.base.Analyser` protocol and the :class:`~.base.StoryContext` they share;
- :mod:`.analysers`: newsprism's own, registered by name: provenance, entities, facts, conflicts,
  timeline, framing, summary (one module each, with its helpers: ``ner``, ``values``, ``names``,
  ``quotes``);
- :mod:`.runner`: :func:`~.runner.analyse_story` and :class:`~.runner.AnalysisRun`.
"""
