"""Protocol on Explosive Remnants of War (Protocol V to the CCW, Geneva, 28 November 2003): an
annexed Protocol, binding a State that notified its consent to be bound by it (Convention Art.
4(3)-(4)). The provisions this module executes:

- ccw/art_8__para_2__point_b: an additional protocol "shall enter into force as provided in
  paragraphs 3 and 4 of Article 5 of this Convention" (ccw/art_5__para_3, para_4: six months
  after the twentieth notification of consent, and for a later State after its own);
- ccw/art_9__para_1 to para_3: denounced on its own, or with the Convention;
- ccw_p5/art_3 to art_5: duties after the cessation of active hostilities (mark and clear,
  remove or destroy explosive remnants of war in territory under a party's control; record,
  retain and transmit information on the explosive ordnance it used or abandoned; take all
  feasible precautions to protect civilians). None of these is an activity the `may` question
  names (use, develop, produce, acquire, stockpile, retain, transfer, assist), so no activity
  has a rule: an answer cites art. 1(1), which sets what the Protocol obliges.
"""

from foederis.rules.ccw import annexed_protocol
from foederis.rules.spec import Obligations, RecordCoverage

RULES = annexed_protocol("ccw_p5")

OBLIGATIONS = Obligations(
    weapons=("explosive_remnants_of_war",),
    activities={},
    scope="ccw_p5/art_1__para_1",
)

#: partial (data/pending/README-ccw-tpnw-att.md): UNTC's XXVI-2-d status page gives 97 Parties
COVERAGE = RecordCoverage(
    "partial",
    97,
    None,
    "UNTC XXVI-2-d status page",
)
