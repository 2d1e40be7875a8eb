"""May state X do activity A with weapon W on day D? Read from the obligations the state is bound
by on that day (rules/obligations.py) and the engine's status."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.inputs import InputError
from foederis.questions.models import ReasonOut
from foederis.rules.base import Reason
from foederis.rules.obligations import ACTIVITIES, OBLIGATIONS, WEAPONS
from foederis.rules.options import describe_options
from foederis.rules.registry import INSTRUMENTS

Verdict = Literal["prohibited", "permitted", "permitted_with_limits"]

__all__ = ["ACTIVITIES", "WEAPONS", "MayAnswer", "may", "parse_activity", "parse_weapon", "verdict"]


class MayAnswer(BaseModel):
    state: str
    state_name: str
    activity: str
    weapon: str
    date: date
    allowed: bool
    verdict: Verdict
    reasons: list[ReasonOut]
    options: dict[str, Any]


def parse_weapon(text: str, field: str = "weapon") -> str:
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key in WEAPONS:
        return key
    raise InputError(field, f"unknown weapon {text!r}; valid choices: {', '.join(WEAPONS)}", list(WEAPONS))


def parse_activity(text: str, field: str = "activity") -> str:
    key = text.strip().lower()
    if key in ACTIVITIES:
        return key
    raise InputError(
        field, f"unknown activity {text!r}; valid choices: {', '.join(ACTIVITIES)}", list(ACTIVITIES)
    )


def verdict(c: Compiled, state: str, activity: str, weapon: str, day: date) -> tuple[Verdict, list[Reason]]:
    """The verdict and the engine reasons behind it (status interval + obligation provisions)."""
    instrument = WEAPONS[weapon]
    iv = c.interval_on(state, instrument, day)
    title = INSTRUMENTS[instrument].short
    if iv is None or not iv.bound:
        status = iv.status.name if iv else "none"
        why = Reason(
            None,
            f"{state} is not bound by the {title} on {day} (status '{status}'); no instrument in the "
            f"record forbids it to {activity} {weapon.replace('_', ' ')}.",
            iv.reasons[0].events if iv and iv.reasons else (),
        )
        return "permitted", [why, *(iv.reasons if iv else ())]
    rule = OBLIGATIONS[instrument][activity]
    reasons = [
        Reason(
            rule.prohibition,
            f"{state} is bound by the {title} on {day} (status '{iv.status.name}', "
            f"since {iv.start}); this provision prohibits it to {activity} them.",
        ),
        *iv.reasons,
    ]
    if rule.exception:
        reasons.insert(1, Reason(rule.exception, f"Exception: permitted with limits — {rule.limits}."))
        return "permitted_with_limits", reasons
    return "prohibited", reasons


def may(c: Compiled, state: str, activity: str, weapon: str, day: date) -> MayAnswer:
    v, reasons = verdict(c, state, activity, weapon, day)
    return MayAnswer(
        state=state,
        state_name=c.record.states.name(state),
        activity=activity,
        weapon=weapon,
        date=day,
        allowed=v != "prohibited",
        verdict=v,
        reasons=[reason_out(c, r) for r in reasons],
        options=describe_options(c.options),
    )
