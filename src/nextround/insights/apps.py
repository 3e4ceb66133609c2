from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "nextround.insights"
    label = "insights"
