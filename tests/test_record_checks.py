"""The record's internal consistency: every date a source states as a result equals the rule's."""

from __future__ import annotations

from foederis.questions.datacheck import data_check, eif_checks
from foederis.rules.obligations import OBLIGATIONS


def test_every_stated_entry_into_force_equals_the_rule(compiled):
    checks = eif_checks(compiled)
    assert len(checks) > 300
    bad = [(c.instrument, c.state, c.recorded, c.computed, c.ref) for c in checks if not c.agrees]
    assert bad == []


def test_every_recorded_result_agrees_with_the_rules(compiled):
    bad = [(c.instrument, c.state, c.what, c.recorded, c.computed) for c in compiled.checks if not c.agrees]
    assert bad == []
    whats = {(c.instrument, c.what) for c in compiled.checks}
    assert ("ccm", "withdrawal takes effect") in whats and ("inf", "termination") in whats


def test_every_cited_provision_exists(compiled):
    report = data_check(compiled)
    assert report.errors == []
    assert "inf/art_15__para_2" in report.missing_texts  # cited, text not in the record
    for rules in OBLIGATIONS.values():
        for rule in rules.values():
            for pid in filter(None, (rule.prohibition, rule.exception)):
                assert compiled.record.provision(pid) is not None and compiled.record.provision(pid).text


def test_data_check_is_clean(compiled):
    assert data_check(compiled).ok
