"""What a message says: its type, company, role and any feedback sentence (plain Python, no Django).

The type comes from a trained linear model (`model.npz`, see `nextround.mail.training`) over
- the sentence embeddings of the subject and the body (the checker's semantic layer, offline),
- how close the message's closest sentence comes to each type's example sentences (`prototypes.toml`):
  the decisive sentence, wherever the letter buries it,
- who sent it (an applicant-tracking system, a job board, a personal address, a no-reply address), and
  whether it looks like a digest of many jobs,
- hashed word pairs of the subject and opening, which keep the word order a mean of vectors loses.
A wrong "rejected" closes an application that is still alive, so a rejection must clear a threshold
calibrated for precision; below it the message takes its next most likely type.
"""

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from nextround.mail import extract, senders
from nextround.mail.parse import Mail
from nextround.mail.vocabulary import MessageType

MODEL_PATH = Path(__file__).with_name("model.npz")
PROTOTYPES_PATH = Path(__file__).with_name("prototypes.toml")
TYPES = tuple(kind.value for kind in MessageType)
MAX_SENTENCES = 60
NGRAM_TEXT = 1500
RECIPE = {"ngrams": [1, 2], "buckets": 1024}

DIGEST_LINE = re.compile(
    r"(?im)^.{0,80}\b(?:apply now|easy apply|actively recruiting|view job|see job|new job|"
    r"posted \d+|\d+ (?:days?|hours?) ago|promoted|be an early applicant)\b"
)
UNSUBSCRIBE = re.compile(r"(?i)\bunsubscribe|manage (?:your )?(?:alerts|preferences|notification)")
SCHEDULING = re.compile(
    r"(?i)calendly\.com|goodtime\.io|\bschedul|\bavailability\b|\bbook (?:a|your) (?:slot|time)"
)


@dataclass(frozen=True)
class Reading:
    type: MessageType
    confidence: float
    company: str = ""
    role: str = ""
    feedback: str = ""
    decisive: str = ""  # the sentence that carried the news
    scores: dict = field(default_factory=dict, compare=False)

    @property
    def about_job_search(self) -> bool:
        return self.type != MessageType.OTHER


@cache
def prototypes() -> tuple[np.ndarray, np.ndarray]:
    """(embeddings of every example sentence, the type index of each)."""
    from nextround.semantic import embed

    data = tomllib.loads(PROTOTYPES_PATH.read_text(encoding="utf-8"))
    sentences, owners = [], []
    for index, kind in enumerate(TYPES):
        for sentence in data[kind]["sentences"]:
            sentences.append(sentence)
            owners.append(index)
    return embed(sentences), np.array(owners)


def body_sentences(mail: Mail) -> list[str]:
    from nextround.semantic import split_sentences

    return [s.text for s in split_sentences(mail.text[:20000])[:MAX_SENTENCES] if len(s.text) <= 600]


def sender_flags(mail: Mail) -> list[float]:
    who = senders.classify(mail.from_address)
    digest_lines = len(DIGEST_LINE.findall(mail.text))
    return [
        float(bool(who.ats)),
        float(bool(who.board)),
        float(who.freemail),
        float(who.automated),
        float(mail.forwarded),
        float(mail.reply),
        min(digest_lines, 6) / 6,
        float(bool(UNSUBSCRIBE.search(mail.text))),
        float(bool(SCHEDULING.search(mail.text))),
        float(not mail.text.strip()),
    ]


@dataclass
class Features:
    rows: np.ndarray  # one feature row per message
    sentences: list[list[str]]
    closeness: list[np.ndarray]  # per message: (sentences, types) closeness to each type's examples


