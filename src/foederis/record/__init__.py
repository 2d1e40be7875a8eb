"""The record: what states did (sourced events) and what the texts say (provisions)."""

from foederis.record.errors import RecordError
from foederis.record.loader import Record, load_record
from foederis.record.models import ConflictPeriod, Event, Presence, Provision, SuccessionLink

__all__ = [
    "ConflictPeriod",
    "Event",
    "Presence",
    "Provision",
    "Record",
    "RecordError",
    "SuccessionLink",
    "load_record",
]
