"""Reading a JSON export as a stream (ijson): the header first, then `data`'s parts one at a time, each
record built alone, so memory does not grow with the file. A problem names its place in the document."""

import datetime as dt
import json

import ijson
from django.db import models

from nextround.transfer.sections import FORMAT, VERSION, Section


class RestoreProblem(Exception):
    """The document cannot be restored; the message names the place in it. Nothing was saved."""


# An export is five levels deep (document, data, section, record, list of ids): far deeper is not one.
MAX_DEPTH = 32
# A broken file up to this size is read again to say on which line it breaks.
LOCATE_BYTES = 20 * 2**20


class Document:
    """The export read as a stream of parser events (ijson), so that memory does not grow with the file:
    the top-level header first, then `data`'s parts one at a time, each record built alone."""

    def __init__(self, stream):
        self.stream = stream
        # Events without their path (`basic_parse`): the path is never read, and building it for each of a
        # big file's millions of events cost a sixth of the parsing.
        self.events = ijson.basic_parse(stream, use_float=True)
        self.depth = 0

    def __iter__(self):
        return self

    def __next__(self):
        try:
            event, value = next(self.events)
        except ijson.JSONError as exc:
            raise RestoreProblem(f"the file is not valid JSON ({self.where(exc)})") from None
        if event in ("start_map", "start_array"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise too_deep()
        elif event in ("end_map", "end_array"):
            self.depth -= 1
        return None, event, value  # (path, event, value) as `ijson.parse` gives, without the path

    def where(self, exc: Exception) -> str:
        """Line and column of the mistake: the streaming parser does not count lines, so a file small
        enough is read again by the standard one, which does."""
        try:
            self.stream.seek(0)
            head = self.stream.read(LOCATE_BYTES + 1)
        except (OSError, ValueError):
            head = b""
        if head and len(head) <= LOCATE_BYTES:
            try:
                json.loads(head.decode("utf-8", "replace"))
            except json.JSONDecodeError as found:
                return f"line {found.lineno}, column {found.colno}: {found.msg}"
            except RecursionError:
                pass
        return str(exc).splitlines()[0]

    def value(self, first: tuple):
        """The whole value that starts with the event `first` (a record, the profile, a scalar).

        Built here from the parser's events in one loop (every record of a restore passes through it, and
        ijson's own builder costs a few method calls per event); the depth is kept as `__next__` keeps it.
        """
        _prefix, event, value = first
        if event not in ("start_map", "start_array"):
            return value
        root: dict | list = {} if event == "start_map" else []
        stack, key = [root], None
        try:
            for event, value in self.events:
                if event == "map_key":
                    key = value
                    continue
                if event == "end_map" or event == "end_array":
                    stack.pop()
                    self.depth -= 1
                    if not stack:
                        return root
                    continue
                top = stack[-1]
                if event == "start_map" or event == "start_array":
                    value = {} if event == "start_map" else []
                    stack.append(value)  # filled by the events that follow
                    self.depth += 1
                    if self.depth > MAX_DEPTH:
                        raise too_deep()
                if type(top) is dict:
                    top[key] = value
                else:
                    top.append(value)
        except ijson.JSONError as exc:
            raise RestoreProblem(f"the file is not valid JSON ({self.where(exc)})") from None
        raise RestoreProblem("the file ends in the middle of a value")


def too_deep() -> RestoreProblem:
    return RestoreProblem(
        "the file nests lists or objects hundreds of levels deep, which no nextround export does; "
        "is it the right file?"
    )


def read_header(document: Document) -> None:
    header: dict = {}
    first = next(document, None)
    if first is None or first[1] != "start_map":
        if first is not None:
            document.value(first)  # a file nested absurdly deep says so (see MAX_DEPTH)
        raise not_an_export()
    for _prefix, event, key in document:
        if event == "end_map":
            break
        if key == "data":
            check_header(header)
            if next(document)[1] != "start_map":
                raise RestoreProblem("data: missing, or not an object")
            return
        header[key] = document.value(next(document))
    check_header(header)
    raise RestoreProblem("data: missing, or not an object")


def not_an_export() -> RestoreProblem:
    return RestoreProblem("format: this is not a nextround export (its “format” should be “nextround”)")


def check_header(header: dict) -> None:
    if header.get("format") != FORMAT:
        raise not_an_export()
    if header.get("version") != VERSION:
        raise RestoreProblem(
            f"version: {header.get('version')!r} is not a version this nextround reads "
            f"(it reads version {VERSION}); update nextround and try again"
        )


def records(document: Document):
    """The records of the section whose list has just opened, one at a time."""
    for event in document:
        if event[1] == "end_array":
            return
        yield document.value(event)


# What a field's values are in the file, worked out once per field rather than once per value.
RELATION, MOMENT, DAY, YES_NO, NUMBER, TEXT, OTHER = range(7)


def _kind(field_obj) -> int:
    if field_obj.is_relation:
        return RELATION
    if isinstance(field_obj, models.DateTimeField):
        return MOMENT
    if isinstance(field_obj, models.DateField):
        return DAY
    if isinstance(field_obj, models.BooleanField):
        return YES_NO
    if isinstance(field_obj, models.IntegerField):
        return NUMBER
    if isinstance(field_obj, models.CharField | models.TextField):
        return TEXT
    return OTHER


def decode(field_obj, kind: int, value, refs: dict, path: str, name: str):
    """The value of the file for `field_obj` (of `kind`) as the model holds it; a problem names
    `path`.`name`, the place in the file."""
    if value is None:
        if field_obj.null:
            return None
        raise RestoreProblem(f"{path}.{name}: must not be null")
    if kind == TEXT and type(value) is str:
        return value
    if kind == RELATION:
        target = refs.get(field_obj.related_model, {})
        if type(value) is not str or value not in target:
            raise RestoreProblem(
                f"{path}.{name}: “{value}” is not the id of a {field_obj.related_model._meta.verbose_name} "
                "earlier in this file"
            )
        return target[value]
    try:
        if kind == MOMENT:
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise RestoreProblem(f"{path}.{name}: “{value}” needs a time zone (end it with Z for UTC)")
            return moment
        if kind == DAY:
            return dt.date.fromisoformat(value)
        if (
            (kind == YES_NO and not isinstance(value, bool))
            or (kind == NUMBER and (not isinstance(value, int) or isinstance(value, bool)))
            or kind == TEXT  # and not a text (see above)
        ):
            raise TypeError
    except (TypeError, ValueError):
        kind_name = type(field_obj).__name__.removesuffix("Field").lower() or "value"
        raise RestoreProblem(
            f"{path}.{name}: {json.dumps(value, ensure_ascii=False)[:60]} is not a valid {kind_name}"
        ) from None
    return value


def layout(section: Section) -> list[tuple[models.Field, int | None]]:
    """Each column of the section's model in order, with its kind when the file brings it (else None):
    records become instances positionally, which costs Django a fraction of keyword arguments."""
    exported = {f.name for f in section.fields}
    return [(f, _kind(f) if f.name in exported else None) for f in section.model._meta.concrete_fields]
