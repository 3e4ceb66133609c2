"""The "Check a message" page: works for anyone, stores nothing, shows findings in place and in a list."""

from django.test import Client, TestCase
from django.urls import reverse

from nextround.checker import check
from tests.checker_web.helpers import (
    by_class,
    by_id,
    by_tag,
    finding_items,
    parse,
    replaceable_example,
    visible_message,
)
from tests.personas import make_user

URL = reverse("checker:check")
RISKY = "Why didn't I get the job? This process was rigged."
BENIGN = "Thank you for explaining the process."
EMPLOYER_RISKY = "We felt you were overqualified and might not fit with our young team"
HTMX = {"HTTP_HX_REQUEST": "true"}


def textarea_value(root) -> str:
    (textarea,) = by_tag(root, "textarea")
    value = textarea.text()
    # Browsers drop one newline straight after <textarea>; Django writes one so a leading newline survives.
    return value[1:] if value.startswith("\n") else value


def finding_count(root) -> int:
    return sum(len(finding_items(ol)) for ol in by_class(root, "findings"))


class PageTests(TestCase):
    def setUp(self):
        self.client = Client()

    def test_anonymous_visitor_gets_the_page_and_is_told_nothing_is_saved(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Check a message</h1>", html=True)
        self.assertContains(response, "Nothing you type here is saved")
        self.assertContains(response, "I&#x27;m writing to an employer")
        self.assertContains(response, "I&#x27;m giving feedback to a candidate")
        root = parse(response.content)
        radios = [node for node in by_tag(root, "input") if node.attrs.get("name") == "audience"]
        self.assertEqual([radio.attrs["value"] for radio in radios], ["candidate", "employer"])
        self.assertIn("checked", radios[0].attrs)
        self.assertContains(response, "Type or paste your message to start.")

    def test_signed_in_user_gets_the_page_with_the_navigation(self):
        client = Client()
        client.force_login(make_user("olive"))
        response = client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'<a href="{URL}" aria-current="page">Check a message</a>', html=True)

    def test_the_form_checks_live_as_the_writer_types(self):
        root = parse(self.client.get(URL).content)
        form = by_id(root, "check-form")
        self.assertEqual(form.attrs["hx-post"], URL)
        self.assertEqual(form.attrs["method"], "post")  # and without scripts, it is a plain form
        self.assertIn("input changed delay:300ms from:#id_text", form.attrs["hx-trigger"])
        self.assertEqual(form.attrs["hx-target"], "#check-results")

    def test_live_check_of_a_risky_message_marks_each_excerpt_and_lists_every_finding(self):
        findings = check(RISKY, "candidate")
        self.assertGreaterEqual(len(findings), 2)
        response = self.client.post(URL, {"audience": "candidate", "text": RISKY}, **HTMX)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")  # the fragment alone
        root = parse(response.content)
        marks = by_tag(root, "mark")
        self.assertEqual([visible_message(mark) for mark in marks], [f.excerpt for f in findings])
        # Not colour alone: each mark says its severity to a screen reader and its category on screen.
        self.assertEqual(visible_message(by_id(root, "checked-text")), RISKY)
        tags = [tag.text() for tag in by_class(root, "hl__tag")]
        self.assertIn("1 · asking why", tags)
        self.assertIn("2 · accusation", tags)
        for mark in marks:
            self.assertIn("Warning:", mark.text())
        (findings_list,) = by_class(root, "findings")
        self.assertEqual(findings_list.tag, "ol")
        items = finding_items(findings_list)
        self.assertEqual(len(items), len(findings))
        for item, finding in zip(items, findings, strict=True):
            text = item.text()
            self.assertIn(finding.message, text)
            self.assertIn(finding.suggestion, text)
            self.assertIn("Warning", text)
        self.assertContains(response, "2 things to look at: 2 warnings.")

    def test_a_benign_message_gets_no_warnings_and_a_reminder_of_what_works(self):
        response = self.client.post(URL, {"audience": "candidate", "text": BENIGN}, **HTMX)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No warnings.")
        self.assertNotContains(response, "<mark")
        self.assertNotContains(response, 'class="findings"')
        self.assertContains(response, "What makes a good message")
        self.assertContains(response, "Thank them for their time")

    def test_the_employer_audience_flags_risky_feedback(self):
        findings = check(EMPLOYER_RISKY, "employer")
        self.assertTrue(findings, "the employer rules must flag this feedback")
        response = self.client.post(URL, {"audience": "employer", "text": EMPLOYER_RISKY}, **HTMX)
        root = parse(response.content)
        items = finding_items(by_class(root, "findings")[0])
        self.assertEqual(len(items), len(findings))
        for item, finding in zip(items, findings, strict=True):
            self.assertIn(finding.message, item.text())
        marked = [visible_message(mark) for mark in by_tag(root, "mark")]
        self.assertTrue(marked)
        self.assertTrue(all(excerpt in {f.excerpt for f in findings} for excerpt in marked))
        # The audience matters: the same words go through the candidate's rules instead.
        as_candidate = self.client.post(URL, {"audience": "candidate", "text": EMPLOYER_RISKY}, **HTMX)
        self.assertEqual(finding_count(parse(as_candidate.content)), len(check(EMPLOYER_RISKY, "candidate")))
        benign = self.client.post(
            URL,
            {"audience": "employer", "text": "We chose a candidate with deeper Kubernetes experience."},
            **HTMX,
        )
        self.assertContains(benign, "No warnings.")
        self.assertContains(benign, "job-related, observable evidence")

    def test_the_summary_counts_findings_by_severity_in_plain_words(self):
        text = EMPLOYER_RISKY + ". Also, are you planning a family soon? Your accent was hard to follow."
        findings = check(text, "employer")
        serious = sum(f.severity == "error" for f in findings)
        warnings = sum(f.severity == "warning" for f in findings)
        self.assertGreaterEqual(serious, 2, "the example needs several serious findings")
        response = self.client.post(URL, {"audience": "employer", "text": text}, **HTMX)
        (summary,) = by_class(parse(response.content), "check-summary")
        self.assertRegex(summary.text(), rf"{len(findings)} things to look at: {serious} serious\b")
        if warnings:
            self.assertIn(f"{warnings} warning{'' if warnings == 1 else 's'}", summary.text())
        self.assertIn("check-summary--error", summary.classes)  # and, not by colour alone, the word "serious"

    def test_without_scripts_the_form_posts_and_the_page_shows_the_findings(self):
        response = self.client.post(URL, {"audience": "candidate", "text": RISKY})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Check a message</h1>", html=True)
        root = parse(response.content)
        self.assertEqual(textarea_value(root), RISKY)
        self.assertEqual(len(finding_items(by_class(root, "findings")[0])), len(check(RISKY, "candidate")))
        employer = [n for n in by_tag(root, "input") if n.attrs.get("value") == "employer"][0]
        self.assertNotIn("checked", employer.attrs)

    def test_everything_the_writer_typed_is_escaped_in_the_textarea_and_in_the_marked_copy(self):
        text = (
            "<script>alert(\"x\")</script> “Quoted” & 'single' 🙂🎉 مرحبا שלום\n"
            "</textarea><b>bold</b> This process was rigged. 🙂"
        )
        self.assertTrue(check(text, "candidate"), "the text must have a finding so the marked copy shows")
        for headers in ({}, HTMX):
            response = self.client.post(URL, {"audience": "candidate", "text": text}, **headers)
            body = response.content.decode()
            self.assertNotIn("<script>alert", body)
            self.assertNotIn("<b>bold</b>", body)
            self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", body)
            root = parse(body)
            self.assertEqual(visible_message(by_id(root, "checked-text")), text)
            marks = [visible_message(mark) for mark in by_tag(root, "mark")]
            # Offsets after emoji and right-to-left text still land on the word.
            self.assertIn("rigged", marks)
            if not headers:
                self.assertEqual(textarea_value(root), text)

    def test_line_breaks_from_the_browser_are_checked_as_the_textarea_shows_them(self):
        data = {"audience": "candidate", "text": "Hello,\r\n\r\nThis was rigged."}
        response = self.client.post(URL, data, **HTMX)
        root = parse(response.content)
        self.assertEqual(visible_message(by_id(root, "checked-text")), "Hello,\n\nThis was rigged.")
        (mark,) = by_tag(root, "mark")
        self.assertEqual(visible_message(mark), "rigged")

    def test_an_empty_message_gets_an_error_by_the_field_but_clearing_the_box_while_typing_does_not(self):
        response = self.client.post(URL, {"audience": "candidate", "text": "  "})
        self.assertEqual(response.status_code, 200)
        root = parse(response.content)
        (textarea,) = by_tag(root, "textarea")
        self.assertEqual(textarea.attrs.get("aria-invalid"), "true")
        self.assertIn("Type or paste the message you want to check.", textarea.parent.text())
        live = self.client.post(URL, {"audience": "candidate", "text": ""}, **HTMX)
        self.assertEqual(live.status_code, 200)
        self.assertContains(live, "Type or paste your message to start.")
        self.assertNotContains(live, "errorlist")

    def test_a_message_over_the_limit_is_refused_with_its_length_and_kept(self):
        text = "Thank you. " * 2000  # 22,000 characters
        response = self.client.post(URL, {"audience": "candidate", "text": text})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Your message is 22,000 characters long; the check takes up to 20,000.")
        self.assertEqual(textarea_value(parse(response.content)), text)  # nothing the writer typed is lost
        live = self.client.post(URL, {"audience": "candidate", "text": text}, **HTMX)
        self.assertEqual(live.status_code, 422)
        self.assertContains(live, "22,000 characters", status_code=422)
        self.assertContains(live, 'role="alert"', status_code=422)

    def test_an_unknown_audience_is_refused_by_name(self):
        response = self.client.post(URL, {"audience": "lawyer", "text": RISKY})
        self.assertContains(response, "Choose one of the two kinds of message.")
        self.assertEqual(textarea_value(parse(response.content)), RISKY)

    def test_the_page_reads_and_writes_nothing_in_the_database_for_a_visitor(self):
        with self.assertNumQueries(0):
            self.client.post(URL, {"audience": "candidate", "text": RISKY})
            self.client.post(URL, {"audience": "employer", "text": EMPLOYER_RISKY}, **HTMX)

    def test_get_and_post_only(self):
        self.assertEqual(self.client.put(URL).status_code, 405)


