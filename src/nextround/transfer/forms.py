from django import forms

from nextround.tracker.vocabulary import Stage
from nextround.transfer import spreadsheet

MAX_UPLOAD_BYTES = 100 * 1024 * 1024


class UploadForm(forms.Form):
    extensions: tuple[str, ...] = (".csv",)
    kind = "a CSV file"
    file = forms.FileField(label="File")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(self.extensions):
            raise forms.ValidationError(
                f"“{upload.name}” is not {self.kind} (its name should end in {' or '.join(self.extensions)})."
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"This file is larger than {MAX_UPLOAD_BYTES // 2**20} MB.")
        if upload.size == 0:
            raise forms.ValidationError("This file is empty.")
        return upload


class LinkedInForm(UploadForm):
    extensions = (".csv", ".zip")
    kind = "a LinkedIn export"
    file = forms.FileField(
        label="Connections.csv, Job Applications.csv, or the whole export (.zip)",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.zip"}),
    )
    skip_bad_rows = forms.BooleanField(
        required=False,
        label="Skip bad rows",
        help_text="Import the good rows and list the others with the reason.",
    )


class SpreadsheetForm(UploadForm):
    file = forms.FileField(
        label="Your spreadsheet, saved as CSV",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class RestoreForm(UploadForm):
    extensions = (".json",)
    kind = "a nextround export"
    file = forms.FileField(
        label="A nextround export (.json)", widget=forms.ClearableFileInput(attrs={"accept": ".json"})
    )


DATE_CHOICES = [(fmt, example) for fmt, example in spreadsheet.DATE_FORMATS.items()]
FIELD_CHOICES = [("", "Don't import")] + [
    (name, label) for name, (label, _hints) in spreadsheet.FIELDS.items()
]


class MappingForm(forms.Form):
    """One select per column of the file (which field it holds), plus how its dates are written."""

    date_format = forms.ChoiceField(label="Dates look like", choices=DATE_CHOICES)

    def __init__(self, *args, header: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.header = header
        for index, column in enumerate(header):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=column, choices=FIELD_CHOICES, required=False
            )

    def column_fields(self):
        return [self[f"column_{index}"] for index in range(len(self.header))]

    def clean(self):
        cleaned = super().clean()
        chosen: dict[str, str] = {}
        for index, column in enumerate(self.header):
            target = cleaned.get(f"column_{index}")
            if not target:
                continue
            if target in chosen.values():
                self.add_error(
                    f"column_{index}", f"Another column is already {spreadsheet.FIELDS[target][0]}."
                )
            chosen[column] = target
        for target in spreadsheet.REQUIRED:
            if target not in chosen.values():
                label = spreadsheet.FIELDS[target][0]
                self.add_error(
                    None, f"Pick the column that holds the {label.lower()}: every application needs one."
                )
        cleaned["columns"] = chosen
        return cleaned


class StagesForm(forms.Form):
    """How each stage name used in the spreadsheet maps to a nextround stage."""

    def __init__(self, *args, values: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.values = values
        for index, value in enumerate(values):
            self.fields[f"stage_{index}"] = forms.ChoiceField(label=value, choices=Stage.choices)

    def stages(self) -> dict[str, str]:
        return {value: self.cleaned_data[f"stage_{index}"] for index, value in enumerate(self.values)}


class ConfirmForm(forms.Form):
    skip_bad_rows = forms.BooleanField(
        required=False,
        label="Skip bad rows",
        help_text="Import the good rows and list the others with the reason.",
    )

    def same_companies(self, owner) -> dict[str, int]:
        """The file's names the user ticked as one of their companies ("same" = "<company id>:<name>")."""
        from nextround.tracker.models import Company

        ticked = {}
        for value in self.data.getlist("same") if self.data else []:
            pk, _, name = value.partition(":")
            if pk.isdigit() and name.strip():
                ticked[name] = int(pk)
        yours = set(Company.objects.filter(owner=owner, pk__in=ticked.values()).values_list("pk", flat=True))
        return {name: pk for name, pk in ticked.items() if pk in yours}
