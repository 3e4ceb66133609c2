"""The plan engine, driven directly with many application shapes (plain data, no database)."""

import datetime as dt

import pytest
import time_machine

from nextround.playbook.engine import Person, Situation, build_plan
from nextround.playbook.vocabulary import PlanKind

FRIDAY_EVENING = dt.datetime(2026, 11, 20, 17, 0, tzinfo=dt.UTC)  # Friday 20 November 2026
MONDAY, TUESDAY, WEDNESDAY, THURSDAY = (dt.date(2026, 11, d) for d in (23, 24, 25, 26))

RECRUITER = Person(1, "Hannah Becker", "recruiter", email="hannah@acme.example", phone="+49 30 5550 1201")
RECRUITER_NO_PHONE = Person(1, "Hannah Becker", "recruiter", email="hannah@acme.example")
MANAGER = Person(2, "Jonas Richter", "hiring_manager")
AMIRA = Person(3, "Amira Haddad", "interviewer", connected=True)
SOFIA = Person(4, "Sofia Marino", "interviewer", phone="+49 89 555")
FELIX = Person(5, "Felix Wagner", "reference", email="felix@example.org")
MINA = Person(6, "Mina Yilmaz", "reference")
RUTH = Person(7, "Ruth Adler", "mutual")


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel("2026-11-20 18:00 +0000", tick=False):
        yield


def situation(**changes) -> Situation:
    values = dict(
        kind=PlanKind.REJECTION,
        company="Acme Analytics",
        role_title="Data Analyst",
        decided_at=FRIDAY_EVENING,
        time_zone="UTC",
        user_name="Olive Owner",
        people=(RECRUITER,),
    )
    values.update(changes)
    return Situation(**values)


def by_key(steps):
    return {step.key: step for step in steps}


