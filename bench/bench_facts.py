"""Shared facts against truth-dev's gold: which labelled facts a report misses, and which joins a change adds.

truth-dev's ``score.py`` counts the labelled shared facts a report finds (a fact whose evidence holds the gold
sentence of two of its documents) but does not list the missed ones. This lists them, each with the gold
sentence of every document and whether the report holds that sentence in any fact (a sentence no fact
holds was not even a candidate: extraction or splitting lost it). With a second report it also prints
the joins (two sentences of different articles in one fact) that the second adds and removes, which a
change to fact grouping must be read against: a join is right when both sentences state one claim.

    bash /work/tools/score.sh SRC /tmp/OUT     # or: newsprism analyze truth-input.jsonl -o report.json
    python3 bench/bench_facts.py ../shared/bench/truth-dev/gold.jsonl report.json [--against before.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from pathlib import Path

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z0-9]")
# score.py's words left out when comparing sentences; the same list, so that this finds what it counts
STOP = set(
    """a an the and or but of to in on at by for with from as is are was were be been being it its this that
    these those he she they we you i his her their our your him them us who whom which what when where why how
    not no so than then there here has have had do does did will would can could should may might must said
    says say also after before over under about into up down out more most some any all each other such only
    own same very just one two new mr mrs ms""".split()
)
HOLDS = 0.6  # score.py: evidence holds a gold sentence when it has this share of the shorter one's words


def content(text: str) -> set[str]:
    tokens = [re.sub(r"['’]s$", "", t.lower()).strip(".'’") for t in WORD.findall(" ".join(text.split()))]
    return {t for t in tokens if (t not in STOP and len(t) > 1) or t.isdigit()}


def holds(sentence: str, quote: str) -> bool:
    x, y = content(sentence), content(quote)
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= HOLDS


def doc_of(article: str, story: str) -> int | None:
    prefix = f"{story}-"
    return int(article[len(prefix) :]) if article.startswith(prefix) and article[len(prefix) :].isdigit() else None


def facts_by_story(report: dict) -> dict[str, list[list[tuple[str, str]]]]:
    """Each story's facts as lists of (article, sentence), keyed by the story its articles belong to."""
    found: dict[str, list[list[tuple[str, str]]]] = {}
    for story in report.get("stories", []):
        for fact in story.get("facts", []):
            evidence = [(e["article"], e["sentence"]) for e in fact.get("evidence", [])]
            if evidence:
                found.setdefault(evidence[0][0].rsplit("-", 1)[0], []).append(evidence)
    return found


def missed(gold: dict, facts: list[list[tuple[str, str]]]) -> list[tuple[int, dict, dict[int, bool]]]:
    """The story's labelled shared facts no fact finds, each with whether any fact holds each gold sentence."""
    story = gold["story"]
    out = []
    for n, fact in enumerate(gold["shared_facts"]):
        quotes = {int(k): q for k, q in fact.get("quotes", {}).items()}
        if len(quotes) < 2:
            continue
        best, held = 0, dict.fromkeys(quotes, False)
        for evidence in facts:
            hit = set()
            for article, sentence in evidence:
                doc = doc_of(article, story)
                if doc in quotes and holds(sentence, quotes[doc]):
                    hit.add(doc)
                    held[doc] = True
            best = max(best, len(hit))
        if best < 2:
            out.append((n, fact, held))
    return out


def joins(facts: dict[str, list[list[tuple[str, str]]]]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    pairs = set()
    for story_facts in facts.values():
        for evidence in story_facts:
            for x, y in itertools.combinations(evidence, 2):
                if x[0] != y[0]:
                    pairs.add((min(x, y), max(x, y)))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="truth-dev gold.jsonl")
    parser.add_argument("report", help="a newsprism JSON report of truth-dev")
    parser.add_argument("--against", help="an earlier report: print the joins this one adds and removes")
    args = parser.parse_args()
    golds = [json.loads(line) for line in Path(args.gold).read_text().splitlines() if line.strip()]
    facts = facts_by_story(json.loads(Path(args.report).read_text()))
    total = lost = 0
    for gold in golds:
        gone = missed(gold, facts.get(gold["story"], []))
        total += sum(len(f.get("quotes", {})) >= 2 for f in gold["shared_facts"])
        lost += len(gone)
        for n, fact, held in gone:
            print(f"missed {gold['story']} #{n}: {fact.get('fact', '')}")
            for doc, quote in fact["quotes"].items():
                print(f"  doc {doc} {'in a fact' if held[int(doc)] else 'in no fact'}: {quote[:160]}")
    print(f"shared facts found {total - lost}/{total}")
    if args.against:
        before, after = joins(facts_by_story(json.loads(Path(args.against).read_text()))), joins(facts)
        for tag, pairs in (("added", after - before), ("removed", before - after)):
            for x, y in sorted(pairs):
                print(f"{tag}: [{x[0]}] {x[1][:200]}\n       [{y[0]}] {y[1][:200]}")
        print(f"joins {len(before)} -> {len(after)}: {len(after - before)} added, {len(before - after)} removed")


if __name__ == "__main__":
    main()
