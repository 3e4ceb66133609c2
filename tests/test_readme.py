"""The README's examples work: every `nextround` line parses, and the ones that need no files of yours run."""

import re
import shlex
from pathlib import Path

import pytest

from nextround.cli import build_parser, main

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_commands() -> list[list[str]]:
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(), flags=re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("nextround "):
                commands.append(shlex.split(line)[1:])
    return commands


def test_the_readme_shows_the_two_commands():
    text = README.read_text()
    assert "make run" in text and "make test" in text
    assert "demo" in text and "nextround-demo" in text


@pytest.mark.parametrize("argv", readme_commands(), ids=lambda argv: " ".join(argv)[:40])
def test_every_readme_command_parses(argv):
    if argv[0] == "manage":
        argv = ["manage", "check"]
    args = build_parser().parse_args(argv)
    assert callable(args.func)


def test_the_readme_commands_that_need_no_files_run(db, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text("Thank you for your time. I'd love to hear about other openings.\n")
    ran = 0
    for argv in readme_commands():
        if argv[0] in {"serve", "manage", "import", "backup", "mail"}:
            continue  # serving blocks; imports need a file (mail a mailbox); backup needs a file database
        assert main(argv) == 0, argv
        ran += 1
    assert ran >= 6
    assert (tmp_path / "plan.ics").read_text().startswith("BEGIN:VCALENDAR")
    assert (tmp_path / "my-search.json").exists()
    assert (tmp_path / "report.html").exists()


def test_every_picture_and_link_in_the_docs_exists():
    docs = README.parent / "docs"
    missing = []
    for page in [README, *docs.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#\s]+)\)", page.read_text()):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (page.parent / target).exists():
                missing.append(f"{page.name}: {target}")
    assert not missing, missing
