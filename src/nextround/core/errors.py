"""The one error type the capabilities share, and the one way to say a file cannot be read."""


class Refused(Exception):
    """An action the data does not allow; the message is shown to the user as it is.

    Services raise it (or a subclass) for a rule a form cannot check, such as deleting a company that still
    has applications; views catch it and show the message (the delete confirmation does, for every kind).
    """


def unreadable(name: object, exc: OSError) -> str:
    """One clear line naming a file that cannot be read, the same from every command that reads one."""
    if isinstance(exc, FileNotFoundError):
        return f"{name}: no such file"
    if isinstance(exc, IsADirectoryError):
        return f"{name}: is a folder, not a file"
    return f"{name}: cannot read it ({exc.strerror})"
