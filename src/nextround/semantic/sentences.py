"""Split a message into sentences, keeping each one's offsets into the original text.

Written for the short, informal messages people send: emails with greetings and sign-offs on their own
lines, text-message style with no full stops, lists, and the odd "Mr." or "e.g." that must not end a
sentence. Every character of a sentence is the original's: `text[s.start:s.end] == s.text`.
"""

import re
from dataclasses import dataclass

# A sentence ends after . ! ? or … (and any closing quotes or brackets) when a space or the end follows.
_END = re.compile(r"""[.!?\u2026]+["'\u201d\u2019)\]]*(?=\s|$)""")
_LINE_BREAK = re.compile(r"\n")
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit (str.isalnum)
# Words whose full stop does not end a sentence ("Dr. Okafor", "e.g. the pipeline", "approx. 3 weeks").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "approx",
        "cf",
        "no",
        "nos",
        "dept",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "a.m",
        "p.m",
    ]
)
_LAST_WORD = re.compile(r"(?:^|[\s(\"'])([A-Za-z][A-Za-z.]*)\.$")
# A line this long that ends without punctuation, followed by a line in lower case, is a hard-wrapped
# paragraph: the line break is not a sentence end.
_WRAPPED_LINE = 60


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, end: int) -> bool:
    match = _LAST_WORD.search(text, max(0, end - 12), end)
    if not match:
        return False
    word = match.group(1).lower()
    # A single capital letter is an initial ("J. Smith"); "I." ends a sentence often enough to keep.
    return word in _ABBREVIATIONS or (len(word) == 1 and word != "i" and text[match.start(1)].isupper())


def _boundaries(text: str) -> list[int]:
    cuts = set()
    for match in _END.finditer(text):
        if match.group().endswith(".") and len(match.group()) == 1 and _is_abbreviation(text, match.end()):
            continue
        cuts.add(match.end())
    for match in _LINE_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()].rstrip()
        following = text[match.end() : match.end() + 2].lstrip(" \t")
        wrapped = len(line) >= _WRAPPED_LINE and line[-1:].isalnum() and following[:1].islower()
        if not wrapped:
            cuts.add(match.start())
    return sorted(cuts)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, without surrounding white space; empty pieces are dropped."""
    sentences = []
    start = 0
    for cut in [*_boundaries(text), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped and _ALNUM.search(stripped):
            first = start + (len(piece) - len(piece.lstrip()))
            sentences.append(Sentence(first, first + len(stripped), stripped))
        start = cut
    return sentences