class UseSuggestionTests(TestCase):
    def setUp(self):
        example = replaceable_example()
        if example is None:
            self.skipTest("no rule offers a drop-in replacement yet")
        self.audience, self.text, self.finding = example

    def apply_token(self, finding) -> str:
        return f"{finding.start}:{finding.end}:{finding.rule}"

    def test_a_finding_with_a_replacement_offers_a_button_that_targets_the_textarea(self):
        response = self.client.post(URL, {"audience": self.audience, "text": self.text}, **HTMX)
        buttons = [b for b in by_tag(parse(response.content), "button") if "data-checker-apply" in b.attrs]
        button = next(b for b in buttons if b.attrs["data-excerpt"] == self.finding.excerpt)
        self.assertEqual(button.attrs["data-target"], "id_text")
        self.assertEqual(button.attrs["data-replacement"], self.finding.replacement)
        self.assertEqual(button.attrs["type"], "submit")
        self.assertEqual(button.attrs["value"], self.apply_token(self.finding))
        self.assertIn("Use suggestion", button.text())

    def test_without_scripts_use_suggestion_replaces_the_excerpt_and_checks_again(self):
        response = self.client.post(
            URL, {"audience": self.audience, "text": self.text, "apply": self.apply_token(self.finding)}
        )
        expected = self.text[: self.finding.start] + self.finding.replacement + self.text[self.finding.end :]
        self.assertEqual(textarea_value(parse(response.content)), expected)
        self.assertContains(response, "Replaced “")
        self.assertNotIn(self.finding, check(expected, self.audience))

    def test_a_stale_suggestion_changes_nothing_and_says_so(self):
        stale = f"{self.finding.start + 1}:{self.finding.end + 1}:{self.finding.rule}"
        response = self.client.post(URL, {"audience": self.audience, "text": self.text, "apply": stale})
        self.assertEqual(textarea_value(parse(response.content)), self.text)
        self.assertContains(response, "That suggestion no longer matches your message")


