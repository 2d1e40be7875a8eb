"""The amendment of Article 1 of the CCW (Geneva, 21 December 2001): the Convention and its annexed
Protocols also apply to the situations of common Article 3 of the Geneva Conventions (armed
conflicts not of an international character) for a Party bound by it. The provisions this
module executes:

- ccw/art_8__para_1__point_b: an amendment enters into force "in the same manner as this
  Convention" (ccw/art_5__para_1, para_2: six months after the twentieth instrument of
  ratification, acceptance, approval or accession, and for a later State after its own);
- ccw/art_9__para_1, para_2: the amendment is part of the Convention for a Party bound by it, so
  a denunciation of the Convention ends it too; the text names no separate denunciation of it;
- ccw_art1_amended/art_1__para_2: read by every CCW instrument's Art. 9(2) clause (a
  non-international armed conflict on the expiry of the year holds back a denunciation only for
  a Party bound by this amendment). It prohibits no weapon, so it declares no obligations.
"""

from datetime import date

from foederis.rules.day_count_convention import DayCountConvention
from foederis.rules.spec import RecordCoverage

RULES = DayCountConvention(
    instrument="ccw_art1_amended",
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
    denounced_with="ccw",
    denounced_with_provision="ccw/art_9__para_1",
)

#: partial (data/pending/README-ccw-tpnw-att.md): UNTC's XXVI-2-c page gives 89 Parties
COVERAGE = RecordCoverage("partial", 89, date(2024, 4, 20), "UNTC XXVI-2-c status page")
