"""The library's public interface: check(), Finding and highlight_segments()."""

import dataclasses
import subprocess
import sys

import pytest

from nextround.checker import Finding, check, highlight_segments

JSON_KEYS = {"rule", "category", "severity", "start", "end", "excerpt", "message", "suggestion"}


def test_a_finding_points_at_its_excerpt_and_explains_it():
    text = "Thanks for the call. Could you tell me why I wasn't selected for the role?"
    [finding] = check(text, "candidate")
    assert finding.category == "why_question"
    assert finding.severity == "warning"
    assert finding.excerpt == text[finding.start : finding.end] == "why I wasn't selected"
    assert finding.message and finding.suggestion
    assert set(finding.to_dict()) >= JSON_KEYS
    assert finding.to_dict()["excerpt"] == finding.excerpt
    assert finding.to_dict() == dataclasses.asdict(finding)  # every field, spelled out for speed


def test_findings_are_frozen():
    [finding] = check("Thanks for nothing.", "candidate")
    with pytest.raises(AttributeError):
        finding.start = 3


def test_offsets_survive_curly_quotes_and_non_ascii_text():
    text = "Ça va? I\u2019ve thought about it \u2014 why wasn\u2019t I chosen?"
    [finding] = check(text, "candidate")
    assert finding.excerpt == "why wasn\u2019t I chosen"
    assert text[finding.start : finding.end] == finding.excerpt


def test_unknown_audience_is_refused_clearly():
    with pytest.raises(ValueError, match="unknown audience 'recruiter'.*candidate, employer"):
        check("Hello", "recruiter")


def test_empty_and_clean_messages_have_no_findings():
    assert check("", "candidate") == []
    assert check("Thank you for your time.", "employer") == []


def test_findings_come_in_reading_order():
    text = "Thanks for nothing. Why was I rejected? I'll be speaking to my lawyer."
    findings = check(text, "candidate")
    assert [f.category for f in findings] == ["resentment", "why_question", "threat"]
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert findings[2].severity == "error"


# The cases the issue names, and their neighbours: these must pass quietly.
@pytest.mark.parametrize(
    ("audience", "text"),
    [
        ("candidate", "Thank you for explaining the process."),
        ("candidate", "My colleague's pregnancy leave ended, so I have more time to interview."),
        ("candidate", "I won't ask why; I'd just like to stay in touch."),
        ("candidate", "I won't ask why I wasn't chosen. I'd love to hear about future roles."),
        ("candidate", "I know the advice is never to ask \"why didn't I get the job?\", so I won't."),
        ("candidate", "My mentor asked me why I wasn't selected, and I said these things happen."),
        ("candidate", "I visited the old office and loved it."),
        ("candidate", "I'm not asking you to reconsider, just hoping we can stay in touch."),
        # Thanks in texting spellings is not the sarcastic "so much for ..." (a rule bug, issue 10).
        ("candidate", "thank u so much for the chat last wk"),
        ("candidate", "thx so much for the chat, it was great to meet the team"),
        ("candidate", "Thank you again so much for your time."),
        ("employer", "We chose a candidate with deeper Kubernetes experience."),
        ("employer", "We'd love to keep in touch for future roles."),
        ("employer", "The interview was in the old office."),
        ("employer", "Your solution had a race condition in the worker pool."),
        ("employer", "You weren't the right fit because the role requires hands-on Terraform experience."),
        (
            "employer",
            'I know "culture fit" is vague, so here is the concrete reason: we needed Go experience.',
        ),
    ],
)
def test_benign_messages_pass(audience, text):
    assert check(text, audience) == []


@pytest.mark.parametrize(
    ("audience", "text", "category"),
    [
        ("candidate", "I don't understand why I wasn't chosen.", "why_question"),
        ("candidate", "What went wrong?", "why_question"),
        ("candidate", "I'm not threatening legal action, but I know my rights.", "threat"),
        ("employer", "You're overqualified for this role.", "age"),
        ("employer", "Your age was not a factor in our decision.", "age"),
        ("employer", "Honestly, you just weren't a culture fit.", "vague_fit"),
        ("employer", "We'd prefer a native English speaker.", "national_origin"),
        ("employer", "We weren't sure you'd fit in with the guys.", "sex"),
    ],
)
def test_risky_messages_are_flagged_with_the_right_category(audience, text, category):
    assert category in {f.category for f in check(text, audience)}


