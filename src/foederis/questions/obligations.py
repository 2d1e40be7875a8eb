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
from foederis.record.declared_views import ISSUES, declared_view
from foederis.rules.base import Reason
from foederis.rules.interoperability import interoperability_verdict
from foederis.rules.obligations import ACTIVITIES
from foederis.rules.options import describe_options
from foederis.rules.registry import REGISTRY, Registry

Verdict = Literal["prohibited", "permitted", "permitted_with_limits", "contested"]

#: the text's own verbs, then the interoperability activities the text leaves to interpretation
ALL_ACTIVITIES = (*ACTIVITIES, *ISSUES)
#: weapon category -> the built-in instruments that ban it
WEAPONS = REGISTRY.weapons()
#: how strict a verdict is, to combine instruments that ban the same weapon (strictest wins)
STRICTNESS = {"prohibited": 3, "contested": 2, "permitted_with_limits": 1, "permitted": 0}

__all__ = [
    "ACTIVITIES",
    "ALL_ACTIVITIES",
    "ISSUES",
    "WEAPONS",
    "DeclaredViewOut",
    "MayAnswer",
    "may",
    "parse_activity",
    "parse_weapon",
    "verdict",
]


class DeclaredViewOut(BaseModel):
    """A state's declared view on an interoperability issue, with its source."""

    state: str
    instrument: str
    issue: str
    view: Literal["prohibited", "permitted", "no view"]
    basis: str
    stated: str
    source_kind: str
    source_title: str
    source_url: str
    quote: str
    note: str


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
    ally: str | None = None  # the partner named with --with (interoperability activities)
    reading: str | None = None  # the assist_reading used (interoperability activities)
    declared: DeclaredViewOut | None = None  # the state's declared view, when one is recorded


def parse_weapon(text: str, field: str = "weapon", registry: Registry = REGISTRY) -> str:
    weapons = registry.weapons()
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key in weapons:
        return key
    raise InputError(field, f"unknown weapon {text!r}; valid choices: {', '.join(weapons)}", list(weapons))


def parse_activity(text: str, field: str = "activity") -> str:
    key = text.strip().lower().replace("-", "_")
    if key in ALL_ACTIVITIES:
        return key
    raise InputError(
        field,
        f"unknown activity {text!r}; valid choices: {', '.join(ALL_ACTIVITIES)}",
        list(ALL_ACTIVITIES),
    )


def declared_out(
    state: str, weapon: str, activity: str, registry: Registry = REGISTRY
) -> DeclaredViewOut | None:
    """The recorded declared view behind an interoperability answer (None for the text's verbs)."""
    if activity not in ISSUES:
        return None
    for instrument in registry.weapons().get(weapon, ()):
        view = declared_view(state, instrument, activity)
        if view:
            return DeclaredViewOut(**{f: getattr(view, f) for f in DeclaredViewOut.model_fields})
    return None


def stated_after(stated: str, day: date) -> bool:
    """Whether a declared view's `stated` (YYYY, YYYY-MM or YYYY-MM-DD; '' unknown) is after `day`."""
    return bool(stated) and stated > day.isoformat()[: len(stated)]


def verdict(
    c: Compiled,
    state: str,
    activity: str,
    weapon: str,
    day: date,
    ally: str | None = None,
    shown: date | None = None,
) -> tuple[Verdict, list[Reason]]:
    """The verdict and the engine reasons behind it (status interval + obligation provisions);
    the reasons' texts name `shown` as the day asked (default `day`).

    A weapon banned by several instruments takes the strictest verdict among them; its reasons
    come first, then each other instrument's leading reason. For the interoperability activities
    the reading in `c.options.assist_reading` decides, and `ally` names the partner (a non-party
    ally, or a party, which every reading treats alike)."""
    answers = [
        _verdict_under(c, state, activity, instrument, weapon, day, ally, shown or day)
        for instrument in c.registry.weapons()[weapon]
    ]
    ranked = sorted(range(len(answers)), key=lambda k: -STRICTNESS[answers[k][0]])
    v, reasons = answers[ranked[0]]
    for k in ranked[1:]:
        reasons = [*reasons, *answers[k][1][:1]]
    return v, reasons


