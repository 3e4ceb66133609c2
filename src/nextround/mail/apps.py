from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "nextround.mail"
    label = "mail"
    verbose_name = "Mail"
