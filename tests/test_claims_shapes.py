"""Sentence shapes the third holdout set showed the reader missing or misreading (sentences written
for these tests), judged against the real compiled record."""

from __future__ import annotations

from helpers import one_claim, read_claims

from foederis.engine.compile import Compiled

read, one = read_claims, one_claim


def test_a_list_item_with_the_after_a_comma_stays_in_the_list(compiled: Compiled) -> None:
    cl = one(
        read(compiled, "Norway, the Netherlands and Austria are all NATO members.", "2024-01-10"),
        "membership",
    )
    assert set(cl.subjects) == {"NOR", "NLD", "AUT"}
    assert cl.verdict == "contradicted"  # a universal claim with one non-member


def test_a_serial_comma_list_after_a_fronted_full_date(compiled: Compiled) -> None:
    text = "On March 29, 2004, Romania, Slovakia, and Slovenia were inducted into the alliance."
    cl = one(read(compiled, text, "2020-01-01"), "membership")
    assert set(cl.subjects) == {"ROU", "SVK", "SVN"} and cl.verdict == "supported"
    wrong = "On March 29, 2004, Romania, Croatia, and Slovenia were inducted into the alliance."
    cl = one(read(compiled, wrong, "2020-01-01"), "membership")
    assert cl.verdict == "partly" and cl.wrong == ["HRV"]


def test_a_count_in_a_dated_sentence_is_judged_on_that_date(compiled: Compiled) -> None:
    text = "On March 29, 2004, seven states joined NATO, increasing its total membership to 26."
    assert one(read(compiled, text, "2024-06-01"), "count").verdict == "supported"
    text = "On March 29, 2004, seven states joined NATO, increasing its total membership to 27."
    assert one(read(compiled, text, "2024-06-01"), "count").verdict == "contradicted"


def test_counts_with_an_adjective_or_a_hyphenated_member_noun(compiled: Compiled) -> None:
    assert (
        one(read(compiled, "NATO's 30 existing members met.", "2022-01-10"), "count").verdict == "supported"
    )
    assert (
        one(read(compiled, "NATO's 31 existing members met.", "2022-01-10"), "count").verdict
        == "contradicted"
    )


def test_respectively_pairs_dates_with_subjects_in_order(compiled: Compiled) -> None:
    right = "Lithuania, Estonia and Latvia joined the Ottawa Convention in 2003, 2004 and 2005, respectively."
    assert one(read(compiled, right, "2024-01-10"), "membership").verdict == "supported"
    swapped = (
        "Lithuania, Estonia and Latvia joined the Ottawa Convention in 2003, 2005 and 2004, respectively."
    )
    cl = one(read(compiled, swapped, "2024-01-10"), "membership")
    assert cl.verdict == "partly" and set(cl.wrong) == {"EST", "LVA"}


def test_never_been_signatories(compiled: Compiled) -> None:
    text = (
        "The Ottawa Convention bans mines. Russia, the United States and China have never been signatories."
    )
    cl = one(read(compiled, text, "2025-06-27"), "status")
    assert set(cl.subjects) == {"RUS", "USA", "CHN"} and cl.verdict == "supported"
    text = "The Ottawa Convention bans mines. Russia and Poland have never been signatories."
    assert one(read(compiled, text, "2025-06-27"), "status").verdict == "partly"


def test_never_been_a_party_is_not_supported_for_a_state_that_left(compiled: Compiled) -> None:
    text = "Lithuania has never been a party to the Convention on Cluster Munitions."
    assert one(read(compiled, text, "2026-01-01"), "status").verdict != "supported"


def test_a_withdrawal_period_is_about_the_treaty_left_not_the_alliance_its_members_belong_to(
    compiled: Compiled,
) -> None:
    text = (
        "Estonia notified the UN of its withdrawal from the Ottawa Convention. The state, a member of "
        "both the EU and NATO, said its withdrawal will take effect six months after notification."
    )
    cl = one(read(compiled, text, "2025-06-27"), "provision")
    assert cl.instrument == "apmbt" and cl.verdict == "supported"


