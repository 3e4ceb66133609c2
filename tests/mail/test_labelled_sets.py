"""Every labelled set of letters keeps the shape the evaluation reads: the fields of blind.jsonl, a known
type, unique ids and Message-IDs, a body, and labels that can be found in the letter they describe.

This reads labels and bodies only; it never runs the recogniser (the blind sets are scored elsewhere).
"""

import html
import json
import re
from pathlib import Path

import pytest

from nextround.mail import evaluate
from nextround.mail.recognise import TYPES

CORPUS = Path(__file__).parent / "corpus"
SETS = sorted(CORPUS.glob("blind*.jsonl"))


def fields(row: dict, prefix: str = "") -> set[str]:
    names = set()
    for key, value in row.items():
        names.add(prefix + key)
        if isinstance(value, dict):
            names |= fields(value, f"{prefix}{key}.")
    return names


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def problems_in(path: Path) -> list[str]:
    reference = fields(next(evaluate.read_corpus(CORPUS / "blind.jsonl")))
    problems, ids, message_ids = [], set(), set()
    for number, row in enumerate(evaluate.read_corpus(path), 1):
        where = f"{path.name} line {number}"
        if fields(row) != reference:
            problems.append(f"{where}: fields {sorted(fields(row) ^ reference)} differ from blind.jsonl")
            continue
        expect = row["expect"]
        body = (row["text"] or "") + "\n" + html.unescape(row["html"] or "")
        # Squashed, so that a company named only by its domain (holliscrane.co.uk) still counts as found.
        everything = squash(" ".join([row["from"], row["subject"], body]))
        checks = {
            "id repeated": row["id"] in ids,
            "Message-ID repeated or without angle brackets": row["message_id"] in message_ids
            or not row["message_id"].startswith("<"),
            "no body": not (row["text"] or row["html"]),
            f"unknown type {expect['type']!r}": expect["type"] not in TYPES,
            "'other' with a company, role or feedback": expect["type"] == "other"
            and any(expect[name] for name in ("company", "role", "feedback")),
            "feedback is not a sentence of the body": bool(expect["feedback"])
            and expect["feedback"] not in body,
            "the role is not in the letter": bool(expect["role"])
            and squash(expect["role"]) not in everything,
        }
        problems += [f"{where}: {problem}" for problem, wrong in checks.items() if wrong]
        ids.add(row["id"])
        message_ids.add(row["message_id"])
    return problems


@pytest.mark.parametrize("path", SETS, ids=[path.stem for path in SETS])
def test_a_labelled_set_keeps_the_shape_the_evaluation_reads(path):
    assert problems_in(path) == []


def test_a_broken_line_is_named(tmp_path):
    good = (CORPUS / "blind.jsonl").read_text(encoding="utf-8").splitlines()[0]
    row = json.loads(good)
    row["expect"]["type"] = "maybe"
    broken = tmp_path / "blind9.jsonl"
    broken.write_text(good + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    assert problems_in(broken) == [
        "blind9.jsonl line 2: id repeated",
        "blind9.jsonl line 2: Message-ID repeated or without angle brackets",
        "blind9.jsonl line 2: unknown type 'maybe'",
    ]
