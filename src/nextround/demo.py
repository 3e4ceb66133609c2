"""The demo: a believable job search for the user `demo`, so every page has something to show.

The demo spans capabilities, so it lives here, above them all: the tracker's part is written through the
tracker's services (the playbook, listening to them, makes the plans and the keep-in-touch reminders as it
would for anyone), then the playbook's part adds some progress on the older plans, and a few letters wait
on the Mail page. Loading it twice changes nothing.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from nextround.core.services import create_user
from nextround.mail import demo as mail_demo
from nextround.playbook import demo as playbook_demo
from nextround.tracker import demo as tracker_demo

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "nextround-demo"


@transaction.atomic
def load_demo(*, reset: bool = False) -> bool:
    """Load the demo search; False (and nothing changes) when the demo user is there and `reset` is off."""
    User = get_user_model()
    existing = User.objects.filter(username=DEMO_USERNAME).first()
    if existing and not reset:
        return False
    if existing:
        tracker_demo.delete_search(owner=existing)
        existing.delete()
    user = User(username=DEMO_USERNAME, email="demo@example.com", first_name="Alex", last_name="Morgan")
    user.set_password(DEMO_PASSWORD)
    create_user(user=user, full_name="Alex Morgan")
    tracker_demo.add_search(owner=user)
    playbook_demo.add_progress(owner=user)
    mail_demo.add_letters(owner=user)
    return True
