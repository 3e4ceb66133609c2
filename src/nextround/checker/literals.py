"""The text a regular expression cannot match without: its mandatory literal runs.

A pattern such as `\\bthanks for nothing\\b` can only match a message that contains "thanks for nothing";
checking that with `in` (a C-speed substring search) before running the pattern skips most of the regex
work on ordinary messages. Only runs that every match must contain are collected: anything optional,
alternative or inside an assertion ends a run and contributes nothing, so the check never drops a match.
(Both sides are case-folded; the one known gap is Turkish dotted capital İ, which folds to two characters.)
"""

import re
from re import _constants as sre
from re import _parser

# Shorter runs ("an", "to") are in nearly every message and would only cost a lookup.
MIN_RUN = 4


def mandatory_runs(pattern: re.Pattern) -> tuple[str, ...]:
    """Case-folded literal runs that every match of `pattern` contains (for an IGNORECASE pattern)."""
    runs: list[str] = []
    _walk(_parser.parse(pattern.pattern, pattern.flags), runs)
    return _long(runs)


def mandatory_choices(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """For each required alternation whose every branch has a run, those runs: every match of `pattern`
    contains at least one run of each tuple ("(?:wasting|ruining|ignoring)" gives one tuple of three)."""
    choices: list[tuple[str, ...]] = []
    _walk(_parser.parse(pattern.pattern, pattern.flags), [], choices)
    return tuple(dict.fromkeys(choices))


def _long(runs: list[str]) -> tuple[str, ...]:
    return tuple(sorted({run for run in runs if len(run) >= MIN_RUN}, key=len, reverse=True))


def _branch_choice(branches) -> tuple[str, ...] | None:
    """One run (or one choice of runs) that each branch requires, or None if some branch requires none."""
    alternatives: list[str] = []
    for branch in branches:
        runs: list[str] = []
        choices: list[tuple[str, ...]] = []
        _walk(branch, runs, choices)
        long = _long(runs)
        if long:
            alternatives.append(long[0])
        elif choices:
            alternatives.extend(choices[0])
        else:
            return None
    return tuple(sorted(set(alternatives), key=len, reverse=True))


def _walk(sequence, runs: list[str], choices: list[tuple[str, ...]] | None = None) -> None:
    current: list[str] = []

    def flush() -> None:
        if current:
            runs.append("".join(current).casefold())
            current.clear()

    for op, argument in sequence:
        if op is sre.LITERAL:
            current.append(chr(argument))
        elif op is sre.SUBPATTERN:
            flush()
            # A group without a repeat is matched once, so its runs are required.
            _walk(argument[-1], runs, choices)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
            flush()
            _walk(argument[2], runs, choices)
        elif op is sre.AT:
            continue  # \b and anchors consume nothing: "thanks\bfor" still needs the letters around them
        elif op is sre.BRANCH and choices is not None:
            flush()  # one branch matches: each must offer a run, and one of those runs is required
            choice = _branch_choice(argument[1])
            if choice is not None:
                choices.append(choice)
        else:
            flush()  # alternatives, classes, optional parts and assertions: nothing there is required
    flush()
