"""The live check under a draft: one include, and the endpoint it calls."""

import json

from django.template import engines
from django.test import Client, RequestFactory, TestCase
from django.urls import reverse

from nextround.checker import check
from tests.checker_web.helpers import by_class, by_id, by_tag, finding_items, parse, replaceable_example

URL = reverse("checker:inline")
RISKY = "Why didn't I get the job? This process was rigged."
HTMX = {"HTTP_HX_REQUEST": "true"}

# A draft editor as another capability would write it: its own form, its own field names.
DRAFT_PAGE = """
<form method="post" action="/somewhere">
  <label for="draft-body-7">Draft</label>
  <textarea id="draft-body-7" name="body">{{ text }}</textarea>
  {% include "checker/_live_check.html" with field_id="draft-body-7" audience="employer" %}
  <button type="submit">Save</button>
</form>
"""


class PartialTests(TestCase):
    def render(self, source=DRAFT_PAGE, **context):
        request = RequestFactory().get("/")
        return engines["django"].from_string(source).render({"text": "", **context}, request)

    def test_the_partial_checks_its_textarea_on_load_and_as_the_writer_types(self):
        root = parse(self.render())
        (box,) = by_class(root, "live-check")
        self.assertEqual(box.attrs["hx-post"], URL)
        self.assertEqual(box.attrs["hx-trigger"], "load, input changed delay:400ms from:#draft-body-7")
        self.assertEqual(box.attrs["hx-include"], "#draft-body-7")
        self.assertEqual(box.attrs["hx-target"], "this")
        self.assertEqual(json.loads(box.attrs["hx-vals"]), {"audience": "employer", "target": "draft-body-7"})
        self.assertEqual(box.attrs["data-field-id"], "draft-body-7")
        scripts = [s.attrs["src"] for s in by_tag(root, "script")]
        self.assertEqual(scripts, ["/static/checker/checker.js"])

    def test_the_field_name_can_be_given_and_the_audience_defaults_to_the_candidate(self):
        source = '{% include "checker/_live_check.html" with field_id="id_message" field_name="message" %}'
        (box,) = by_class(parse(self.render(source)), "live-check")
        self.assertEqual(
            json.loads(box.attrs["hx-vals"]),
            {"audience": "candidate", "target": "id_message", "field": "message"},
        )

    def test_the_partial_works_on_a_real_page_through_the_base_template(self):
        # The page of the checker itself extends the base template; the partial must render in that
        # environment too (static tag, url tag), so render it inside the base template's content block.
        source = (
            '{% extends "core/base.html" %}{% block content %}<textarea id="x1" name="note"></textarea>'
            '{% include "checker/_live_check.html" with field_id="x1" %}{% endblock %}'
        )
        root = parse(self.render(source))
        self.assertEqual(len(by_class(root, "live-check")), 1)
        self.assertIn("X-CSRFToken", by_tag(root, "body")[0].attrs["hx-headers"])


class InlineEndpointTests(TestCase):
    def setUp(self):
        self.client = Client()

    def test_findings_for_the_draft_named_by_field(self):
        response = self.client.post(
            URL,
            {
                "audience": "candidate",
                "target": "draft-body-7",
                "field": "body",
                "body": RISKY,
                "title": "not this",
            },
            **HTMX,
        )
        self.assertEqual(response.status_code, 200)
        root = parse(response.content)
        (findings,) = by_class(root, "findings")
        self.assertEqual(findings.tag, "ol")
        self.assertEqual(len(finding_items(findings)), len(check(RISKY, "candidate")))
        # Ids are prefixed with the textarea's, so several drafts on one page do not clash.
        by_id(root, "draft-body-7-finding-1")
        self.assertContains(response, "Message check: 2 things to look at")

    def test_djangos_id_convention_finds_the_field_when_no_name_is_given(self):
        response = self.client.post(URL, {"audience": "candidate", "target": "id_note", "note": RISKY})
        self.assertEqual(len(finding_items(by_class(parse(response.content), "findings")[0])), 2)

    def test_a_benign_draft_says_no_warnings(self):
        response = self.client.post(
            URL,
            {
                "audience": "candidate",
                "target": "d",
                "field": "d",
                "d": "Thank you for explaining the process.",
            },
        )
        self.assertContains(response, "Message check: no warnings.")
        self.assertNotContains(response, "<ol")

    def test_an_empty_draft_shows_nothing(self):
        response = self.client.post(URL, {"audience": "candidate", "target": "d", "field": "d", "d": ""})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content.strip(), b"")

    def test_suggestion_buttons_target_the_drafts_textarea_and_never_submit_its_form(self):
        example = replaceable_example()
        if example is None:
            self.skipTest("no rule offers a drop-in replacement yet")
        audience, text, finding = example
        data = {"audience": audience, "target": "draft-9", "field": "body", "body": text}
        response = self.client.post(URL, data)
        buttons = [b for b in by_tag(parse(response.content), "button") if "data-checker-apply" in b.attrs]
        self.assertTrue(buttons)
        for button in buttons:
            self.assertEqual(button.attrs["type"], "button")
            self.assertEqual(button.attrs["data-target"], "draft-9")
            self.assertNotIn("name", button.attrs)
        self.assertIn(finding.replacement, [b.attrs["data-replacement"] for b in buttons])

    def test_user_text_is_escaped(self):
        text = '<img src=x onerror="alert(1)"> This process was rigged.'
        response = self.client.post(URL, {"audience": "candidate", "target": "d", "field": "d", "d": text})
        self.assertNotContains(response, "<img")

    def test_bad_input(self):
        data = {"audience": "candidate", "target": "d", "field": "d", "d": "a" * 20_001}
        too_long = self.client.post(URL, data)
        self.assertContains(too_long, "20,001 characters", status_code=422)
        self.assertEqual(self.client.post(URL, {"audience": "lawyer", "text": RISKY}).status_code, 400)
        self.assertEqual(
            self.client.post(URL, {"audience": "candidate", "target": '"><b>', "text": RISKY}).status_code,
            400,
        )
        self.assertEqual(self.client.get(URL).status_code, 405)
