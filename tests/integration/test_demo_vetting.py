"""Sample data walks candidates through the whole pipeline, gate and history included."""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

from sqlalchemy import func, select

from workbench.domain.history import Action, Entity
from workbench.domain.vetting import StageRole
from workbench.services import pipeline
from workbench.services.demo import add_demo_candidates
from workbench.services.history import candidate_history
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database
from workbench.store.models import (
    CandidateRecord,
    ClaimRecord,
    HistoryRecord,
    InterviewNoteRecord,
    ReferenceCheckRecord,
    ScorecardRecord,
    StageMoveRecord,
)

DAY = date.today()
COUNT = 120


def _fill(database: Database, seed: int = 42) -> None:
    add_demo_candidates(database, COUNT, seed, on=DAY)


def test_every_stage_holds_candidates(database: Database) -> None:
    _fill(database)
    counts = pipeline.stage_counts(database)
    for stage in pipeline.stages(database):
        assert counts.get(stage.id, 0) > 0, stage.name


def test_vetted_and_later_pass_the_gate_unless_overridden(database: Database) -> None:
    _fill(database)
    stages = pipeline.stages(database)
    gate = next(s for s in stages if s.role is StageRole.VETTED)
    past = {s.id for s in stages if not s.closed and s.position >= gate.position}
    with database.read() as session:
        ids = list(
            session.scalars(select(CandidateRecord.id).where(CandidateRecord.stage_id.in_(past)))
        )
        overridden = set(
            session.scalars(
                select(StageMoveRecord.candidate_id).where(StageMoveRecord.override_reason != "")
            )
        )
        moves = session.scalars(
            select(StageMoveRecord).where(StageMoveRecord.override_reason != "")
        ).all()
        assert all(move.missing and move.to_stage_id == gate.id for move in moves)
    assert len(ids) >= 20
    for cid in ids:
        gaps = pipeline.gate_gaps(database, cid, on=DAY)
        assert not gaps or cid in overridden, (cid, gaps)


def test_moves_follow_the_pipeline_and_match_the_candidate(database: Database) -> None:
    _fill(database)
    positions = {s.id: s.position for s in pipeline.stages(database)}
    closed = {s.id for s in pipeline.stages(database) if s.closed}
    now = datetime.now()
    with database.read() as session:
        candidates = {c.id: c for c in session.scalars(select(CandidateRecord))}
        by_candidate: dict[int, list[StageMoveRecord]] = {}
        for move in session.scalars(select(StageMoveRecord).order_by(StageMoveRecord.id)):
            by_candidate.setdefault(move.candidate_id, []).append(move)
        for cid, moves in by_candidate.items():
            candidate = candidates[cid]
            times = [move.moved_at for move in moves]
            assert times == sorted(times) and times[-1] < now
            assert candidate.created_at < times[0]
            assert candidate.stage_id == moves[-1].to_stage_id
            assert candidate.stage_since == moves[-1].moved_at
            for before, after in pairwise(moves):
                assert before.to_stage_id == after.from_stage_id
            forward = [m for m in moves if m.to_stage_id not in closed]
            assert all(positions[m.to_stage_id] > positions[m.from_stage_id] for m in forward)
        for note in session.scalars(select(InterviewNoteRecord)):
            assert note.held_on >= candidates[note.candidate_id].created_at.date()
            assert note.held_on <= DAY
        rejected = [m for ms in by_candidate.values() for m in ms if m.to_name == "Rejected"]
        assert rejected and all(m.reason for m in rejected)


def test_history_records_creation_claims_and_moves(database: Database) -> None:
    _fill(database)
    with database.read() as session:
        moves = session.scalars(select(StageMoveRecord)).all()
        claims = int(session.scalar(select(func.count()).select_from(ClaimRecord)) or 0)
        claim_entries = session.scalar(
            select(func.count()).where(
                HistoryRecord.entity == Entity.CLAIM.value,
                HistoryRecord.action == Action.CREATED.value,
            )
        )
        scorecards = session.scalar(select(func.count()).select_from(ScorecardRecord))
        references = session.scalar(select(func.count()).select_from(ReferenceCheckRecord))
    assert claim_entries == claims and scorecards and references
    moved = moves[-1].candidate_id
    trail = candidate_history(database, moved)
    assert trail[-1].entity is Entity.CANDIDATE and trail[-1].action is Action.CREATED
    stage_entries = [e for e in trail if e.entity is Entity.STAGE]
    assert len(stage_entries) == len([m for m in moves if m.candidate_id == moved])
    times = [entry.at for entry in trail]
    assert times == sorted(times, reverse=True)  # newest first, as it happened
    by = {entry.by for entry in trail}
    assert by <= {"Priya Raman", "Tom Hollis", "Grace Okafor", "Marta Nowak", "Daniel Brooks"}


def _snapshot(path: Path, seed: int) -> list[tuple[object, ...]]:
    database = open_database(path)
    try:
        add_demo_candidates(database, 60, seed, on=DAY)
        with database.read() as session:
            moves = session.execute(
                select(
                    StageMoveRecord.candidate_id,
                    StageMoveRecord.to_name,
                    StageMoveRecord.moved_at,
                    StageMoveRecord.reason,
                    StageMoveRecord.override_reason,
                ).order_by(StageMoveRecord.id)
            ).all()
            trail = session.execute(
                select(HistoryRecord.at, HistoryRecord.entity, HistoryRecord.new_value).order_by(
                    HistoryRecord.id
                )
            ).all()
        return [tuple(row) for row in [*moves, *trail]]
    finally:
        database.close()


def test_the_same_seed_gives_the_same_pipeline(tmp_path: Path) -> None:
    first = _snapshot(tmp_path / "a.sqlite3", 7)
    assert first == _snapshot(tmp_path / "b.sqlite3", 7)
    assert first != _snapshot(tmp_path / "c.sqlite3", 8)
