"""Protocol on Prohibitions or Restrictions on the Use of Incendiary Weapons (Protocol III to the
CCW, Geneva, 10 October 1980): an annexed Protocol, binding a State that notified its consent to
be bound by it (Convention Art. 4(3)-(4)). The provisions this module executes:

- ccw/art_5__para_3, para_4: in force six months after the twentieth notification of consent,
  and for a later State six months after its own;
- ccw/art_9__para_1 to para_3: denounced on its own, or with the Convention;
- ccw_p3/art_2__para_2: "It is prohibited in all circumstances to make any military objective
  located within a concentration of civilians the object of attack by air-delivered incendiary
  weapons";
- ccw_p3/art_2__para_3, para_4: other incendiary weapons against such an objective only "when
  such military objective is clearly separated from the concentration of civilians and all
  feasible precautions are taken"; forests and plant cover only when they cover, conceal or
  camouflage combatants or military objectives or are themselves military objectives.
  Art. 2(1) (civilians as such never the object of attack) is cited by id; its English text is
  not in the record (data/texts/README.md). The Protocol restricts use only. The United States'
  reservation to art. 2(2)-(3) (its consent row's note) is named in the limits, not applied.

The record lacks every consent before 1983 but Guatemala's, so the Art. 5(3) day it gives is
later than the depositary's (2 Dec 1983); see data/pending/README-ccw-tpnw-att.md.
"""

from foederis.rules.ccw import annexed_protocol
from foederis.rules.spec import ActivityRule, Obligations, RecordCoverage

RULES = annexed_protocol("ccw_p3")

OBLIGATIONS = Obligations(
    weapons=("incendiary_weapons",),
    activities={
        "use": ActivityRule(
            "ccw_p3/art_2__para_2",
            exception="ccw_p3/art_2__para_3",
            limits=(
                "never against the civilian population, individual civilians or civilian objects "
                "(art. 2(1)); never air-delivered against a military objective within a "
                "concentration of civilians (art. 2(2)); other incendiary weapons against such an "
                "objective only when it is clearly separated from the concentration and all "
                "feasible precautions are taken (art. 2(3)); forests and other plant cover only "
                "when they cover, conceal or camouflage combatants or other military objectives, "
                "or are themselves military objectives (art. 2(4)); a State's reservation (the United "
                "States' to art. 2(2)-(3)) is in the note of its consent row, not applied here"
            ),
            covers="attack a military objective within a concentration of civilians with "
            "air-delivered incendiary weapons",
        ),
    },
    scope="ccw_p3/art_2__para_2",
)

#: partial (data/pending/README-ccw-tpnw-att.md): no published party count was seen in a source
COVERAGE = RecordCoverage("partial")
