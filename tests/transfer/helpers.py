import io
import zipfile

from nextround.cli import main

NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. "
    'You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/help."\n\n'
)
CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
APPLICATIONS_HEADER = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
    "Question And Answers\n"
)


def connections(*rows: str, notes: bool = True) -> bytes:
    return ((NOTES if notes else "") + CONNECTIONS_HEADER + "".join(row + "\n" for row in rows)).encode()


def job_applications(*rows: str) -> bytes:
    return (APPLICATIONS_HEADER + "".join(row + "\n" for row in rows)).encode()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err
