"""Read an audience's rules from its TOML file, check them, and compile them.

The rules are data so that a reviewer can read and change them without touching the engine. A rule that
ships without examples of what it should flag and what it should let pass is refused, because those
examples are what the test suite runs it against.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from nextround.checker.literals import mandatory_runs
from nextround.checker.model import AUDIENCES, CATEGORIES, SEVERITIES, Rule

RULES_DIR = Path(__file__).parent / "rules"
_KEYWORD = re.compile(r"[a-z0-9]+")
_MACRO = re.compile(r"\{([a-z_]+)\}")  # `{name}`; regex repetitions like {0,3} never match this
_FLAGS = re.IGNORECASE | re.MULTILINE
_REQUIRED = ("id", "category", "severity", "keywords", "patterns", "message", "suggestion")


class RuleError(ValueError):
    """A rules file is wrong; the message names the file and the rule."""


@dataclass(frozen=True)
class RuleSet:
    audience: str
    rules: tuple[Rule, ...]
    # keyword -> (rule index, pattern index) pairs it wakes up
    by_keyword: dict[str, tuple[tuple[int, int], ...]] = field(repr=False)
    keywords: frozenset[str] = field(repr=False)


def _expand(text: str, macros: dict[str, str], where: str) -> str:
    def substitute(match: re.Match) -> str:
        name = match.group(1)
        if name not in macros:
            raise RuleError(f"{where}: unknown macro {{{name}}}")
        return f"(?:{macros[name]})"

    return _MACRO.sub(substitute, text)


def _compile_any(patterns: list[str], macros: dict[str, str], where: str) -> re.Pattern | None:
    if not patterns:
        return None
    source = "|".join(f"(?:{_expand(p, macros, where)})" for p in patterns)
    try:
        return re.compile(source, _FLAGS)
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from None


def _pattern_keywords(sources: list[str], keywords: list[str]) -> list[frozenset[str]]:
    """For each pattern, the keywords that can wake it.

    The rules file promises that every match of a rule contains one of its keywords. A keyword spelled
    out in a pattern wakes that pattern; a keyword spelled out in none (it is built from pieces, as in
    over[- ]?qualified) wakes them all, so the refinement never loses a match.
    """
    spelled = []
    for source in sources:
        # Letter runs of the pattern, escapes dropped (the b of \bword is no letter); a keyword is spelled
        # when one run is a prefix of it or it of a run: reason(?:s|ing)? spells "reasons". A two-letter
        # run spells only itself ("cv", "hr"): as a prefix it would spell half the dictionary.
        runs = set(re.findall(r"[a-z]+", re.sub(r"\\[a-zA-Z]", " ", source).lower()))
        long_runs = {run for run in runs if len(run) > 2}
        spelled.append(
            {
                word
                for word in keywords
                if word in runs or any(word.startswith(r) or r.startswith(word) for r in long_runs)
            }
        )
    unspelled = set(keywords).difference(*spelled)
    return [frozenset(words | unspelled) if words else frozenset(keywords) for words in spelled]


def _string_list(raw: dict, key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleError(f"{where}: {key} must be a list of strings")
    return value


def _build_rule(raw: dict, audience: str, macros: dict[str, str], defaults: dict, source: str) -> Rule:
    rule_id = raw.get("id", "<rule without an id>")
    where = f"{source}: rule {rule_id!r}"
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise RuleError(f"{where}: missing {', '.join(missing)}")
    if raw["category"] not in CATEGORIES[audience]:
        raise RuleError(
            f"{where}: unknown category {raw['category']!r} (use one of {', '.join(CATEGORIES[audience])})"
        )
    if raw["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    sentence = raw.get("sentence", "any")
    if sentence not in ("any", "question", "statement"):
        raise RuleError(f"{where}: sentence must be any, question or statement")
    examples = raw.get("examples", {})
    flag = _string_list(examples, "flag", where)
    keep = _string_list(examples, "pass", where)
    if not flag or not keep:
        raise RuleError(
            f"{where}: every rule needs at least one example in examples.flag and one in examples.pass"
        )
    keywords = _string_list(raw, "keywords", where)
    bad = [word for word in keywords if not _KEYWORD.fullmatch(word)]
    if not keywords or bad:
        raise RuleError(f"{where}: keywords must be lower-case words of letters and digits, got {bad}")

    use_defaults = raw.get("use_defaults", True)

    def context(key: str) -> re.Pattern | None:
        inherited = defaults.get(key, []) if use_defaults else []
        return _compile_any(inherited + _string_list(raw, key, where), macros, f"{where} {key}")

    patterns = _string_list(raw, "patterns", where)
    expanded = [_expand(source, macros, where) for source in patterns]
    compiled = [_compile_any([p], macros, where) for p in patterns]
    parts = tuple(
        zip(
            _pattern_keywords(expanded, keywords),
            compiled,
            (mandatory_runs(pattern) for pattern in compiled),
            strict=True,
        )
    )
    return Rule(
        id=rule_id,
        category=raw["category"],
        severity=raw["severity"],
        keywords=frozenset(keywords),
        pattern=_compile_any(patterns, macros, where),
        parts=parts,
        message=raw["message"].strip(),
        suggestion=raw["suggestion"].strip(),
        replacement=raw.get("replacement"),
        sentence=sentence,
        unless_before=context("unless_before"),
        unless_after=context("unless_after"),
        unless=context("unless"),
        examples_flag=tuple(flag),
        examples_pass=tuple(keep),
    )


def load_rules(path: Path, audience: str) -> RuleSet:
    """Load and compile one rules file; raise RuleError naming the rule on any mistake."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: not valid TOML: {exc}") from None
    macros = data.get("macros", {})
    defaults = data.get("defaults", {})
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in data.get("rule", []):
        rule = _build_rule(raw, audience, macros, defaults, str(path))
        if rule.id in seen:
            raise RuleError(f"{path}: rule {rule.id!r} is defined twice")
        seen.add(rule.id)
        rules.append(rule)
    if not rules:
        raise RuleError(f"{path}: no rules found")
    index: dict[str, list[tuple[int, int]]] = {}
    for position, rule in enumerate(rules):
        for part, (words, _, _) in enumerate(rule.parts):
            for word in words:
                index.setdefault(word, []).append((position, part))
    by_keyword = {word: tuple(positions) for word, positions in index.items()}
    return RuleSet(audience, tuple(rules), by_keyword, frozenset(by_keyword))


@cache
def ruleset_for(audience: str) -> RuleSet:
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    return load_rules(RULES_DIR / f"{audience}.toml", audience)
