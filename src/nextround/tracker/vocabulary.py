"""The tracker's words, one home for each (plain Python, no Django): models, forms, engines and imports all
import them from here, so that no value is written out twice."""

from nextround.core.choices import Choices


class Stage(Choices):
    SAVED = "saved", "Saved"
    APPLIED = "applied", "Applied"
    SCREENING = "screening", "Screening"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFER = "offer", "Offer"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    GHOSTED = "ghosted", "No answer (ghosted)"


# Stages where the application is over; the rest are "in flight".
CLOSED_STAGES = (Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED)


class Source(Choices):
    REFERRAL = "referral", "Referral"
    JOB_BOARD = "job_board", "Job board"
    COMPANY_SITE = "company_site", "Company site"
    RECRUITER = "recruiter", "Recruiter"
    LINKEDIN = "linkedin", "LinkedIn"
    OTHER = "other", "Other"


class WorkMode(Choices):
    ONSITE = "onsite", "On site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class Channel(Choices):
    """How the user heard about a stage change."""

    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    IN_PERSON = "in_person", "In person"
    MESSAGE = "message", "Message (LinkedIn, chat…)"
    PORTAL = "portal", "Applicant portal"
    NONE = "none", "Nobody told me"


class ContactRole(Choices):
    RECRUITER = "recruiter", "Recruiter"
    HIRING_MANAGER = "hiring_manager", "Hiring manager"
    INTERVIEWER = "interviewer", "Interviewer"
    REFERENCE = "reference", "Reference"
    MUTUAL = "mutual", "Mutual connection"
    OTHER = "other", "Other"


class InteractionKind(Choices):
    CALL = "call", "Call"
    EMAIL = "email", "Email"
    MESSAGE = "message", "Message"
    MEETING = "meeting", "Meeting"
    NOTE = "note", "Note"


class Direction(Choices):
    OUTGOING = "out", "I reached out"
    INCOMING = "in", "They reached out"
    NONE = "", "—"


class FollowUpStatus(Choices):
    OPEN = "open", "To do"
    SNOOZED = "snoozed", "Snoozed"
    DONE = "done", "Done"
    DISMISSED = "dismissed", "Dismissed"


ACTIVE_FOLLOW_UP = (FollowUpStatus.OPEN, FollowUpStatus.SNOOZED)


class FollowUpOrigin(Choices):
    """Who made a follow-up: the user, or the playbook from a contact's keep-in-touch cadence."""

    USER = "", "Written by you"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"


class Origin(Choices):
    """Where a write came from; every tracker event carries it (see `tracker/events.py`)."""

    USER = "user", "You, in the app or at the command line"
    IMPORT = "import", "An import (LinkedIn or a spreadsheet)"
    RESTORE = "restore", "A restore of a JSON export"
