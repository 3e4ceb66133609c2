"""Taking everything out: the versioned JSON document (see docs/export-format.md) and spreadsheet CSVs.

Identifiers in the JSON are not database keys: each row gets "<kind>-<n>" in a stable order (its natural
fields, then its whole content), so export -> restore into another database -> export gives the same `data`.
"""

import csv
import io
import json
import re
import zoneinfo
from collections import defaultdict

from django.utils import timezone

from nextround.core.access import profile_for
from nextround.tracker.models import Application, Contact
from nextround.transfer.sections import FORMAT, PROFILE_FIELDS, VERSION, Section, encode, sections


def _ref_number(ref: str) -> int:
    return int(ref.rsplit("-", 1)[1])


_REF = re.compile(r"[a-z]+-\d+")


def _sort_value(value):
    if value is None:
        return (0, "")
    if isinstance(value, str) and _REF.fullmatch(value):
        return (1, value.rsplit("-", 1)[0], _ref_number(value))
    if isinstance(value, str):
        return (2, value.casefold(), value)
    return (3, str(value))


def export_data(owner) -> dict:
    """Every row the user owns, as plain JSON values, in a deterministic order."""
    refs: dict[type, dict[int, str]] = {}
    data: dict = {"profile": {name: getattr(profile_for(owner), name) for name in PROFILE_FIELDS}}
    for section in sections():
        data[section.name] = _export_section(owner, section, refs)
    return data


def _export_section(owner, section: Section, refs: dict) -> list[dict]:
    queryset = section.model.objects.filter(owner=owner).order_by("pk")
    many_values: dict[str, dict[int, list]] = {}
    for field in section.many:
        through = getattr(section.model, field.name).through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = defaultdict(list)
        for row in through.objects.filter(**{f"{source}__owner": owner}).values_list(
            f"{source}_id", f"{target}_id"
        ):
            links[row[0]].append(row[1])
        many_values[field.name] = links
    rows = []
    for obj in queryset.iterator(chunk_size=2000):
        record = {}
        for field in section.fields:
            if field.is_relation:
                key = getattr(obj, field.attname)
                record[field.name] = refs[field.related_model][key] if key is not None else None
            else:
                record[field.name] = encode(getattr(obj, field.attname))
        for field in section.many:
            targets = refs[field.related_model]
            record[field.name] = sorted(
                (targets[pk] for pk in many_values[field.name].get(obj.pk, ())), key=_ref_number
            )
        natural = tuple(_sort_value(record.get(name)) for name in section.order)
        rows.append((natural, json.dumps(record, sort_keys=True, ensure_ascii=False), obj.pk, record))
    rows.sort(key=lambda row: row[:3])
    own_refs = refs.setdefault(section.model, {})
    result = []
    for number, (_natural, _content, pk, record) in enumerate(rows, start=1):
        own_refs[pk] = f"{section.prefix}-{number}"
        result.append({"id": own_refs[pk], **record})
    return result


def export_document(owner) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": encode(timezone.now().replace(microsecond=0)),
        "data": export_data(owner),
    }


def export_json(owner) -> str:
    return json.dumps(export_document(owner), ensure_ascii=False, indent=1) + "\n"


# Spreadsheets run a cell that starts with one of these as a formula; a leading ' makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def applications_csv(owner) -> str:
    zone = zoneinfo.ZoneInfo(profile_for(owner).time_zone)
    queryset = (
        Application.objects.filter(owner=owner)
        .select_related("company")
        .order_by("company__name", "role_title", "pk")
    )
    header = [
        "Company",
        "Role",
        "Stage",
        "Date applied",
        "Stage since",
        "Source",
        "Location",
        "On site / remote",
        "Lowest salary",
        "Highest salary",
        "Currency",
        "Job posting",
        "Reached reference checks",
        "Notes",
    ]
    return _csv(
        header,
        (
            [
                a.company.name,
                a.role_title,
                a.get_stage_display(),
                a.applied_on or "",
                a.stage_changed_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                a.get_source_display(),
                a.location,
                a.get_work_mode_display(),
                a.salary_min,
                a.salary_max,
                a.salary_currency,
                a.posting_url,
                "yes" if a.reference_checked else "no",
                a.notes,
            ]
            for a in queryset.iterator(chunk_size=2000)
        ),
    )


def contacts_csv(owner) -> str:
    queryset = Contact.objects.filter(owner=owner).select_related("company").order_by("name", "pk")
    header = [
        "Name",
        "Company",
        "Job title",
        "Their role for you",
        "Email",
        "Phone",
        "LinkedIn URL",
        "LinkedIn connection since",
        "How you know them",
        "On your networking list",
        "Keep in touch every (days)",
        "Notes",
    ]
    return _csv(
        header,
        (
            [
                c.name,
                c.company.name if c.company else "",
                c.title,
                c.get_role_display(),
                c.email,
                c.phone,
                c.linkedin_url,
                c.linkedin_connected_on or "",
                c.how_we_know,
                "yes" if c.keep_in_touch else "no",
                c.keep_in_touch_days,
                c.notes,
            ]
            for c in queryset.iterator(chunk_size=2000)
        ),
    )
