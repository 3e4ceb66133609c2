"""Every rule is run against its own examples, both ways, and the loader refuses incomplete rules."""

import re
import textwrap

import pytest

from nextround.checker import AUDIENCES, RuleError, check, load_rules
from nextround.checker.engine import rule_findings
from nextround.checker.loader import RULES_DIR, ruleset_for
from nextround.checker.train import DATA_DIR, read_jsonl


def _clean_texts(*names: str) -> list[str]:
    """The clean rows' texts in the training files `names`: a corpus sentence's "category" or a dev
    message's "categories" is empty."""
    rows = [row for name in names for row in read_jsonl(DATA_DIR / name)]
    return [row["text"] for row in rows if not row.get("category", row.get("categories"))]


def _examples(kind: str):
    for audience in AUDIENCES:
        for rule in ruleset_for(audience).rules:
            examples = rule.examples_flag if kind == "flag" else rule.examples_pass
            for example in examples:
                yield pytest.param(audience, rule.id, example, id=f"{audience}:{rule.id}:{example[:40]}")


@pytest.mark.parametrize(("audience", "rule_id", "text"), list(_examples("flag")))
def test_rule_flags_its_positive_examples(audience, rule_id, text):
    assert rule_id in {f.rule for f in check(text, audience)}


@pytest.mark.parametrize(("audience", "rule_id", "text"), list(_examples("pass")))
def test_rule_lets_its_negative_examples_pass(audience, rule_id, text):
    assert rule_id not in {f.rule for f in check(text, audience)}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_rule_explains_itself(audience):
    for rule in ruleset_for(audience).rules:
        assert rule.message.endswith((".", '"')), rule.id
        assert len(rule.message) < 240, f"{rule.id}: keep the message to one or two sentences"
        assert rule.suggestion, rule.id


RULE = """
[[rule]]
id = "demo"
category = "why_question"
severity = "warning"
keywords = ["why"]
patterns = ['''\\bwhy\\b''']
message = "Because."
suggestion = "Do this instead."
"""


def _write(tmp_path, body: str):
    path = tmp_path / "rules.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_loader_accepts_a_complete_rule(tmp_path):
    path = _write(tmp_path, RULE + 'examples.flag = ["Why?"]\nexamples.pass = ["Thanks."]\n')
    ruleset = load_rules(path, "candidate")
    assert [rule.id for rule in ruleset.rules] == ["demo"]


TWO_LETTERS = """
[[rule]]
id = "demo"
category = "resentment"
severity = "warning"
keywords = ["ex", "exam", "partner"]
patterns = ["\\\\bexam\\\\b", "\\\\bex-(?:partner|wife)\\\\b"]
message = "Because."
suggestion = "Do this instead."
examples.flag = ["my ex-wife"]
examples.pass = ["Thanks."]
"""


def test_a_two_letter_keyword_wakes_the_pattern_that_spells_it(tmp_path):
    # "ex" also starts "exam", spelled in the first pattern; the second spells "ex" as a word of its own,
    # so a text whose only keyword is "ex" ("my ex-wife") must still wake the second pattern.
    ruleset = load_rules(_write(tmp_path, TWO_LETTERS), "candidate")
    assert (0, 1) in ruleset.by_keyword["ex"]
    assert (0, 1) not in ruleset.by_keyword["exam"]


@pytest.mark.parametrize(
    "examples",
    [
        'examples.flag = ["Why?"]\n',
        'examples.pass = ["Thanks."]\n',
        "",
        'examples.flag = []\nexamples.pass = ["x"]\n',
    ],
    ids=["no pass examples", "no flag examples", "no examples", "empty flag list"],
)
def test_loader_refuses_a_rule_without_both_kinds_of_example(tmp_path, examples):
    with pytest.raises(RuleError, match=r"rule 'demo'.*examples\.flag.*examples\.pass"):
        load_rules(_write(tmp_path, RULE + examples), "candidate")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (('"why_question"', '"age"'), r"rule 'demo'.*unknown category 'age'"),
        (('"warning"', '"fatal"'), r"rule 'demo'.*severity"),
        (("'''\\bwhy\\b'''", "'''(why'''"), r"rule 'demo'.*bad pattern"),
        (("'''\\bwhy\\b'''", "'''{nowhere}'''"), r"rule 'demo'.*unknown macro \{nowhere\}"),
        (('["why"]', '["Why?"]'), r"rule 'demo'.*keywords"),
        (('message = "Because."', ""), r"rule 'demo'.*missing message"),
    ],
)
def test_loader_names_the_rule_and_the_mistake(tmp_path, change, error):
    body = RULE.replace(*change) + 'examples.flag = ["Why?"]\nexamples.pass = ["Thanks."]\n'
    with pytest.raises(RuleError, match=error):
        load_rules(_write(tmp_path, body), "candidate")


