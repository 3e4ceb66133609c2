"""Letters for the mail tests, written like the ones applicant-tracking systems send."""

import mailbox
from email.message import EmailMessage
from pathlib import Path

REJECTION_TEXT = (
    "Hi Alex,\n\nThank you for your interest in the Data Analyst position at Acme Analytics and for the time "
    "you spent with our team.\n\nAfter careful consideration, we have decided to move forward with other "
    "candidates whose experience more closely matches our needs. The panel felt your SQL was strong, but "
    "they were looking for someone with more experience running A/B tests.\n\nWe wish you every success.\n\n"
    "Best regards,\nHannah Becker\nTalent Acquisition | Acme Analytics"
)
INVITE_TEXT = (
    "Hi Alex,\n\nThanks for applying to Northwind! We'd love to invite you to a 30-minute phone screen with "
    "our recruiter. Please pick a time that suits you: https://calendly.com/northwind-talent/30min\n\n"
    "Looking forward to speaking with you.\n\nSam Ortiz\nRecruiter, Northwind"
)
ALERT_TEXT = (
    "Your job alert for data analyst in Berlin\n\nData Analyst\nAcme Analytics · Berlin (Hybrid)\n"
    "Actively recruiting · Easy Apply\n\nSenior Data Analyst\nNorthwind · Remote\nActively recruiting · "
    "Easy Apply\n\nBI Analyst\nBrightwave · Berlin\nBe an early applicant\n\nSee all jobs\n\n"
    "Unsubscribe · Help"
)
FRIEND_TEXT = (
    "Hey! Ugh, I got a rejection from Brightwave today, they went with someone more senior. "
    "Fancy a drink on Friday to cheer me up?"
)


def letter(
    text: str,
    *,
    sender: str = "Acme Analytics Hiring Team <no-reply@us.greenhouse-mail.io>",
    subject: str = "Your application to Acme Analytics",
    message_id: str = "rejection-1@greenhouse.io",
    date: str = "Tue, 03 Mar 2026 10:12:00 +0000",
    html: bool = False,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Alex Morgan <alex@example.com>"
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = f"<{message_id}>"
    if html:
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        message.set_content(f"<html><body>{paragraphs}</body></html>", subtype="html")
    else:
        message.set_content(text)
    return message


def rejection(**overrides) -> EmailMessage:
    return letter(REJECTION_TEXT, **overrides)


def invitation(**overrides) -> EmailMessage:
    defaults = {
        "sender": "Sam Ortiz <sam.ortiz@northwind.io>",
        "subject": "Next steps with Northwind",
        "message_id": "invite-1@northwind.io",
    }
    return letter(INVITE_TEXT, **{**defaults, **overrides})


def job_alert(**overrides) -> EmailMessage:
    defaults = {
        "sender": "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
        "subject": "30 new jobs for “data analyst”",
        "message_id": "alert-1@linkedin.com",
    }
    return letter(ALERT_TEXT, **{**defaults, **overrides})


def friend(**overrides) -> EmailMessage:
    defaults = {
        "sender": "Jamie Carter <jamie.carter@gmail.com>",
        "subject": "Friday?",
        "message_id": "f-1@gmail.com",
    }
    return letter(FRIEND_TEXT, **{**defaults, **overrides})


def write_mbox(path: Path, messages) -> Path:
    box = mailbox.mbox(str(path), create=True)
    for message in messages:
        box.add(mailbox.mboxMessage(message))
    box.flush()
    box.close()
    return path
