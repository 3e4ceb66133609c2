"""Employer text: guidance that names a risky phrase to forbid it passes; the same words quoted as what a
manager said are flagged (docs/checker.md, "Context")."""

import json
from pathlib import Path

import pytest

from nextround.checker import check
from nextround.checker.guidance import exempt_spans, law_spans


@pytest.mark.parametrize(
    "text",
    [
        "Replace 'not a good fit' with the specific requirement the candidate did not meet.",
        'Never write "too old" in interview notes.',
        "Don't ask candidates when they graduated; ask whether they hold the qualification.",
        "HR tip: avoid asking what a candidate earns now. Ask what range they are looking for.",
        "Instead of asking about children, describe the hours and ask whether they suit.",
        "Phrases such as 'young and dynamic' or 'native English speaker' can signal bias.",
        "Questions you must never ask: how old someone is, or whether they plan a family.",
    ],
)
def test_guidance_that_forbids_a_phrase_is_not_flagged(text):
    assert check(text, "employer") == []


def test_only_the_guidance_sentence_is_let_through():
    text = "Please don't write 'overqualified' in feedback. We felt you were too old for the team."
    [finding] = check(text, "employer")
    assert finding.category == "age" and finding.start > text.index("feedback.")
    assert exempt_spans(text) == ((0, len("Please don't write 'overqualified' in feedback.")),)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The hiring manager said she was 'too old' for the role.", "age"),
        ('The claimant was told the team wanted "fresh blood".', "age"),
        ("You'd need sponsorship, which we'd rather avoid.", "citizenship"),
        ("Don't worry, your age was not a factor.", "age"),
    ],
)
def test_a_managers_quoted_words_and_look_alike_cues_are_still_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


def test_a_candidate_quoting_advice_still_passes():
    assert check('My coach said never to ask "why didn\'t you hire me?"', "candidate") == []


@pytest.mark.parametrize(
    "text",
    [
        "Turning an applicant down because they use a wheelchair can amount to disability discrimination.",
        "Most US states prohibit employers from asking job seekers what they earned before.",
        "Under the Equality Act, marriage and civil partnership is a protected characteristic.",
        "A manager must not ask whether he or she plans to have children; it may be unlawful.",
        "Compliant question: Are you able to travel overseas twice a year?",
        "Avoid remarks about anyone's religious dress in the scorecard.",
        "Record only the access needs someone asks for, never a diagnosis.",
    ],
)
def test_the_law_or_guidance_stated_in_general_terms_is_not_flagged(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("It might be illegal, but I'd still prefer a man on the night shift.", "sex"),
        ("Record only that he uses a wheelchair, so the site visit can be skipped.", "disability"),
        ("The tribunal ruled it unlawful that she was told the job needed 'a younger face'.", "age"),
    ],
)
def test_reports_and_decisions_stay_flagged_beside_legal_words(text, category):
    assert exempt_spans(text) == ()
    assert category in {f.category for f in check(text, "employer")}


def test_no_risky_corpus_sentence_is_let_through():
    corpus = Path(__file__).resolve().parents[2] / "training" / "checker" / "employer.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    risky = [row["text"] for row in rows if row.get("category")]
    assert [text for text in risky if exempt_spans(text)] == []
    assert [text for text in risky if law_spans(text)] == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("He mentioned his husband works abroad, and the panel went quiet.", "sexual_orientation"),
        ("The manager paused the offer once he learned she had transitioned.", "gender_identity"),
        ("Her references use her former name, which the panel kept remarking on.", "gender_identity"),
        ("She said they are hoping for another baby next year, so we held off.", "pregnancy"),
    ],
)
def test_round_8_categories_come_first(text, category):
    assert check(text, "employer")[0].category == category


