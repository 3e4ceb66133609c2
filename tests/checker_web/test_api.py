"""POST /api/check: JSON in, the checker's findings out, with clear errors for anything else."""

import json

from django.test import Client, TestCase
from django.urls import reverse

from nextround.checker import check

URL = reverse("checker:api_check")
RISKY = "Why didn't I get the job? This process was rigged."


class ApiTests(TestCase):
    def setUp(self):
        # Other tools do not have our CSRF cookie; the endpoint must work for them.
        self.client = Client(enforce_csrf_checks=True)

    def post(self, payload, **extra):
        body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
        return self.client.post(URL, data=body, content_type="application/json", **extra)

    def assert_error(self, response, status: int, *words: str):
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        message = response.json()["error"]
        for word in words:
            self.assertIn(word, message)

    def test_the_path_is_the_documented_one(self):
        self.assertEqual(URL, "/api/check")

    def test_findings_come_back_as_the_library_gives_them(self):
        response = self.post({"text": RISKY, "audience": "candidate"})
        self.assertEqual(response.status_code, 200)
        findings = response.json()["findings"]
        self.assertEqual(findings, [finding.to_dict() for finding in check(RISKY, "candidate")])
        self.assertEqual({f["category"] for f in findings}, {"why_question", "accusation"})
        fields = {
            "rule",
            "category",
            "severity",
            "start",
            "end",
            "excerpt",
            "message",
            "suggestion",
            "replacement",
            "source",
            "score",
        }
        self.assertEqual(set(findings[0]), fields)
        self.assertEqual(RISKY[findings[1]["start"] : findings[1]["end"]], findings[1]["excerpt"])

    def test_a_model_finding_says_so_and_carries_its_score(self):
        text = "Thanks for the interview. You lot are clowns."
        [finding] = self.post({"text": text, "audience": "candidate"}).json()["findings"]
        self.assertEqual((finding["source"], finding["rule"]), ("model", "model-resentment"))
        self.assertGreater(finding["score"], 0.5)
        self.assertEqual(finding["excerpt"], "You lot are clowns.")

    def test_employer_audience_and_benign_text(self):
        feedback = "We felt you were overqualified and might not fit with our young team"
        employer = self.post({"text": feedback, "audience": "employer"}).json()["findings"]
        self.assertTrue(employer)
        self.assertEqual(employer, [finding.to_dict() for finding in check(feedback, "employer")])
        benign = self.post({"text": "Thank you for explaining the process.", "audience": "candidate"})
        self.assertEqual(benign.json(), {"findings": []})
        empty = self.post({"text": "", "audience": "candidate"})
        self.assertEqual(empty.json(), {"findings": []})

    def test_bad_json_is_a_400_that_says_so(self):
        self.assert_error(self.post('{"text": "hi",'), 400, "not valid JSON", "line 1")
        self.assert_error(self.post(b"\xff\xfe{}"), 400, "UTF-8")
        self.assert_error(self.post(["text", "audience"]), 400, "JSON object", '"text"', '"audience"')

    def test_a_missing_or_wrong_field_is_a_400_naming_the_field(self):
        self.assert_error(self.post({"audience": "candidate"}), 400, '"text"', "missing")
        self.assert_error(self.post({"text": 42, "audience": "candidate"}), 400, '"text"', "string")
        self.assert_error(self.post({"text": RISKY}), 400, '"audience"', "missing")
        self.assert_error(
            self.post({"text": RISKY, "audience": "lawyer"}),
            400,
            '"audience"',
            "'lawyer'",
            "'candidate'",
            "'employer'",
        )

    def test_only_post(self):
        for method in ("get", "put", "delete"):
            response = getattr(self.client, method)(URL)
            self.assert_error(response, 405, "Use POST")
            self.assertEqual(response["Allow"], "POST")

    def test_text_at_the_limit_is_checked_and_over_it_is_a_413(self):
        at_limit = ("This process was rigged. " * 800)[:20_000]
        response = self.post({"text": at_limit, "audience": "candidate"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["findings"])
        self.assert_error(
            self.post({"text": at_limit + "!", "audience": "candidate"}),
            413,
            '"text"',
            "20,001 characters",
            "20,000",
        )

    def test_a_body_over_64_kb_is_a_413_before_it_is_read(self):
        huge = json.dumps({"text": "\u00e9" * 40_000, "audience": "candidate"}, ensure_ascii=False)
        self.assertGreater(len(huge.encode()), 64 * 1024)
        self.assert_error(self.post(huge), 413, "too large", "64 KB")
