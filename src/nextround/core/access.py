"""Loading rows for the signed-in user: anything not theirs is a 404, never a 403 that leaks existence."""

from django.conf import settings
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

from nextround.core.models import Profile


def owned(model_or_queryset: type[Model] | QuerySet, user) -> QuerySet:
    queryset = (
        model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset.objects.all()
    )
    return queryset.filter(owner=user)


def get_owned(model_or_queryset: type[Model] | QuerySet, user, pk):
    return get_object_or_404(owned(model_or_queryset, user), pk=pk)


def profile_for(user) -> Profile:
    """The user's settings. Reading never writes: an account made without a profile (`nextround manage
    createsuperuser`) reads the defaults, unsaved, until its settings are first saved."""
    return Profile.objects.filter(user=user).first() or Profile(user=user, time_zone=settings.TIME_ZONE)
