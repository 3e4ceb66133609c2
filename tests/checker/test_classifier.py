"""The trained classifier as the library shows it: whole-sentence findings beside the rules' findings."""

import pytest

from nextround.checker import check, check_many, classifier


def test_a_model_finding_spans_its_sentence_and_explains_itself():
    text = "Thanks for the call earlier.  You lot are clowns, honestly.\nBest, Sam"
    [finding] = check(text, "candidate")
    assert finding.source == "model" and finding.rule == "model-resentment"
    assert finding.excerpt == "You lot are clowns, honestly." == text[finding.start : finding.end]
    assert finding.category == "resentment" and finding.severity == "warning"
    assert 0.5 < finding.score <= 1.0
    assert finding.message.startswith("This sounds resentful")
    assert finding.suggestion and finding.replacement is None
    assert finding.to_dict()["source"] == "model"


def test_rule_findings_say_so_and_have_no_score():
    [finding] = check("Why was I rejected?", "candidate")
    assert (finding.source, finding.score, finding.rule) == ("rule", None, "why-not-chosen")


def test_where_a_rule_and_the_model_flag_one_sentence_only_the_rule_finding_is_shown():
    text = "Why was I rejected? I ticked every box."
    model = classifier.model_for("candidate")
    [verdict] = model.verdicts(["Why was I rejected?"])
    assert verdict.score >= model.threshold  # the model flags the first sentence too ...
    findings = check(text, "candidate")
    first_sentence = [f for f in findings if f.start < len("Why was I rejected?")]
    assert [f.source for f in first_sentence] == ["rule"]  # ... but only the rule's finding is shown
    assert any(f.source == "model" and f.excerpt == "I ticked every box." for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "My coach said never to ask \"why didn't you hire me?\", so I won't.",
        "I won't ask why I wasn't chosen; I'd love to hear about future roles.",
        "My friend asked me why I didn't get the job, and I said these things happen.",
        "Dear Ms Okafor,\n\nThank you for letting me know.\n\nKind regards,\nGrace Mensah",
        "Congratulations to whoever you chose. I'd be glad to hear about other openings.",
        "I'm disappointed, but I understand.",
    ],
)
def test_quotes_negated_intent_and_polite_notes_stay_clean(text):
    assert check(text, "candidate") == []


def test_greetings_and_sign_offs_are_not_read_by_the_model():
    read = [text for _, text in classifier.sentences_to_read("Hi Sam,\nThanks, I enjoyed it.\nCheers,\nAlex")]
    assert read == ["Thanks, I enjoyed it."]
    assert classifier.text_for_model("Dear Hiring Manager, you lot are clowns.") == "you lot are clowns."
    assert classifier.text_for_model("THANKS FOR NOTHING") == "THANKS FOR NOTHING"
    # The playbook's placeholder for a missing name is not the writer's words.
    assert classifier.text_for_model("[your name]") is None
    assert classifier.text_for_model("Hi [their first name], I enjoyed the call.") == "I enjoyed the call."


@pytest.mark.parametrize(
    "closing",
    [
        "Best regards, Lucía",
        "Kind regards, Zoë Ødegård",
        "See you then, Jess",
        "See you on Monday.",
        "Speak soon, Ana",
        "Have a great weekend!",
        "Thanks again, Siân",
        "Warmly, Renée",
        "it's Olive Owner.",
        "This is Sam Jones from Acme.",
        "I'm Priya Shah.",
    ],
)
def test_sign_offs_with_any_name_and_short_closers_are_not_read(closing):
    # Names with accents and friendly closers were read as sentences and flagged (dev messages).
    assert classifier.text_for_model(closing) is None


@pytest.mark.parametrize(
    "voicemail",
    [
        "Hello, it's Maria Santos returning your call. Thank you for letting me know, I appreciate it.",
        "Hi, it's Grace, just returning your call. Thanks for telling me in person.",
        "Hi Tom, this is Dev Patel calling you back about the analyst role. Thanks for the update.",
    ],
)
def test_a_caller_saying_who_they_are_and_why_they_call_is_not_flagged(voicemail):
    # The playbook tells people to phone; a voicemail's opener was read as resentment (blind5, blind7).
    assert check(voicemail, "candidate") == []


def test_a_sign_off_word_before_an_insult_is_still_read():
    assert classifier.text_for_model("Thanks, idiots.") == "Thanks, idiots."


def test_quoted_passages_are_blanked_keeping_offsets():
    text = 'She said "you lot are clowns" and laughed.'
    blanked = classifier.blank_quotes(text)
    assert len(blanked) == len(text) and "clowns" not in blanked and blanked.endswith("and laughed.")
    assert (
        classifier.blank_quotes("the candidates' answers weren't bad")
        == "the candidates' answers weren't bad"
    )


def test_a_weaker_second_model_finding_in_a_message_is_a_note():
    text = "You lot are clowns. I was counting on this."
    findings = check(text, "candidate")
    assert {f.source for f in findings} == {"model"}
    severities = sorted(f.severity for f in findings)
    top = max(findings, key=lambda f: f.score)
    assert top.severity == "warning"
    for finding in findings:
        if finding.score < top.score - classifier.NOTE_MARGIN:
            assert finding.severity == "info"
    assert severities  # at least one


def test_check_many_gives_what_check_gives_for_each_text():
    texts = ["You lot are clowns.", "", "Thanks for your time.", "We want someone young and hungry."]
    for audience in ("candidate", "employer"):
        assert check_many(texts, audience) == [check(text, audience) for text in texts]


def test_the_employer_model_reads_protected_characteristics_in_everyday_words():
    [finding] = check("Thanks for coming in. We need someone with no family commitments.", "employer")
    assert finding.category == "family_status" and finding.severity == "error"


def test_a_broken_model_file_is_named(tmp_path):
    from nextround.semantic import ModelFileError

    bad = tmp_path / "candidate.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelFileError, match="candidate.npz"):
        classifier.AudienceModel.load("candidate", bad)


def test_an_installed_model_is_used_until_forgotten():
    shipped = classifier.model_for("candidate")
    strict = classifier.AudienceModel("candidate", shipped.model)
    strict.threshold = 1.01  # flags nothing
    classifier.install(strict)
    try:
        assert check("You lot are clowns.", "candidate") == []
    finally:
        classifier.forget("candidate")
    assert check("You lot are clowns.", "candidate")
