"""The Mail page: paste, drop or upload mail, the mailbox form; owner only, clear refusals, no 500s."""

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nextround.mail import vault
from nextround.mail.forms import MAX_UPLOAD_BYTES
from nextround.mail.models import MailAccount, MailMessage
from tests.mail.helpers import REJECTION_TEXT, friend, invitation, job_alert, rejection, write_mbox
from tests.personas import PersonaTestCase, make_application, make_company


class MailPageTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application = make_application(self.owner, make_company(self.owner, "Acme Analytics"))

    def upload(self, name, data, client=None):
        return (client or self.client).post("/mail/upload/", {"file": SimpleUploadedFile(name, data)})

    def test_the_page_says_what_is_not_stored_and_what_to_do_when_empty(self):
        response = self.client.get("/mail/")
        self.assertContains(response, "does not store them at all")
        self.assertContains(response, "Nothing to review")
        self.assertEqual(self.anonymous.get("/mail/").status_code, 302)

    def test_a_pasted_rejection_joins_the_queue_with_its_proposal(self):
        response = self.client.post("/mail/paste/", {"text": REJECTION_TEXT}, follow=True)
        self.assertContains(response, "about your job search added to the review queue")
        message = MailMessage.objects.get(owner=self.owner)
        self.assertEqual((message.kind, message.application), ("rejection", self.application))
        self.assertContains(response, "Move it to Rejected on")
        self.assertContains(response, "The panel felt your SQL was strong")

    def test_a_pasted_note_that_is_not_about_the_search_is_not_stored_and_the_page_says_so(self):
        response = self.client.post("/mail/paste/", {"text": friend().get_content()}, follow=True)
        self.assertContains(response, "Nothing was stored")
        self.assertFalse(MailMessage.objects.exists())

    def test_an_empty_paste_names_the_field(self):
        response = self.client.post("/mail/paste/", {"text": ""})
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "This field is required", status_code=422)

    def test_a_dropped_eml_an_mbox_and_a_zip_are_read_and_importing_twice_adds_nothing(self):
        self.upload("letter.eml", rejection().as_bytes())
        self.assertEqual(MailMessage.objects.count(), 1)
        path = write_mbox(self.tmp() / "box.mbox", [rejection(), invitation(), job_alert()])
        response = self.upload("box.mbox", path.read_bytes())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(MailMessage.objects.count(), 2)
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as out:
            out.writestr("a.eml", rejection().as_bytes())
            out.writestr("b.eml", invitation().as_bytes())
        self.upload("mail.zip", archive.getvalue())
        self.assertEqual(MailMessage.objects.count(), 2)

    def test_a_binary_file_and_a_broken_mbox_are_refused_with_the_reason(self):
        response = self.upload("photo.eml", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        self.assertContains(response, "binary file, not mail", status_code=422)
        response = self.upload("export.mbox", b"Subjet oops\ntruncated export\n")
        self.assertContains(response, "does not start like a mailbox", status_code=422)
        self.assertFalse(MailMessage.objects.exists())

    def test_an_upload_over_the_limit_is_refused_before_it_is_read(self):
        response = self.client.generic(
            "POST",
            "/mail/upload/",
            b"x" * 100,
            content_type="multipart/form-data; boundary=xyz",
            CONTENT_LENGTH=str(1024**3),
        )
        self.assertEqual(response.status_code, 413)
        self.assertContains(response, f"up to {MAX_UPLOAD_BYTES // 2**20} MB", status_code=413)
        self.assertContains(response, "nextround mail import", status_code=413)

    def test_message_pages_are_owner_only(self):
        self.client.post("/mail/paste/", {"text": REJECTION_TEXT})
        message = MailMessage.objects.get()
        self.assert_owner_only(f"/mail/messages/{message.pk}/")
        for action in ("accept", "dismiss", "undo"):
            other = self.other_client.post(f"/mail/messages/{message.pk}/{action}/")
            self.assertEqual(other.status_code, 404)
        message.refresh_from_db()
        self.assertEqual(message.review, "pending")
        self.assertNotContains(self.other_client.get("/mail/"), "Acme Analytics")

    def test_csrf_is_required_on_every_form(self):
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(self.owner)
        for path in (
            "/mail/paste/",
            "/mail/upload/",
            "/mail/accept-all/",
            "/mail/mailbox/",
            "/mail/mailbox/sync/",
        ):
            self.assertEqual(strict.post(path, {"text": "x"}).status_code, 403, path)

    def test_the_mailbox_form_keeps_the_password_encrypted_and_never_shows_it(self):
        data = {"host": "imap.example.com", "port": 993, "username": "alex@example.com", "folder": "Jobs"}
        response = self.client.post("/mail/mailbox/", data)
        self.assertContains(response, "Enter the app password", status_code=422)
        response = self.client.post(
            "/mail/mailbox/", {**data, "password": "s3cret-app-password"}, follow=True
        )
        self.assertContains(response, "Mailbox saved")
        self.assertNotContains(response, "s3cret-app-password")
        account = MailAccount.objects.get(owner=self.owner)
        self.assertNotIn(b"s3cret-app-password", bytes(account.password_encrypted))
        self.assertEqual(vault.decrypt(account.password_encrypted), "s3cret-app-password")
        self.client.post("/mail/mailbox/", {**data, "folder": "INBOX"})  # empty password keeps the saved one
        account.refresh_from_db()
        self.assertEqual(
            (account.folder, vault.decrypt(account.password_encrypted)), ("INBOX", "s3cret-app-password")
        )
        export = self.client.get("/export/nextround.json").content
        self.assertNotIn(b"s3cret-app-password", export)
        self.assertNotIn(bytes(account.password_encrypted), export)
        self.client.post("/mail/mailbox/remove/")
        self.assertFalse(MailAccount.objects.exists())

    def test_a_bad_server_name_is_named(self):
        response = self.client.post(
            "/mail/mailbox/",
            {
                "host": "https://imap.gmail.com/",
                "port": 993,
                "username": "a",
                "password": "b",
                "folder": "INBOX",
            },
        )
        self.assertContains(response, "Enter only the server", status_code=422)

    def tmp(self) -> Path:
        folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, folder, True)
        return folder
