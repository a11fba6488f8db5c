"""The backfill's settings, and what every step needs to know about the embedder without loading it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Settings
from ..embed import Embedder
from ..validate import check_range

# Articles are clustered in time slices of this many days, in parallel; a story is open for
# ClusterConfig.window_days (7) after its newest article, so a slice at least that long lets a story
# reach only into the next slice, which the stitch pass checks.
PARTITION_DAYS = 7.0
# Rows handed to one call of a step: large enough that per-call overhead (a Ray task, a store
# transaction) is small beside the work, small enough that a retried batch costs little.
BATCH_ROWS = 256
# Partitions of each shuffle (the band-key join, the groupings by outlet and by time slice): each is
# handled by one task, so this bounds a task's memory; on a small machine fewer start faster.
SHUFFLE_PARTITIONS = 16


@dataclass(frozen=True)
class EmbedderInfo:
    """The embedder's name and thresholds: what the clusterer reads besides the vectors themselves."""

    kind: str  # the name load_embedder takes
    name: str
    dim: int
    align_similarity: float
    fact_similarity: float
    story_similarity: float

    @classmethod
    def of(cls, kind: str, embedder: Embedder) -> EmbedderInfo:
        return cls(
            kind,
            embedder.name,
            embedder.dim,
            embedder.align_similarity,
            embedder.fact_similarity,
            embedder.story_similarity,
        )


@dataclass(frozen=True)
class BackfillConfig:
    """What a backfill runs with: the usual settings, the embedder, the time slices and the store."""

    db: str
    embedder: EmbedderInfo
    settings: Settings = field(default_factory=Settings)
    partition_days: float = PARTITION_DAYS
    batch_rows: int = BATCH_ROWS
    shuffle_partitions: int = SHUFFLE_PARTITIONS
    analyse: bool = True

    def __post_init__(self) -> None:
        check_range("partition days", self.partition_days, self.settings.cluster.window_days, 3650.0)
        check_range("batch rows", self.batch_rows, 1, 10**6)
        check_range("shuffle partitions", self.shuffle_partitions, 1, 10**5)
