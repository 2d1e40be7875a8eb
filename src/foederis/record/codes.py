"""Research codes and statehood of every entry in the state list: ISO 3166 alpha-3, Correlates of
War and Gleditsch–Ward numbers, and whether the entry is a state at all (Antarctica is not).

The table `data/project/state_codes.csv` is written by `scripts/state_codes.py` from the crosswalk
libraries and the sourced overrides beside it; reading it needs neither library."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from foederis.record.loader import DATA_DIR
from foederis.record.models import SuccessionLink

#: Kinds of entry that are states (everything but `territory`).
STATE_KINDS = ("member_state", "observer_state", "other_state", "historic")


@dataclass(frozen=True, slots=True)
class StateCodes:
    """One entry of the state list with its codes; None where the list has no number for it."""

    iso3: str
    name: str
    kind: str
    un_member_since: int | None
    cow: int | None
    gw: int | None

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


@lru_cache(maxsize=4)
def state_codes(root: Path = DATA_DIR) -> dict[str, StateCodes]:
    """alpha-3 → codes, for every entry of `state_codes.csv`."""
    with (root / "project/state_codes.csv").open(newline="", encoding="utf-8") as fh:
        return {
            r["iso3"]: StateCodes(
                r["iso3"], r["name"], r["kind"], _int(r["un_member_since"]), _int(r["cow"]), _int(r["gw"])
            )
            for r in csv.DictReader(fh)
        }


def is_state(iso3: str, root: Path = DATA_DIR) -> bool:
    """True unless the state list marks the entry as a territory (unknown entries count as states)."""
    entry = state_codes(root).get(iso3)
    return entry is None or entry.is_state


@dataclass(frozen=True, slots=True)
class Existence:
    """The days on which the record knows a state existed: [since, until); None where it says nothing."""

    since: date | None = None
    until: date | None = None

    def exists(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


def existence(links: tuple[SuccessionLink, ...]) -> dict[str, Existence]:
    """From the record's succession links: a successor by succession or continuation exists from the
    link's date, and every predecessor until it (Czechia from 1 Jan 1993, the USSR until 26 Dec 1991)."""
    since: dict[str, date] = {}
    until: dict[str, date] = {}
    for link in links:
        until[link.predecessor] = min(link.date, until.get(link.predecessor, link.date))
        if link.kind in ("succession", "continuation"):
            since[link.successor] = max(link.date, since.get(link.successor, link.date))
    return {s: Existence(since.get(s), until.get(s)) for s in since.keys() | until.keys()}