@pytest.mark.parametrize(
    "text",
    [
        "Instead of 'she seems a bit mature for us', write down which requirement was not met.",
        "A better note than 'not our kind of person' is the skill the exercise showed was missing.",
        "Avoid: 'Do you have kids?' Ask instead: 'Can you cover the rota on alternate weekends?'",
        "Write down the skill gap rather than 'too set in his ways'.",
        "The interview guide reminds recruiters to leave out any remark about an accent.",
        "We tell managers never to write 'young team' in a rejection.",
        "An employer may not turn someone down because of their religion.",
        "Rejecting a woman because she might start a family is direct sex discrimination.",
        "Both phrases are easily read as a preference for younger people.",
        "The post requires a Level 3 childcare qualification.",
        "Prayer room, baby-changing and a lactation room are available to everyone in the building.",
    ],
)
def test_round_9_guidance_requirements_and_facilities_pass(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Instead of a mum with toddlers, we went with someone who can travel.", "family_status"),
        ("We chose someone younger instead of 'a seasoned hand' like you.", "age"),
        ("We may not be able to take you on because of your accent.", "national_origin"),
        ("He reminded the recruiters that the team was 'too female' already.", "sex"),
        ("HM debrief: the manager wants to avoid 'complications' with a trans hire.", "gender_identity"),
        ("With childcare to sort out, we worried about the early shifts.", "family_status"),
    ],
)
def test_round_9_look_alikes_that_report_or_decide_stay_flagged(text, category):
    assert exempt_spans(text) == ()
    assert category in {f.category for f in check(text, "employer")}


@pytest.mark.parametrize(
    "text",
    [
        "Several states bar employers from asking what an applicant was paid before.",
        "Pay history laws mean the offer has to come from the band for the job.",
        "Employers in Oregon cannot ask about an applicant's salary history.",
        "Apply one standard to every applicant, regardless of nationality or religion.",
        'We dropped the "culture fit" round in favour of a structured interview.',
        "The old chemistry chat has been scrapped.",
        "Please do not provide any genetic information, including your family's medical history.",
        "Red flags to avoid in notes: comments about accent, age or family plans.",
        "Mentioning a candidate's cultural background in feedback is a red flag.",
    ],
)
def test_round_10_law_consistency_scorecards_and_red_flags_pass(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Red flag: she mentioned her kids twice in the interview.", "family_status"),
        ("We replaced him with someone younger.", "age"),
        ("Our scorecard had her low on culture fit, so we went with someone else.", "vague_fit"),
        ("Regardless of his experience, at his age he won't settle in.", "age"),
        ("We sorted the CVs by date of birth and called the under-forties.", "age"),
        ("Most of the girls here go off on maternity within two years.", "pregnancy"),
        ("His reserve duties would take him away every summer.", "veteran_status"),
    ],
)
def test_round_10_look_alikes_that_report_or_decide_stay_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


@pytest.mark.parametrize(
    "text",
    [
        "The position has been filled.",
        "Unfortunately we have decided not to proceed with your application.",
        "I'm afraid we have decided not to proceed.",
    ],
)
def test_a_plain_decision_is_not_read_as_risky(text):
    # Until round 10 every corpus sentence that turned someone down gave a protected reason, and the model
    # read the decision itself as risky ("not to proceed" scored 0.96).
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    "text",
    [
        "When you write up the interview, put 'did not finish the case study', not 'lacked drive'.",
        "Comment on confidence only if something the candidate did in the exercise supports it.",
        "Questions about a partner's job are off-limits; explain the travel the role needs instead.",
        "Interviewers may ask what pay range someone expects, but not what they were paid before.",
        "I changed 'strong culture add' in the template to the three competencies we scored.",
        "If you join, you're welcome to use our reflection room and the staff canteen.",
    ],
)
def test_round_11_guidance_frames_edits_and_facilities_pass(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("We may ask about your plans, but not if you're pregnant, which worries me.", "pregnancy"),
        ("I replaced 'too old' with 'too senior' and sent it to her.", "age"),
        ("You'd need our prayer room a lot, which is a concern for the rota.", "religion"),
        ("His reservist training means weeks away each year.", "veteran_status"),
    ],
)
def test_round_11_look_alikes_that_report_or_judge_stay_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


