"""What accepting a message would do, worked out before the user says yes: the steps the Mail page lists,
the date the move would carry, and the applications the user may pick from. Reads only; `review` does it.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from nextround.mail import senders
from nextround.mail.companies import person_like
from nextround.mail.models import MailMessage
from nextround.mail.vocabulary import Action, MessageType
from nextround.tracker.models import Application
from nextround.tracker.vocabulary import Stage


@dataclass(frozen=True)
class Step:
    """One line of what accepting will do, as the Mail page lists it."""

    text: str


def sender_is_person(message: MailMessage) -> bool:
    """A real person wrote it (not a no-reply address or a system), so they can become a contact."""
    who = senders.classify(message.sender_address)
    return (
        bool(message.sender_address)
        and not who.automated
        and not who.board
        and person_like(message.sender_name)
    )


def target_stage(message: MailMessage) -> str | None:
    return {Action.REJECT: Stage.REJECTED, Action.INTERVIEW: Stage.INTERVIEWING}.get(Action(message.action))


def latest_move(application: Application | None):
    """When the application last moved: its latest history entry (or its stage date, if later)."""
    if application is None or application.pk is None:
        return None
    latest = (
        application.stage_changes.order_by("-changed_at", "-pk").values_list("changed_at", flat=True).first()
    )
    dates = [when for when in (latest, application.stage_changed_at) if when is not None]
    return max(dates) if dates else None


def move_date(message: MailMessage, application: Application | None):
    """When the move is recorded: the letter's date, but never in the future, and never before the
    application's latest move (entered after the letter, say, or the day it was applied for): the history
    refuses a move dated before it starts, and a move dated before the latest one would not change the
    stage. None when no such date exists (the history runs into the future): the move cannot be made."""
    now = timezone.now()
    at = min(message.sent_at, now)
    last = latest_move(application)
    if last is not None and at < last:
        if last > now:
            return None
        at = min(last + dt.timedelta(seconds=1), now)
    return at


def moved_later_note(message: MailMessage, application: Application | None) -> str:
    """Say so when the move cannot carry the letter's own date."""
    at = move_date(message, application)
    if at is None or application is None or at == min(message.sent_at, timezone.now()):
        return ""
    sent, last, day = (
        timezone.localtime(when).date() for when in (message.sent_at, latest_move(application), at)
    )
    return (
        f"The letter is dated {sent:%-d %B %Y}, before this application's latest move ({last:%-d %B %Y}), "
        f"so the move is dated {day:%-d %B %Y} to keep the history in order."
    )


FUTURE_HISTORY = (
    "This application's history has a move dated later than today, so nextround cannot add this one "
    "after it. Correct that date on the application's page, then accept the letter again."
)


def steps(message: MailMessage) -> list[Step]:
    """What accepting this message will do, in words, before the user says yes."""
    when = move_date(message, message.application)
    day = timezone.localtime(when if when is not None else message.sent_at).date()
    company = message.application.company.name if message.application else message.company_name
    out = []
    if message.action == Action.CREATE:
        out.append(Step(f"Create the application {message.role_title or 'for the role'} at {company}."))
    if message.action == Action.CHOOSE:
        out.append(Step("Pick the application it is about; nextround will not guess between them."))
    if sender_is_person(message):
        out.append(Step(f"Add {message.sender_name} as a contact at {company or 'the company'}."))
    out.append(Step("Log the letter as a message they sent you, with its text."))
    stage = target_stage(message) or (Stage.REJECTED if message.kind == MessageType.REJECTION else None)
    if (
        message.action in (Action.REJECT, Action.CREATE, Action.CHOOSE)
        and message.kind == MessageType.REJECTION
    ):
        out.append(Step(f"Move it to Rejected on {day:%-d %B %Y} and start the plan."))
    elif stage == Stage.INTERVIEWING or (
        message.action == Action.CREATE and message.kind == MessageType.INTERVIEW
    ):
        out.append(Step(f"Move it to Interviewing on {day:%-d %B %Y}."))
    else:
        stage = None
    if stage is not None and message.application is not None:
        note = FUTURE_HISTORY if when is None else moved_later_note(message, message.application)
        if note:
            out.append(Step(note))
    if message.feedback and message.kind == MessageType.REJECTION:
        out.append(Step("Keep the feedback sentence with the plan, where Insights count it."))
    return out


def choosable(message: MailMessage):
    """The applications the user may pick for a message: the ones that fit equally well."""
    return Application.objects.filter(owner=message.owner, pk__in=message.candidates or []).select_related(
        "company"
    )
