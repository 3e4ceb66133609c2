"""A trained linear classifier that needs numpy alone: weights, bias, class names and its settings.

Saved as one .npz file (no pickles: `allow_pickle=False` on load, so a model file can never run code).
`meta` holds JSON-serialisable settings that travel with the weights: thresholds, the feature recipe,
and how the model was trained.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


class ModelFileError(ValueError):
    """A model file is missing, unreadable or not a model; the message names the file."""


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.weights.ndim != 2 or self.weights.shape[1] != len(self.classes):
            raise ValueError(f"weights of shape {self.weights.shape} do not fit {len(self.classes)} classes")
        if self.bias.shape != (len(self.classes),):
            raise ValueError(f"bias of shape {self.bias.shape} does not fit {len(self.classes)} classes")

    @property
    def features(self) -> int:
        return self.weights.shape[0]

    def logits(self, features) -> np.ndarray:
        """`features @ weights + bias`; `features` is an array or semantic.features.Features."""
        if hasattr(features, "matmul"):
            return features.matmul(self.weights) + self.bias
        return np.atleast_2d(features).astype(np.float32, copy=False) @ self.weights + self.bias

    def probabilities(self, features) -> np.ndarray:
        """Softmax over the classes: one row per input row, each summing to one."""
        logits = self.logits(features)
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        return logits

    def save(self, path: Path) -> None:
        """Write the model; weights are stored in half precision, which keeps the file small."""
        np.savez_compressed(
            Path(path),
            classes=np.array(self.classes),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(
                    classes=tuple(str(name) for name in data["classes"]),
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    meta=json.loads(str(data["meta"])),
                )
        except FileNotFoundError:
            raise ModelFileError(f"{path}: no such model file") from None
        except (OSError, KeyError, ValueError) as exc:
            raise ModelFileError(f"{path}: not a model file ({exc})") from None
