"""Protocol on Blinding Laser Weapons (Protocol IV to the CCW, Vienna, 13 October 1995): an annexed
Protocol, binding a State that notified its consent to be bound by it (Convention Art. 4(3)-(4)).
The provisions this module executes:

- ccw/art_5__para_3: a Protocol enters into force "six months after the date by which twenty
  States have notified their consent to be bound by it" (ccw_p4/additional_protocol__art_2:
  "as provided in paragraphs 3 and 4 of Article 5 of the Convention");
- ccw/art_5__para_4: for a State notifying later, "six months after the date on which that State
  has notified its consent so to be bound";
- ccw/art_9__para_1, para_2: a Party "may denounce this Convention or any of its annexed
  Protocols"; one year after receipt, held back by an Article 1 situation on expiry;
- ccw/art_9__para_3: "Any denunciation of this Convention shall be considered as also applying to
  all annexed Protocols by which the denouncing High Contracting Party is bound";
- ccw_p4/art_1: "It is prohibited to employ laser weapons specifically designed ... to cause
  permanent blindness to unenhanced vision ... The High Contracting Parties shall not transfer
  such weapons to any State or non-State entity." Art. 3 (blinding as an incidental effect of the
  legitimate use of laser systems is not covered) narrows the weapon, not an activity, so it is no
  exception here. The Protocol rules on no other activity.
"""

from foederis.rules.ccw import annexed_protocol
from foederis.rules.spec import ActivityRule, Obligations, RecordCoverage

RULES = annexed_protocol("ccw_p4")

_ART_1 = "ccw_p4/art_1"
OBLIGATIONS = Obligations(
    weapons=("blinding_laser_weapons",),
    activities={"use": ActivityRule(_ART_1), "transfer": ActivityRule(_ART_1)},
    scope=_ART_1,
)

#: partial (data/pending/README-ccw-tpnw-att.md): UNTC's XXVI-2-a status page gives 110 Parties
COVERAGE = RecordCoverage(
    "partial",
    110,
    None,
    "UNTC XXVI-2-a, https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XXVI/XXVI-2-a.en.xml",
)