def test_a_noun_phrase_before_a_modal_is_a_subject_not_an_apposition(compiled: Compiled) -> None:
    text = "Once the instrument is presented to the United States, all NATO allies will have approved it."
    assert [x for x in read(compiled, text, "2024-02-26") if x.kind == "membership"] == []


def test_a_treaty_reference_before_an_unknown_treaty_name_is_still_read(compiled: Compiled) -> None:
    text = (
        "Russia withdrew from the CFE Treaty. The treaty was signed in 1990 and limited what NATO "
        "and the Warsaw Pact could deploy."
    )
    cl = one(read(compiled, text, "2023-11-07"), "event")
    assert cl.instrument == "cfe" and cl.verdict == "supported"
    wrong = text.replace("1990", "1991")
    assert one(read(compiled, wrong, "2023-11-07"), "event").verdict == "contradicted"


def test_took_effect_is_entry_into_force(compiled: Compiled) -> None:
    text = "The Open Skies Treaty allows flights. It took effect in 2002."
    assert one(read(compiled, text, "2020-01-01"), "event").verdict == "supported"
    text = "The Open Skies Treaty allows flights. It took effect in 1995."
    assert one(read(compiled, text, "2020-01-01"), "event").verdict == "contradicted"


def test_a_later_clause_without_an_object_joins_the_instrument_named_before_it(compiled: Compiled) -> None:
    claims = read(compiled, "Greece and Turkey joined NATO in 1952, and Spain joined in 1982.", "2020-01-01")
    spain = [c for c in claims if c.subjects == ["ESP"]]
    assert len(spain) == 1 and spain[0].instrument == "nato" and spain[0].verdict == "supported"
    claims = read(compiled, "Greece and Turkey joined NATO in 1952, and Spain joined in 1985.", "2020-01-01")
    assert [c.verdict for c in claims if c.subjects == ["ESP"]] == ["contradicted"]


def test_an_ordinal_counts_a_successor_state_as_the_depositary_does(compiled: Compiled) -> None:
    # Montenegro became a CWC party by succession (2006): Syria, in force 2013-10-14, is the 190th
    text = "Syria became the 190th state to join the Chemical Weapons Convention."
    assert one(read(compiled, text, "2013-10-14"), "ordinal").verdict == "supported"
    text = "Syria became the 189th state to join the Chemical Weapons Convention."
    assert one(read(compiled, text, "2013-10-14"), "ordinal").verdict == "contradicted"


def test_a_signed_domestic_law_is_judged_against_the_recorded_law_of_that_kind(compiled: Compiled) -> None:
    text = "On 30 November 2007 Putin signed a law suspending Russia's participation in the CFE Treaty."
    assert one(read(compiled, text, "2007-12-10"), "event").verdict == "supported"
    text = "On 29 May 2023 Putin signed a law on the denunciation of the CFE Treaty."
    assert one(read(compiled, text, "2023-06-10"), "event").verdict == "supported"
    wrong = "On 29 May 2021 Putin signed a law on the denunciation of the CFE Treaty."
    assert one(read(compiled, wrong, "2023-06-10"), "event").verdict == "contradicted"
    unknown = "In 2015 Putin signed a law suspending Russia's participation in the Ottawa Convention."
    verdicts = [c.verdict for c in read(compiled, unknown, "2023-06-10") if c.kind == "event"]
    assert verdicts in ([], ["unverifiable"])


def test_an_accession_protocol_signed_by_the_allies(compiled: Compiled) -> None:
    text = "NATO states signed accession protocols for Albania and Croatia on 9 July 2008."
    cl = one(read(compiled, text, "2008-07-10"), "event")
    assert set(cl.subjects) == {"ALB", "HRV"} and cl.verdict == "supported"
    text = "The allies signed North Macedonia's Accession Protocol in February 2019."
    cl = one(read(compiled, text, "2019-03-01"), "event")
    assert cl.subjects == ["MKD"] and cl.verdict == "supported"
    wrong = "The allies signed North Macedonia's Accession Protocol in March 2018."
    assert one(read(compiled, wrong, "2019-03-01"), "event").verdict == "contradicted"


