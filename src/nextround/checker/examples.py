"""The labelled training sentences that stand behind a model finding (`nextround check --explain`).

Shipped beside each model as <audience>-examples.npz: the sentences, their labels and their embeddings
rounded to 8 bits (a quarter of the size; cosine similarities move by well under 0.01). Loaded only when
someone asks for an explanation.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from nextround.checker.classifier import MODELS_DIR


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a category, or "clean"
    similarity: float


@dataclass(frozen=True)
class ExampleIndex:
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    vectors: np.ndarray  # (n, dimensions) int8, each row a unit vector times 127

    @classmethod
    def build(cls, texts, labels, vectors: np.ndarray) -> "ExampleIndex":
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit = vectors / np.maximum(norms, 1e-12)
        return cls(tuple(texts), tuple(labels), np.round(unit * 127).astype(np.int8))

    def nearest(self, vector: np.ndarray, count: int = 3) -> list[Example]:
        """The `count` training sentences closest to `vector` (cosine similarity), closest first."""
        similarities = (self.vectors.astype(np.float32) @ vector.astype(np.float32)) / 127.0
        order = np.argsort(-similarities, kind="stable")[:count]
        return [Example(self.texts[i], self.labels[i], round(float(similarities[i]), 3)) for i in order]

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path, texts=np.array(self.texts), labels=np.array(self.labels), vectors=self.vectors
        )

    @classmethod
    def load(cls, path: Path) -> "ExampleIndex":
        with np.load(path, allow_pickle=False) as data:
            return cls(
                tuple(str(t) for t in data["texts"]),
                tuple(str(label) for label in data["labels"]),
                data["vectors"],
            )


@cache
def examples_for(audience: str) -> ExampleIndex:
    return ExampleIndex.load(MODELS_DIR / f"{audience}-examples.npz")


def explain(sentence: str, audience: str, count: int = 3) -> list[Example]:
    """The labelled training sentences nearest to `sentence` (as the model reads it)."""
    from nextround.semantic import embed

    return examples_for(audience).nearest(embed([sentence])[0], count)
