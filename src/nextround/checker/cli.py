"""`nextround check`: lint messages from files or standard input, or check a JSON Lines stream.

Plain Python like the rest of the checker, so the command starts without loading Django.
Exit status: 0 when nothing worse than info was found, 1 when there is a warning or an error (or, with
--jsonl, a malformed input line), 2 on bad usage such as a file that cannot be read.
"""

import argparse
import json
import sys
from bisect import bisect_right

from nextround.checker.engine import check
from nextround.checker.model import AUDIENCES, SEVERITY_RANK, Finding

_SERIOUS = SEVERITY_RANK["warning"]
# How many JSON Lines results to buffer before flushing when the input is a pipe or a file.
_FLUSH_EVERY = 512


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
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files to check; - or none for stdin")
    parser.set_defaults(func=run_check, needs_django=False)


def run_check(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.files and args.files != ["-"]:
            _error("--jsonl reads standard input; drop the file names")
            return 2
        return _run_jsonl(args.audience, sys.stdin, sys.stdout)
    return _run_files(args.audience, args.files or ["-"])


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


def _run_files(audience: str, names: list[str]) -> int:
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


def _run_jsonl(audience: str, stream, out) -> int:
    # One line in, one line out, nothing kept between lines: memory stays flat however long the input.
    # An interactive caller gets each answer at once; a pipe gets them in batches, which is much faster.
    interactive = stream.isatty() if hasattr(stream, "isatty") else False
    status = 0
    dumps = json.dumps
    for number, raw in enumerate(stream, start=1):
        try:
            item_id, text = _parse(raw)
        except ValueError as exc:
            out.write(dumps({"id": None, "line": number, "error": str(exc)}, ensure_ascii=False) + "\n")
            status = 1
        else:
            findings = check(text, audience)
            if status == 0 and any(SEVERITY_RANK[f.severity] >= _SERIOUS for f in findings):
                status = 1
            record = {"id": item_id, "findings": [f.to_dict() for f in findings]}
            out.write(dumps(record, ensure_ascii=False) + "\n")
        if interactive or number % _FLUSH_EVERY == 0:
            out.flush()
    out.flush()
    return status
