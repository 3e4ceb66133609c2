"""What a message says: its type, company, role and any feedback sentence (plain Python, no Django).

The type comes from a trained linear model (`model.npz`, see `nextround.mail.training`) over
- the sentence model's votes (`sentences.npz`: which news each sentence carries, learnt from example
  sentences and from the sentence that carries the news in each training letter), strongest per type
  over the body's sentences, and on the subject: the decisive sentence, wherever the letter buries it,
- how close the message's closest sentence comes to each type's example sentences (`prototypes.toml`),
- who sent it (an applicant-tracking system, a job board, a personal address, a no-reply address), and
  whether it looks like a digest of many jobs,
- the embedding and the hashed words and word pairs of the subject and the letter's opening as a whole,
  which carry what no single sentence says (a letter that thanks, explains and wishes luck).
A wrong "rejected" closes an application that is still alive, so a rejection must clear a threshold
calibrated for precision; below it the message takes its next most likely type.
"""

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from nextround.mail import companies, extract, roles, senders
from nextround.mail.addressee import NOBODY, Addressee
from nextround.mail.cues import CUES, DIGEST_LINE, JOB_CONTEXT, JOB_WORD, SCHEDULING, UNSUBSCRIBE, cue_counts
from nextround.mail.parse import Mail
from nextround.mail.vocabulary import MessageType

MODEL_PATH = Path(__file__).with_name("model.npz")
SENTENCE_MODEL_PATH = Path(__file__).with_name("sentences.npz")
PROTOTYPES_PATH = Path(__file__).with_name("prototypes.toml")
TYPES = tuple(kind.value for kind in MessageType)
MAX_SENTENCES = 60
SENTENCE_CLASSES = (*TYPES, "none")
SENTENCE_RECIPE = {"embedding": True, "ngrams": [1, 2], "buckets": 2048}
DOCUMENT_RECIPE = {"embedding": True, "ngrams": [1, 2], "buckets": 4096}
CUE_TEXT = 4000
DOCUMENT_TEXT = 3000


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


def example_sentences() -> list[tuple[str, str]]:
    """(sentence, class) for every example in prototypes.toml, "none" included."""
    data = tomllib.loads(PROTOTYPES_PATH.read_text(encoding="utf-8"))
    return [(sentence, kind) for kind in SENTENCE_CLASSES for sentence in data[kind]["sentences"]]


@cache
def prototypes() -> tuple[np.ndarray, np.ndarray]:
    """(embeddings of every example sentence of a type, the type index of each)."""
    from nextround.semantic import embed

    pairs = [(sentence, TYPES.index(kind)) for sentence, kind in example_sentences() if kind in TYPES]
    return embed([sentence for sentence, _ in pairs]), np.array([index for _, index in pairs])


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
    rows: object  # semantic.features.Features: one row per message (dense, then the hashed words)
    sentences: list[list[str]]
    closeness: list[np.ndarray]  # per message: (sentences, types) closeness to each type's examples


def sentence_rows(texts: Sequence[str]):
    """The sentence model's input: the embedding and the hashed word pairs (its recipe)."""
    from nextround.semantic import featurize as semantic_features

    return semantic_features(texts, SENTENCE_RECIPE)


@dataclass
class Prepared:
    """What the message model's inputs are made of, before the sentence model votes: computed once, so
    that training can try several sentence models on the same letters."""

    sentences: list[list[str]]  # per message, its body's sentences
    texts: object  # semantic.features.Features of every subject, then every sentence, in message order
    close: np.ndarray  # (texts, types): closeness of each text to each type's examples
    fixed: np.ndarray  # per message: the phrase cues, who sent it, and the letter's embedding
    document_cells: tuple  # the letters' hashed words (rows, columns, values)


