"""One email message (bytes or pasted text) into plain fields (plain Python, no Django).

The standard library's parser (`policy=default`) does MIME, quoted-printable, base64 and RFC 2047 headers;
this module picks the readable body (plain text, else HTML turned into text), survives unknown charsets,
finds the original inside a forwarded message, and cuts the quoted part of a reply, so that a reply that
quotes a rejection is not read as one.
"""

import datetime as dt
import email
import email.utils
import hashlib
import re
from dataclasses import dataclass, field, replace
from email import headerregistry, policy
from email.message import EmailMessage

# A message body longer than this is cut: a letter about a job is never this long, a newsletter may be.
MAX_TEXT = 60_000


@dataclass(frozen=True)
class Mail:
    message_id: str
    subject: str
    from_name: str
    from_address: str
    to: str
    date: dt.datetime | None  # timezone-aware, the letter's own date (the original's, when forwarded)
    text: str  # the readable body, quotes of earlier messages cut
    forwarded: bool = False
    reply: bool = False
    defects: tuple[str, ...] = field(default=())

    @property
    def from_domain(self) -> str:
        return self.from_address.rpartition("@")[2].lower()

    @property
    def sender(self) -> str:
        if self.from_name and self.from_address:
            return f"{self.from_name} <{self.from_address}>"
        return self.from_name or self.from_address


class _TextHeaders(headerregistry.HeaderRegistry):
    """Every header as decoded text (RFC 2047 words decoded), without the structured parse.

    `policy.default` parses each structured header (Content-Type, From, ...) into a token tree every time
    it is read, and builds a new class per read: two thirds of the time of reading a mailbox. This module
    only ever wants the text (addresses go through `email.utils.parseaddr`, MIME parameters through the
    message's own parameter parsing), so one unstructured header class serves every name.
    """

    _class = type("TextHeader", (headerregistry.UnstructuredHeader, headerregistry.BaseHeader), {})

    def __getitem__(self, name):
        return self._class


# The standard library's modern policy (MIME, content managers, RFC 2047), reading headers as text.
POLICY = policy.default.clone(header_factory=_TextHeaders())


def parse_bytes(data: bytes) -> Mail:
    """Parse one RFC 822 message. Never raises on malformed input: broken parts become empty text."""
    message = email.message_from_bytes(data, policy=POLICY)
    return from_message(message, fallback_id=data)


def parse_text(text: str) -> Mail:
    """A pasted message: with headers (copied "show original") or only the letter's words."""
    text = text.replace("\r\n", "\n").strip("\n")
    if HEADER_BLOCK.match(text):
        message = email.message_from_string(text, policy=POLICY)
        if message.get("From") or message.get("Subject"):
            return from_message(message, fallback_id=text.encode("utf-8", "replace"))
    # Only the words: perhaps a forwarded letter's header block, else nothing but a body.
    mail = Mail(
        message_id=synthetic_id(text.encode("utf-8", "replace")),
        subject="",
        from_name="",
        from_address="",
        to="",
        date=None,
        text=text[:MAX_TEXT],
    )
    return unwrap_forward(mail)


HEADER_BLOCK = re.compile(r"^(?:[A-Za-z][A-Za-z0-9-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}")


def from_message(message: EmailMessage, *, fallback_id: bytes) -> Mail:
    defects: list[str] = [type(defect).__name__ for defect in getattr(message, "defects", [])]
    name, address = sender_of(message)
    subject = header_text(message, "Subject")
    date = parse_date(header_text(message, "Date"))
    attached = attached_message(message)
    if attached is not None:
        inner = from_message(attached, fallback_id=fallback_id)
        return Mail(
            message_id=message_id_of(message, fallback_id),
            subject=inner.subject or strip_prefixes(subject),
            from_name=inner.from_name,
            from_address=inner.from_address,
            to=header_text(message, "To"),
            date=inner.date or date,
            text=inner.text,
            forwarded=True,
            defects=tuple(defects),
        )
    text = body_text(message, defects)
    reply = bool(message.get("In-Reply-To")) or bool(REPLY_PREFIX.match(subject))
    mail = Mail(
        message_id=message_id_of(message, fallback_id),
        subject=subject,
        from_name=name,
        from_address=address,
        to=header_text(message, "To"),
        date=date,
        text=text,
        reply=reply,
        defects=tuple(defects),
    )
    return unwrap_forward(mail)


def header_text(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # the header parser raises on some broken encodings; the header is then unreadable
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def sender_of(message: EmailMessage) -> tuple[str, str]:
    raw = header_text(message, "From") or header_text(message, "Sender")
    name, address = email.utils.parseaddr(raw)
    if "@" not in address:
        return (name or raw).strip(' "'), ""
    return name.strip(' "'), address.strip().lower()


def parse_date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" means "time zone unknown"; UTC is the honest reading
        when = when.replace(tzinfo=dt.UTC)
    return when


def message_id_of(message: EmailMessage, fallback: bytes) -> str:
    value = header_text(message, "Message-ID").strip()
    found = re.search(r"<([^<>\s]+)>", value)
    if found:
        return found.group(1)[:255]
    if value and " " not in value:
        return value.strip("<>")[:255]
    return synthetic_id(fallback)


def synthetic_id(data: bytes) -> str:
    """A stable id for a message without a Message-ID, so importing it twice still adds nothing."""
    return "nextround-" + hashlib.sha256(data).hexdigest()[:40]


def attached_message(message: EmailMessage) -> EmailMessage | None:
    """The original of a message forwarded "as attachment" (a message/rfc822 part), if that is all it is."""
    if not message.is_multipart():
        return None
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, EmailMessage):
                return inner
    return None


