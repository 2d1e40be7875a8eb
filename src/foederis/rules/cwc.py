"""Chemical Weapons Convention (Paris, 13 January 1993): the provisions this module executes.

- cwc/art_21__para_1: in force 180 days after the deposit of the 65th instrument of ratification,
  "but in no case earlier than two years after its opening for signature";
- cwc/art_21__para_2: for later instruments, "on the 30th day following the date of deposit";
- cwc/art_16__para_2: the right to withdraw "if it decides that extraordinary events ... have
  jeopardized the supreme interests of its country", on notice "90 days in advance" to all other
  States Parties, the Executive Council, the Depositary and the Security Council. The decision is
  the state's own; the text sets no armed-conflict condition.
- cwc/art_1__para_1 (a)-(d): never under any circumstances to develop, produce, otherwise acquire,
  stockpile, retain or transfer chemical weapons, to use them, to engage in military preparations
  to use them, or to assist anyone in a prohibited activity. What counts as a chemical weapon is
  narrowed by Art. II(1)(a) and (9) (toxic chemicals for purposes not prohibited are not chemical
  weapons), so no activity has an exception here; Art. I(5) (riot control agents not as a method
  of warfare) concerns another category and is not modelled as a weapon yet.
"""

from foederis.rules.day_count_convention import DayCountConvention
from foederis.rules.spec import ActivityRule, Obligations

RULES = DayCountConvention(
    instrument="cwc",
    threshold=65,
    eif_days=180,
    later_days=30,
    not_before_years=2,
    eif_general="cwc/art_21__para_1",
    eif_later="cwc/art_21__para_2",
    withdrawal_right="cwc/art_16__para_2",
    withdrawal_effect="cwc/art_16__para_2",
    signature="cwc/art_18",
    withdrawal_days=90,
    later_after="entry_into_force",
)

_ACQUIRE_ETC = "cwc/art_1__para_1__point_a"
OBLIGATIONS = Obligations(
    weapons=("chemical_weapons",),
    activities={
        "use": ActivityRule("cwc/art_1__para_1__point_b"),
        "develop": ActivityRule(_ACQUIRE_ETC),
        "produce": ActivityRule(_ACQUIRE_ETC),
        "acquire": ActivityRule(_ACQUIRE_ETC),
        "stockpile": ActivityRule(_ACQUIRE_ETC),
        "retain": ActivityRule(_ACQUIRE_ETC),
        "transfer": ActivityRule(_ACQUIRE_ETC),
        "assist": ActivityRule("cwc/art_1__para_1__point_d"),
    },
)
