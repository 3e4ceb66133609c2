"""Turn sentences into the features a LinearModel reads: the sentence embedding, optionally joined by
hashed word n-grams (they keep the word order that a mean of word vectors loses: "won't ask", "your loss").

The n-grams are lower-cased words and word pairs, hashed into `buckets` columns and scaled to unit length
per sentence. They are kept sparse (a sentence has a few dozen), so they cost microseconds a sentence.

The recipe is a small dict stored in the model's `meta`, so a model is always fed the features it was
trained on: {"embedding": true, "ngrams": [1, 2], "buckets": 16384}.
"""

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nextround.semantic.embeddings import DIMENSIONS, embedder

DEFAULT_RECIPE = {"embedding": True, "ngrams": [], "buckets": 0}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Features:
    """Feature rows: a dense block (the embedding) followed by a sparse block (hashed n-grams)."""

    dense: np.ndarray  # (n, d) float32
    rows: np.ndarray  # sparse entries: row, column (within the sparse block) and value
    cols: np.ndarray
    values: np.ndarray
    sparse_width: int = 0

    def __len__(self) -> int:
        return self.dense.shape[0]

    @property
    def width(self) -> int:
        return self.dense.shape[1] + self.sparse_width

    def matmul(self, weights: np.ndarray) -> np.ndarray:
        """`self @ weights` without building the sparse block."""
        out = self.dense @ weights[: self.dense.shape[1]]
        if len(self.values):
            sparse = weights[self.dense.shape[1] :]
            np.add.at(out, self.rows, self.values[:, None] * sparse[self.cols])
        return out

    def to_array(self) -> np.ndarray:
        out = np.zeros((len(self), self.width), dtype=np.float32)
        out[:, : self.dense.shape[1]] = self.dense
        out[self.rows, self.dense.shape[1] + self.cols] = self.values
        return out

    def to_scipy(self):
        """A scipy CSR matrix of the same rows (training only)."""
        from scipy import sparse

        block = sparse.csr_matrix((self.values, (self.rows, self.cols)), shape=(len(self), self.sparse_width))
        return sparse.hstack([sparse.csr_matrix(self.dense), block], format="csr")


def width(recipe: dict) -> int:
    return (DIMENSIONS if recipe.get("embedding", True) else 0) + int(recipe.get("buckets", 0))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


# word -> (its bytes, crc32 of the word, crc32 of the word and a space); crc32 can continue from a
# running value, so a pair's crc32 is crc32(second, crc32(first + " ")), one short call per pair.
_WORD_CRC: dict[str, tuple[bytes, int, int]] = {}
_WORD_CRC_LIMIT = 200_000


def _word_crc(word: str) -> tuple[bytes, int, int]:
    found = _WORD_CRC.get(word)
    if found is None:
        if len(_WORD_CRC) >= _WORD_CRC_LIMIT:
            _WORD_CRC.clear()
        data = word.encode()
        found = _WORD_CRC[word] = (data, zlib.crc32(data), zlib.crc32(data + b" "))
    return found


def word_ngrams(texts: Sequence[str], ngrams: Sequence[int], buckets: int):
    """(rows, cols, values) of the hashed word n-gram counts of `texts`, each row of unit length.

    The column is crc32 of the n-gram's text ("your loss") modulo `buckets`: stable across runs,
    machines and Python versions. Unigrams and bigrams only.
    """
    if set(ngrams) - {1, 2}:
        raise ValueError(f"only word unigrams and bigrams are supported, not {sorted(ngrams)}")
    rows: list[int] = []
    hashes: list[int] = []
    crc32 = zlib.crc32
    for row, text in enumerate(texts):
        known = [_word_crc(word) for word in words(text)]
        before = len(hashes)
        if 1 in ngrams:
            hashes.extend(crc for _, crc, _ in known)
        if 2 in ngrams:
            hashes.extend(crc32(second[0], first[2]) for first, second in zip(known, known[1:], strict=False))
        rows.extend([row] * (len(hashes) - before))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    cols = np.array(hashes, dtype=np.int64) % buckets
    cells, counts = np.unique(np.array(rows, np.int64) * buckets + cols, return_counts=True)
    row, col = cells // buckets, cells % buckets
    values = counts.astype(np.float32)
    norms = np.sqrt(np.bincount(row, weights=values**2, minlength=len(texts))).astype(np.float32)
    return row, col, values / norms[row]


def featurize(texts: Sequence[str], recipe: dict | None = None) -> Features:
    """The feature rows for `texts` under `recipe` (embedding first, then hashed n-grams)."""
    recipe = recipe or DEFAULT_RECIPE
    texts = list(texts)
    if recipe.get("embedding", True):
        dense = embedder().embed(texts)
    else:
        dense = np.zeros((len(texts), 0), np.float32)
    buckets = int(recipe.get("buckets", 0))
    if not buckets:
        empty = np.zeros(0, np.int64)
        return Features(dense, empty, empty, np.zeros(0, np.float32), 0)
    rows, cols, values = word_ngrams(texts, recipe.get("ngrams", [1, 2]), buckets)
    return Features(dense, rows, cols, values, buckets)
