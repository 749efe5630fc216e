"""Clients, jobs, matching and submittals on a real SQLite file."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.consent_samples import consent_to
from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.clients import (
    ClientDraft,
    ContactDraft,
    Employment,
    JobOrderDraft,
    JobStatus,
)
from workbench.domain.errors import ConflictError, DuplicateError, WorkbenchError
from workbench.domain.history import Entity
from workbench.domain.roles import Level, Specialisation
from workbench.domain.submittals import SubmittalStatus
from workbench.domain.vetting import (
    Criterion,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
)
from workbench.services import (
    claims,
    clients,
    dashboard,
    jobs,
    matching,
    pipeline,
    submittals,
    vetting,
)
from workbench.services.candidates import add_candidate, delete_candidates
from workbench.services.history import candidate_history
from workbench.store.engine import Database

TODAY = date(2026, 11, 26)
END = date(2027, 12, 31)


def _person(database: Database, n: int, **changes: object) -> int:
    draft = CandidateDraft(
        f"Ann{n}",
        "Lee",
        f"ann{n}@example.com",
        city="London",
        country="United Kingdom",
        primary_role=Specialisation.AGILE_PM,
        years_experience=9.0,
        skills=("Scrum", "Jira"),
    )
    return add_candidate(database, replace(draft, **changes)).id  # type: ignore[arg-type]


def _pmp(database: Database, cid: int, lapses: date | None, outcome=CheckOutcome.VERIFIED) -> None:
    """Claim and verify a PMP lapsing on a day (None: long after the contract)."""
    printed = lapses or END + timedelta(days=365)
    claim = claims.add_claim(
        database, cid, "PMP", ClaimDraft("0012345", "", date(2024, 1, 1), printed), on=TODAY
    )
    draft = CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, outcome, "PMI", "")
    claims.record_check(database, claim.id, draft, on=TODAY)


def _vet(database: Database, cid: int) -> None:
    card = ScorecardDraft({c: Rating(4) for c in Criterion}, ("Scrum",), ("Jira",))
    vetting.save_scorecard(database, cid, card, None)
    vetting.add_reference(
        database,
        cid,
        ReferenceDraft("Bob", checked_on=TODAY, outcome=ReferenceOutcome.POSITIVE),
        on=TODAY,
    )
    pipeline.move_stage(database, cid, "Vetted", on=TODAY)


def _job(database: Database, **changes: object) -> int:
    client = clients.save_client(
        database,
        None,
        ClientDraft("Northwind Bank", "Finance", "Enterprise"),
        [(None, ContactDraft("Carol King", "CIO", "carol@northwind.example"))],
    )
    draft = JobOrderDraft(
        client_id=client.id,
        title="Senior Agile PM",
        contact_id=client.contacts[0].id,
        specialisation=Specialisation.AGILE_PM,
        level=Level.SENIOR,
        required_certifications=("PMP",),
        methodologies=("Scrum",),
        tools=("Jira",),
        location="London, United Kingdom",
        employment=Employment.CONTRACT,
        budget=600,
        currency="GBP",
        start_date=TODAY + timedelta(days=30),
        end_date=END,
    )
    return jobs.save_job(database, None, replace(draft, **changes)).id  # type: ignore[arg-type]


def _submit(
    database: Database, job_id: int, ids: list[int], output: Path, **options: Any
) -> submittals.SubmitResult:
    """Submit after recording the consents needed: these tests are about the other checks."""
    consent_to(database, jobs.get_job(database, job_id).draft.client_id, ids)
    return submittals.submit(database, job_id, ids, output, **options)


def _ranked(database: Database, job_id: int) -> list[int]:
    return [m.candidate_id for m in matching.match_job(database, job_id, on=TODAY).matches]


def test_a_pmp_lapsing_a_day_before_the_contract_end_disqualifies(database: Database) -> None:
    day_before = _person(database, 1)
    _pmp(database, day_before, END - timedelta(days=1))
    on_the_end = _person(database, 2)
    _pmp(database, on_the_end, END)  # the lapse day is the first day it is not valid
    day_after = _person(database, 3)
    _pmp(database, day_after, END + timedelta(days=1))
    unverified = _person(database, 4)
    claims.add_claim(database, unverified, "PMP", ClaimDraft("77", "", date(2025, 1, 1)), on=TODAY)
    job_id = _job(database)
    result = matching.match_job(database, job_id, on=TODAY)
    assert [m.candidate_id for m in result.matches] == [day_after]
    assert result.eligible == 1 and result.last_day == END


def test_a_permanent_job_needs_its_certifications_on_the_start_day(database: Database) -> None:
    cid = _person(database, 1)
    _pmp(database, cid, TODAY + timedelta(days=40))
    permanent = _job(database, employment=Employment.PERMANENT, budget=120_000, end_date=None)
    assert _ranked(database, permanent) == [cid]  # the start (day 30) is before the lapse


def test_deleted_rejected_and_placed_candidates_are_not_matched(database: Database) -> None:
    ids = [_person(database, n) for n in range(4)]
    for cid in ids:
        _pmp(database, cid, None)
    delete_candidates(database, [ids[0]])
    pipeline.move_stage(database, ids[1], "Rejected")
    pipeline.move_stage(database, ids[2], "Placed", override="placed elsewhere by us")
    assert _ranked(database, _job(database)) == [ids[3]]


def test_ranking_follows_the_score_and_says_what_is_missing(database: Database) -> None:
    best = _person(database, 1)
    weaker = _person(database, 2, years_experience=2.0, city="Paris", country="France")
    for cid in (best, weaker):
        _pmp(database, cid, None)
    result = matching.match_job(database, _job(database), on=TODAY)
    assert [m.candidate_id for m in result.matches] == [best, weaker]
    assert result.matches[0].score > result.matches[1].score
    assert any("lives elsewhere" in line for line in result.matches[1].missing)


def test_submit_is_refused_with_each_candidates_problems(
    database: Database, tmp_path: Path
) -> None:
    unvetted = _person(database, 1)
    _pmp(database, unvetted, None)
    lapsing = _person(database, 2)
    _pmp(database, lapsing, END - timedelta(days=1))
    _vet(database, lapsing)
    job_id = _job(database)
    with pytest.raises(submittals.SubmitRefused) as refused:
        _submit(database, job_id, [unvetted, lapsing], tmp_path / "out.pdf", on=TODAY)
    reasons = refused.value.reasons
    assert reasons[f"Ann1 Lee (#{unvetted})"] == ["not vetted (in Sourced)"]
    [lapse] = reasons[f"Ann2 Lee (#{lapsing})"]
    assert lapse.startswith("PMP not verified and valid through 2027-12-31")
    assert not (tmp_path / "out.pdf").exists()  # nothing written, nothing recorded
    assert submittals.submittals(database, job_id=job_id) == []


def test_a_submission_records_each_candidate_with_the_files_hash(
    database: Database, tmp_path: Path
) -> None:
    first, second = _person(database, 1), _person(database, 2)
    for cid in (first, second):
        _pmp(database, cid, None)
        _vet(database, cid)
    job_id = _job(database)
    jobs.add_to_shortlist(database, job_id, [first, second])
    result = _submit(
        database, job_id, [first, second], tmp_path / "shortlist.pdf", blind=True, on=TODAY
    )
    digest = hashlib.sha256((tmp_path / "shortlist.pdf").read_bytes()).hexdigest()
    assert [s.sha256 for s in result.submittals] == [digest, digest]
    assert all(s.blind and s.contact_name == "Carol King" for s in result.submittals)
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "shortlist.pdf").pages)
    assert "Candidates for Senior Agile PM" in text and "Northwind Bank" in text
    assert "Ann1" not in text  # blind: the cover names them as their profiles do
    assert "For the attention of Carol King" in text
    log = submittals.submittals(database, candidate_id=first)
    assert [s.job_id for s in log] == [job_id]
    assert pipeline.stages(database)  # the candidates moved on to Presented
    assert vetting.vetting(database, first).stage.name == "Presented"
    [entry] = [
        e for e in candidate_history(database, first, [Entity.SUBMITTAL]) if e.field == "SHA-256"
    ]
    assert entry.new == digest


def test_one_pdf_each_gives_each_submittal_its_own_hash(database: Database, tmp_path: Path) -> None:
    first, second = _person(database, 1), _person(database, 2)
    for cid in (first, second):
        _pmp(database, cid, None)
        _vet(database, cid)
    result = _submit(
        database, _job(database), [first, second], tmp_path / "out", combined=False, on=TODAY
    )
    for item, sent in zip(result.files, result.submittals, strict=True):
        assert sent.sha256 == hashlib.sha256(item.path.read_bytes()).hexdigest()
    assert result.submittals[0].sha256 != result.submittals[1].sha256


def test_an_override_sends_anyway_and_records_why(database: Database, tmp_path: Path) -> None:
    cid = _person(database, 1)
    _pmp(database, cid, None)
    job_id = _job(database)
    [sent] = _submit(
        database,
        job_id,
        [cid],
        tmp_path / "o.pdf",
        override="Client asked for him by name",
        on=TODAY,
    ).submittals
    assert sent.override_reason == "Client asked for him by name"
    assert sent.refusals == ("not vetted (in Sourced)",)


def test_placing_fills_an_opening_and_moves_the_candidate(
    database: Database, tmp_path: Path
) -> None:
    cid = _person(database, 1)
    _pmp(database, cid, None)
    _vet(database, cid)
    job_id = _job(database)
    [sent] = _submit(database, job_id, [cid], tmp_path / "p.pdf", on=TODAY).submittals
    with pytest.raises(WorkbenchError, match="can move only to"):
        submittals.set_status(database, sent.id, SubmittalStatus.SUBMITTED)
    interviewing = submittals.set_status(database, sent.id, SubmittalStatus.INTERVIEWING)
    with pytest.raises(ConflictError):
        submittals.set_status(database, sent.id, SubmittalStatus.OFFERED, sent.version)
    placed = submittals.set_status(database, sent.id, SubmittalStatus.PLACED, interviewing.version)
    assert placed.status is SubmittalStatus.PLACED
    job = jobs.get_job(database, job_id)
    assert job.filled == 1 and job.draft.status is JobStatus.FILLED
    assert vetting.vetting(database, cid).stage.name == "Placed"
    with pytest.raises(WorkbenchError, match="is filled"):
        _submit(database, job_id, [cid], tmp_path / "again.pdf", on=TODAY)
    figures = dashboard.dashboard(database, on=TODAY)
    assert figures.months[-1].submittals == 1 and figures.months[-1].placements == 1
    assert figures.open_jobs == 0


def test_clients_are_unique_by_name_and_edits_check_the_version(database: Database) -> None:
    first = clients.save_client(database, None, ClientDraft("Northwind Bank"))
    with pytest.raises(DuplicateError):
        clients.save_client(database, None, ClientDraft("northwind  bank"))
    clients.save_client(database, first.id, ClientDraft("Northwind Bank plc"), [], first.version)
    with pytest.raises(ConflictError):
        clients.save_client(database, first.id, ClientDraft("Stale"), [], first.version)
    assert clients.find_client(database, "NORTHWIND BANK PLC").id == first.id


def test_the_bounded_ranking_equals_scoring_everyone(database: Database) -> None:
    """The SQL bound may only ever overestimate: then reading by it loses nobody."""
    import random

    from workbench.domain.matching import rank, score
    from workbench.services.matching import certification_day
    from workbench.store import client_queries, vetting_queries

    rng = random.Random(5)
    roles = list(Specialisation)
    for n in range(150):
        cid = _person(
            database,
            n,
            primary_role=rng.choice([*roles, None]),
            other_roles=tuple(rng.sample(roles, rng.randrange(3))),
            years_experience=rng.choice([None, 0.5, 2.9, 3.0, 6.9, 7.0, 15.0]),
            salary_expectation=rng.choice([None, 90_000, 120_000, 131_000, 140_000]),
            currency=rng.choice(["GBP", "GBP", "EUR"]),
            available_from=rng.choice(
                [None, TODAY, TODAY + timedelta(days=45), TODAY + timedelta(days=90)]
            ),
            city=rng.choice(["London", "Leeds", "Paris", ""]),
            country=rng.choice(["United Kingdom", "France", ""]),
            skills=tuple(rng.sample(["Scrum", "Kanban", "Jira", "Trello"], rng.randrange(4))),
        )
        if rng.random() < 0.2:  # vetted candidates win ties
            pipeline.move_stage(database, cid, "Vetted", override="for the test")
        if rng.random() < 0.5:
            claim = claims.add_claim(database, cid, "CSM", ClaimDraft("9"), on=TODAY)
            outcome = rng.choice([CheckOutcome.VERIFIED, CheckOutcome.NOT_FOUND])
            draft = CheckDraft(TODAY, "Zoe", CheckMethod.REGISTRY, outcome, "", "")
            claims.record_check(database, claim.id, draft, on=TODAY)
    job_id = _job(
        database,
        required_certifications=(),
        nice_certifications=("CSM", "PMP", "PMI-ACP"),  # thirds: scores that round
        methodologies=("Scrum", "Kanban"),
        employment=Employment.PERMANENT,
        budget=125_000,
        end_date=None,
    )
    remote = jobs.save_job(
        database,
        None,
        replace(jobs.get_job(database, job_id).draft, remote=True, specialisation=None, level=None),
    ).id
    for some_job in (job_id, remote):
        job = jobs.get_job(database, some_job)
        last_day = certification_day(job, TODAY)
        with database.read() as session:
            stages = vetting_queries.all_stages(session)
            names = {s.id: s.name for s in stages}
            vetted = {s.id for s in stages if s.name in ("Vetted", "Presented")}
            bounded = list(
                client_queries.ranked_facts(
                    session, job.draft, last_day, TODAY, names, vetted, set()
                )
            )
            everyone = client_queries.candidate_facts(
                session, job.draft, last_day, names, vetted, set()
            )
        for most, facts in bounded:
            assert round(most, 1) >= score(job.draft, facts, TODAY).score, facts
        for limit in (1, 5, 30):
            expected = [m.candidate_id for m in rank(job.draft, everyone, TODAY, limit)]
            got = matching.match_job(database, some_job, limit=limit, on=TODAY).matches
            assert [m.candidate_id for m in got] == expected, (some_job, limit)


def test_the_same_candidate_is_not_put_forward_twice_without_a_reason(
    database: Database, tmp_path: Path
) -> None:
    cid = _person(database, 1)
    _pmp(database, cid, None)
    _vet(database, cid)
    job_id = _job(database)
    _submit(database, job_id, [cid], tmp_path / "first.pdf", on=TODAY)
    with pytest.raises(submittals.SubmitRefused, match="already put forward for JO-0001"):
        _submit(database, job_id, [cid], tmp_path / "again.pdf", on=TODAY)


def test_the_cover_names_the_contact_chosen(database: Database, tmp_path: Path) -> None:
    cid = _person(database, 1)
    _pmp(database, cid, None)
    _vet(database, cid)
    job_id = _job(database)
    client = clients.find_client(database, "Northwind Bank")
    people = [(c.id, c.draft) for c in client.contacts] + [(None, ContactDraft("Dan Ives"))]
    client = clients.save_client(database, client.id, client.draft, people, client.version)
    dan = next(c for c in client.contacts if c.draft.name == "Dan Ives")
    [sent] = _submit(
        database, job_id, [cid], tmp_path / "to-dan.pdf", contact_id=dan.id, on=TODAY
    ).submittals
    assert sent.contact_name == "Dan Ives"
    cover = PdfReader(tmp_path / "to-dan.pdf").pages[0].extract_text()
    assert "For the attention of Dan Ives" in cover


def test_placements_are_refused_when_they_would_fill_wrongly(
    database: Database, tmp_path: Path
) -> None:
    first, second = _person(database, 1), _person(database, 2)
    for cid in (first, second):
        _pmp(database, cid, None)
        _vet(database, cid)
    job_id = _job(database, openings=3)
    [once] = _submit(database, job_id, [first], tmp_path / "a.pdf", on=TODAY).submittals
    [again] = _submit(
        database, job_id, [first], tmp_path / "b.pdf", override="new CV", on=TODAY
    ).submittals
    assert once.combined is True  # one candidate, but a combined file with its cover page
    submittals.set_status(database, once.id, SubmittalStatus.PLACED)
    with pytest.raises(WorkbenchError, match="already placed in this job"):
        submittals.set_status(database, again.id, SubmittalStatus.PLACED)
    # A placed candidate is not available for another submission without a reason.
    problems = submittals.submit_problems(database, jobs.get_job(database, job_id), [first])
    assert any("in Placed: not available" in line for line in next(iter(problems.values())))
    [other] = _submit(database, job_id, [second], tmp_path / "c.pdf", on=TODAY).submittals
    delete_candidates(database, [second])
    with pytest.raises(WorkbenchError, match="deleted"):
        submittals.set_status(database, other.id, SubmittalStatus.PLACED)
    with pytest.raises(WorkbenchError, match="deleted or unknown"):
        submittals.submit(database, job_id, [second], tmp_path / "d.pdf", override="x", on=TODAY)
    job = jobs.get_job(database, job_id)
    jobs.save_job(database, job_id, replace(job.draft, status=JobStatus.CANCELLED), job.version)
    with pytest.raises(WorkbenchError, match="is cancelled; reopen it"):
        submittals.set_status(database, again.id, SubmittalStatus.PLACED)
    assert jobs.get_job(database, job_id).filled == 1


def test_the_ranking_says_who_still_has_to_consent_without_changing_the_order(
    database: Database,
) -> None:
    asked, ready = _person(database, 1), _person(database, 2)
    for cid in (asked, ready):
        _pmp(database, cid, None)
    job_id = _job(database)
    before = _ranked(database, job_id)
    consent_to(database, jobs.get_job(database, job_id).draft.client_id, [ready])
    result = matching.match_job(database, job_id, on=TODAY)
    assert [m.candidate_id for m in result.matches] == before
    missing = {m.candidate_id: m.missing for m in result.matches}
    assert "no consent to be sent to Northwind Bank on record" in missing[asked]
    assert "no consent to be represented on record" in missing[asked]
    assert not any("consent" in item for item in missing[ready])