def test_loader_refuses_duplicate_rule_ids(tmp_path):
    rule = RULE + 'examples.flag = ["Why?"]\nexamples.pass = ["Thanks."]\n'
    with pytest.raises(RuleError, match="'demo' is defined twice"):
        load_rules(_write(tmp_path, rule + rule), "candidate")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_shipped_rule_files_use_every_category_of_their_audience(audience):
    from nextround.checker import CATEGORIES

    ruleset = load_rules(RULES_DIR / f"{audience}.toml", audience)
    assert {rule.category for rule in ruleset.rules} == set(CATEGORIES[audience])


# Round 13's candidate rules (blind10's described families) must flag no clean sentence of the training
# corpus and no clean dev message: a rule has no threshold to absorb a false alarm.
ROUND_13_RULES = {"insider-hire", "adviser-copied-in", "deadline-ultimatum", "strung-along"}


def test_round_13_rules_flag_no_clean_corpus_sentence_or_dev_message():
    clean = _clean_texts("candidate.jsonl", "candidate_messages.jsonl")
    assert len(clean) > 1000
    hits = [text for text in clean if ROUND_13_RULES & {f.rule for f in rule_findings(text, "candidate")}]
    assert hits == []


# Round 15's candidate rules (blind12's and blind13's described families): the same bar, and the clean
# sentences kept apart in candidate_held_out.jsonl as well.
ROUND_15_CANDIDATE_RULES = {
    "how-come-not-me",
    "get-even",
    "regulator-complaint",
    "insult-the-company",
    "answer-by-deadline",
    "hardship-pressure",
    "wrong-call",
}


def test_round_15_candidate_rules_flag_no_clean_corpus_sentence_or_dev_message():
    clean = _clean_texts("candidate.jsonl", "candidate_held_out.jsonl", "candidate_messages.jsonl")
    assert len(clean) > 1200
    hits = [
        text
        for text in clean
        if ROUND_15_CANDIDATE_RULES & {f.rule for f in rule_findings(text, "candidate")}
    ]
    assert hits == []


# Round 14's employer rules (blind11's described families): pay history in notes, an age band "50+", fit
# judged as a drinking companion. A rule has no threshold to absorb a false alarm either.
ROUND_14_RULES = {"salary-history-notes", "age-plus", "fit-drinking-buddy"}


def test_round_14_rules_flag_no_clean_corpus_sentence_or_dev_message():
    clean = _clean_texts("employer.jsonl", "employer_messages.jsonl")
    assert len(clean) > 1000
    hits = [text for text in clean if ROUND_14_RULES & {f.rule for f in rule_findings(text, "employer")}]
    assert hits == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Notes: just on 39k right now, so plenty of room.", "salary_history"),
        ("previous salary: £51k, wants a jump.", "salary_history"),
        ("She's a mum-to-be, so the timing is poor for us.", "pregnancy"),
        ("The depot crew is all blokes, so she'd stick out.", "sex"),
        ("Applicant looks 60+, may not last the season.", "age"),
        ("Good CV but not a guy I'd want to sink a pint with.", "vague_fit"),
    ],
)
def test_round_14_employer_rules_catch_notes_and_shorthand(text, category):
    assert category in {f.category for f in check(text, "employer") if f.source == "rule"}


@pytest.mark.parametrize(
    "text",
    [
        "The band for this role is currently 48-55k.",
        "We expanded to 60+ stores last year.",
        "Our parental leave covers mums-to-be from the first day.",
        "You'd be welcome at team drinks with everyone on Friday.",
    ],
)
def test_round_14_employer_look_alikes_are_not_flagged_by_a_rule(text):
    assert [f for f in check(text, "employer") if f.source == "rule"] == []


# Round 15's employer rules and patterns: an age cap in years, a nationality or an ethnic group wanted or
# shut out, a named health condition, "new blood", "unmarried", "what year did you finish school".
ROUND_15_RULES = {"age-cap", "origin-wanted", "race-wanted", "health-condition"}


