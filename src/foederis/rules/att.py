"""Arms Trade Treaty (New York, 2 April 2013): the provisions this module executes.

- att/art_22__para_1: in force "ninety days following the date of the deposit of the fiftieth
  instrument of ratification, acceptance or approval" (accession is not counted; it opens only
  after entry into force, att/art_21__para_3);
- att/art_22__para_2: for a State depositing "subsequent to the entry into force", "ninety days
  following the date of deposit" of its instrument;
- att/art_24__para_2: the right to withdraw by notification to the Depositary; the notice "shall
  take effect ninety days after the receipt of the notification of withdrawal by the Depositary,
  unless the notification of withdrawal specifies a later date". No armed-conflict condition.
- att/art_6__para_1 to para_3: a State Party "shall not authorize any transfer" that would violate
  Security Council Chapter VII measures, its obligations under international agreements, or when
  it knows the arms would be used in genocide, crimes against humanity or war crimes;
- att/art_7__para_1, para_3: an export not prohibited by Art. 6 is assessed first, and not
  authorized where there is "an overriding risk" of the consequences in Art. 7(1).
- vclt/art_18__point_a: a signatory's notice that it will not become a party (the United States,
  18 Jul 2019) ends its obligation to refrain from acts defeating the object and purpose.
"""

from foederis.rules.day_count_convention import DayCountConvention
from foederis.rules.spec import ActivityRule, Obligations, RecordCoverage

RULES = DayCountConvention(
    instrument="att",
    threshold=50,
    eif_days=90,
    later_days=90,
    eif_general="att/art_22__para_1",
    eif_later="att/art_22__para_2",
    withdrawal_right="att/art_24__para_2",
    withdrawal_effect="att/art_24__para_2",
    signature="att/art_21__para_1",
    withdrawal_days=90,
    notice_action="withdrawal_deposited",
    counted_from="receipt",
    later_after="entry_into_force",
    threshold_actions=frozenset({"ratification", "acceptance", "approval"}),
    later_date_allowed=True,
)

OBLIGATIONS = Obligations(
    weapons=("conventional_arms_transfers",),
    activities={
        "transfer": ActivityRule(
            "att/art_6__para_1",
            exception="att/art_7__para_1",
            limits=(
                "a transfer Art. 6 does not prohibit may be authorized; an export only after the "
                "exporting State Party's assessment under Art. 7(1), and not where it finds an "
                "overriding risk of the consequences Art. 7(1) names (Art. 7(3))"
            ),
            covers=(
                "authorize a transfer of conventional arms that would violate Security Council "
                "Chapter VII measures such as arms embargoes (Art. 6(1)) or its obligations under "
                "international agreements (Art. 6(2)), or that it knows at the time of "
                "authorization would be used in genocide, crimes against humanity or war crimes "
                "(Art. 6(3))"
            ),
        ),
    },
    scope="att/art_2__para_2",
)

#: the record is partial (data/pending/README-ccw-tpnw-att.md); the ATT Secretariat's status page
#: gives 116 States Parties (undated copy)
COVERAGE = RecordCoverage(
    "partial",
    116,
    None,
    "ATT Secretariat, https://portal.thearmstradetreaty.org/treaty-status.html",
)
