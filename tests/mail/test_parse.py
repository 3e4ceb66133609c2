"""Reading one message: MIME structure, encodings, charsets, forwards and replies."""

import base64
import datetime as dt
from email.message import EmailMessage

from nextround.mail.parse import parse_bytes, parse_text

REJECTION = "Unfortunately we have decided to move forward with other candidates."


def message(body="Hello", *, subtype="plain", headers=None, charset="utf-8", cte=None) -> EmailMessage:
    msg = EmailMessage()
    defaults = {
        "From": "Acme Hiring Team <no-reply@greenhouse.io>",
        "To": "me@example.com",
        "Subject": "Your application to Acme",
        "Date": "Tue, 03 Mar 2026 10:12:00 +0100",
        "Message-ID": "<abc-123@greenhouse.io>",
    }
    for name, value in {**defaults, **(headers or {})}.items():
        if value is not None:
            msg[name] = value
    msg.set_content(body, subtype=subtype, charset=charset, cte=cte)
    return msg


def test_headers_and_plain_body_are_read():
    mail = parse_bytes(message(f"Hi Alex,\n\n{REJECTION}\n").as_bytes())
    assert mail.message_id == "abc-123@greenhouse.io"
    assert (mail.from_name, mail.from_address, mail.from_domain) == (
        "Acme Hiring Team",
        "no-reply@greenhouse.io",
        "greenhouse.io",
    )
    assert mail.subject == "Your application to Acme"
    assert mail.date == dt.datetime(2026, 3, 3, 9, 12, tzinfo=dt.UTC)
    assert REJECTION in mail.text


def test_an_html_only_message_becomes_text_without_markup():
    html = (
        f"<html><body><p>Hi Alex,</p><table><tr><td>{REJECTION}</td></tr></table>"
        "<style>p{}</style></body></html>"
    )
    mail = parse_bytes(message(html, subtype="html").as_bytes())
    assert REJECTION in mail.text
    assert "<" not in mail.text and "p{}" not in mail.text


def test_multipart_alternative_prefers_the_plain_part_unless_it_is_empty():
    msg = message(f"Hi Alex, {REJECTION}")
    msg.add_alternative(f"<p>Hi Alex, <b>{REJECTION}</b></p>", subtype="html")
    assert parse_bytes(msg.as_bytes()).text == f"Hi Alex, {REJECTION}"
    empty = message(" ")
    empty.add_alternative(f"<p>{REJECTION}</p>", subtype="html")
    assert REJECTION in parse_bytes(empty.as_bytes()).text


def test_quoted_printable_base64_and_encoded_words_are_decoded():
    qp = message("Ren\u00e9, we won\u2019t be progressing your application.", cte="quoted-printable")
    assert "René, we won’t be progressing" in parse_bytes(qp.as_bytes()).text
    b64 = message("Ren\u00e9, the position has been filled.", cte="base64")
    assert "René, the position has been filled." in parse_bytes(b64.as_bytes()).text
    raw = (
        b"From: =?utf-8?q?Jos=C3=A9_at_Acme?= <jose@acme.example>\r\n"
        b"Subject: =?utf-8?b?" + base64.b64encode("Entrevista – próximos pasos".encode()) + b"?=\r\n"
        b"Message-ID: <x@y>\r\n\r\nHola\r\n"
    )
    mail = parse_bytes(raw)
    assert mail.from_name == "José at Acme"
    assert mail.subject == "Entrevista – próximos pasos"


def test_a_wrong_or_unknown_charset_still_gives_readable_text():
    raw = (
        b"From: hr@acme.example\r\nSubject: Update\r\nMessage-ID: <c@d>\r\n"
        b'Content-Type: text/plain; charset="x-unknown-8bit"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
        + "Thanks for your interest \u2013 we will not proceed.".encode("cp1252")
    )
    mail = parse_bytes(raw)
    assert "we will not proceed" in mail.text
    latin = (
        b"From: hr@acme.example\r\nSubject: Update\r\nMessage-ID: <e@f>\r\n"
        b'Content-Type: text/plain; charset="iso-8859-1"\r\n\r\n' + "Caf\u00e9 team".encode("latin-1")
    )
    assert parse_bytes(latin).text == "Café team"


def test_a_message_without_message_id_gets_a_stable_one():
    data = message(REJECTION, headers={"Message-ID": None}).as_bytes()
    first, second = parse_bytes(data), parse_bytes(data)
    assert first.message_id == second.message_id
    assert first.message_id.startswith("nextround-")
    other = parse_bytes(message("Something else", headers={"Message-ID": None}).as_bytes())
    assert other.message_id != first.message_id