class TestRejectionPlan:
    def test_every_step_has_a_weekday_due_date_and_a_unique_key(self):
        steps = build_plan(
            situation(people=(RECRUITER, MANAGER, AMIRA, SOFIA, FELIX, RUTH), references_checked=True)
        )
        assert len({step.key for step in steps}) == len(steps)
        assert all(step.due_on.weekday() < 5 for step in steps)
        assert [step.due_on for step in steps] == sorted(step.due_on for step in steps)

    def test_rejected_on_a_friday_the_first_steps_come_on_monday_and_tuesday(self):
        steps = by_key(build_plan(situation()))
        assert steps["thank_you"].due_on == MONDAY
        assert steps["call_recruiter"].due_on == TUESDAY
        assert steps["reflection"].due_on == dt.date(2026, 11, 20)

    def test_rejection_in_another_time_zone_counts_from_the_local_day(self):
        # 23:30 on Thursday in UTC is already Friday morning in Tokyo.
        late_thursday = dt.datetime(2026, 11, 19, 23, 30, tzinfo=dt.UTC)
        utc = by_key(build_plan(situation(decided_at=late_thursday)))
        tokyo = by_key(build_plan(situation(decided_at=late_thursday, time_zone="Asia/Tokyo")))
        assert utc["thank_you"].due_on == dt.date(2026, 11, 20)
        assert tokyo["thank_you"].due_on == MONDAY

    def test_no_contacts_shows_visible_placeholders_never_none(self):
        steps = build_plan(situation(people=(), user_name=""))
        thank_you = by_key(steps)["thank_you"]
        assert thank_you.contact_id is None
        assert thank_you.title == "Send the recruiter a thank-you note", "a title names the role, not a hint"
        assert thank_you.draft.startswith("Hi [the recruiter's name],"), "a draft shows what to fill in"
        assert "[your name]" in thank_you.draft
        for step in steps:
            for text in (step.title, step.why, step.draft or "", step.subject):
                assert "None" not in text and "{" not in text

    def test_thank_you_names_the_recruiter_role_and_company(self):
        thank_you = by_key(build_plan(situation()))["thank_you"]
        assert thank_you.contact_id == RECRUITER.id
        assert thank_you.channel == "email"
        assert thank_you.draft.startswith("Hi Hannah,")
        assert "Data Analyst" in thank_you.draft and "Acme Analytics" in thank_you.draft
        assert thank_you.draft.rstrip().endswith("Olive Owner")
        assert "why" not in thank_you.draft.lower()

    def test_call_with_a_phone_number_has_a_script_and_no_email_draft(self):
        call = by_key(build_plan(situation()))["call_recruiter"]
        assert call.channel == "phone"
        assert call.draft is None
        labels = [label for label, _ in call.script]
        assert "If they decline" in labels and "If they share something" in labels
        assert any("in the future" in text for _, text in call.script)

    def test_without_a_phone_number_the_plan_says_so_and_offers_the_email_fallback(self):
        call = by_key(build_plan(situation(people=(RECRUITER_NO_PHONE,))))["call_recruiter"]
        assert call.channel == "email"
        assert "no phone number" in call.why
        assert "in the future" in call.draft
        assert call.script, "the script stays, in case the user finds the number"

    def test_hiring_manager_is_the_main_contact_without_a_recruiter(self):
        steps = by_key(build_plan(situation(people=(MANAGER, SOFIA))))
        assert steps["thank_you"].contact_id == MANAGER.id
        assert "interviewer:2" not in steps

    def test_two_interviewers_each_get_the_neutral_question(self):
        steps = by_key(build_plan(situation(people=(RECRUITER, AMIRA, SOFIA))))
        assert steps["interviewer:3"].contact_id == AMIRA.id
        assert steps["interviewer:3"].channel == "email"
        assert steps["interviewer:4"].channel == "phone"
        assert "Hi Sofia," in steps["interviewer:4"].draft

    def test_only_interviewers_you_connected_with_are_offered_for_the_networking_list(self):
        steps = by_key(build_plan(situation(people=(RECRUITER, AMIRA, SOFIA))))
        assert "network:3" in steps and "network:4" not in steps
        already = Person(3, "Amira Haddad", "interviewer", connected=True, on_networking_list=True)
        assert "network:3" not in by_key(build_plan(situation(people=(RECRUITER, already))))

    def test_referral_goes_to_the_person_you_connected_with(self):
        assert by_key(build_plan(situation(people=(RECRUITER, AMIRA))))["referral"].contact_id == AMIRA.id
        referral = by_key(build_plan(situation()))["referral"]
        assert referral.contact_id == RECRUITER.id
        assert "other organisations" in referral.draft

    def test_references_only_when_the_application_reached_reference_checks(self):
        unchecked = by_key(build_plan(situation(people=(RECRUITER, FELIX, MINA))))
        assert not [key for key in unchecked if key.startswith("reference")]
        checked = by_key(build_plan(situation(people=(RECRUITER, FELIX, MINA), references_checked=True)))
        assert (
            checked["reference:5"].contact_id == FELIX.id
            and "what they asked" in checked["reference:5"].draft
        )
        assert checked["reference:6"].draft.startswith("Hi Mina,")

    def test_reference_checks_without_linked_references_leave_a_placeholder_step(self):
        steps = by_key(build_plan(situation(references_checked=True)))
        assert steps["reference"].contact_id is None
        assert steps["reference"].title == "Ask your reference what they were asked"
        assert "[your reference's name]" in steps["reference"].draft

    def test_mutual_connection_linked_or_at_the_company(self):
        colleague = Person(8, "Kenji Sato", "other")
        steps = by_key(build_plan(situation(people=(RECRUITER, RUTH), at_company=(RECRUITER, colleague))))
        assert steps["mutual:7"].contact_id == RUTH.id
        assert "informally" in steps["mutual:7"].title or "ask someone there" in steps["mutual:7"].draft
        assert "mutual:8" in steps
        assert "mutual:1" not in steps, "the recruiter is on the application, not a common connection"

    def test_common_connections_are_capped(self):
        many = tuple(Person(100 + i, f"Person {i}", "other") for i in range(20))
        steps = build_plan(situation(at_company=many))
        assert len([s for s in steps if s.kind == "mutual"]) == 3

    def test_upset_moves_calls_and_notes_one_business_day_later(self):
        calm = by_key(build_plan(situation()))
        upset = by_key(build_plan(situation(upset=True)))
        assert upset["thank_you"].due_on == TUESDAY
        assert upset["call_recruiter"].due_on == WEDNESDAY
        assert upset["reflection"].due_on == calm["reflection"].due_on

    def test_interview_date_fills_the_interviewer_note(self):
        steps = by_key(build_plan(situation(people=(RECRUITER, SOFIA), interview_on=dt.date(2026, 11, 10))))
        assert "Tuesday 10 November" in steps["interviewer:4"].draft
        missing = by_key(build_plan(situation(people=(RECRUITER, SOFIA))))
        assert "role; I enjoyed" in missing["interviewer:4"].draft  # no day, never a guessed one
        assert "[the day of your interview]" not in missing["interviewer:4"].draft

    def test_an_old_rejection_recorded_late_is_not_scheduled_in_the_past(self):
        old = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
        steps = build_plan(situation(decided_at=old, not_before=dt.date(2026, 11, 20)))
        assert min(step.due_on for step in steps) == dt.date(2026, 11, 20)
        assert by_key(steps)["thank_you"].due_on == MONDAY

    def test_rejected_twice_at_the_same_company_gives_two_distinct_plans(self):
        first = by_key(build_plan(situation(role_title="Data Analyst")))
        second = by_key(build_plan(situation(role_title="Risk Analyst")))
        assert first.keys() == second.keys()
        assert "Data Analyst" in first["thank_you"].draft and "Risk Analyst" in second["thank_you"].draft


class TestGhostedPlan:
    def test_check_in_after_n_business_days_then_close_the_loop(self):
        last_heard = dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.UTC)  # Monday
        steps = build_plan(
            situation(
                kind=PlanKind.GHOSTED,
                last_heard_at=last_heard,
                ghost_checkin_days=5,
                decided_at=dt.datetime(2026, 11, 17, 9, 0, tzinfo=dt.UTC),
            )
        )
        assert [step.key for step in steps] == ["checkin", "close_loop"]
        assert steps[0].due_on == MONDAY  # five business days after Monday 16
        assert steps[1].due_on == dt.date(2026, 11, 30)
        assert "check in" in steps[0].draft and "Hi Hannah," in steps[0].draft

    def test_a_long_silence_gets_a_check_in_right_away(self):
        steps = build_plan(
            situation(kind=PlanKind.GHOSTED, last_heard_at=dt.datetime(2026, 9, 1, tzinfo=dt.UTC))
        )
        assert steps[0].due_on == dt.date(2026, 11, 20)

    def test_upset_also_delays_the_check_in(self):
        steps = build_plan(
            situation(kind=PlanKind.GHOSTED, upset=True, last_heard_at=dt.datetime(2026, 9, 1, tzinfo=dt.UTC))
        )
        assert steps[0].due_on == MONDAY
