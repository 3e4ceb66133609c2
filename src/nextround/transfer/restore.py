"""Bringing a JSON export back: into an empty account it restores, into a used one it merges.

The file is read as a stream (ijson): the header, then each part of `data` in the order an export writes
them, one record at a time, each checked and written in batches, so memory does not grow with the file.
A problem names its place in the document (“data.applications[3].stage: …”); everything happens in one
transaction, so a bad record anywhere, even after batches were written, leaves the account as it was.

On SQLite, a file that can be read twice (a file on disk, an upload) is: first to check every record
without writing anything, then to write, skipping the checks already done. SQLite's write lock (which
every other request that saves waits for) is held only for the second, shorter pass, and a bad file is
refused before anything is written. PostgreSQL has no such lock, so there the file is read once.
"""

import functools
import io
import itertools
import json
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction

from nextround.core.access import profile_for
from nextround.core.bulk import insert_new
from nextround.core.models import Profile
from nextround.core.services import create_user, save_profile
from nextround.core.versions import bump
from nextround.tracker import services as tracker
from nextround.tracker.events import announce_restored
from nextround.tracker.models import Application, ChecklistItem, Company, Contact, Interaction, StageChange
from nextround.tracker.services.facts import refreshed_once
from nextround.tracker.vocabulary import Origin
from nextround.transfer.export_reader import (
    RELATION,
    Document,
    RestoreProblem,
    decode,
    read_header,
    records,
)
from nextround.transfer.keys import application_keys, contact_keys, find_contact
from nextround.transfer.rows import RowLayout
from nextround.transfer.sections import PROFILE_FIELDS, VERSION, Section, sections

BATCH = 500


@dataclass
class RestoreSummary:
    username: str
    user_created: bool = False
    merged: bool = False
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        return [
            f"{name.replace('_', ' ')}: {self.created[name]} added, {self.matched[name]} already there"
            for name in sorted(set(self.created) | set(self.matched))
        ]


@dataclass
class _Pass:
    """How one reading of the file goes: checking only (`write=False`, new rows get stand-in ids), or
    writing, after a checking pass (`checked`) or in the same pass."""

    write: bool
    checked: bool = False
    stand_ins: itertools.count = field(default_factory=lambda: itertools.count(-1, -1))


def restore(*, username: str, text: str | None = None, stream=None) -> RestoreSummary:
    """Restore or merge an export (`stream`, a binary file, or `text`) into `username`'s account, creating
    the account if needed. The file is read as it goes and written in batches, in one transaction."""
    stream = stream if stream is not None else io.BytesIO(text.encode("utf-8"))
    # Checking first keeps SQLite's one write lock free while the file is checked; PostgreSQL lets other
    # people write during a restore (each transaction sees its own rows), so there one pass does both.
    checked = _rewindable(stream) and connection.vendor == "sqlite"
    if checked:
        start = stream.tell()
        _read(username, stream, _Pass(write=False))
        stream.seek(start)
    return _read(username, stream, _Pass(write=True, checked=checked))


def _rewindable(stream) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _read(username: str, stream, reading: _Pass) -> RestoreSummary:
    document = Document(stream)
    read_header(document)
    User = get_user_model()
    try:
        with transaction.atomic() if reading.write else nullcontext():
            user = User.objects.filter(username=username).first()
            summary = RestoreSummary(username, user_created=user is None)
            if user is None:
                # The person sets a password later (`nextround manage changepassword`); none works until then.
                user = User(username=username)
                user.set_unusable_password()
                user.full_clean(exclude=["password"])
                if reading.write:
                    create_user(user=user)
            summary.merged = not summary.user_created and _has_data(user)
            with refreshed_once() if reading.write else nullcontext():
                _restore(user, document, summary, reading)
            if reading.write:
                announce_restored(owner=user)
                bump(user)  # the sections the tracker does not write (plans, steps, logs) changed too
    except ValidationError as exc:
        raise RestoreProblem(f"user name “{username}”: {' '.join(exc.messages)}") from None
    except IntegrityError as exc:
        raise RestoreProblem(
            f"data: the file breaks a rule of the database ({exc}); nothing was restored"
        ) from None
    return summary


def _has_data(user) -> bool:
    return any(model.objects.filter(owner=user).exists() for model in (Company, Contact, Application))