def test_a_ratification_signed_by_the_head_of_state(compiled: Compiled) -> None:
    text = "Medvedev on January 28, 2011 signed the ratification of a new Strategic Arms Reduction Treaty."
    cl = one(read(compiled, text, "2011-02-01"), "event")
    assert cl.subjects == ["RUS"] and cl.instrument == "new_start" and cl.verdict == "supported"


def test_a_bilateral_treatys_signature_is_each_partys_when_only_the_treatys_is_recorded(
    compiled: Compiled,
) -> None:
    cl = one(read(compiled, "Gorbachev signed the INF Treaty in 1987.", "2019-01-01"), "event")
    assert cl.subjects == ["SUN"] and cl.verdict == "supported"
    assert any("derived" in r for r in cl.reasons)
    assert one(read(compiled, "Gorbachev signed the INF Treaty in 1988.", "2019-01-01"), "event").verdict == (
        "contradicted"
    )
    # a state that never consented is not taken to have signed
    cl = one(read(compiled, "France signed the INF Treaty in 1987.", "2019-01-01"), "event")
    assert cl.verdict != "supported"


def test_paraphrases_of_joining_leaving_and_entry_into_force(compiled: Compiled) -> None:
    assert one(
        read(compiled, "Moscow has not signed up to the Ottawa Convention.", "2024-01-10"), "status"
    ).verdict == ("supported")
    text = "The Finnish government formally renounced the Ottawa treaty on July 10, 2025."
    assert one(read(compiled, text, "2025-08-01"), "status").verdict == "supported"
    text = "Open Skies was signed in 1992. The treaty, which became effective in 2002, allows flights."
    assert [c.verdict for c in read(compiled, text, "2020-01-01") if c.kind == "event"] == ["supported"] * 2
    text = "The CWC was opened for signature by all states on January 13, 1993."
    assert one(read(compiled, text, "2020-01-01"), "event").verdict == "supported"
    text = "The CWC was opened for signature by all states on January 13, 1994."
    assert one(read(compiled, text, "2020-01-01"), "event").verdict == "contradicted"


def test_joined_with_a_weekday_or_last_year_and_the_un_prefix(compiled: Compiled) -> None:
    claims = read(compiled, "Sweden has formally joined NATO. Finland joined last year.", "2024-03-08")
    assert [(c.subjects, c.verdict) for c in claims] == [(["SWE"], "supported"), (["FIN"], "supported")]
    claims = read(compiled, "Sweden has formally joined NATO. Austria joined last year.", "2024-03-08")
    assert [c.verdict for c in claims if c.subjects == ["AUT"]] == ["contradicted"]
    text = "Syria officially joined on Monday the United Nations convention banning chemical weapons."
    cl = one(read(compiled, text, "2013-10-14"), "membership")
    assert cl.instrument == "cwc" and cl.verdict == "supported"
    cl = one(
        read(compiled, "Syria officially joins UN Chemical Weapons Convention", "2013-10-14"), "membership"
    )
    assert cl.instrument == "cwc" and cl.verdict == "supported"


def test_a_causal_as_clause_is_the_writers_own_claim(compiled: Compiled) -> None:
    text = (
        "Governments argue it would give Russia an advantage, as Moscow has not signed up to the Ottawa "
        "Convention."
    )
    cl = one(read(compiled, text, "2025-06-04"), "status")
    assert cl.subjects == ["RUS"] and cl.verdict == "supported"


def test_a_forecast_ordinal_is_ranked_on_its_day(compiled: Compiled) -> None:
    text = "Finland will become the 31st member of NATO tomorrow."
    assert one(read(compiled, text, "2023-04-03"), "ordinal").verdict == "supported"
    text = "Finland will become the 30th member of NATO tomorrow."
    assert one(read(compiled, text, "2023-04-03"), "ordinal").verdict == "contradicted"
    # the day and the future come from the main clause
    text = (
        "Its flag will be raised in Brussels tomorrow when Finland becomes the 31st member of the Western "
        "alliance."
    )
    assert one(read(compiled, text, "2023-04-03"), "ordinal").verdict == "supported"


