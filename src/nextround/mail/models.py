from django.db import models
from django.db.models import Q

from nextround.core.models import OwnedModel
from nextround.mail.vocabulary import Action, MailOrigin, MessageType, Review

BADGES = {
    MessageType.REJECTION: "rejected",
    MessageType.INTERVIEW: "interviewing",
    MessageType.ASSESSMENT: "screening",
    MessageType.RECEIVED: "applied",
    MessageType.OFFER: "offer",
    MessageType.OUTREACH: "saved",
    MessageType.STATUS: "ghosted",
}


class MailMessage(OwnedModel):
    """One message about the user's job search, with what nextround read in it and proposes to do.

    Messages that are not about the job search are never stored. `applied` records what accepting the
    proposal created or changed (row ids), so that it can be undone exactly.
    """

    message_id = models.CharField(max_length=255)
    origin = models.CharField(max_length=10, choices=MailOrigin.choices)
    subject = models.CharField(max_length=500, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    sender_address = models.CharField(max_length=254, blank=True)
    sent_at = models.DateTimeField("the letter's date")
    text = models.TextField(max_length=60000, blank=True)
    forwarded = models.BooleanField(default=False)
    kind = models.CharField("type", max_length=24, choices=MessageType.choices)
    confidence = models.FloatField(default=0)
    company_name = models.CharField(max_length=200, blank=True)
    role_title = models.CharField(max_length=200, blank=True)
    decisive = models.TextField("the sentence that decided it", blank=True, max_length=2000)
    feedback = models.TextField(blank=True, max_length=2000)
    application = models.ForeignKey(
        "tracker.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="mail"
    )
    # Ids of the applications that fit equally well ("choose" proposals); the user picks one.
    candidates = models.JSONField(default=list, blank=True)
    action = models.CharField(max_length=24, choices=Action.choices)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    applied = models.JSONField(default=dict, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint("owner", "message_id", name="mail_message_once_per_owner"),
        ]
        indexes = [
            models.Index(fields=["owner", "review", "-sent_at"], name="mail_queue"),
            models.Index(
                fields=["owner", "application"],
                name="mail_by_application",
                condition=Q(application__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.subject or f"Message from {self.sender_name or self.sender_address}"

    @property
    def badge(self) -> str:
        """The stage badge colour that goes with the message's type."""
        return BADGES.get(self.kind, "saved")


class MailAccount(OwnedModel):
    """The mailbox nextround syncs over IMAP: one per user. The app password is kept encrypted."""

    host = models.CharField("IMAP server", max_length=253)
    port = models.PositiveIntegerField(default=993)
    username = models.CharField("user name", max_length=254)
    folder = models.CharField("folder or label", max_length=200, default="INBOX")
    since = models.DateField("messages since", null=True, blank=True)
    password_encrypted = models.BinaryField(editable=False)
    uidvalidity = models.BigIntegerField(null=True, blank=True, editable=False)
    last_uid = models.BigIntegerField(default=0, editable=False)
    last_synced_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_result = models.CharField(max_length=500, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint("owner", name="mail_account_once_per_owner")]

    def __str__(self) -> str:
        return f"{self.username} on {self.host}"
