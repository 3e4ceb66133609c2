"""JSON export and restore: a round trip keeps the same data; bad files change nothing."""

import datetime as dt
import json

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.demo import load_demo
from nextround.tracker.models import Application, Company, Contact, Interaction, StageChange
from nextround.transfer.export import export_data, export_json
from nextround.transfer.restore import RestoreProblem, restore
from tests.personas import make_user
from tests.transfer.helpers import run

pytestmark = pytest.mark.django_db
User = get_user_model()


@time_machine.travel("2026-11-20 10:00 +0000", tick=False)
def test_demo_round_trip_is_identical_and_reimport_adds_nothing(tmp_path, capsys):
    load_demo()
    demo = User.objects.get(username="demo")
    path = tmp_path / "demo.json"
    assert run(capsys, "export", "json", "--user", "demo", "-o", path)[0] == 0
    document = json.loads(path.read_text())
    assert (document["format"], document["version"]) == ("nextround", 1)
    assert document["data"]["applications"] and document["data"]["stage_changes"]

    code, out, _ = run(capsys, "import", "json", path, "--user", "restored")
    assert code == 0 and "without a password" in out
    restored = User.objects.get(username="restored")
    assert not restored.has_usable_password()
    assert export_data(restored) == document["data"]

    # Importing the same file again, into either account, merges without a single duplicate.
    counts = {
        model: model.objects.filter(owner=demo).count() for model in (Application, Contact, StageChange)
    }
    for username in ("restored", "demo"):
        code, out, _ = run(capsys, "import", "json", path, "--user", username)
        assert code == 0 and "merged" in out
    for model, count in counts.items():
        assert model.objects.filter(owner=demo).count() == count
        assert model.objects.filter(owner=restored).count() == count
    assert export_data(restored) == document["data"]


def test_export_is_deterministic_and_contains_no_database_ids():
    owner = make_user("olive", full_name="Olive", time_zone="Europe/Berlin")
    acme = Company.objects.create(owner=owner, name="Acme")
    Contact.objects.create(owner=owner, name="Ann", company=acme, notes="=HYPERLINK()")
    first, second = export_json(owner), export_json(owner)
    assert json.loads(first)["data"] == json.loads(second)["data"]
    data = json.loads(first)["data"]
    assert data["companies"] == [
        {"id": "company-1", "name": "Acme", "website": "", "location": "", "notes": ""}
    ]
    assert data["contacts"][0]["company"] == "company-1"
    assert data["profile"]["time_zone"] == "Europe/Berlin"


def doc(data: dict) -> str:
    return json.dumps(
        {"format": "nextround", "version": 1, "exported_at": "2026-11-20T10:00:00Z", "data": data}
    )


COMPANY = {"id": "company-1", "name": "Acme"}
APP = {
    "id": "application-1",
    "company": "company-1",
    "role_title": "Analyst",
    "stage": "applied",
    "stage_changed_at": "2026-11-01T09:00:00Z",
}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        (json.dumps({"format": "other", "version": 1, "data": {}}), "format: this is not a nextround export"),
        (json.dumps({"format": "nextround", "version": 2, "data": {}}), "version: 2 is not a version"),
        (doc({"companies": {}}), "data.companies: should be a list"),
        (
            doc(
                {
                    "companies": [COMPANY],
                    "applications": [APP, {**APP, "id": "application-2", "stage": "lost"}],
                }
            ),
            "data.applications[1].stage:",
        ),
        (
            doc({"companies": [COMPANY], "applications": [{**APP, "company": "company-9"}]}),
            "data.applications[0].company: “company-9” is not the id",
        ),
        (
            doc({"companies": [COMPANY], "applications": [{**APP, "stage_changed_at": "yesterday"}]}),
            "data.applications[0].stage_changed_at:",
        ),
        (
            doc(
                {
                    "companies": [COMPANY],
                    "applications": [{k: v for k, v in APP.items() if k != "stage_changed_at"}],
                }
            ),
            "data.applications[0].stage_changed_at: This field cannot be null.",
        ),
        (
            doc({"companies": [COMPANY], "applications": [{**APP, "reference_checked": "yes"}]}),
            'data.applications[0].reference_checked: "yes" is not a valid boolean',
        ),
        (
            doc(
                {"companies": [COMPANY], "applications": [{**APP, "stage_changed_at": "2026-11-01T09:00:00"}]}
            ),
            "needs a time zone",
        ),
        (
            doc({"companies": [COMPANY], "applications": [{**APP, "salary_min": 9, "salary_max": 1}]}),
            "data.applications[0].salary_min: The lowest salary",
        ),
        (doc({"companies": [COMPANY, {"id": "company-2", "name": "ACME"}]}), "data.companies[1]: repeats"),
        (doc({"companies": [{**COMPANY, "colour": "red"}]}), "data.companies[0].colour: not a field"),
        (doc({"profile": {"time_zone": "Mars/Olympus"}}), "data.profile.time_zone:"),
        (doc({"rockets": []}), "data.rockets: not a part"),
    ],
)
def test_bad_documents_name_the_place_and_save_nothing(text, message):
    with pytest.raises(RestoreProblem) as caught:
        restore(username="newcomer", text=text)
    assert message in str(caught.value)
    assert not User.objects.filter(username="newcomer").exists()
    assert not Company.objects.exists()


