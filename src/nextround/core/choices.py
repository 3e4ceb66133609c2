"""A choices class that plain-Python modules can import (no Django here).

The shared words of nextround (stages, step kinds, outcomes, origins...) each have one home: a `Choices`
class in their capability's `vocabulary.py`. The engines that import no Django use the same classes as the
models, so a renamed value breaks loudly instead of silently changing a count. Django's `TextChoices` would
do the same job, but importing it loads all of `django.db.models`, which the plain modules must not need.

    class Stage(Choices):
        APPLIED = "applied", "Applied"

    Stage.APPLIED == "applied"; Stage.APPLIED.label == "Applied"; Stage.choices, Stage.values, Stage.labels
"""

import enum


class _ChoicesType(enum.EnumType):
    # The class attributes of Django's TextChoices, so model fields and forms take these as they are.
    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]

    @property
    def labels(cls) -> list[str]:
        return [member.label for member in cls]


class Choices(enum.StrEnum, metaclass=_ChoicesType):
    """A string enum whose members carry a label: `"value", "Label"`; without a label, the name in words."""

    def __new__(cls, value: str, label: str | None = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label if label is not None else value.replace("_", " ").capitalize()
        return member

    # Templates must not call an enum member (they call anything callable).
    do_not_call_in_templates = enum.nonmember(True)

    @property
    def label(self) -> str:
        return self._label
