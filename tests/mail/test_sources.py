"""Reading mailbox files: what is mail is read one message at a time, what is not is refused clearly."""

import zipfile

import pytest

from nextround.mail.parse import parse_bytes
from nextround.mail.sources import MailFileProblem, iter_bytes, iter_file
from tests.mail.helpers import invitation, job_alert, rejection, write_mbox


def test_an_mbox_gives_every_message_with_from_lines_in_bodies_unescaped(tmp_path):
    tricky = rejection(message_id="tricky@x")
    tricky.set_content("Hi,\n\nFrom what we saw, we will not proceed.\n")
    path = write_mbox(tmp_path / "box.mbox", [rejection(), tricky, invitation()])
    messages = list(iter_file(path))
    assert [m.where.split(" (")[0] for m in messages] == ["message 1", "message 2", "message 3"]
    assert "From what we saw" in parse_bytes(messages[1].data).text


def test_a_zip_of_eml_files_and_a_single_eml_are_read(tmp_path):
    archive = tmp_path / "mail.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("one.eml", rejection().as_bytes())
        out.writestr("two.eml", invitation().as_bytes())
        out.writestr("notes.txt", "not mail")
        out.writestr("__MACOSX/._one.eml", b"\x00\x05\x16\x07")
    assert len(list(iter_file(archive))) == 2
    single = tmp_path / "one.eml"
    single.write_bytes(job_alert().as_bytes())
    [only] = list(iter_file(single))
    assert parse_bytes(only.data).subject.startswith("30 new jobs")
    assert len(list(iter_bytes(archive.read_bytes(), "mail.zip"))) == 2


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("photo.mbox", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
        ("broken.mbox", b"Subjet oops\nthis is a truncated export\n", "does not start like a mailbox"),
        ("notes.txt", b"Dear diary, no headers here.\n", "no headers"),
        ("empty.mbox", b"", "empty"),
        ("bad.zip", b"PK\x03\x04 this is not really a zip", "not a readable .zip"),
    ],
)
def test_what_is_not_mail_is_refused_with_a_reason(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(MailFileProblem, match=says):
        list(iter_file(path))


def test_a_zip_without_eml_files_or_with_a_binary_one_is_refused(tmp_path):
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.jpg", b"\xff\xd8\xff")
    with pytest.raises(MailFileProblem, match="no .eml files"):
        list(iter_file(archive))
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.eml", b"\xff\xd8\xff\x00\x00JFIF" * 50)
    with pytest.raises(MailFileProblem, match="binary file"):
        list(iter_file(archive))


def test_a_missing_file_or_a_folder_is_named(tmp_path):
    with pytest.raises(MailFileProblem, match="no such file"):
        list(iter_file(tmp_path / "nope.mbox"))
    with pytest.raises(MailFileProblem, match="folder"):
        list(iter_file(tmp_path))
