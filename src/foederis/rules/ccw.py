"""Convention on Certain Conventional Weapons (Geneva, 10 October 1980), the Convention itself
(its Protocols bind only the states that consented to each; Art. 4(3)-(4)). The provisions this
module executes:

- ccw/art_5__para_1: in force "six months after the date of deposit of the twentieth instrument
  of ratification, acceptance, approval or accession";
- ccw/art_5__para_2: for a State depositing "after the date of the deposit of the twentieth"
  instrument, "six months after the date on which that State has deposited" it;
- ccw/art_9__para_1, para_2: denunciation by notifying the Depositary; it "shall only take effect
  one year after receipt by the Depositary of the notification of denunciation. If, however, on
  the expiry of that year the denouncing High Contracting Party is engaged in one of the
  situations referred to in Article 1, the Party shall continue to be bound by the obligations of
  this Convention and of the relevant annexed Protocols until the end of the armed conflict or
  occupation" (the `article_1_situations` clause of the day-count shape);
- ccw_art1_amended/art_1__para_1, para_2: the situations of Article 1 (common Article 2 of the
  Geneva Conventions; with the 2001 amendment also common Article 3).

The Convention itself prohibits no weapon: the Protocols do, so it declares no obligations here.
The record lacks at least three instruments deposited before 2 Jun 1983, so the Art. 5(1) day it
gives (29 Mar 1984) is later than the treaty's (2 Dec 1983); see data/pending/README-ccw-tpnw-att.md.
"""

from dataclasses import replace

from foederis.rules.day_count_convention import DayCountConvention
from foederis.rules.spec import RecordCoverage

RULES = DayCountConvention(
    instrument="ccw",
    threshold=20,
    eif_days=0,
    later_days=0,
    eif_months=6,
    later_months=6,
    eif_general="ccw/art_5__para_1",
    eif_later="ccw/art_5__para_2",
    withdrawal_right="ccw/art_9__para_1",
    withdrawal_effect="ccw/art_9__para_2",
    signature="ccw/art_3",
    withdrawal_months=12,
    notice_action="withdrawal_deposited",
    counted_from="receipt",
    conflict_clause="article_1_situations",
    non_international_if_bound_by="ccw_art1_amended",
    article_1=("ccw_art1_amended/art_1__para_1", "ccw_art1_amended/art_1__para_2"),
)

#: partial (data/pending/README-ccw-tpnw-att.md): no published party count was seen again in a
#: source, so the depositary's count is given as unknown
COVERAGE = RecordCoverage("partial")


def annexed_protocol(instrument: str) -> DayCountConvention:
    """The rules of an annexed Protocol: bound by a notification of consent (art. 4(3)-(4)), in
    force under art. 5(3)-(4), denounced on its own or with the Convention (art. 9)."""
    return replace(
        RULES,
        instrument=instrument,
        eif_general="ccw/art_5__para_3",
        eif_later="ccw/art_5__para_4",
        denounced_with="ccw",
        denounced_with_provision="ccw/art_9__para_3",
    )