def _restore(owner, document: Document, summary: RestoreSummary, reading: _Pass) -> None:
    """`data`'s parts in the order an export writes them, each section's records one at a time."""
    order = [section.name for section in sections()]
    known = {section.name: section for section in sections()}
    refs: dict[type, dict[str, int]] = {}
    profile_seen, last = False, -1
    for _prefix, event, name in document:
        if event == "end_map":
            break
        if name == "profile":
            # A merge keeps your own settings, but a broken profile section still means a broken file.
            _restore_profile(owner, document.value(next(document)), keep=summary.merged or not reading.write)
            profile_seen = True
            continue
        if name not in known:
            raise RestoreProblem(f"data.{name}: not a part of a version {VERSION} export")
        if order.index(name) < last:
            raise RestoreProblem(
                f"data.{name}: comes after data.{order[last]}, but an export lists its parts in this order: "
                + ", ".join(order)
            )
        last = order.index(name)
        start = next(document)
        if start[1] != "start_array":
            document.value(start)
            raise RestoreProblem(f"data.{name}: should be a list")
        _restore_section(owner, known[name], records(document), refs, summary, reading)
    if not profile_seen:
        _restore_profile(owner, {}, keep=summary.merged or not reading.write)


def _restore_profile(owner, values, *, keep: bool) -> None:
    if not isinstance(values, dict):
        raise RestoreProblem("data.profile: should be an object")
    # An account the checking pass has not created yet reads the defaults a new one gets.
    profile = profile_for(owner) if owner.pk else Profile(time_zone=settings.TIME_ZONE)
    for name, value in values.items():
        if name not in PROFILE_FIELDS:
            raise RestoreProblem(f"data.profile.{name}: not a setting nextround knows")
        setattr(profile, name, value)
    try:
        profile.full_clean(exclude=["user", "calendar_token"])
    except ValidationError as exc:
        name, messages = next(iter(exc.message_dict.items()))
        raise RestoreProblem(f"data.profile.{name}: {' '.join(messages)}") from None
    if not keep:
        save_profile(profile=profile)


def _restore_section(
    owner, section: Section, records, refs: dict, summary: RestoreSummary, reading: _Pass
) -> None:
    model = section.model
    own_refs = refs.setdefault(model, {})
    matcher = _Matcher(owner, section) if summary.merged else None
    in_file: set = set()
    seen_ids: set[str] = set()
    new: list[tuple[str, list, dict]] = []
    allowed = section.field_names()
    # Links are checked against the ids read earlier in the file (`decode`) and the owner is the account
    # being restored: Django's own check of a link is one query per row (most of a big restore's time).
    rows = RowLayout(section, owner.pk)
    for index, record in enumerate(records):
        path = f"data.{section.name}[{index}]"
        if not isinstance(record, dict):
            raise RestoreProblem(f"{path}: should be an object")
        for key in record if not allowed.issuperset(record) else ():
            if key not in allowed:
                raise RestoreProblem(
                    f"{path}.{key}: not a field of {section.name} in a version {VERSION} export"
                )
        ident = record.get("id")
        if not isinstance(ident, str) or not ident or ident in seen_ids:
            raise RestoreProblem(f"{path}.id: needs an id of its own (a text such as “{section.prefix}-1”)")
        values, missing = rows.values(record, refs, path)
        if not reading.checked:  # else the checking pass did, on the same bytes
            rows.check(values, missing, path)
            row = rows.named(values)
            try:
                _check_rules(model, row)
            except ValidationError as exc:
                name, messages = next(iter(exc.message_dict.items()))
                raise RestoreProblem(f"{path}.{name}: {' '.join(messages)}") from None
            unique = _unique_key(model, row)
            if unique is not None:
                if unique in in_file:
                    raise RestoreProblem(f"{path}: repeats an earlier entry of {section.name} ({unique[0]})")
                in_file.add(unique)
        many = {}
        for f in section.many:
            targets = record.get(f.name, [])
            if not isinstance(targets, list):
                raise RestoreProblem(f"{path}.{f.name}: should be a list of ids")
            known = refs.get(f.related_model, {})
            many[f.name] = [
                known[ref]
                if type(ref) is str and ref in known
                else decode(f, RELATION, ref, refs, path, f"{f.name}[{i}]")
                for i, ref in enumerate(targets)
            ]
        seen_ids.add(ident)
        existing = matcher.find(rows.instance(values)) if matcher else None
        if existing is not None:
            own_refs[ident] = existing
            summary.matched[section.name] += 1
        else:
            new.append((ident, values, many))
        if len(new) >= BATCH:
            _flush(owner, section, rows, new, own_refs, summary, reading)
    _flush(owner, section, rows, new, own_refs, summary, reading)


