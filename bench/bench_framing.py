"""Where a report's loaded terms come from: the outlet's own words, or words it quotes.

For each article's loaded terms in a newsprism JSON report, looks at every place the term occurs in the
article's text and counts it as *quoted* when all of them are inside quotation marks, else as *own*.
A quick, automatic check that quoted words do not leak into framing; reported speech without quotation
marks and terms that are not evaluative at all still need a reader (the hand counts in the lead's notes).

    python3 bench/bench_framing.py /tmp/NAME/truth-report.json [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")


def count(report: dict, show: bool = False) -> tuple[int, int]:
    """(terms, terms found only inside quotation marks) over the report's stories."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    terms = quoted = 0
    for story in report["stories"]:
        for framing in story["framing"]:
            text = texts[framing["article"]]
            spans = [m.span() for m in QUOTED.finditer(text)]
            for term in framing["loaded_terms"]:
                places = [m.start() for m in re.finditer(rf"\b{re.escape(term)}\b", text, re.IGNORECASE)]
                inside = bool(places) and all(any(a <= p < b for a, b in spans) for p in places)
                terms += 1
                quoted += inside
                if show and inside:
                    print(f"quoted  {framing['article']}  {term}")
    return terms, quoted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--show", action="store_true", help="list the quoted terms")
    args = parser.parse_args()
    terms, quoted = count(json.loads(args.report.read_text()), args.show)
    print(f"loaded terms {terms}; only inside quotation marks {quoted}")


if __name__ == "__main__":
    main()
