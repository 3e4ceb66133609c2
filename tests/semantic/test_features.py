"""The features a model reads: hashed word n-grams that are the same however texts are batched."""

import zlib

import numpy as np
import pytest

from nextround.semantic import featurize
from nextround.semantic.features import Features, word_ngrams, words


@pytest.mark.parametrize("copies", [1, 100])  # few pairs are hashed one by one, many in numpy
def test_ngram_columns_are_the_crc32_of_each_word_and_word_pair_in_any_batch(copies):
    texts = ["Your loss, mate!", "", "I won\u2019t ask why", "x" * 70 + " yz", "won't won't"] * copies
    rows, cols, values = word_ngrams(texts, [1, 2], 1 << 20)
    for row, text in enumerate(texts):
        found = words(text)
        grams = found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]
        expected = sorted({zlib.crc32(gram.encode()) % (1 << 20) for gram in grams})
        assert sorted(cols[rows == row].tolist()) == expected
    # a text's columns do not depend on the texts batched with it
    alone = word_ngrams(["I won't ask why"], [1, 2], 1 << 20)
    assert alone[1].tolist() == cols[rows == 2].tolist()
    np.testing.assert_allclose(alone[2], values[rows == 2])


def test_the_sparse_product_does_not_depend_on_the_order_of_the_entries():
    features = featurize(
        ["Your loss", "", "I won't ask why."], {"embedding": True, "ngrams": [1, 2], "buckets": 64}
    )
    weights = np.random.default_rng(1).normal(size=(features.width, 2)).astype(np.float32)
    order = np.random.default_rng(2).permutation(len(features.rows))
    shuffled = Features(
        features.dense,
        features.rows[order],
        features.cols[order],
        features.values[order],
        features.sparse_width,
    )
    np.testing.assert_allclose(shuffled.matmul(weights), features.to_array() @ weights, atol=1e-4)