def featurize(mails: Sequence[Mail]) -> Features:
    """The model's inputs for a batch of messages (one embedding call for all their sentences)."""
    from nextround.semantic import embed
    from nextround.semantic.features import hashed_ngrams

    proto_vectors, proto_types = prototypes()
    per_mail = [body_sentences(mail) for mail in mails]
    subjects = [mail.subject or "" for mail in mails]
    flat = subjects + [sentence for sentences in per_mail for sentence in sentences]
    vectors = embed(flat)
    subject_vectors, sentence_vectors = vectors[: len(mails)], vectors[len(mails) :]
    similarity = (
        sentence_vectors @ proto_vectors.T if len(sentence_vectors) else np.zeros((0, len(proto_types)))
    )
    by_type = np.full((len(similarity), len(TYPES)), -1.0, dtype=np.float32)
    for index in range(len(TYPES)):
        columns = proto_types == index
        if columns.any() and len(similarity):
            by_type[:, index] = similarity[:, columns].max(axis=1)
    subject_close = np.full((len(mails), len(TYPES)), -1.0, dtype=np.float32)
    subject_similarity = subject_vectors @ proto_vectors.T
    for index in range(len(TYPES)):
        subject_close[:, index] = subject_similarity[:, proto_types == index].max(axis=1)
    ngrams = hashed_ngrams(
        [f"{mail.subject}\n{mail.text[:NGRAM_TEXT]}" for mail in mails], RECIPE["ngrams"], RECIPE["buckets"]
    )
    rows, closeness, offset = [], [], 0
    for position, (mail, sentences) in enumerate(zip(mails, per_mail, strict=True)):
        count = len(sentences)
        own = by_type[offset : offset + count]
        mean = sentence_vectors[offset : offset + count].mean(axis=0) if count else np.zeros(vectors.shape[1])
        best = own.max(axis=0) if count else np.full(len(TYPES), -1.0)
        offset += count
        closeness.append(own)
        rows.append(
            np.concatenate(
                [
                    subject_vectors[position],
                    mean,
                    best,
                    subject_close[position],
                    np.array(sender_flags(mail), dtype=np.float32),
                    ngrams[position],
                ]
            )
        )
    return Features(np.vstack(rows).astype(np.float32) if rows else np.zeros((0, 0)), per_mail, closeness)


@cache
def load_model(path: Path = MODEL_PATH):
    from nextround.semantic import LinearModel

    return LinearModel.load(path)


def decide(probabilities: np.ndarray, thresholds: dict) -> tuple[int, float]:
    """The type to report: the most likely one, unless it is a rejection below its precision threshold."""
    order = np.argsort(-probabilities, kind="stable")
    for index in order:
        kind = TYPES[index]
        if probabilities[index] >= thresholds.get(kind, 0.0):
            return int(index), float(probabilities[index])
    return TYPES.index(MessageType.OTHER.value), float(probabilities[TYPES.index(MessageType.OTHER.value)])


def recognise(mails: Sequence[Mail], *, known_companies: Sequence[str] = (), model=None) -> list[Reading]:
    """Read a batch of messages; one Reading each, in order. `known_companies` helps name the company."""
    if not mails:
        return []
    model = model or load_model()
    features = featurize(mails)
    probabilities = model.probabilities(features.rows)
    thresholds = model.meta.get("thresholds", {})
    readings = []
    known = tuple(sorted(known_companies, key=len, reverse=True))
    for mail, row, sentences, closeness in zip(
        mails, probabilities, features.sentences, features.closeness, strict=True
    ):
        index, confidence = decide(row, thresholds)
        kind = MessageType(TYPES[index])
        readings.append(read_details(mail, kind, confidence, sentences, closeness, row, known))
    return readings


def read_details(mail, kind, confidence, sentences, closeness, row, known) -> Reading:
    scores = {name: round(float(value), 4) for name, value in zip(TYPES, row, strict=True)}
    if kind == MessageType.OTHER:
        return Reading(kind, confidence, scores=scores)
    who = senders.classify(mail.from_address)
    feedback_sentences = extract.feedback_candidates(sentences) if kind == MessageType.REJECTION else []
    # The decisive sentence is the news itself; a feedback sentence near it is shown on its own.
    column = closeness[:, TYPES.index(kind.value)] if len(sentences) else np.zeros(0)
    ranked = [sentences[i] for i in np.argsort(-column, kind="stable")]
    decisive = next((s for s in ranked if s not in feedback_sentences), ranked[0] if ranked else "")
    feedback = next((s for s in feedback_sentences if s != decisive), "")
    company = extract.company_of(
        subject=mail.subject, from_name=mail.from_name, sender=who, text=mail.text, known=known
    )
    return Reading(
        type=kind,
        confidence=confidence,
        company=company,
        role=extract.role_of(subject=mail.subject, text=mail.text, company=company),
        feedback=feedback,
        decisive=decisive,
        scores=scores,
    )