def _flush(
    owner,
    section: Section,
    rows: RowLayout,
    new: list,
    own_refs: dict,
    summary: RestoreSummary,
    reading: _Pass,
) -> None:
    """Write a batch of checked records and remember their new ids for the records that point to them
    (a stand-in id each when only checking, so that links and repeats are checked the same way)."""
    if new:
        if reading.write:
            ids = _write(owner, section, [(rows.instance(values), many) for _ident, values, many in new])
        else:
            ids = [next(reading.stand_ins) for _ in new]
        for (ident, _values, _many), pk in zip(new, ids, strict=True):
            own_refs[ident] = pk
        summary.created[section.name] += len(new)
        new.clear()


def _write(owner, section: Section, new: list[tuple[models.Model, dict]]) -> list[int]:
    """Keep the new rows of a section, as the file holds them.

    The tracker rows whose writes the tracker announces go through its bulk services, marked as a
    restore (the playbook then leaves them alone: the file brings its plans and reminders too). The other
    rows carry no rule beyond their fields, which were all checked above, and are inserted as they are.
    """
    rows = [obj for obj, _many in new]
    if section.model is Application:
        tracker.create_applications(owner=owner, applications=rows, origin=Origin.RESTORE)
    elif section.model is StageChange:
        tracker.record_stage_changes(owner=owner, changes=rows, origin=Origin.RESTORE)
    elif section.model is Contact:
        tracker.save_contacts(owner=owner, created=rows, changed=[], fields=[], origin=Origin.RESTORE)
    elif section.model is Interaction:
        logged = [(obj, many["contacts"]) for obj, many in new]
        tracker.record_interactions(owner=owner, logged=logged, origin=Origin.RESTORE)
    else:
        if section.many:
            raise NotImplementedError(f"{section.name}: only interactions have lists of links")
        insert_new(section.model, rows)
    return [obj.pk for obj in rows]


def _check_rules(model, row: dict) -> None:
    """The database's check constraints, checked here so that the message can name the place in the file."""
    if (
        model is Application
        and row["salary_min"] is not None
        and row["salary_max"] is not None
        and row["salary_min"] > row["salary_max"]
    ):
        raise ValidationError({"salary_min": "The lowest salary must not be above the highest."})
    if model is Contact and row["keep_in_touch"] and not row["keep_in_touch_days"]:
        raise ValidationError({"keep_in_touch_days": "Say how often you want to keep in touch (in days)."})


@functools.cache
def _unique_sets(model) -> list[tuple[str, ...]]:
    """The field sets the database keeps unique for a model (one-to-one links, unique constraints)."""
    sets = [(f.attname,) for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    for constraint in model._meta.constraints:
        if (
            isinstance(constraint, models.UniqueConstraint)
            and constraint.fields
            and constraint.condition is None
        ):
            sets.append(tuple(model._meta.get_field(name).attname for name in constraint.fields))
    return [names for names in sets if names != ("owner_id",)]


def _unique_key(model, row: dict) -> tuple | None:
    if model is Company:
        return ("the same company name", row["name"].lower())
    if model is ChecklistItem and row["key"]:
        return ("the same checklist key on the same application", row["application_id"], row["key"])
    for names in _unique_sets(model):
        return (f"the same {' and '.join(n.removesuffix('_id') for n in names)}", *(row[n] for n in names))
    return None


def _hashable(value):
    return json.dumps(value, sort_keys=True, default=str) if isinstance(value, list | dict) else value


class _Matcher:
    """Finds the row the account already has for a record of the file (merge without duplicates)."""

    def __init__(self, owner, section: Section):
        self.section = section
        self.unique = _unique_sets(section.model)
        self.known: dict[tuple, models.Model] = {}
        for obj in section.model.objects.filter(owner=owner).order_by("pk"):
            for key in self.keys(obj):
                self.known.setdefault(key, obj)

    def keys(self, obj) -> list[tuple]:
        if isinstance(obj, Company):
            return [("name", obj.name.lower())]
        if isinstance(obj, Contact):
            return contact_keys(obj)
        if isinstance(obj, Application):
            return application_keys(obj)
        if isinstance(obj, ChecklistItem):
            return [("item", obj.application_id, obj.key or obj.text)]
        # A row the database keeps unique (a plan per application, a step key per plan) is the same row;
        # anything else is the same when every exported field is the same.
        keys = [(names, *(getattr(obj, n) for n in names)) for names in self.unique]
        return [*keys, tuple(_hashable(getattr(obj, f.attname)) for f in self.section.fields)]

    def find(self, obj) -> int | None:
        if isinstance(obj, Contact):
            found = find_contact(self.known, obj)
        else:
            found = next((self.known[key] for key in self.keys(obj) if key in self.known), None)
        return found.pk if found is not None else None
