"""The words of mail intake, one home for each (plain Python, no Django): message types, proposed actions,
where a message came from and where it is in the review."""

from nextround.core.choices import Choices


class MessageType(Choices):
    REJECTION = "rejection", "Rejection"
    INTERVIEW = "interview_invitation", "Interview invitation"
    ASSESSMENT = "assessment", "Assessment or take-home"
    RECEIVED = "application_received", "Application received"
    OFFER = "offer", "Offer"
    OUTREACH = "recruiter_outreach", "Recruiter outreach"
    STATUS = "status_update", "Status update"
    OTHER = "other", "Other"


class Action(Choices):
    """What nextround proposes for one message (the `action` of `mail import --dry-run --json`)."""

    REJECT = "move_to_rejected", "Move to Rejected and start the plan"
    INTERVIEW = "move_to_interviewing", "Move to Interviewing"
    LOG = "log_interaction", "Log it on the application"
    CREATE = "create_application", "Create the application"
    CHOOSE = "choose_application", "Choose the application"  # several fit; the user picks, never a guess
    SKIP = "not_stored", "Not about your job search: not stored"
    DUPLICATE = "already_imported", "Already imported"


class Review(Choices):
    PENDING = "pending", "Waiting for you"
    ACCEPTED = "accepted", "Accepted"
    AUTOMATIC = "automatic", "Applied automatically"
    DISMISSED = "dismissed", "Dismissed"


class MailOrigin(Choices):
    PASTE = "paste", "Pasted"
    FILE = "file", "Uploaded file"
    COMMAND = "command", "Command line"
    IMAP = "imap", "Mailbox sync"
