"""A synthetic record N times the real one, for the compile-at-scale benchmark and its tests.

Every state (its events, conflict periods and succession links) is copied under renamed ids
(`LTU` -> `LTU.7`); treaty-wide events are kept once. Copy 0 keeps the real ids, so the real
record is the first copy.
"""

from __future__ import annotations

import dataclasses

from foederis.record.loader import Record
from foederis.record.models import StateInfo
from foederis.record.states import StateRegistry


def copy_id(iso3: str, k: int) -> str:
    """The id of state `iso3` in copy `k` (treaty-wide ids, "*" and "", are never renamed)."""
    return iso3 if k == 0 or iso3 in ("*", "") else f"{iso3}.{k}"


def replicate(record: Record, times: int) -> Record:
    """`record` with every state copied `times` times under renamed ids (copy 0 keeps the real id)."""
    events = [e for e in record.events if e.state in ("*", "")]
    per_state = [e for e in record.events if e.state not in ("*", "")]
    conflicts = []
    links = []
    infos = []
    for k in range(times):
        events += [dataclasses.replace(e, state=copy_id(e.state, k)) for e in per_state]
        conflicts += [dataclasses.replace(c, state=copy_id(c.state, k)) for c in record.conflicts]
        links += [
            dataclasses.replace(
                lk, predecessor=copy_id(lk.predecessor, k), successor=copy_id(lk.successor, k)
            )
            for lk in record.successions
        ]
        infos += [
            StateInfo(copy_id(s.iso3, k), s.name, (), s.historic) for s in record.states.states.values()
        ]
    return Record(
        events=tuple(events),
        provisions=record.provisions,
        conflicts=tuple(conflicts),
        presence=record.presence,
        successions=tuple(links),
        states=StateRegistry(infos, {}),
        digest=f"{record.digest}-x{times}",
        files=record.files,
    )
