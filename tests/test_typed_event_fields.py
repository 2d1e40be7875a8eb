"""Meaning lives in typed fields, never in notes: entry-into-force dates a source states for a
consent (`eif_stated`) and the rule's own at gathering time (`eif_rule`) are columns, and the note
beside them is prose no code reads."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

from foederis.record.loader import Record
from foederis.record.models import Event
from foederis.record.stated import stated_eif


def _consent(note: str, **typed: object) -> Event:
    return Event("ccm", "NOR", "Norway", "ratification", date(2008, 12, 3), "https://x", note, **typed)  # type: ignore[arg-type]


def test_a_date_in_a_note_is_not_read() -> None:
    ev = _consent("eif_rule=2010-08-01 (computed); EIF there 2010-08-01")
    assert stated_eif(SimpleNamespace(events=[ev])) == []  # type: ignore[arg-type]


def test_the_typed_columns_are_read() -> None:
    ev = _consent("", eif_stated=date(2010, 8, 1), eif_rule=date(2010, 8, 1))
    got = stated_eif(SimpleNamespace(events=[ev]))  # type: ignore[arg-type]
    assert [(s.kind, s.day) for s in got] == [("rule", date(2010, 8, 1)), ("result", date(2010, 8, 1))]


def test_every_note_that_quotes_a_computed_date_has_it_in_its_column(record: Record) -> None:
    """The prose and the field agree, so a reader of the note sees what `data check` compares."""
    quoted = [(e, re.search(r"eif_rule=(\d{4}-\d{2}-\d{2})", e.note)) for e in record.events]
    pairs = [(e, date.fromisoformat(m.group(1))) for e, m in quoted if m]
    assert len(pairs) > 250
    assert all(e.eif_rule == day for e, day in pairs)
