"""Convention on Cluster Munitions (Dublin, 30 May 2008): the provisions this module executes.

- ccm/art_17__para_1: in force on the first day of the sixth month after the month of the 30th
  instrument;
- ccm/art_17__para_2: for later instruments, the first day of the sixth month after deposit;
- ccm/art_20__para_2 and ccm/art_20__para_3: withdrawal six months after receipt, not while the
  withdrawing State Party is engaged in an armed conflict.
"""

from foederis.rules.ban_convention import BanConvention
from foederis.rules.interoperability import IssueRule
from foederis.rules.spec import ActivityRule, Obligations

RULES = BanConvention(
    instrument="ccm",
    threshold=30,
    eif_general="ccm/art_17__para_1",
    eif_later="ccm/art_17__para_2",
    withdrawal_right="ccm/art_20__para_2",
    withdrawal_effect="ccm/art_20__para_3",
    signature="ccm/art_15",
)

_BROAD_CCM = (
    "Broad reading (ICRC, Cluster Munition Coalition): the ban on assistance in Art. 1(1)(c) "
    "applies 'under any circumstances'; Art. 21(3) allows cooperation but is no exception to Art. 1."
)
INTEROPERABILITY: dict[str, IssueRule] = {
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
}

#: Art. 1(1) and the exceptions of Art. 3; interoperability issues as above.
OBLIGATIONS = Obligations(
    weapons=("cluster_munitions",),
    activities={
        "use": ActivityRule("ccm/art_1__para_1__point_a"),
        "develop": ActivityRule("ccm/art_1__para_1__point_b"),
        "produce": ActivityRule("ccm/art_1__para_1__point_b"),
        "acquire": ActivityRule(
            "ccm/art_1__para_1__point_b",
            "ccm/art_3__para_6",
            "only a limited number, for the purposes Art. 3(6) names (detection, clearance, "
            "destruction techniques, counter-measures)",
        ),
        "stockpile": ActivityRule("ccm/art_1__para_1__point_b"),
        "retain": ActivityRule(
            "ccm/art_1__para_1__point_b",
            "ccm/art_3__para_6",
            "only a limited number, for the purposes Art. 3(6) names",
        ),
        "transfer": ActivityRule(
            "ccm/art_1__para_1__point_b",
            "ccm/art_3__para_7",
            "only to another State Party for destruction or for the Art. 3(6) purposes",
        ),
        "assist": ActivityRule(
            "ccm/art_1__para_1__point_c",
            "ccm/art_21__para_3",
            "military cooperation and operations with states not party only; Art. 21(4) still "
            "forbids the party to use, stockpile, transfer, develop, produce or acquire cluster "
            "munitions itself, or to expressly request their use where the choice of munitions "
            "is within its exclusive control",
        ),
    },
    interoperability=INTEROPERABILITY,
)
