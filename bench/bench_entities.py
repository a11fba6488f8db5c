"""Entity resolution against truth-dev's gold entities: which variants of one gold entity a report
splits over several entities, and which reported entities hold variants of two gold ones (scored as
truth-dev's ``score.py`` does, story by story, with each entity's kind so a reader sees why).

    python3 bench/bench_entities.py ../shared/bench/truth-dev/gold.jsonl truth-report.json
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="truth-dev gold.jsonl")
    parser.add_argument("report", help="a newsprism JSON report of truth-dev")
    args = parser.parse_args()
    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    report = json.loads(Path(args.report).read_text(encoding="utf-8"))
    by_story: dict[str, list[dict]] = defaultdict(list)
    for story in report["stories"]:
        for story_id in {article.rsplit("-", 1)[0] for article in story["articles"]}:
            by_story[story_id].append(story)
    split = wrong = counted = 0
    for labelled in gold:
        entities = [
            (e["name"], e["type"], {e["name"].lower(), *(a.lower() for a in e["aliases"])})
            for story in by_story[labelled["story"]]
            for e in story["entities"]
        ]
        owner: dict[str, set[int]] = defaultdict(set)
        for n, entity in enumerate(labelled["entities"]):
            variants = {v.lower() for v in [entity["name"], *entity.get("variants", [])]}
            for variant in variants:
                owner[variant].add(n)
            seen = [e for e in entities if e[2] & variants]
            found = {v for e in seen for v in e[2] & variants}
            if len(found) < 2:
                continue
            counted += 1
            if not any(e[2] & variants == found for e in seen):
                split += 1
                parts = " | ".join(f"{name} <{kind}> {sorted(names & variants)}" for name, kind, names in seen)
                print(f"split {labelled['story']} {entity['name']}: {parts}")
        for name, kind, names in entities:
            owners = set().union(*(owner.get(v, set()) for v in names))
            if len(owners) >= 2:
                wrong += 1
                print(f"wrong {labelled['story']} {name} <{kind}> {sorted(names)}")
    print(f"gold entities with variants found: {counted}; split: {split}; reported entities joining two: {wrong}")


if __name__ == "__main__":
    main()
