"""Turn sentences into the features a LinearModel reads: the sentence embedding, optionally joined by
hashed word n-grams (they keep the word order that a mean of word vectors loses: "won't ask", "your loss").

The n-grams are lower-cased words and word pairs, hashed into `buckets` columns and scaled to unit length
per sentence. They are kept sparse (a sentence has a few dozen), so they cost microseconds a sentence.

The recipe is a small dict stored in the model's `meta`, so a model is always fed the features it was
trained on: {"embedding": true, "ngrams": [1, 2], "buckets": 16384}.
"""

import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nextround.semantic.embeddings import DIMENSIONS, embedder

DEFAULT_RECIPE = {"embedding": True, "ngrams": [], "buckets": 0}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SEPARATOR = "\x00"
_WORD_OR_SEPARATOR = re.compile(_WORD.pattern + "|" + _SEPARATOR)
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
            rows, cols, values = self.rows, self.cols, self.values
            if len(rows) > 1 and (rows[1:] < rows[:-1]).any():  # word_ngrams gives them sorted
                order = np.argsort(rows, kind="stable")
                rows, cols, values = rows[order], cols[order], values[order]
            # Each row's entries are adjacent: add them up with one reduceat (np.add.at is 4x slower).
            contributions = values[:, None] * weights[self.dense.shape[1] :][cols]
            starts = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
            out[rows[starts]] += np.add.reduceat(contributions, starts, axis=0)
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


# The n-gram columns are crc32 of the n-gram's text, computed in numpy for a whole batch at once.
# Each distinct word gets an id once (its crc32, the crc32 of the word and a space, and its length);
# a pair's crc32 is then crc32(second, start=crc32(first + " ")), and continuing a crc32 over L more
# bytes is linear over GF(2) in the starting value: crc32(b, c) == shift_L(c) ^ crc32(b). shift_L is
# applied with four 256-entry tables, one per byte of c, so every pair of a batch is hashed by a few
# array lookups, and the columns are exactly those of hashing each n-gram's text with zlib.crc32.
_SHIFTS: dict[int, np.ndarray] = {}  # byte length L -> (4, 256) table of shift_L


class _WordTable:
    """Each distinct word's crc32, crc32 of the word and a space, and byte length, by an id given once.

    Thread-safe (the web server checks messages on several threads); bounded, so an endless stream of
    new words cannot grow it forever.
    """

    LIMIT = 200_000

    def __init__(self):
        self.lock = threading.Lock()
        self.ids = {_SEPARATOR: 0}  # the separator between texts keeps id 0
        self.crc = np.zeros(1024, np.uint32)
        self.crc_space = np.zeros(1024, np.uint32)
        self.length = np.zeros(1024, np.int64)

    def values(self, tokens: list[str]) -> tuple[np.ndarray, ...]:
        """(id, crc32, crc32 with a space, byte length) of each token, as arrays in token order."""
        with self.lock:
            known = self.ids
            if len(known) > self.LIMIT:
                known.clear()
                known[_SEPARATOR] = 0
            new = [token for token in dict.fromkeys(tokens) if token not in known]
            if new:
                first = len(known)
                if first + len(new) > len(self.crc):
                    size = max(first + len(new), 2 * len(self.crc))
                    self.crc, self.crc_space = np.resize(self.crc, size), np.resize(self.crc_space, size)
                    self.length = np.resize(self.length, size)
                for offset, token in enumerate(new, start=first):
                    data = token.encode()
                    known[token] = offset
                    self.crc[offset] = zlib.crc32(data)
                    self.crc_space[offset] = zlib.crc32(data + b" ")
                    self.length[offset] = len(data)
            ids = np.fromiter(map(known.__getitem__, tokens), dtype=np.int64, count=len(tokens))
            return ids, self.crc[ids], self.crc_space[ids], self.length[ids]


_WORDS = _WordTable()


# Below this many word pairs in a batch, pairs are hashed one by one with zlib (see word_ngrams).
_NUMPY_PAIRS = 256


def _shift_table(length: int) -> np.ndarray:
    table = _SHIFTS.get(length)
    if table is None:
        zeros = bytes(length)
        base = zlib.crc32(zeros)
        table = _SHIFTS[length] = np.array(
            [[zlib.crc32(zeros, value << (8 * byte)) ^ base for value in range(256)] for byte in range(4)],
            dtype=np.uint32,
        )
    return table


def _pair_hashes(start: np.ndarray, second_crc: np.ndarray, second_length: np.ndarray) -> np.ndarray:
    """crc32(first + " " + second) from crc32(first + " "), crc32(second) and len(second)."""
    out = second_crc.copy()
    for length in np.unique(second_length).tolist():
        at = np.flatnonzero(second_length == length)
        table, value = _shift_table(length), start[at]
        out[at] ^= (
            table[0][value & 0xFF]
            ^ table[1][(value >> 8) & 0xFF]
            ^ table[2][(value >> 16) & 0xFF]
            ^ table[3][value >> 24]
        )
    return out


def word_ngrams(texts: Sequence[str], ngrams: Sequence[int], buckets: int):
    """(rows, cols, values) of the hashed word n-gram counts of `texts`, each row of unit length.

    The column is crc32 of the n-gram's text ("your loss") modulo `buckets`: stable across runs,
    machines and Python versions. Unigrams and bigrams only.
    """
    if set(ngrams) - {1, 2}:
        raise ValueError(f"only word unigrams and bigrams are supported, not {sorted(ngrams)}")
    # One regular-expression pass over the whole batch: the texts are joined by a separator that no
    # text contains (a NUL becomes a space first, which is not part of a word either way).
    joined = _SEPARATOR.join(text.replace(_SEPARATOR, " ") for text in texts)
    tokens = _WORD_OR_SEPARATOR.findall(joined.lower().translate(_APOSTROPHES))
    ids, crc, crc_space, length = _WORDS.values(tokens)
    words_only = ids != 0
    row_of_word = np.cumsum(~words_only)[words_only]
    if not len(row_of_word):
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    crc, crc_space, length = crc[words_only], crc_space[words_only], length[words_only]
    rows, hashes = [], []
    if 1 in ngrams:
        rows.append(row_of_word)
        hashes.append(crc)
    if 2 in ngrams:
        # A pair is two neighbouring words of one text: drop the pairs that straddle two texts.
        first = np.flatnonzero(row_of_word[1:] == row_of_word[:-1])
        rows.append(row_of_word[first])
        if len(first) < _NUMPY_PAIRS:
            # A message or two: zlib continuing each first word's crc32 costs less than numpy's set-up.
            words_in_order = [token for token in tokens if token != _SEPARATOR]
            starts = crc_space[first].tolist()
            pairs = [
                zlib.crc32(words_in_order[at + 1].encode(), start)
                for at, start in zip(first.tolist(), starts, strict=True)
            ]
            hashes.append(np.array(pairs, dtype=np.uint32))
        else:
            hashes.append(_pair_hashes(crc_space[first], crc[first + 1], length[first + 1]))
    cols = np.concatenate(hashes).astype(np.int64) % buckets
    cells, counts = np.unique(np.concatenate(rows) * buckets + cols, return_counts=True)
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
