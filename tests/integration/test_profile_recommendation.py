"""The consultant's recommendation: stored with the candidate and printed on the profile."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from workbench.domain.candidate import CandidateDraft
from workbench.domain.errors import ValidationError
from workbench.pdf.profile_document import ProfileOptions
from workbench.services.candidates import add_candidate, get_candidate, update_candidate
from workbench.services.profiles import profile_pdf
from workbench.store.engine import Database

WORDS = "Anna ran <b>three</b> bank migrations & never missed a go-live."


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_recommendation_is_kept_and_printed_literally(database: Database) -> None:
    draft = CandidateDraft("Anna", "Kowalska", "anna@example.com", recommendation=f" {WORDS}\r\n")
    stored = add_candidate(database, draft)
    assert get_candidate(database, stored.id).draft.recommendation == WORDS
    _, data = profile_pdf(database, stored.id, ProfileOptions(generated_on=date(2026, 3, 1)))
    text = _text(data)
    assert "Consultant's recommendation" in text
    assert "<b>three</b> bank migrations & never" in text


def test_a_blind_profile_keeps_the_recommendation_but_not_the_name(database: Database) -> None:
    stored = add_candidate(
        database, CandidateDraft("Anna", "Kowalska", "anna@example.com", recommendation=WORDS)
    )
    options = ProfileOptions(generated_on=date(2026, 3, 1), blind=True)
    _, data = profile_pdf(database, stored.id, options)
    text = _text(data)
    assert "bank migrations" in text
    assert "Kowalska" not in text


def test_a_recommendation_too_long_is_refused(database: Database) -> None:
    stored = add_candidate(database, CandidateDraft("Anna", "Lee", "a@example.com"))
    long = CandidateDraft("Anna", "Lee", "a@example.com", recommendation="x" * 20_001)
    with pytest.raises(ValidationError) as caught:
        update_candidate(database, stored.id, stored.version, long)
    assert set(caught.value.errors) == {"recommendation"}
