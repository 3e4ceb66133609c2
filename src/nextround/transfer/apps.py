from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "nextround.transfer"
    label = "transfer"
