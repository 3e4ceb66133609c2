"""The mailbox's app password, encrypted at rest with a key kept in the data directory.

Fernet (from the `cryptography` package: AES-128-CBC with an HMAC, a documented format) rather than
anything written here. The key lives in `<data dir>/mail.key` (mode 0600), apart from the database, so a
copied database or backup alone does not reveal the password; the password is never exported or shown.
"""

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

KEY_NAME = "mail.key"


class VaultError(Exception):
    """The saved password cannot be read back; the message says what to do."""


def key_path() -> Path:
    return Path(settings.DATA_DIR) / KEY_NAME


def key() -> bytes:
    path = key_path()
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    fresh = Fernet.generate_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes creating the key at once must not end up with two keys.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(fresh)
    return fresh


def encrypt(password: str) -> bytes:
    return Fernet(key()).encrypt(password.encode("utf-8"))


def decrypt(token: bytes) -> str:
    try:
        return Fernet(key()).decrypt(bytes(token)).decode("utf-8")
    except (InvalidToken, ValueError):
        raise VaultError(
            f"The saved app password cannot be read: the key in the data directory ({key_path()}) is not the "
            "one it was saved with. Enter the app password again on the Mail page."
        ) from None
