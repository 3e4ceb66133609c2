"""Helpers for training a LinearModel: a deterministic train/dev split, the fit, and thresholds.

Training needs scikit-learn (`pip install -e '.[train]'`); nothing here is imported at run time.
"""

import hashlib
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from nextround.semantic.linear import LinearModel


def in_dev(key: str, dev_share: float, salt: str = "") -> bool:
    """Whether `key` falls in the dev share: decided by a hash of the key, so the split never changes
    when rows are added, reordered or the training is run on another machine."""
    digest = hashlib.blake2b(f"{salt}\x00{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < dev_share


def split(rows: Iterable, key: Callable[[object], str], dev_share: float = 0.2, salt: str = ""):
    """(train, dev) lists of `rows`, split deterministically on `key(row)`."""
    train, dev = [], []
    for row in rows:
        (dev if in_dev(key(row), dev_share, salt) else train).append(row)
    return train, dev


def fit_linear(
    features,
    labels: Sequence[str],
    *,
    classes: Sequence[str],
    regularisation: float = 1.0,
    sample_weight: np.ndarray | None = None,
    meta: dict | None = None,
) -> LinearModel:
    """Fit a multinomial logistic regression (L2, lbfgs; deterministic) and return it as a LinearModel.

    `features` is an array or semantic.features.Features (its sparse block stays sparse).
    `classes` fixes the order of the output columns; every class must occur in `labels`.
    `regularisation` is scikit-learn's C: smaller means a simpler model.
    """
    from sklearn.linear_model import LogisticRegression

    missing = sorted(set(classes) - set(labels))
    if missing:
        raise ValueError(f"no training rows for {', '.join(missing)}")
    index = {name: position for position, name in enumerate(classes)}
    y = np.array([index[label] for label in labels])
    fitted = LogisticRegression(C=regularisation, max_iter=5000, tol=1e-6)
    matrix = features.to_scipy() if hasattr(features, "to_scipy") else features
    fitted.fit(matrix, y, sample_weight=sample_weight)
    weights = np.zeros((matrix.shape[1], len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    if len(fitted.classes_) == 2:
        # A two-class fit has one weight vector, for the second class; softmax([0, z]) is its sigmoid.
        weights[:, fitted.classes_[1]] = fitted.coef_[0]
        bias[fitted.classes_[1]] = fitted.intercept_[0]
    else:
        weights[:, fitted.classes_] = fitted.coef_.T
        bias[fitted.classes_] = fitted.intercept_
    return LinearModel(tuple(classes), weights, bias, dict(meta or {}))


def threshold_for_precision(scores: np.ndarray, positive: np.ndarray, precision: float) -> float:
    """The lowest score threshold at which flagging `scores >= threshold` reaches `precision`.

    Scanning from the top score down, it keeps the lowest threshold whose precision is still at least
    the target, so recall is as high as that precision allows. Returns 1.0 when no threshold reaches it.
    """
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(positive[order])
    flagged = np.arange(1, len(order) + 1)
    ok = np.flatnonzero(hits / flagged >= precision)
    if not len(ok):
        return 1.0
    return float(scores[order[ok[-1]]])
