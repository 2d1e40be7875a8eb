"""Anti-Personnel Mine Ban Convention (Oslo, 18 Sep 1997): the provisions this module executes.

- apmbt/art_17__para_1: in force on the first day of the sixth month after the month of the 40th
  instrument;
- apmbt/art_17__para_2: for later instruments, the first day of the sixth month after deposit;
- apmbt/art_20__para_2 and apmbt/art_20__para_3: withdrawal six months after receipt, not while
  the withdrawing State Party is engaged in an armed conflict.
"""

from foederis.rules.ban_convention import BanConvention
from foederis.rules.interoperability import IssueRule
from foederis.rules.spec import ActivityRule, Obligations

RULES = BanConvention(
    instrument="apmbt",
    threshold=40,
    eif_general="apmbt/art_17__para_1",
    eif_later="apmbt/art_17__para_2",
    withdrawal_right="apmbt/art_20__para_2",
    withdrawal_effect="apmbt/art_20__para_3",
    signature="apmbt/art_15",
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

INTEROPERABILITY: dict[str, IssueRule] = {
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
}

#: Art. 1(1) and the exceptions of Art. 3; interoperability issues as above.
OBLIGATIONS = Obligations(
    weapons=("anti_personnel_mines",),
    activities={
        "use": ActivityRule("apmbt/art_1__para_1__point_a"),
        "develop": ActivityRule("apmbt/art_1__para_1__point_b"),
        "produce": ActivityRule("apmbt/art_1__para_1__point_b"),
        "acquire": ActivityRule("apmbt/art_1__para_1__point_b"),
        "stockpile": ActivityRule("apmbt/art_1__para_1__point_b"),
        "retain": ActivityRule(
            "apmbt/art_1__para_1__point_b",
            "apmbt/art_3__para_1",
            "only the minimum number absolutely necessary for training in mine detection, "
            "clearance or destruction techniques",
        ),
        "transfer": ActivityRule(
            "apmbt/art_1__para_1__point_b",
            "apmbt/art_3__para_2",
            "only for the purpose of destruction, or under Art. 3(1) for training",
        ),
        "assist": ActivityRule("apmbt/art_1__para_1__point_c"),
    },
    interoperability=INTEROPERABILITY,
)
