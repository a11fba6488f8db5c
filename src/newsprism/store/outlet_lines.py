"""Per-outlet line counts in SQL tables: the stores' side of :mod:`newsprism.articles.repeated`.

Each stored article's distinct line keys are kept under its outlet, so how many of an outlet's
articles hold a line is one indexed count, whatever the batches the articles came in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .base import OutletLines
from .select import Connection, select_in


class OutletLineCounts:
    """The ``outlet_lines`` table of a store."""

    def __init__(self, db: Connection) -> None:
        self.db = db

    def put(self, lines: Mapping[str, OutletLines]) -> list[str]:
        """Record each article's lines under its outlet (replacing what it had); return the other stored
        articles of those outlets that hold a line whose count crossed from one article to several or back.
        The caller commits."""
        old = select_in(self.db, "article, outlet, line", "outlet_lines", "article", list(lines))
        touched = {(outlet, line) for _, outlet, line in old}
        touched |= {(entry.outlet, key) for entry in lines.values() for key in entry.keys}
        before = self._line_counts(touched)
        self.db.executemany("DELETE FROM outlet_lines WHERE article = ?", [(a,) for a in lines])
        self.db.executemany(
            "INSERT INTO outlet_lines (outlet, line, article) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(entry.outlet, key, article) for article, entry in lines.items() for key in entry.keys],
        )
        after = self._line_counts(touched)
        flipped = [pair for pair in touched if (before.get(pair, 0) > 1) != (after.get(pair, 0) > 1)]
        affected: set[str] = set()
        for outlet, line in flipped:
            rows = self.db.execute("SELECT article FROM outlet_lines WHERE outlet = ? AND line = ?", (outlet, line))
            affected.update(article for (article,) in rows)
        return sorted(affected - set(lines))

    def _line_counts(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        counts = {}
        for outlet, line in pairs:
            row = self.db.execute(
                "SELECT COUNT(*) FROM outlet_lines WHERE outlet = ? AND line = ?", (outlet, line)
            ).fetchone()
            counts[(outlet, line)] = row[0]
        return counts

    def repeated(self, article_ids: Sequence[str], min_articles: int) -> dict[str, set[str]]:
        """For each article, the keys of its lines that at least ``min_articles`` stored articles of its outlet hold."""
        found: dict[str, set[str]] = {a: set() for a in article_ids}
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            rows = self.db.execute(
                "SELECT mine.article, mine.line FROM outlet_lines AS mine JOIN outlet_lines AS other "
                "ON other.outlet = mine.outlet AND other.line = mine.line "
                f"WHERE mine.article IN ({','.join('?' * len(chunk))}) "
                "GROUP BY mine.article, mine.line HAVING COUNT(*) >= ?",
                [*chunk, min_articles],
            )
            for article, line in rows:
                found[article].add(line)
        return found