# An act named by a gerund and called discrimination: the law defined, of anyone (after blind10, whose
# law articles were flagged; four earlier blind sets described the same family). Our own sentences.
@pytest.mark.parametrize(
    "text",
    [
        "Preferring applicants without children is family status discrimination in many places.",
        "Refusing a candidate because of his age is age discrimination.",
        "Asking only women about their childcare can be evidence of sex discrimination.",
        "Turning someone down over their partner's gender is sexual orientation discrimination.",
        "Favouring people with a lighter complexion counts as colour discrimination.",
        "Basing an offer on what someone earned before is unlawful in several states.",
    ],
)
def test_an_act_the_law_calls_discrimination_is_not_flagged(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Preferring younger staff is not age discrimination, it's common sense.", "age"),
        (
            "Rejecting you because you're pregnant is hardly discrimination when the job is lifting.",
            "pregnancy",
        ),
        ("Preferring a man for the night shift is our right and not sex discrimination.", "sex"),
        (
            "Refusing her because of her headscarf is not religious discrimination, it is our dress code.",
            "religion",
        ),
        (
            "Hiring someone without kids is easier for us, whatever the law calls it discrimination.",
            "family_status",
        ),
    ],
)
def test_a_preference_denied_or_owned_beside_the_word_discrimination_is_still_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


def test_an_act_the_law_calls_discrimination_passes_inside_a_longer_note_too():
    text = (
        "Thanks for your question about the training. Preferring applicants without children is family "
        "status discrimination in many places. We covered this in module two."
    )
    assert check(text, "employer") == []


# Round 13: guidance shapes blind10's writer used, described by family (our own sentences): a suggested
# question that speaks to the candidate, the law "now" in many places, a vague word called a proxy for
# bias, a check for everyone "not only those who ...", a note naming what must not appear.
@pytest.mark.parametrize(
    "text",
    [
        'Instead of "How old are you?", you could ask "Are you at least 18?"',
        "A number of US states now make it unlawful to ask about salary history.",
        "Culture fit is often a proxy for similarity; define the behaviours you need instead.",
        "Gut feel often works as a proxy for bias.",
        "Carry out the document check on every applicant, not just the ones you think might be foreign.",
        "The check has to be applied to everyone, not only those who have a foreign-sounding name.",
        "Interview notes must contain no reference to a candidate's age or family plans.",
        "Training reminder: nothing about pregnancy, health, religion or age should appear in feedback.",
        "Make sure your notes include nothing about age or family circumstances.",
    ],
)
def test_round_13_guidance_frames_pass(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('Instead of "How old are you?", you could ask her "When do you plan to retire?"', "age"),
        ("Young people are a proxy for energy on this team.", "age"),
        ("Culture fit is a proxy for similarity, and frankly we want people like us.", "vague_fit"),
        ("We only did the right-to-work check on the ones with accents.", "national_origin"),
        ("The panel notes contain nothing about his age, but he is clearly too old for us.", "age"),
        ("Nothing about her headscarf should appear in the letter, but it is why we said no.", "religion"),
    ],
)
def test_round_13_look_alikes_that_judge_or_report_stay_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


# Round 14: law and guidance shapes blind11's writer used, described by family (our own sentences): a duty
# stated of employers generically, a neutral rule "usually lawful", the law letting candidates volunteer
# what may not be asked, training that a trait "is not a valid reason to reject", an advert or a set of
# questions told what to keep to.
@pytest.mark.parametrize(
    "text",
    [
        "Employers in Queensland must make reasonable adjustments for applicants with a disability.",
        "An employer has to accommodate religious observance unless it would cause undue hardship.",
        "Extra time in the written test should be offered to anyone who asks for it as an adjustment.",
        "Firms are obliged to consider adjustments for any applicant who tells them about a condition.",
        "A rule that all drivers hold a clean licence is usually lawful if it applies to everyone.",
        "Hi-vis uniforms are generally fine, but allow for religious dress where you can.",
        "Candidates can choose to share their current pay, but employers in Maine may not ask for it.",
        "An applicant is free to disclose a disability, and the information must stay confidential.",
        "A regional accent is not a valid reason to turn an applicant down.",
        "Having a gap in a CV is not, on its own, grounds for rejecting anyone.",
        "Marital status is irrelevant to the selection decision.",
        "Job adverts should not specify a maximum number of years, as this can exclude older people.",
        "Sabbath observance may be accommodated where the rota allows.",
        "An applicant's religion should play no part in the shortlisting.",
        "Employers must store health information from applicants separately and securely.",
        "Panel members should not assume that a parent cannot travel.",
        "The equality commission says employers cannot turn applicants away because of their sexuality.",
    ],
)
def test_round_14_law_and_guidance_pass(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Employers should avoid hiring older people.", "age"),
        ("We could not make adjustments for her wheelchair.", "disability"),
        ("We don't accommodate prayer breaks.", "religion"),
        ("Adjustments are not made for wheelchair users here.", "disability"),
        ("Accommodating her Sabbath would cause undue hardship for our rota.", "religion"),
        ("She volunteered she's on 45k now so we offered 47k.", "salary_history"),
        ("His accent is not the only reason to reject him.", "national_origin"),
        ("Culture fit was the reason we rejected him.", "vague_fit"),
        ("The dress code is generally fine, so we asked her to remove the hijab.", "religion"),
        ("Her pregnancy should have no bearing, but honestly it did.", "pregnancy"),
        ("His Sabbath can't be accommodated on our rota.", "religion"),
        ("The guidance says employers can't reject someone because of their age, but we did.", "age"),
        ("We must keep her mental health history confidential, and she won't cope here.", "disability"),
    ],
)
def test_round_14_look_alikes_that_refuse_report_or_decide_stay_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


