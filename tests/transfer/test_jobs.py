"""An import's progress and outcome live in the database: any server process answers the page that polls
it, only the owner sees it, the database allows one running import per account, and an import whose
process died is shown as stopped (with the rows it saved) and gives the account back."""

import datetime as dt

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from nextround.tracker.models import Contact
from nextround.transfer import jobs
from nextround.transfer.jobs import ImportBusy, ImportStopped
from nextround.transfer.models import ImportJob, JobState
from nextround.transfer.services import import_linkedin
from tests.personas import PersonaTestCase, make_user
from tests.transfer.helpers import connections, run

NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)


def people(count: int, prefix: str = "p") -> bytes:
    return connections(
        *(
            f"Person,{prefix}{n},https://linkedin.com/in/{prefix}{n},,Company {n % 40},Analyst,01 Mar 2024"
            for n in range(count)
        )
    )


class JobPageTests(PersonaTestCase):
    def test_the_page_reads_the_job_from_the_database_for_its_owner_only(self):
        # As another server process would have left it: only the row says how far it has got.
        now = timezone.now()
        job = ImportJob.objects.create(
            owner=self.owner,
            label="Importing Connections.csv",
            stage="saving",
            done=3000,
            total=9000,
            started_at=now,
            heartbeat_at=now,
        )
        url = reverse("transfer:job", args=[job.pk])
        response = self.assert_owner_only(url)
        self.assertContains(response, "saving rows, 3,000 of 9,000")
        self.assertContains(response, '<progress max="100" value="33"')
        fragment = self.client.get(url, headers={"HX-Request": "true"})
        self.assertContains(fragment, 'hx-trigger="every 1s"')
        self.assertNotContains(fragment, "site-header")
        # Whoever left the page finds it again from the Import page; nobody else sees it there.
        self.assertContains(self.client.get(reverse("transfer:index")), f'href="{url}"')
        self.assertNotContains(self.other_client.get(reverse("transfer:index")), f'href="{url}"')

    def test_a_finished_job_shows_its_summary_from_the_row(self):
        import_linkedin(owner=self.owner, data=people(3), filename="Connections.csv")
        job = ImportJob.objects.get(owner=self.owner)
        self.assertEqual(job.state, JobState.DONE)
        response = self.assert_owner_only(reverse("transfer:job", args=[job.pk]))
        self.assertContains(response, "LinkedIn connections")
        self.assertContains(response, "3 added")
        self.assertNotContains(response, "every 1s")


@pytest.mark.django_db
def test_the_database_allows_one_running_import_per_account():
    owner, other = make_user("one"), make_user("two")
    jobs.begin(owner=owner, label="first")
    with pytest.raises(ImportBusy):
        jobs.begin(owner=owner, label="second")
    # The refusal comes from the database's unique index, whatever process asks.
    with pytest.raises(Exception), transaction.atomic():  # noqa: B017 (IntegrityError on either database)
        ImportJob.objects.create(owner=owner, label="sneaked", started_at=NOW, heartbeat_at=NOW)
    jobs.begin(owner=other, label="someone else's")
    assert ImportJob.objects.filter(state=JobState.RUNNING).count() == 2


@pytest.mark.django_db
def test_an_import_not_heard_from_is_shown_stopped_with_what_it_saved_and_frees_the_account(client):
    owner = make_user("ghost")
    client.force_login(owner)
    with time_machine.travel(NOW, tick=False) as clock:
        job = jobs.begin(owner=owner, label="Importing Connections.csv")
        with transaction.atomic():
            jobs.Running(job).saved(1000, 5000)
        url = reverse("transfer:job", args=[job.pk])
        assert "saving rows, 1,000 of 5,000" in client.get(url).content.decode()
        with pytest.raises(ImportBusy):
            import_linkedin(owner=owner, data=people(3))
        clock.shift(dt.timedelta(seconds=119))
        assert "every 1s" in client.get(url).content.decode()  # not yet: two minutes without news
        clock.shift(dt.timedelta(seconds=2))
        page = client.get(url, headers={"HX-Request": "true"}).content.decode()
        assert "every 1s" not in page
        assert "This import stopped before it finished" in page
        assert "The first 1,000 of 5,000 rows were saved and are kept" in page
        [summary] = import_linkedin(owner=owner, data=people(3))  # the account is free again
    assert summary.created == 3
    job.refresh_from_db()
    assert job.state == JobState.STOPPED


@pytest.mark.django_db
def test_an_import_paused_past_the_limit_saves_nothing_more_when_it_wakes(capsys, tmp_path):
    owner = make_user("sleepy")
    path = tmp_path / "Connections.csv"
    path.write_bytes(people(3500))
    with time_machine.travel(NOW, tick=False) as clock:

        def pause_after_the_first_batch(stage, done, total):
            if stage == "saving" and done == 1000:
                clock.shift(dt.timedelta(minutes=5))  # the laptop slept; the job was taken for stopped

        with pytest.raises(ImportStopped):
            import_linkedin(owner=owner, path=path, progress=pause_after_the_first_batch)
    assert Contact.objects.filter(owner=owner).count() == 1000  # the batch in hand was undone
    job = ImportJob.objects.get(owner=owner)
    assert job.state == JobState.STOPPED and job.done == 1000
    assert "The first 1,000 of 3,500 rows were saved" in job.problem


@pytest.mark.django_db
def test_the_command_line_takes_the_same_slot_and_says_when_it_is_taken(tmp_path, capsys):
    owner = make_user("cli")
    path = tmp_path / "Connections.csv"
    path.write_bytes(people(5))
    jobs.begin(owner=owner, label="Importing from the web page")
    code, _out, err = run(capsys, "import", "linkedin", path, "--user", "cli")
    assert code == 2 and "another import into your account is still running" in err
    ImportJob.objects.filter(owner=owner).update(state=JobState.DONE, finished_at=timezone.now())
    code, out, err = run(capsys, "import", "linkedin", path, "--user", "cli")
    assert code == 0, err
    latest = ImportJob.objects.filter(owner=owner).first()
    assert latest.label == "Importing Connections.csv" and latest.state == JobState.DONE


@pytest.mark.django_db
def test_a_bad_file_fails_its_job_with_the_message_and_saves_nothing(client):
    owner = make_user("careful")
    client.force_login(owner)
    bad = connections("Ada,Lovelace,,,Engines,Analyst,yesterday")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("transfer:linkedin"), {"file": SimpleUploadedFile("Connections.csv", bad)})
    assert response.status_code == 422
    assert "not a date like 15 Mar 2024" in response.content.decode()
    job = ImportJob.objects.get(owner=owner)
    assert job.state == JobState.FAILED and "Nothing was imported" in job.problem
    assert not Contact.objects.filter(owner=owner).exists()


@pytest.mark.django_db
def test_work_that_returns_without_ending_its_job_leaves_it_done_and_the_account_free():
    owner = make_user("plain")
    job = jobs.start(owner=owner, label="Plain work", work=lambda job: None)
    assert job.state == JobState.DONE and job.finished_at is not None
    failed = jobs.start(owner=owner, label="Broken work", work=lambda job: 1 / 0)
    assert failed.state == JobState.FAILED
    jobs.begin(owner=owner, label="next")  # neither left the account's slot taken
