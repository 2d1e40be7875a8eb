"""Parsing and validating what a person typed: states, instruments, dates, options. Shared by every
interface, so the CLI and the HTTP API reject bad input with the same clear message."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from foederis.record.states import StateRegistry, UnknownState
from foederis.rules.options import Options, choices
from foederis.rules.registry import INSTRUMENTS, UnknownInstrument, resolve_instrument

EARLIEST = date(1945, 1, 1)
LATEST = date(2100, 12, 31)

#: Only the documented form: four-digit year, month, day (no ISO week or ordinal dates, no times).
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: NUL and other C0/C1 controls (tab, newline and carriage return are text), and lone surrogates.
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: Longest name (state, instrument) that is looked up or nearest-matched.
MAX_NAME_CHARS = 100


#: Terminal control sequences (CSI and OSC), other C0/C1 controls and bidirectional overrides.
_TERMINAL_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """`text` without escape sequences and control characters, safe to write to a terminal."""
    return _TERMINAL_CONTROL.sub("", text)


def shown(text: object, limit: int = 60) -> str:
    """`text` quoted for an error message, cut to `limit` characters so echoes stay short."""
    s = str(text)
    return repr(s if len(s) <= limit else s[:limit] + "…")


def check_text(value: object, field: str, max_chars: int, *, multiline: bool = True) -> str:
    """`value` if it is a string of at most `max_chars` readable characters, else InputError.

    NUL, control characters and lone surrogates are refused here, at the boundary, so that every
    database stores the same text and every answer serialises."""
    if not isinstance(value, str):
        raise InputError(field, f"must be text, not {type(value).__name__}")
    if len(value) > max_chars:
        raise InputError(field, f"has {len(value)} characters; at most {max_chars} are allowed")
    bad = _BAD_CHAR.search(value) or (None if multiline else re.search(r"[\n\r\t]", value))
    if bad:
        raise InputError(
            field,
            f"contains the character U+{ord(bad.group()):04X} at position {bad.start()}; "
            "control characters, NUL and lone surrogates are not allowed",
        )
    return value


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
    """The ISO alpha-3 code of a state name or code; nearest matches only for names of plausible length."""
    check_text(text, field, MAX_NAME_CHARS, multiline=False)
    try:
        return registry.resolve(text)
    except UnknownState as exc:
        msg = f"unknown state {shown(text)}"
        if exc.suggestions:
            msg += f"; nearest matches: {', '.join(exc.suggestions)}"
        raise InputError(field, msg, exc.suggestions) from None


def parse_instrument(text: str, field: str = "instrument") -> str:
    check_text(text, field, MAX_NAME_CHARS, multiline=False)
    try:
        return resolve_instrument(text)
    except UnknownInstrument:
        choices = sorted(INSTRUMENTS)
        raise InputError(
            field, f"unknown instrument {shown(text)}; valid choices: {', '.join(choices)}", choices
        ) from None


def parse_date(text: str | date | None, field: str = "on", default: date | None = None) -> date:
    """A YYYY-MM-DD date between 1945 and 2100, or `today`; None gives `default` (today)."""
    if text is None or text == "":
        return default or date.today()
    if isinstance(text, str) and text.strip().lower() == "today":
        return date.today()
    if isinstance(text, date) and not isinstance(text, datetime):
        day = text
    else:
        day = None
        if isinstance(text, str) and _ISO_DAY.fullmatch(text.strip()):
            try:
                day = date.fromisoformat(text.strip())
            except ValueError:
                day = None
        if day is None:
            raise InputError(field, f"{shown(text)} is not a valid date; use YYYY-MM-DD, e.g. 2025-03-06")
    return check_day(day, field)


def check_day(day: date, field: str) -> date:
    """`day` if it lies in the range every question and scenario can answer, else InputError."""
    if day < EARLIEST:
        raise InputError(field, f"{day} is before {EARLIEST}: the record starts after 1945")
    if day > LATEST:
        raise InputError(field, f"{day} is after {LATEST}")
    return day


def parse_options(given: Mapping[str, str]) -> Options:
    """The interpretation options named in `given` (a query string, a form), the others at their
    defaults; a value that is not one of the option's choices is refused, naming them."""
    values: dict[str, str] = {}
    for name in Options.model_fields:
        if name not in given:
            continue
        value, valid = given[name], choices(name)
        if value not in valid:
            raise InputError(
                name, f"unknown value {shown(value)}; valid choices: {', '.join(valid)}", list(valid)
            )
        values[name] = value
    return Options.model_validate(values)
