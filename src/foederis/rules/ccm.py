"""Convention on Cluster Munitions (Dublin, 30 May 2008): the provisions this module executes.

- ccm/art_17__para_1: in force on the first day of the sixth month after the month of the 30th
  instrument;
- ccm/art_17__para_2: for later instruments, the first day of the sixth month after deposit;
- ccm/art_20__para_2 and ccm/art_20__para_3: withdrawal six months after receipt, not while the
  withdrawing State Party is engaged in an armed conflict.
"""

from foederis.rules.ban_convention import BanConvention

RULES = BanConvention(
    instrument="ccm",
    threshold=30,
    eif_general="ccm/art_17__para_1",
    eif_later="ccm/art_17__para_2",
    withdrawal_right="ccm/art_20__para_2",
    withdrawal_effect="ccm/art_20__para_3",
    signature="ccm/art_15",
)
