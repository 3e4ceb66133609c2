from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from nextround.core.models import MAX_CADENCE_DAYS, MAX_SALARY, OwnedModel, at_most
from nextround.tracker.vocabulary import (
    ACTIVE_FOLLOW_UP,
    Channel,
    ContactRole,
    Direction,
    FollowUpOrigin,
    FollowUpStatus,
    InteractionKind,
    Source,
    Stage,
    WorkMode,
)


class Company(OwnedModel):
    name = models.CharField(max_length=200)
    website = models.URLField(blank=True, max_length=500)
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True, max_length=20000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [Lower("name"), "pk"]
        constraints = [
            models.UniqueConstraint(
                "owner",
                Lower("name"),
                name="company_name_unique_per_owner",
                violation_error_message="You already have a company with this name.",
            )
        ]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class Application(OwnedModel):
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="applications")
    role_title = models.CharField("role", max_length=200)
    posting_url = models.URLField("job posting", blank=True, max_length=1000)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.COMPANY_SITE)
    location = models.CharField(max_length=200, blank=True)
    work_mode = models.CharField("on site / remote", max_length=10, choices=WorkMode.choices, blank=True)
    salary_min = models.PositiveIntegerField(null=True, blank=True, validators=[at_most(MAX_SALARY)])
    salary_max = models.PositiveIntegerField(null=True, blank=True, validators=[at_most(MAX_SALARY)])
    salary_currency = models.CharField(
        "currency", max_length=3, blank=True, help_text="For example EUR or USD."
    )
    applied_on = models.DateField("date applied", null=True, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.APPLIED)
    stage_changed_at = models.DateTimeField()
    reference_checked = models.BooleanField(
        "reached reference checks",
        default=False,
        help_text="The employer contacted (or asked for) your references.",
    )
    notes = models.TextField(blank=True, max_length=20000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What the history comes to (`tracker/facts.py`), kept by the services whenever a stage change or a
    # message is recorded, so that the insights count rows instead of replaying every history. Not edited
    # by anyone and not exported: they are worked out again from the history.
    furthest_rank = models.SmallIntegerField(default=0, editable=False)
    sent_at = models.DateTimeField(null=True, editable=False)
    first_answer_at = models.DateTimeField(null=True, editable=False)
    decided_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering = ["-stage_changed_at", "-pk"]
        # "-id" matches the "-pk" tie-breaker, so lists and board columns read in index order and stop early.
        indexes = [
            models.Index(fields=["owner", "stage", "-stage_changed_at", "-id"]),
            models.Index(fields=["owner", "-stage_changed_at", "-id"]),
            # The insights page picks applications by the day they were sent and counts them by their
            # facts: covering, so the counts read this index alone, never the wide rows.
            models.Index(
                fields=[
                    "owner",
                    "applied_on",
                    "stage",
                    "source",
                    "furthest_rank",
                    "sent_at",
                    "first_answer_at",
                    "decided_at",
                ],
                name="application_insights",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=F("salary_max")),
                name="salary_range_ordered",
                violation_error_message="The lowest salary must not be above the highest.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.role_title} at {self.company.name}"


class StageChange(OwnedModel):
    """One move of an application from a stage to another, dated when it happened (may be backdated)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_at = models.DateTimeField()
    what_was_said = models.TextField(blank=True, max_length=10000)
    told_by = models.ForeignKey(
        "Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="stage_changes_told"
    )
    told_via = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["owner", "to_stage", "-changed_at"])]

    def __str__(self) -> str:
        return f"{self.get_from_stage_display() or 'new'} → {self.get_to_stage_display()}"


class Contact(OwnedModel):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True, max_length=254)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = models.URLField("LinkedIn URL", blank=True, max_length=500)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts"
    )
    title = models.CharField("job title", max_length=200, blank=True)
    role = models.CharField(
        "their role for you", max_length=20, choices=ContactRole.choices, default=ContactRole.OTHER
    )
    how_we_know = models.CharField("how you know them", max_length=300, blank=True)
    notes = models.TextField(blank=True, max_length=20000)
    keep_in_touch = models.BooleanField("on my networking list", default=False)
    keep_in_touch_days = models.PositiveSmallIntegerField(
        "keep in touch every (days)",
        null=True,
        blank=True,
        help_text="For example 30 for once a month.",
        validators=[at_most(MAX_CADENCE_DAYS, "days (ten years)")],
    )
    linkedin_connected_on = models.DateField("LinkedIn connection since", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("name"), "pk"]
        indexes = [
            # The contact list's order, so a page of 25 reads 25 index entries instead of sorting them all.
            models.Index(F("owner"), Lower("name"), F("id"), name="contact_owner_name_idx"),
            # Partial: Django writes `WHERE keep_in_touch` for True, which SQLite can only match to a
            # partial index (a plain (owner, keep_in_touch) index scans every contact of the owner).
            models.Index(fields=["owner"], condition=Q(keep_in_touch=True), name="contact_networking_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(keep_in_touch=False) | Q(keep_in_touch_days__gte=1),
                name="keep_in_touch_needs_cadence",
                violation_error_message="Say how often you want to keep in touch (in days).",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ApplicationContact(OwnedModel):
    """A contact's part in one application (the same person can play a role in several)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="application_links")
    role = models.CharField(max_length=20, choices=ContactRole.choices)
    connected = models.BooleanField("we connected", default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                "application",
                "contact",
                name="contact_once_per_application",
                violation_error_message="This contact is already linked to the application.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact} ({self.get_role_display()})"


class Interaction(OwnedModel):
    kind = models.CharField(max_length=10, choices=InteractionKind.choices, default=InteractionKind.NOTE)
    direction = models.CharField(max_length=3, choices=Direction.choices, blank=True)
    occurred_at = models.DateTimeField("when")
    summary = models.TextField(max_length=20000)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="interactions"
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="interactions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["owner", "-occurred_at"]),
            # The insights page finds each application's first message from the employer.
            models.Index(
                fields=["owner", "direction", "application", "occurred_at"], name="interaction_incoming"
            ),
            # ... and counts the people the user wrote to per week (covering: 26 ms -> 4 ms at 100,000).
            models.Index(fields=["owner", "direction", "occurred_at"], name="interaction_outgoing"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_at:%Y-%m-%d}"


class FollowUp(OwnedModel):
    title = models.CharField("what to do", max_length=300)
    notes = models.TextField(blank=True, max_length=10000)
    due_on = models.DateField("due")
    status = models.CharField(max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    origin = models.CharField(max_length=20, choices=FollowUpOrigin.choices, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_FOLLOW_UP


class ChecklistItem(OwnedModel):
    """An item on an application's interview-preparation checklist."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="checklist")
    text = models.CharField(max_length=500)
    done = models.BooleanField(default=False)
    # Non-empty for items nextround adds itself, so that adding them again is a no-op.
    key = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                "application", "key", condition=~Q(key=""), name="checklist_key_once_per_application"
            )
        ]

    def __str__(self) -> str:
        return self.text
