"""How every `{{ form }}` is drawn: Django's own templates, with the site's field layout."""

from django.forms.renderers import DjangoTemplates


class SiteFormRenderer(DjangoTemplates):
    # A checkbox comes before its label, on one line; other fields keep Django's layout.
    field_template_name = "core/forms/field.html"
