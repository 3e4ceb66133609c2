"""The one error type the capabilities share."""


class Refused(Exception):
    """An action the data does not allow; the message is shown to the user as it is.

    Services raise it (or a subclass) for a rule a form cannot check, such as deleting a company that still
    has applications; views catch it and show the message (the delete confirmation does, for every kind).
    """