def prepare(mails: Sequence[Mail]) -> Prepared:
    """Everything but the sentence model's votes, with one embedding call for the whole batch."""
    from nextround.semantic import embed
    from nextround.semantic.features import Features as Rows
    from nextround.semantic.features import word_ngrams

    proto_vectors, proto_types = prototypes()
    per_mail = [body_sentences(mail) for mail in mails]
    subjects = [mail.subject or "" for mail in mails]
    documents = [f"{mail.subject}\n{mail.text[:DOCUMENT_TEXT]}" for mail in mails]
    flat_texts = subjects + [sentence for sentences in per_mail for sentence in sentences]
    vectors = embed(flat_texts + documents)
    vectors, document_vectors = vectors[: len(flat_texts)], vectors[len(flat_texts) :]
    buckets = SENTENCE_RECIPE["buckets"]
    texts = Rows(vectors, *word_ngrams(flat_texts, SENTENCE_RECIPE["ngrams"], buckets), buckets)
    similarity = vectors @ proto_vectors.T
    close = np.full((len(flat_texts), len(TYPES)), -1.0, dtype=np.float32)
    for index in range(len(TYPES)):
        columns = proto_types == index
        if columns.any():
            close[:, index] = similarity[:, columns].max(axis=1)
    fixed = [
        np.concatenate(
            [
                cue_counts(f"{mail.subject}\n{mail.text[:CUE_TEXT]}"),
                np.array(sender_flags(mail), dtype=np.float32),
            ]
        )
        for mail in mails
    ]
    fixed = np.hstack([np.vstack(fixed), document_vectors]) if mails else np.zeros((0, 0), np.float32)
    cells = word_ngrams(documents, DOCUMENT_RECIPE["ngrams"], DOCUMENT_RECIPE["buckets"])
    return Prepared(per_mail, texts, close, fixed.astype(np.float32), cells)


def assemble(prepared: Prepared, sentence_model) -> Features:
    """The message model's rows: per type, the sentence model's strongest vote among the body's sentences
    and its vote on the subject, the closest example sentence and the subject's closeness, then the fixed
    inputs. Sentence evidence alone missed the letters people write, which give their news over several
    sentences; the letter as a whole (its embedding and hashed words) carries that, weighed lightly."""
    from nextround.semantic.features import Features as Rows

    count = len(prepared.sentences)
    votes = sentence_model.probabilities(prepared.texts)[:, : len(TYPES)]
    close = prepared.close
    rows, closeness, offset = [], [], count
    empty = np.zeros(len(TYPES), dtype=np.float32)
    for position, sentences in enumerate(prepared.sentences):
        own_votes, own_close = (
            votes[offset : offset + len(sentences)],
            close[offset : offset + len(sentences)],
        )
        offset += len(sentences)
        closeness.append(own_votes + own_close)  # ranks the sentences for "the one that decided it"
        rows.append(
            np.concatenate(
                [
                    own_votes.max(axis=0) if len(sentences) else empty,
                    votes[position],
                    own_close.max(axis=0) if len(sentences) else empty - 1,
                    close[position],
                ]
            )
        )
    dense = np.hstack([np.vstack(rows), prepared.fixed]).astype(np.float32) if rows else np.zeros((0, 0))
    buckets = DOCUMENT_RECIPE["buckets"]
    return Features(Rows(dense, *prepared.document_cells, buckets), prepared.sentences, closeness)


def featurize(mails: Sequence[Mail], sentence_model=None) -> Features:
    """The message model's inputs for a batch of messages."""
    return assemble(prepare(mails), sentence_model or load_sentence_model())


@cache
def load_sentence_model(path: Path = SENTENCE_MODEL_PATH):
    from nextround.semantic import LinearModel

    return LinearModel.load(path)


@cache
def load_model(path: Path = MODEL_PATH):
    from nextround.semantic import LinearModel

    return LinearModel.load(path)


def decide(probabilities: np.ndarray, thresholds: dict) -> tuple[int, float]:
    """The type to report: the most likely one, unless it is a rejection below its precision threshold.

    A letter that was most likely a rejection but not surely one is kept as a status update (logged, never
    closing anything) rather than dropped as "other": the user still sees it in the queue."""
    order = [int(i) for i in np.argsort(-probabilities, kind="stable")]
    top = TYPES[order[0]]
    if probabilities[order[0]] >= thresholds.get(top, 0.0):
        return order[0], float(probabilities[order[0]])
    following = next(i for i in order[1:] if probabilities[i] >= thresholds.get(TYPES[i], 0.0))
    if top == MessageType.REJECTION and TYPES[following] == MessageType.OTHER:
        following = TYPES.index(MessageType.STATUS.value)
    return following, float(probabilities[following])


