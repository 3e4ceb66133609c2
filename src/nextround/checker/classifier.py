"""The checker's second half: a trained classifier that reads every sentence, beside the rules.

Rules catch known phrasings precisely; the classifier catches what people write in other words. It reads
each sentence's embedding (nextround.semantic) and gives the probability of each category and of
"clean". A sentence is flagged when the probability that it is not clean reaches the audience's
threshold, which the training picked for high precision (see docs/checker.md). A finding then spans the
whole sentence and carries the category's message and suggestion from categories.toml.

A candidate's text inside quotes is blanked before the model reads it, as the rules ignore it: the writer
is quoting ("my coach said never to ask \"why didn't you hire me?\""), not saying it. Employer text is
read whole, quotes and all, except guidance that forbids a phrase and the company's own provision for
everyone (guidance.py).
"""

import re
import threading
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nextround.checker.model import AUDIENCES, CATEGORIES, Finding

MODELS_DIR = Path(__file__).parent / "models"
CATEGORY_FILE = Path(__file__).parent / "categories.toml"
CLEAN = "clean"
# The audiences whose quoted text is read like the rest: a case summary or call note quotes the manager's
# own words, and those words are the risk (guidance.py lets through only quotes that a sentence forbids).
READS_QUOTES = frozenset({"employer"})
# See findings_from_verdicts: a model finding this far below the message's most confident one is a note.
NOTE_MARGIN = 0.05
# "..." and “...” pairs on one line; single quotes only when they clearly open and close a quotation
# ('why me?' after a space), so that apostrophes (didn't, the candidates' answers) never count.
_QUOTED = re.compile(
    r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|(?:(?<=\s)|^)'(?=\w)[^\n]*?(?<=[^\s'])'(?=[\s.,;:!?)]|$)"
)

# Greetings and sign-offs carry names the model has never seen, and nothing it should judge: a leading
# "Dear Ms Okafor," is cut from the sentence, and a sentence that is only a sign-off or a name is skipped.
_SALUTATION = re.compile(
    r"^(?:dear|hi|hello|hey|hiya|good (?:morning|afternoon|evening)|greetings)\b[^,.!?:;\n]{0,40}[,:!]\s*",
    re.IGNORECASE,
)
# A name: a capitalised word in any alphabet ("Lucía", "Zoë", "O'Neil", "Anne-Marie", "McAdam") or an initial.
# Not a word in capitals: "THANKS FOR NOTHING" is read.
_NAME = r"(?:[^\W\d_a-z][^\W\d_A-Z]*(?:(?:[-'][^\W\d_a-z]?|[A-Z])[^\W\d_A-Z]+)*|[A-Z]\.)"
_SIGN_OFF = re.compile(
    r"^(?i:(?:with )?(?:best|kind|warm|warmest|many) (?:regards|wishes|thanks)|regards|best|thanks|thank you|"
    r"many thanks|thanks again|thank you again|with thanks|cheers|sincerely|yours(?: sincerely| faithfully|"
    r" truly)?|all the best|all best|warmly|take care|respectfully|talk soon|speak soon|love|"
    r"see you (?:then|soon|there|tomorrow|next week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"have a (?:good|great|nice|lovely|wonderful) (?:day|week|weekend|evening|one))\b[\s,.!]*"
    rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?(?:{_NAME}(?:\s+{_NAME}){{0,3}})?[.!]?$"
)
# A placeholder the playbook leaves for a missing name ("[your name]") is not the writer's words.
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\]")
_NAME_ONLY = re.compile(rf"^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?{_NAME}(?:\s{_NAME}){{0,2}}$")
# A caller saying who they are, and why they call ("Hi Hannah, it's Olive Owner.", "it's Grace, just
# returning your call": the playbook's call scripts and the voicemails people leave).
_INTRODUCTION = re.compile(
    r"^(?:(?i:it's|it is|this is|I'm|I am|my name is)\s(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?"
    rf"{_NAME}(?:\s{_NAME}){{0,2}}"
    r"(?:\shere|\s(?:from|at|with)\s[^.!?]{1,40})?"
    # "Leila here, returning your call" (round 10)
    rf"|{_NAME}(?:\s{_NAME})?\s(?i:here)(?:\s(?:from|at|with)\s[^.!?,]{{1,40}})?)"
    r"(?:,?\s(?i:just\s)?(?i:returning your call|calling (?:you )?back|getting back to you)"
    r"(?:\s(?i:about|regarding|on|from)\s[^.!?]{1,40})?)?[.!]?$"
)


