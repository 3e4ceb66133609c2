"""The shared words have one home each (`tracker/vocabulary.py`, `playbook/vocabulary.py`): code compares and
filters with the choices classes, never with the bare string, so renaming a value cannot silently break a
count somewhere else."""

import ast
from pathlib import Path

import nextround
from nextround.playbook.vocabulary import Outcome, PlanKind, StepKind, StepStatus
from nextround.tracker.vocabulary import ContactRole, Direction, FollowUpOrigin, FollowUpStatus, Stage

SRC = Path(nextround.__file__).parent
WORDS = {
    value
    for choices in (
        Stage,
        FollowUpStatus,
        FollowUpOrigin,
        Direction,
        ContactRole,
        PlanKind,
        StepKind,
        StepStatus,
    )
    for value in choices.values
    if value
} | set(Outcome.values)
# Keyword arguments that take one of these words (`filter(status="done")`, `Interaction(direction="in")`).
KEYWORDS = {"stage", "to_stage", "from_stage", "status", "kind", "outcome", "origin", "direction", "role"}
# Data tables (the demo search) spell their rows out; the services they go through check every value.
DATA = {"tracker/demo_data.py", "tracker/demo.py"}


def bare_words(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            candidates = [node.left, *node.comparators]
            for candidate in list(candidates):
                if isinstance(candidate, ast.Tuple | ast.List | ast.Set):
                    candidates += candidate.elts
        elif isinstance(node, ast.keyword) and node.arg in KEYWORDS:
            candidates = [node.value, *getattr(node.value, "elts", [])]
        else:
            continue
        found += [
            (node.lineno if hasattr(node, "lineno") else node.value.lineno, c.value)
            for c in candidates
            if isinstance(c, ast.Constant) and c.value in WORDS
        ]
    return found


def test_code_uses_the_choices_classes_not_bare_strings():
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if "migrations" in name or name.endswith("vocabulary.py") or name in DATA:
            continue
        for line, word in bare_words(ast.parse(path.read_text(encoding="utf-8"))):
            wrong.append(f"src/nextround/{name}:{line}: “{word}”")
    assert not wrong, "use the choices class from a vocabulary module:\n" + "\n".join(wrong)


def test_the_check_finds_a_bare_word():
    tree = ast.parse(
        'if step.status == "done" or plan.kind in ("ghosted",):\n    Step.objects.filter(kind="reflection")'
    )
    assert [word for _line, word in bare_words(tree)] == ["done", "ghosted", "reflection"]
