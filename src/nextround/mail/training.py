"""Train the message-type model: `python -m nextround.mail.training` (needs the `[train]` extra).

Deterministic: the folds come from a hash of each row's id and the fit is lbfgs, so the same corpus gives
the same model file on any machine. The rejection threshold is chosen on cross-validated probabilities
(each message scored by a model that never saw it) for a precision above the target, then the final
model is fitted on every row. Prints the cross-validated figures, which docs/mail.md quotes as "dev".
"""

import argparse
import sys
from pathlib import Path

import numpy as np

from nextround.mail import evaluate, recognise
from nextround.mail.parse import parse_bytes
from nextround.mail.vocabulary import MessageType

CORPUS = Path(__file__).resolve().parents[3] / "training" / "mail" / "dev.jsonl"
FOLDS = 5
REJECTION_PRECISION = 0.99
REGULARISATION = 16.0


def load(path: Path):
    rows = list(evaluate.read_corpus(path))
    mails = [parse_bytes(evaluate.to_message(row).as_bytes()) for row in rows]
    return rows, mails


def fold_of(row_id: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(row_id.encode(), digest_size=4).digest(), "big") % FOLDS


def fit(features: np.ndarray, labels: list[str], meta: dict):
    from nextround.semantic.training import fit_linear

    return fit_linear(features, labels, classes=recognise.TYPES, regularisation=REGULARISATION, meta=meta)


def cross_validated(features: np.ndarray, labels: list[str], folds: list[int]) -> np.ndarray:
    out = np.zeros((len(labels), len(recognise.TYPES)), dtype=np.float32)
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        model = fit(features[train], [labels[i] for i in train], {})
        out[test] = model.probabilities(features[test])
    return out


def rejection_threshold(probabilities: np.ndarray, labels: list[str]) -> float:
    from nextround.semantic.training import threshold_for_precision

    column = recognise.TYPES.index(MessageType.REJECTION.value)
    positive = np.array([label == MessageType.REJECTION.value for label in labels])
    found = threshold_for_precision(probabilities[:, column], positive, REJECTION_PRECISION)
    # Never below an even chance: a letter the model is unsure about stays open.
    return round(max(found, 0.5), 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nextround.mail.training", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-o", "--output", type=Path, default=recognise.MODEL_PATH)
    args = parser.parse_args(argv)
    rows, mails = load(args.corpus)
    labels = [row["expect"]["type"] for row in rows]
    features = recognise.featurize(mails).rows
    folds = [fold_of(row["id"]) for row in rows]
    probabilities = cross_validated(features, labels, folds)
    threshold = rejection_threshold(probabilities, labels)
    thresholds = {MessageType.REJECTION.value: threshold}
    cv_model = type("CV", (), {"meta": {"thresholds": thresholds}})
    predicted = [
        recognise.TYPES[recognise.decide(row, cv_model.meta["thresholds"])[0]] for row in probabilities
    ]
    readings = [
        recognise.read_details(mail, MessageType(kind), 0.0, sentences, closeness, row, ())
        for mail, kind, sentences, closeness, row in zip(
            mails, predicted, *_details(mails), probabilities, strict=True
        )
    ]
    scores = evaluate.score(
        (
            {"id": row["id"], **row["expect"]},
            {"type": r.type.value, "company": r.company, "role": r.role, "feedback": r.feedback},
        )
        for row, r in zip(rows, readings, strict=True)
    )
    print(f"cross-validated on {args.corpus.name} ({FOLDS} folds), rejection threshold {threshold}:")
    print("\n".join(scores.lines()))
    for row_id, expected, got in scores.confusions:
        print(f"  {row_id}: expected {expected}, got {got}")
    model = fit(
        features,
        labels,
        {
            "thresholds": thresholds,
            "corpus": args.corpus.name,
            "rows": len(rows),
            "regularisation": REGULARISATION,
            "recipe": recognise.RECIPE,
        },
    )
    model.save(args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _details(mails):
    features = recognise.featurize(mails)
    return features.sentences, features.closeness


if __name__ == "__main__":
    sys.exit(main())
