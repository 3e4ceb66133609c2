"""Rows written through the driver (`core.bulk`) read back as the ORM would have written them."""

import datetime as dt

import pytest
import time_machine
from django.db import transaction

from nextround.core.bulk import insert_links, insert_new
from nextround.tracker.models import Company, Contact, Interaction
from nextround.tracker.vocabulary import Direction
from tests.personas import make_user

pytestmark = pytest.mark.django_db(transaction=True)
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_new_rows_get_their_ids_and_every_value_reads_back():
    owner = make_user("bulk")
    Company.objects.create(owner=owner, name="Made before")  # the new ids follow the table's own
    companies = insert_new(
        Company, [Company(owner=owner, name=f"Firm {i}", notes="“quoted”") for i in range(3)]
    )
    assert [c.name for c in Company.objects.filter(pk__in=[c.pk for c in companies]).order_by("pk")] == [
        "Firm 0",
        "Firm 1",
        "Firm 2",
    ]
    assert all(not c._state.adding for c in companies)
    berlin = dt.timezone(dt.timedelta(hours=1))
    interactions = insert_new(
        Interaction,
        [
            Interaction(
                owner=owner,
                kind="email",
                direction=Direction.INCOMING,
                summary=f"Letter {i}",
                occurred_at=dt.datetime(2026, 11, 1, 9, i, tzinfo=berlin),
            )
            for i in range(2)
        ],
    )
    stored = Interaction.objects.get(pk=interactions[1].pk)
    assert (stored.summary, stored.occurred_at) == ("Letter 1", dt.datetime(2026, 11, 1, 8, 1, tzinfo=dt.UTC))
    assert stored.created_at == NOW  # auto_now_add is filled in, as bulk_create does
    contacts = insert_new(Contact, [Contact(owner=owner, name="Ann", company=companies[0])])
    insert_links(
        Interaction.contacts.through, ("interaction", "contact"), [(interactions[0].pk, contacts[0].pk)]
    )
    assert list(Interaction.objects.get(pk=interactions[0].pk).contacts.all()) == contacts
    assert contacts[0].company_id == companies[0].pk


def test_rows_already_saved_are_refused_and_nothing_is_written():
    owner = make_user("bulk-twice")
    saved = Company.objects.create(owner=owner, name="Saved")
    with pytest.raises(ValueError, match="new rows only"), transaction.atomic():
        insert_new(Company, [Company(owner=owner, name="New"), saved])
    assert list(Company.objects.filter(owner=owner)) == [saved]
