"""Connecting and removing the mailbox that IMAP sync reads (one per user)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from nextround.mail import vault
from nextround.mail.models import MailAccount


@transaction.atomic
def save_account(
    *, owner, host: str, port: int, username: str, folder: str, since, password: str = ""
) -> MailAccount:
    """Create or update the user's mailbox. A blank password keeps the saved one; the password is only
    ever stored encrypted. Changing the server, user or folder starts the next sync from the beginning."""
    account = MailAccount.objects.select_for_update().filter(owner=owner).first()
    if account is None:
        if not password:
            raise ValidationError({"password": "Enter the app password for this mailbox."})
        account = MailAccount(owner=owner)
    moved = (account.host, account.port, account.username, account.folder) != (host, port, username, folder)
    account.host, account.port, account.username, account.folder, account.since = (
        host.strip(),
        port,
        username.strip(),
        folder.strip() or "INBOX",
        since,
    )
    if password:
        account.password_encrypted = vault.encrypt(password)
    if moved:
        account.uidvalidity, account.last_uid = None, 0
    account.full_clean(exclude=["password_encrypted"])
    account.save()
    return account


@transaction.atomic
def remove_account(*, account: MailAccount) -> None:
    """Forget the mailbox and its encrypted password. Imported messages stay in the review queue."""
    account.delete()
