import functools

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from nextround.tracker.vocabulary import Stage

register = template.Library()


@register.simple_tag
def stage_options(current: str) -> SafeString:
    """The <option>s of the stage picker with `current` selected (a board draws one per card)."""
    return _stage_options(current)


@functools.cache
def _stage_options(current: str) -> SafeString:
    options = ((value, " selected" if value == current else "", label) for value, label in Stage.choices)
    return format_html_join("", '<option value="{}"{}>{}</option>', options)
