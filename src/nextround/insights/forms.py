import datetime as dt

from django import forms

from nextround.insights.metrics import Period

PERIODS = [
    ("30", "Last 30 days"),
    ("90", "Last 90 days"),
    ("all", "All time"),
    ("custom", "Between two dates"),
]
DEFAULT_PERIOD = "90"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label="Show", choices=PERIODS, required=False, initial=DEFAULT_PERIOD)
    since = forms.DateField(label="From", required=False, widget=DateInput())
    until = forms.DateField(label="To", required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("period") == "custom":
            since, until = data.get("since"), data.get("until")
            if not since and not until and not self.errors:
                self.add_error("since", "Pick a first day, a last day, or both.")
            if since and until and since > until:
                self.add_error("until", "The last day is before the first day; swap them or pick another.")
        return data

    def chosen_period(self, today: dt.date) -> Period:
        """The chosen period; the default one while the form is unbound or has errors."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        choice = data.get("period") or DEFAULT_PERIOD
        if choice == "custom":
            return Period(data.get("since"), data.get("until"))
        if choice == "all":
            return Period()
        return Period(today - dt.timedelta(days=int(choice) - 1), today)


def describe(period: Period) -> str:
    if period.since and period.until:
        return f"{period.since:%-d %b %Y} to {period.until:%-d %b %Y}"
    if period.since:
        return f"since {period.since:%-d %b %Y}"
    if period.until:
        return f"up to {period.until:%-d %b %Y}"
    return "all time"