def body_text(message: EmailMessage, defects: list[str]) -> str:
    plain = html = ""
    try:
        part = message.get_body(preferencelist=("plain",))
        plain = part_text(part, defects) if part is not None else ""
        if len(plain.strip()) < 40:  # an empty or "view this in your browser" plain part
            part = message.get_body(preferencelist=("html",))
            html = html_to_text(part_text(part, defects)) if part is not None else ""
    except (KeyError, ValueError, AttributeError) as exc:
        defects.append(f"body: {exc}")
    if not plain.strip() and not html.strip() and not message.is_multipart():
        # No declared text type (or a broken one): read the payload as text if it is text at all.
        plain = part_text(message, defects)
    text = html if len(html.strip()) > len(plain.strip()) else plain
    # Cut (generously) before looking for quotes and forwards, which are searched for by pattern.
    return normalise_space(text[: 4 * MAX_TEXT])


def part_text(part: EmailMessage, defects: list[str]) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError) as exc:
        defects.append(f"charset: {exc}")
        raw = part.get_payload(decode=True) or b""
        content = raw.decode("utf-8", "replace") if raw else ""
    if isinstance(content, bytes):
        return content.decode("utf-8", "replace") if part.get_content_maintype() == "text" else ""
    if not isinstance(content, str):
        return ""
    # An unknown charset decoded as ASCII leaves replacement characters; Windows-1252 is the usual truth.
    if "\ufffd" in content:
        raw = part.get_payload(decode=True) or b""
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            content = raw.decode("cp1252", "replace")
    return content


def html_to_text(html: str) -> str:
    if not html.strip():
        return ""
    import html_text

    try:
        return html_text.extract_text(html, guess_layout=True)
    except Exception:  # lxml raises a few kinds on hopeless markup; tags stripped is better than nothing
        return re.sub(r"<[^>]+>", " ", html)


def normalise_space(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\u200c", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|antw|r|rif)\s*:", re.I)
FORWARD_PREFIX = re.compile(r"^\s*(?:(?:fwd?|wg|tr|rv|enc|i)\s*:\s*)+", re.I)


def strip_prefixes(subject: str) -> str:
    previous = None
    while previous != subject:
        previous = subject
        subject = FORWARD_PREFIX.sub("", REPLY_PREFIX.sub("", subject)).strip()
    return subject


# A header line of a quoted or forwarded message, as mail programs print it in English, German, French,
# Spanish, Portuguese, Italian and Dutch ("From:", "De :", "Von:", "Enviado:", "Envoyé :", "Asunto:", ...).
HEADER_NAMES = {
    "from": ("from", "von", "de", "da", "van"),
    "date": (
        "date",
        "sent",
        "datum",
        "gesendet",
        "envoyé",
        "enviado",
        "enviada",
        "fecha",
        "data",
        "inviato",
        "verzonden",
    ),
    "subject": ("subject", "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp"),
    "to": ("to", "an", "à", "a", "para", "aan"),
    "cc": ("cc",),
}
CANONICAL = {name: key for key, names in HEADER_NAMES.items() for name in names}
_NAMES = "|".join(sorted(map(re.escape, CANONICAL), key=len, reverse=True))
FORWARD_HEADER = re.compile(rf"^[ \t>*]*({_NAMES})(?:\s+em)?[ \t]*:\**[ \t]*(.*)$", re.I)
_FROM = r"[ \t>*]*(?:From|Von|De|Da|Van)[ \t]*:\**[ \t]*\S.*\n"
_DATE = r"[ \t>*]*(?:Sent|Date|Datum|Gesendet|Envoyé|Enviado|Enviada(?: em)?|Fecha|Data|Inviato|Verzonden)"
# Outlook's header block above a quoted or forwarded letter: a "From:" line, then the date and the rest.
HEADER_BLOCK_START = re.compile(
    rf"^(?:_{{5,}}[ \t]*\n)?(?={_FROM}(?:.*\n){{0,2}}{_DATE}[ \t]*:)", re.M | re.I
)
# Lines that say "what follows is a forwarded letter" whatever the subject says.
FORWARD_MARKER = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado"
    r"|Mensagem encaminhada|Messaggio inoltrato|Doorgestuurd bericht)\s*-{2,}"
    r"|Begin forwarded message:|Début du message réexpédié\s*:|Inicio del mensaje reenviado:)",
    re.M | re.I,
)
ORIGINAL_MESSAGE = re.compile(
    r"^[ \t>]*-{2,}\s*(?:Original Message|Message d'origine|Mensaje original"
    r"|Ursprüngliche Nachricht)\s*-{2,}[ \t]*$",
    re.M | re.I,
)
# Where the quoted earlier message starts in a reply: "On Tue, ... wrote:" and its translations.
QUOTE_START = re.compile(
    r"^(?:On\s.{5,200}?wrote:|Am\s.{5,200}?schrieb.*:|Le\s.{5,200}?a\s+écrit\s*:|El\s.{5,200}?escribió\s*:"
    r"|Em\s.{5,200}?escreveu\s*:|Il\s.{5,200}?ha\s+scritto\s*:|Op\s.{5,200}?schreef.*:)[ \t]*$",
    re.M | re.S,
)


