"""Train the recogniser: `python -m nextround.mail.training` (needs the `[train]` extra). Deterministic.

Two models, both multinomial logistic regression (lbfgs):
1. The sentence model (`sentences.npz`) says which news one sentence carries, if any ("none" for thanks,
   regrets and footers). It learns from the example sentences (`prototypes.toml`) and from the training
   letters themselves: in each, the sentence the example-only model finds closest to the letter's type is
   labelled with that type, and a few plain sentences are labelled "none". That is the decisive sentence
   in every voice the letters use ("we're going to pass", "it's not a match"), found without anyone
   marking it by hand.
2. The message model (`model.npz`) learns from rows whose sentence votes come from a sentence model that
   did not see the letter (cross-fitted), so it learns how far to trust the votes on new letters, not on
   remembered ones.
Letters by one writer share habits, so every letter is scored twice: by models trained without its fold
(5 folds by a hash of its id, sentence model included) and by models trained on the other writers only, the
closer guess for letters written apart. The rejection threshold is the one at which both readings, pooled,
reach the precision target (docs/decisions.md); both sets of figures are printed at it.
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
# Every labelled letter but the blind set, by writer (training/mail/DATASHEET.md): the composed dev set
# and the first letters typed out whole, then each writer's letters.
WRITERS = {
    "composed": ("dev.jsonl", "handwritten.jsonl"),
    "writer A": ("written_a.jsonl",),
    "writer B": ("written_b.jsonl",),
    "writer C": ("written_c.jsonl",),
    "writer D": ("written_d.jsonl",),
    "writer E": ("written_e.jsonl",),
}
SENTENCE_REGULARISATION = 4.0
FOLDS = 5
INNER_FOLDS = 4
REJECTION_PRECISION = 0.98
SHORT_WORDS = 80  # a form letter: its figures are printed apart
ISSUE_PRECISION = 0.97  # the issue's target, which each held-out reading must still reach
# scikit-learn's C for the message model. Chosen on the training letters alone: holding one writer's
# letters out whole and training on the rest, C from 4 to 64 read them about as well.
REGULARISATION = 16.0
FILLER_PER_LETTER = 3
SEEKER_LETTERS = 3
FILLER_BELOW = 0.85  # a sentence whose vote and closeness for every job-search type stay below is filler


def load(path: Path):
    rows = list(evaluate.read_corpus(path))
    mails = [parse_bytes(evaluate.to_message(row).as_bytes()) for row in rows]
    return rows, mails


def fold_of(row_id: str, folds: int = FOLDS, salt: str = "") -> int:
    digest = hashlib.blake2b(f"{salt}{row_id}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % folds


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


def fit_sentences(pairs: list[tuple[str, str]], meta: dict | None = None):
    from nextround.semantic.training import fit_linear

    return fit_linear(
        recognise.sentence_rows([text for text, _ in pairs]),
        [label for _, label in pairs],
        classes=recognise.SENTENCE_CLASSES,
        regularisation=SENTENCE_REGULARISATION,
        meta={"recipe": recognise.SENTENCE_RECIPE, "sentences": len(pairs), **(meta or {})},
    )


class Letters:
    """The labelled letters, prepared once; every model below is trained on a subset of them."""

    def __init__(self, paths: list[Path]):
        self.rows, self.mails, self.files, self.addressees = [], [], [], []
        for path in paths:
            rows, mails = load(path)
            self.rows += rows
            self.mails += mails
            self.files += [path.name] * len(rows)
            # Each file's job seekers: whoever several of its letters went to.
            self.addressees += [evaluate.addressee_of(rows, at_least=SEEKER_LETTERS)] * len(rows)
        self.labels = [row["expect"]["type"] for row in self.rows]
        self.prepared = recognise.prepare(self.mails)
        self.examples = recognise.example_sentences()
        self.seed = fit_sentences(self.examples)
        self.seed_closeness = recognise.assemble(self.prepared, self.seed).closeness

    def mined(self, indices) -> list[tuple[str, str]]:
        """Sentences labelled from their letters: the one carrying the letter's news, and plain filler."""
        pairs = []
        other = recognise.TYPES.index(MessageType.OTHER.value)
        for i in indices:
            sentences, closeness = self.prepared.sentences[i], self.seed_closeness[i]
            if not sentences:
                continue
            best = int(np.argmax(closeness[:, recognise.TYPES.index(self.labels[i])]))
            pairs.append((sentences[best], self.labels[i]))
            if self.labels[i] == MessageType.OTHER.value:
                continue
            job_news = np.delete(closeness, other, axis=1).max(axis=1)
            filler = [
                j for j in np.argsort(job_news, kind="stable") if j != best and job_news[j] < FILLER_BELOW
            ]
            pairs += [(sentences[j], "none") for j in filler[:FILLER_PER_LETTER]]
        return pairs

    def sentence_model(self, indices, meta: dict | None = None):
        return fit_sentences(self.examples + self.mined(indices), meta)

    def rows_for(self, sentence_model, indices):
        return recognise.assemble(self.prepared, sentence_model).rows.to_scipy()[indices]

    def crossfitted(self, indices: list[int]):
        """Message rows of `indices`, each voted on by a sentence model that did not mine its letter."""
        from scipy import sparse

        inner = np.array([fold_of(self.rows[i]["id"], INNER_FOLDS, "inner") for i in indices])
        parts, order = [], []
        for fold in range(INNER_FOLDS):
            inside = [i for i, f in zip(indices, inner, strict=True) if f == fold]
            outside = [i for i, f in zip(indices, inner, strict=True) if f != fold]
            parts.append(self.rows_for(self.sentence_model(outside), inside))
            order += inside
        matrix = sparse.vstack(parts).tocsr()
        return matrix[np.argsort(order, kind="stable")]  # back in the order of `indices`

    def train(self, indices: list[int], meta: dict | None = None):
        """(sentence model, message model) trained on the letters at `indices` alone."""
        message = fit(self.crossfitted(indices), [self.labels[i] for i in indices], meta or {})
        return self.sentence_model(indices, meta), message

    def held_out(self, groups: list) -> np.ndarray:
        """Each letter's probabilities from models trained without its whole group."""
        out = np.zeros((len(self.rows), len(recognise.TYPES)), dtype=np.float32)
        groups = np.array(groups)
        for group in sorted(set(groups)):
            train, test = np.flatnonzero(groups != group), np.flatnonzero(groups == group)
            sentence_model, message_model = self.train(list(train))
            out[test] = probabilities_of(message_model, self.rows_for(sentence_model, test))
        return np.vstack(
            [
                recognise.guarded(mail, row, addressee)
                for mail, row, addressee in zip(self.mails, out, self.addressees, strict=True)
            ]
        )

    def scores(self, probabilities: np.ndarray, thresholds: dict, indices=None):
        indices = range(len(self.rows)) if indices is None else indices
        pairs = []
        for i in indices:
            index, _ = recognise.decide_for(self.mails[i], probabilities[i], thresholds, self.addressees[i])
            kind = MessageType(recognise.TYPES[index])
            closeness = self.seed_closeness[i]
            r = recognise.read_details(
                self.mails[i], kind, 0.0, self.prepared.sentences[i], closeness, probabilities[i], ()
            )
            found = {"type": r.type.value, "company": r.company, "role": r.role, "feedback": r.feedback}
            pairs.append(({"id": self.rows[i]["id"], **self.rows[i]["expect"]}, found))
        return evaluate.score(pairs)


