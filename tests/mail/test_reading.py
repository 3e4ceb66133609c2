"""Reading the company and the role from a letter (library functions, no database)."""

from collections import Counter

import pytest

from nextround.mail import addressee, companies, roles, senders
from nextround.mail.vocabulary import MessageType


def company(sender: str, subject: str, text: str) -> str:
    name, _, address = sender.rpartition("<")
    return companies.company_of(
        subject=subject,
        from_name=name.strip(' "'),
        sender=senders.classify(address.strip(">")),
        text=text,
    )


@pytest.mark.parametrize(
    ("sender", "subject", "text", "expected"),
    [
        # The display name of a system's no-reply address is the company's.
        (
            "Acme Analytics Hiring Team <no-reply@greenhouse.io>",
            "Update",
            "Hi Alex, thanks.",
            "Acme Analytics",
        ),
        # A person at the company: the signature names it in full, the domain abbreviates it.
        (
            "Lukas Mensah <lukas@ironclad-mfg.com>",
            "Quick note",
            "Hi Alex, the offer stands.\n\nLukas Mensah\nRecruiter | Ironclad Manufacturing",
            "Ironclad Manufacturing",
        ),
        # A short name in the display name counts for the full one the letter signs with.
        (
            "Oakhaven Recruitment <recruitment@oakhaven.gov.uk>",
            "Application ref OH-2291: outcome",
            "Dear Alex,\n\nYou have not been shortlisted.\n\nYours sincerely,\nHR Services, Oakhaven Council",
            "Oakhaven Council",
        ),
        # An agency that names its client: the letter is about the client.
        (
            "Ben Ortega <ben@northstar-search.com>",
            "A role you might like",
            "Hi Alex, I'm recruiting on behalf of Juniper Payments for a Head of Analytics.",
            "Juniper Payments",
        ),
        # An agency with a confidential client: the agency.
        (
            "Ben Ortega <ben@northstar-search.com>",
            "Confidential search",
            "Hi Alex, I'm running a confidential search for a Series B company. Open to a call?",
            "Northstar Search",
        ),
        # The job title in "application to <role> at <company>" is not the company.
        (
            "LinkedIn <jobs-noreply@linkedin.com>",
            "Your application to Account Executive at Harbor & Vine",
            "Your application was sent.",
            "Harbor & Vine",
        ),
        # A name only the address gives is written as the letter spells it, not run together.
        (
            "Luca Ferraro <luca@trattoriaferraro.com>",
            "The job is yours!",
            "Ciao! Everyone in the kitchen loved your risotto. Welcome to Trattoria Ferraro, see you Monday.",
            "Trattoria Ferraro",
        ),
        # A name that ends like a job ("Partners") can still be a company.
        (
            "Meridian Health Partners <meridian@teamtailor-mail.com>",
            "Your application to Meridian Health Partners",
            "Thank you for your patience.\n\nCheers,\nPriya",
            "Meridian Health Partners",
        ),
    ],
)
def test_the_company_is_read_from_where_the_letter_names_it(sender, subject, text, expected):
    assert company(sender, subject, text) == expected


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Re: Staff Data Scientist application", "Thanks Alex.", "Staff Data Scientist"),
        (
            "Your application",
            "Thank you for your interest in joining Pellucid as a Junior Designer.",
            "Junior Designer",
        ),
        (
            "Update",
            "The manager has decided to close the Clinical Data Manager req without filling it.",
            "Clinical Data Manager",
        ),
        (
            "Offer",
            "I am delighted to make you a conditional offer of appointment to the post of Analyst.",
            "Analyst",
        ),
        # Requisition numbers, gender markers and places are not part of the title.
        ("Application received: Senior Data Engineer (m/w/d) - Berlin", "Thanks.", "Senior Data Engineer"),
        ("Your application for Product Analyst (R-20431)", "Thanks.", "Product Analyst"),
        # The person the candidate will meet, and the sender's own title, are not the role.
        ("Next steps", "We'd like to set up a final interview with our VP of Engineering.", ""),
        ("Next steps", "Thanks for your time.\n\nBest regards,\nSam Ortiz\nSenior Recruiter | Northwind", ""),
    ],
)
def test_the_role_is_the_job_applied_for(subject, text, expected):
    assert roles.role_of(subject=subject, text=text) == expected


def forward(first_recipient: str, greeting: str):
    """A rejection from Acme forwarded by Jamie, first sent to `first_recipient`."""
    from email.message import EmailMessage

    from nextround.mail.parse import parse_bytes

    message = EmailMessage()
    message["From"] = "Jamie Carter <jamie.carter@gmail.com>"
    message["To"] = "Alex Morgan <alex@example.com>"
    message["Subject"] = "Fwd: Your application to Acme Analytics"
    message["Message-ID"] = f"<{greeting}@x>"
    message.set_content(
        "Can you read this for me?\n\n---------- Forwarded message ---------\n"
        "From: Hannah Becker <hannah.becker@acme-analytics.com>\nDate: Tue, 3 Mar 2026 at 10:12\n"
        f"Subject: Your application to Acme Analytics\nTo: {first_recipient}\n\n"
        f"Hi {greeting},\n\nThank you for your interest in the Data Analyst position at Acme Analytics. "
        "After careful consideration, we have decided to move forward with other candidates.\n\n"
        "Best regards,\n"
        "Hannah Becker\nTalent Acquisition | Acme Analytics"
    )
    return parse_bytes(message.as_bytes())


def test_a_friends_own_rejection_forwarded_to_the_user_is_not_read_as_theirs():
    from nextround.mail.recognise import recognise

    alex = addressee.known(addresses=["alex@example.com"], names=["Alex"])
    theirs = forward("Jamie Carter <jamie.carter@gmail.com>", "Jamie")
    # Nothing known about whose mailbox it is: read as written.
    assert recognise([theirs])[0].type == MessageType.REJECTION
    assert recognise([theirs], addressee=alex)[0].type != MessageType.REJECTION
    # The user's own, first sent to them, and an agency passing on the user's answer (it names them).
    mine = forward("Alex Morgan <alex@example.com>", "Alex")
    agency = forward("Olivia Grant <olivia@bridgewell-recruitment.co.uk>", "Olivia, thanks for sending Alex")
    assert [r.type for r in recognise([mine, agency], addressee=alex)] == [MessageType.REJECTION] * 2


def test_whose_mailbox_it_is_comes_from_the_address_most_letters_went_to():
    recipients, names = Counter(), {}
    addressee.count_recipients(
        ["Alex Morgan <alex@example.com>", "alex@example.com", "Jamie <jamie@example.com>"], recipients, names
    )
    assert addressee.most_written_to(recipients, names) == addressee.Addressee(
        frozenset({"alex@example.com"}), frozenset({"alex"})
    )
