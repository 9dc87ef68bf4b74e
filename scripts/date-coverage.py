#!/usr/bin/env python3
"""How many events of a parley N-Triples output carry a date.

    scripts/date-coverage.py OUT.nt...

Prints, for the meeting reports, meetings, demands and denials: how many there are, how many
carry a parley:date read from the text (by parley:datePrecision), how many only a
parley:reportDate (the article's date), and how many neither. Reads N-Triples line by line
(no RDF library needed); deterministic.
"""
import collections
import re
import sys

P = "https://w3id.org/parley/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
CLASSES = {f"<{P}{c}>": c for c in ("MeetingReport", "Meeting", "Demand", "Denial")}
LINE = re.compile(r'^(<[^>]*>) (<[^>]*>) (.*) \.\s*$')


def main(paths):
    kind, date, report, precision = {}, set(), set(), {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = LINE.match(line)
                if not m:
                    continue
                s, p, o = m.groups()
                if p == TYPE and o in CLASSES:
                    kind[s] = CLASSES[o]
                elif p == f"<{P}date>":
                    date.add(s)
                elif p == f"<{P}reportDate>":
                    report.add(s)
                elif p == f"<{P}datePrecision>":
                    precision[s] = o.strip('"').split('"')[0]
    rows = collections.defaultdict(collections.Counter)
    for s, c in kind.items():
        r = rows[c]
        r["events"] += 1
        if s in date:
            r["text date"] += 1
            r["text date, " + precision.get(s, "day")] += 1
        elif s in report:
            r["report date only"] += 1
        else:
            r["neither"] += 1
    total = collections.Counter()
    for c in sorted(rows):
        total.update(rows[c])
    rows["all (reports+statements)"] = collections.Counter()
    for c in ("MeetingReport", "Demand", "Denial"):
        rows["all (reports+statements)"].update(rows.get(c, {}))
    for c in sorted(rows):
        r = rows[c]
        n = r["events"] or 1
        print(f"{c}: events {r['events']}, text date {r['text date']} ({r['text date'] / n:.1%}; "
              f"day {r['text date, day']}, month {r['text date, month']}, year {r['text date, year']}), "
              f"report date only {r['report date only']}, neither {r['neither']}")


if __name__ == "__main__":
    main(sys.argv[1:])