def test_round_15_rules_flag_no_clean_corpus_sentence_or_dev_message():
    clean = _clean_texts("employer.jsonl", "employer_messages.jsonl")
    assert len(clean) > 1000
    found = [rule_findings(text, "employer") for text in clean]
    hits = [text for text, f in zip(clean, found, strict=True) if ROUND_15_RULES & {x.rule for x in f}]
    assert hits == []
    # The patterns added to older rules, told apart by the words they match.
    widened = re.compile(
        r"\bblood\b|\bunmarried\b|\byear did\b|\bsingle (?:women|men|females?|males?|girls|guys)\b|birth|dob|"
        r"\bctc\b|caring|transitioning|bump|\b(?:had|hired|tried|took on) (?:a|one|another)\b|"
        r"\b(?:eid|diwali|ramadan|passover|hanukkah|vaisakhi|navratri) "
        r"(?:leave|off|holiday|time off|break|fast)|"
        r"\btime off for",
        re.I,
    )
    assert [x.excerpt for f in found for x in f if widened.search(x.excerpt)] == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Time for new blood in the finance team, so we passed.", "age"),
        ("what year did you leave school?", "age"),
        ("Candidates aged under 30 only, please.", "age"),
        ("No more Romanians on the night shift please.", "national_origin"),
        ("We prefer Polish applicants for the warehouse.", "national_origin"),
        ("Asians only for the front desk, per the owner.", "race"),
        ("Wanted: unmarried female graduates for the front desk.", "marital_status"),
        ("We found out he is HIV positive so the offer is off.", "disability"),
        ("Pop your DOB on the application please.", "age"),
        ("Share her present CTC with me before the offer call.", "salary_history"),
        ("Picked the one with no caring duties, given the on-call rota.", "family_status"),
        ("applicant is mid-transitioning, client may object", "gender_identity"),
        ("Spotted a bump on the video call; not the right time to hire her.", "pregnancy"),
        ("We hired a lady for this job once and it was a disaster.", "sex"),
        ("Will need Ramadan breaks, flag for the rota.", "religion"),
    ],
)
def test_round_15_employer_rules_catch_everyday_words(text, category):
    assert category in {f.category for f in check(text, "employer") if f.source == "rule"}


@pytest.mark.parametrize(
    "text",
    [
        "Events for this role are usually under 50 guests.",
        "Our blood drive is on Thursday; new blood donors are welcome.",
        "We serve a lot of Romanian customers at this branch.",
        "Chinese speakers only: the role covers our Shanghai accounts.",
        "You'd support patients with cancer on the day unit.",
        "What year did you start using Salesforce?",
        "We're transitioning to a new payroll system in March.",
        "There was a bump in applications after the advert went live.",
        "Staff with caring responsibilities can ask for flexible hours from day one.",
        "Your expected CTC for this role is noted as 12 LPA.",
        "The office closes early for Diwali celebrations, and everyone is invited.",
    ],
)
def test_round_15_employer_look_alikes_are_not_flagged_by_a_rule(text):
    assert [f for f in check(text, "employer") if f.source == "rule"] == []


# Round 15, candidate: probes of our own for the families blind12 and blind13 described, and look-alikes.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm going to raise this with the Health and Care Professions Council.", "threat"),
        ("Don't be surprised if the NMC gets a letter about your ward manager.", "threat"),
        ("they messed me around and i'll get even, one way or another", "threat"),
        ("honestly ur company stinks", "resentment"),
        ("Shambolic. Not even a phone call.", "resentment"),
        ("Pity anyone who ends up working under her.", "resentment"),
        ("I'm going to need your reasons in writing by close of business Friday.", "demand"),
        ("i left my job because i was sure i'd get this and now i've got nothing", "pressure"),
        ("any news???? need to know asap", "pressure"),
        ("Mark my words, you backed the wrong horse.", "self_comparison"),
    ],
)
def test_round_15_candidate_rules_catch_the_families(text, category):
    assert category in {f.category for f in rule_findings(text, "candidate")}


@pytest.mark.parametrize(
    "text",
    [
        "I'm registered with the Health and Care Professions Council and happy to share my number.",
        "I served on the student council at university, which is where I learned to chair meetings.",
        "I got back at 6pm, sorry for the late reply.",
        "I've had better interviews in the past, and yours was one of them.",
        "The cheapest option for travel was the train, so I was on time.",
        "I handed in my notice at the bakery last week, so I'm free from the 1st.",
        "I turned down a job offer last month because the commute was too long.",
        "I know I made the wrong call on the second question; it's a useful lesson.",
        "Any news on the timeline? No pressure at all.",
        "Please send me the joining instructions for the assessment day.",
    ],
)
def test_round_15_candidate_look_alikes_are_not_flagged_by_a_rule(text):
    assert rule_findings(text, "candidate") == []
