"""`nextround check`, run in-process through the real entry point."""

import io
import json

import pytest

from nextround.cli import main

JSON_KEYS = {"rule", "category", "severity", "start", "end", "excerpt", "message", "suggestion"}


@pytest.fixture
def stdio(monkeypatch):
    """Swap standard input and output; returns a function that feeds stdin and runs the command."""

    def run(argv, stdin=""):
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse reports usage errors this way
            code = exc.code
        return code, out.getvalue(), err.getvalue()

    return run


def test_findings_are_printed_like_a_linter_with_line_and_column(stdio, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Hi Sam,\n\nThanks. Why was I rejected?\n", encoding="utf-8")
    code, out, _ = stdio(["check", "--audience", "candidate", str(note)])
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith(f"{note}:3:9: warning why_question: ")


def test_standard_input_is_read_when_no_file_or_a_dash_is_given(stdio):
    for argv in (["check", "--audience", "employer"], ["check", "--audience", "employer", "-"]):
        code, out, _ = stdio(argv, stdin="You're overqualified.\n")
        assert code == 1
        assert out.startswith("<stdin>:1:8: error age: ")


def test_clean_text_exits_zero_and_prints_nothing(stdio):
    code, out, err = stdio(["check", "--audience", "candidate"], stdin="Thank you for your time.\n")
    assert (code, out, err) == (0, "", "")


def test_several_files_are_checked_in_order(stdio, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Thanks for nothing.", encoding="utf-8")
    second.write_text("Expect to hear from my attorney.", encoding="utf-8")
    code, out, _ = stdio(["check", "--audience", "candidate", str(first), str(second)])
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == [str(first), str(second)]
    assert " error threat: " in out.splitlines()[1]


def test_a_missing_file_is_named_and_is_a_usage_error(stdio, tmp_path):
    code, _, err = stdio(["check", "--audience", "candidate", str(tmp_path / "nope.txt")])
    assert code == 2
    assert "nope.txt" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--audience", "recruiter"],
        ["check", "--audience", "employer", "--jsonl", "x.txt"],
    ],
)
def test_bad_usage_exits_two(stdio, argv):
    code, _, _ = stdio(argv)
    assert code == 2


def test_jsonl_answers_each_line_in_order_and_survives_bad_lines(stdio):
    lines = [
        json.dumps({"id": 7, "text": "Why was I rejected?"}),
        "{not json",
        json.dumps({"id": "b", "text": "Thank you!"}),
        json.dumps({"id": "c"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "Thanks for nothing."}),
    ]
    code, out, _ = stdio(["check", "--audience", "candidate", "--jsonl"], stdin="\n".join(lines) + "\n")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(records) == len(lines)
    assert records[0]["id"] == 7
    [finding] = records[0]["findings"]
    assert set(finding) >= JSON_KEYS
    assert finding["excerpt"] == "Why was I rejected"
    assert records[1] == {"id": None, "line": 2, "error": records[1]["error"]}
    assert "JSON" in records[1]["error"]
    assert records[2] == {"id": "b", "findings": []}
    assert records[3]["line"] == 4 and "text" in records[3]["error"]
    assert records[4]["line"] == 5
    assert records[5]["line"] == 6
    assert records[6]["id"] is None and records[6]["findings"][0]["category"] == "resentment"


def test_jsonl_with_only_clean_messages_exits_zero(stdio):
    stdin = "".join(json.dumps({"id": n, "text": "Thanks for your time."}) + "\n" for n in range(3))
    code, out, _ = stdio(["check", "--audience", "employer", "--jsonl"], stdin=stdin)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [0, 1, 2]


def test_explain_shows_the_rule_or_the_classifier_score_and_nearest_examples(stdio):
    text = "Why was I rejected?\nYou lot are clowns.\n"
    code, out, _ = stdio(["check", "--audience", "candidate", "--explain"], stdin=text)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("<stdin>:1:1: warning why_question: ")
    assert lines[1].startswith("    try instead: ")
    assert lines[2] == "    found by rule why-not-chosen: 'Why was I rejected'"
    assert lines[3].startswith("<stdin>:2:1: warning resentment: This sounds resentful")
    assert (
        "found by the classifier: score 0." in lines[5] or "found by the classifier: score 1.00" in lines[5]
    )
    nearest = lines[6:9]
    assert len(nearest) == 3 and all(
        line.startswith("      0.") or line.startswith("      1.") for line in nearest
    )
    assert any("resentment: " in line for line in nearest)


def test_jsonl_findings_say_their_source_and_explain_adds_the_nearest_examples(stdio):
    line = json.dumps({"id": 1, "text": "Thanks. You lot are clowns."}) + "\n"
    _, out, _ = stdio(["check", "--audience", "candidate", "--jsonl"], stdin=line)
    [finding] = json.loads(out)["findings"]
    assert finding["source"] == "model" and 0 < finding["score"] <= 1 and "explanation" not in finding
    _, out, _ = stdio(["check", "--audience", "candidate", "--jsonl", "--explain"], stdin=line)
    [finding] = json.loads(out)["findings"]
    why = finding["explanation"]
    assert 0 < why["threshold"] < 1 and len(why["nearest"]) == 3
    assert set(why["nearest"][0]) == {"text", "label", "similarity"}


def test_jsonl_answers_a_long_stream_in_order_across_batches(stdio):
    texts = ["Thanks for your time.", "You lot are clowns.", "Why was I rejected?"] * 200
    stdin = "".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts))
    code, out, _ = stdio(["check", "--audience", "candidate", "--jsonl"], stdin=stdin)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in records] == list(range(600))
    assert [bool(r["findings"]) for r in records[:3]] == [False, True, True]
    assert records[301]["findings"] == records[1]["findings"]