_LETTER = re.compile(r"[^\W\d_]")


# A label that says what the text is ("Voicemail:", "Transcript -", "Call notes:"): a person pasting a
# call or a message they left, not words to the employer, so it is cut like a greeting (round 10).
_LABEL = re.compile(
    r"^(?i:(?:my |the )?(?:voice ?mail|voice ?note|transcript|call notes?|phone notes?|"
    r"notes? from (?:the|my) call|call (?:log|summary|transcript)|message (?:i )?left)"
    r"(?: (?:from|to|for) [^:\-\u2013\u2014]{1,20})?"
    r"(?: \([^)]{0,40}\))?)\s*[:\-\u2013\u2014]\s*"
)


_LABEL_INITIALS = frozenset("VvTtCcPpNnMm")


def text_for_model(sentence: str) -> str | None:
    """What the model reads of a sentence: white space collapsed, a label and a greeting cut; None to
    skip it."""
    if "[" in sentence:
        sentence = _PLACEHOLDER.sub(" ", sentence)
    text = " ".join(sentence.split())
    label = _LABEL.match(text) if text[:1] in _LABEL_INITIALS else None
    if label:
        text = text[label.end() :]
    greeting = _SALUTATION.match(text)
    if greeting:
        text = text[greeting.end() :]
    if (
        not _LETTER.search(text)
        or _SIGN_OFF.match(text)
        or _NAME_ONLY.match(text)
        or _INTRODUCTION.match(text)
    ):
        return None
    return text


@dataclass(frozen=True)
class CategoryText:
    severity: str
    message: str
    suggestion: str


@cache
def category_texts(audience: str) -> dict[str, CategoryText]:
    with CATEGORY_FILE.open("rb") as handle:
        data = tomllib.load(handle)[audience]
    return {name: CategoryText(**data[name]) for name in CATEGORIES[audience]}


def blank_quotes(text: str, keep_replies: bool = False) -> str:
    """`text` with quoted passages replaced by spaces (same length, so offsets still hold); with
    `keep_replies`, a reply quoted in an account ("She replied: '...'") is kept (accounts.quoted_reply)."""
    if '"' not in text and "'" not in text and "\u201c" not in text:
        return text  # every quotation _QUOTED finds opens with one of these (most messages have none)
    if keep_replies:
        from nextround.checker.accounts import quoted_reply

        return _QUOTED.sub(lambda m: m.group() if quoted_reply(text, m.start()) else _blanked(m), text)
    return _QUOTED.sub(_blanked, text)


def _blanked(match: re.Match) -> str:
    """A quotation's marks kept and the words between them made spaces."""
    quoted = match.group()
    return quoted[0] + " " * (len(quoted) - 2) + quoted[-1]


@dataclass(frozen=True)
class Verdict:
    """The classifier's reading of one sentence: its most likely risky category and the risk score."""

    category: str
    score: float  # 1 - P(clean)


class AudienceModel:
    """One audience's trained model and its threshold."""

    def __init__(self, audience: str, model):
        self.audience = audience
        self.model = model
        meta = model.meta
        self.threshold = float(meta["threshold"])
        self.recipe = meta.get("recipe")
        self.clean_column = self.model.classes.index(CLEAN)
        self.risky_columns = [i for i, name in enumerate(self.model.classes) if name != CLEAN]

    def verdicts(self, sentences: Sequence[str]) -> list[Verdict]:
        """One verdict per sentence, all embedded in one batch."""
        if not sentences:
            return []
        from nextround.semantic import featurize

        probabilities = self.model.probabilities(featurize(sentences, self.recipe))
        risky = probabilities[:, self.risky_columns]
        best = risky.argmax(axis=1)
        scores = 1.0 - probabilities[:, self.clean_column]
        classes = self.model.classes
        return [
            Verdict(classes[self.risky_columns[b]], float(s))
            for b, s in zip(best.tolist(), scores.tolist(), strict=True)
        ]

    @classmethod
    def load(cls, audience: str, path: Path | None = None) -> "AudienceModel":
        from nextround.semantic import LinearModel

        return cls(audience, LinearModel.load(path or MODELS_DIR / f"{audience}.npz"))


