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

from dataclasses import dataclass

from foederis.record.declared_views import ISSUES, DeclaredView
from foederis.rules.base import Reason

READINGS = ("state_declared", "broad", "narrow")
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


_BROAD_CCM = (
    "Broad reading (ICRC, Cluster Munition Coalition): the ban on assistance in Art. 1(1)(c) "
    "applies 'under any circumstances'; Art. 21(3) allows cooperation but is no exception to Art. 1."
)
_NO_ART21 = (
    "The APMBT has no interoperability clause (nothing like CCM Art. 21(3)); the narrow reading "
    "has no exception to rest on, and Art. 1(1)(c) alone leaves this open: states read it "
    "differently."
)
_APMBT_BROAD = (
    "Broad reading: Art. 1(1)(c) forbids assisting anyone, 'under any circumstances', to engage "
    "in an activity prohibited to a State Party; the convention has no exception for allies."
)

RULES: dict[str, dict[str, IssueRule]] = {
    "ccm": {
        "permit_transit": IssueRule(
            ("ccm/art_1__para_1__point_c", "ccm/art_21__para_3", "ccm/art_21__para_4__point_b"),
            "permitted_with_limits",
            "Narrow reading: Art. 21(3) allows military cooperation with states not party; letting "
            "an ally's munitions pass is not among what Art. 21(4) withholds.",
            _BROAD_CCM + " Letting an ally move them through assists its stockpiling and transfer.",
            "the party may not itself stockpile or transfer them (Art. 21(4)(b))",
        ),
        "host_foreign_stockpile": IssueRule(
            (
                "ccm/art_1__para_1__point_b",
                "ccm/art_1__para_1__point_c",
                "ccm/art_21__para_3",
                "ccm/art_21__para_4__point_b",
            ),
            "permitted_with_limits",
            "Narrow reading: Art. 21(4)(b) withholds only stockpiling by the party 'itself'; an "
            "ally's stockpile under the ally's control falls under the cooperation of Art. 21(3).",
            _BROAD_CCM + " Hosting an ally's stockpile assists stockpiling on the party's territory.",
            "the munitions must stay the ally's: the party may not itself stockpile or transfer "
            "them (Art. 21(4)(b))",
        ),
        "joint_operations": IssueRule(
            (
                "ccm/art_1__para_1__point_c",
                "ccm/art_21__para_3",
                "ccm/art_21__para_4__point_c",
                "ccm/art_21__para_4__point_d",
            ),
            "permitted_with_limits",
            "Narrow reading: Art. 21(3) lets the party, its military personnel or nationals engage "
            "in military operations with states not party that might use cluster munitions.",
            _BROAD_CCM + " Planning or targeting for a strike that uses them assists their use.",
            "the party may not itself use them (Art. 21(4)(c)) nor expressly request their use "
            "where the choice of munitions is within its exclusive control (Art. 21(4)(d))",
        ),
        "invest": IssueRule(
            ("ccm/art_1__para_1__point_b", "ccm/art_1__para_1__point_c", "ccm/art_21__para_3"),
            "contested",
            "Narrow reading: Art. 21(3) covers 'military cooperation and operations', not "
            "financing, so it adds nothing here; whether financing producers is assistance under "
            "Art. 1(1)(c) is left open by the text, and states read it differently.",
            _BROAD_CCM + " Financing a producer assists production (Art. 1(1)(b)).",
        ),
    },
    "apmbt": {
        "permit_transit": IssueRule(
            ("apmbt/art_1__para_1__point_b", "apmbt/art_1__para_1__point_c"),
            "contested",
            _NO_ART21,
            _APMBT_BROAD + " Letting an ally move them through assists their stockpiling and transfer.",
        ),
        "host_foreign_stockpile": IssueRule(
            ("apmbt/art_1__para_1__point_b", "apmbt/art_1__para_1__point_c"),
            "contested",
            _NO_ART21,
            _APMBT_BROAD + " Hosting an ally's stockpile assists stockpiling on the party's territory.",
        ),
        "joint_operations": IssueRule(
            ("apmbt/art_1__para_1__point_a", "apmbt/art_1__para_1__point_c"),
            "contested",
            _NO_ART21,
            _APMBT_BROAD + " Planning or targeting for an operation that uses them assists their use.",
        ),
        "invest": IssueRule(
            ("apmbt/art_1__para_1__point_b", "apmbt/art_1__para_1__point_c"),
            "contested",
            _NO_ART21,
            _APMBT_BROAD + " Financing a producer assists production (Art. 1(1)(b)).",
        ),
    },
}

assert all(set(rules) == set(ISSUES) for rules in RULES.values())


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
    instrument: str,
    issue: str,
    reading: str,
    state_name: str,
    declared: DeclaredView | None,
    ally_bound: bool = False,
    ally_name: str = "",
) -> tuple[str, list[Reason]]:
    """The verdict on one issue for a state bound by `instrument`, under `reading`, with reasons.

    `ally_bound` is True when the named partner is itself bound by the instrument: then Art. 21(3)
    (cooperation with states *not party*) cannot apply, and helping it is plain assistance.
    """
    rule = RULES[instrument][issue]
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
