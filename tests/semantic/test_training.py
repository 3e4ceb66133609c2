"""The training helpers: a split that never changes, a fit that repeats, a threshold for a precision."""

import numpy as np
import pytest

from nextround.semantic import featurize
from nextround.semantic.training import fit_linear, in_dev, split, threshold_for_precision

pytest.importorskip("sklearn")


def test_the_split_is_decided_by_the_key_alone():
    rows = [f"sentence {n}" for n in range(400)]
    train, dev = split(rows, key=str, dev_share=0.25, salt="x")
    assert 70 < len(dev) < 130 and len(train) + len(dev) == 400
    again_train, again_dev = split(list(reversed(rows)) + ["new one"], key=str, dev_share=0.25, salt="x")
    assert set(dev) <= set(again_dev) and set(train) <= set(again_train)
    assert in_dev("sentence 3", 0.25, "x") == ("sentence 3" in dev)


def test_a_fit_on_embeddings_separates_two_kinds_of_sentence_and_repeats_exactly():
    risky = ["Why didn't you hire me?", "Why was I rejected?", "What did I do wrong?", "Why not me?"]
    clean = ["Thank you for your time.", "It was great to meet the team.", "Best wishes.", "Thanks again!"]
    x = featurize(risky + clean)
    labels = ["why"] * 4 + ["clean"] * 4
    first = fit_linear(x, labels, classes=("clean", "why"), regularisation=10.0, meta={"note": "test"})
    second = fit_linear(x, labels, classes=("clean", "why"), regularisation=10.0)
    np.testing.assert_array_equal(first.weights, second.weights)
    probabilities = first.probabilities(
        featurize(["Why wasn't I selected?", "Thanks so much for your time."])
    )
    assert probabilities[0, 1] > 0.5 > probabilities[1, 1]
    assert first.meta == {"note": "test"}


def test_fit_refuses_a_class_without_rows():
    with pytest.raises(ValueError, match="no training rows for other"):
        fit_linear(np.eye(2), ["a", "a"], classes=("a", "other"))


def test_threshold_for_precision_keeps_recall_as_high_as_the_precision_allows():
    scores = np.array([0.95, 0.9, 0.8, 0.7, 0.6, 0.5])
    positive = np.array([1, 1, 0, 1, 0, 0], dtype=bool)
    assert threshold_for_precision(scores, positive, 1.0) == 0.9
    assert threshold_for_precision(scores, positive, 0.75) == 0.7
    assert threshold_for_precision(scores, np.zeros(6, dtype=bool), 0.9) == 1.0


def test_hashed_token_ngrams_are_sparse_unit_rows_and_multiply_like_the_dense_matrix():
    recipe = {"embedding": True, "ngrams": [1, 2], "buckets": 4096}
    features = featurize(["Your loss", "", "YOUR LOSS", "I won't ask why."], recipe)
    dense = features.to_array()
    assert dense.shape == (4, 256 + 4096) and features.width == 4352
    norms = np.linalg.norm(dense[:, 256:], axis=1)
    np.testing.assert_allclose(norms, [1, 0, 1, 1], atol=1e-6)
    # n-grams are read lower-cased: the same words in capitals give the same n-gram block
    np.testing.assert_allclose(dense[0, 256:], dense[2, 256:], atol=1e-6)
    weights = np.random.default_rng(0).normal(size=(features.width, 3)).astype(np.float32)
    np.testing.assert_allclose(features.matmul(weights), dense @ weights, atol=1e-4)
    assert features.to_scipy().shape == dense.shape
