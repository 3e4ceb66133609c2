"""LinearModel: probabilities, a file round trip that never unpickles, and clear errors."""

import numpy as np
import pytest

from nextround.semantic import LinearModel, ModelFileError


def small_model() -> LinearModel:
    weights = np.array([[2.0, -1.0, 0.0], [0.0, 1.0, -2.0]], dtype=np.float32)
    return LinearModel(("a", "b", "c"), weights, np.zeros(3, dtype=np.float32), {"threshold": 0.7})


def test_probabilities_are_a_softmax_over_the_classes():
    probabilities = small_model().probabilities(np.array([[1.0, 0.0], [0.0, 1.0]]))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-6)
    assert probabilities[0].argmax() == 0 and probabilities[1].argmax() == 1


def test_a_saved_model_loads_with_its_classes_weights_and_meta(tmp_path):
    model = small_model()
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert loaded.classes == model.classes and loaded.meta == {"threshold": 0.7}
    np.testing.assert_allclose(loaded.weights, model.weights, atol=1e-3)
    x = np.array([[0.3, -0.2]])
    np.testing.assert_allclose(loaded.probabilities(x), model.probabilities(x), atol=1e-3)


def test_shapes_that_do_not_fit_the_classes_are_refused():
    with pytest.raises(ValueError, match="do not fit 2 classes"):
        LinearModel(("a", "b"), np.zeros((4, 3)), np.zeros(2))


def test_a_missing_or_foreign_file_is_named(tmp_path):
    with pytest.raises(ModelFileError, match="no such model file"):
        LinearModel.load(tmp_path / "nope.npz")
    np.savez(tmp_path / "other.npz", something=np.arange(3))
    with pytest.raises(ModelFileError, match="other.npz: not a model file"):
        LinearModel.load(tmp_path / "other.npz")
    # An object array would need pickle to load; the loader refuses it rather than run it.
    np.savez(tmp_path / "pickled.npz", classes=np.array([{"x": 1}], dtype=object))
    with pytest.raises(ModelFileError, match="pickled.npz"):
        LinearModel.load(tmp_path / "pickled.npz")