def test_cli_reports_a_bad_document_without_traceback(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(doc({"companies": [COMPANY], "applications": [{**APP, "stage": "lost"}]}))
    code, _out, err = run(capsys, "import", "json", path, "--user", "someone")
    assert code == 2 and "data.applications[0].stage" in err and "nothing was imported" in err
    assert not User.objects.filter(username="someone").exists()


# A generated job search: companies, contacts, applications with a history, links, interactions, follow-ups.
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
moments = st.datetimes(
    min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2026, 1, 1), timezones=st.just(dt.UTC)
)
search = st.fixed_dictionaries(
    {
        "companies": st.lists(
            st.text("abcdefgh ", min_size=1, max_size=8).filter(str.strip), max_size=4, unique=True
        ),
        "contacts": st.lists(st.tuples(text.filter(str.strip), st.integers(0, 5)), max_size=5),
        "applications": st.lists(
            st.tuples(
                st.integers(0, 5),
                text.filter(str.strip),
                moments,
                st.lists(st.sampled_from(["screening", "rejected", "ghosted"]), max_size=3),
                st.lists(st.integers(0, 5), max_size=3, unique=True),
            ),
            max_size=5,
        ),
        "interactions": st.lists(
            st.tuples(moments, text, st.integers(0, 6), st.lists(st.integers(0, 5), max_size=3)), max_size=4
        ),
    }
)


def build(owner, spec) -> None:
    companies = [
        Company.objects.create(owner=owner, name=name.strip())
        for name in dict.fromkeys(n.strip().lower() for n in spec["companies"])
    ]
    contacts = [
        Contact.objects.create(owner=owner, name=name, company=companies[i] if i < len(companies) else None)
        for name, i in spec["contacts"]
    ]
    apps = []
    for company_index, role, at, path, linked in spec["applications"]:
        if not companies:
            break
        app = Application.objects.create(
            owner=owner,
            company=companies[company_index % len(companies)],
            role_title=role,
            stage="applied",
            stage_changed_at=at,
        )
        StageChange.objects.create(owner=owner, application=app, to_stage="applied", changed_at=at)
        previous = "applied"
        for step, stage in enumerate(path, start=1):
            StageChange.objects.create(
                owner=owner,
                application=app,
                from_stage=previous,
                to_stage=stage,
                changed_at=at + dt.timedelta(days=step),
            )
            previous = stage
        for index in linked:
            if index < len(contacts):
                app.contact_links.create(owner=owner, contact=contacts[index], role="recruiter")
        apps.append(app)
    for at, summary, app_index, people in spec["interactions"]:
        interaction = Interaction.objects.create(
            owner=owner,
            occurred_at=at,
            summary=summary or "x",
            application=apps[app_index] if app_index < len(apps) else None,
        )
        interaction.contacts.set([contacts[i] for i in people if i < len(contacts)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=search)
def test_generated_searches_survive_a_round_trip(spec):
    with transaction.atomic():
        owner = make_user("gen-owner")
        build(owner, spec)
        data = export_data(owner)
        restore(username="gen-copy", text=doc(data))
        assert export_data(User.objects.get(username="gen-copy")) == data
        transaction.set_rollback(True)
