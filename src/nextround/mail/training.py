"""Train the message-type model: `python -m nextround.mail.training` (needs the `[train]` extra).

Deterministic: the folds come from a hash of each row's id and the fit is lbfgs, so the same corpus gives
the same model file on any machine. The rejection threshold is chosen on cross-validated probabilities
(each message scored by a model that never saw it) for a precision above the target, then the final
model is fitted on every row. Prints the cross-validated figures (overall and per file, since letters by
one writer share habits), which docs/mail.md quotes.
"""

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

from nextround.mail import evaluate, recognise
from nextround.mail.parse import parse_bytes
from nextround.mail.vocabulary import MessageType

TRAINING = Path(__file__).resolve().parents[3] / "training" / "mail"
CORPUS = TRAINING / "dev.jsonl"
# Every labelled letter but the blind set: the composed dev set, the first letters typed out whole, and
# the two writers' letters (training/mail/DATASHEET.md).
EXTRA = tuple(TRAINING / name for name in ("handwritten.jsonl", "written_a.jsonl", "written_b.jsonl"))
# The dev set's pieces are *not* used to train the sentence model: its letters are made of them, so the
# message model would learn from votes on sentences the sentence model had seen, far surer than on real mail.
SENTENCES = None
SENTENCE_REGULARISATION = 4.0
FOLDS = 5
REJECTION_PRECISION = 0.98
# scikit-learn's C for the message model. Chosen on the training letters alone: holding one writer's
# letters out whole and training on the rest, C from 4 to 64 read them about as well (0.85 and 0.71-0.74).
REGULARISATION = 16.0


def load(path: Path):
    rows = list(evaluate.read_corpus(path))
    mails = [parse_bytes(evaluate.to_message(row).as_bytes()) for row in rows]
    return rows, mails


def fold_of(row_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(row_id.encode(), digest_size=4).digest(), "big") % FOLDS


def fit(features, labels: list[str], meta: dict):
    """Multinomial logistic regression (L2, lbfgs) over the message rows (a scipy matrix)."""
    from nextround.semantic.training import fit_linear

    return fit_linear(
        features, labels, classes=recognise.TYPES, regularisation=REGULARISATION, meta=dict(meta)
    )


def probabilities_of(model, matrix) -> np.ndarray:
    logits = np.asarray(matrix @ model.weights) + model.bias
    logits -= logits.max(axis=1, keepdims=True)
    np.exp(logits, out=logits)
    return logits / logits.sum(axis=1, keepdims=True)


def fit_sentences():
    """The sentence model, from prototypes.toml's examples (and `SENTENCES`, when set)."""
    import json

    from nextround.semantic.training import fit_linear

    pairs = recognise.example_sentences()
    if SENTENCES:
        with open(SENTENCES, encoding="utf-8") as handle:
            pairs += [(row["text"], row["label"]) for row in map(json.loads, handle) if row["text"].strip()]
    texts = [text for text, _ in pairs]
    features = recognise.sentence_rows(texts)
    return fit_linear(
        features,
        [label for _, label in pairs],
        classes=recognise.SENTENCE_CLASSES,
        regularisation=SENTENCE_REGULARISATION,
        meta={"recipe": recognise.SENTENCE_RECIPE, "sentences": len(pairs)},
    )


def cross_validated(matrix, labels: list[str], folds: list[int]) -> np.ndarray:
    out = np.zeros((len(labels), len(recognise.TYPES)), dtype=np.float32)
    folds = np.array(folds)
    for fold in range(FOLDS):
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        model = fit(matrix[train], [labels[i] for i in train], {})
        out[test] = probabilities_of(model, matrix[test])
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
    parser.add_argument(
        "--check",
        type=Path,
        help="train on the corpus alone and score this labelled file (nothing is written)",
    )
    args = parser.parse_args(argv)
    sentence_model = fit_sentences()
    if args.check:
        return check(args.corpus, args.check, sentence_model)
    sentence_model.save(recognise.SENTENCE_MODEL_PATH)
    rows, mails, files = [], [], []
    for path in (args.corpus, *EXTRA):
        more_rows, more_mails = load(path)
        rows, mails, files = rows + more_rows, mails + more_mails, files + [path.name] * len(more_rows)
    labels = [row["expect"]["type"] for row in rows]
    details = recognise.featurize(mails, sentence_model)
    matrix = details.rows.to_scipy()
    probabilities = cross_validated(matrix, labels, [fold_of(row["id"]) for row in rows])
    probabilities = np.vstack(
        [recognise.guarded(m, row) for m, row in zip(mails, probabilities, strict=True)]
    )
    threshold = rejection_threshold(probabilities, labels)
    thresholds = {MessageType.REJECTION.value: threshold}
    predicted = [recognise.TYPES[recognise.decide(row, thresholds)[0]] for row in probabilities]
    readings = [
        recognise.read_details(mail, MessageType(kind), 0.0, sentences, closeness, row, ())
        for mail, kind, sentences, closeness, row in zip(
            mails, predicted, details.sentences, details.closeness, probabilities, strict=True
        )
    ]
    pairs = [
        (
            {"id": row["id"], **row["expect"]},
            {"type": r.type.value, "company": r.company, "role": r.role, "feedback": r.feedback},
        )
        for row, r in zip(rows, readings, strict=True)
    ]
    scores = evaluate.score(pairs)
    print(f"cross-validated on {len(rows)} letters ({FOLDS} folds), rejection threshold {threshold}:")
    print("\n".join(scores.lines()))
    for name in dict.fromkeys(files):
        part = evaluate.score(pair for pair, file in zip(pairs, files, strict=True) if file == name)
        rejection = part.per_type[MessageType.REJECTION.value]
        print(
            f"  {name}: {part.total} letters, type accuracy {part.accuracy:.3f}, rejection precision "
            f"{rejection['precision']:.3f} recall {rejection['recall']:.3f}"
        )
    for row_id, expected, got in scores.confusions:
        print(f"  {row_id}: expected {expected}, got {got}")
    model = fit(
        matrix,
        labels,
        {
            "thresholds": thresholds,
            "corpus": [args.corpus.name, *(path.name for path in EXTRA)],
            "rows": len(rows),
            "regularisation": REGULARISATION,
            "document_recipe": recognise.DOCUMENT_RECIPE,
        },
    )
    model.save(args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def check(corpus: Path, held_out: Path, sentence_model) -> int:
    """Fit on `corpus` alone and score `held_out`: how well the model carries over to other writing."""
    rows, mails = load(corpus)
    matrix = recognise.featurize(mails, sentence_model).rows.to_scipy()
    model = fit(matrix, [r["expect"]["type"] for r in rows], {})
    check_rows, check_mails = load(held_out)
    probabilities = model.probabilities(recognise.featurize(check_mails, sentence_model).rows)
    scores = evaluate.score(
        (
            {"id": r["id"], **r["expect"]},
            {"type": recognise.TYPES[int(p.argmax())], "company": "", "role": ""},
        )
        for r, p in zip(check_rows, probabilities, strict=True)
    )
    print(f"trained on {corpus.name}, scored on {held_out.name}:")
    print("\n".join(scores.lines()[:10]))
    for row_id, expected, got in scores.confusions:
        print(f"  {row_id}: expected {expected}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
