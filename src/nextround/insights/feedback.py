"""The feedback themes: counted by the database, with only the quotes the page draws read in full.

A theme shows its 10 most recent quotes and counts every log that mentions it. The database counts the logs
per tag list (a few dozen different lists, however many logs); then the logs are read newest first,
id and tags only, and only until every theme and the untagged have the quotes they show
(`debrief.themes_from_counts`); those are then read in full (`with_words`). `debrief.themes` stays the
definition, and a test compares both on random searches.
"""

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce

from nextround.insights import debrief
from nextround.insights.rows import as_text, instant
from nextround.playbook.models import StepLog
from nextround.playbook.vocabulary import Outcome

CHUNK = 100  # logs read at a time while quotes are still missing


def load_themes(user, logs: QuerySet | None, vocabulary: list[debrief.Tag], *, quotes: int) -> debrief.Themes:
    """The themes of these feedback logs, each with its `quotes` most recent quotes read in full."""
    if logs is None:
        return debrief.themes([], vocabulary, quotes=quotes)
    # Logs grouped by their tag list: a few dozen different lists however many logs there are.
    lists = logs.order_by().values("tags").annotate(n=Count("pk")).values_list("tags", "n")
    counts, untagged, total = debrief.mentions([(tuple(tags or ()), n) for tags, n in lists], vocabulary)
    newest_first = (
        logs.annotate(moment=Coalesce("interaction__occurred_at", "created_at"))
        .order_by("-moment", "-pk")
        .values_list("pk", "tags")
    )
    recent = (
        debrief.LogFacts(
            outcome=Outcome.FEEDBACK, step_kind="", interaction_kind="", tags=tuple(tags or ()), id=pk
        )
        for pk, tags in newest_first.iterator(chunk_size=CHUNK)
    )
    themes = debrief.themes_from_counts(counts, untagged, total, recent, vocabulary, quotes=quotes)
    return with_words(user, themes)


def with_words(user, themes: debrief.Themes) -> debrief.Themes:
    """The quotes the themes kept, read in full (words, who said them, where) in one query."""
    kept = [
        *themes.untagged,
        *(q for theme in themes.actionable + themes.not_actionable for q in theme.quotes),
    ]
    full = load_feedback(user, {log.id for log in kept})
    for theme in themes.actionable + themes.not_actionable:
        theme.quotes = [full[log.id] for log in theme.quotes]
    themes.untagged = [full[log.id] for log in themes.untagged]
    return themes


def load_feedback(user, ids) -> dict[int, debrief.LogFacts]:
    rows = (
        StepLog.objects.filter(owner=user, pk__in=ids)
        .values_list(
            "pk",
            "outcome",
            "step__kind",
            "interaction__kind",
            "tags",
            "words",
            "said_by__name",
            "step__plan__application__company__name",
            "step__plan__application__role_title",
            "step__plan__application_id",
            as_text("interaction__occurred_at"),
            as_text("created_at"),
        )
        .order_by()
    )
    return {
        pk: debrief.LogFacts(
            outcome=outcome,
            step_kind=kind,
            interaction_kind=channel,
            tags=tuple(tags or ()),
            words=words,
            said_by=said_by or "",
            company=company,
            role=role,
            application_id=app_id,
            at=instant(occurred or created),
            id=pk,
        )
        for (
            pk,
            outcome,
            kind,
            channel,
            tags,
            words,
            said_by,
            company,
            role,
            app_id,
            occurred,
            created,
        ) in rows
    }
