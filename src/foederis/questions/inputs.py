"""Parsing and validating what a person typed: states, instruments, dates. Shared by every
interface, so the CLI and the HTTP API reject bad input with the same clear message."""

from __future__ import annotations

from datetime import date

from foederis.record.states import StateRegistry, UnknownState
from foederis.rules.registry import INSTRUMENTS, UnknownInstrument, resolve_instrument

EARLIEST = date(1945, 1, 1)
LATEST = date(2100, 12, 31)


class InputError(ValueError):
    """Bad input, naming the field, the problem and the valid choices or nearest matches."""

    def __init__(self, field: str, message: str, choices: list[str] | None = None) -> None:
        self.field = field
        self.message = message
        self.choices = choices or []
        super().__init__(f"{field}: {message}")

    def to_dict(self) -> dict[str, object]:
        return {"field": self.field, "message": self.message, "choices": self.choices}


def parse_state(registry: StateRegistry, text: str, field: str = "state") -> str:
    try:
        return registry.resolve(text)
    except UnknownState as exc:
        msg = f"unknown state {text!r}"
        if exc.suggestions:
            msg += f"; nearest matches: {', '.join(exc.suggestions)}"
        raise InputError(field, msg, exc.suggestions) from None


def parse_instrument(text: str, field: str = "instrument") -> str:
    try:
        return resolve_instrument(text)
    except UnknownInstrument:
        choices = sorted(INSTRUMENTS)
        raise InputError(
            field, f"unknown instrument {text!r}; valid choices: {', '.join(choices)}", choices
        ) from None


def parse_date(text: str | date | None, field: str = "on", default: date | None = None) -> date:
    """A YYYY-MM-DD date between 1945 and 2100, or `today`; None gives `default` (today)."""
    if text is None or text == "":
        return default or date.today()
    if isinstance(text, str) and text.strip().lower() == "today":
        return date.today()
    if isinstance(text, date):
        day = text
    else:
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            raise InputError(
                field, f"{text!r} is not a valid date; use YYYY-MM-DD, e.g. 2025-03-06"
            ) from None
    if day < EARLIEST:
        raise InputError(field, f"{day} is before {EARLIEST}: the record starts after 1945")
    if day > LATEST:
        raise InputError(field, f"{day} is after {LATEST}")
    return day