# Round 15: a known frame read through an inserted list or aside (", including A, B and C,", "(...)",
# "e.g. ..."); the law with a statute, a case or a list of characteristics as its subject; "regardless of"
# a list; "Illegal: ... Lawful alternative: ..."; "is not a legitimate reason"; "avoid comments such as";
# a legal minimum age asked of everyone. All about no one in particular; our own wording.
@pytest.mark.parametrize(
    "text",
    [
        "Most EU member states, for instance France, Germany and Spain, forbid questions about pregnancy.",
        "Several provinces (including Ontario and Manitoba) protect family status in hiring.",
        "Employers in many cities, such as New York City and Philadelphia, cannot ask about salary history.",
        "many states (like colorado) ban asking abt pay history fyi",
        "Some countries, such as Canada and Ireland, also protect family status in employment.",
        "GINA prohibits employers from using genetic information, such as family medical history, in hiring.",
        "USERRA protects service members from being denied a job because of their military service.",
        "The PDA bars employers from treating pregnancy differently from other temporary conditions.",
        "Under the Bostock ruling, firing someone for being gay or transgender is sex discrimination.",
        "under the ADA, employers cant ask about disabilities before an offer.",
        "Harassment because of religion is a form of religious discrimination.",
        "Hire on skills and evidence, regardless of age, sex, religion or disability.",
        "You must not discriminate against anyone because of a protected characteristic such as pregnancy.",
        "You should never treat an applicant less favourably because of pregnancy or maternity.",
        'Illegal: "Are you married?" Lawful alternative: "Can you travel for work three days a month?"',
        '"Not a culture fit" is not a lawful reason on its own; record the skill that was missing.',
        'Avoid vague remarks such as "not the right vibe"; state which requirement was not met.',
        "Medical questions are only lawful in narrow cases (for example, to arrange interview adjustments).",
        "Do you have the right to work in the UK? (asked of all candidates)",
        "Are you at least 18? The role involves selling alcohol.",
        "Applicants must be at least 21 years old to work behind the bar.",
    ],
)
def test_round_15_law_read_through_lists_and_asides_passes(text):
    assert check(text, "employer") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Several states, including Oregon, ban it (we don't care), we want younger staff.", "age"),
        (
            "Many states, such as Maine, prohibit asking, but we asked her current salary anyway.",
            "salary_history",
        ),
        ("The ADEA protects applicants over 40, but honestly we need someone younger.", "age"),
        ("Under the PDA she's protected, but we can't have her on leave in March.", "pregnancy"),
        ("Regardless of age, race or religion, he just wouldn't fit with a headscarf.", "religion"),
        ("Culture fit is a legitimate reason to pass on him.", "vague_fit"),
        ("Not a culture fit (she was too quiet), so no.", "vague_fit"),
        ("The manager said accent is not a legitimate reason, then rejected her for it.", "national_origin"),
        ("Are you over 18 and under 30?", "age"),
        ("Under Smith v. Jones they could sue, but he's just too old for us.", "age"),
        (
            "The tribunal held that rejecting him because of his marital status was a form of bias.",
            "marital_status",
        ),
        ('Illegal: "Are you planning a family?" We asked her anyway.', "family_status"),
        ("Employers should avoid hiring older people.", "age"),
    ],
)
def test_round_15_look_alikes_that_own_report_or_exhort_stay_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}