def _verdict_under(
    c: Compiled,
    state: str,
    activity: str,
    instrument: str,
    weapon: str,
    day: date,
    ally: str | None,
    shown: date,
) -> tuple[Verdict, list[Reason]]:
    """The verdict under one instrument that bans the weapon (texts name `shown` as the day)."""
    spec = c.registry[instrument]
    iv = c.interval_on(state, instrument, day)
    title = spec.short
    if iv is None or not iv.bound:
        status = iv.status.name if iv else "none"
        why = Reason(
            None,
            f"{state} is not bound by the {title} on {shown} (status '{status}'); no instrument in the "
            f"record forbids it to {activity} {weapon.replace('_', ' ')}.",
            iv.reasons[0].events if iv and iv.reasons else (),
        )
        partial = spec.record_coverage.statement()  # no day's count: the text must not vary by day
        if partial:  # "not bound" read from a partial record may be a gap in it
            gap = Reason(None, f"{partial} A state shown as not bound may have joined without a row in it.")
            return "permitted", [why, gap, *(iv.reasons if iv else ())]
        return "permitted", [why, *(iv.reasons if iv else ())]
    if activity in ISSUES:
        if not (spec.obligations and spec.obligations.interoperability):
            why = (
                f"{state} is bound by the {title} on {shown}; the record holds no reading of whether "
                f"to {activity.replace('_', ' ')} is prohibited assistance under it: contested."
            )
            return "contested", [Reason(None, why, options=("assist_reading",)), *iv.reasons]
        return _interoperability(c, state, iv, activity, instrument, day, ally, shown)
    assert spec.obligations is not None  # it bans `weapon`
    rule = spec.obligations.activities.get(activity)
    if rule is None:  # an activity outside the instrument's scope
        why = (
            f"{state} is bound by the {title} on {shown}, which sets no rule on the activity "
            f"'{activity}' for {weapon.replace('_', ' ')}: this provision sets its scope."
        )
        return "permitted", [Reason(spec.obligations.scope, why), *iv.reasons]
    reasons = [
        Reason(
            rule.prohibition,
            f"{state} is bound by the {title} on {shown} (status '{iv.status.name}', "
            f"since {iv.start}); this provision prohibits it to {rule.covers or activity + ' them'}.",
        ),
        *iv.reasons,
    ]
    if rule.exception:
        reasons.insert(1, Reason(rule.exception, f"Exception: permitted with limits — {rule.limits}."))
        return "permitted_with_limits", reasons
    return "prohibited", reasons


def _interoperability(
    c: Compiled,
    state: str,
    iv: Any,
    activity: str,
    instrument: str,
    day: date,
    ally: str | None,
    shown: date,
) -> tuple[Verdict, list[Reason]]:
    names = c.record.states
    ally_iv = c.interval_on(ally, instrument, day) if ally else None
    declared = declared_view(state, instrument, activity)
    spec = c.registry[instrument]
    v, reasons = interoperability_verdict(
        spec.obligations.interoperability if spec.obligations else {},
        activity,
        c.options.assist_reading,
        names.name(state),
        declared,
        ally_bound=bool(ally_iv and ally_iv.bound),
        ally_name=names.name(ally) if ally else "",
    )
    if declared and stated_after(declared.stated, day):
        reasons.append(
            Reason(None, f"The declared view was stated ({declared.stated}) after the day asked ({shown}).")
        )
    title = spec.short
    bound = Reason(
        None,
        f"{state} is bound by the {title} on {shown} (status '{iv.status.name}', since {iv.start}); "
        f"reading: {c.options.assist_reading}.",
        options=("assist_reading",),
    )
    partner: list[Reason] = []
    if ally:
        status = ally_iv.status.name if ally_iv else "none"
        partner.append(
            Reason(
                None,
                f"Partner: {names.name(ally)} ({ally}), "
                f"{'bound' if ally_iv and ally_iv.bound else 'not bound'} by the {title} on {shown} "
                f"(status '{status}').",
                ally_iv.reasons[0].events if ally_iv and ally_iv.reasons else (),
            )
        )
    return v, [*reasons, bound, *partner, *iv.reasons]  # type: ignore[return-value]


def may(c: Compiled, state: str, activity: str, weapon: str, day: date, ally: str | None = None) -> MayAnswer:
    v, reasons = verdict(c, state, activity, weapon, day, ally)
    interop = activity in ISSUES
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
        ally=ally,
        reading=c.options.assist_reading if interop else None,
        declared=declared_out(state, weapon, activity, c.registry),
    )
