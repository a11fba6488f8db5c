"""Quote attribution on hand-checked quotations of real news (truth-dev documents).

``bench/quote_speakers.tsv`` names, for quotations of the Multi-News dev documents, the speaker a
careful reader gives each (or none where the text names nobody). Each document is read as newsprism
reads it (its article pipeline, then :func:`find_quotes`); a label's quotation is the one found whose
text opens with the label's first words. A speaker given is right when it holds the surname (the last
word) of one of the label's names, or is that label exactly ("the agency"); any other speaker opening
with a small letter ("the Kentucky Republican", "one source") only describes someone and is counted
apart. Printed:

- precision: named speakers given that are right, among named speakers given;
- recall: right speakers among the quotations whose label names someone;
- wrong attributions: named speakers given that are not the label's (each listed with --show);
first for all labels, then for those labelled after the attribution rules were written (held out).

    python3 bench/bench_quotes.py [--show] [--data /work/shared/bench/multinews-dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from newsprism.analysis.quotes import find_quotes
from newsprism.articles.pipeline import Pipeline
from newsprism.inputs.files import record_to_document
from newsprism.records import Quote, RawDocument

LABELS = Path(__file__).with_name("quote_speakers.tsv")
DATA = "/work/shared/bench/multinews-dev.jsonl"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("’", "'"))


def _documents(path: str, wanted: set[str]) -> dict[str, str]:
    texts = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        for k, text in enumerate(story["documents"]):
            if f"{story['story']}-{k}" in wanted:
                texts[f"{story['story']}-{k}"] = text
    return texts


def _right(speaker: str, names: list[str]) -> bool:
    said = set(_words(speaker))
    return any(speaker.lower() == name.lower() or (name[:1].isupper() and _words(name)[-1] in said) for name in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print each wrong, missed or unfound quotation")
    parser.add_argument("--data", default=DATA)
    args = parser.parse_args()
    labels, held_out = [], set()
    for line in LABELS.open(encoding="utf-8"):
        if line.startswith("# held-out"):
            held_out = {len(labels)}
        elif not line.startswith("#"):
            labels.append(line.rstrip("\n").split("\t"))
    texts = _documents(args.data, {doc for doc, _, _ in labels})
    quotes = {}
    for doc, text in texts.items():
        raw = record_to_document({"id": doc, "text": text}, "bench", None)
        assert isinstance(raw, RawDocument)
        quotes[doc] = find_quotes(Pipeline().run(raw).text)
    split = min(held_out, default=len(labels))
    print("all:")
    notes = _score(labels, quotes)
    print("held out (labelled after the attribution rules were written):")
    _score(labels[split:], quotes)
    if args.show:
        print("\n".join(notes))


def _score(labels: list[list[str]], quotes: dict[str, tuple[Quote, ...]]) -> list[str]:
    given = right = named = unfound = described = 0
    notes = []
    for doc, opening, label in labels:
        names = [] if label == "-" else label.split("|")
        named += bool(names)
        start = _words(opening)
        found = next((q for q in quotes[doc] if _words(q.text)[: len(start)] == start), None)
        if found is None:
            unfound += 1
            notes.append(f"not found  {doc} {opening!r}")
            continue
        speaker = found.speaker or ""
        if speaker[:1].islower() and not _right(speaker, names):
            described += 1  # "the Kentucky Republican": a description, neither a name nor wrong
            notes.append(f"described  {doc} {opening!r}: {label}, given {speaker!r}")
            continue
        if not speaker:
            if names:
                notes.append(f"missed     {doc} {opening!r}: {label}")
            continue
        given += 1
        if _right(speaker, names):
            right += 1
        else:
            notes.append(f"WRONG      {doc} {opening!r}: {label}, given {speaker!r}")
    print(f"  quotations labelled: {len(labels)} ({named} with a named speaker; {unfound} not found)")
    print(f"  precision: {right / given if given else 0:.2f} ({right}/{given})")
    print(f"  recall: {right / named if named else 0:.2f} ({right}/{named})")
    print(f"  wrong attributions: {given - right}")
    print(f"  speakers only described (not counted): {described}")
    return notes


if __name__ == "__main__":
    main()
