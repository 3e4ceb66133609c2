"""Reading a JSON export as a stream (ijson): the header first, then `data`'s parts one at a time, each
record built alone, so memory does not grow with the file. A problem names its place in the document."""

import json

import ijson

from nextround.transfer.sections import FORMAT, VERSION


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
        self.events = ijson.parse(stream, use_float=True)
        self.depth = 0

    def __iter__(self):
        return self

    def __next__(self):
        try:
            prefix, event, value = next(self.events)
        except ijson.JSONError as exc:
            raise RestoreProblem(f"the file is not valid JSON ({self.where(exc)})") from None
        if event in ("start_map", "start_array"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise RestoreProblem(
                    "the file nests lists or objects hundreds of levels deep, which no nextround export "
                    "does; is it the right file?"
                )
        elif event in ("end_map", "end_array"):
            self.depth -= 1
        return prefix, event, value

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
        """The whole value that starts with the event `first` (a record, the profile, a scalar)."""
        _prefix, event, value = first
        if event not in ("start_map", "start_array"):
            return value
        builder = ijson.ObjectBuilder()
        builder.event(event, value)
        depth = 1
        for _prefix, event, value in self:
            builder.event(event, value)
            depth += {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}.get(event, 0)
            if depth == 0:
                return builder.value
        raise RestoreProblem("the file ends in the middle of a value")


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
