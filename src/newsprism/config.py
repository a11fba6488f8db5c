"""Settings: one small frozen config per stage, gathered in :class:`Settings`.

Each stage keeps its tuned thresholds in its own module, as named constants with the reason for
their value and the benchmark to rerun after changing them, and as the defaults of that stage's
config class. :class:`Settings` gathers those classes; the stored analyses are keyed by the part of it
each analyser reads (see :mod:`newsprism.analysis.runner`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .analysis.conflicts import ConflictsConfig
from .analysis.entities import EntitiesConfig
from .analysis.facts import FactsConfig
from .analysis.framing import FramingConfig
from .analysis.provenance import ProvenanceConfig
from .analysis.summary import SummaryConfig
from .analysis.timeline import TimelineConfig
from .articles.clean import CleanConfig
from .articles.pagekind import PageKindConfig
from .cluster import ClusterConfig
from .dedup import DedupConfig

__all__ = [
    "CleanConfig",
    "ClusterConfig",
    "ConflictsConfig",
    "DedupConfig",
    "EntitiesConfig",
    "FactsConfig",
    "FramingConfig",
    "PageKindConfig",
    "ProvenanceConfig",
    "Settings",
    "SummaryConfig",
    "TimelineConfig",
]


@dataclass(frozen=True, kw_only=True)
class Settings:
    """All settings of a run. ``newsprism.analyze(..., settings=Settings(...))``."""

    clean: CleanConfig = field(default_factory=CleanConfig)
    pages: PageKindConfig = field(default_factory=PageKindConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    cluster: ClusterConfig = field(default_factory=ClusterConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    facts: FactsConfig = field(default_factory=FactsConfig)
    conflicts: ConflictsConfig = field(default_factory=ConflictsConfig)
    timeline: TimelineConfig = field(default_factory=TimelineConfig)
    framing: FramingConfig = field(default_factory=FramingConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    strict: bool = False
