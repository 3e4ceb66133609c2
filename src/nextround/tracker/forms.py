import datetime as dt

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone

from nextround.core.forms import search_field, words_field
from nextround.tracker.models import Application, ApplicationContact, Company, Contact, FollowUp, Interaction
from nextround.tracker.vocabulary import Channel, ContactRole, Source, Stage


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def not_in_future(value):
    """Dates of things that already happened may be backdated but never lie ahead."""
    if value is None:
        return value
    if isinstance(value, dt.datetime):
        if value > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError("This is in the future; pick now or an earlier time.")
    elif value > timezone.localdate():
        raise forms.ValidationError("This date is in the future; pick today or an earlier day.")
    return value


# A people picker searches all your contacts as you type (pickers.js); without script it is a plain select.
PEOPLE_PICKER = {"data-picker": "people", "data-search-url": reverse_lazy("tracker:contact_search")}

# What an empty choice means, in words, instead of Django's "---------".
EMPTY_CHOICE = {
    "company": "No company",
    "application": "No application",
    "contact": "Nobody",
    "work_mode": "Not said",
    "direction": "Not said",
    "told_by": "Not said",
    "told_via": "Not said",
}


def name_empty_choices(form) -> None:
    for name, field in form.fields.items():
        label = EMPTY_CHOICE.get(name, "None")
        if getattr(field, "empty_label", None) == "---------":
            field.empty_label = label
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            blank = ("", "---------"), ("", "—")
            field.choices = [("", label) if choice in blank else choice for choice in field.choices]


class OwnedModelForm(forms.ModelForm):
    """A model form whose rows belong to `owner`; choices of related rows are limited to the owner's."""

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.instance.owner = owner
        for name in ("company", "application", "told_by", "contact"):
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = field.queryset.model.objects.filter(owner=owner).select_related(
                    *(["company"] if field.queryset.model is Application else [])
                )
        if "contacts" in self.fields:
            self.fields["contacts"].queryset = Contact.objects.filter(owner=owner)
        name_empty_choices(self)

    def _get_validation_exclusions(self):
        # `owner` is not a form field, but constraints that include it (unique names) must still be checked.
        exclude = super()._get_validation_exclusions()
        exclude.discard("owner")
        return exclude


class CompanyChoiceField(forms.ModelChoiceField):
    """Your companies. A company typed into the picker ("new:<name>", see pickers.js) counts as none
    picked here: its name arrives in the form's `new_company` field, which is also the no-script way."""

    def to_python(self, value):
        if isinstance(value, str) and value.startswith("new:"):
            return None
        return super().to_python(value)


class PicksCompany:
    """For model forms with a `company`: pick one of yours by typing, or name a new one, which the service
    adds in the same transaction as the row (a name you already have picks that company)."""

    company_required = False

    def add_new_company_field(self) -> None:
        old = self.fields["company"]
        fields = {}
        for name, field in self.fields.items():
            if name != "company":
                fields[name] = field
                continue
            fields["company"] = CompanyChoiceField(
                queryset=old.queryset,
                required=False,
                label=old.label,
                empty_label=old.empty_label,
                widget=forms.Select(
                    attrs={"data-picker": "company", "data-create-field": self.add_prefix("new_company")}
                ),
            )
            fields["new_company"] = forms.CharField(
                label="Or add a new company",
                required=False,
                max_length=200,
                help_text="Type its name: nextround adds it with this.",
            )
        self.fields = fields

    def clean(self):
        cleaned = super().clean()
        name = " ".join((cleaned.get("new_company") or "").split())
        if name:
            existing = Company.objects.filter(owner=self.owner, name__iexact=name).first()
            cleaned["company"] = existing or Company(owner=self.owner, name=name)
        elif self.company_required and not cleaned.get("company") and "company" not in self.errors:
            self.add_error("company", "Pick a company, or type the name of a new one.")
        return cleaned

    def _get_validation_exclusions(self):
        # A new company is checked (and saved) by the service, with the row; the row cannot point to it yet.
        exclude = super()._get_validation_exclusions()
        company = self.cleaned_data.get("company")
        if company is not None and company.pk is None:
            exclude.add("company")
        return exclude


