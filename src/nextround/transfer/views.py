"""Import and export pages: upload, (for spreadsheets) map and preview, confirm, see what happened."""

import functools
import itertools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from nextround.core.access import get_owned, owned
from nextround.core.errors import Refused
from nextround.tracker.models import Company
from nextround.tracker.services import merge_companies
from nextround.transfer import export, jobs, spreadsheet, uploads
from nextround.transfer.forms import (
    ConfirmForm,
    LinkedInForm,
    MappingForm,
    RestoreForm,
    SpreadsheetForm,
    StagesForm,
)
from nextround.transfer.jobs import ImportBusy
from nextround.transfer.models import ImportJob, Upload
from nextround.transfer.restore import RestoreProblem, restore
from nextround.transfer.services import import_linkedin, import_spreadsheet, preview_spreadsheet
from nextround.transfer.tables import FileProblem, RowProblem

PREVIEW_ROWS = 8


def _index_context(request, **overrides) -> dict:
    context = {
        "linkedin_form": LinkedInForm(),
        "spreadsheet_form": SpreadsheetForm(),
        "restore_form": RestoreForm(),
        "pending": owned(Upload, request.user)[:5],
        "running": jobs.running_now(owner=request.user),
    }
    context.update(overrides)
    return context


def _card(request, template: str, context: dict, *, status: int = 200):
    """An htmx upload gets its card back (with the summary or the errors); a plain POST, the whole page."""
    if request.htmx:
        return render(request, template, context, status=status)
    return render(request, "transfer/index.html", _index_context(request, **context), status=status)


@login_required
def index(request):
    return render(request, "transfer/index.html", _index_context(request))


@login_required
@require_POST
def linkedin(request):
    form = LinkedInForm(request.POST, request.FILES)
    if form.is_valid():
        upload, skip = form.cleaned_data["file"], form.cleaned_data["skip_bad_rows"]
        path = uploads.stash(uploaded_file=upload)
        try:
            job = jobs.start(
                owner=request.user,
                label=f"Importing {upload.name}",
                work=lambda job: import_linkedin(
                    owner=request.user, path=path, filename=upload.name, skip_bad_rows=skip, job=job
                ),
                cleanup=jobs.remove_file(path),
            )
        except ImportBusy as exc:
            path.unlink(missing_ok=True)
            form.add_error("file", str(exc))
        else:
            if job.problem:
                form.add_error("file", job.problem)
            else:
                context = {"linkedin_form": LinkedInForm(), "job": job}
                return _card(request, "transfer/_linkedin.html", context)
    return _card(request, "transfer/_linkedin.html", {"linkedin_form": form}, status=422)


@login_required
@require_POST
def restore_json(request):
    form = RestoreForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            summary = restore(username=request.user.get_username(), stream=form.cleaned_data["file"])
        except RestoreProblem as exc:
            form.add_error("file", f"{str(exc).rstrip('.')}. Nothing was imported.")
        else:
            return _card(
                request, "transfer/_restore.html", {"restore_form": RestoreForm(), "restore_summary": summary}
            )
    return _card(request, "transfer/_restore.html", {"restore_form": form}, status=422)


@login_required
@require_POST
def csv_upload(request):
    form = SpreadsheetForm(request.POST, request.FILES)
    if form.is_valid():
        upload = uploads.keep(owner=request.user, uploaded_file=form.cleaned_data["file"])
        try:
            # Read it through once now, so that a file CSV cannot read is refused here, not on a later step.
            for _row in uploads.read_table(upload).rows():
                pass
        except FileProblem as exc:
            uploads.discard(upload=upload)
            form.add_error("file", str(exc))
        else:
            url = upload_url("transfer:csv_map", upload)
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return _card(request, "transfer/_spreadsheet.html", {"spreadsheet_form": form}, status=422)


def upload_url(name: str, upload: Upload) -> str:
    from django.urls import reverse

    return reverse(name, args=[upload.pk])


def _file_gone_on_problem(view):
    """A step whose file turns out unreadable (or vanished) says so and forgets the upload: never a 500."""

    @functools.wraps(view)
    def wrapped(request, pk):
        try:
            return view(request, pk)
        except (FileProblem, OSError) as exc:
            upload = get_owned(Upload, request.user, pk)
            uploads.discard(upload=upload)
            message = (
                str(exc) if isinstance(exc, FileProblem) else "The file is gone; please upload it again."
            )
            return render(request, "transfer/csv_gone.html", {"message": message}, status=410)

    return wrapped


