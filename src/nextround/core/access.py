"""Loading rows for the signed-in user: anything not theirs is a 404, never a 403 that leaks existence."""

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404


def owned(model_or_queryset: type[Model] | QuerySet, user) -> QuerySet:
    queryset = (
        model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset.objects.all()
    )
    return queryset.filter(owner=user)


def get_owned(model_or_queryset: type[Model] | QuerySet, user, pk):
    return get_object_or_404(owned(model_or_queryset, user), pk=pk)


def profile_for(user):
    from nextround.core.models import Profile

    profile, _ = Profile.objects.get_or_create(user=user)
    return profile
