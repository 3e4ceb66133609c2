"""Check blind3.jsonl: every line parses with the fields of blind.jsonl and labels from its vocabulary.

Run: python tests/mail/corpus/validate_blind3.py   (reads only the first line of blind.jsonl, for its fields)
"""

import html
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

HERE = Path(__file__).parent
TYPES = {
    "rejection",
    "interview_invitation",
    "assessment",
    "application_received",
    "offer",
    "recruiter_outreach",
    "status_update",
    "other",
}
START = datetime(2026, 9, 1, tzinfo=UTC)
END = datetime(2026, 12, 1, tzinfo=UTC)


def main() -> int:
    with open(HERE / "blind.jsonl", encoding="utf-8") as f:
        model = json.loads(f.readline())
    problems, rows = [], []
    for n, line in enumerate((HERE / "blind3.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc})")
            continue
        rows.append(row)
        where = f"line {n} ({row.get('id')})"
        if list(row) != list(model):
            problems.append(f"{where}: fields {list(row)} differ from blind.jsonl {list(model)}")
            continue
        if list(row["expect"]) != list(model["expect"]):
            problems.append(f"{where}: expect fields differ from blind.jsonl")
        if row["id"] != f"d{n:03d}":
            problems.append(f"{where}: id should be d{n:03d}")
        when = parsedate_to_datetime(row["date"])
        if not START <= when < END:
            problems.append(f"{where}: date {row['date']} outside 1 Sep - 30 Nov 2026")
        if n > 1 and when < parsedate_to_datetime(rows[-2]["date"]):
            problems.append(f"{where}: not in date order")
        if not (row["message_id"].startswith("<") and row["message_id"].endswith(">")):
            problems.append(f"{where}: message_id needs angle brackets")
        if not (row["text"] or row["html"]):
            problems.append(f"{where}: no body")
        if not isinstance(row["forwarded"], bool):
            problems.append(f"{where}: forwarded must be true or false")
        exp = row["expect"]
        if exp["type"] not in TYPES:
            problems.append(f"{where}: unknown type {exp['type']!r}")
        if exp["type"] == "other" and (exp["company"] or exp["role"] or exp["feedback"]):
            problems.append(f"{where}: other must have null company, role and feedback")
        if exp["feedback"]:
            body = (row["text"] or "") + html.unescape(row["html"] or "")
            if exp["type"] != "rejection" or exp["feedback"] not in body:
                problems.append(f"{where}: feedback must be a rejection sentence copied from the body")
    ids = Counter(r.get("message_id") for r in rows)
    problems += [f"message_id {m} used {c} times" for m, c in ids.items() if c > 1]
    for p in problems:
        print(p)
    types = Counter(r["expect"]["type"] for r in rows)
    for t in sorted(TYPES):
        sub = [r for r in rows if r["expect"]["type"] == t]
        print(
            f"{t:22} {types[t]:4}  forwarded {sum(r['forwarded'] for r in sub):2}"
            f"  replies {sum(r['subject'].lower().startswith('re:') for r in sub):2}"
            f"  html-only {sum(r['text'] is None for r in sub):2}"
            f"  feedback {sum(bool(r['expect']['feedback']) for r in sub):2}"
        )
    print(f"{'total':22} {len(rows):4}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
