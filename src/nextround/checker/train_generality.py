"""Train the "general statement" reader (generality.py) and write models/generality.npz.

    python -m nextround.checker.train_generality        # or: make train-generality

Rows: training/checker/generality.jsonl (sentences written for it, {"text", "label": "general"|"other"}),
plus silver rows from the employer corpus (training/checker/employer.jsonl): every risky sentence is
`other`; a clean sentence that guidance.exempt_spans or law_spans already passes whole is `general`.
A multinomial (two-class) logistic regression on the checker's own features (train.RECIPE), C = STRENGTH,
fitted on all rows; deterministic. The threshold is not chosen here: it is THRESHOLD, set by the rule in
docs/decisions.md (rounds 16 and 17) over the used blind sets; docs/checker.md gives that rule's figures
for every T tried.
Needs the `[train]` extra.
"""

import argparse
import sys
from pathlib import Path

import numpy as np

from nextround.checker.guidance import exempt_spans, law_spans
from nextround.checker.train import DATA_DIR, RECIPE, files_digest, read_jsonl
from nextround.semantic import featurize
from nextround.semantic.embeddings import MODEL_NAME
from nextround.semantic.training import fit_linear

STRENGTH = 8.0
CLASSES = ("other", "general")
# Chosen by the rule in docs/decisions.md (round 17, with the gate about.no_one_named); see docs/checker.md
# for every T tried.
THRESHOLD = 0.90
# For a sentence that names someone (about.no_one_named is false): chosen by round 17b's rule.
THRESHOLD_NAMED = 0.99
FILES = ("generality.jsonl", "employer.jsonl")


def corpus_digest(folder: Path) -> str:
    return files_digest(folder, FILES)


def _whole(spans, text: str) -> bool:
    return any(start <= len(text) - len(text.lstrip()) and end >= len(text.rstrip()) for start, end in spans)


def load_rows(folder: Path) -> list[tuple[str, str]]:
    """(text, label) pairs: the written rows first, then the silver ones; a repeated text is kept once."""
    seen, rows = set(), []

    def add(text: str, label: str) -> None:
        key = " ".join(text.lower().split())
        if key not in seen:
            seen.add(key)
            rows.append((text, label))

    for number, row in enumerate(read_jsonl(folder / FILES[0]), start=1):
        if row.get("label") not in CLASSES:
            raise SystemExit(f"{FILES[0]} line {number}: label must be one of {', '.join(CLASSES)}")
        add(row["text"], row["label"])
    for row in read_jsonl(folder / FILES[1]):
        text = row["text"]
        if row.get("category"):
            add(text, "other")
        elif _whole(exempt_spans(text), text) or _whole(law_spans(text), text):
            add(text, "general")
    return rows


def train(folder: Path, out: Path) -> dict:
    rows = load_rows(folder)
    texts = [text for text, _ in rows]
    labels = [label for _, label in rows]
    meta = {
        "recipe": RECIPE,
        "regularisation": STRENGTH,
        "threshold": THRESHOLD,
        "threshold_named": THRESHOLD_NAMED,
        "embedding": MODEL_NAME,
        "sentences": len(rows),
        "general": labels.count("general"),
        "corpus_sha256": corpus_digest(folder),
    }
    # The silver `other` rows outnumber the `general` ones about four to one: each class weighs the same.
    counts = {name: labels.count(name) for name in CLASSES}
    weights = np.array([len(labels) / (2 * counts[label]) for label in labels])
    model = fit_linear(
        featurize(texts, RECIPE),
        labels,
        classes=CLASSES,
        regularisation=STRENGTH,
        sample_weight=weights,
        meta=meta,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    return meta


def main(argv: list[str] | None = None) -> int:
    from nextround.checker.generality import MODEL_FILE

    parser = argparse.ArgumentParser(prog="python -m nextround.checker.train_generality", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of the labelled corpus")
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="the model file to write")
    args = parser.parse_args(argv)
    for name in FILES:
        if not (args.data / name).exists():
            print(f"{args.data / name}: no such file", file=sys.stderr)
            return 2
    meta = train(args.data, args.out)
    print(f"{meta['sentences']} sentences ({meta['general']} general); wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
