"""The tracker's part of the demo search (`nextround/demo.py` loads it), written through its services.

Dates are relative to today, so the demo always looks current.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from nextround.tracker import services
from nextround.tracker.demo_data import APPLICATIONS, COMPANIES, CONTACTS, LINKS, REJECTION_WORDS
from nextround.tracker.models import Application, Company, Contact, FollowUp, Interaction
from nextround.tracker.vocabulary import FollowUpStatus, Stage


def stage_dates(applied: dt.datetime, path: list[str], days_ago: int) -> list[dt.datetime]:
    """Spread the stage moves from the application date; older applications made their last move earlier."""
    if len(path) == 1:
        return [applied]
    last_move_days_ago = max(1, days_ago // 4)
    span = max(days_ago - last_move_days_ago, len(path) - 1)
    step = span / (len(path) - 1)
    return [applied + dt.timedelta(days=round(i * step)) for i in range(len(path))]


def delete_search(*, owner) -> None:
    """Delete the applications first: their companies cannot go while they are there."""
    for application in Application.objects.filter(owner=owner):
        services.delete_application(application=application)


@transaction.atomic
def add_search(*, owner) -> None:
    """The demo's companies, people, applications (moved through their stages), interactions, follow-ups."""
    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    today = timezone.localdate()
    companies = [
        services.save_company(company=Company(owner=owner, name=name, website=site, location=place))
        for name, site, place in COMPANIES
    ]
    contacts = []
    for name, company, title, role, how, email, phone, cadence in CONTACTS:
        contact = Contact(
            owner=owner,
            name=name,
            company=companies[company] if company is not None else None,
            title=title,
            role=role,
            how_we_know=how,
            email=email,
            phone=phone,
            keep_in_touch=cadence is not None,
            keep_in_touch_days=cadence,
        )
        contacts.append(services.save_contact(contact=contact))

    applications = []
    for index, (company, role, source, days_ago, stages, salary) in enumerate(APPLICATIONS):
        path = stages.split()
        applied = now - dt.timedelta(days=days_ago)
        dates = stage_dates(applied, path, days_ago)
        application = Application(
            owner=owner,
            company=companies[company],
            role_title=role,
            source=source,
            location=companies[company].location,
            work_mode="hybrid" if index % 3 else "remote",
            salary_min=salary[0] if salary else None,
            salary_max=salary[1] if salary else None,
            salary_currency="EUR" if salary else "",
            applied_on=applied.date() if path[0] != "saved" else None,
            stage=path[0],
            reference_checked=index == 0,
            posting_url=f"{COMPANIES[company][1]}/jobs/{index + 100}",
        )
        services.create_application(application=application, at=dates[0])
        applications.append(application)
        for a, c, link_role, connected in LINKS:
            if a == index:
                services.link_contact(
                    application=application, contact=contacts[c], role=link_role, connected=connected
                )
        for stage, when in zip(path[1:], dates[1:], strict=True):
            words, told_by, via = REJECTION_WORDS.get(index, ("", None, ""))
            is_rejection = stage == Stage.REJECTED
            services.change_stage(
                application=application,
                stage=stage,
                at=when,
                what_was_said=words if is_rejection else "",
                told_by=contacts[told_by] if is_rejection and told_by is not None else None,
                told_via=via if is_rejection else "",
            )

    add_interactions(owner, applications, contacts, now)
    add_follow_ups(owner, applications, contacts, today)


def add_interactions(user, applications, contacts, now) -> None:
    entries = [
        (
            0,
            [0],
            "call",
            "in",
            55,
            "Hannah called to set up the first interview; team of six, reports to Jonas.",
        ),
        (0, [2], "meeting", "", 40, "Technical interview with Amira: SQL exercise and a dashboard critique."),
        (
            0,
            [1],
            "meeting",
            "",
            20,
            "Final interview with Jonas. Talked about the roadmap for self-serve analytics.",
        ),
        (0, [0], "email", "out", 3, "Sent a thank-you note to Hannah and asked about other openings."),
        (1, [3], "call", "in", 45, "Phone screen with Lukas. Salary band confirmed."),
        (1, [4], "meeting", "", 30, "Case interview with Sofia: churn analysis."),
        (4, [8], "call", "in", 41, "Tom pitched the BI role; good fit on paper."),
        (
            6,
            [14],
            "message",
            "out",
            37,
            "Asked Ruth what the audience team is like. She offered to pass my CV on.",
        ),
        (6, [9, 10], "meeting", "", 18, "Panel interview with Grace and Daniel. Daniel and I got on well."),
        (7, [17], "meeting", "", 9, "First interview with Noah; second round next week."),
        (9, [16], "call", "in", 6, "Laura called with a verbal offer; written offer to follow."),
        (12, [0], "email", "in", 14, "Hannah invited me to interview for the growth role."),
        (13, [], "note", "", 10, "Prepared the take-home: cohort retention model."),
        (15, [7], "call", "in", 12, "Elena said the risk team is still deciding."),
        (19, [], "meeting", "", 2, "Video interview with the supply chain team."),
        (None, [18], "meeting", "", 7, "Coaching session with Isabel: practised the objections question."),
        (None, [12], "call", "out", 21, "Caught up with Felix; he is happy to be a reference again."),
        (22, [19], "meeting", "", 4, "Interview with Sam: SQL and product sense."),
    ]
    for app, people, kind, direction, days_ago, summary in entries:
        interaction = Interaction(
            owner=user,
            kind=kind,
            direction=direction,
            occurred_at=now - dt.timedelta(days=days_ago, hours=1),
            summary=summary,
            application=applications[app] if app is not None else None,
        )
        services.log_interaction(interaction=interaction, contacts=[contacts[i] for i in people])


def add_follow_ups(user, applications, contacts, today) -> None:
    entries = [
        ("Ask Elena whether the risk team has decided", 15, 7, -2),
        ("Send the take-home to the Bluefin data science team", 13, None, 0),
        ("Prepare questions for Noah's second round", 7, 17, 1),
        ("Compare the Helix offer with my current package", 9, 16, 2),
        ("Check in on the pricing analyst application", 8, None, 5),
        ("Follow up on the geospatial application", 16, None, 9),
        ("Send Isabel my updated CV", None, 18, 12),
        ("Thank Sam for the interview", 22, 19, -1),
    ]
    for title, app, contact, offset in entries:
        follow_up = FollowUp(
            owner=user,
            title=title,
            due_on=today + dt.timedelta(days=offset),
            application=applications[app] if app is not None else None,
            contact=contacts[contact] if contact is not None else None,
        )
        services.save_follow_up(follow_up=follow_up)
    # One done twelve days ago, as history (the insights count it in that week).
    services.save_follow_up(
        follow_up=FollowUp(
            owner=user,
            title="Update LinkedIn headline",
            due_on=today - dt.timedelta(days=12),
            status=FollowUpStatus.DONE,
            completed_at=timezone.now() - dt.timedelta(days=12),
        )
    )
