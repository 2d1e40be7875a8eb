"""Treaty on Open Skies (Helsinki, 24 Mar 1992).

- open_skies/art_17__para_2: in force 60 days after 20 required deposits; the record holds only
  three deposits, so the entry-into-force date the record gives is used, and answers say so;
- open_skies/art_15__para_2: withdrawal on notice at least six months before the intended date.
"""

from foederis.rules.arms_control import ArmsControlTreaty, NoticePeriod, recorded_date

RULES = ArmsControlTreaty(
    instrument="open_skies",
    eif=recorded_date(
        "open_skies/art_17__para_2",
        "Art. XVII(2) needs 20 deposits, and the record holds only three (one weak, two DERIVED).",
    ),
    eif_provision="open_skies/art_17__para_2",
    withdrawal="open_skies/art_15__para_2",
    notice=NoticePeriod(months=6, at_least=True),
)
