"""Labelled mail corpora: JSON lines to real messages and mailboxes, and scoring (plain Python, no Django).

A corpus row: {"id", "from", "to", "subject", "date", "message_id", "text", "html", "forwarded",
"expect": {"type", "company", "role", "feedback"}}. Rows become RFC 822 messages with the standard
library, so scoring reads them exactly as an import would.
"""

import json
import mailbox
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path

from nextround.mail.vocabulary import MessageType
from nextround.tracker.matching import normalise_company, same_company


def read_corpus(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}, line {number}: not JSON ({exc.msg})") from None


def to_message(row: dict) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    for header, key in (("From", "from"), ("To", "to"), ("Subject", "subject"), ("Date", "date")):
        value = " ".join(str(row.get(key) or "").split())
        if value:
            try:
                message[header] = value
            except (ValueError, TypeError, IndexError):
                message[header] = value.encode("ascii", "replace").decode()
    if row.get("message_id"):
        message["Message-ID"] = f"<{str(row['message_id']).strip('<>')}>"
    text, html = row.get("text") or "", row.get("html") or ""
    if text and html:
        message.set_content(text)
        message.add_alternative(html, subtype="html")
    elif html:
        message.set_content(html, subtype="html")
    else:
        message.set_content(text or " ")
    return message


def write_mbox(rows: Iterable[dict], path: Path) -> int:
    box = mailbox.mbox(str(path), create=True)
    count = 0
    try:
        box.lock()
        for row in rows:
            box.add(mailbox.mboxMessage(to_message(row)))
            count += 1
        box.flush()
    finally:
        box.unlock()
        box.close()
    return count


@dataclass(frozen=True)
class Scores:
    total: int
    accuracy: float
    per_type: dict  # type -> {"precision", "recall", "support", "predicted"}
    company_accuracy: float
    role_accuracy: float
    feedback_found: float  # of the letters with a feedback sentence, share where one was found
    confusions: list  # (id, expected, predicted)

    def lines(self) -> list[str]:
        out = [f"messages: {self.total}", f"type accuracy: {self.accuracy:.3f}"]
        for kind, row in self.per_type.items():
            out.append(
                f"  {kind:22} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
                f"(expected {row['support']}, predicted {row['predicted']})"
            )
        out.append(f"company right (job-search messages): {self.company_accuracy:.3f}")
        out.append(f"role right (job-search messages): {self.role_accuracy:.3f}")
        out.append(f"feedback sentence found: {self.feedback_found:.3f}")
        return out


def same_role(expected: str, found: str) -> bool:
    a, b = normalise_company(expected), normalise_company(found)
    return a == b or (
        bool(a) and bool(b) and (a in b or b in a) and min(len(a), len(b)) >= 0.7 * max(len(a), len(b))
    )


def score(pairs: Iterable[tuple[dict, dict]]) -> Scores:
    """Score (expect, got) pairs; both have "type", "company", "role", and "feedback"."""
    pairs = list(pairs)
    expected = Counter(e["type"] for e, _ in pairs)
    predicted = Counter(g["type"] for _, g in pairs)
    right = Counter(e["type"] for e, g in pairs if e["type"] == g["type"])
    per_type = {}
    for kind in MessageType:
        support, guessed, hits = expected[kind.value], predicted[kind.value], right[kind.value]
        per_type[kind.value] = {
            "precision": hits / guessed if guessed else 1.0,
            "recall": hits / support if support else 1.0,
            "support": support,
            "predicted": guessed,
        }
    about = [(e, g) for e, g in pairs if e["type"] != MessageType.OTHER]
    company = sum(
        1
        for e, g in about
        if (not e["company"] and not g["company"]) or same_company(e["company"], g["company"])
    )
    role = sum(1 for e, g in about if same_role(e.get("role") or "", g.get("role") or ""))
    with_feedback = [(e, g) for e, g in pairs if e.get("feedback")]
    return Scores(
        total=len(pairs),
        accuracy=sum(right.values()) / len(pairs) if pairs else 0.0,
        per_type=per_type,
        company_accuracy=company / len(about) if about else 1.0,
        role_accuracy=role / len(about) if about else 1.0,
        feedback_found=sum(1 for _, g in with_feedback if g.get("feedback")) / len(with_feedback)
        if with_feedback
        else 1.0,
        confusions=[(e.get("id", ""), e["type"], g["type"]) for e, g in pairs if e["type"] != g["type"]],
    )


def addressee_of(rows: list[dict], *, at_least: int | None = None):
    """Whose letters these are: the address most of them (not forwards) went to, as an import finds it;
    with `at_least`, everyone that many went to (a set written to several job seekers)."""
    from nextround.mail import addressee

    recipients, names = Counter(), {}
    addressee.count_recipients((r.get("to") or "" for r in rows if not r.get("forwarded")), recipients, names)
    return addressee.most_written_to(recipients, names, at_least=at_least)


def read_with_library(rows: list[dict]) -> list[dict]:
    """What the recogniser makes of each row, read through the library (parse, then recognise)."""
    from nextround.mail.parse import parse_bytes
    from nextround.mail.recognise import recognise

    mails = [parse_bytes(to_message(row).as_bytes()) for row in rows]
    return [
        {"type": r.type.value, "company": r.company, "role": r.role, "feedback": r.feedback}
        for r in recognise(mails, addressee=addressee_of(rows))
    ]


def main(argv: list[str] | None = None) -> int:
    """`python -m nextround.mail.evaluate FILE.jsonl`: figures per type, and every message read wrongly."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m nextround.mail.evaluate")
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args(argv)
    rows = list(read_corpus(args.corpus))
    found = read_with_library(rows)
    scores = score(({"id": r["id"], **r["expect"]}, got) for r, got in zip(rows, found, strict=True))
    print("\n".join(scores.lines()))
    for row_id, expected, got in scores.confusions:
        print(f"  {row_id}: expected {expected}, got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
