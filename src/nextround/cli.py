"""The `nextround` command.

Each capability registers its own sub-commands (`register(subparsers)`), so this file only wires them.
Sub-commands that need the database set `needs_django=True`; the message checker does not, so it starts fast.
"""

import argparse
import os
import sys

from nextround import __version__
from nextround.config import ConfigError

# Modules with a `register(subparsers)` function, in the order their commands appear in --help.
COMMAND_MODULES = (
    "nextround.core.commands",
    "nextround.commands",
    "nextround.checker.cli",
    "nextround.playbook.commands",
    "nextround.transfer.commands",
    "nextround.insights.commands",
    "nextround.mail.commands",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="nextround",
        description="Track your job search and turn every rejection into a plan.",
    )
    parser.add_argument("--version", action="version", version=f"nextround {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        if getattr(args, "needs_django", True):
            setup_django()
        return args.func(args) or 0
    except ConfigError as exc:
        print(f"nextround: configuration error: {exc}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"nextround {args.command}: error: {exc}", file=sys.stderr)
        return exc.code


class CommandError(Exception):
    """A user-facing failure of a sub-command: printed on one line, no traceback."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code
