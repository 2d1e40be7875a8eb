"""Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other Devices
(Protocol II to the CCW, Geneva, 10 October 1980), the original text: an annexed Protocol,
binding a State that notified its consent to be bound by it (Convention Art. 4(3)-(4)); for
Parties also bound by Amended Protocol II (ccw_p2_amended) the amended text applies between them.
The provisions this module executes:

- ccw/art_5__para_3, para_4: in force six months after the twentieth notification of consent,
  and for a later State six months after its own;
- ccw/art_9__para_1 to para_3: denounced on its own, or with the Convention;
- ccw_p2/art_6__para_2: "It is prohibited in all circumstances to use any booby-trap which is
  designed to cause superfluous injury or unnecessary suffering"; art. 6(1) prohibits the
  booby-traps it lists; ccw_p2/art_4__para_2 permits mines, booby-traps and other devices in a
  populated area where combat is not taking place only where they are placed on or near a
  military objective or civilians are protected from their effects. Use is permitted with limits;
  the Protocol rules on no other activity (ccw_p2/art_1: it relates to the use on land of them).

The record holds 15 consents and a succession, fewer than twenty, so the rule finds no entry into
force (the Protocol's is 2 Dec 1983, with the Convention) and no State is bound; see
data/pending/README-ccw-tpnw-att.md.
"""

from foederis.rules.ccw import annexed_protocol
from foederis.rules.spec import ActivityRule, Obligations, RecordCoverage

RULES = annexed_protocol("ccw_p2")

OBLIGATIONS = Obligations(
    weapons=("mines_booby_traps",),
    activities={
        "use": ActivityRule(
            "ccw_p2/art_6__para_2",
            exception="ccw_p2/art_4__para_2",
            limits=(
                "no booby-trap designed to cause superfluous injury or unnecessary suffering "
                "(art. 6(2)), none in the form of an apparently harmless portable object or "
                "attached to the protected objects art. 6(1) lists; in a populated area where "
                "ground combat is not taking place or imminent, only on or near a military "
                "objective of an adverse party, or with measures protecting civilians (art. 4(2))"
            ),
            covers="use any booby-trap designed to cause superfluous injury or unnecessary suffering",
        ),
    },
    scope="ccw_p2/art_1",
)

#: partial (data/pending/README-ccw-tpnw-att.md): no published party count was seen in a source
COVERAGE = RecordCoverage("partial")
