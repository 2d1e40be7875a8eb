"""Small helpers for tests: status on a day, scenario facts laid over the real record, claims read
from a sentence."""

from __future__ import annotations

from datetime import date

from foederis.claims.check import ClaimOut, check
from foederis.engine.compile import Compiled, compile_record
from foederis.record.loader import Record
from foederis.record.models import ConflictPeriod, Event
from foederis.rules.options import DEFAULT_OPTIONS, Options


def status_on(c: Compiled, state: str, instrument: str, day: date) -> tuple[str, bool]:
    iv = c.interval_on(state, instrument, day)
    return (iv.status.name, iv.bound) if iv else ("none", False)


def notice(instrument: str, state: str, day: date, action: str = "withdrawal_deposited") -> Event:
    return Event(instrument, state, state, action, day, "test: assumed notice", "", "sourced", "test", 0)


def conflict(state: str, start: date, end: date | None) -> ConflictPeriod:
    return ConflictPeriod(
        state, start, end, "test conflict", "", "test: assumed conflict", "", "day", "test", 0
    )


def world(
    record: Record,
    events: list[Event],
    conflicts: list[ConflictPeriod] = (),  # type: ignore[assignment]
    options: Options = DEFAULT_OPTIONS,
) -> Compiled:
    return compile_record(record.overlay(events, conflicts), options)


#: The "today" claim tests judge against, so that "the answer differs today" notes are stable.
CLAIMS_TODAY = date(2026, 12, 1)


def read_claims(c: Compiled, text: str, day: str) -> list[ClaimOut]:
    """The claims the checker reads in a text, judged as of the day."""
    return check(c, text, date.fromisoformat(day), today=CLAIMS_TODAY).claims


def one_claim(claims: list[ClaimOut], kind: str) -> ClaimOut:
    """The one claim of a kind (the test fails, listing them all, if there is not exactly one)."""
    hits = [x for x in claims if x.kind == kind]
    assert len(hits) == 1, [(x.kind, x.subjects, x.verdict, x.text) for x in claims]
    return hits[0]
