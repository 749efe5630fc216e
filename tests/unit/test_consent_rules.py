"""The data protection rules: consents that hold or not on a day, and what they refuse."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.consent import (
    ClientConsent,
    Consent,
    DataProtection,
    LawfulBasis,
    consent_gaps,
    validate_consent,
    validate_note,
    validate_retention_months,
)
from workbench.domain.errors import ValidationError

DAY = date(2026, 11, 26)


def _to_client(consent: Consent) -> ClientConsent:
    return ClientConsent(1, 7, 3, "Northwind Bank", consent, "Zoe", 1)


def test_a_consent_holds_from_its_day_until_it_lapses_or_is_withdrawn() -> None:
    consent = Consent(date(2026, 1, 1), "email", expires_on=date(2026, 12, 31))
    assert consent.problem_on(date(2026, 1, 1)) == ""
    assert consent.problem_on(date(2026, 12, 31)) == ""  # the last day still holds
    assert consent.problem_on(date(2027, 1, 1)) == "lapsed on 2026-12-31"
    assert consent.problem_on(date(2025, 12, 31)) == "given only from 2026-01-01"
    withdrawn = Consent(date(2026, 1, 1), "email", withdrawn_on=date(2026, 6, 1))
    assert withdrawn.problem_on(date(2026, 5, 31)) == ""
    assert withdrawn.problem_on(date(2026, 6, 1)) == "withdrawn on 2026-06-01"


def test_a_submission_needs_both_consents_and_says_which_is_missing() -> None:
    held = Consent(date(2026, 1, 1), "signed form")
    both = consent_gaps(DataProtection(representation=held), _to_client(held), "Northwind", DAY)
    assert both == []
    assert consent_gaps(DataProtection(), None, "Northwind Bank", DAY) == [
        "no consent to be represented on record",
        "no consent to be sent to Northwind Bank on record",
    ]
    lapsed = Consent(date(2025, 1, 1), "email", expires_on=date(2025, 12, 31))
    gaps = consent_gaps(DataProtection(representation=lapsed), _to_client(held), "N", DAY)
    assert gaps == ["consent to be represented lapsed on 2025-12-31"]
    gone = Consent(date(2026, 1, 1), "email", withdrawn_on=date(2026, 3, 1))
    gaps = consent_gaps(DataProtection(representation=held), _to_client(gone), "Acme", DAY)
    assert gaps == ["consent to be sent to Acme withdrawn on 2026-03-01"]


def test_a_consent_needs_its_day_and_how_and_cannot_run_backwards() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_consent(None, "  ", None, today=DAY)
    assert set(refused.value.errors) == {"given on", "how"}
    with pytest.raises(ValidationError, match="future"):
        validate_consent(date(2026, 11, 27), "email", None, today=DAY)
    with pytest.raises(ValidationError, match="lapse before"):
        validate_consent(date(2026, 1, 2), "email", date(2026, 1, 1), today=DAY)
    with pytest.raises(ValidationError, match="withdrawn before"):
        validate_consent(date(2026, 1, 2), "email", None, today=DAY, withdrawn_on=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="under 200"):
        validate_consent(date(2026, 1, 2), "x" * 201, None, today=DAY)
    clean = validate_consent(date(2026, 1, 2), "  by\temail ", None, today=DAY)
    assert clean == Consent(date(2026, 1, 2), "by email")


@pytest.mark.parametrize(
    ("typed", "basis"),
    [
        ("legitimate interests", LawfulBasis.LEGITIMATE_INTERESTS),
        ("Legitimate-Interests", LawfulBasis.LEGITIMATE_INTERESTS),
        ("consent", LawfulBasis.CONSENT),
        ("legal_obligation", LawfulBasis.LEGAL_OBLIGATION),
    ],
)
def test_a_lawful_basis_is_read_from_its_label_or_value(typed: str, basis: LawfulBasis) -> None:
    assert LawfulBasis.parse(typed) is basis


def test_an_unknown_lawful_basis_lists_the_choices() -> None:
    with pytest.raises(ValidationError, match="legitimate interests, consent, contract"):
        LawfulBasis.parse("vibes")


def test_the_retention_period_is_at_least_a_year_and_at_most_ten() -> None:
    assert validate_retention_months(12) == 12 and validate_retention_months(120) == 120
    for wrong in (0, 11, 121, 240):
        with pytest.raises(ValidationError, match="at least a year"):
            validate_retention_months(wrong)


def test_a_note_keeps_its_lines_and_refuses_a_novel() -> None:
    assert validate_note("line one\n\nline two ") == "line one\n\nline two"
    with pytest.raises(ValidationError):
        validate_note("x" * 2_001)
