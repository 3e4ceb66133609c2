"""Measure the checker against a labelled set of messages.

    python -m nextround.checker.evaluate tests/checker/eval_candidate.jsonl --audience candidate

Each input line is {"text": ..., "categories": [...]}; an empty list means the message should pass.
A message counts as flagged when it gets at least one finding. Its category is right when the first
finding in severity order (the one a user sees first) has one of the expected categories.
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from nextround.checker.engine import check_many
from nextround.checker.model import AUDIENCES, SEVERITY_RANK, Finding


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    audience: str
    messages: int = 0
    overall: Counts = field(default_factory=Counts)
    categories: dict[str, Counts] = field(default_factory=dict)
    right_category: int = 0
    misses: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    @property
    def category_accuracy(self) -> float:
        return self.right_category / self.overall.tp if self.overall.tp else 1.0

    @property
    def clean(self) -> int:
        """Messages that should pass (true negatives plus false alarms)."""
        return self.messages - self.overall.tp - self.overall.fn

    @property
    def clean_flagged(self) -> float:
        """The share of the messages that should pass which got a finding anyway."""
        return self.overall.fp / self.clean if self.clean else 0.0


def primary(findings: list[Finding]) -> Finding:
    return min(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.start))


def read_labelled(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(rows: list[dict], audience: str) -> Report:
    return report_for(rows, check_many([row["text"] for row in rows], audience), audience)


def report_for(rows: list[dict], findings_per_row: list[list[Finding]], audience: str) -> Report:
    """The report for labelled rows, given the findings for each (training uses it on many thresholds)."""
    report = Report(audience)
    for row, findings in zip(rows, findings_per_row, strict=True):
        expected = set(row["categories"])
        found = {f.category for f in findings}
        report.messages += 1
        if expected and findings:
            report.overall.tp += 1
            report.right_category += primary(findings).category in expected
        elif findings:
            report.overall.fp += 1
        elif expected:
            report.overall.fn += 1
        for category in expected | found:
            counts = report.categories.setdefault(category, Counts())
            if category in expected and category in found:
                counts.tp += 1
            elif category in found:
                counts.fp += 1
            else:
                counts.fn += 1
        if bool(expected) != bool(findings) or (findings and primary(findings).category not in expected):
            report.misses.append((row["text"], sorted(expected), sorted(found)))
    return report


def format_report(report: Report, title: str) -> str:
    o = report.overall
    lines = [
        f"{title} ({report.audience}, {report.messages} messages)",
        f"  overall   precision {o.precision:.3f}  recall {o.recall:.3f}  F1 {o.f1:.3f}"
        f"  (tp {o.tp}, fp {o.fp}, fn {o.fn})",
        f"  right category among flagged messages: {report.category_accuracy:.3f}",
        f"  risky messages caught: {o.recall:.3f}; clean messages flagged: {o.fp} of {report.clean}"
        f" ({report.clean_flagged:.3f})",
        f"  {'category':<20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for name, c in sorted(report.categories.items()):
        lines.append(
            f"  {name:<20} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4d} {c.fp:4d} {c.fn:4d}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nextround.checker.evaluate", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--audience", required=True, choices=AUDIENCES)
    parser.add_argument("--show-misses", action="store_true", help="list the messages the checker got wrong")
    args = parser.parse_args(argv)
    for path in args.files:
        report = evaluate(read_labelled(path), args.audience)
        print(format_report(report, str(path)))
        if args.show_misses:
            for text, expected, found in report.misses:
                print(f"    MISS expected={expected or '-'} found={found or '-'}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