def test_a_rank_in_another_act_is_not_a_rank_in_joining(compiled: Compiled) -> None:
    text = "Turkey's parliament became the last member of the alliance to ratify Finland's application."
    assert [c for c in read(compiled, text, "2023-04-03") if c.kind == "ordinal"] == []


def test_a_treatys_expiry_and_extension(compiled: Compiled) -> None:
    text = "Russia suspended New START, the agreement, which expires in 2026, limits warheads."
    claims = [c for c in read(compiled, text, "2023-02-22") if c.kind == "event" and not c.subjects]
    assert [c.verdict for c in claims] == ["supported"]
    assert one(read(compiled, "New START expires in 2027.", "2023-02-22"), "event").verdict == "contradicted"
    text = "New START was extended in February 2021 for five years."
    assert one(read(compiled, text, "2023-02-22"), "event").verdict == "supported"


def test_a_state_signing_its_accession_papers_and_a_law_halting_participation(compiled: Compiled) -> None:
    cl = one(
        read(compiled, "Macedonia signed accession papers with NATO on 6 February 2019.", "2019-02-07"),
        "event",
    )
    assert cl.subjects == ["MKD"] and cl.verdict == "supported"
    text = "On February 28, 2023 Putin signed a new law halting Russian involvement in the New START treaty."
    assert one(read(compiled, text, "2023-03-01"), "event").verdict == "supported"


def test_a_count_of_the_n_member_organization(compiled: Compiled) -> None:
    text = "NATO ministers met in Brussels; the 26-member organization agreed."
    assert one(read(compiled, text, "2008-07-09"), "count").verdict == "supported"
    assert one(read(compiled, text, "2023-07-09"), "count").verdict == "contradicted"


def test_a_deposited_instrument_of_accession_or_ratification(compiled: Compiled) -> None:
    text = "Sweden deposited its instrument of accession to NATO on 7 March 2024."
    assert one(read(compiled, text, "2024-03-08"), "membership").verdict == "supported"
    text = "Sweden deposited its instrument of accession to NATO on 7 March 2023."
    assert one(read(compiled, text, "2024-03-08"), "membership").verdict == "contradicted"
    text = (
        "Lithuania deposited its instrument of ratification of the Convention on Cluster Munitions in 2011."
    )
    assert one(read(compiled, text, "2012-01-01"), "event").verdict == "supported"


def test_ordinal_pairs_and_the_alliance_welcoming_its_newest_members(compiled: Compiled) -> None:
    text = "NATO welcomed Albania and Croatia on Wednesday as the 27th and 28th members of the alliance."
    assert one(read(compiled, text, "2009-04-01"), "ordinal").verdict == "supported"
    text = "Greece and Croatia became the 13th and 14th members of NATO."
    cl = one(read(compiled, text, "2009-04-01"), "ordinal")
    assert cl.verdict == "partly" and cl.wrong == ["HRV"]
    text = "NATO welcomed Albania and Croatia as its newest members."
    assert one(read(compiled, text, "2009-04-01"), "ordinal").verdict == "supported"
    assert one(read(compiled, text, "2017-06-06"), "ordinal").verdict == "contradicted"


def test_thereby_becoming_the_newest_member(compiled: Compiled) -> None:
    text = (
        "On 27 March 2020, North Macedonia deposited its instrument of accession to the North Atlantic "
        "Treaty in Washington, thereby becoming NATO's newest member."
    )
    claims = read(compiled, text, "2020-03-28")
    assert {c.kind for c in claims} >= {"membership", "ordinal"}
    assert all(c.verdict == "supported" for c in claims)


def test_a_treaty_taking_effect_for_one_state(compiled: Compiled) -> None:
    text = "The Ottawa Treaty banning anti-personnel mines will take effect in Finland on 1 July 2012."
    assert one(read(compiled, text, "2012-01-10"), "membership").verdict == "supported"
    text = "The Ottawa Treaty banning anti-personnel mines will take effect in Finland on 1 July 2013."
    assert one(read(compiled, text, "2012-01-10"), "membership").verdict == "contradicted"


