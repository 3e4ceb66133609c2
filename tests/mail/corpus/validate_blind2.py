"""Check that blind2.jsonl has the same shape as blind.jsonl and that its labels are consistent.

Run from the repository root: python tests/mail/corpus/validate_blind2.py
It reads only the first line of blind.jsonl (for the field names), never its letters.
"""

import html
import json
import re
import sys
from collections import Counter
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


def squash(text):
    return re.sub(r"[^0-9a-z]", "", text.lower())


def keys_of(obj, prefix=""):
    out = set()
    for key, value in obj.items():
        out.add(prefix + key)
        if isinstance(value, dict):
            out |= keys_of(value, prefix + key + ".")
    return out


def main() -> int:
    with (HERE / "blind.jsonl").open(encoding="utf-8") as fh:
        reference = keys_of(json.loads(fh.readline()))
    problems = []
    ids, message_ids, types = set(), set(), Counter()
    previous = None
    lines = (HERE / "blind2.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        row = json.loads(line)
        where = f"line {number} ({row.get('id')})"
        if keys_of(row) != reference:
            problems.append(f"{where}: fields {sorted(keys_of(row) ^ reference)} differ from blind.jsonl")
            continue
        if row["id"] != f"c{number:03d}":
            problems.append(f"{where}: id should be c{number:03d}")
        ids.add(row["id"])
        if row["message_id"] in message_ids or not row["message_id"].startswith("<"):
            problems.append(f"{where}: message_id repeated or without angle brackets")
        message_ids.add(row["message_id"])
        when = parsedate_to_datetime(row["date"])
        if previous and when < previous:
            problems.append(f"{where}: not in date order")
        previous = when
        if not (row["text"] or row["html"]):
            problems.append(f"{where}: no body")
        if not isinstance(row["forwarded"], bool):
            problems.append(f"{where}: forwarded is not a boolean")
        if row["forwarded"] and not row["subject"].lower().startswith(("fwd:", "fw:")):
            problems.append(f"{where}: forwarded without Fwd:/FW: subject")
        expect = row["expect"]
        types[expect["type"]] += 1
        if expect["type"] not in TYPES:
            problems.append(f"{where}: unknown type {expect['type']}")
        body = (row["text"] or "") + "\n" + html.unescape(row["html"] or "")
        # Squashed so that a company named only by its domain (ravelin.audio, holliscrane.co.uk) still counts.
        everything = squash(" ".join([row["from"], row["subject"], body]))
        if expect["type"] == "other" and (expect["company"] or expect["role"] or expect["feedback"]):
            problems.append(f"{where}: other must have null company, role and feedback")
        for field in ("company", "role"):
            if expect[field] and squash(expect[field]) not in everything:
                problems.append(f"{where}: {field} {expect[field]!r} not found in the message")
        if expect["feedback"] and expect["feedback"] not in body:
            problems.append(f"{where}: feedback is not an exact sentence of the body")
        if expect["feedback"] and expect["type"] != "rejection":
            problems.append(f"{where}: feedback outside a rejection")
    for problem in problems:
        print(problem)
    print(f"{len(lines)} messages; " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
