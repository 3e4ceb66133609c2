from django.apps import AppConfig


class PlaybookConfig(AppConfig):
    name = "nextround.playbook"
    label = "playbook"
    verbose_name = "rejection playbook"
