from django.db import models

from nextround.core.models import OwnedModel
from nextround.playbook.vocabulary import Outcome, PlanKind, StepChannel, StepStatus


class Plan(OwnedModel):
    """The debrief plan of one application (one plan per application, whatever happens to it later)."""

    application = models.OneToOneField("tracker.Application", on_delete=models.CASCADE, related_name="plan")
    kind = models.CharField(max_length=10, choices=PlanKind.choices)
    # When the rejection came (or the silence was recorded); due dates count from here.
    decided_at = models.DateTimeField()
    upset = models.BooleanField("I'm upset, give me a day", default=False)
    went_well = models.TextField("what went well", blank=True, max_length=5000)
    do_differently = models.TextField("what I would do differently", blank=True, max_length=5000)
    learned = models.TextField("what I learned", blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    refreshed_at = models.DateTimeField(auto_now=True)
    # What was done with it, counted over its steps and logs and kept by `services/facts.py` whenever they
    # change, so the insights sum these per period instead of counting every step and log.
    steps_total = models.PositiveIntegerField(default=0, editable=False)
    steps_done = models.PositiveIntegerField(default=0, editable=False)
    steps_skipped = models.PositiveIntegerField(default=0, editable=False)
    references_debriefed = models.PositiveIntegerField(default=0, editable=False)
    networking_added = models.PositiveIntegerField(default=0, editable=False)
    calls = models.PositiveIntegerField(default=0, editable=False)
    declined = models.PositiveIntegerField(default=0, editable=False)
    feedback = models.PositiveIntegerField(default=0, editable=False)
    referrals = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        # The insights count plans by kind in a period (covering).
        indexes = [models.Index(fields=["owner", "decided_at", "kind"], name="plan_insights")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} plan for {self.application}"


class PlanStep(OwnedModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    # Stable per plan ("thank_you", "interviewer:12"), so regenerating updates a step instead of adding one.
    key = models.CharField(max_length=60)
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    why = models.TextField(max_length=2000)
    due_on = models.DateField("due")
    contact = models.ForeignKey(
        "tracker.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_steps"
    )
    channel = models.CharField(max_length=10, choices=StepChannel.choices)
    status = models.CharField(max_length=10, choices=StepStatus.choices, default=StepStatus.TODO)
    # The generated words, refreshed with the plan, and the user's own edit (blank = use the generated one).
    subject = models.CharField(max_length=300, blank=True)
    generated_draft = models.TextField(blank=True, max_length=10000)
    draft = models.TextField(blank=True, max_length=10000)
    script = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "position", "pk"]
        constraints = [models.UniqueConstraint("plan", "key", name="plan_step_key_once_per_plan")]
        indexes = [
            models.Index(fields=["owner", "status", "due_on"]),
            # Steps of one kind (the pending in-interview questions when a plan is refreshed, reflections).
            models.Index(fields=["owner", "kind", "channel", "status"], name="plan_step_insights"),
            # The insights count the steps done each week (covering: the table is not read).
            models.Index(fields=["owner", "status", "completed_at", "kind"], name="plan_step_done_weekly"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def text(self) -> str:
        """The words to send: the user's edit if there is one, else the generated draft."""
        return self.draft or self.generated_draft

    @property
    def is_open(self) -> bool:
        return self.status == StepStatus.TODO

    @property
    def edited(self) -> bool:
        return bool(self.draft) and self.draft != self.generated_draft


class StepLog(OwnedModel):
    """What happened when the user did a step: the timeline interaction, and any feedback heard."""

    step = models.ForeignKey(PlanStep, on_delete=models.CASCADE, related_name="logs")
    interaction = models.ForeignKey(
        "tracker.Interaction", null=True, blank=True, on_delete=models.SET_NULL, related_name="step_logs"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    words = models.TextField("what they said", blank=True, max_length=10000)
    said_by = models.ForeignKey(
        "tracker.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="step_logs_said"
    )
    tags = models.JSONField(default=list, blank=True)
    questions_asked = models.TextField("questions they were asked", blank=True, max_length=10000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for {self.step}"