def test_an_inline_forward_is_read_as_the_original_letter():
    body = (
        "FYI, for my tracker.\n\n---------- Forwarded message ---------\n"
        "From: Sam Lee <sam.lee@acme.example>\nDate: Tue, Mar 3, 2026 at 10:12 AM\n"
        "Subject: Your application\nTo: <me@gmail.com>\n\nHi Alex,\n\n" + REJECTION + "\n"
    )
    mail = parse_bytes(
        message(body, headers={"From": "Me <me@gmail.com>", "Subject": "Fwd: Your application"}).as_bytes()
    )
    assert mail.forwarded
    assert (mail.from_name, mail.from_address) == ("Sam Lee", "sam.lee@acme.example")
    assert mail.subject == "Your application"
    assert mail.date == dt.datetime(2026, 3, 3, 10, 12, tzinfo=dt.UTC)
    assert mail.text.startswith("Hi Alex,") and "FYI" not in mail.text


def test_a_message_forwarded_as_an_attachment_is_read_as_the_original():
    original = message(REJECTION, headers={"From": "Acme <jobs@acme.example>", "Subject": "Decision"})
    outer = message("See attached.", headers={"From": "me@gmail.com", "Subject": "Fwd: Decision"})
    outer.add_attachment(original)
    mail = parse_bytes(outer.as_bytes())
    assert mail.forwarded and mail.from_address == "jobs@acme.example" and mail.subject == "Decision"
    assert REJECTION in mail.text


def test_a_reply_keeps_only_what_its_writer_wrote():
    body = (
        "Thanks Sam, I appreciate you letting me know. Would you have 10 minutes for a call?\n\n"
        "On Tue, 3 Mar 2026 at 10:12, Sam Lee <sam@acme.example> wrote:\n> Hi Alex,\n> " + REJECTION + "\n"
    )
    mail = parse_bytes(
        message(body, headers={"Subject": "Re: Your application", "In-Reply-To": "<a@b>"}).as_bytes()
    )
    assert mail.reply
    assert REJECTION not in mail.text and "10 minutes for a call" in mail.text
    outlook = "Sounds good.\n\nFrom: Sam Lee\nSent: Tuesday\nTo: Alex\nSubject: Decision\n\n" + REJECTION
    assert parse_bytes(message(outlook).as_bytes()).text == "Sounds good."


def test_pasted_words_and_pasted_headers_are_both_read():
    words = parse_text(f"Hi Alex,\n\n{REJECTION}\n\nBest, Sam")
    assert REJECTION in words.text and words.message_id.startswith("nextround-")
    assert parse_text(f"Hi Alex,\n\n{REJECTION}\n\nBest, Sam").message_id == words.message_id
    headed = parse_text(f"From: Sam <sam@acme.example>\nSubject: Decision\n\n{REJECTION}")
    assert headed.from_address == "sam@acme.example" and headed.subject == "Decision"
    assert headed.text == REJECTION


def test_garbage_never_raises():
    for data in (
        b"",
        b"\x00\x01\x02",
        b"From: \r\n\r\n",
        b"Content-Type: multipart/mixed\r\n\r\n--x--",
        b":::",
    ):
        mail = parse_bytes(data)
        assert isinstance(mail.text, str) and mail.message_id


def test_an_outlook_reply_keeps_only_what_its_writer_wrote():
    body = (
        "Hi Jordan,\n\nThanks for your note. We decided not to continue with the process.\n\nLena\n\n"
        "________________________________\nFrom: Jordan Ellis <jordan@gmail.com>\n"
        "Sent: Monday, March 9, 2026 4:55 PM\nTo: Lena Vogt <lena@brassica.example>\n"
        "Subject: portfolio review follow-up\n\nHi Lena, is there any update on next steps?\n"
    )
    mail = parse_bytes(
        message(
            body, headers={"From": "Lena Vogt <lena@brassica.example>", "Subject": "Re: portfolio review"}
        ).as_bytes()
    )
    assert not mail.forwarded and mail.from_address == "lena@brassica.example"
    assert mail.text.endswith("Lena") and "any update" not in mail.text and "____" not in mail.text