def forward_start(text: str, subject: str) -> re.Match | None:
    """Where a forwarded letter starts in a body: after a forward line ("Forwarded message", "Message
    transféré"), or, when the subject says "Fwd:"/"FW:", at an "Original Message" line or an Outlook
    header block (which HTML turned into text may leave without any line above it)."""
    marker = FORWARD_MARKER.search(text)
    if not FORWARD_PREFIX.match(subject):
        quoted = quote_start(text)
        # A reply above quoted history that holds a forward is still a reply.
        return None if marker and quoted and quoted < marker.start() else marker
    if marker:
        return marker
    found = [m for m in (ORIGINAL_MESSAGE.search(text), HEADER_BLOCK_START.search(text)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def quote_start(text: str) -> int:
    """Where a reply's quoted history starts (0 when there is none, or nothing above it)."""
    ends = [
        m.start()
        for m in (QUOTE_START.search(text), ORIGINAL_MESSAGE.search(text), HEADER_BLOCK_START.search(text))
        if m
    ]
    return min(ends) if ends else 0


def cut_quoted(text: str) -> str:
    """Drop the earlier message a reply quotes (and "> " lines), keeping what the writer wrote."""
    end = quote_start(text)
    if end > 0:
        text = text[:end]
    lines = [line for line in text.split("\n") if not line.startswith(">")]
    return "\n".join(lines).strip()


def unwrap_forward(mail: Mail) -> Mail:
    """An inline forward ("---------- Forwarded message ---------" and the original's headers): the original
    letter's sender, subject, date and words are what matter, not the person who forwarded it. Anything
    else has the quoted part of a reply cut."""
    marker = forward_start(mail.text, mail.subject)
    headers: dict[str, str] = {}
    lines: list[str] = []
    index = 0
    if marker:
        lines = mail.text[marker.end() :].lstrip("\n").split("\n")
        while index < len(lines):
            found = FORWARD_HEADER.match(lines[index])
            if found:
                headers.setdefault(CANONICAL.get(found.group(1).lower(), "other"), found.group(2))
                index += 1
            elif not lines[index].strip() and not headers or set(lines[index].strip()) == {"_"}:
                index += 1
            else:
                break
    if "from" not in headers:
        return replace(mail, text=cut_quoted(mail.text)[:MAX_TEXT])
    body = "\n".join(line[1:].lstrip() if line.startswith(">") else line for line in lines[index:])
    name, address = email.utils.parseaddr(headers["from"].replace("[mailto:", "<").replace("]", ">"))
    return Mail(
        message_id=mail.message_id,
        subject=headers.get("subject", "") or strip_prefixes(mail.subject),
        from_name=name.strip(' "*') or mail.from_name,
        from_address=address.lower() if "@" in address else "",
        to=headers.get("to", ""),
        date=parse_loose_date(headers.get("date", "")) or mail.date,
        text=cut_quoted(normalise_space(body))[:MAX_TEXT],
        forwarded=True,
        reply=False,
        defects=mail.defects,
    )


def parse_loose_date(value: str) -> dt.datetime | None:
    """Dates as mail programs print them in a forward: RFC 822, or "Tue, Mar 3, 2026 at 10:12 AM"."""
    value = value.strip()
    if not value:
        return None
    # The standard library's parser reads "2:31 PM" as 02:31; the patterns below know better.
    when = None if re.search(r"\b[AP]M$", value, re.I) else parse_date(value)
    if when:
        return when
    cleaned = re.sub(r"\s+at\s+", " ", value).replace(",", "")
    cleaned = re.sub(r"\s+(?!(?:AM|PM)$)(?:[A-Z]{2,5}|GMT[+-]\d+|UTC)$", "", cleaned)
    for pattern in (
        "%a %b %d %Y %I:%M %p",
        "%A %B %d %Y %I:%M %p",
        "%a %d %b %Y %H:%M",
        "%A %d %B %Y %H:%M",
        "%d %B %Y %H:%M",
        "%B %d %Y %I:%M %p",
        "%m/%d/%Y %I:%M %p",
        "%d.%m.%Y %H:%M",
        "%Y-%m-%d %H:%M",
    ):
        try:
            return dt.datetime.strptime(cleaned, pattern).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    return None
