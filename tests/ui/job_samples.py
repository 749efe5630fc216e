"""A client, a job order asking for a verified PMP, and four candidates to rank for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tests.consent_samples import consent_to
from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.clients import ClientDraft, ContactDraft, Employment, JobOrderDraft
from workbench.domain.roles import Level, Specialisation
from workbench.services import claims as claim_service
from workbench.services import pipeline
from workbench.services.candidates import add_candidate
from workbench.services.clients import save_client
from workbench.services.jobs import save_job
from workbench.store.engine import Database

TODAY = date.today()


@dataclass(frozen=True)
class JobSample:
    """The ids a test needs: the job, its client's contacts, and the candidates by first name."""

    job_id: int
    contacts: dict[str, int]
    people: dict[str, int]


def _pmp(database: Database, candidate_id: int, *, verified: bool) -> None:
    """Give a candidate a PMP lapsing in three years, checked at PMI's registry or not."""
    claim = claim_service.add_claim(
        database,
        candidate_id,
        "PMP",
        ClaimDraft(
            credential_id=f"{3_000_000 + candidate_id}",
            earned_on=TODAY - timedelta(days=365),
            printed_expiry=TODAY + timedelta(days=3 * 365),
        ),
    )
    if verified:
        claim_service.record_check(
            database,
            claim.id,
            CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
        )


def make_job(database: Database) -> JobSample:
    """Store a client with two contacts, a contract asking for a PMP, and four candidates.

    Ann (vetted, verified PMP) and Bob (verified PMP, not vetted) meet the hard requirement;
    Cara's PMP is unverified and Dan has none, so neither is ranked.
    """
    client = save_client(
        database,
        None,
        ClientDraft("Northwind Bank", industry="Finance"),
        [
            (None, ContactDraft("Mia Chen", "Head of Delivery", "mia@northwind.example")),
            (None, ContactDraft("Tom Ward", "Talent Partner", "tom@northwind.example")),
        ],
    )
    contacts = {c.draft.name.split()[0]: c.id for c in client.contacts}
    job = save_job(
        database,
        None,
        JobOrderDraft(
            client_id=client.id,
            title="Senior Agile Project Manager",
            contact_id=contacts["Mia"],
            specialisation=Specialisation.AGILE_PM,
            level=Level.SENIOR,
            required_certifications=("PMP",),
            methodologies=("Scrum",),
            tools=("Jira",),
            location="London, United Kingdom",
            employment=Employment.CONTRACT,
            budget=650,
            currency="GBP",
            start_date=TODAY + timedelta(days=14),
            end_date=TODAY + timedelta(days=200),
        ),
    )
    people = {}
    for first, last, role, years in (
        ("Ann", "Smith", Specialisation.AGILE_PM, 10.0),
        ("Bob", "Jones", Specialisation.AGILE_PM, 4.0),
        ("Cara", "Lee", Specialisation.SCRUM_MASTER, 8.0),
        ("Dan", "Nguyen", Specialisation.AGILE_PM, 9.0),
    ):
        draft = CandidateDraft(
            first,
            last,
            f"{first.lower()}@example.com",
            city="London",
            country="United Kingdom",
            primary_role=role,
            years_experience=years,
            skills=("Scrum", "Jira"),
            summary="Led agile delivery of a payments platform.",
        )
        people[first] = add_candidate(database, draft).id
    _pmp(database, people["Ann"], verified=True)
    _pmp(database, people["Bob"], verified=True)
    _pmp(database, people["Cara"], verified=False)
    pipeline.move_stage(database, people["Ann"], "Vetted", override="vetted before the app")
    consent_to(database, client.id, people.values())
    return JobSample(job.id, contacts, people)
