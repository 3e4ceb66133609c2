"""Each plan's debrief numbers, kept on its row: the running totals the insights sum per period.

The insights' debrief ("what you did with your rejections") counted every step and every log of the period's
plans on each view: thousands of rows in a big search. The playbook keeps those counts on the plan instead,
recomputed from the plan's own steps and logs inside the writing transaction whenever a step's status, a log
or the plan's steps change (`refresh_plan_facts`), so a backdated or deleted log comes out as a fresh count
would. What each number means is `insights.debrief.debrief`'s definition; a test compares both on random
plans.
"""

from collections.abc import Iterable

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from nextround.playbook.vocabulary import Outcome, StepKind, StepStatus
from nextround.tracker.vocabulary import InteractionKind

BATCH = 500
DONE = Q(status=StepStatus.DONE)
# The plan's fields, each a count over its steps (`PlanStep`) or over its steps' logs (`StepLog`).
STEP_COUNTS = {
    "steps_total": Q(),
    "steps_done": DONE,
    "steps_skipped": Q(status=StepStatus.SKIPPED),
    "references_debriefed": DONE & Q(kind=StepKind.REFERENCE),
    "networking_added": DONE & Q(kind=StepKind.NETWORK),
}
LOG_COUNTS = {
    # Every call logged counts, even one nobody picked up: the user made it.
    "calls": Q(interaction__kind=InteractionKind.CALL),
    "declined": Q(outcome=Outcome.DECLINED),
    "feedback": Q(outcome=Outcome.FEEDBACK),
    "referrals": Q(outcome=Outcome.REFERRAL),
}
FIELDS = (*STEP_COUNTS, *LOG_COUNTS)


def fact_values(step_model, log_model) -> dict:
    """The expressions an UPDATE of plans sets its facts to (the models are passed in so that the migration
    that fills the facts in can use its own)."""

    def counted(model, plan: str, where: Q) -> Coalesce:
        rows = model.objects.filter(where, **{plan: OuterRef("pk")}).order_by().values(plan)
        count = Subquery(rows.annotate(count=Count("pk")).values("count"), output_field=IntegerField())
        return Coalesce(count, Value(0))

    return {
        **{name: counted(step_model, "plan_id", where) for name, where in STEP_COUNTS.items()},
        **{name: counted(log_model, "step__plan_id", where) for name, where in LOG_COUNTS.items()},
    }


def refresh_plan_facts(*, plan_ids: Iterable[int]) -> None:
    """Recompute these plans' facts from their steps and logs (inside the writing transaction)."""
    from nextround.playbook.models import Plan, PlanStep, StepLog

    ids = sorted(set(plan_ids))
    values = fact_values(PlanStep, StepLog)
    for start in range(0, len(ids), BATCH):
        batch = Plan.objects.filter(pk__in=ids[start : start + BATCH])
        # Locked first, so that the counting statement starts after any other writer of these plans has
        # committed and sees its steps and logs (PostgreSQL; SQLite lets one writer in at a time anyway).
        list(batch.select_for_update().order_by("pk").values_list("pk", flat=True))
        batch.update(**values)
