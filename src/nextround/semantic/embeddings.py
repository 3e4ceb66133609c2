"""Sentence embeddings from the static word vectors that the `wordllama` package ships in its wheel.

A sentence's embedding is the mean of its tokens' vectors (wordllama's own pooling), scaled to unit
length. The files are read straight from the installed package folder with `tokenizers` and
`safetensors` (wordllama's own dependencies): importing wordllama itself costs about 0.4 s of start-up
(pydantic and more) and its loader looks for the bundled tokenizer in the wrong folder. Nothing is ever
downloaded: a missing file is an error that says which package to install.

Everything loads on first use, once per process, so importing this module costs nothing.
"""

import importlib.util
import os
import threading
from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path

import numpy as np

MODEL_NAME = "wordllama l2_supercat 256"
DIMENSIONS = 256
_WEIGHTS = Path("weights") / "l2_supercat_256.safetensors"
_TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
# Texts are summed this many at a time (see Embedder._sums): small enough that the count matrix stays
# small, large enough that the texts share most of their tokens. Measured fastest at 64.
_CHUNK = 64
# Curly quotes and dashes become their plain forms so that a sentence embeds the same however it was typed.
_PLAIN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"}
)


class EmbeddingsMissing(RuntimeError):
    """The bundled word vectors cannot be found; the message says what to install."""


def package_folder() -> Path:
    """The folder of the installed wordllama package, found without importing (running) it."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingsMissing("the wordllama package is not installed: pip install wordllama")
    return Path(next(iter(spec.submodule_search_locations)))


class Embedder:
    """Tokenizer and word vectors, loaded once; `embed` turns sentences into unit vectors."""

    def __init__(self, folder: Path | None = None):
        # The batches here are one message's sentences: the tokenizer's thread pool costs more than it
        # saves (twice the CPU time measured, far worse on a busy machine). A caller may still turn it on.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = folder or package_folder()
        weights, tokenizer = folder / _WEIGHTS, folder / _TOKENIZER
        for path in (weights, tokenizer):
            if not path.is_file():
                raise EmbeddingsMissing(f"{path} is missing: reinstall the wordllama package")
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        # Kept in half precision (16 MB); only the rows a batch uses are widened to float32.
        self.vectors = load_file(str(weights))["embedding.weight"]
        self.dimensions = self.vectors.shape[1]

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        return [
            encoding.ids
            for encoding in self.tokenizer.encode_batch_fast(
                [text.translate(_PLAIN) for text in texts], add_special_tokens=False
            )
        ]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length float32 row per text (all zeros for a text without tokens), in one batch."""
        texts = list(texts)
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        ids = self.token_ids(texts)
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
        np.clip(flat, 0, len(self.vectors) - 1, out=flat)
        ends = np.cumsum(lengths)
        for first in range(0, len(texts), _CHUNK):
            last = min(len(texts), first + _CHUNK)
            tokens = flat[ends[first] - lengths[first] : ends[last - 1]]
            out[first:last] = self._sums(tokens, lengths[first:last])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, np.maximum(norms, 1e-12), out=out)

    def _sums(self, tokens: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The sum of each text's token vectors, for a few dozen texts whose tokens follow each other.

        Counted as a matrix product: (texts x distinct tokens) counts times those tokens' vectors. Texts
        share most of their words, so this is several times faster than adding up each token's row.
        """
        distinct, which = np.unique(tokens, return_inverse=True)
        rows = np.repeat(np.arange(len(lengths)), lengths)
        counts = np.bincount(rows * len(distinct) + which, minlength=len(lengths) * len(distinct))
        counts = counts.astype(np.float32).reshape(len(lengths), len(distinct))
        return counts @ self.vectors[distinct].astype(np.float32)


_lock = threading.Lock()


@cache
def _shared() -> Embedder:
    return Embedder()


def embedder() -> Embedder:
    """The process-wide embedder, loaded on first use (thread-safe: the web server runs several threads)."""
    with _lock:
        return _shared()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Embed `texts` with the shared embedder: an array of shape (len(texts), 256), rows of unit length."""
    return embedder().embed(texts)
