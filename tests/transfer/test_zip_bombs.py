"""Zip files built to exhaust memory are refused before they are unpacked (issue 14, item 2)."""

import io
import tracemalloc
import zipfile

import pytest

from nextround.transfer import linkedin
from nextround.transfer.services import import_linkedin
from nextround.transfer.tables import FileProblem, opener_for
from tests.personas import make_user
from tests.transfer.helpers import connections, zipped

ROW = "Ada,Lovelace,,,Analytical Engines,Analyst,01 Mar 2024"


def many_copies(count: int, rows: int) -> bytes:
    content = connections(*[ROW] * rows)
    return zipped({f"folder{n}/Connections.csv": content for n in range(count)})


def bomb(total_mb: int) -> bytes:
    """Two LinkedIn files that squeeze total_mb of repeated rows into a few hundred kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in ("Connections.csv", "Jobs/Job Applications.csv"):
            with archive.open(name, "w", force_zip64=True) as member:
                member.write(linkedin_header(name))
                chunk = (ROW + "\n").encode() * 20_000
                for _ in range(total_mb * 2**20 // 2 // len(chunk)):
                    member.write(chunk)
    return buffer.getvalue()


def linkedin_header(name: str) -> bytes:
    return connections() if name == "Connections.csv" else b"Application Date,Company Name,Job Title\n"


def peak_while(action) -> tuple[int, Exception | None]:
    tracemalloc.start()
    try:
        action()
        problem = None
    except FileProblem as exc:
        problem = exc
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, problem


def test_three_hundred_copies_of_connections_are_refused_without_unpacking_them():
    data = many_copies(300, 2000)
    peak, problem = peak_while(lambda: linkedin.parse(opener_for(data), filename="export.zip"))
    assert problem is not None
    assert "300 files named Connections.csv" in str(problem)
    assert peak < 20 * 2**20


def test_a_zip_unpacking_past_the_total_limit_is_refused_before_unpacking():
    data = bomb(260)
    assert len(data) < 3 * 2**20
    peak, problem = peak_while(lambda: linkedin.parse(opener_for(data), filename="export.zip"))
    assert problem is not None
    assert "more than the 200 MB" in str(problem)
    assert peak < 20 * 2**20


@pytest.mark.django_db
def test_the_web_and_command_line_import_say_so_and_save_nothing(tmp_path, capsys):
    from nextround.tracker.models import Contact
    from tests.transfer.helpers import run

    user = make_user("zipper")
    with pytest.raises(FileProblem):
        import_linkedin(owner=user, data=many_copies(3, 5), filename="export.zip")
    path = tmp_path / "export.zip"
    path.write_bytes(many_copies(3, 5))
    code, _out, err = run(capsys, "import", "linkedin", path, "--user", "zipper")
    assert code == 2 and "3 files named Connections.csv" in err
    assert not Contact.objects.exists()