def test_audiences_have_separate_rules():
    # A candidate describing a colleague's leave is fine; the same words in employer feedback are not.
    text = "We discussed your pregnancy and the start date."
    assert check(text, "candidate") == []
    assert {f.category for f in check(text, "employer")} == {"pregnancy"}


def test_replacement_is_offered_only_for_drop_in_suggestions_and_keeps_capitals():
    [native] = check("Native English speakers only, please.", "employer")
    assert native.replacement == "Fluent English speakers"
    [accent] = check("Your accent might be hard for clients.", "employer")
    assert accent.rule == native.rule and accent.replacement is None
    [fit] = check("You weren't a culture fit.", "employer")
    assert fit.replacement is None
    [asap] = check("Please let me know ASAP.", "candidate")
    assert (asap.excerpt, asap.replacement) == ("let me know ASAP", "let me know whenever you have a moment")
    [deadline] = check("I expect to hear back from you by Friday.", "candidate")
    assert deadline.rule == asap.rule and deadline.replacement is None


def _finding(start, end, severity, rule="r"):
    return Finding(rule, "c", severity, start, end, "x" * (end - start), "m", "s")


def test_highlight_segments_cover_the_text_without_overlap():
    text = "Why was I rejected? Thanks for nothing."
    findings = check(text, "candidate")
    segments = highlight_segments(text, findings)
    assert "".join(piece for piece, _ in segments) == text
    flagged = [(piece, finding) for piece, finding in segments if finding]
    assert [finding for _, finding in flagged] == findings
    assert all(piece == finding.excerpt for piece, finding in flagged)


def test_highlight_segments_keep_the_most_severe_on_overlap():
    text = "abcdefghij"
    warning = _finding(0, 6, "warning", "w")
    error = _finding(4, 9, "error", "e")
    info = _finding(8, 10, "info", "i")
    segments = highlight_segments(text, [warning, error, info])
    assert segments == [("abcd", None), ("efghi", error), ("j", None)]


def test_highlight_segments_without_findings_is_the_whole_text():
    assert highlight_segments("Hello", []) == [("Hello", None)]
    assert highlight_segments("", []) == []


def test_importing_the_checker_does_not_import_django():
    code = (
        "import sys, nextround.checker, nextround.checker.engine, nextround.checker.loader, "
        "nextround.checker.cli, nextround.checker.evaluate\n"
        "nextround.checker.check('Why was I rejected?', 'candidate')\n"
        "print('django' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# A draft pasted inside quotation marks is still the writer's own message (found after blind14, whose
# real-style set quoted whole replies: 21 hostile ones, 3 caught). Our own sentences, several shapes.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('"My lawyer will be in touch about this."', "threat"),
        ("\u201cWhy didn't you hire me?\u201d", "why_question"),
        ('  "You lot are clowns and I\'m glad I dodged that."\n', "resentment"),
        ("\u201cI ticked every box in the advert.\u201d", "self_comparison"),
    ],
)
def test_a_message_wholly_in_quotation_marks_is_read_as_written(text, category):
    found = check(text, "candidate")
    assert category in {f.category for f in found}
    for finding in found:
        assert text[finding.start : finding.end] == finding.excerpt
        assert finding.excerpt.strip(' "\u201c\u201d\n')


@pytest.mark.parametrize(
    "text",
    [
        'You wrote "not a good fit", and thank you for saying it so plainly.',
        '"Thank you for letting me know." That was all I sent, and I meant it.',
        '"Thank you for the update; I would welcome hearing about future roles."',
    ],
)
def test_quotations_inside_a_message_are_still_someone_elses_words(text):
    assert check(text, "candidate") == []
