"""Sentence embeddings and small trained classifiers, in plain Python (no Django).

    from nextround.semantic import split_sentences, embed, LinearModel

    sentences = split_sentences(message)             # [Sentence(start, end, text), ...]
    vectors = embed([s.text for s in sentences])     # (n, 256) float32, unit rows; one batch
    model = LinearModel.load(path)                   # numpy only at run time
    probabilities = model.probabilities(vectors)     # (n, len(model.classes))

The word vectors come from the `wordllama` package's wheel and load on first use; nothing is downloaded.
Training helpers live in `nextround.semantic.training` (needs the `[train]` extra).
"""

from nextround.semantic.embeddings import DIMENSIONS, EmbeddingsMissing, embed, embedder
from nextround.semantic.features import featurize
from nextround.semantic.linear import LinearModel, ModelFileError
from nextround.semantic.sentences import Sentence, split_sentences

__all__ = [
    "DIMENSIONS",
    "EmbeddingsMissing",
    "LinearModel",
    "ModelFileError",
    "Sentence",
    "embed",
    "embedder",
    "featurize",
    "split_sentences",
]
