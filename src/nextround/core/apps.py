from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "nextround.core"
    label = "core"
    verbose_name = "nextround core"