def rejection_threshold(probabilities: np.ndarray, labels) -> float:
    from nextround.semantic.training import threshold_for_precision

    column = recognise.TYPES.index(MessageType.REJECTION.value)
    positive = np.array([label == MessageType.REJECTION.value for label in labels])
    found = threshold_for_precision(probabilities[:, column], positive, REJECTION_PRECISION)
    # Never below an even chance: a letter the model is unsure about stays open.
    return round(max(found, 0.5), 4)


def rejection_thresholds(letters: Letters, probabilities: np.ndarray, apart: np.ndarray) -> dict:
    """The lowest threshold at which the letters scored by models that did not see them (5 folds) and each
    writer's letters scored by models that saw none of that writer's, pooled, reach the precision target
    (docs/decisions.md). When either reading alone falls below the issue's target there, the stricter of
    the two thresholds stands: a new writer's letters are read less surely, and a wrong "rejected" costs
    more than a miss."""
    labels = np.array(letters.labels)
    pooled = rejection_threshold(np.vstack([probabilities, apart]), np.concatenate([labels, labels]))
    column = recognise.TYPES.index(MessageType.REJECTION.value)
    positive = labels == MessageType.REJECTION.value

    def precision(scores) -> float:
        flagged = scores[:, column] >= pooled
        return positive[flagged].mean() if flagged.any() else 1.0

    if min(precision(probabilities), precision(apart)) >= ISSUE_PRECISION:
        threshold = pooled
    else:
        threshold = max(rejection_threshold(probabilities, labels), rejection_threshold(apart, labels))
    return {MessageType.REJECTION.value: threshold}