def test_replies_in_french_spanish_and_german_keep_only_what_their_writer_wrote():
    for quote in (
        "Le mar. 17 févr. 2026 à 19:04, Rahul Iyer <rahul@gmail.com> a écrit :",
        "El mar, 17 feb 2026 a las 19:04, Rahul Iyer (<rahul@gmail.com>) escribió:",
        "Am Di., 17. Feb. 2026 um 19:04 Uhr schrieb Rahul Iyer <rahul@gmail.com>:",
        "-----Ursprüngliche Nachricht-----",
    ):
        body = f"Parfait, mardi 14:00 est confirmé.\n\n{quote}\n> {REJECTION}\n\n{REJECTION}\n"
        mail = parse_bytes(message(body, headers={"Subject": "Re: Entretien"}).as_bytes())
        assert mail.text == "Parfait, mardi 14:00 est confirmé.", quote


def test_forwards_in_french_and_spanish_are_read_as_the_original_letter():
    french = (
        "pour archive\n\n---------- Message transféré ---------\n"
        "De : Brumelune Studio <jobs@brumelune.example>\nDate: mer. 28 janv. 2026 à 18:22\n"
        "Subject: Candidature reçue\nTo: Léa <lea@example.fr>\n\nHi Léa,\n\n" + REJECTION
    )
    spanish = (
        "Diego, esto llegó al correo de casa\n\n________________________________\n"
        "De: Recursos Humanos <rrhh@hotellasdunas.example>\n"
        "Enviado: viernes, 6 de marzo de 2026 17:40\nPara: carmen@hotmail.example\n"
        "Asunto: Solicitud – Jefe de Cocina\n\nDear Diego,\n\n" + REJECTION
    )
    for body, sender, subject in (
        (french, "jobs@brumelune.example", "Candidature reçue"),
        (spanish, "rrhh@hotellasdunas.example", "Solicitud – Jefe de Cocina"),
    ):
        mail = parse_bytes(
            message(body, headers={"From": "me@gmail.com", "Subject": f"TR: {subject}"}).as_bytes()
        )
        assert mail.forwarded and (mail.from_address, mail.subject) == (sender, subject)
        assert mail.text.endswith(REJECTION) and "archive" not in mail.text and "casa" not in mail.text


def test_a_forward_without_a_forward_line_is_read_as_the_original_when_the_subject_says_so():
    outlook = (
        "From: Tidewell Energy Careers <careers@tidewell.example>\n"
        "Sent: Thursday, February 5, 2026 2:31 PM\nTo: Rahul <rahul@kelson.example>\n"
        "Subject: Mechanical Engineer\n\nDear Rahul,\n\n" + REJECTION
    )
    proton = (
        "Papa, voilà la lettre!\n\n-------- Original Message --------\n"
        "From: Nikhil <nikhil@orchard.example>\nDate: On Monday, August 31st, 2026 at 3:44 PM\n"
        "Subject: Offer letter\n\nHi Leila,\n\nWe are happy to offer you the role."
    )
    # An HTML forward whose "Forwarded message" line a converter might drop: the header block is enough.
    html = (
        '<div>for my records.<br><div class="gmail_quote"><div class="gmail_attr">From: <strong>Westgate '
        "Talent</strong> &lt;westgate@myworkday.com&gt;<br>Date: Tue, Dec 1, 2026 at 4:02 PM<br>"
        "Subject: Nurse Educator<br>To: &lt;maria@gmail.com&gt;<br></div>"
        f"<p>Dear Maria,</p><p>{REJECTION}</p></div></div>"
    )
    cases = (
        (message(outlook, headers={"Subject": "FW: Mechanical Engineer"}), "careers@tidewell.example"),
        (message(proton, headers={"Subject": "Fwd: Offer letter"}), "nikhil@orchard.example"),
        (message(html, subtype="html", headers={"Subject": "Fwd: Nurse Educator"}), "westgate@myworkday.com"),
    )
    for msg, sender in cases:
        mail = parse_bytes(msg.as_bytes())
        assert mail.forwarded and mail.from_address == sender
        assert "Papa" not in mail.text and "records" not in mail.text
    outlook_mail = parse_bytes(cases[0][0].as_bytes())
    assert outlook_mail.date == dt.datetime(2026, 2, 5, 14, 31, tzinfo=dt.UTC)
    # The same header block under "Re:" is the quoted history of a reply, not a forward.
    reply = parse_bytes(message("Thanks!\n\n" + outlook, headers={"Subject": "Re: Engineer"}).as_bytes())
    assert not reply.forwarded and reply.text == "Thanks!"