_loaded: dict[str, AudienceModel] = {}
_lock = threading.Lock()


def model_for(audience: str) -> AudienceModel:
    """The audience's shipped model, loaded once per process on first use (threads share it)."""
    model = _loaded.get(audience)
    if model is None:
        if audience not in AUDIENCES:
            raise ValueError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
        with _lock:
            model = _loaded.get(audience) or AudienceModel.load(audience)
            _loaded[audience] = model
    return model


def install(model: AudienceModel) -> AudienceModel | None:
    """Use `model` for its audience from now on; returns the one it replaces (training and tests use it)."""
    with _lock:
        previous = _loaded.get(model.audience)
        _loaded[model.audience] = model
    return previous


def model_text(text: str, audience: str) -> str:
    """`text` as the model reads it for `audience`: a candidate's quotations blanked, except a reply
    quoted in an account, which is judged by its words (round 11)."""
    return text if audience in READS_QUOTES else blank_quotes(text, keep_replies=True)


def sentences_to_read(text: str, audience: str = "candidate"):
    """The sentences the model reads: (sentence, the text it is given); for a candidate, quotations are
    blanked and accounts of a polite reply left out (accounts.py); for an employer, sentences that are not
    feedback (guidance.py) are left out."""
    from nextround.semantic import split_sentences

    sentences = list(split_sentences(model_text(text, audience)))
    if audience in READS_QUOTES:
        from nextround.checker.guidance import exempt_spans

        skip = exempt_spans(text)
    else:
        # A candidate's account of a polite reply, or a polite check on an application (accounts.py).
        from nextround.checker.accounts import exempt_spans

        skip = exempt_spans(sentences)
    pieces = []
    for sentence in sentences:
        if skip and any(sentence.start < last and sentence.end > first for first, last in skip):
            continue
        read = text_for_model(sentence.text)
        if read is not None:
            pieces.append((sentence, read))
    return pieces


def model_findings_many(
    texts: Sequence[str], audience: str, rules: Sequence[list[Finding]]
) -> list[list[Finding]]:
    """The classifier's findings for each text, every sentence of every text embedded in one batch.

    `rules` holds the rules' findings for each text: a sentence that a rule already flagged is left to it.
    """
    model = model_for(audience)
    texts_sentences = [sentences_to_read(text, audience) for text in texts]
    verdicts = iter(model.verdicts([read for sentences in texts_sentences for _, read in sentences]))
    return [
        findings_from_verdicts(
            text, [(s, next(verdicts)) for s, _ in sentences], model.threshold, audience, found
        )
        for text, sentences, found in zip(texts, texts_sentences, rules, strict=True)
    ]


def findings_from_verdicts(
    text: str, read: list, threshold: float, audience: str, rules: Sequence[Finding] = ()
) -> list[Finding]:
    """Findings for the sentences whose score reaches `threshold`, from (sentence, verdict) pairs,
    leaving out any sentence that one of the `rules` findings touches (the rule's finding is shown).

    The most confident model finding of a message keeps its category's severity; one whose score is more
    than NOTE_MARGIN below it is shown as a note ("info"). The model is less sure of those, and the first
    thing a person reads (the most severe finding, then the earliest) should be what it is surest of.
    """
    flagged = [
        (sentence, verdict)
        for sentence, verdict in read
        if verdict.score >= threshold
        and all(rule.end <= sentence.start or rule.start >= sentence.end for rule in rules)
    ]
    if not flagged:
        return []
    top = max(verdict.score for _, verdict in flagged)
    wording = category_texts(audience)
    found = []
    for sentence, verdict in flagged:
        words = wording[verdict.category]
        found.append(
            Finding(
                rule=f"model-{verdict.category}",
                category=verdict.category,
                severity=words.severity if verdict.score >= top - NOTE_MARGIN else "info",
                start=sentence.start,
                end=sentence.end,
                excerpt=text[sentence.start : sentence.end],
                message=words.message,
                suggestion=words.suggestion,
                source="model",
                score=round(verdict.score, 3),
            )
        )
    return found


def forget(audience: str) -> None:
    """Drop the loaded model for `audience`; the next check loads the shipped one again."""
    with _lock:
        _loaded.pop(audience, None)