@login_required
@_file_gone_on_problem
def csv_map(request, pk):
    upload = get_owned(Upload, request.user, pk)
    table = uploads.read_table(upload)
    sample = [row for _line, row in _first_rows(table) if isinstance(row, dict)]
    initial = {"date_format": upload.mapping.get("date_format")}
    columns = upload.mapping.get("columns") or spreadsheet.guess_columns(table.header)
    for index, column in enumerate(table.header):
        initial[f"column_{index}"] = columns.get(column, "")
    date_column = next((column for column, target in columns.items() if target == "applied_on"), None)
    if not initial["date_format"]:
        initial["date_format"] = (
            spreadsheet.guess_date_format([row.get(date_column, "") for row in sample])
            if date_column
            else "%Y-%m-%d"
        )
    form = MappingForm(
        request.POST if request.method == "POST" else None, header=table.header, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        mapping = {
            "columns": form.cleaned_data["columns"],
            "date_format": form.cleaned_data["date_format"],
            "stages": upload.mapping.get("stages", {}),
        }
        uploads.save_mapping(upload=upload, mapping=mapping)
        has_stage = "stage" in form.cleaned_data["columns"].values()
        return redirect(upload_url("transfer:csv_stages" if has_stage else "transfer:csv_preview", upload))
    return render(
        request,
        "transfer/csv_map.html",
        {
            "upload": upload,
            "form": form,
            "header": table.header,
            "sample": sample,
        },
        status=422 if form.errors else 200,
    )


def _first_rows(table, count: int = 5):
    rows = []
    for item in table.rows():
        rows.append(item)
        if len(rows) >= count:
            break
    return rows


def _mapping(upload) -> spreadsheet.Mapping | None:
    if not upload.mapping.get("columns"):
        return None
    return spreadsheet.Mapping(
        columns=upload.mapping["columns"],
        stages=upload.mapping.get("stages", {}),
        date_format=upload.mapping.get("date_format", "%Y-%m-%d"),
    )


@login_required
@_file_gone_on_problem
def csv_stages(request, pk):
    upload = get_owned(Upload, request.user, pk)
    table = uploads.read_table(upload)
    mapping = _mapping(upload)
    if mapping is None or not mapping.column_for("stage"):
        return redirect(upload_url("transfer:csv_map", upload))
    values = spreadsheet.distinct_values(table, mapping.column_for("stage"))
    initial = {
        f"stage_{i}": mapping.stages.get(value) or spreadsheet.guess_stage(value)
        for i, value in enumerate(values)
    }
    form = StagesForm(request.POST if request.method == "POST" else None, values=values, initial=initial)
    if request.method == "POST" and form.is_valid():
        uploads.save_mapping(upload=upload, mapping={**upload.mapping, "stages": form.stages()})
        return redirect(upload_url("transfer:csv_preview", upload))
    return render(
        request,
        "transfer/csv_stages.html",
        {"upload": upload, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@_file_gone_on_problem
def csv_preview(request, pk):
    upload = get_owned(Upload, request.user, pk)
    table = uploads.read_table(upload)
    mapping = _mapping(upload)
    if mapping is None:
        return redirect(upload_url("transfer:csv_map", upload))
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        skip, owner = form.cleaned_data["skip_bad_rows"], request.user
        same = form.same_companies(owner)

        label = f"Importing {upload.original_name}"

        def work(job):
            import_spreadsheet(
                owner=owner,
                table=table,
                mapping=mapping,
                skip_bad_rows=skip,
                same_companies=same,
                job=job,
                label=label,
            )
            uploads.discard(upload=upload)

        try:
            job = jobs.start(owner=owner, label=label, work=work)
        except ImportBusy as exc:
            form.add_error(None, str(exc))
        else:
            if not job.problem:
                return render(request, "transfer/job.html", {"job": job, "spreadsheet": True})
            form.add_error(None, job.problem)
    # Counted by the import's own matching, without writing: a page that only shows takes no write lock.
    dry = preview_spreadsheet(owner=request.user, table=table, mapping=mapping)
    records = list(
        itertools.islice(
            (
                item
                for item in spreadsheet.parse_rows(table, mapping).items()
                if not isinstance(item, RowProblem)
            ),
            PREVIEW_ROWS,
        )
    )
    return render(
        request,
        "transfer/csv_preview.html",
        {
            "upload": upload,
            "form": form,
            "dry": dry,
            "records": records,
            "mapping": mapping,
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def same_company(request):
    """The user confirms a suggested pair is one employer: the company the import made joins theirs."""
    ids = [request.POST.get(name, "") for name in ("keep", "merge")]
    if not all(pk.isdigit() for pk in ids):
        raise Http404("No such company")
    keep, merge = (get_owned(Company, request.user, int(pk)) for pk in ids)
    try:
        merge_companies(keep=keep, merge=merge)
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect("transfer:index")
    messages.success(request, f"“{merge.name}” is now part of {keep.name}.")
    return redirect("tracker:company_detail", pk=keep.pk)


@login_required
@require_GET
def job(request, pk):
    """How far an import has got, from its row (any server process can answer): the fragment alone for
    htmx polling, else the page (which reloads)."""
    found = get_owned(ImportJob, request.user, pk)
    template = "transfer/_job.html" if request.htmx else "transfer/job.html"
    return render(request, template, {"job": found, "spreadsheet": request.GET.get("then") == "applications"})


@login_required
@require_POST
def csv_discard(request, pk):
    upload = get_owned(Upload, request.user, pk)
    uploads.discard(upload=upload)
    return redirect("transfer:index")


def _download(content: str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def export_json(request):
    stamp = timezone.localdate().isoformat()
    return _download(export.export_json(request.user), f"nextround-{stamp}.json", "application/json")


@login_required
@require_GET
def export_csv(request, what):
    stamp = timezone.localdate().isoformat()
    build = export.applications_csv if what == "applications" else export.contacts_csv
    return _download(build(request.user), f"nextround-{what}-{stamp}.csv", "text/csv")
