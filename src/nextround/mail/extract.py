"""Any real feedback in a rejection letter: a sentence about what the team saw or wanted more of (plain
Python, no Django). The company and the role are read in `companies` and `roles`.
"""

import re

# A sentence that gives the candidate something real: what the team saw, or what it wanted more of.
FEEDBACK = re.compile(
    r"\b(?:feedback|the (?:team|panel|interviewers?|hiring manager) (?:felt|thought|noted|found|was|were|"
    r"liked|appreciated)|we (?:felt|were looking for|found|noted|thought)|"
    r"looking for (?:someone|a candidate) with|"
    r"(?:more|deeper|stronger|broader) (?:experience|background|depth|exposure|knowledge)|"
    r"your (?:take-home|assessment|exercise|case study|presentation|portfolio|technical|coding|system design)"
    r"|(?:strong|impressive|great) .{0,40}\bbut\b|did not (?:quite )?(?:demonstrate|show|meet)|"
    r"(?:areas?|room) (?:for|to) (?:grow|improve|development)|\bgap\b|identified|lacked|would benefit from|"
    r"not (?:quite )?(?:as )?(?:deep|strong|broad) as)",
    re.I,
)
NO_FEEDBACK = re.compile(
    r"\b(?:(?:unable|not able|cannot|can't|can not|do not|don't|won't) (?:to )?(?:provide|give|offer|share)"
    r"(?: individual| specific| personal| detailed)? feedback|"
    r"feedback (?:is|cannot be) (?:not )?(?:available|provided)|your feedback|share (?:your|any) feedback|"
    r"feedback (?:on|about) (?:your experience|the process|our process)|survey|rate your)",
    re.I,
)


def feedback_candidates(sentences: list[str]) -> list[str]:
    return [s for s in sentences if FEEDBACK.search(s) and not NO_FEEDBACK.search(s) and 25 <= len(s) <= 400]
