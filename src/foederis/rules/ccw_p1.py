"""Protocol on Non-Detectable Fragments (Protocol I to the CCW, Geneva, 10 October 1980): an
annexed Protocol, binding a State that notified its consent to be bound by it (Convention Art.
4(3)-(4)). The provisions this module executes:

- ccw/art_5__para_3, para_4: in force six months after the twentieth notification of consent,
  and for a later State six months after its own;
- ccw/art_9__para_1 to para_3: denounced on its own, or with the Convention;
- ccw_p1/art_1, the Protocol's single provision: "It is prohibited to use any weapon the primary
  effect of which is to injure by fragments which in the human body escape detection by X-rays."
  It rules on use only.

The file holds ten consents deposited before 1984, so the Art. 5(3) day it gives is later than
the Protocol's (2 Dec 1983, with the Convention); see data/pending/README-ccw-tpnw-att.md.
"""

from foederis.rules.ccw import annexed_protocol
from foederis.rules.spec import ActivityRule, Obligations, RecordCoverage

RULES = annexed_protocol("ccw_p1")

_ART_1 = "ccw_p1/art_1"
OBLIGATIONS = Obligations(
    weapons=("non_detectable_fragments",),
    activities={
        "use": ActivityRule(
            _ART_1, covers="use any weapon whose primary effect is to injure by such fragments"
        )
    },
    scope=_ART_1,
)

#: partial (data/pending/README-ccw-tpnw-att.md): no published party count was seen in a source
COVERAGE = RecordCoverage("partial")
