"""The alliance the alliance questions are about: the registry's one instrument of kind 'alliance'
(so that no question names it)."""

from __future__ import annotations

from foederis.questions.inputs import InputError
from foederis.rules.registry import INSTRUMENTS


def alliance_id() -> str:
    """The id of the registry's alliance instrument."""
    ids = [i for i, spec in INSTRUMENTS.items() if spec.role == "alliance"]
    if len(ids) != 1:
        raise InputError("instrument", f"expected one alliance in the registry, found {ids}", ids)
    return ids[0]


def require_alliance(instrument: str) -> str:
    """`instrument` if it is the alliance; a clear error naming it otherwise."""
    alliance = alliance_id()
    if instrument != alliance:
        raise InputError(
            "instrument",
            f"this question covers the alliance's own machinery ({alliance}); {instrument!r} has none",
            [alliance],
        )
    return instrument