def test_founders_listed_after_a_colon(compiled: Compiled) -> None:
    text = (
        "The North Atlantic Treaty Organization (NATO) was established in April 1949 by the following "
        "founding members: Belgium, France, Denmark, the United States and Iceland."
    )
    cl = one(read(compiled, text, "2020-01-01"), "membership")
    assert set(cl.subjects) == {"BEL", "FRA", "DNK", "USA", "ISL"} and cl.verdict == "supported"
    wrong = text.replace("Iceland", "Greece")
    cl = one(read(compiled, wrong, "2020-01-01"), "membership")
    assert cl.verdict == "partly" and cl.wrong == ["GRC"]


def test_laws_and_decrees_in_other_words(compiled: Compiled) -> None:
    text = "In 2007, Vladimir Putin signed a decree suspending Russia's participation in the CFE Treaty."
    assert one(read(compiled, text, "2008-01-01"), "event").verdict == "supported"
    text = "On 29 March 2024 the Polish President signed a law regarding the suspension of the CFE Treaty."
    cl = one(read(compiled, text, "2024-04-01"), "event")
    assert cl.subjects == ["POL"] and cl.verdict == "supported"


def test_a_day_without_its_year_is_not_called_wrong_for_the_year_alone(compiled: Compiled) -> None:
    text = (
        "The text was finalized in September 1987. On December 8 Reagan and Gorbachev signed the INF Treaty."
    )
    cl = one(read(compiled, text, "2018-06-01"), "event")
    assert cl.verdict == "unverifiable" and any("no year" in r for r in cl.reasons)
    text = "On December 9 Reagan and Gorbachev signed the INF Treaty."
    assert one(read(compiled, text, "1987-12-20"), "event").verdict == "contradicted"


def test_a_treaty_dated_by_its_entry_into_force_and_the_votes_and_anniversaries_that_are_not_acts(
    compiled: Compiled,
) -> None:
    text = "Angola joined the 1997 Chemical Weapons Convention."
    assert [c.verdict for c in read(compiled, text, "2016-01-01") if not c.subjects] == ["supported"]
    text = "The Parliament accepted Finland's accession to the Ottawa Treaty on 25 November 2011."
    assert [c for c in read(compiled, text, "2012-01-10") if c.verdict == "contradicted"] == []
    text = "Athens marked the 60th anniversary of Greece's accession to NATO (18 February 2012)."
    assert [c for c in read(compiled, text, "2012-02-18") if c.verdict == "contradicted"] == []


def test_with_effect_from_a_doubled_article_and_the_opcw(compiled: Compiled) -> None:
    text = "NATO allies condemned Russia's withdrawal from the CFE Treaty with effect from November 7, 2023."
    assert one(read(compiled, text, "2023-11-08"), "status").verdict == "supported"
    text = "Finland officially became the 31st member of the the North Atlantic Treaty Organization."
    assert one(read(compiled, text, "2023-04-05"), "ordinal").verdict == "supported"
    text = "The OPCW has 189 States Parties."
    assert one(read(compiled, text, "2013-10-13"), "count").verdict == "supported"


def test_a_participle_after_a_treaty_named_inside_a_law(compiled: Compiled) -> None:
    text = (
        "The Polish President signed a law regarding the suspension of the Treaty on Conventional Armed "
        "Forces in Europe, signed in Paris on November 19, 1990."
    )
    claims = [c for c in read(compiled, text, "2024-04-01") if not c.subjects]
    assert [(c.instrument, c.verdict) for c in claims] == [("cfe", "supported")]
    text = text.replace("1990", "1991")
    assert [c.verdict for c in read(compiled, text, "2024-04-01") if not c.subjects] == ["contradicted"]


def test_a_completed_withdrawal_procedure(compiled: Compiled) -> None:
    text = (
        "The Russian Foreign Ministry announced that the procedure for withdrawing Russia from the CFE "
        "had ended."
    )
    cl = one(read(compiled, text, "2023-11-08"), "status")
    assert cl.subjects == ["RUS"] and cl.verdict == "supported"


