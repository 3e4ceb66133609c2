"""Run an audience's rules and its trained classifier over a message, and merge what they find.

Speed comes from the keyword prefilter: a message is split into words once, and only the rules whose
keywords appear are run at all, so a typical message runs none or a handful of regular expressions.
Precision comes from looking at the sentence around each match: quoted text, negated intent
("I won't ask why ..."), reported speech and rule-specific exceptions are let through.
The classifier (classifier.py) then reads every sentence; where a rule already flagged words of a
sentence, the rule's finding is the one shown, because it points at the exact words and may offer a
one-click replacement.
"""

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from nextround.checker.about import no_one_named
from nextround.checker.accounts import quoted_reply
from nextround.checker.classifier import READS_QUOTES, blank_quotes, model_findings_many
from nextround.checker.generality import general_scores
from nextround.checker.generality import threshold as generality_threshold
from nextround.checker.guidance import exempt_spans, law_spans, outside
from nextround.checker.literals import mandatory_choices
from nextround.checker.loader import ruleset_for
from nextround.checker.model import SEVERITY_RANK, Finding, Rule

# Curly quotes become straight ones so that patterns only spell apostrophes one way. Each character maps
# to exactly one character, so offsets into the normalised text are offsets into the original.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})
_WORD = re.compile(r"[a-z0-9]+")
# A sentence ends after . ! or ? (with any closing quotes or brackets) followed by a space, or at a newline.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n")
# id(rule set) -> (rule set, {(rule index, part): (rule, pattern, mandatory runs, mandatory choices)}),
# each entry made on the pattern's first use (parsing every pattern up front would slow the start-up).
# The runs and the choices (literals.py) are substring tests that skip a pattern which cannot match.
_GATES: dict[int, tuple[object, dict]] = {}
# Texts longer than this are scanned sentence by sentence (see _scopes_by_sentence); shorter ones whole.
_LONG = 600
# A whole message in one pair of double quotes, with none inside (see own_words).
_WHOLLY_QUOTED = re.compile(r'\s*(["\u201c])[^"\u201c\u201d]+?(["\u201d])\s*')


class _Sentences:
    """Sentence boundaries of one text, computed only if some rule matched."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [match.end() for match in _SENTENCE_END.finditer(text)]

    def around(self, start: int, end: int) -> tuple[int, int]:
        before = bisect_right(self.ends, start) - 1
        sentence_start = self.ends[before] if before >= 0 else 0
        after = bisect_left(self.ends, end)
        sentence_end = self.ends[after] if after < len(self.ends) else len(self.text)
        return sentence_start, sentence_end


def _scopes_by_sentence(normal, sentences, words, by_keyword):
    """For a long text, the sentences in which each woken pattern needs to be run.

    Patterns never reach across a sentence end, so a pattern only has to scan the sentences that
    contain one of its keywords; on a 2,000-character text that is a small part of the whole.
    """
    scopes: dict[tuple[int, int], list[tuple[int, int]]] = {}
    first = 0
    for last in [*sentences.ends, len(normal)]:
        if last <= first:
            continue
        present = words.intersection(_WORD.findall(normal[first:last].lower()))
        for pair in {pair for word in present for pair in by_keyword[word]}:
            scopes.setdefault(pair, []).append((first, last))
        first = last
    return sorted(scopes.items())


def _accepts(rule: Rule, text: str, sentences: _Sentences, start: int, end: int, quotes: bool) -> bool:
    first, last = sentences.around(start, end)
    before = text[first:start]
    # Inside quotation marks a candidate is quoting, often the very advice we give ("don't ask 'why'").
    # Employer text is read quotes and all (`quotes`): see guidance.py.
    if not quotes and before.count('"') % 2 == 1 and not quoted_reply(text, first + before.rfind('"')):
        return False
    if rule.sentence != "any":
        is_question = "?" in text[end:last]
        if is_question != (rule.sentence == "question"):
            return False
    if rule.unless_before is not None and rule.unless_before.search(before):
        return False
    if rule.unless_after is not None and rule.unless_after.search(text, end, last):
        return False
    return rule.unless is None or not rule.unless.search(text, first, last)


def _replacement(rule: Rule, match: re.Match) -> str | None:
    """The rule's drop-in text; `\\g<name>` in it refers to a named group of the pattern that matched.

    A match whose pattern lacks the group gets no replacement: its suggestion is advice, not a swap.
    """
    if not rule.replacement or "\\g<" not in rule.replacement:
        return rule.replacement
    try:
        return match.expand(rule.replacement)
    except (IndexError, re.error):
        return None


def _finding(rule: Rule, original: str, match: re.Match) -> Finding:
    start, end = match.span()
    excerpt = original[start:end]
    replacement = _replacement(rule, match)
    if replacement and excerpt[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        start=start,
        end=end,
        excerpt=excerpt,
        message=rule.message,
        suggestion=rule.suggestion,
        replacement=replacement,
    )


def check(text: str, audience: str) -> list[Finding]:
    """Return the findings in `text` for `audience` ("candidate" or "employer"), in reading order.

    Raises ValueError for an unknown audience.
    """
    return check_many([text], audience)[0]


def check_many(texts: Sequence[str], audience: str) -> list[list[Finding]]:
    """`check` for several texts at once: the classifier embeds all their sentences in one batch."""
    read = texts if audience in READS_QUOTES else [own_words(text) for text in texts]
    rules = [rule_findings(text, audience) for text in read]
    modelled = model_findings_many(read, audience, rules)
    merged = [merge(found, more) for found, more in zip(rules, modelled, strict=True)]
    if audience in READS_QUOTES:
        spared = [_spare_the_law(text, found) for text, found in zip(texts, merged, strict=True)]
        return _spare_the_general(texts, spared)
    return [
        found if seen is text else [dataclasses.replace(f, excerpt=text[f.start : f.end]) for f in found]
        for text, seen, found in zip(texts, read, merged, strict=True)
    ]


def own_words(text: str) -> str:
    """`text`, or when the whole of it sits inside one pair of double quotes, the same with those two
    marks made spaces (same length, so offsets hold). A candidate's quotation is someone else's words and is
    not judged, but a draft pasted in quotation marks is the writer's own message (found after blind14)."""
    match = _WHOLLY_QUOTED.fullmatch(text)
    if match is None:
        return text
    first, last = match.start(1), match.end(2) - 1
    return f"{text[:first]} {text[first + 1 : last]} {text[last + 1 :]}"


