"""A real IMAP server for the tests: Debian's Dovecot, started on 127.0.0.1 with its own config and a
self-signed certificate, holding one mailbox per test user that the tests fill over IMAP.

`.ci/run` installs the dovecot-imapd package; on a machine without it the IMAP tests skip and say why.
"""

import contextlib
import datetime as dt
import ipaddress
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
PASSWORD = "app-password-1234"
USERS = 50


def installed() -> bool:
    return Path(DOVECOT).exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


@dataclass
class Dovecot:
    folder: Path
    port: int  # IMAP over TLS (implicit)
    cert: Path
    process: subprocess.Popen
    users: "itertools.count"

    def new_user(self) -> str:
        """A mailbox nobody used yet (written before start: Dovecot caches its user file)."""
        return f"user{next(self.users)}@example.com"

    def client(self, user: str, password: str = PASSWORD):
        import ssl

        from imapclient import IMAPClient

        context = ssl.create_default_context(cafile=str(self.cert))
        client = IMAPClient("127.0.0.1", port=self.port, ssl=True, ssl_context=context, timeout=10)
        client.login(user, password)
        return client

    def fill(self, user: str, messages, folder: str = "INBOX") -> None:
        client = self.client(user)
        try:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for message in messages:
                data = message if isinstance(message, bytes) else message.as_bytes()
                client.append(folder, data)
        finally:
            client.logout()

    def connect(self, *, owner, user: str):
        """Connect nextround `owner`'s mailbox to `user` on this server (INBOX, all of it)."""
        from nextround.mail import accounts

        return accounts.save_account(
            owner=owner,
            host="127.0.0.1",
            port=self.port,
            username=user,
            folder="INBOX",
            since=None,
            password=PASSWORD,
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start(folder: Path) -> Dovecot:
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("base", "state", "mail"):
        (folder / sub).mkdir(exist_ok=True)
    folder.chmod(0o755)
    (folder / "users").write_text("".join(f"user{n}@example.com:{{PLAIN}}{PASSWORD}\n" for n in range(USERS)))
    cert, key = self_signed(folder)
    port = free_port()
    if os.getuid() == 0:
        # Dovecot will not deliver mail as root: the mailboxes belong to its own unprivileged user.
        owner = pwd.getpwnam("dovecot")
        shutil.chown(folder / "mail", owner.pw_uid, owner.pw_gid)
        userdb = "uid=dovecot gid=dovecot"
        users = ""
    else:
        me = pwd.getpwuid(os.getuid()).pw_name
        userdb = f"uid={os.getuid()} gid={os.getgid()}"
        users = f"default_login_user = {me}\ndefault_internal_user = {me}\n"
    (folder / "dovecot.conf").write_text(
        f"""base_dir = {folder}/base
state_dir = {folder}/state
log_path = {folder}/dovecot.log
{users}listen = 127.0.0.1
protocols = imap
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{folder}/mail/%u
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/users
}}
userdb {{
  driver = static
  args = {userdb} home={folder}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""
    )
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(folder / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Dovecot stopped at start: {process.stderr.read().decode(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Dovecot(folder=folder, port=port, cert=cert, process=process, users=itertools.count())
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("Dovecot did not start listening within 15 seconds")


class DroppingProxy:
    """A TCP relay to the server that cuts the connection once the server has sent `after` bytes: a
    connection dropped mid-sync, for real, at a chosen point."""

    def __init__(self, target_port: int, after: int):
        self.target_port, self.after = target_port, after
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        try:
            client, _ = self.listener.accept()
        except OSError:
            return
        server = socket.create_connection(("127.0.0.1", self.target_port))
        sent = 0

        def upstream():
            try:
                while data := client.recv(65536):
                    server.sendall(data)
            except OSError:
                pass

        threading.Thread(target=upstream, daemon=True).start()
        try:
            while data := server.recv(65536):
                if sent + len(data) > self.after:
                    client.sendall(data[: max(self.after - sent, 0)])
                    break
                client.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for sock in (client, server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.listener.close()
