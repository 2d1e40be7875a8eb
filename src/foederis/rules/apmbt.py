"""Anti-Personnel Mine Ban Convention (Oslo, 18 Sep 1997): the provisions this module executes.

- apmbt/art_17__para_1: in force on the first day of the sixth month after the month of the 40th
  instrument;
- apmbt/art_17__para_2: for later instruments, the first day of the sixth month after deposit;
- apmbt/art_20__para_2 and apmbt/art_20__para_3: withdrawal six months after receipt, not while
  the withdrawing State Party is engaged in an armed conflict.
"""

from foederis.rules.ban_convention import BanConvention

RULES = BanConvention(
    instrument="apmbt",
    threshold=40,
    eif_general="apmbt/art_17__para_1",
    eif_later="apmbt/art_17__para_2",
    withdrawal_right="apmbt/art_20__para_2",
    withdrawal_effect="apmbt/art_20__para_3",
    signature="apmbt/art_15",
)
