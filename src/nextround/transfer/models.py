from django.db import models

from nextround.core.models import OwnedModel


class Upload(OwnedModel):
    """A spreadsheet waiting between the steps of the CSV import (map columns, map stages, preview, confirm).

    The file itself is kept in the data directory under a random name (big files never sit in memory or in
    the session); this row says whose it is and what the user mapped so far.
    """

    token = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(max_length=255)
    mapping = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name
