"""Reads the tracker pages need; each makes a fixed number of queries whatever the number of rows."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from nextround.core import versions
from nextround.tracker.matching import CompanyIndex
from nextround.tracker.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    FollowUp,
    Interaction,
    StageChange,
)
from nextround.tracker.vocabulary import (
    ACTIVE_FOLLOW_UP,
    CLOSED_STAGES,
    FollowUpOrigin,
    FollowUpStatus,
    Stage,
)

# Pages show the first few of a long list and link to the rest: a page of 200 cards helps nobody.
# Each board lane shows its newest cards and links to the whole stage in the list (docs/decisions.md).
BOARD_CARDS_PER_STAGE = 6
BOARD_CLOSED_CARDS = 2  # the closed stages share one lane and show their latest few
BOARD_CARD_FIELDS = ("role_title", "stage", "stage_changed_at", "company__name")  # what a card shows
DASHBOARD_FOLLOW_UPS = 12
KEEP_IN_TOUCH_SHOWN = 10
# The follow-up list's filters: still to do (open or snoozed), done, dismissed, or all of them.
ACTIVE = "active"
FOLLOW_UP_FILTERS = [
    (ACTIVE, "To do"),
    (FollowUpStatus.DONE, FollowUpStatus.DONE.label),
    (FollowUpStatus.DISMISSED, FollowUpStatus.DISMISSED.label),
    ("", "All"),
]
# Contact pickers on an application's page offer its own people plus this many others: a <select> of
# 30,000 names takes seconds to render and nobody scrolls it; a search narrows the others instead.
CONTACT_OPTIONS = 100
STAGE_COUNTS_SECONDS = 24 * 3600


def stage_counts(owner) -> dict[str, int]:
    """Applications per stage. Counting reads every application (the part of the board and the dashboard
    that grew with the search), so the counts are kept in the cache under the user's data version, which
    every write changes (`core.versions`): counted once per change, not once per page."""
    return versions.cached(owner, "stage-counts", lambda: _count_stages(owner), seconds=STAGE_COUNTS_SECONDS)


def _count_stages(owner) -> dict[str, int]:
    rows = Application.objects.filter(owner=owner).values_list("stage").annotate(n=Count("pk")).order_by()
    counts = dict.fromkeys(Stage.values, 0)
    counts.update(dict(rows))
    return counts


def active_follow_ups(owner) -> QuerySet:
    return FollowUp.objects.filter(owner=owner, status__in=ACTIVE_FOLLOW_UP).select_related(
        "application__company", "contact"
    )


@dataclass
class Dashboard:
    overdue: list
    due_today: list
    upcoming: list
    due_count: int  # all follow-ups due by the end of next week, of which the lists above show the first
    recent_rejections: list
    keep_in_touch: list  # due keep-in-touch reminders (FollowUp rows with their contact)
    counts: dict
    total: int = field(init=False)

    def __post_init__(self):
        self.total = sum(self.counts.values())

    @property
    def hidden_due(self) -> int:
        """Follow-ups due by next week that the dashboard does not list (the Follow-ups page has them)."""
        return self.due_count - len(self.overdue) - len(self.due_today) - len(self.upcoming)

    @property
    def stage_rows(self) -> list[tuple[str, str, int]]:
        return [(value, label, self.counts[value]) for value, label in Stage.choices]


def dashboard(owner, today: dt.date) -> Dashboard:
    # Keep-in-touch reminders (kept at each contact's cadence by the playbook) have their own section.
    reminders = (
        active_follow_ups(owner)
        .filter(origin=FollowUpOrigin.KEEP_IN_TOUCH)
        .select_related("contact__company")
    )
    window = (
        active_follow_ups(owner)
        .exclude(origin=FollowUpOrigin.KEEP_IN_TOUCH)
        .filter(due_on__lte=today + dt.timedelta(days=7))
    )
    due = list(window.order_by("due_on", "pk")[:DASHBOARD_FOLLOW_UPS])
    due_count = window.count()
    # Pick the 8 from the index alone, then join only those: a busy month has hundreds of rejections.
    latest = StageChange.objects.filter(
        owner=owner,
        to_stage__in=(Stage.REJECTED, Stage.GHOSTED),
        changed_at__gte=start_of(today - dt.timedelta(days=30)),
    ).order_by("-changed_at", "-pk")
    recent = list(
        StageChange.objects.filter(pk__in=latest.values("pk")[:8])
        .select_related("application__company", "told_by")
        .order_by("-changed_at", "-pk")
    )
    return Dashboard(
        overdue=[f for f in due if f.due_on < today],
        due_today=[f for f in due if f.due_on == today],
        upcoming=[f for f in due if f.due_on > today],
        due_count=due_count,
        recent_rejections=recent,
        keep_in_touch=list(
            reminders.filter(due_on__lte=today).order_by("due_on", "pk")[:KEEP_IN_TOUCH_SHOWN]
        ),
        counts=stage_counts(owner),
    )


def start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the current time zone: `changed_at >= start_of(day)` means
    `changed_at__date >= day` but can use an index instead of converting every row's date."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def matching_words(queryset: QuerySet, q: str, fields: tuple[str, ...]) -> QuerySet:
    """Rows where every word of the search (the first five) appears in one of `fields`, in any case."""
    for word in q.split()[:5]:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def filtered_follow_ups(owner, *, status: str = ACTIVE) -> QuerySet:
    follow_ups = FollowUp.objects.filter(owner=owner).select_related("application__company", "contact")
    if status == ACTIVE:
        return follow_ups.filter(status__in=ACTIVE_FOLLOW_UP).order_by("due_on", "pk")
    if status:
        follow_ups = follow_ups.filter(status=status)
    return follow_ups.order_by("-due_on", "-pk")


def filtered_applications(owner, *, q: str = "", stage: str = "", source: str = "") -> QuerySet:
    applications = Application.objects.filter(owner=owner).select_related("company")
    if stage == "active":
        applications = applications.exclude(stage__in=CLOSED_STAGES)
    elif stage:
        applications = applications.filter(stage=stage)
    if source:
        applications = applications.filter(source=source)
    applications = matching_words(applications, q, ("role_title", "company__name", "notes", "location"))
    return applications.order_by("-stage_changed_at", "-pk")


def board(owner) -> list[dict]:
    """Each stage's count and its latest cards (BOARD_CARDS_PER_STAGE, or BOARD_CLOSED_CARDS for a closed
    stage), in one query after the counts: each column's share picked through its own index by a
    sub-query."""
    counts = stage_counts(owner)
    latest = Application.objects.filter(owner=owner).order_by("-stage_changed_at", "-pk").values("pk")
    picked = Q()
    for value in Stage.values:
        if counts[value]:
            shown = BOARD_CLOSED_CARDS if value in CLOSED_STAGES else BOARD_CARDS_PER_STAGE
            picked |= Q(pk__in=latest.filter(stage=value)[:shown])
    cards: dict[str, list] = {value: [] for value in Stage.values}
    if picked:
        for application in (
            Application.objects.filter(picked)
            .select_related("company")
            .only(*BOARD_CARD_FIELDS)  # a card shows these; the notes and the rest stay in the database
            .order_by("-stage_changed_at", "-pk")
        ):
            cards[application.stage].append(application)
    return [
        {
            "stage": value,
            "label": label,
            "count": counts[value],
            "cards": cards[value],
            "more": counts[value] - len(cards[value]),
        }
        for value, label in Stage.choices
    ]


def application_detail(application: Application) -> dict:
    changes = list(application.stage_changes.select_related("told_by"))
    interactions = list(application.interactions.prefetch_related("contacts"))
    follow_ups = list(application.follow_ups.select_related("contact").order_by("due_on", "pk"))
    links = list(application.contact_links.select_related("contact__company"))
    timeline = [("stage", c.changed_at, c) for c in changes] + [
        ("interaction", i.occurred_at, i) for i in interactions
    ]
    timeline.sort(key=lambda entry: entry[1], reverse=True)
    return {
        "timeline": timeline,
        "follow_ups": follow_ups,
        "contact_links": links,
        "checklist": list(application.checklist.all()),
    }


def contact_options(owner, application: Application, *, q: str = "") -> QuerySet:
    """Contacts to offer on `application`'s page: those at its company or linked to it, and the most
    recently added others (those matching `q` when given), at most CONTACT_OPTIONS of them; by name."""
    others = matching_words(Contact.objects.filter(owner=owner), q, ("name", "company__name", "email"))
    linked = ApplicationContact.objects.filter(owner=owner, application=application).values("contact_id")
    # IN over sub-queries (not joins) so that nobody appears twice and no DISTINCT is needed; each branch
    # checks the owner through its own index, so no branch scans every contact (see StageForm).
    return (
        Contact.objects.filter(
            Q(company_id=application.company_id, company__owner=owner)
            | Q(pk__in=linked)
            | Q(pk__in=others.order_by("-pk").values("pk")[:CONTACT_OPTIONS])
        )
        .select_related("company")
        .order_by(Lower("name"), "pk")
    )


def recent_or_chosen(queryset: QuerySet, chosen: list[int], order_by: tuple[str, ...]) -> QuerySet:
    """The CONTACT_OPTIONS most recently added rows of `queryset` plus those in `chosen`, for a picker.

    A picker of 30,000 imported connections takes seconds to draw and nobody scrolls it; the form still
    accepts any of the user's rows, this only bounds what is drawn.
    """
    recent = queryset.order_by("-pk").values("pk")[:CONTACT_OPTIONS]
    return queryset.filter(Q(pk__in=recent) | Q(pk__in=chosen)).order_by(*order_by)


def filtered_contacts(owner, *, q: str = "", role: str = "", keep_in_touch: bool = False) -> QuerySet:
    contacts = Contact.objects.filter(owner=owner).select_related("company")
    if role:
        contacts = contacts.filter(role=role)
    if keep_in_touch:
        contacts = contacts.filter(keep_in_touch=True)
    return matching_words(contacts, q, ("name", "company__name", "title", "email"))


def contact_detail(contact: Contact) -> dict:
    interactions = list(
        contact.interactions.select_related("application__company").prefetch_related("contacts")
    )
    links = list(contact.application_links.select_related("application__company"))
    follow_ups = list(
        contact.follow_ups.filter(status__in=ACTIVE_FOLLOW_UP).select_related("application__company")
    )
    return {"interactions": interactions, "application_links": links, "follow_ups": follow_ups}


def contacts_at_company(*, owner, company) -> list[Contact]:
    """People you know at a company: your contacts there, or at a company whose name is the same employer
    written differently ("ACME" and "Acme Inc.", common once LinkedIn connections are imported); by name,
    in two queries."""
    index = CompanyIndex(Company.objects.filter(owner=owner).values_list("name", "pk").order_by("pk"))
    ids = sorted({company.pk, *index.find_all(company.name)})
    contacts = Contact.objects.filter(owner=owner, company_id__in=ids).select_related("company")
    return list(contacts.order_by("name", "pk"))


def company_list(owner) -> QuerySet:
    return (
        Company.objects.filter(owner=owner)
        .annotate(
            application_count=Count("applications", distinct=True),
            contact_count=Count("contacts", distinct=True),
        )
        .order_by(Lower("name"), "pk")
    )


def recent_interactions(owner, limit: int = 50) -> list[Interaction]:
    return list(
        Interaction.objects.filter(owner=owner)
        .select_related("application__company")
        .prefetch_related(Prefetch("contacts", queryset=Contact.objects.only("pk", "name")))[:limit]
    )
