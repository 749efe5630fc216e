"""Sample data gives the agency clients, job orders and submittals that follow the pipeline."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain.clients import JobStatus
from workbench.domain.history import Action, Entity
from workbench.domain.submittals import SubmittalStatus
from workbench.domain.vetting import StageRole
from workbench.services import pipeline
from workbench.services.clients import clients
from workbench.services.demo import add_demo_candidates
from workbench.services.history import candidate_history
from workbench.services.jobs import jobs
from workbench.services.submittals import submittals
from workbench.store.bootstrap import open_database
from workbench.store.client_models import JobOrderRecord, ShortlistRecord, SubmittalRecord
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord, HistoryRecord, StageMoveRecord
from workbench.store.privacy_models import ClientConsentRecord, DataProtectionRecord

DAY = date.today()
COUNT = 150
_ACTIVE = {SubmittalStatus.SUBMITTED, SubmittalStatus.INTERVIEWING, SubmittalStatus.OFFERED}


@pytest.fixture
def filled(database: Database) -> Database:
    """Return a store holding the sample agency of 150 candidates."""
    add_demo_candidates(database, COUNT, 42, on=DAY)
    return database


def _stage_of(database: Database) -> dict[int, StageRole | None]:
    roles = {stage.id: stage.role for stage in pipeline.stages(database)}
    with database.read() as session:
        rows = session.execute(select(CandidateRecord.id, CandidateRecord.stage_id)).all()
    return {cid: roles.get(stage_id) for cid, stage_id in rows}


def test_clients_with_contacts_and_job_orders_in_every_status(filled: Database) -> None:
    found = clients(filled)
    assert len(found) == 12
    assert all(1 <= len(client.contacts) <= 3 for client in found)
    assert all(client.draft.industry for client in found)
    orders = jobs(filled)
    statuses = Counter(job.draft.status for job in orders)
    assert set(statuses) == set(JobStatus), statuses
    assert sum(client.open_jobs for client in found) == statuses[JobStatus.OPEN]
    for job in orders:
        d = job.draft
        assert d.specialisation is not None and d.level is not None and d.budget
        assert d.start_date is not None and (d.end_date is None or d.end_date > d.start_date)
        assert job.filled <= d.openings
        assert (d.status is JobStatus.FILLED) == (job.filled == d.openings), job.reference
    open_now = [job for job in orders if job.draft.status is JobStatus.OPEN]
    assert any(job.shortlist for job in open_now)
    assert all(job.draft.start_date and job.draft.start_date > DAY for job in open_now)


def test_submittals_follow_the_pipeline(filled: Database) -> None:
    log = submittals(filled)
    stage = _stage_of(filled)
    statuses = Counter(s.status for s in log)
    assert len(statuses) >= 4, statuses
    placed = {s.candidate_id for s in log if s.status is SubmittalStatus.PLACED}
    in_placed = {cid for cid, role in stage.items() if role is StageRole.PLACED}
    assert placed == in_placed and placed
    with filled.read() as session:
        presented = set(
            session.scalars(
                select(StageMoveRecord.candidate_id).where(StageMoveRecord.to_name == "Presented")
            )
        )
        fills = dict(session.execute(select(JobOrderRecord.id, JobOrderRecord.filled)).all())
        shortlisted = set(
            session.execute(select(ShortlistRecord.job_id, ShortlistRecord.candidate_id))
        )
        entries = Counter(
            session.scalars(
                select(HistoryRecord.entity_id).where(
                    HistoryRecord.entity == Entity.SUBMITTAL.value,
                    HistoryRecord.action == Action.CREATED.value,
                )
            )
        )
    # Everyone who reached Presented was submitted once; nobody else was.
    assert sorted(s.candidate_id for s in log) == sorted(presented)
    placed_by_job = Counter(s.job_id for s in log if s.status is SubmittalStatus.PLACED)
    assert {job: count for job, count in fills.items() if count} == dict(placed_by_job)
    by_job = {job.id: job for job in jobs(filled)}
    for s in log:
        assert (s.job_id, s.candidate_id) in shortlisted
        assert set(entries) >= {s.id}
        assert s.sha256 and len(s.sha256) == 64 and "sample: not written" in s.file_name
        assert s.status_at >= s.submitted_at and s.client_name and s.contact_name
        if s.status in _ACTIVE:
            assert stage[s.candidate_id] is StageRole.PRESENTED
            assert by_job[s.job_id].draft.status in (JobStatus.OPEN, JobStatus.ON_HOLD)
        if s.status is SubmittalStatus.CLIENT_DECLINED and stage[s.candidate_id] is not None:
            assert stage[s.candidate_id] in (StageRole.PRESENTED, StageRole.REJECTED)


def test_a_placed_candidates_trail_tells_it_in_order(filled: Database) -> None:
    placed = next(s for s in submittals(filled) if s.status is SubmittalStatus.PLACED)
    trail = candidate_history(filled, placed.candidate_id)
    times = [entry.at for entry in trail]
    assert times == sorted(times, reverse=True)
    mine = [e for e in trail if e.entity is Entity.SUBMITTAL]
    assert mine[-1].action is Action.CREATED and mine[0].new == SubmittalStatus.PLACED.label
    assert [e.new for e in mine if e.field == "Status"] == ["Placed", "Offered", "Interviewing"]


def test_a_second_run_reuses_the_clients(filled: Database) -> None:
    before = len(submittals(filled))
    add_demo_candidates(filled, 40, 9, on=DAY)
    assert len(clients(filled)) == 12
    assert len(submittals(filled)) > before


def _snapshot(path: Path, seed: int) -> list[tuple[object, ...]]:
    database = open_database(path)
    try:
        add_demo_candidates(database, 80, seed, on=DAY)
        with database.read() as session:
            rows = session.execute(
                select(
                    SubmittalRecord.job_id,
                    SubmittalRecord.candidate_id,
                    SubmittalRecord.status,
                    SubmittalRecord.submitted_at,
                    SubmittalRecord.sha256,
                ).order_by(SubmittalRecord.id)
            ).all()
            orders = session.execute(
                select(
                    JobOrderRecord.title,
                    JobOrderRecord.status,
                    JobOrderRecord.budget,
                    JobOrderRecord.start_date,
                    JobOrderRecord.required_certifications,
                ).order_by(JobOrderRecord.id)
            ).all()
            count = session.scalar(select(func.count()).select_from(ShortlistRecord))
        return [*(tuple(r) for r in rows), *(tuple(r) for r in orders), (count,)]
    finally:
        database.close()


def test_the_same_seed_gives_the_same_agency(tmp_path: Path) -> None:
    first = _snapshot(tmp_path / "a.sqlite3", 7)
    assert first == _snapshot(tmp_path / "b.sqlite3", 7)
    assert first != _snapshot(tmp_path / "c.sqlite3", 8)


def test_everyone_put_forward_had_consented_to_it_first(filled: Database) -> None:
    """Each submittal went out while both consents held, as the real submit would insist."""
    with filled.read() as session:
        sent = session.execute(
            select(
                SubmittalRecord.candidate_id, JobOrderRecord.client_id, SubmittalRecord.submitted_at
            ).join(JobOrderRecord, JobOrderRecord.id == SubmittalRecord.job_id)
        ).all()
        to_client = {
            (row.candidate_id, row.client_id): row
            for row in session.scalars(select(ClientConsentRecord))
        }
        represented = {
            row.candidate_id: row for row in session.scalars(select(DataProtectionRecord))
        }
    assert sent, "the sample agency put nobody forward"
    for cid, client_id, when in sent:
        client = to_client[(cid, client_id)]
        assert client.given_on <= when.date()
        assert client.given_on <= client.recorded_at.date() and client.recorded_at <= when
        mine = represented[cid]
        assert mine.consent_given_on is not None and mine.consent_given_on <= when.date()
        assert mine.consent_expires_on is None or mine.consent_expires_on >= when.date()
