from django.apps import AppConfig


class CheckerWebConfig(AppConfig):
    """The web face of the message checker; the checker itself (nextround.checker) has no Django in it."""

    name = "nextround.checker.web"
    label = "checker"
    verbose_name = "message checker"
