"""Fill one user's tracker with a large, realistic job search, fast (bulk inserts, no services).

Reusable by any benchmark that needs volume::

    from bench.fill import fill
    counts = fill(user, applications=10_000, contacts=30_000, interactions=100_000, seed=1)

Django must already be set up and migrated. The data is varied the way a real search is: every stage,
a stage history that follows a believable path, companies with several applications, contacts linked
to applications, interactions with one to three contacts, follow-ups overdue, due today, upcoming and
done, a networking list with cadences, and checklists on interviews. Dates are relative to now, so the
dashboard always has something due. The same seed gives the same data.

It skips the services on purpose: they run the playbook and validation per row, which is what makes a
human-sized search safe but would take minutes for 10,000 applications. Rows are still valid (the model
constraints hold) because the values are drawn from the models' own choices.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from nextround.tracker.models import (
    Application,
    ApplicationContact,
    ChecklistItem,
    Company,
    Contact,
    FollowUp,
    Interaction,
    StageChange,
)
from nextround.tracker.services.facts import refresh_facts
from nextround.tracker.vocabulary import (
    Channel,
    ContactRole,
    Direction,
    FollowUpStatus,
    InteractionKind,
    Source,
    Stage,
    WorkMode,
)

BATCH = 2000

# Final stage -> weight; a long search is mostly closed applications, with a few dozen in flight.
FINAL_STAGES = {
    Stage.SAVED: 3,
    Stage.APPLIED: 12,
    Stage.SCREENING: 5,
    Stage.INTERVIEWING: 4,
    Stage.OFFER: 1,
    Stage.ACCEPTED: 0.2,
    Stage.REJECTED: 45,
    Stage.WITHDRAWN: 5,
    Stage.GHOSTED: 25,
}
IN_FLIGHT = (Stage.SAVED, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER)
IN_FLIGHT_DAYS = 60
CLOSED_LATE = [Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN]
# The networking list is people you chose to keep in touch with on a cadence: about 150 of 30,000
# contacts. (The dashboard's keep-in-touch check costs about 20 µs per person on the list.)
NETWORKING_SHARE = 0.005
# The furthest an application got before it closed, for closed stages.
CLOSED_AFTER = [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER]
FUNNEL = [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER]

PREFIXES = [
    "North",
    "Blue",
    "Lark",
    "Cobalt",
    "Meridian",
    "Tide",
    "Quill",
    "Orchard",
    "Saffron",
    "Helix",
    "Bright",
    "Kestrel",
    "Silver",
    "Granite",
    "Copper",
    "Willow",
    "Harbor",
    "Summit",
    "Cedar",
    "Aurora",
]
SUFFIXES = [
    "wind",
    "fin",
    "spur",
    "ledger",
    "maps",
    "water",
    "vale",
    "works",
    "foods",
    "bio",
    "path",
    "labs",
    "systems",
    "health",
    "energy",
    "logistics",
    "media",
    "robotics",
    "finance",
    "cloud",
]
KINDS = ["Analytics", "Software", "Consulting", "Group", "GmbH", "Ltd", "Inc", "Partners", "Studio", "Co"]
CITIES = [
    "Berlin",
    "Munich",
    "Hamburg",
    "Amsterdam",
    "Rotterdam",
    "London",
    "Leipzig",
    "Cologne",
    "Basel",
    "Vienna",
    "Paris",
    "Lisbon",
    "Remote (EU)",
    "Remote",
    "Zurich",
    "Copenhagen",
]
LEVELS = ["", "", "Junior ", "Senior ", "Lead ", "Principal ", "Staff "]
ROLES = [
    "Data Analyst",
    "Product Analyst",
    "Analytics Engineer",
    "BI Developer",
    "Data Scientist",
    "Backend Engineer",
    "Frontend Developer",
    "Product Manager",
    "UX Researcher",
    "Operations Analyst",
    "Pricing Analyst",
    "Risk Analyst",
    "Marketing Analyst",
    "Data Engineer",
    "Platform Engineer",
]
TEAMS = [
    "",
    "",
    "",
    ", Growth",
    ", Payments",
    ", Platform",
    ", Supply Chain",
    ", Customer Insights",
    ", Risk",
]
FIRST = [
    "Hannah",
    "Jonas",
    "Amira",
    "Lukas",
    "Sofia",
    "Mateo",
    "Lea",
    "Noah",
    "Mia",
    "Elias",
    "Emma",
    "Ben",
    "Zoe",
    "Yusuf",
    "Ines",
    "Tomasz",
    "Priya",
    "Kenji",
    "Aisha",
    "Oskar",
    "Nora",
    "Felix",
    "Chloe",
    "Omar",
]
LAST = [
    "Becker",
    "Richter",
    "Haddad",
    "Brandt",
    "Marino",
    "Silva",
    "Novak",
    "Jensen",
    "Okafor",
    "Schmidt",
    "Dubois",
    "Rossi",
    "Kowalski",
    "Nakamura",
    "Patel",
    "Larsen",
    "Moreau",
    "Weber",
    "Costa",
    "Yilmaz",
]
TITLES = {
    ContactRole.RECRUITER: ["Recruiter", "Talent Acquisition Partner", "Technical Recruiter"],
    ContactRole.HIRING_MANAGER: ["Head of Analytics", "Engineering Manager", "Director of Data"],
    ContactRole.INTERVIEWER: ["Senior Analyst", "Staff Engineer", "Product Manager", "Data Scientist"],
    ContactRole.REFERENCE: ["Former manager", "Former colleague"],
    ContactRole.MUTUAL: ["Friend from university", "Meetup organiser", "Former colleague"],
    ContactRole.OTHER: ["Career coach", "Alumni contact"],
}
SAID = [
    "We went with a candidate with more domain experience.",
    "The role was put on hold.",
    "Strong interview; another candidate was a closer fit.",
    "",
    "",
    "We decided to move forward with others.",
]
SUMMARIES = [
    "Phone screen about the role and salary range.",
    "Sent a thank-you note after the interview.",
    "Asked for feedback on the decision.",
    "Coffee chat about their team.",
    "Followed up on my application.",
    "Shared the case study I prepared.",
    "Talked about a possible referral.",
    "Notes from the panel interview.",
]
FOLLOW_UPS = [
    "Follow up on the application",
    "Send a thank-you note",
    "Ask for feedback",
    "Check in with the recruiter",
    "Prepare for the next interview",
]
CHECKLIST = ["Research the team", "Prepare three stories", "Questions to ask", "Review the job posting"]


def _path(final: str, rng: random.Random) -> list[str]:
    """A believable stage path ending at `final`, e.g. applied -> screening -> rejected."""
    if final == Stage.SAVED:
        return [Stage.SAVED]
    if final in FUNNEL:
        return FUNNEL[: FUNNEL.index(final) + 1]
    if final == Stage.ACCEPTED:
        return FUNNEL + [Stage.ACCEPTED]
    furthest = rng.choices(CLOSED_AFTER, weights=[6, 3, 2, 0.3])[0]
    if final == Stage.GHOSTED:
        furthest = rng.choice(CLOSED_AFTER[:2])
    return FUNNEL[: FUNNEL.index(furthest) + 1] + [final]


def _bulk(model, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH)


@transaction.atomic
def fill(
    user,
    *,
    applications: int = 10_000,
    contacts: int | None = None,
    interactions: int | None = None,
    seed: int = 0,
    days: int = 730,
) -> dict[str, int]:
    """Add `applications` applications (and by default 3 contacts and 10 interactions per application).

    Returns how many rows of each kind it added. Spread over the last `days` days, most recent densest.
    """
    rng = random.Random(seed)
    contacts = applications * 3 if contacts is None else contacts
    interactions = applications * 10 if interactions is None else interactions
    now = timezone.now()
    today = timezone.localdate()

    def moment(max_days: float) -> dt.datetime:
        # Skewed towards the present: a search has more recent activity than old.
        return now - dt.timedelta(days=max_days * rng.random() ** 1.6, minutes=rng.randrange(600))

    # Companies: about one per three applications, names unique per user (a constraint).
    n_companies = max(5, applications // 3)
    companies = _bulk(
        Company,
        [
            Company(
                owner=user,
                name=f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)} {rng.choice(KINDS)} {i}",
                website=f"https://company{i}.example",
                location=rng.choice(CITIES),
            )
            for i in range(n_companies)
        ],
    )

    # Applications with their stage paths; the last change date is the application's stage_changed_at.
    finals = rng.choices(list(FINAL_STAGES), weights=list(FINAL_STAGES.values()), k=applications)
    apps, paths = [], []
    for final in finals:
        started = moment(days)
        if final in IN_FLIGHT and now - started > dt.timedelta(days=IN_FLIGHT_DAYS):
            # Nothing stays "applied" for a year: old applications have closed one way or another.
            final = rng.choices(CLOSED_LATE, weights=[45, 25, 5])[0]
        path = _path(final, rng)
        steps = [started]
        for _ in path[1:]:
            steps.append(min(now, steps[-1] + dt.timedelta(days=rng.uniform(1, 14))))
        low = rng.choice([None, None, 45000, 55000, 65000, 75000])
        apps.append(
            Application(
                owner=user,
                company=rng.choice(companies),
                role_title=f"{rng.choice(LEVELS)}{rng.choice(ROLES)}{rng.choice(TEAMS)}",
                posting_url=rng.choice(["", f"https://jobs.example/{rng.randrange(10**6)}"]),
                source=rng.choice(Source.values),
                location=rng.choice(CITIES),
                work_mode=rng.choice(WorkMode.values + [""]),
                salary_min=low,
                salary_max=low + rng.choice([5000, 10000, 15000]) if low else None,
                salary_currency="EUR" if low else "",
                applied_on=None if final == Stage.SAVED else started.date(),
                stage=final,
                stage_changed_at=steps[-1],
                reference_checked=final in (Stage.OFFER, Stage.ACCEPTED)
                or (final == Stage.REJECTED and rng.random() < 0.03),
                notes=rng.choice(
                    ["", "", "Team of six; hybrid two days a week.", "Referred by a former colleague."]
                ),
            )
        )
        paths.append(list(zip(path, steps, strict=True)))
    apps = _bulk(Application, apps)

    # Contacts: mostly at a company; a few on the networking list with a cadence.
    people = []
    for i in range(contacts):
        role = rng.choices(ContactRole.values, weights=[4, 2, 4, 0.5, 1, 0.5])[0]
        keep = rng.random() < NETWORKING_SHARE
        first, last = rng.choice(FIRST), rng.choice(LAST)
        people.append(
            Contact(
                owner=user,
                name=f"{first} {last}",
                email=f"{first}.{last}{i}@example.com".lower(),
                phone=rng.choice(["", "", f"+49 30 555 {i % 10000:04d}"]),
                company=rng.choice(companies) if rng.random() < 0.85 else None,
                title=rng.choice(TITLES[role]),
                role=role,
                keep_in_touch=keep,
                keep_in_touch_days=rng.choice([14, 30, 60, 90]) if keep else None,
            )
        )
    people = _bulk(Contact, people)
    by_company: dict[int, list[Contact]] = {}
    for person in people:
        if person.company_id:
            by_company.setdefault(person.company_id, []).append(person)

    # Stage history and contact links, per application.
    changes, links = [], []
    for app, path in zip(apps, paths, strict=True):
        staff = by_company.get(app.company_id, [])
        previous = ""
        for stage, at in path:
            closing = stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN)
            told_by = rng.choice(staff) if closing and staff and rng.random() < 0.6 else None
            changes.append(
                StageChange(
                    owner=user,
                    application=app,
                    from_stage=previous,
                    to_stage=stage,
                    changed_at=at,
                    what_was_said=rng.choice(SAID) if stage == Stage.REJECTED else "",
                    told_by=told_by,
                    told_via=rng.choice(Channel.values) if closing else "",
                )
            )
            previous = stage
        for person in rng.sample(staff, min(len(staff), rng.randint(0, 3))):
            links.append(
                ApplicationContact(
                    owner=user,
                    application=app,
                    contact=person,
                    role=person.role,
                    connected=rng.random() < 0.3,
                )
            )
    _bulk(StageChange, changes)
    _bulk(ApplicationContact, links)

    # Interactions: most about an application, each with one to three contacts (the M2M through rows).
    logged = _bulk(
        Interaction,
        [
            Interaction(
                owner=user,
                kind=rng.choice(InteractionKind.values),
                direction=rng.choice(Direction.values),
                occurred_at=moment(days),
                summary=rng.choice(SUMMARIES),
                application=rng.choice(apps) if rng.random() < 0.8 else None,
            )
            for _ in range(interactions)
        ],
    )
    through = Interaction.contacts.through
    pairs = []
    for interaction in logged:
        for person in rng.sample(people, min(len(people), rng.randint(1, 3))):
            pairs.append(through(interaction_id=interaction.pk, contact_id=person.pk))
    _bulk(through, pairs)

    # Follow-ups: one per in-flight application plus a share of old, finished ones; keep-in-touch ones too.
    follow_ups = []
    for app in apps:
        active = app.stage not in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN, Stage.ACCEPTED)
        if not active and rng.random() > 0.3:
            continue
        status = (
            rng.choice([FollowUpStatus.OPEN, FollowUpStatus.OPEN, FollowUpStatus.SNOOZED])
            if active
            else (rng.choice([FollowUpStatus.DONE, FollowUpStatus.DISMISSED]))
        )
        due = today + dt.timedelta(days=rng.randint(-10, 20) if active else -rng.randint(1, 600))
        follow_ups.append(
            FollowUp(
                owner=user,
                title=rng.choice(FOLLOW_UPS),
                due_on=due,
                status=status,
                application=app,
                completed_at=None if active else now - dt.timedelta(days=(today - due).days),
            )
        )
    for person in people:
        if person.keep_in_touch and rng.random() < 0.5:
            follow_ups.append(
                FollowUp(
                    owner=user,
                    title=f"Keep in touch with {person.name}",
                    contact=person,
                    origin="keep_in_touch",
                    due_on=today + dt.timedelta(days=rng.randint(-5, 30)),
                    status=FollowUpStatus.OPEN,
                )
            )
    _bulk(FollowUp, follow_ups)

    checklist = [
        ChecklistItem(owner=user, application=app, text=text, done=rng.random() < 0.5)
        for app in apps
        if app.stage in (Stage.INTERVIEWING, Stage.OFFER)
        for text in rng.sample(CHECKLIST, 2)
    ]
    _bulk(ChecklistItem, checklist)
    # The facts the tracker's services keep on each application, worked out from the history written above.
    refresh_facts(application_ids=[app.pk for app in apps])

    return {
        "companies": len(companies),
        "applications": len(apps),
        "stage_changes": len(changes),
        "contacts": len(people),
        "contact_links": len(links),
        "interactions": len(logged),
        "interaction_contacts": len(pairs),
        "follow_ups": len(follow_ups),
        "checklist_items": len(checklist),
    }
