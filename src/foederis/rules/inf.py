"""Intermediate-Range Nuclear Forces Treaty (Washington, 8 Dec 1987). Its text is not in the
record: answers say so.

- inf/art_17: in force on the exchange of instruments of ratification (article number unverified);
- inf/art_15__para_2: withdrawal six months after notice. When the United States' withdrawal took
  effect the two-sided treaty ended for every party.
"""

from foederis.rules.arms_control import ArmsControlTreaty, NoticePeriod, recorded_exchange

RULES = ArmsControlTreaty(
    instrument="inf",
    eif=recorded_exchange("inf/art_17"),
    eif_provision="inf/art_17",
    withdrawal="inf/art_15__para_2",
    notice=NoticePeriod(months=6),
    bilateral=True,
)
