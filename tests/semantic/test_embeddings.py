"""Embeddings: the shipped word vectors, one unit row per sentence, batched, and nothing downloaded."""

import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from nextround.semantic import DIMENSIONS, embed, embedder
from nextround.semantic.embeddings import Embedder, EmbeddingsMissing


def cosine(a, b) -> float:
    return float(a @ b)


def test_one_unit_row_per_text_and_zero_for_an_empty_text():
    vectors = embed(["Thank you for your time.", "", "Why was I rejected?"])
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    norms = np.linalg.norm(vectors, axis=1)
    assert norms[0] == pytest.approx(1.0, abs=1e-5) and norms[2] == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()
    assert embed([]).shape == (0, DIMENSIONS)


def test_a_batch_gives_the_same_rows_as_one_text_at_a_time():
    texts = ["Why didn't you hire me?", "Thanks for the interview.", "We need someone young and hungry."]
    together = embed(texts)
    for row, text in zip(together, texts, strict=True):
        np.testing.assert_allclose(row, embed([text])[0], atol=1e-6)


def test_similar_sentences_are_closer_than_unrelated_ones():
    why, why_again, weather = embed(
        ["Why didn't you hire me?", "Why wasn't I chosen for the job?", "The weather in Lisbon was sunny."]
    )
    assert cosine(why, why_again) > cosine(why, weather) + 0.1


def test_curly_quotes_embed_like_straight_ones():
    curly, straight = embed(["I didn\u2019t get it", "I didn't get it"])
    np.testing.assert_allclose(curly, straight, atol=1e-6)


def test_the_embedder_is_loaded_once_per_process():
    assert embedder() is embedder()


def test_a_missing_vectors_file_is_a_clear_error(tmp_path):
    with pytest.raises(EmbeddingsMissing, match="reinstall the wordllama package"):
        Embedder(tmp_path)


NETWORK_PROBE = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network use is forbidden in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
from nextround.checker import check
from nextround.semantic import embed
assert embed(["hello there"]).shape == (1, 256)
findings = check("Thanks for your time. You lot are clowns.", "candidate")
print("ok", len(findings))
"""


def _offline_env() -> dict:
    env = {key: value for key, value in os.environ.items() if not key.endswith("_proxy")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_PROXY="*")
    return env


def test_checking_a_message_needs_no_network_socket_guard():
    result = subprocess.run(
        [sys.executable, "-c", NETWORK_PROBE], capture_output=True, text=True, env=_offline_env(), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(
    not _can_unshare(), reason="unshare -n is not permitted here (needs root or user namespaces)"
)
def test_the_command_works_with_the_network_unreachable(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Thank you for your time. Why was I rejected?\n", encoding="utf-8")
    command = [
        "unshare",
        "-n",
        sys.executable,
        "-m",
        "nextround",
        "check",
        "--audience",
        "candidate",
        str(note),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=_offline_env(), timeout=60)
    assert result.returncode == 1, result.stderr
    assert "why_question" in result.stdout
