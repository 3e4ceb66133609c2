"""Print a SHA-256 of everything the checker finds over the labelled messages (not part of the tests).

    python bench/checker_output_digest.py

Runs check_many over every labelled .jsonl file in tests/checker/ (and its blind sets) and the training
messages, for both audiences, plus bench/checker.py's corpus, and hashes each finding's category, span,
rule, source, score (rounded to 6 places), severity and replacement. A speed change must leave the
digest as it was.
"""

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from checker import corpus  # noqa: E402
from nextround.checker.engine import check_many  # noqa: E402


def texts() -> list[tuple[str, list[str]]]:
    files = sorted((ROOT / "tests" / "checker").rglob("*.jsonl"))
    files += sorted((ROOT / "training" / "checker").glob("*messages.jsonl"))
    found = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        found.append(
            (str(path.relative_to(ROOT)), [json.loads(line)["text"] for line in lines if line.strip()])
        )
    found.append(("bench corpus", corpus(3000)))
    return found


def main() -> None:
    digest = hashlib.sha256()
    total = 0
    for name, messages in texts():
        for audience in ("candidate", "employer"):
            for batch in range(0, len(messages), 64):
                for found in check_many(messages[batch : batch + 64], audience):
                    total += len(found)
                    for f in found:
                        score = None if f.score is None else round(f.score, 6)
                        digest.update(
                            repr(
                                (
                                    f.category,
                                    f.start,
                                    f.end,
                                    f.rule,
                                    f.source,
                                    score,
                                    f.severity,
                                    f.replacement,
                                )
                            ).encode()
                        )
                    digest.update(b"\n")
        print(name, len(messages), file=sys.stderr)
    print(f"{digest.hexdigest()}  ({total} findings)")


if __name__ == "__main__":
    main()
