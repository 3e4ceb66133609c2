"""The mail part of the demo search (`nextround/demo.py` loads it): a few letters waiting on the Mail page.

They come in through the same intake as an uploaded mailbox (read, recognised, matched), so the review
queue shows what a real import would; nothing is accepted, so the demo user can try accepting and undoing.
Dates are relative to now, so the letters are always recent.
"""

import datetime as dt
import email.utils
from email.message import EmailMessage

from django.utils import timezone

from nextround.mail.parse import parse_bytes
from nextround.mail.services import import_mail
from nextround.mail.vocabulary import MailOrigin

# (days ago, sender, subject, text)
LETTERS = [
    (
        4,
        "Kestrel Security Talent <no-reply@kestrel.teamtailor-mail.com>",
        "Thanks for applying: Threat Intelligence Analyst",
        "Hi Alex,\n\nThank you for applying for the Threat Intelligence Analyst role at Kestrel Security. "
        "We have received your application and our team will review it in the next two weeks.\n\n"
        "Best wishes,\nKestrel Security Talent Team",
    ),
    (
        1,
        "Nadia Okafor <nadia.okafor@orchard.example>",
        "Your application: Supply Chain Analyst",
        "Hi Alex,\n\nThank you for the time you gave us over the last weeks for the Supply Chain Analyst "
        "role at Orchard Logistics, and for the case study.\n\nAfter a lot of thought, we have decided to "
        "move forward with another candidate. The panel liked your forecasting model, but felt you had "
        "less hands-on experience with warehouse systems than the role needs.\n\nI'm sorry it isn't better "
        "news, and I hope our paths cross again.\n\nBest regards,\nNadia Okafor\nTalent Partner, Orchard "
        "Logistics",
    ),
    (
        0,
        "Luca Brandt <luca.brandt@saffron.example>",
        "Category Analyst: next steps",
        "Hi Alex,\n\nThanks for applying for the Category Analyst position at Saffron Foods. We would like "
        "to invite you to a 30-minute phone interview with our hiring manager.\n\nCould you let me know "
        "your availability on Thursday or Friday this week?\n\nKind regards,\nLuca Brandt\nRecruiter, "
        "Saffron Foods",
    ),
]


def letter(*, owner, sent: dt.datetime, sender: str, subject: str, text: str, number: int) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"{owner.get_full_name() or owner.username} <{owner.email or 'demo@example.com'}>"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(sent)
    message["Message-ID"] = f"<demo-{number}-{owner.pk}@nextround.example>"
    message.set_content(text)
    return message


def add_letters(*, owner) -> int:
    """Bring the demo's letters in; returns how many wait on the Mail page."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    mails = [
        parse_bytes(
            letter(
                owner=owner,
                sent=now - dt.timedelta(days=days, hours=2),
                sender=sender,
                subject=subject,
                text=text,
                number=number,
            ).as_bytes()
        )
        for number, (days, sender, subject, text) in enumerate(LETTERS, start=1)
    ]
    outcomes, summary = import_mail(owner=owner, mails=mails, origin=MailOrigin.FILE)
    list(outcomes)
    return summary.stored