class CompanyForm(OwnedModelForm):
    class Meta:
        model = Company
        fields = ("name", "website", "location", "notes")
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class ApplicationForm(PicksCompany, OwnedModelForm):
    company_required = True

    class Meta:
        model = Application
        fields = (
            "company",
            "role_title",
            "posting_url",
            "source",
            "location",
            "work_mode",
            "salary_min",
            "salary_max",
            "salary_currency",
            "applied_on",
            "reference_checked",
            "notes",
        )
        widgets = {"applied_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].empty_label = "Pick a company"
        self.add_new_company_field()

    def clean_applied_on(self):
        return not_in_future(self.cleaned_data.get("applied_on"))

    def clean_salary_currency(self):
        value = self.cleaned_data.get("salary_currency", "").strip().upper()
        if value and (len(value) != 3 or not value.isalpha()):
            raise forms.ValidationError("Use a three-letter currency code such as EUR, GBP or USD.")
        return value


class NewApplicationForm(ApplicationForm):
    """Adding an application also says which stage it is at."""

    stage = forms.ChoiceField(choices=Stage.choices, initial=Stage.APPLIED)

    class Meta(ApplicationForm.Meta):
        fields = ApplicationForm.Meta.fields[:4] + ("stage",) + ApplicationForm.Meta.fields[4:]


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices)
    changed_at = forms.DateTimeField(
        label="When",
        required=False,
        widget=DateTimeInput(),
        validators=[not_in_future],
        help_text="Leave empty for now; pick an earlier day if it happened before.",
    )
    what_was_said = words_field("What they said", "Optional. Their words, as close as you remember them.")
    told_by = forms.ModelChoiceField(
        label="Who told you", queryset=Contact.objects.none(), required=False, empty_label="Not said"
    )
    told_via = forms.ChoiceField(label="How", choices=[("", "Not said")] + Channel.choices, required=False)

    def __init__(self, *args, owner, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        contacts = Contact.objects.filter(owner=owner)
        if application is not None:
            # Each branch checks the owner through its own index (the company's, the link's) rather than
            # contact.owner, so the database looks up a dozen rows instead of scanning every contact.
            links = ApplicationContact.objects.filter(owner=owner, application=application)
            linked = links.values("contact_id")
            contacts = Contact.objects.filter(
                Q(company=application.company_id, company__owner=owner) | Q(pk__in=linked)
            )
        self.fields["told_by"].queryset = contacts.order_by("name")


class ContactForm(PicksCompany, OwnedModelForm):
    class Meta:
        model = Contact
        fields = (
            "name",
            "email",
            "phone",
            "linkedin_url",
            "company",
            "title",
            "role",
            "how_we_know",
            "notes",
            "keep_in_touch",
            "keep_in_touch_days",
        )
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_new_company_field()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep_in_touch") and not cleaned.get("keep_in_touch_days"):
            self.add_error("keep_in_touch_days", "Say how often you want to keep in touch (in days).")
        return cleaned


class PersonForm(OwnedModelForm):
    """Someone new, added from an application's page and linked to it in one step."""

    link_role = forms.ChoiceField(
        label="Their role in this application", choices=ContactRole.choices, initial=ContactRole.RECRUITER
    )
    connected = forms.BooleanField(
        label="We connected",
        required=False,
        help_text="You got on well: the plan will suggest keeping in touch with them.",
    )
    at_company = forms.BooleanField(required=False, initial=True)

    class Meta:
        model = Contact
        fields = ("name", "email", "phone", "title")
        labels = {"title": "Their job title (optional)"}

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, owner=application.owner, prefix="person", **kwargs)
        self.application = application
        self.fields["at_company"].label = f"Works at {application.company.name}"

    def contact(self) -> Contact:
        """The new contact, ready for the service: their role for you is their role here."""
        contact = self.save(commit=False)
        contact.role = self.cleaned_data["link_role"]
        contact.company = self.application.company if self.cleaned_data["at_company"] else None
        return contact


class LinkContactForm(forms.Form):
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(),
        empty_label="Pick a contact",
        widget=forms.Select(attrs=PEOPLE_PICKER),
    )
    role = forms.ChoiceField(choices=ContactRole.choices)
    connected = forms.BooleanField(label="We connected", required=False)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = Contact.objects.filter(owner=owner).select_related("company")


class InteractionForm(OwnedModelForm):
    class Meta:
        model = Interaction
        fields = ("kind", "direction", "occurred_at", "summary", "application", "contacts")
        widgets = {
            "occurred_at": DateTimeInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "contacts": forms.SelectMultiple(attrs={"size": 4, **PEOPLE_PICKER}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_occurred_at(self):
        return not_in_future(self.cleaned_data.get("occurred_at"))


class FollowUpForm(OwnedModelForm):
    class Meta:
        model = FollowUp
        fields = ("title", "due_on", "application", "contact", "notes")
        widgets = {
            "due_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "contact": forms.Select(attrs=PEOPLE_PICKER),
        }


class SnoozeForm(forms.Form):
    until = forms.DateField(widget=DateInput())

    def clean_until(self):
        value = self.cleaned_data["until"]
        if value <= timezone.localdate():
            raise forms.ValidationError("Snooze until a day after today.")
        return value


class ApplicationFilterForm(forms.Form):
    q = search_field("Role, company or notes")
    stage = forms.ChoiceField(
        choices=[("", "All stages"), ("active", "In flight")] + Stage.choices, required=False
    )
    source = forms.ChoiceField(choices=[("", "All sources")] + Source.choices, required=False)


class ContactFilterForm(forms.Form):
    q = search_field("Name, company or title")
    role = forms.ChoiceField(choices=[("", "All roles")] + ContactRole.choices, required=False)
    keep_in_touch = forms.BooleanField(label="Networking list only", required=False)
