"""Unsaved drafts go to JSON and come back unchanged, whatever they hold."""

from __future__ import annotations

import json
from datetime import date

import pytest

from workbench.domain.candidate import CandidateDraft, EducationEntry, WorkHistoryEntry
from workbench.domain.draft_codec import draft_from_json, draft_to_json
from workbench.domain.roles import Specialisation


def test_every_field_round_trips_through_json() -> None:
    draft = CandidateDraft(
        first_name="Łukasz",
        last_name="<b>Żółć</b> & Co",
        email="lz@example.com",
        phone="+48 601 234 567",
        city="Łódź",
        country="Poland",
        linkedin_url="linkedin.com/in/lz",
        primary_role=Specialisation.SCRUM_MASTER,
        other_roles=(Specialisation.AGILE_PM,),
        years_experience=6.5,
        salary_expectation=95_000,
        currency="PLN",
        available_from=date(2027, 1, 4),
        work_environments=("Startup",),
        industries=("Finance",),
        skills=("Jira", "SAFe"),
        work_history=(WorkHistoryEntry("Bank", "PM", date(2020, 1, 1), None, "Core banking"),),
        education=(EducationEntry("Master's", "CS", "AGH", 2015),),
        security_clearance="NATO Secret",
        summary="Line one\nline two",
        source="referral",
    )
    text = json.dumps(draft_to_json(draft))
    assert draft_from_json(json.loads(text)) == draft


def test_something_else_is_refused_with_value_error() -> None:
    with pytest.raises(ValueError, match="not a saved draft"):
        draft_from_json({"first_name": "Ann"})