NEWSLETTER_SERVICES = ("Substack", "Mailchimp", "SendGrid")


def rejection_possible(mail: Mail) -> bool:
    """A rejection is about a job and comes from someone who could make one: never a newsletter (which
    quotes "we have decided to move forward with other candidates" in an article about rejection), never a
    letter without a word of a job search (a loan, a flat, a talk proposal)."""
    who = senders.classify(mail.from_address)
    if who.board in NEWSLETTER_SERVICES:
        return False
    return bool(JOB_CONTEXT.search(f"{mail.subject}\n{mail.text[:CUE_TEXT]}"))


def guarded(mail: Mail, row: np.ndarray, addressee: Addressee = NOBODY) -> np.ndarray:
    """No rejection where none is possible, nor in a friend's own rejection forwarded to the user."""
    if rejection_possible(mail) and not addressee.someone_elses(mail):
        return row
    row = row.copy()
    row[TYPES.index(MessageType.REJECTION.value)] = 0.0
    return row


def from_recruiting(mail: Mail) -> bool:
    """Sent by a tracking system or by a recruiting team ("Recruitment Team <jobs@...>"): a short form
    letter often names no job word but "application", which the sender then tells apart from a plot's."""
    local = mail.from_address.rpartition("@")[0].replace(".", " ").replace("-", " ").replace("_", " ")
    return bool(senders.classify(mail.from_address).ats or JOB_WORD.search(f"{mail.from_name} {local}"))


def safety_net(mail: Mail, row: np.ndarray, index: int, addressee: Addressee = NOBODY) -> tuple[int, float]:
    """A letter read as "other" that says a rejection's words about a job is kept as a status update, with
    the rejection's low score as its confidence: a miss the user sees beats one dropped unseen. `index` is
    the type the letter was read as, "other" (decide_for calls this only then)."""
    text = f"{mail.subject}\n{mail.text[:CUE_TEXT]}"
    if (
        CUES["rejection"].search(text)
        and (JOB_WORD.search(text) or from_recruiting(mail))
        and len(DIGEST_LINE.findall(mail.text)) < 2
        and not UNSUBSCRIBE.search(mail.text)
        and rejection_possible(mail)
        and not addressee.someone_elses(mail)
    ):
        return TYPES.index(MessageType.STATUS.value), float(row[TYPES.index(MessageType.REJECTION.value)])
    return index, float(row[index])


def decide_for(mail: Mail, row: np.ndarray, thresholds: dict, addressee: Addressee = NOBODY):
    """(type index, confidence) of one letter from the model's probabilities: no rejection where none can
    be, the precision threshold, then the safety net."""
    index, confidence = decide(guarded(mail, row, addressee), thresholds)
    if TYPES[index] == MessageType.OTHER.value:
        return safety_net(mail, row, index, addressee)
    return index, confidence


def recognise(
    mails: Sequence[Mail],
    *,
    known_companies: Sequence[str] = (),
    addressee: Addressee = NOBODY,
    model=None,
) -> list[Reading]:
    """Read a batch of messages; one Reading each, in order. `known_companies` helps name the company;
    `addressee` (whose mailbox it is) tells a friend's forwarded rejection from the user's."""
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
        index, confidence = decide_for(mail, row, thresholds, addressee)
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
    company = companies.company_of(
        subject=mail.subject, from_name=mail.from_name, sender=who, text=mail.text, known=known
    )
    return Reading(
        type=kind,
        confidence=confidence,
        company=company,
        role=roles.role_of(subject=mail.subject, text=mail.text, company=company),
        feedback=feedback,
        decisive=decisive,
        scores=scores,
    )
