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

from dataclasses import replace
from datetime import date

from foederis.rules import ccw
from foederis.rules.spec import RecordCoverage

#: the Convention's own rules (art. 5(1)-(2) by art. 8(1)(b), art. 9), ended with the Convention
RULES = replace(
    ccw.RULES,
    instrument="ccw_art1_amended",
    denounced_with="ccw",
    denounced_with_provision="ccw/art_9__para_1",
)

#: partial (data/pending/README-ccw-tpnw-att.md): UNTC's XXVI-2-c page gives 89 Parties
COVERAGE = RecordCoverage("partial", 89, date(2024, 4, 20), "UNTC XXVI-2-c status page")
