"""`nextround check`: lint messages from files or standard input, or check a JSON Lines stream.

Plain Python like the rest of the checker, so the command starts without loading Django.
Exit status: 0 when nothing worse than info was found, 1 when there is a warning or an error (or, with
--jsonl, a malformed input line), 2 on bad usage such as a file that cannot be read.
With --explain, each finding says where it came from: the rule and its words, or the classifier's score,
its threshold and the labelled training sentences nearest to the flagged one.
"""

import argparse
import json
import sys
from bisect import bisect_right

from nextround.checker.engine import check, check_many
from nextround.checker.model import AUDIENCES, SEVERITY_RANK, Finding

_SERIOUS = SEVERITY_RANK["warning"]
# When the input is a pipe or a file, lines are checked this many at a time (the classifier embeds all
# their sentences in one batch, which is several times faster than one by one) and the output is
# flushed after each batch. Memory stays flat: nothing is kept from one batch to the next.
_BATCH = 256
_NEAREST = 3


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a message for phrasing that burns bridges or creates legal risk",
        description=(
            "Check messages like a linter. Candidate rules cover notes a job seeker writes after a "
            "rejection; employer rules cover feedback a recruiter gives. Prints file:line:col: severity "
            "category: message for each finding."
        ),
    )
    parser.add_argument("--audience", required=True, choices=AUDIENCES, help="who is writing the message")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id": ..., "text": ...} lines and write one {"id": ..., "findings": [...]} line each',
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="say why each finding was made: the rule, or the classifier's score and the nearest labelled "
        "training sentences",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files to check; - or none for stdin")
    parser.set_defaults(func=run_check, needs_django=False)


def run_check(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.files and args.files != ["-"]:
            _error("--jsonl reads standard input; drop the file names")
            return 2
        return _run_jsonl(args.audience, sys.stdin, sys.stdout, explain=args.explain)
    return _run_files(args.audience, args.files or ["-"], explain=args.explain)


def _error(message: str) -> None:
    print(f"nextround check: error: {message}", file=sys.stderr)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _format(name: str, text: str, starts: list[int], finding: Finding) -> str:
    line = bisect_right(starts, finding.start)
    column = finding.start - starts[line - 1] + 1
    return f"{name}:{line}:{column}: {finding.severity} {finding.category}: {finding.message}"


def explanation(finding: Finding, audience: str) -> dict | None:
    """For a model finding: its threshold and the nearest labelled training sentences; None for a rule."""
    if finding.source != "model":
        return None
    from nextround.checker.classifier import model_for, model_text
    from nextround.checker.examples import explain

    nearest = explain(model_text(finding.excerpt, audience), audience, _NEAREST)
    return {
        "threshold": round(model_for(audience).threshold, 3),
        "nearest": [{"text": e.text, "label": e.label, "similarity": e.similarity} for e in nearest],
    }


def _explain_lines(finding: Finding, audience: str) -> list[str]:
    lines = [f"    try instead: {finding.suggestion}"]
    why = explanation(finding, audience)
    if why is None:
        lines.append(f"    found by rule {finding.rule}: {finding.excerpt!r}")
        return lines
    lines.append(
        f"    found by the classifier: score {finding.score:.2f} (it flags from {why['threshold']:.2f});"
        " nearest labelled training sentences:"
    )
    lines += [f"      {e['similarity']:.2f} {e['label']}: {e['text']}" for e in why["nearest"]]
    return lines


def _run_files(audience: str, names: list[str], explain: bool = False) -> int:
    out = sys.stdout
    status = 0
    for name in names:
        if name == "-":
            label, text = "<stdin>", sys.stdin.read()
        else:
            label = name
            try:
                with open(name, encoding="utf-8") as handle:
                    text = handle.read()
            except FileNotFoundError:
                _error(f"{name}: no such file")
                status = 2
                continue
            except (OSError, UnicodeDecodeError) as exc:
                _error(f"{name}: cannot read it as UTF-8 text ({exc})")
                status = 2
                continue
        findings = check(text, audience)
        starts = _line_starts(text)
        for finding in findings:
            out.write(_format(label, text, starts, finding) + "\n")
            if explain:
                out.write("".join(line + "\n" for line in _explain_lines(finding, audience)))
            if SEVERITY_RANK[finding.severity] >= _SERIOUS and status == 0:
                status = 1
    out.flush()
    return status


def _parse(raw: str) -> tuple[object, str]:
    """Return (id, text) from one input line, or raise ValueError with a message for the output."""
    if not raw.strip():
        raise ValueError("empty line")
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(item, dict):
        raise ValueError('expected an object like {"id": ..., "text": ...}')
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError('"text" is missing or is not a string')
    return item.get("id"), text


def _run_jsonl(audience: str, stream, out, explain: bool = False) -> int:
    # Lines are answered in order, a batch at a time, and forgotten: memory stays flat however long the
    # input. An interactive caller gets each answer at once (a batch of one line).
    interactive = stream.isatty() if hasattr(stream, "isatty") else False
    batch = 1 if interactive else _BATCH
    status = 0
    pending: list[tuple[int, str]] = []
    for number, raw in enumerate(stream, start=1):
        pending.append((number, raw))
        if len(pending) >= batch:
            status = max(status, _answer(audience, pending, out, explain))
            pending = []
            out.flush()
    if pending:
        status = max(status, _answer(audience, pending, out, explain))
    out.flush()
    return status


def _answer(audience: str, lines: list[tuple[int, str]], out, explain: bool) -> int:
    """Check a batch of input lines and write one output line each, in order; returns the exit status."""
    status = 0
    parsed: list[tuple[int, object, str | None, str]] = []  # (line number, id, text or None, error)
    for number, raw in lines:
        try:
            item_id, text = _parse(raw)
        except ValueError as exc:
            parsed.append((number, None, None, str(exc)))
            status = 1
        else:
            parsed.append((number, item_id, text, ""))
    results = iter(check_many([text for _, _, text, _ in parsed if text is not None], audience))
    dumps = json.dumps
    for number, item_id, text, error in parsed:
        if text is None:
            out.write(dumps({"id": None, "line": number, "error": error}, ensure_ascii=False) + "\n")
            continue
        findings = next(results)
        if any(SEVERITY_RANK[f.severity] >= _SERIOUS for f in findings):
            status = 1
        records = [f.to_dict() for f in findings]
        if explain:
            for record, finding in zip(records, findings, strict=True):
                why = explanation(finding, audience)
                if why is not None:
                    record["explanation"] = why
        out.write(dumps({"id": item_id, "findings": records}, ensure_ascii=False) + "\n")
    return status
