"""What each weapons convention prohibits, and the exceptions, as data naming their provisions.

Activities follow Art. 1(1) of both conventions: use; develop, produce, otherwise acquire,
stockpile, retain or transfer; assist, encourage or induce. A verdict for a bound state is
'prohibited', or 'permitted_with_limits' where an exception provision applies.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTIVITIES = ("use", "develop", "produce", "acquire", "stockpile", "retain", "transfer", "assist")

#: weapon category id -> the instrument in the record that bans it
WEAPONS = {"cluster_munitions": "ccm", "anti_personnel_mines": "apmbt"}


@dataclass(frozen=True)
class Rule:
    """The prohibition of one activity, and the exception that limits it (if any)."""

    prohibition: str  # provision id
    exception: str | None = None  # provision id of an exception that permits it with limits
    limits: str = ""  # the condition the exception sets, quoted or closely summarised by provision


OBLIGATIONS: dict[str, dict[str, Rule]] = {
    "ccm": {
        "use": Rule("ccm/art_1__para_1__point_a"),
        "develop": Rule("ccm/art_1__para_1__point_b"),
        "produce": Rule("ccm/art_1__para_1__point_b"),
        "acquire": Rule(
            "ccm/art_1__para_1__point_b",
            "ccm/art_3__para_6",
            "only a limited number, for the purposes Art. 3(6) names (detection, clearance, "
            "destruction techniques, counter-measures)",
        ),
        "stockpile": Rule("ccm/art_1__para_1__point_b"),
        "retain": Rule(
            "ccm/art_1__para_1__point_b",
            "ccm/art_3__para_6",
            "only a limited number, for the purposes Art. 3(6) names",
        ),
        "transfer": Rule(
            "ccm/art_1__para_1__point_b",
            "ccm/art_3__para_7",
            "only to another State Party for destruction or for the Art. 3(6) purposes",
        ),
        "assist": Rule(
            "ccm/art_1__para_1__point_c",
            "ccm/art_21__para_3",
            "military cooperation and operations with states not party only; Art. 21(4) still "
            "forbids the party to use, stockpile, transfer, develop, produce or acquire cluster "
            "munitions itself, or to expressly request their use where the choice of munitions "
            "is within its exclusive control",
        ),
    },
    "apmbt": {
        "use": Rule("apmbt/art_1__para_1__point_a"),
        "develop": Rule("apmbt/art_1__para_1__point_b"),
        "produce": Rule("apmbt/art_1__para_1__point_b"),
        "acquire": Rule("apmbt/art_1__para_1__point_b"),
        "stockpile": Rule("apmbt/art_1__para_1__point_b"),
        "retain": Rule(
            "apmbt/art_1__para_1__point_b",
            "apmbt/art_3__para_1",
            "only the minimum number absolutely necessary for training in mine detection, "
            "clearance or destruction techniques",
        ),
        "transfer": Rule(
            "apmbt/art_1__para_1__point_b",
            "apmbt/art_3__para_2",
            "only for the purpose of destruction, or under Art. 3(1) for training",
        ),
        "assist": Rule("apmbt/art_1__para_1__point_c"),
    },
}
