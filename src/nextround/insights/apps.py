from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "nextround.insights"
    label = "insights"

    def ready(self) -> None:
        # The weekly running totals follow the tracker's messages and the user's time zone.
        from nextround.insights import subscribers

        subscribers.connect()
