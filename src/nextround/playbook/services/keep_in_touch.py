"""Keep-in-touch: the networking list and its reminders, written as tracker follow-ups through the tracker's
services.
"""

import datetime as dt

from django.db import transaction

from nextround.core.access import profile_for
from nextround.core.dates import today_in
from nextround.playbook import content
from nextround.tracker import services as tracker
from nextround.tracker.models import Contact, FollowUp
from nextround.tracker.vocabulary import ACTIVE_FOLLOW_UP, FollowUpOrigin, FollowUpStatus


@transaction.atomic
def add_to_networking_list(*, contact: Contact) -> Contact:
    """Put a contact on the networking list (at the playbook's cadence unless they have one); the tracker
    announces the change and `subscribers` keeps their reminder in step."""
    if contact.keep_in_touch:
        sync_keep_in_touch(contact=contact)
        return contact
    contact.keep_in_touch = True
    contact.keep_in_touch_days = contact.keep_in_touch_days or content.load().timing["network_cadence_days"]
    return tracker.save_contact(contact=contact)


@transaction.atomic
def sync_keep_in_touch(*, contact: Contact, today: dt.date | None = None) -> FollowUp | None:
    """Keep exactly one open keep-in-touch reminder for a contact on the networking list, and none otherwise.

    It is due one cadence after the last interaction with them (or after today, when there was none).
    """
    active = list(
        FollowUp.objects.select_for_update()
        .filter(
            owner=contact.owner,
            contact=contact,
            origin=FollowUpOrigin.KEEP_IN_TOUCH,
            status__in=ACTIVE_FOLLOW_UP,
        )
        .order_by("pk")
    )
    if not contact.keep_in_touch or not contact.keep_in_touch_days:
        for follow_up in active:
            tracker.set_follow_up_status(follow_up=follow_up, status=FollowUpStatus.DISMISSED)
        return None
    time_zone = profile_for(contact.owner).time_zone
    today = today or today_in(time_zone)
    last = contact.interactions.order_by("-occurred_at").values_list("occurred_at", flat=True).first()
    last_day = today_in(time_zone, last) if last else None
    done = (
        FollowUp.objects.filter(
            owner=contact.owner,
            contact=contact,
            origin=FollowUpOrigin.KEEP_IN_TOUCH,
            status=FollowUpStatus.DONE,
        )
        .order_by("-completed_at")
        .first()
    )
    if done and done.completed_at:
        last_day = max(filter(None, [last_day, today_in(time_zone, done.completed_at)]))
    due = (last_day or today) + dt.timedelta(days=contact.keep_in_touch_days)
    title = f"Keep in touch with {contact.name}"
    if active:
        reminder, extra = active[0], active[1:]
        for follow_up in extra:
            tracker.set_follow_up_status(follow_up=follow_up, status=FollowUpStatus.DISMISSED)
        # A snoozed reminder keeps the date the user chose.
        if reminder.status == FollowUpStatus.OPEN and (reminder.due_on, reminder.title) != (due, title):
            reminder.due_on, reminder.title = due, title
            tracker.save_follow_up(follow_up=reminder)
        return reminder
    return tracker.save_follow_up(
        follow_up=FollowUp(
            owner=contact.owner,
            contact=contact,
            origin=FollowUpOrigin.KEEP_IN_TOUCH,
            title=title,
            due_on=due,
        )
    )
