"""The review queue: accept what nextround proposes for a message, dismiss it, or undo an accepted one.

Accepting writes only through the tracker's services (create the application, add the sender as a contact,
log the letter, move the stage with the letter's date), so the tracker announces each change the same way
as a change made by hand, and the playbook starts a rejection's plan from that announcement. What accepting
created is written down in `MailMessage.applied`, so undo removes exactly that and nothing the user did
afterwards.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.mail import matching
from nextround.mail.models import MailMessage
from nextround.mail.proposal import FUTURE_HISTORY, move_date, sender_is_person
from nextround.mail.vocabulary import Action, MessageType, Review
from nextround.playbook import services as playbook
from nextround.playbook.models import Plan, StepLog
from nextround.tracker import services as tracker
from nextround.tracker.matching import CompanyIndex
from nextround.tracker.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    Interaction,
    StageChange,
)
from nextround.tracker.vocabulary import (
    CLOSED_STAGES,
    Channel,
    ContactRole,
    Direction,
    InteractionKind,
    Source,
    Stage,
)

UNNAMED_ROLE = "Role not named in the letter"


class Refused(Exception):
    """The message cannot be accepted as it is; the text says why and what to do."""


@transaction.atomic
def accept(
    *, message: MailMessage, application: Application | None = None, automatic: bool = False
) -> MailMessage:
    """Do what the message proposes. `application` answers a "choose" proposal (or corrects a match)."""
    message = MailMessage.objects.select_for_update().get(pk=message.pk)
    if message.review not in (Review.PENDING,):
        raise Refused("This message was already handled; undo it first to handle it again.")
    if application is not None and application.owner_id != message.owner_id:
        raise ValidationError({"application": "Pick one of your own applications."})
    applied: dict = {}
    application = application or message.application or rematch(message)
    if application is None:
        if message.action == Action.CHOOSE or (message.action == Action.CREATE and not message.company_name):
            raise Refused("Pick the application this message is about first.")
        if message.action == Action.CREATE:
            application = create_application(message, applied)
    contact = add_sender(message, application, applied)
    interaction = tracker.log_interaction(
        interaction=Interaction(
            owner=message.owner,
            kind=InteractionKind.EMAIL,
            direction=Direction.INCOMING,
            occurred_at=min(message.sent_at, timezone.now()),
            summary=letter_summary(message),
            application=application,
        ),
        contacts=[contact] if contact else [],
    )
    applied["interaction"] = interaction.pk
    if application is not None:
        move_stage(message, application, contact, applied)
        if message.feedback and message.kind == MessageType.REJECTION:
            plan = Plan.objects.filter(application=application).first()
            if plan is not None:
                log = playbook.record_feedback(
                    plan=plan, words=message.feedback, said_by=contact, interaction=interaction
                )
                applied["feedback_log"] = log.pk
    message.application = application
    message.applied = applied
    message.review = Review.AUTOMATIC if automatic else Review.ACCEPTED
    message.reviewed_at = timezone.now()
    message.save(update_fields=["application", "applied", "review", "reviewed_at"])
    return message


def rematch(message: MailMessage) -> Application | None:
    """An application made since the import (accepting an earlier letter from the same company)."""
    if message.action != Action.CREATE:
        return None
    rows = Application.objects.filter(owner=message.owner).values_list(
        "pk", "company__name", "company__website", "role_title", "stage"
    )
    found = matching.Matcher(matching.candidates_from(rows, CLOSED_STAGES)).match(
        company=message.company_name, role=message.role_title, from_address=message.sender_address
    )
    if found.application_id is None:
        return None
    return Application.objects.select_related("company").get(pk=found.application_id)


def create_application(message: MailMessage, applied: dict) -> Application:
    companies = Company.objects.filter(owner=message.owner)
    known = CompanyIndex(companies.values_list("name", "pk").order_by("pk")).find(message.company_name)
    company = companies.filter(pk=known).first() if known else None
    if company is None:
        company = tracker.save_company(company=Company(owner=message.owner, name=message.company_name[:200]))
        applied["company_created"] = company.pk
    application = tracker.create_application(
        application=Application(
            owner=message.owner,
            company=company,
            role_title=message.role_title or UNNAMED_ROLE,
            source=Source.COMPANY_SITE,
            applied_on=timezone.localtime(message.sent_at).date()
            if message.kind == MessageType.RECEIVED
            else None,
            stage=Stage.APPLIED,
        ),
        at=min(message.sent_at, timezone.now()),
    )
    applied["application_created"] = application.pk
    return application


def add_sender(message: MailMessage, application: Application | None, applied: dict) -> Contact | None:
    if not sender_is_person(message):
        return None
    contact = Contact.objects.filter(owner=message.owner, email__iexact=message.sender_address).first()
    if contact is None:
        contact = tracker.save_contact(
            contact=Contact(
                owner=message.owner,
                name=message.sender_name[:200],
                email=message.sender_address[:254],
                company=application.company if application else None,
                role=ContactRole.RECRUITER,
            )
        )
        applied["contact_created"] = contact.pk
    applied["contact"] = contact.pk
    if application is not None and not application.contact_links.filter(contact=contact).exists():
        # The letter's writer becomes the plan's recruiter when the application has none yet.
        has_recruiter = application.contact_links.filter(role=ContactRole.RECRUITER).exists()
        link = tracker.link_contact(
            application=application,
            contact=contact,
            role=ContactRole.OTHER if has_recruiter else ContactRole.RECRUITER,
        )
        applied["link"] = link.pk
    return contact


def move_stage(message: MailMessage, application: Application, contact, applied: dict) -> None:
    if message.kind == MessageType.REJECTION and application.stage != Stage.REJECTED:
        stage = Stage.REJECTED
    elif message.kind == MessageType.INTERVIEW and application.stage in matching.INTERVIEW_BEFORE:
        stage = Stage.INTERVIEWING
    else:
        return
    had_plan = Plan.objects.filter(application=application).exists()
    at = move_date(message, application)
    if at is None:
        raise Refused(FUTURE_HISTORY)
    try:
        change = tracker.change_stage(
            application=application,
            stage=stage,
            at=at,
            what_was_said=(message.decisive or "")[:10000],
            told_by=contact,
            told_via=Channel.EMAIL,
        )
    except ValidationError as exc:  # the history refused the date: say so in the mail page's words
        raise Refused(
            f"nextround could not add this move to the application's history: {exc.messages[0]}"
        ) from None
    applied["stage_change"] = change.pk
    if not had_plan:
        plan = Plan.objects.filter(application=application).first()
        if plan is not None:
            applied["plan_created"] = plan.pk


def letter_summary(message: MailMessage) -> str:
    head = f"Email from {message.sender_name or message.sender_address}: {message.subject}".strip()
    return f"{head}\n\n{message.text}"[:20000]


def _delete_contact_if_unused(contact: Contact) -> None:
    # A contact the message created goes only if nothing else hangs on it since; likewise a company.
    if not contact.application_links.exists() and not contact.interactions.exists():
        tracker.delete_contact(contact=contact)


def _delete_company_if_unused(company: Company) -> None:
    if not company.applications.exists() and not company.contacts.exists():
        tracker.delete_company(company=company)


# What accepting a message may have made: its key in `MailMessage.applied`, its model, and the service that
# takes it back; undone in this order, so that a row goes before what it hangs on.
UNDO = (
    ("feedback_log", StepLog, lambda log: playbook.delete_feedback(log=log)),
    ("plan_created", Plan, lambda plan: playbook.discard_plan(plan=plan)),  # kept if the user worked on it
    ("stage_change", StageChange, lambda change: tracker.remove_stage_change(change=change)),
    ("interaction", Interaction, lambda interaction: tracker.delete_interaction(interaction=interaction)),
    ("link", ApplicationContact, lambda link: tracker.unlink_contact(link=link)),
    (
        "application_created",
        Application,
        lambda application: tracker.delete_application(application=application),
    ),
    ("contact_created", Contact, _delete_contact_if_unused),
    ("company_created", Company, _delete_company_if_unused),
)


@transaction.atomic
def undo(*, message: MailMessage) -> MailMessage:
    """Take back exactly what accepting created; what the user did since stays."""
    message = MailMessage.objects.select_for_update().get(pk=message.pk)
    if message.review not in (Review.ACCEPTED, Review.AUTOMATIC):
        raise Refused("There is nothing to undo: this message was not accepted.")
    done = message.applied or {}
    owner = message.owner
    for key, model, take_back in UNDO:
        row = model.objects.filter(owner=owner, pk=done.get(key)).first()
        if row is not None:
            take_back(row)
    message.application = Application.objects.filter(owner=owner, pk=message.application_id).first()
    message.review, message.applied, message.reviewed_at = Review.PENDING, {}, None
    message.save(update_fields=["application", "review", "applied", "reviewed_at"])
    return message


@transaction.atomic
def dismiss(*, message: MailMessage) -> MailMessage:
    message.review, message.reviewed_at = Review.DISMISSED, timezone.now()
    message.save(update_fields=["review", "reviewed_at"])
    return message


@transaction.atomic
def restore(*, message: MailMessage) -> MailMessage:
    """Put a dismissed message back in the queue."""
    if message.review == Review.DISMISSED:
        message.review, message.reviewed_at = Review.PENDING, None
        message.save(update_fields=["review", "reviewed_at"])
    return message


def ready_to_accept(owner):
    """Pending messages that can be accepted without a choice from the user."""
    return (
        MailMessage.objects.filter(owner=owner, review=Review.PENDING)
        .exclude(action=Action.CHOOSE)
        .exclude(action=Action.CREATE, company_name="")
        .order_by("sent_at", "pk")
    )


@transaction.atomic
def accept_all(*, owner) -> int:
    """Accept every pending message that needs no choice, oldest first (so a later letter wins)."""
    count = 0
    for message in ready_to_accept(owner):
        accept(message=message)
        count += 1
    return count


def apply_automatically(*, owner, message_ids: list[str]) -> int:
    """With "apply rejections automatically" on: accept new rejections matched to one application."""
    if not profile_for(owner).apply_rejections_automatically:
        return 0
    count = 0
    for message in MailMessage.objects.filter(
        owner=owner, message_id__in=message_ids, review=Review.PENDING, action=Action.REJECT
    ).order_by("sent_at", "pk"):
        accept(message=message, automatic=True)
        count += 1
    return count
