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

TRAINING = Path(__file__).resolve().parents[3] / "training" / "mail"
CORPUS = TRAINING / "dev.jsonl"
EXTRA = (TRAINING / "handwritten.jsonl",)  # more letters for the final fit (and a check, with --check)
# The dev set's pieces are *not* used to train the sentence model: its letters are made of them, so the
# message model would learn from votes on sentences the sentence model had seen, far surer than on real mail.
SENTENCES = None
SENTENCE_REGULARISATION = 4.0
FOLDS = 5
REJECTION_PRECISION = 0.98
REGULARISATION = 4.0


def load(path: Path):
    rows = list(evaluate.read_corpus(path))
    mails = [parse_bytes(evaluate.to_message(row).as_bytes()) for row in rows]
    return rows, mails


def fold_of(row_id: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(row_id.encode(), digest_size=4).digest(), "big") % FOLDS


# The message model's inputs come in groups of one column per type (see recognise.featurize), then the
# job-context cue and the sender flags. The evidence groups share one weight across the types ("the more the
# sentences vote for a type, the likelier that type", the same for every type): a model free to weigh each
# type's column apart learned the dev set's quirks (a rejection cue counting *against* a rejection, because
# newsletters about rejections use it) and carried over badly to letters written differently.
EVIDENCE_GROUPS = 5
TYPES_COUNT = len(recognise.TYPES)


def tied_weights(theta: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    groups, free_rows = EVIDENCE_GROUPS, width - EVIDENCE_GROUPS * TYPES_COUNT
    weights = np.zeros((width, TYPES_COUNT))
    for group in range(groups):
        for kind in range(TYPES_COUNT):
            weights[group * TYPES_COUNT + kind, kind] = theta[group]
    free = theta[groups : groups + free_rows * TYPES_COUNT].reshape(free_rows, TYPES_COUNT)
    weights[groups * TYPES_COUNT :, :] = free
    bias = theta[groups + free_rows * TYPES_COUNT :]
    return weights, bias


def fit(features: np.ndarray, labels: list[str], meta: dict):
    """Multinomial logistic regression with the evidence weights tied across types (L-BFGS, deterministic)."""
    from scipy.optimize import minimize

    from nextround.semantic import LinearModel

    x = features.astype(np.float64)
    width = x.shape[1]
    free_rows = width - EVIDENCE_GROUPS * TYPES_COUNT
    y = np.zeros((len(labels), TYPES_COUNT))
    y[np.arange(len(labels)), [recognise.TYPES.index(label) for label in labels]] = 1
    size = EVIDENCE_GROUPS + free_rows * TYPES_COUNT + TYPES_COUNT
    penalty = np.ones(size) / REGULARISATION
    penalty[-TYPES_COUNT:] = 0  # biases are not shrunk

    def loss(theta):
        weights, bias = tied_weights(theta, width)
        logits = x @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        error = np.exp(log_p) - y
        grad_w, grad_b = x.T @ error, error.sum(axis=0)
        grad = np.zeros(size)
        for group in range(EVIDENCE_GROUPS):
            rows = slice(group * TYPES_COUNT, (group + 1) * TYPES_COUNT)
            grad[group] = np.trace(grad_w[rows, :])
        grad[EVIDENCE_GROUPS : EVIDENCE_GROUPS + free_rows * TYPES_COUNT] = grad_w[
            EVIDENCE_GROUPS * TYPES_COUNT :, :
        ].ravel()
        grad[-TYPES_COUNT:] = grad_b
        value = -(y * log_p).sum() + 0.5 * (penalty * theta**2).sum()
        return value, grad + penalty * theta

    found = minimize(loss, np.zeros(size), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    weights, bias = tied_weights(found.x, width)
    return LinearModel(recognise.TYPES, weights.astype(np.float32), bias.astype(np.float32), dict(meta))


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
    rows, mails = load(args.corpus)
    for extra in EXTRA:
        more_rows, more_mails = load(extra)
        rows, mails = rows + more_rows, mails + more_mails
    labels = [row["expect"]["type"] for row in rows]
    features = recognise.featurize(mails, sentence_model).rows
    folds = [fold_of(row["id"]) for row in rows]
    probabilities = cross_validated(features, labels, folds)
    probabilities = np.vstack(
        [recognise.guarded(m, row) for m, row in zip(mails, probabilities, strict=True)]
    )
    threshold = rejection_threshold(probabilities, labels)
    thresholds = {MessageType.REJECTION.value: threshold}
    cv_model = type("CV", (), {"meta": {"thresholds": thresholds}})
    predicted = [
        recognise.TYPES[recognise.decide(row, cv_model.meta["thresholds"])[0]] for row in probabilities
    ]
    details = recognise.featurize(mails, sentence_model)
    readings = [
        recognise.read_details(mail, MessageType(kind), 0.0, sentences, closeness, row, ())
        for mail, kind, sentences, closeness, row in zip(
            mails, predicted, details.sentences, details.closeness, probabilities, strict=True
        )
    ]
    scores = evaluate.score(
        (
            {"id": row["id"], **row["expect"]},
            {"type": r.type.value, "company": r.company, "role": r.role, "feedback": r.feedback},
        )
        for row, r in zip(rows, readings, strict=True)
    )
    names = ", ".join(path.name for path in (args.corpus, *EXTRA))
    print(f"cross-validated on {names} ({FOLDS} folds), rejection threshold {threshold}:")
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
        },
    )
    model.save(args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def check(corpus: Path, held_out: Path, sentence_model) -> int:
    """Fit on `corpus` alone and score `held_out`: how well the model carries over to other writing."""
    rows, mails = load(corpus)
    model = fit(recognise.featurize(mails, sentence_model).rows, [r["expect"]["type"] for r in rows], {})
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
