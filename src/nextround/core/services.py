"""Accounts and settings: a user is created with their profile, and settings change only through here."""

from django.conf import settings
from django.db import transaction

from nextround.core.events import time_zone_changed
from nextround.core.models import Profile, new_calendar_token, save_checked


@transaction.atomic
def create_user(*, user, full_name: str = "", time_zone: str | None = None):
    """Save a new user (built by the sign-up form, the demo or a restore) together with their profile.

    A new account starts in the installation's time zone (NEXTROUND_TIME_ZONE) unless told otherwise.
    """
    user.save()
    Profile.objects.create(user=user, full_name=full_name, time_zone=time_zone or settings.TIME_ZONE)
    return user


@transaction.atomic
def save_profile(*, profile: Profile) -> Profile:
    """Save the settings; an account made without a profile (`manage createsuperuser`) gets one now."""
    stored = Profile.objects.filter(pk=profile.pk) if profile.pk else Profile.objects.none()
    before = stored.values_list("time_zone", flat=True).first()
    save_checked(profile)
    if before != profile.time_zone:
        time_zone_changed.send(sender=Profile, owner=profile.user, time_zone=profile.time_zone)
    return profile


@transaction.atomic
def new_calendar_link(*, profile: Profile) -> Profile:
    """A new private calendar token; the old link stops working."""
    profile.calendar_token = new_calendar_token()
    return save_profile(profile=profile)
