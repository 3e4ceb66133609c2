"""Turn the checker's findings into what the pages show: numbered findings, highlighted pieces, a summary.

Plain Python on top of nextround.checker, shared by the page, the live check under drafts and the tests'
expectations of the wording. Nothing here stores or logs the text.
"""

from dataclasses import dataclass

from nextround.checker import Finding, check, highlight_segments
from nextround.checker.model import SEVERITIES

# The words a person reads for each category; the library's identifiers stay out of the interface.
CATEGORY_LABELS = {
    "why_question": "asking why",
    "accusation": "accusation",
    "threat": "threat",
    "demand": "demand",
    "pressure": "pressure",
    "self_comparison": "comparing yourself",
    "resentment": "resentment",
    "age": "age",
    "sex": "sex",
    "pregnancy": "pregnancy",
    "race": "race",
    "color": "colour",
    "national_origin": "national origin",
    "religion": "religion",
    "disability": "disability or health",
    "genetic_information": "genetic information",
    "sexual_orientation": "sexual orientation",
    "gender_identity": "gender identity",
    "marital_status": "marital status",
    "family_status": "family status",
    "citizenship": "citizenship",
    "veteran_status": "veteran status",
    "vague_fit": "vague “fit”",
    "salary_history": "pay history",
}
SEVERITY_LABELS = {"info": "Note", "warning": "Warning", "error": "Serious"}

# What a good message looks like, shown with every result so that "no warnings" is not read as
# "this is a good message".
GOOD_MESSAGE = {
    "candidate": (
        "Thank them for their time, warmly and briefly.",
        "Look forward: ask about other openings that might suit you, or colleagues elsewhere who are hiring.",
        "Leave out “why”: a neutral question on a call works better than any question in writing.",
        "If you are still upset, save it as a draft and send it tomorrow.",
    ),
    "employer": (
        "Name job-related, observable evidence tied to the role’s requirements.",
        "Point forward: what would make a stronger application next time.",
        "Leave out anything about the person rather than the work: age, family, background, health, beliefs.",
        "Replace “not a fit” with the specific skill or example that was missing.",
    ),
}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("_", " "))


@dataclass(frozen=True)
class ShownFinding:
    number: int
    finding: Finding
    label: str
    severity_label: str
    # For a model finding: the labelled training sentences nearest to the flagged one, and the threshold.
    nearest: tuple = ()
    threshold: float | None = None

    @property
    def from_model(self) -> bool:
        return self.finding.source == "model"

    @property
    def score_percent(self) -> int:
        return round((self.finding.score or 0) * 100)

    @property
    def apply_token(self) -> str:
        # Identifies the finding in the same text for the no-script "use suggestion" button.
        return f"{self.finding.start}:{self.finding.end}:{self.finding.rule}"


@dataclass(frozen=True)
class Piece:
    text: str
    shown: ShownFinding | None


def review(text: str, audience: str) -> dict:
    """The template context for a checked text: findings in reading order, pieces to highlight, counts."""
    if not text.strip():
        return {"checked": False, "audience": audience, "good_message": GOOD_MESSAGE[audience]}
    findings = check(text, audience)
    shown = [
        ShownFinding(
            number,
            finding,
            category_label(finding.category),
            SEVERITY_LABELS.get(finding.severity, finding.severity),
            *_why(finding, audience),
        )
        for number, finding in enumerate(findings, start=1)
    ]
    by_finding = {item.finding: item for item in shown}
    pieces = [
        Piece(piece, by_finding.get(finding) if finding else None)
        for piece, finding in highlight_segments(text, findings)
    ]
    return {
        "checked": True,
        "audience": audience,
        "findings": shown,
        "pieces": pieces,
        "summary": summary(findings),
        "worst": max((f.severity for f in findings), key=SEVERITIES.index, default=""),
        "good_message": GOOD_MESSAGE[audience],
    }


def _why(finding: Finding, audience: str) -> tuple[tuple, float | None]:
    """For a model finding, the nearest labelled sentences and the threshold; nothing for a rule."""
    if finding.source != "model":
        return (), None
    from nextround.checker.classifier import model_for, model_text
    from nextround.checker.examples import explain

    nearest = tuple(
        (example.text, category_label(example.label) if example.label != "clean" else "fine as it is")
        for example in explain(model_text(finding.excerpt, audience), audience, 3)
    )
    return nearest, model_for(audience).threshold


def summary(findings: list[Finding]) -> str:
    if not findings:
        return "No warnings."
    words = (("error", "serious", "serious"), ("warning", "warning", "warnings"), ("info", "note", "notes"))
    counts = [(sum(f.severity == severity for f in findings), one, many) for severity, one, many in words]
    parts = [f"{count} {one if count == 1 else many}" for count, one, many in counts if count]
    things = "thing" if len(findings) == 1 else "things"
    return f"{len(findings)} {things} to look at: {', '.join(parts)}."


def apply_suggestion(text: str, audience: str, token: str) -> tuple[str, Finding | None]:
    """Put a finding's replacement in place of its excerpt; token is ShownFinding.apply_token.

    The text is checked again rather than trusting offsets from the browser, so a stale or forged
    token can only ever miss (returning the text unchanged and None), never cut the wrong words.
    """
    start, _, rest = token.partition(":")
    end, _, rule = rest.partition(":")
    for finding in check(text, audience):
        same = (str(finding.start), str(finding.end), finding.rule) == (start, end, rule)
        if same and finding.replacement is not None:
            return text[: finding.start] + finding.replacement + text[finding.end :], finding
    return text, None
