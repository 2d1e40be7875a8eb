"""The activities a weapons ban prohibits (Art. 1(1) of the CCM and the APMBT name them alike).

Each instrument declares its own prohibitions and exceptions (`Obligations` in its rules module);
`OBLIGATIONS` and `WEAPONS` here are read from the registry for whoever wants them all at once.
"""

from __future__ import annotations

from typing import Any

from foederis.rules.spec import ActivityRule

ACTIVITIES = ("use", "develop", "produce", "acquire", "stockpile", "retain", "transfer", "assist")

Rule = ActivityRule  # the name this module used before the rules moved to each instrument


def __getattr__(name: str) -> Any:
    """`OBLIGATIONS` (instrument -> activity -> rule) and `WEAPONS` (weapon -> its first banning
    instrument), read from the registry."""
    from foederis.rules.registry import REGISTRY

    if name == "OBLIGATIONS":
        return {s.id: dict(s.obligations.activities) for s in REGISTRY.values() if s.obligations}
    if name == "WEAPONS":
        return {w: ids[0] for w, ids in REGISTRY.weapons().items()}
    raise AttributeError(name)
