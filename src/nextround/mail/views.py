"""The Mail page: bring mail in (paste, drop, upload, IMAP) and review what nextround proposes."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned
from nextround.mail import accounts, imap, proposal, queries, review, services, sources
from nextround.mail.forms import MAX_UPLOAD_BYTES, ChooseForm, MailboxForm, PasteForm, UploadForm
from nextround.mail.models import MailMessage
from nextround.mail.parse import parse_text
from nextround.mail.vocabulary import MailOrigin, Review


def page(request, *, status=200, **context):
    owner = request.user
    context = {
        "paste_form": PasteForm(),
        "upload_form": UploadForm(),
        "queue": queries.queue(owner),
        "pending": queries.pending_count(owner),
        "handled": queries.handled(owner),
        "account": queries.account(owner),
        **context,
    }
    return render(request, "mail/index.html", context, status=status)


@login_required
def index(request):
    return page(request)


def report(request, summary: services.Summary) -> None:
    if summary.stored or summary.applied:
        messages.success(request, f"Done: {summary}")
    elif summary.duplicates and not summary.not_job_search:
        messages.info(request, f"Nothing new: {summary}")
    else:
        messages.info(
            request,
            f"{summary} Nothing was stored: nextround keeps only mail about your job search.",
        )


@login_required
@require_POST
def paste(request):
    form = PasteForm(request.POST)
    if not form.is_valid():
        return page(request, paste_form=form, status=422)
    with transaction.atomic():
        outcomes, summary = services.import_mail(
            owner=request.user, mails=[parse_text(form.cleaned_data["text"])], origin=MailOrigin.PASTE
        )
        list(outcomes)
    report(request, summary)
    return redirect("mail:index")


class SizeLimit(FileUploadHandler):
    """Stops reading an upload as soon as it passes the limit, whatever the request claimed."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_UPLOAD_BYTES:
            self.request.upload_too_big = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def too_big(request):
    return render(
        request,
        "mail/too_big.html",
        {"limit_mb": MAX_UPLOAD_BYTES // 2**20},
        status=413,
    )


@csrf_exempt  # the upload handlers must be in place before CSRF reads the body; csrf_protect follows
def upload(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_UPLOAD_BYTES + 64 * 1024:
        return too_big(request)
    request.upload_handlers.insert(0, SizeLimit(request))
    return upload_checked(request)


@csrf_protect
@login_required
@require_POST
def upload_checked(request):
    form = UploadForm(request.POST, request.FILES)
    if getattr(request, "upload_too_big", False):
        return too_big(request)
    if not form.is_valid():
        return page(request, upload_form=form, status=422)
    upload = form.cleaned_data["file"]
    try:
        if hasattr(upload, "temporary_file_path"):
            raw = sources.iter_file(Path(upload.temporary_file_path()))
        else:
            raw = sources.iter_bytes(upload.read(), upload.name)
        with transaction.atomic():
            outcomes, summary = services.import_mail(
                owner=request.user, mails=services.parse_raw(raw), origin=MailOrigin.FILE
            )
            list(outcomes)
    except sources.MailFileProblem as exc:
        form.add_error("file", f"{exc} Nothing was imported.")
        return page(request, upload_form=form, status=422)
    report(request, summary)
    return redirect("mail:index")


def card(request, message: MailMessage, *, status=200, **extra):
    """htmx gets the message's card back; a plain form post, the page."""
    if request.htmx:
        message = queries.reloaded(message)
        return render(request, "mail/_message.html", {"message": message, **extra}, status=status)
    return redirect("mail:index")


@login_required
@require_POST
def accept(request, pk):
    message = get_owned(MailMessage, request.user, pk)
    form = ChooseForm(request.POST, applications=proposal.choosable(message))
    if not form.is_valid():
        return card(request, message, status=422, error="Pick one of the applications listed.")
    chosen = form.cleaned_data.get("application")
    application = proposal.choosable(message).filter(pk=chosen).first() if chosen else None
    try:
        review.accept(message=message, application=application)
    except (review.Refused, ValidationError) as exc:
        text = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        if not request.htmx:
            messages.error(request, text)
        return card(request, message, status=422, error=text)
    if not request.htmx:
        messages.success(request, f"Done: {message.subject or 'the message'}. You can undo it below.")
    return card(request, message)


@login_required
@require_POST
def dismiss(request, pk):
    message = get_owned(MailMessage, request.user, pk)
    review.dismiss(message=message)
    return card(request, message)


@login_required
@require_POST
def undo(request, pk):
    message = get_owned(MailMessage, request.user, pk)
    try:
        if message.review == Review.DISMISSED:
            review.restore(message=message)
        else:
            review.undo(message=message)
    except review.Refused as exc:
        if not request.htmx:
            messages.error(request, str(exc))
        return card(request, message, status=422, error=str(exc))
    return card(request, message)


@login_required
@require_POST
def accept_all(request):
    count = review.accept_all(owner=request.user)
    if count:
        messages.success(
            request, f"Accepted {count} message{'s' if count != 1 else ''}. Each can be undone below."
        )
    else:
        messages.info(request, "Nothing to accept: the messages left need you to pick their application.")
    return redirect("mail:index")


@login_required
def message_detail(request, pk):
    message = get_owned(MailMessage.objects.select_related("application__company"), request.user, pk)
    return render(request, "mail/message.html", {"message": queries.reloaded(message)})


@login_required
def mailbox(request):
    account = queries.account(request.user)
    initial = (
        {
            "host": account.host,
            "port": account.port,
            "username": account.username,
            "folder": account.folder,
            "since": account.since,
        }
        if account
        else None
    )
    form = MailboxForm(request.POST or None, initial=initial, has_password=account is not None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.save_account(owner=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Mailbox saved. Sync it now, or run `nextround mail sync` from cron.")
            return redirect("mail:mailbox")
    status = 422 if request.method == "POST" else 200
    return render(request, "mail/mailbox.html", {"form": form, "account": account}, status=status)


@login_required
@require_POST
def sync(request):
    account = queries.account(request.user)
    if account is None:
        messages.error(request, "Connect a mailbox first.")
        return redirect("mail:mailbox")
    try:
        result = imap.sync(account=account)
    except imap.SyncFailed as exc:
        messages.error(request, str(exc))
        return redirect("mail:mailbox")
    messages.success(request, f"Sync done: {result}")
    return redirect("mail:index")


@login_required
@require_POST
def remove_mailbox(request):
    account = queries.account(request.user)
    if account is not None:
        accounts.remove_account(account=account)
        messages.success(
            request, "The mailbox and its app password are removed. Your imported messages stay."
        )
    return redirect("mail:mailbox")