class CsrfTests(TestCase):
    def test_the_page_post_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        self.assertEqual(client.post(URL, {"audience": "candidate", "text": RISKY}).status_code, 403)
        self.assertEqual(client.post(reverse("checker:inline"), {"audience": "candidate"}).status_code, 403)
        page = client.get(URL)
        token = page.cookies["csrftoken"].value
        response = client.post(URL, {"audience": "candidate", "text": RISKY, "csrfmiddlewaretoken": token})
        self.assertEqual(response.status_code, 200)
        # htmx sends the token as a header, which the base template sets on <body>.
        live = client.post(URL, {"audience": "candidate", "text": RISKY}, HTTP_X_CSRFTOKEN=token, **HTMX)
        self.assertEqual(live.status_code, 200)


class WhyFlaggedTests(TestCase):
    """Each finding says where it came from; a model finding shows its score and what it learned from."""

    def test_a_model_finding_shows_its_score_threshold_and_nearest_examples(self):
        text = "Thanks for the interview. You lot are clowns."
        [finding] = check(text, "candidate")
        self.assertEqual(finding.source, "model")
        response = self.client.post(URL, {"audience": "candidate", "text": text}, **HTMX)
        root = parse(response.content)
        [item] = by_class(root, "finding")
        [why] = by_class(item, "finding__why")
        self.assertEqual(why.tag, "details")
        words = " ".join(why.text().split())
        self.assertIn(f"{round(finding.score * 100)}% likely to be resentment", words)
        self.assertIn("No listed phrase matched here", words)
        examples = by_tag(why, "li")
        self.assertEqual(len(examples), 3)
        self.assertTrue(any("(resentment)" in li.text() for li in examples))
        [mark] = by_tag(by_id(root, "checked-text"), "mark")
        self.assertIn("You lot are clowns.", mark.text())

    def test_a_rule_finding_says_a_known_phrasing_matched(self):
        response = self.client.post(URL, {"audience": "candidate", "text": "Why was I rejected?"}, **HTMX)
        [why] = by_class(parse(response.content), "finding__why")
        self.assertIn("Found by a rule", why.text())

    def test_the_live_check_under_a_draft_explains_model_findings_too(self):
        response = self.client.post(
            reverse("checker:inline"),
            {"audience": "employer", "target": "id_text", "text": "We want someone young and hungry."},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(by_class(parse(response.content), "finding__why"))
