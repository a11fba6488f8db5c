"""Timeline date resolution on a hand-made test set of dated news sentences with known answers.

Each case is a sentence, the publication date of its article and the dates (as precise as the text:
a year, a month or a day) the timeline should give it. Categories: weekdays in the future and the
past tense, months without a year, month and day without a year, full dates and years, dates
relative to the publication day ("yesterday", "two days ago", "last month"), reported speech and
quotations (each date's tense is its own clause's), and sentences without a date (nothing may be
found). A case is right when the set of dates is exactly the expected one.

    python3 bench/bench_timeline.py [--show]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date

from newsprism.analysis.timeline import resolve_dates

# (category, publication date, sentence, expected dates); 17 June 2024 was a Monday.
CASES = [
    ("weekday, future", "2024-06-17", "Putin will travel to North Korea on Tuesday.", ["2024-06-18"]),
    ("weekday, future", "2024-06-17", "The summit is expected to open on Friday in Geneva.", ["2024-06-21"]),
    ("weekday, future", "2024-06-20", "Voters will go to the polls on Sunday.", ["2024-06-23"]),
    ("weekday, future", "2024-06-17", "The minister is scheduled to visit Kyiv on Thursday, officials said.",
     ["2024-06-20"]),
    ("weekday, past", "2024-06-17", "The Kremlin announced on Monday that the visit would go ahead.", ["2024-06-17"]),
    ("weekday, past", "2024-06-19", "Police arrested two men on Sunday after the match.", ["2024-06-16"]),
    ("weekday, past", "2024-06-21", "The central bank raised rates on Tuesday.", ["2024-06-18"]),
    ("weekday, past", "2024-06-17", "Putin will travel on Tuesday, the Kremlin said on Friday.",
     ["2024-06-14", "2024-06-18"]),
    ("month without year", "2024-06-17", "Kim met Putin in September at the Vostochny cosmodrome.", ["2023-09"]),
    ("month without year", "2024-06-17", "The two leaders will meet again in October.", ["2024-10"]),
    ("month without year", "2024-06-17", "Elections are set to take place in March.", ["2025-03"]),
    ("month without year", "2024-06-17", "Prices rose sharply in February.", ["2024-02"]),
    ("month without year", "2024-01-10", "The law was passed in November.", ["2023-11"]),
    ("month without year", "2024-11-05", "The company plans to list its shares in January.", ["2025-01"]),
    ("month and day", "2024-06-17", "The ceasefire began on June 2 after weeks of talks.", ["2024-06-02"]),
    ("month and day", "2024-12-20", "The new rules will take effect on January 1.", ["2025-01-01"]),
    ("month and day", "2024-06-17", "Parliament will vote on July 4.", ["2024-07-04"]),
    ("full date or year", "2024-06-17", "The treaty was signed on 19 July 2000 in Pyongyang.", ["2000-07-19"]),
    ("full date or year", "2024-06-17", "Putin first visited Pyongyang in 2000.", ["2000"]),
    ("full date or year", "2024-06-17", "The agreement was dissolved in 1996.", ["1996"]),
    ("full date or year", "2024-06-17", "The talks began in September 2023.", ["2023-09"]),
    ("full date or year", "2024-06-17", "Putin arrived on June 19, 2024, for a two-day visit.", ["2024-06-19"]),
    ("relative", "2024-06-17", "The storm hit the coast yesterday.", ["2024-06-16"]),
    ("relative", "2024-06-17", "The results will be announced tomorrow.", ["2024-06-18"]),
    ("relative", "2024-06-17", "Three people were arrested two days ago.", ["2024-06-15"]),
    ("relative", "2024-06-17", "Inflation fell last month.", ["2024-05"]),
    ("relative", "2024-06-17", "The government will hold a referendum next year.", ["2025"]),
    ("relative", "2024-01-15", "Sales dropped last month.", ["2023-12"]),
    ("reported speech, quotes", "2024-06-17", "“We will win,” Kim said during his meeting with Putin in September.",
     ["2023-09"]),
    ("reported speech, quotes", "2024-06-17", "The minister said on Sunday that troops would withdraw.",
     ["2024-06-16"]),
    ("reported speech, quotes", "2024-06-17", "Officials said last week's talks would resume on Wednesday.",
     ["2024-06-19"]),
    ("reported speech, quotes", "2024-06-19", "Putin, who arrived on Tuesday, will meet Kim today.",
     ["2024-06-18", "2024-06-19"]),
    ("no date", "2024-06-17", "The visit underscores the strengthening relationship between the two countries.", []),
    ("no date", "2024-06-17", "About 2000 people attended the rally.", []),
    ("no date", "2024-06-17", "He may return some day.", []),
    ("no date", "2024-06-17", "Rescue work continued through the weekend.", []),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print the wrong cases")
    args = parser.parse_args()
    right: defaultdict[str, list[bool]] = defaultdict(list)
    wrong = []
    start = time.perf_counter()
    for category, published, sentence, expected in CASES:
        found = resolve_dates(sentence, date.fromisoformat(published))
        right[category].append(found == sorted(expected))
        if found != sorted(expected):
            wrong.append((sentence, published, expected, found))
    seconds = time.perf_counter() - start
    print(f"{'category':<26} {'cases':>5} {'right':>5} {'accuracy':>8}")
    for category, results in right.items():
        print(f"{category:<26} {len(results):>5} {sum(results):>5} {sum(results) / len(results):>8.2f}")
    total = [r for results in right.values() for r in results]
    print(f"{'all':<26} {len(total):>5} {sum(total):>5} {sum(total) / len(total):>8.2f}")
    print(f"{1000 * seconds / len(CASES):.2f} ms per sentence")
    if args.show:
        for sentence, published, expected, found in wrong:
            print(f"\n{published}: {sentence}\n  expected {expected}, found {found}")


if __name__ == "__main__":
    main()
