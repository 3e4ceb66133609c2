from django.apps import AppConfig


class PlaybookConfig(AppConfig):
    name = "nextround.playbook"
    label = "playbook"
    verbose_name = "rejection playbook"

    def ready(self) -> None:
        # Check the playbook's content file at start-up, so a typo in it names its key here and not on a
        # user's page; ContentError stops the start with that message.
        from nextround.playbook import content, panels, subscribers

        content.load()
        # The tracker announces its writes and offers panels on its pages; the playbook answers both.
        subscribers.connect()
        panels.register()
