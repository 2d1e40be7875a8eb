"""Treaty on Conventional Armed Forces in Europe (Paris, 19 Nov 1990).

- cfe/art_22__para_2: in force 10 days after every State Party listed in the Preamble has
  deposited its instrument of ratification;
- cfe/art_19__para_2: withdrawal on notice given at least 150 days before the intended
  withdrawal. The treaty has no suspension clause: suspensions are recorded as claimed.
"""

from foederis.rules.arms_control import ArmsControlTreaty, NoticePeriod, days_after_last_deposit

RULES = ArmsControlTreaty(
    instrument="cfe",
    eif=days_after_last_deposit("cfe/art_22__para_2", 10),
    eif_provision="cfe/art_22__para_2",
    withdrawal="cfe/art_19__para_2",
    notice=NoticePeriod(days=150, at_least=True),
)
