"""New START (Prague, 8 Apr 2010). Its text is not in the record and its article numbers are
unsourced labels: answers say so.

- new_start/art_14__para_1: in force on the exchange of instruments of ratification;
- new_start/art_14__para_2: ten years, extendable once by up to five years;
- new_start/art_14__para_3: withdrawal; its notice period is not in the record, so a notice is
  not evaluated (none is recorded).
"""

from foederis.rules.arms_control import ArmsControlTreaty, recorded_exchange

RULES = ArmsControlTreaty(
    instrument="new_start",
    eif=recorded_exchange("new_start/art_14__para_1"),
    eif_provision="new_start/art_14__para_1",
    withdrawal="new_start/art_14__para_3",
    notice=None,
    bilateral=True,
    term_years=10,
    extension_years=5,
    term_provision="new_start/art_14__para_2",
)