def test_an_expiry_said_before_an_extension_is_not_judged_by_the_later_term(compiled: Compiled) -> None:
    text = "New START, which expires in early 2021, limits deployed warheads."
    assert [c.verdict for c in read(compiled, text, "2019-08-02") if not c.subjects] == ["unverifiable"]
    assert [c.verdict for c in read(compiled, text, "2023-08-02") if not c.subjects] == ["contradicted"]


def test_a_description_of_the_state_named_before_in_the_possessive(compiled: Compiled) -> None:
    text = (
        "Finland officially became the 31st member of NATO on 4 April 2023. The Nordic nation's "
        "accession was sealed during a ceremony at NATO headquarters on 4 April 2023."
    )
    claims = read(compiled, text, "2023-04-05")
    assert [(c.kind, c.subjects, c.verdict) for c in claims] == [
        ("ordinal", ["FIN"], "supported"),
        ("membership", ["FIN"], "supported"),
    ]
    wrong = text.replace("headquarters on 4 April 2023", "headquarters on 4 April 2022")
    assert [c.verdict for c in read(compiled, wrong, "2023-04-05")] == ["supported", "contradicted"]


def test_the_united_states_is_not_the_reporting_verb_states(compiled: Compiled) -> None:
    text = (
        "Pompeo announced that the United States will withdraw from the INF Treaty, an arms control "
        "agreement between the United States and Russia that was signed in 1987."
    )
    claims = [c for c in read(compiled, text, "2018-10-21") if not c.subjects]
    assert [(c.instrument, c.verdict) for c in claims] == [("inf", "supported")]
    wrong = text.replace("1987", "1989")
    assert [c.verdict for c in read(compiled, wrong, "2018-10-21") if not c.subjects] == ["contradicted"]


def test_a_termination_procedure_launched_is_a_notice(compiled: Compiled) -> None:
    text = "Open Skies lost a member. In May 2020, the United States launched a termination procedure."
    cl = one(read(compiled, text, "2021-12-18"), "status")
    assert cl.subjects == ["USA"] and cl.instrument == "open_skies" and cl.verdict == "supported"
    wrong = text.replace("May 2020", "May 2019")
    assert one(read(compiled, wrong, "2021-12-18"), "status").verdict == "contradicted"


def test_enlargements_that_saw_the_accession_of_a_list(compiled: Compiled) -> None:
    text = "NATO was founded in 1949. Subsequent enlargements saw the accession of Spain, Austria and Poland."
    cl = one(read(compiled, text, "2012-02-18"), "membership")
    assert set(cl.subjects) == {"ESP", "AUT", "POL"} and cl.verdict == "partly" and cl.wrong == ["AUT"]


def test_a_moratorium_signed_and_an_era_described_treaty(compiled: Compiled) -> None:
    cl = one(
        read(
            compiled,
            "On 30 November 2007 Putin signed a law on a moratorium on the CFE Treaty.",
            "2007-12-01",
        ),
        "event",
    )
    assert cl.subjects == ["RUS"] and cl.verdict == "supported"
    text = (
        "US formally withdraws from Cold-War era nuclear treaty with Russia\n\n"
        "The United States has formally withdrawn from the INF Treaty."
    )
    claims = read(compiled, text, "2019-08-02")
    assert [(c.instrument, c.verdict) for c in claims] == [("inf", "supported"), ("inf", "supported")]


def test_the_depositary_depositing_a_states_accession(compiled: Compiled) -> None:
    text = (
        "Finland joins the Ottawa Treaty. The UN Secretary General deposited Finland's accession on "
        "9 January 2012."
    )
    assert [c.verdict for c in read(compiled, text, "2012-01-10")] == ["supported", "supported"]
    wrong = text.replace("9 January 2012", "9 January 2011")
    assert [c.verdict for c in read(compiled, wrong, "2012-01-10")] == ["supported", "contradicted"]
