"""A section's records as rows of values in the order of its model's columns, checked field by field.

A restore reads every record twice (see restore.py), and a big one holds about 190,000 records. Building a
model instance for each and asking Django's `clean_fields` cost more than reading the file: here what
each column needs (its kind in the file, its default, Django's checks) is worked out once per section,
each record becomes a plain list of values, and only the texts, choices and numbers go through their
field's own `clean` (the rest were checked as they were read, see `export_reader.decode`). A record becomes
a model instance only for the writing services, and then without Django's per-attribute set-up.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.base import ModelState

from nextround.transfer.export_reader import (
    DAY,
    MOMENT,
    RELATION,
    TEXT,
    YES_NO,
    RestoreProblem,
    decode,
    layout,
)
from nextround.transfer.sections import Section

CHECKED_AS_READ = (RELATION, MOMENT, DAY, YES_NO)


class RowLayout:
    """How the records of one section become rows: `values` reads one, `check` checks it as Django would."""

    def __init__(self, section: Section, owner_pk: int | None):
        self.model = section.model
        columns = layout(section)
        self.attnames = [f.attname for f, _kind in columns]
        self.template: list = []  # a record's values before the file's own: the defaults
        self.fresh: list[tuple[int, models.Field]] = []  # defaults made anew per record (a new list...)
        self.read: list[tuple[int, models.Field, int]] = []  # the columns the file brings
        self.checked: list[tuple[int, models.Field]] = []  # those Django checks (texts, choices, numbers)
        self.passes: dict[int, object] = {}  # a quick test per checked column that Django's check passes
        for index, (f, kind) in enumerate(columns):
            if f.primary_key:
                self.template.append(None)
            elif f.attname == "owner_id":
                self.template.append(owner_pk)
            elif f.has_default() and callable(f.default):
                self.template.append(None)
                self.fresh.append((index, f))
            else:
                self.template.append(f.get_default())
            if kind is not None:
                self.read.append((index, f, kind))
                if kind not in CHECKED_AS_READ:
                    self.checked.append((index, f))
                    self.passes[index] = _quick_test(f)

    def values(self, record: dict, refs: dict, path: str) -> tuple[list, list[tuple[int, models.Field]]]:
        """The record's values, column by column, and the columns the file left out (they hold the
        model's defaults, which Django checks: a field may not be left out)."""
        values = self.template.copy()
        for index, f in self.fresh:
            values[index] = f.get_default()
        missing = []
        for index, f, kind in self.read:
            name = f.name
            if name not in record:
                missing.append((index, f))
                continue
            value = record[name]
            # Most values are texts, which `decode` would give back as they are.
            values[index] = (
                value if kind == TEXT and type(value) is str else decode(f, kind, value, refs, path, name)
            )
        return values, missing

    def check(self, values: list, missing: list, path: str) -> None:
        """Django's checks of each field (`Field.clean`, as `Model.clean_fields` runs them, in the same
        order), on the values `decode` did not check; the first problem names its place in the file."""
        fields = sorted(self.checked + missing, key=lambda pair: pair[0]) if missing else self.checked
        passes = self.passes
        for index, f in fields:
            test = passes.get(index)
            if test is None or not test(values[index]):
                values[index] = self.checked_value(f, values[index], path)

    @staticmethod
    def checked_value(f: models.Field, value, path: str):
        """`value` as `Model.clean_fields` leaves it for `f`, or the problem it finds, naming the place."""
        if f.blank and value in f.empty_values:
            return value
        try:
            return f.clean(value, None)
        except ValidationError as exc:
            raise RestoreProblem(f"{path}.{f.name}: {' '.join(exc.messages)}") from None

    def named(self, values: list) -> dict:
        return dict(zip(self.attnames, values, strict=True))

    def instance(self, values: list) -> models.Model:
        """A new, unsaved model instance holding `values`: what `Model(*values)` makes, without its
        signals and per-attribute descriptors (nothing listens to a restore's instances being made)."""
        obj = self.model.__new__(self.model)
        obj._state = ModelState()
        obj.__dict__.update(zip(self.attnames, values, strict=True))
        return obj


def _quick_test(f: models.Field):
    """For a text or whole-number field checked only by its length, choices or range, a test that says
    when `f.clean` would pass and leave the value as it is (one comparison or two instead of Django's
    layers of calls); a value it does not pass goes through `f.clean`, which says what is wrong. None
    for any other field (an e-mail address, a web address, JSON): those always go through `f.clean`."""
    limits = {}
    for validator in f.validators:
        if type(validator) not in (MaxLengthValidator, MinValueValidator, MaxValueValidator):
            return None
        if callable(validator.limit_value):
            return None
        limits[type(validator)] = validator.limit_value
    choices = frozenset(value for value, _label in f.flatchoices) if f.choices else None
    if type(f).to_python in (models.CharField.to_python, models.TextField.to_python):
        longest = limits.get(MaxLengthValidator)
        blank = f.blank
        return lambda value: (
            type(value) is str
            and (blank or value != "")
            and (longest is None or len(value) <= longest)
            and (choices is None or value in choices)
        )
    if isinstance(f, models.IntegerField) and not choices:
        low, high = limits.get(MinValueValidator), limits.get(MaxValueValidator)
        return lambda value: (
            type(value) is int and (low is None or value >= low) and (high is None or value <= high)
        )
    return None
