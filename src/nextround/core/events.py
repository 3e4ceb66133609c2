"""What core announces after it writes, for the capabilities above it (see `tracker/events.py`).

time_zone_changed    sender=Profile, owner (the user), time_zone (the new one): sent by `save_profile`
                     inside its transaction when a person moves to another time zone, so that what is
                     kept per local day or week (the insights' weekly totals) is worked out again.
"""

from django.dispatch import Signal

time_zone_changed = Signal()
