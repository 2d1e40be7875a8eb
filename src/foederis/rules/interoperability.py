"""Interoperability: transit, foreign stockpiles, joint operations and investment under the
weapons bans, as provisions plus named readings.

The texts do not settle these activities. CCM Art. 21(3) lets parties cooperate militarily with
states not party and Art. 21(4) lists what it still does not authorise; the APMBT has no such
clause. Which reading applies is the option `assist_reading` (rules/options.py):
'state_declared' takes the state's own declared view (record/declared_views.py) and says
'contested' where none is recorded; 'broad' is the reading of the ICRC and the Cluster Munition
Coalition (assistance covers these acts, Art. 21 is no exception to Art. 1); 'narrow' holds that
Art. 21(3) permits what Art. 21(4) does not forbid.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from foederis.record.declared_views import DeclaredView
from foederis.rules.base import Reason

OPTION = ("assist_reading",)

#: issue id -> how answers name it
ISSUE_LABEL = {
    "permit_transit": "let an ally move them through its territory, airspace or ports",
    "host_foreign_stockpile": "host an ally's stockpile on its territory or bases",
    "joint_operations": "take part in, plan or target in joint operations where another state "
    "chooses the munitions",
    "invest": "finance (invest in) their producers",
}


@dataclass(frozen=True)
class IssueRule:
    """The provisions bearing on one issue, and what the broad and narrow readings make of them."""

    provisions: tuple[str, ...]  # every provision that bears on the issue, Art. 1 first
    narrow: str  # verdict under the narrow reading
    narrow_why: str
    broad_why: str
    limits: str = ""  # the limits a permission keeps (Art. 21(4)), when there are any


def describe_declared(view: DeclaredView, state_name: str) -> str:
    """One sentence naming the declared view, its basis, the quote and the source."""
    when = f" ({view.stated})" if view.stated else ""
    basis = {"convention": ", on its reading of the convention", "national_law": ", in national law"}
    text = f"{state_name}'s declared view{when}: {view.view}{basis.get(view.basis, '')}"
    text += f" — “{view.quote}” Source ({view.source_kind}): {view.source_title}, {view.source_url}."
    return text + (f" {view.note}" if view.note else "")


def _provision_reasons(rule: IssueRule, lead: str) -> list[Reason]:
    first, *rest = rule.provisions
    return [Reason(first, lead, options=OPTION), *(Reason(p, "Bears on this activity.") for p in rest)]


def interoperability_verdict(
    rules: Mapping[str, IssueRule],
    issue: str,
    reading: str,
    state_name: str,
    declared: DeclaredView | None,
    ally_bound: bool = False,
    ally_name: str = "",
) -> tuple[str, list[Reason]]:
    """The verdict on one issue for a state bound by an instrument whose interoperability rules
    are `rules` (its `Obligations.interoperability`), under `reading`, with reasons.

    `ally_bound` is True when the named partner is itself bound by the instrument: then Art. 21(3)
    (cooperation with states *not party*) cannot apply, and helping it is plain assistance.
    """
    rule = rules[issue]
    if ally_bound:
        why = (
            f"{ally_name} is itself bound by this convention, so every reading agrees: the "
            f"activities are prohibited to it, and helping with them is assistance (Art. 1(1)(c)); "
            f"the cooperation clause concerns states not party only."
        )
        return "prohibited", [
            Reason(p, why if i == 0 else "Bears on this activity.") for i, p in enumerate(rule.provisions)
        ]
    if reading == "broad":
        return "prohibited", _provision_reasons(rule, rule.broad_why)
    if reading == "narrow":
        why = rule.narrow_why + (f" Limits: {rule.limits}." if rule.limits else "")
        return rule.narrow, _provision_reasons(rule, why)
    # state_declared
    other = f"Readings differ: broad → prohibited; narrow → {rule.narrow.replace('_', ' ')}."
    if declared is None:
        lead = (
            f"No declared view of {state_name} on whether a party may {ISSUE_LABEL[issue]} is "
            f"recorded, so under the 'state_declared' reading this is contested. {other}"
        )
        return "contested", _provision_reasons(rule, lead)
    said = Reason(None, describe_declared(declared, state_name), options=OPTION)
    if declared.view == "no view":
        lead = f"{state_name} has declared no view on this; it is contested. {other}"
        return "contested", [said, *_provision_reasons(rule, lead)]
    if declared.view == "prohibited":
        return "prohibited", [said, *_provision_reasons(rule, "The state reads the ban to cover this.")]
    verdict = "permitted_with_limits" if rule.limits else "permitted"
    lead = "The state reads the convention to permit this." + (
        f" Limits the text still sets: {rule.limits}." if rule.limits else ""
    )
    return verdict, [said, *_provision_reasons(rule, lead)]
