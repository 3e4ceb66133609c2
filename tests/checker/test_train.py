"""The training command on a small slice of the corpus: it repeats exactly, and the embedding weight it
fits with is folded into the saved model, which reads plain features."""

import json
from dataclasses import replace

import numpy as np
import pytest

from nextround.checker import classifier, train
from nextround.checker.train import DATA_DIR, load_sentences, main
from nextround.semantic import LinearModel, featurize
from nextround.semantic.training import fit_linear

pytest.importorskip("sklearn")


@pytest.fixture
def small_corpus(tmp_path):
    per_label: dict[str, list[str]] = {}
    with open(DATA_DIR / "candidate.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            bucket = per_label.setdefault(row["category"] or "clean", [])
            if len(bucket) < (40 if row["category"] is None else 12):
                bucket.append(line)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "candidate.jsonl").write_text("".join(sum(per_label.values(), [])), encoding="utf-8")
    with open(DATA_DIR / "candidate_messages.jsonl", encoding="utf-8") as handle:
        (folder / "candidate_messages.jsonl").write_text("".join(handle.readlines()[:30]), encoding="utf-8")
    return folder


def test_training_repeats_exactly_and_folds_the_embedding_weight_into_the_model(
    small_corpus, tmp_path, monkeypatch
):
    monkeypatch.setattr(train, "EMBEDDING_WEIGHTS", (0.5,))  # the weight that needs folding
    try:
        for out in ("first", "second"):
            assert (
                main(["--data", str(small_corpus), "--out", str(tmp_path / out), "--audience", "candidate"])
                == 0
            )
    finally:
        classifier.forget("candidate")
    first, second = (tmp_path / name / "candidate.npz" for name in ("first", "second"))
    assert first.read_bytes() == second.read_bytes()
    model = LinearModel.load(first)
    weight = model.meta["embedding_weight"]
    assert weight == 0.5
    # The same fit on features whose embedding is scaled by the weight gives the same probabilities as
    # the saved model on plain features: the weight is folded in, so the product needs no change.
    rows = load_sentences(small_corpus, "candidate")
    plain = featurize([text for text, _ in rows], model.meta["recipe"])
    scaled = replace(plain, dense=plain.dense * weight)
    direct = fit_linear(
        scaled,
        [label for _, label in rows],
        classes=model.classes,
        regularisation=model.meta["regularisation"],
    )
    assert np.allclose(model.probabilities(plain), direct.probabilities(scaled), atol=2e-3)


def test_the_committed_models_were_trained_on_the_committed_corpus():
    # Each model file records a digest of the corpus it was trained and chosen on. A change to the corpus
    # without retraining fails here: run `make train-checker` and commit the model files with the data.
    # (The full check, that training gives the same bytes, is in docs/checker.md: it takes a minute.)
    for audience in ("candidate", "employer"):
        model = LinearModel.load(classifier.MODELS_DIR / f"{audience}.npz")
        assert model.meta["corpus_sha256"] == train.corpus_digest(DATA_DIR, audience), audience
