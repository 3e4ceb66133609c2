"""Short form rejections are read, and a letter with a rejection's words about a job is never dropped.

The probe letters are written here in new words, after the families the fresh blind set's measurement
described (docs/mail.md); none is copied from it.
"""

import numpy as np
import pytest

from nextround.mail import recognise
from nextround.mail.parse import parse_bytes
from nextround.mail.vocabulary import MessageType

from .helpers import letter

PROBES = {
    "three lines from a housing association": (
        "Ashdown Homes Recruitment <recruitment@ashdownhomes.org.uk>",
        "Your application - Lettings Assistant",
        "Dear Alex,\n\nThank you for applying for the Lettings Assistant post. Unfortunately your "
        "application has not been successful this time.\n\nAshdown Homes",
    ),
    "a board relaying the employer's no": (
        "LinkedIn <jobs-noreply@linkedin.com>",
        "Your application to Data Analyst at Tollbridge",
        "Thanks for your interest in the Data Analyst role at Tollbridge. Unfortunately Tollbridge has "
        "decided not to move forward with your application.",
    ),
    "a council's shortlisting": (
        "Hartmoor District Council <jobs@hartmoor.gov.uk>",
        "Analyst (ref HD-204)",
        "Dear Alex Morgan,\n\nFollowing shortlisting for the above post, I am sorry to tell you that you "
        "have not been shortlisted for interview.\n\nHuman Resources",
    ),
    "a tracking system's status line": (
        "Corvel Group <corvel@myworkday.com>",
        "Your application has been updated",
        "Hello Alex,\n\nYour application for Reporting Analyst (R-2231) at Corvel Group has been updated.\n\n"
        "Status: Not Selected\n\nCorvel Group Talent",
    ),
    "two lines": (
        "Recruitment <recruitment@fenmarsh.ac.uk>",
        "Research Officer",
        "Dear Alex, we regret that your application for the Research Officer post has been unsuccessful.\n\n"
        "Fenmarsh College",
    ),
}


def read(sender: str, subject: str, text: str):
    return parse_bytes(letter(text, sender=sender, subject=subject).as_bytes())


def test_short_form_rejections_are_stored_and_most_are_read_as_rejections():
    readings = recognise.recognise([read(*probe) for probe in PROBES.values()])
    kinds = dict(zip(PROBES, (reading.type for reading in readings), strict=True))
    # None is dropped unseen; a miss waits in the queue as a status update, which closes nothing.
    assert all(kind in (MessageType.REJECTION, MessageType.STATUS) for kind in kinds.values()), kinds
    assert sum(kind == MessageType.REJECTION for kind in kinds.values()) >= 4, kinds


def other_wins() -> np.ndarray:
    row = np.full(len(recognise.TYPES), 0.02, dtype=np.float32)
    row[recognise.TYPES.index(MessageType.OTHER.value)] = 0.8
    row[recognise.TYPES.index(MessageType.REJECTION.value)] = 0.06
    return row


@pytest.mark.parametrize(
    ("sender", "subject", "text", "kept"),
    [
        (*PROBES["three lines from a housing association"], True),
        # No job word in the letter, but the sender is a recruitment team (probed after round 5).
        (
            "Recruitment Team <jobs@brightwater-housing.org.uk>",
            "Your application",
            "Dear applicant,\n\nSadly your application for Housing Officer has not been successful on this "
            "occasion.\n\nBrightwater Housing",
            True,
        ),
        (
            "Brightwater Housing <noreply@brightwater-housing.org.uk>",
            "Your application",
            "Dear applicant,\n\nSadly your application for Housing Officer has not been successful on this "
            "occasion.\n\nBrightwater Housing",
            False,
        ),
        # An allotment, a college place: "application" alone is no job.
        (
            "Millbrook Allotments <secretary@millbrookallotments.org.uk>",
            "Your plot application",
            "Dear Alex, sadly your application for a plot has not been successful this year.",
            False,
        ),
        (
            "Admissions <admissions@kingsbury.ac.uk>",
            "Your application",
            "Dear Alex, we regret to inform you that we are unable to offer you a place on the MSc.",
            False,
        ),
        # A newsletter about rejection letters quotes them.
        (
            "Career Notes <hello@careernotes.example>",
            "Why 'unsuccessful' is not the end",
            "Every job seeker gets the email: your application was unsuccessful. Here is what to do next.\n\n"
            "Unsubscribe",
            False,
        ),
    ],
)
def test_a_letter_read_as_other_is_kept_when_it_says_a_rejection_about_a_job(sender, subject, text, kept):
    index, confidence = recognise.decide_for(read(sender, subject, text), other_wins(), {"rejection": 0.8})
    expected = MessageType.STATUS if kept else MessageType.OTHER
    assert recognise.TYPES[index] == expected.value
    assert confidence == pytest.approx(0.06 if kept else 0.8)
