"""Multi-source facts of a report, member by member, to be read: does each source state the fact's row?

A fact says "these sources state this"; a member sentence that states another claim (the same subject, another
predicate) credits an outlet with what it never said. This prints, per story, every fact of two or more
sources with each member sentence that is not the row, and counts the conflicts whose two sides are evidence
of one fact (never right: two values of one thing are not one fact). With a second report it prints only the
facts that differ, as the row with the sources each report gives it, so a change is read fact by fact.

    bash /work/tools/score.sh SRC /tmp/OUT
    python3 bench/bench_fact_members.py /tmp/OUT/truth-report.json [--stories mn-dev-007 mn-dev-112] [--against B.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def story_key(story: dict) -> str:
    """A story's name: the truth-dev story its articles belong to ("mn-dev-007-2": "mn-dev-007"), else its id."""
    first = story["articles"][0] if story.get("articles") else story["id"]
    return first.rsplit("-", 1)[0] if first.startswith("mn-") else story["id"]


def shared_facts(story: dict) -> list[dict]:
    return [f for f in story.get("facts", []) if len(f.get("sources", [])) > 1]


def sides_in_one_fact(story: dict) -> int:
    """The story's conflicts two of whose sides are evidence of one fact of several sources."""
    found = 0
    for conflict in story.get("conflicts", []):
        sides = [{(e["article"], e["sentence"]) for e in side["evidence"]} for side in conflict["sides"]]
        for fact in shared_facts(story):
            said = {(e["article"], e["sentence"]) for e in fact["evidence"]}
            if sum(bool(side & said) for side in sides) > 1:
                found += 1
                break
    return found


def show(story: dict) -> None:
    for n, fact in enumerate(shared_facts(story)):
        print(f"F{n} {fact['sources']} {fact['text'][:240]}")
        for e in fact["evidence"]:
            if e["sentence"] != fact["text"]:
                print(f"    [{e['article']}] {e['sentence'][:240]}")


def differences(story: dict, before: dict) -> None:
    rows = {(f["text"], tuple(sorted(f["sources"]))) for f in shared_facts(story)}
    earlier = {(f["text"], tuple(sorted(f["sources"]))) for f in shared_facts(before)}
    now = {
        f["text"]: sorted(g["sources"] for g in story["facts"] if g["text"] == f["text"]) for f in shared_facts(before)
    }
    for text, sources in sorted(earlier - rows):
        print(f"  was {list(sources)} now {now.get(text, [])}: {text[:200]}")
    for text, sources in sorted(rows - earlier):
        print(f"  new {list(sources)}: {text[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", help="a newsprism JSON report")
    parser.add_argument("--stories", nargs="*", help="only these stories (truth-dev names or story ids)")
    parser.add_argument("--against", help="an earlier report: print only the facts that differ")
    args = parser.parse_args()
    stories = {story_key(s): s for s in json.loads(Path(args.report).read_text())["stories"]}
    before = {story_key(s): s for s in json.loads(Path(args.against).read_text())["stories"]} if args.against else {}
    facts = both_sides = 0
    for key, story in sorted(stories.items()):
        if args.stories and key not in args.stories:
            continue
        facts += len(shared_facts(story))
        both_sides += sides_in_one_fact(story)
        print(f"=== {key}: {len(shared_facts(story))} facts of several sources")
        if args.against:
            differences(story, before.get(key, {}))
        else:
            show(story)
    print(f"facts of several sources {facts}; conflicts with two sides in one fact {both_sides}")


if __name__ == "__main__":
    main()
