"""Company-name matching (plain Python, no Django).

"ACME", "Acme Inc." and "Acme, Inc" are one employer: names are the same once normalised (case, accents,
punctuation, legal suffixes). Anything fuzzier is only a suggestion the user confirms: rapidfuzz's plain
ratio finds "Northwind Analytcs" close to "Northwind Analytics", but also "Capita One" close to "Capital
One", so a similarity score never decides on its own.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable

from rapidfuzz import fuzz, process

# Similarity (0-100) from which two normalised names are the same company: tolerates a typo in a long
# name ("Northwind Analytcs"), but not a different word ("Meta" vs "Metabase" scores 67).
THRESHOLD = 90

# Legal forms dropped from the end of a name, after dots are removed ("S.A." -> "sa").
LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "mbh",
        "ag",
        "kg",
        "gbr",
        "ug",
        "ev",
        "sa",
        "sas",
        "sarl",
        "sl",
        "spa",
        "srl",
        "bv",
        "nv",
        "ab",
        "as",
        "asa",
        "oy",
        "oyj",
        "aps",
        "pty",
        "pvt",
        "se",
        "kk",
        "sro",
        "zrt",
        "group",
        "holding",
        "holdings",
    }
)
_WORD = re.compile(r"[^\W_]+")


def normalise_company(name: str) -> str:
    """A comparable form of a company name: lower case, no accents, no punctuation, no legal suffix."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = text.replace("&", " and ").replace(".", "")
    words = _WORD.findall(text)
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    # "Co" in "Acme & Co" is a suffix too; keep at least one word so "Limited" alone stays a name.
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-1] == "and":
        words.pop()
    return " ".join(words)


def same_company(a: str, b: str) -> bool:
    """The same employer written differently: equal once case, accents, punctuation and legal forms go.

    Nothing fuzzier is ever treated as the same company: "Capita One" and "Capital One", "Company 1234"
    and "Company 1235" are different employers that a similarity score would merge."""
    left, right = normalise_company(a), normalise_company(b)
    return bool(left) and left == right


def similar_company(a: str, b: str) -> bool:
    """Close enough that the user may mean the same employer (a typo?): to suggest, never to match."""
    left, right = normalise_company(a), normalise_company(b)
    return bool(left and right) and left != right and fuzz.ratio(left, right) >= THRESHOLD


class CompanyIndex:
    """Finds the known company a name refers to by its normalised name, and suggests close spellings.

    Suggestions are bucketed by their first letter, so they stay fast for tens of thousands of companies (a
    typo in the very first letter is not suggested; that trade-off keeps imports linear).
    """

    def __init__(self, items: Iterable[tuple[str, Hashable]] = ()):
        self._buckets: dict[str, dict[str, list[Hashable]]] = defaultdict(dict)
        for name, key in items:
            self.add(name, key)

    def add(self, name: str, key: Hashable) -> None:
        normal = normalise_company(name)
        if not normal:
            return
        self._buckets[normal[0]].setdefault(normal, []).append(key)

    def find(self, name: str) -> Hashable | None:
        normal = normalise_company(name)
        if not normal:
            return None
        bucket = self._buckets.get(normal[0])
        if not bucket:
            return None
        return bucket[normal][0] if normal in bucket else None

    def find_all(self, name: str) -> list[Hashable]:
        """Every known company that is `name` (several rows may spell the same employer differently)."""
        normal = normalise_company(name)
        return list(self._buckets.get(normal[0], {}).get(normal, [])) if normal else []

    def suggest(self, name: str) -> Hashable | None:
        """The closest known company whose name is similar but not the same: for the user to confirm."""
        normal = normalise_company(name)
        bucket = self._buckets.get(normal[0], {}) if normal else {}
        if not bucket or normal in bucket:
            return None
        best = process.extractOne(normal, bucket.keys(), scorer=fuzz.ratio, score_cutoff=THRESHOLD)
        return bucket[best[0]][0] if best else None
