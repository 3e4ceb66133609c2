"""Reads for the Mail page: the review queue, what was handled lately, and the mailbox (constant queries)."""

from nextround.mail import proposal
from nextround.mail.models import MailAccount, MailMessage
from nextround.mail.vocabulary import Review
from nextround.tracker.models import Application

QUEUE_LIMIT = 50
HANDLED_LIMIT = 20


def queue(owner) -> list[MailMessage]:
    """Pending messages, newest first, each with `choices`: the applications it could be about."""
    messages = list(
        MailMessage.objects.filter(owner=owner, review=Review.PENDING)
        .select_related("application__company")
        .order_by("-sent_at", "-pk")[:QUEUE_LIMIT]
    )
    wanted = {pk for message in messages for pk in message.candidates}
    applications = {
        a.pk: a for a in Application.objects.filter(owner=owner, pk__in=wanted).select_related("company")
    }
    for message in messages:
        message.choices = [applications[pk] for pk in message.candidates if pk in applications]
        message.steps = proposal.steps(message)
    return messages


def reloaded(message: MailMessage) -> MailMessage:
    """One message as its card shows it (after an action changed it)."""
    message = MailMessage.objects.select_related("application__company").get(pk=message.pk)
    message.choices = list(proposal.choosable(message))
    message.steps = proposal.steps(message)
    return message


def pending_count(owner) -> int:
    return MailMessage.objects.filter(owner=owner, review=Review.PENDING).count()


def handled(owner) -> list[MailMessage]:
    return list(
        MailMessage.objects.filter(owner=owner)
        .exclude(review=Review.PENDING)
        .select_related("application__company")
        .order_by("-reviewed_at", "-pk")[:HANDLED_LIMIT]
    )


def account(owner) -> MailAccount | None:
    return MailAccount.objects.filter(owner=owner).first()
