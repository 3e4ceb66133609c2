"""A believable demo job search for the user `demo`: every page has something to show.

Dates are relative to today, so the demo always looks current. Loading it twice changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.tracker import services
from nextround.tracker.models import (
    Application,
    Company,
    Contact,
    ContactRole,
    FollowUp,
    Interaction,
    Stage,
)

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "nextround-demo"

COMPANIES = [
    ("Northwind Analytics", "https://northwind.example", "Berlin"),
    ("Bluefin Robotics", "https://bluefin.example", "Munich"),
    ("Larkspur Health", "https://larkspur.example", "Remote (EU)"),
    ("Cobalt Ledger", "https://cobalt-ledger.example", "Amsterdam"),
    ("Meridian Maps", "https://meridian.example", "Hamburg"),
    ("Tidewater Energy", "https://tidewater.example", "Rotterdam"),
    ("Quill & Vale Publishing", "https://quillvale.example", "London"),
    ("Orchard Logistics", "https://orchard.example", "Leipzig"),
    ("Saffron Foods", "https://saffron.example", "Cologne"),
    ("Helix Bio", "https://helixbio.example", "Basel"),
    ("Brightpath Learning", "https://brightpath.example", "Remote"),
    ("Kestrel Security", "https://kestrel.example", "Vienna"),
]

# (company index, role, source, days since applied, stage path, salary)
APPLICATIONS = [
    (
        0,
        "Senior Data Analyst",
        "referral",
        58,
        ["applied", "screening", "interviewing", "rejected"],
        (70000, 82000),
    ),
    (
        1,
        "Product Analyst",
        "job_board",
        50,
        ["applied", "screening", "interviewing", "rejected"],
        (62000, 70000),
    ),
    (2, "Analytics Engineer", "linkedin", 47, ["applied", "screening", "rejected"], (68000, 78000)),
    (3, "Data Analyst, Payments", "company_site", 45, ["applied", "ghosted"], None),
    (
        4,
        "BI Developer",
        "recruiter",
        43,
        ["applied", "screening", "interviewing", "offer", "withdrawn"],
        (72000, 80000),
    ),
    (5, "Energy Data Analyst", "job_board", 40, ["applied", "rejected"], None),
    (
        6,
        "Audience Insights Lead",
        "referral",
        38,
        ["applied", "screening", "interviewing", "rejected"],
        (75000, 90000),
    ),
    (7, "Operations Analyst", "company_site", 36, ["applied", "screening", "interviewing"], (58000, 64000)),
    (8, "Pricing Analyst", "linkedin", 34, ["applied", "screening"], None),
    (
        9,
        "Clinical Data Analyst",
        "recruiter",
        31,
        ["applied", "screening", "interviewing", "offer"],
        (80000, 95000),
    ),
    (10, "Learning Analytics Specialist", "job_board", 30, ["applied", "ghosted"], None),
    (11, "Security Metrics Analyst", "company_site", 28, ["applied", "screening", "rejected"], None),
    (0, "Data Analyst, Growth", "company_site", 25, ["applied", "screening", "interviewing"], (65000, 74000)),
    (1, "Data Scientist", "referral", 24, ["applied", "interviewing"], (78000, 88000)),
    (2, "Health Economics Analyst", "linkedin", 22, ["applied"], None),
    (
        3,
        "Risk Analyst",
        "recruiter",
        21,
        ["applied", "screening", "interviewing", "rejected"],
        (70000, 76000),
    ),
    (4, "Geospatial Analyst", "job_board", 19, ["applied", "screening"], None),
    (5, "Market Analyst", "company_site", 17, ["applied"], None),
    (6, "Content Data Analyst", "other", 15, ["applied", "withdrawn"], None),
    (7, "Supply Chain Analyst", "linkedin", 12, ["applied", "screening", "interviewing"], (60000, 68000)),
    (8, "Category Analyst", "job_board", 10, ["applied"], None),
    (9, "Biostatistics Associate", "company_site", 8, ["applied", "screening"], None),
    (
        10,
        "Product Data Analyst",
        "referral",
        6,
        ["applied", "screening", "interviewing", "rejected"],
        (66000, 72000),
    ),
    (11, "Threat Intelligence Analyst", "recruiter", 4, ["applied"], None),
    (2, "Senior BI Analyst", "company_site", 0, ["saved"], None),
]

# (name, company index or None, title, role, how we know, email, phone, keep in touch days)
CONTACTS = [
    (
        "Hannah Becker",
        0,
        "Talent Acquisition Partner",
        ContactRole.RECRUITER,
        "She reached out after my application",
        "hannah.becker@northwind.example",
        "+49 30 5550 1201",
        None,
    ),
    (
        "Jonas Richter",
        0,
        "Head of Analytics",
        ContactRole.HIRING_MANAGER,
        "Final interview",
        "jonas.r@northwind.example",
        "",
        None,
    ),
    (
        "Amira Haddad",
        0,
        "Senior Analyst",
        ContactRole.INTERVIEWER,
        "Technical interview; we talked dashboards",
        "amira.haddad@northwind.example",
        "",
        30,
    ),
    (
        "Lukas Brandt",
        1,
        "Recruiter",
        ContactRole.RECRUITER,
        "Phone screen",
        "lukas@bluefin.example",
        "",
        None,
    ),
    (
        "Sofia Marino",
        1,
        "Product Manager",
        ContactRole.INTERVIEWER,
        "Case interview",
        "sofia.m@bluefin.example",
        "",
        None,
    ),
    (
        "Priya Nair",
        2,
        "Recruiting Lead",
        ContactRole.RECRUITER,
        "LinkedIn message",
        "priya@larkspur.example",
        "+44 20 5550 3344",
        None,
    ),
    (
        "Marek Nowak",
        3,
        "Hiring Manager, Risk",
        ContactRole.HIRING_MANAGER,
        "Interview for the risk role",
        "marek.nowak@cobalt-ledger.example",
        "",
        None,
    ),
    (
        "Elena Petrova",
        3,
        "Talent Partner",
        ContactRole.RECRUITER,
        "Recruiter for two of my applications",
        "elena.p@cobalt-ledger.example",
        "+31 20 555 0199",
        None,
    ),
    (
        "Tom Schneider",
        4,
        "Agency Recruiter",
        ContactRole.RECRUITER,
        "Agency, found me on LinkedIn",
        "tom@talentbridge.example",
        "+49 40 5550 7788",
        45,
    ),
    (
        "Grace Okafor",
        6,
        "Director of Audience",
        ContactRole.HIRING_MANAGER,
        "Panel interview",
        "grace.okafor@quillvale.example",
        "",
        None,
    ),
    (
        "Daniel Weiss",
        6,
        "Data Lead",
        ContactRole.INTERVIEWER,
        "Panel interview; shared love of R",
        "d.weiss@quillvale.example",
        "",
        60,
    ),
    (
        "Olivia Chen",
        6,
        "People Partner",
        ContactRole.RECRUITER,
        "Scheduled my interviews",
        "olivia.chen@quillvale.example",
        "+44 20 5550 2211",
        None,
    ),
    (
        "Felix Wagner",
        None,
        "Analytics Manager",
        ContactRole.REFERENCE,
        "My manager at my last job",
        "felix.wagner@example.org",
        "+49 151 5550 4040",
        90,
    ),
    (
        "Mina Yilmaz",
        None,
        "Senior Data Scientist",
        ContactRole.REFERENCE,
        "Former teammate",
        "mina.yilmaz@example.org",
        "",
        None,
    ),
    (
        "Ruth Adler",
        6,
        "Editor",
        ContactRole.MUTUAL,
        "Friend from university; works at Quill & Vale",
        "ruth.adler@example.net",
        "",
        30,
    ),
    (
        "Kenji Sato",
        10,
        "Engineering Manager",
        ContactRole.MUTUAL,
        "Former colleague; now at Brightpath",
        "kenji@example.net",
        "",
        60,
    ),
    (
        "Laura Fischer",
        9,
        "Talent Acquisition",
        ContactRole.RECRUITER,
        "Recruiter for the clinical role",
        "laura.fischer@helixbio.example",
        "+41 61 555 0101",
        None,
    ),
    (
        "Noah Klein",
        7,
        "Operations Director",
        ContactRole.HIRING_MANAGER,
        "First interview",
        "noah@orchard.example",
        "",
        None,
    ),
    (
        "Isabel Duarte",
        None,
        "Career coach",
        ContactRole.OTHER,
        "Coach from the outplacement programme",
        "isabel@coachingco.example",
        "",
        14,
    ),
    (
        "Sam Park",
        10,
        "Data Analyst",
        ContactRole.INTERVIEWER,
        "Interview for the product data role",
        "sam.park@brightpath.example",
        "",
        None,
    ),
]

# (application index, contact index, role, connected)
LINKS = [
    (0, 0, ContactRole.RECRUITER, False),
    (0, 1, ContactRole.HIRING_MANAGER, False),
    (0, 2, ContactRole.INTERVIEWER, True),
    (0, 12, ContactRole.REFERENCE, False),
    (0, 13, ContactRole.REFERENCE, False),
    (1, 3, ContactRole.RECRUITER, False),
    (1, 4, ContactRole.INTERVIEWER, False),
    (2, 5, ContactRole.RECRUITER, False),
    (4, 8, ContactRole.RECRUITER, False),
    (6, 9, ContactRole.HIRING_MANAGER, False),
    (6, 10, ContactRole.INTERVIEWER, True),
    (6, 11, ContactRole.RECRUITER, False),
    (6, 14, ContactRole.MUTUAL, False),
    (9, 16, ContactRole.RECRUITER, False),
    (7, 17, ContactRole.HIRING_MANAGER, False),
    (15, 6, ContactRole.HIRING_MANAGER, False),
    (15, 7, ContactRole.RECRUITER, False),
    (22, 19, ContactRole.INTERVIEWER, True),
    (22, 15, ContactRole.MUTUAL, False),
]

REJECTION_WORDS = {
    0: ("We went with a candidate whose experience matched our roadmap more closely.", 0, "phone"),
    1: ("Thank you for your time; we have decided not to move forward.", 3, "email"),
    6: ("The panel enjoyed meeting you, but we have offered the role to someone else.", 11, "email"),
    15: ("", None, "portal"),
    22: ("We decided to go with an internal candidate.", None, "email"),
}


def stage_dates(applied: dt.datetime, path: list[str], days_ago: int) -> list[dt.datetime]:
    """Spread the stage moves from the application date; older applications made their last move earlier."""
    if len(path) == 1:
        return [applied]
    last_move_days_ago = max(1, days_ago // 4)
    span = max(days_ago - last_move_days_ago, len(path) - 1)
    step = span / (len(path) - 1)
    return [applied + dt.timedelta(days=round(i * step)) for i in range(len(path))]


@transaction.atomic
def load_demo(*, reset: bool = False) -> bool:
    User = get_user_model()
    existing = User.objects.filter(username=DEMO_USERNAME).first()
    if existing and not reset:
        return False
    if existing:
        Application.objects.filter(owner=existing).delete()
        existing.delete()
    user = User.objects.create_user(
        DEMO_USERNAME, "demo@example.com", DEMO_PASSWORD, first_name="Alex", last_name="Morgan"
    )
    profile = profile_for(user)
    profile.full_name = "Alex Morgan"
    profile.save()

    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    today = timezone.localdate()
    companies = [
        Company.objects.create(owner=user, name=name, website=site, location=place)
        for name, site, place in COMPANIES
    ]
    contacts = []
    for name, company, title, role, how, email, phone, cadence in CONTACTS:
        contacts.append(
            Contact.objects.create(
                owner=user,
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
        )

    applications = []
    for index, (company, role, source, days_ago, path, salary) in enumerate(APPLICATIONS):
        applied = now - dt.timedelta(days=days_ago)
        dates = stage_dates(applied, path, days_ago)
        application = Application(
            owner=user,
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

    add_interactions(user, applications, contacts, now)
    from nextround.playbook import demo as playbook_demo
    from nextround.playbook.services import sync_keep_in_touch

    for contact in contacts:
        sync_keep_in_touch(contact=contact)  # keep-in-touch reminders for the networking list
    add_follow_ups(user, applications, contacts, today)
    playbook_demo.add_progress(owner=user)
    return True


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
        FollowUp.objects.create(
            owner=user,
            title=title,
            due_on=today + dt.timedelta(days=offset),
            application=applications[app] if app is not None else None,
            contact=contacts[contact] if contact is not None else None,
        )
    FollowUp.objects.create(
        owner=user,
        title="Update LinkedIn headline",
        due_on=today - dt.timedelta(days=12),
        status="done",
        completed_at=timezone.now() - dt.timedelta(days=12),
    )