def summary(scores) -> str:
    rejection = scores.per_type[MessageType.REJECTION.value]
    return (
        f"{scores.total} letters, type accuracy {scores.accuracy:.3f}, rejection precision "
        f"{rejection['precision']:.3f} recall {rejection['recall']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nextround.mail.training", description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print the figures, write no model")
    args = parser.parse_args(argv)
    paths = [TRAINING / name for names in WRITERS.values() for name in names if (TRAINING / name).exists()]
    letters = Letters(paths)
    probabilities = letters.held_out([fold_of(row["id"]) for row in letters.rows])
    writer_of = {name: writer for writer, names in WRITERS.items() for name in names}
    writers = [writer_of[name] for name in letters.files]
    apart = letters.held_out(writers)
    thresholds = rejection_thresholds(letters, probabilities, apart)
    threshold = ", ".join(f"{name} {value}" for name, value in thresholds.items())
    scores = letters.scores(probabilities, thresholds)
    print(f"cross-validated on {len(letters.rows)} letters ({FOLDS} folds), thresholds {threshold}:")
    print("\n".join(scores.lines()))
    for name in dict.fromkeys(letters.files):
        inside = [i for i, file in enumerate(letters.files) if file == name]
        print(f"  {name}: {summary(letters.scores(probabilities, thresholds, inside))}")
    for row_id, expected, got in scores.confusions:
        print(f"  {row_id}: expected {expected}, got {got}")
    print(f"each writer held out whole (threshold {threshold}): {summary(letters.scores(apart, thresholds))}")
    for writer in dict.fromkeys(writers):
        inside = [i for i, w in enumerate(writers) if w == writer]
        print(f"  {writer}: {summary(letters.scores(apart, thresholds, inside))}")
    short = [i for i, mail in enumerate(letters.mails) if len(mail.text.split()) <= SHORT_WORDS]
    folds = summary(letters.scores(probabilities, thresholds, short))
    print(f"  {SHORT_WORDS} words or fewer, 5 folds: {folds}")
    print(f"  the same, writer held out: {summary(letters.scores(apart, thresholds, short))}")
    if args.no_write:
        return 0
    meta = {
        "thresholds": thresholds,
        "corpus": [path.name for path in paths],
        "rows": len(letters.rows),
        "regularisation": REGULARISATION,
        "document_recipe": recognise.DOCUMENT_RECIPE,
    }
    sentence_model, message_model = letters.train(list(range(len(letters.rows))), meta)
    sentence_model.save(recognise.SENTENCE_MODEL_PATH)
    message_model.save(recognise.MODEL_PATH)
    print(f"wrote {recognise.SENTENCE_MODEL_PATH} and {recognise.MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