def _spare_the_law(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` less those in a sentence that states the law or guidance in one of round 14's or 15's
    shapes; looked for only once something was found (guidance.law_spans)."""
    if not findings:
        return findings
    spans = law_spans(text)
    return [f for f in findings if outside(spans, f.start, f.end)] if spans else findings


def general_candidates(text: str, findings: list[Finding]) -> list[tuple[int, int, str, bool]]:
    """(start, end, sentence, named) of each sentence holding a finding, where `named` says whether it names
    someone in particular (not about.no_one_named, read with quoted words blanked: a quoted phrase is what
    guidance forbids)."""
    if not findings:
        return []
    straight = text.translate(_STRAIGHTEN)
    sentences = _Sentences(straight)
    candidates, seen = [], set()
    for finding in findings:
        first, last = sentences.around(finding.start, finding.end)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        sentence = straight[first:last]
        candidates.append((first, last, sentence.strip(), not no_one_named(blank_quotes(sentence))))
    return candidates


def _spare_the_general(texts: Sequence[str], found: list[list[Finding]]) -> list[list[Finding]]:
    """Each text's findings less those in a sentence the generality reader (generality.py) takes for a
    general statement: law, guidance or training text about no one in particular (round 16). A sentence
    that names someone (we, you, a pronoun, an owned preference) needs a higher score (round 17b). Asked
    only of texts with a finding; their candidate sentences are read in one batch."""
    candidates = [general_candidates(text, findings) for text, findings in zip(texts, found, strict=True)]
    flat = [sentence for spans in candidates for _, _, sentence, _ in spans]
    if not flat:
        return found
    scores = iter(general_scores(flat))
    plain, named = generality_threshold(), generality_threshold(named=True)
    out = []
    for findings, spans in zip(found, candidates, strict=True):
        general = tuple(
            (start, end) for start, end, _, by_name in spans if next(scores) >= (named if by_name else plain)
        )
        out.append([f for f in findings if outside(general, f.start, f.end)] if general else findings)
    return out


def merge(rules: list[Finding], modelled: list[Finding]) -> list[Finding]:
    """The rules' findings and the model's (which never share a sentence), in reading order."""
    if not modelled:
        return rules
    merged = rules + modelled
    merged.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.end, f.rule))
    return merged


def rule_findings(text: str, audience: str) -> list[Finding]:
    """The rules' findings alone, in reading order."""
    ruleset = ruleset_for(audience)
    normal = text.translate(_STRAIGHTEN)
    words = ruleset.keywords.intersection(_WORD.findall(normal.lower()))
    if not words:
        return []
    by_keyword = ruleset.by_keyword
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    sentences = None
    long = len(text) > _LONG
    if long:
        sentences = _Sentences(normal)
        work = _scopes_by_sentence(normal, sentences, words, by_keyword)
    else:
        whole = ((0, len(normal)),)
        work = [(pair, whole) for pair in sorted({pair for word in words for pair in by_keyword[word]})]
    folded = None
    quotes = audience in READS_QUOTES
    gates = _gates(ruleset)
    for pair, scopes in work:
        gate = gates.get(pair) or _gate(gates, ruleset, pair)
        rule, pattern, runs, choices = gate
        if long:
            # A long text: a pattern scans only the sentences with its keywords, which costs less than
            # looking for each of its choices in the whole text.
            choices = ()
        if runs or choices:
            if folded is None:
                folded = normal.casefold()
            # Most patterns fail on their longest run: test that one before calling anything.
            if (runs and runs[0] not in folded) or not _passes(folded, runs, choices):
                continue
        for first, last in scopes:
            for match in pattern.finditer(normal, first, last):
                start, end = match.span()
                # Two patterns of one rule can match the same words; report them once.
                if start == end or (rule.id, start, end) in seen:
                    continue
                seen.add((rule.id, start, end))
                if sentences is None:
                    sentences = _Sentences(normal)
                if _accepts(rule, normal, sentences, start, end, quotes):
                    findings.append(_finding(rule, text, match))
    if quotes and findings:
        # Guidance that forbids a phrase, or the company's own provision for everyone, is not feedback.
        spans = exempt_spans(text)
        findings = [f for f in findings if outside(spans, f.start, f.end)]
    return _without_overlaps_within_a_rule(findings)


def _gates(ruleset) -> dict:
    entry = _GATES.get(id(ruleset))
    if entry is None or entry[0] is not ruleset:
        entry = _GATES[id(ruleset)] = (ruleset, {})
    return entry[1]


def _gate(gates: dict, ruleset, pair: tuple[int, int]) -> tuple:
    rule = ruleset.rules[pair[0]]
    _, pattern, runs = rule.parts[pair[1]]
    gate = gates[pair] = (rule, pattern, runs, mandatory_choices(pattern))
    return gate


def _passes(text: str, runs: tuple[str, ...], choices: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text` (case-folded) holds every run and one run of each choice (see literals.py)."""
    # Plain loops: all() and any() over generators cost more than the substring tests themselves.
    for run in runs:
        if run not in text:
            return False
    for choice in choices:
        for run in choice:
            if run in text:
                break
        else:
            return False
    return True


def _without_overlaps_within_a_rule(findings: list[Finding]) -> list[Finding]:
    """Patterns of one rule run separately and may match overlapping words; keep the longest match."""
    findings.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[Finding] = []
    reach: dict[str, int] = {}  # rule -> end of its last kept finding
    for finding in findings:
        if finding.start < reach.get(finding.rule, -1):
            continue
        kept.append(finding)
        reach[finding.rule] = finding.end
    kept.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.end, f.rule))
    return kept


def highlight_segments(text: str, findings: list[Finding]) -> list[tuple[str, Finding | None]]:
    """Split `text` into consecutive (piece, finding-or-None) segments for highlighting in place.

    Segments never overlap: where findings overlap, the most severe one keeps its excerpt (then the
    earlier, then the longer), and the others are left out of the highlighting (not out of the list a
    page shows next to it).
    """
    chosen: list[Finding] = []
    ranked = sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.start, f.start - f.end))
    for finding in ranked:
        if finding.start >= finding.end:
            continue
        if all(finding.end <= other.start or finding.start >= other.end for other in chosen):
            chosen.append(finding)
    chosen.sort(key=lambda f: f.start)
    segments: list[tuple[str, Finding | None]] = []
    position = 0
    for finding in chosen:
        if finding.start > position:
            segments.append((text[position : finding.start], None))
        segments.append((text[finding.start : finding.end], finding))
        position = finding.end
    if position < len(text):
        segments.append((text[position:], None))
    return segments
