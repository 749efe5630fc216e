"""Rules for what a consultant types about claims, checks and catalogue entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from workbench.domain.certifications import (
    SEED_RULES,
    CheckOutcome,
    ClaimStatus,
    find_rule,
    rule_from_dict,
    rule_to_dict,
    validate_rule,
)
from workbench.domain.claims import (
    CheckDraft,
    CheckMethod,
    ClaimDraft,
    parse_method,
    parse_outcome,
    parse_status,
    validate_check,
    validate_claim,
)
from workbench.domain.errors import ValidationError

TODAY = date(2026, 11, 26)
PMP = find_rule("PMP", SEED_RULES)


def test_a_claim_keeps_ids_as_text_with_leading_zeros_and_letters() -> None:
    clean = validate_claim(ClaimDraft(" 0012345 ", "PMI-00042\x07", date(2024, 1, 5)), today=TODAY)
    assert clean.credential_id == "0012345"
    assert clean.secondary_id == "PMI-00042"


def test_a_claim_earned_in_the_future_or_expiring_before_it_was_earned_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_claim(ClaimDraft(earned_on=date(2026, 12, 1)), today=TODAY)
    assert "future" in caught.value.errors["earned_on"]
    with pytest.raises(ValidationError) as caught:
        validate_claim(
            ClaimDraft(earned_on=date(2024, 5, 1), printed_expiry=date(2024, 5, 1)), today=TODAY
        )
    assert set(caught.value.errors) == {"printed_expiry"}


def test_a_claim_id_longer_than_a_hundred_characters_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_claim(ClaimDraft(credential_id="9" * 101), today=TODAY)
    assert set(caught.value.errors) == {"credential_id"}


def _check(**changes: object) -> CheckDraft:
    draft = CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED)
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_a_check_needs_who_checked_and_a_date_not_in_the_future() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_check(_check(checked_by="  ", checked_on=date(2026, 11, 27)), today=TODAY)
    assert set(caught.value.errors) == {"checked_by", "checked_on"}
    assert "Settings" in caught.value.errors["checked_by"]


def test_a_check_note_keeps_its_lines_and_loses_control_characters() -> None:
    clean = validate_check(_check(note="line one\r\nline\x00 two", reference=" ref "), today=TODAY)
    assert clean.note == "line one\nline two"
    assert clean.reference == "ref"


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("registry", CheckMethod.REGISTRY),
        ("Registry lookup", CheckMethod.REGISTRY),
        ("credly", CheckMethod.CREDLY),
        ("code-portal", CheckMethod.CODE_PORTAL),
        ("PeopleCert register", CheckMethod.PEOPLECERT),
        ("certificate", CheckMethod.CERTIFICATE),
    ],
)
def test_methods_accept_their_value_label_or_first_word(text: str, method: CheckMethod) -> None:
    assert parse_method(text) is method


def test_outcomes_and_statuses_accept_values_and_labels_and_list_the_known() -> None:
    assert parse_outcome("not found") is CheckOutcome.NOT_FOUND
    assert parse_outcome("Details mismatch") is CheckOutcome.MISMATCH
    assert parse_outcome("MISMATCH") is CheckOutcome.MISMATCH
    assert parse_status("renewal due") is ClaimStatus.RENEWAL_DUE
    with pytest.raises(ValueError, match="known: verified, not-found, mismatch, pending"):
        parse_outcome("approved")


def test_a_catalogue_entry_is_cleaned_and_its_code_normalised() -> None:
    rule = validate_rule(replace(PMP, code=" new cert ", name=" New ", aliases=(" a ", "")))
    assert rule.code == "NEW-CERT"
    assert rule.name == "New"
    assert rule.aliases == ("a",)


def test_a_catalogue_entry_names_every_bad_field() -> None:
    bad = replace(
        PMP,
        code="?",
        name="",
        issuer=" ",
        identifier_pattern="[0-9",
        validity_months=0,
        reminder_days=-1,
        min_experience_months_with_degree=-5,
    )
    with pytest.raises(ValidationError) as caught:
        validate_rule(bad)
    assert set(caught.value.errors) == {
        "code",
        "name",
        "issuer",
        "identifier_pattern",
        "validity_months",
        "reminder_days",
        "min_experience_months_with_degree",
    }


def test_good_for_life_and_an_empty_pattern_are_valid() -> None:
    rule = validate_rule(replace(PMP, validity_months=None, identifier_pattern="  "))
    assert rule.validity_months is None
    assert rule.identifier_pattern is None


def test_a_rule_survives_its_json_snapshot() -> None:
    for rule in SEED_RULES:
        assert rule_from_dict(rule_to_dict(rule)) == rule
    assert rule_from_dict({**rule_to_dict(PMP), "added_later": 1}) == PMP


@pytest.mark.parametrize("pattern", ["([0-9]+)+", "(a*)*", r"(\d+)*", "(x+y)+"])
def test_a_pattern_that_could_take_minutes_to_check_is_refused(pattern: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_rule(replace(PMP, identifier_pattern=pattern))
    assert "minutes" in caught.value.errors["identifier_pattern"]


@pytest.mark.parametrize("pattern", ["[0-9]{4,10}", "[A-Z0-9]{16}", "(ab)+", "PMI-[0-9]+"])
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    assert validate_rule(replace(PMP, identifier_pattern=pattern)).identifier_pattern == pattern
