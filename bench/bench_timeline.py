"""Timeline date resolution on a hand-made test set of dated news sentences with known answers.

Each case is a sentence, the publication date of its article and the dates (as precise as the text:
a year, a month or a day) the timeline should give it. Categories: weekdays in the future and the
past tense, months without a year, month and day without a year, full dates and years, dates
relative to the publication day ("yesterday", "two days ago", "last month"), reported speech and
quotations (each date's tense is its own clause's), and sentences without a date (nothing may be
found), all read with ``resolve_dates``. Then which dates are the sentence's events, read with
``event_dates`` as the timeline does: a range is one date, comparisons, forecasts and correction
notices date nothing, and a relative clause's date gives way to the main clause's. A case is right
when the set of dates is exactly the expected one.

    python3 bench/bench_timeline.py [--show]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date

from newsprism.analysis.timeline import event_dates, resolve_dates

# (category, publication date or "" for none, sentence, expected dates); 17 June 2024 was a Monday.
CASES = [
    ("weekday, future", "2024-06-17", "Putin will travel to North Korea on Tuesday.", ["2024-06-18"]),
    ("weekday, future", "2024-06-17", "The summit is expected to open on Friday in Geneva.", ["2024-06-21"]),
    ("weekday, future", "2024-06-20", "Voters will go to the polls on Sunday.", ["2024-06-23"]),
    (
        "weekday, future",
        "2024-06-17",
        "The minister is scheduled to visit Kyiv on Thursday, officials said.",
        ["2024-06-20"],
    ),
    ("weekday, past", "2024-06-17", "The Kremlin announced on Monday that the visit would go ahead.", ["2024-06-17"]),
    ("weekday, past", "2024-06-19", "Police arrested two men on Sunday after the match.", ["2024-06-16"]),
    ("weekday, past", "2024-06-21", "The central bank raised rates on Tuesday.", ["2024-06-18"]),
    (
        "weekday, past",
        "2024-06-17",
        "Putin will travel on Tuesday, the Kremlin said on Friday.",
        ["2024-06-14", "2024-06-18"],
    ),
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
    (
        "weekday with its date",
        "2024-06-17",
        "In this Saturday, July 1, 2017, photo, people line up outside.",
        ["2017-07-01"],
    ),
    (
        "weekday with its date",
        "2018-11-23",
        "The singer died on Wednesday, November 21, his label confirmed.",
        ["2018-11-21"],
    ),
    ("weekday with its date", "2024-06-17", "The talks resumed on Monday, June 3, after a break.", ["2024-06-03"]),
    ("relative", "2024-06-17", "The storm hit the coast yesterday.", ["2024-06-16"]),
    ("relative", "2024-06-17", "The results will be announced tomorrow.", ["2024-06-18"]),
    ("relative", "2024-06-17", "Three people were arrested two days ago.", ["2024-06-15"]),
    ("relative", "2024-06-17", "Inflation fell last month.", ["2024-05"]),
    ("relative", "2024-06-17", "The government will hold a referendum next year.", ["2025"]),
    ("relative", "2024-01-15", "Sales dropped last month.", ["2023-12"]),
    (
        "reported speech, quotes",
        "2024-06-17",
        "“We will win,” Kim said during his meeting with Putin in September.",
        ["2023-09"],
    ),
    (
        "reported speech, quotes",
        "2024-06-17",
        "The minister said on Sunday that troops would withdraw.",
        ["2024-06-16"],
    ),
    (
        "reported speech, quotes",
        "2024-06-17",
        "Officials said last week's talks would resume on Wednesday.",
        ["2024-06-19"],
    ),
    (
        "reported speech, quotes",
        "2024-06-19",
        "Putin, who arrived on Tuesday, will meet Kim today.",
        ["2024-06-18", "2024-06-19"],
    ),
    ("range", "2024-06-17", "She worked for the senator from January 2015 until April 2016.", ["2016-04"]),
    ("range", "", "The survey asked brides married between January 1 and December 31, 2014.", ["2014"]),
    (
        "range",
        "2024-06-17",
        "Since he was elected on Nov. 8, 2016, to its peak on Jan. 26, 2018, the index rose 45%.",
        ["2018-01-26"],
    ),
    ("range", "2024-06-17", "The share grew from 10% in 2008 to 24% in 2014.", ["2014"]),
    (
        "comparison",
        "",
        "It was the worst nuclear accident since Three Mile Island in 1979, experts said in 2011.",
        ["2011"],
    ),
    ("comparison", "", "Turnout was 61% in 2014, compared with 58% in 2010.", ["2014"]),
    ("comparison", "", "Ticket sales in 2015 were higher than in 2012.", ["2015"]),
    ("comparison", "", "The band grossed more than $30 million in 2014.", ["2014"]),
    ("comparison", "", "“Ties could become as close as they were in 1961,” an official said.", []),
    ("forecast", "", "Demand for coal will fall by half by 2030, the agency said.", []),
    ("forecast", "", "The population is projected to reach 10 billion in 2060.", []),
    ("forecast", "", "The new terminal will open in 2026.", ["2026"]),
    ("correction", "", "Correction: An earlier version of this story misstated when the law passed in March 2016.", []),
    ("main clause", "", "Garcia, who died in August 1995, last played there on July 9, 1995.", ["1995-07-09"]),
    ("main clause", "", "She co-founded the paper in 1931 and edited it until her death in 1980.", ["1931"]),
    ("main clause", "", "He edited the paper until his death in 1980.", ["1980"]),
    ("main clause", "", "Guests came in July 2023, the first time since 2019 that any had been invited.", ["2023-07"]),
    ("main clause", "", "It is the first such review since 2010, the groups said.", ["2010"]),
    ("no date", "2024-06-17", "The visit underscores the strengthening relationship between the two countries.", []),
    ("no date", "2024-06-17", "About 2000 people attended the rally.", []),
    ("no date", "2024-06-17", "He may return some day.", []),
    ("no date", "2024-06-17", "Rescue work continued through the weekend.", []),
]
EVENT_CATEGORIES = {"range", "comparison", "forecast", "correction", "main clause"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print the wrong cases")
    args = parser.parse_args()
    right: defaultdict[str, list[bool]] = defaultdict(list)
    wrong = []
    start = time.perf_counter()
    for category, published, sentence, expected in CASES:
        # the resolution categories test how each date is read, the others which dates tell the sentence's event
        read = event_dates if category in EVENT_CATEGORIES else resolve_dates
        found = read(sentence, date.fromisoformat(published) if published else None)
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
