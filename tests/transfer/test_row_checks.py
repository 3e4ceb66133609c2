"""A restore checks each record's texts, choices and numbers with quick tests worked out once per field
(transfer/rows.py) instead of Django's `clean_fields`; the two must agree on every value, message included."""

import pytest
from django.core.exceptions import ValidationError

from nextround.transfer.export_reader import RestoreProblem
from nextround.transfer.rows import RowLayout
from nextround.transfer.sections import sections


def candidates(f) -> list:
    """Values at the edges of what `f` takes: blank, too long, not a choice, out of range, the wrong type."""
    longest = f.max_length or 50
    values = ["", " ", "x", "x" * longest, "x" * (longest + 1), "é" * (longest + 1), None, 0, 1, -1, True]
    values += [2**15 - 1, 2**15, 2**31 - 1, 2**31, -(2**31) - 1, 2**63, 3650, 3651, [], {}, "3"]
    values += [choice for choice, _label in f.flatchoices]
    return values


def django_says(model, f, value) -> str | None:
    obj = model(**{f.attname: value})
    others = [other.name for other in model._meta.fields if other is not f]
    try:
        obj.clean_fields(exclude=others)
    except ValidationError as exc:
        return f"p.{f.name}: {' '.join(exc.message_dict[f.name])}"
    return None


@pytest.mark.parametrize("section", sections(), ids=lambda section: section.name)
def test_the_quick_checks_say_what_djangos_checks_say(section):
    rows = RowLayout(section, owner_pk=1)
    assert rows.checked, "every section has texts or numbers to check"
    for index, f in rows.checked:
        test = rows.passes[index]
        for value in candidates(f):
            expected = django_says(section.model, f, value)
            if test is not None and test(value):
                assert expected is None, (f.name, value)
                assert f.clean(value, None) == value
                continue
            try:
                rows.checked_value(f, value, "p")
                said = None
            except RestoreProblem as problem:
                said = str(problem)
            assert said == expected, (f.name, value)
