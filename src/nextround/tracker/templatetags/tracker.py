import functools

from django import template
from django.urls import get_script_prefix, reverse
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


@register.filter
def path(pk: int, route: str) -> str:
    """`{{ application.pk|path:"tracker:application_detail" }}`: the route's path for that id, formatted from
    one reversed pattern (a board draws two links per card, and `{% url %}` reverses each one afresh)."""
    return _pattern(route, get_script_prefix()).format(pk)


@functools.cache
def _pattern(route: str, prefix: str) -> str:
    return reverse(route, args=[987654321]).replace("987654321", "{}")
