from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "nextround.tracker"
    label = "tracker"
    verbose_name = "job-search tracker"
