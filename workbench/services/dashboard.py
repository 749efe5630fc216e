"""Use case: the figures the dashboard charts, each one query over the whole store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import String, func, literal, select

from workbench.domain.clients import JobStatus
from workbench.domain.submittals import SubmittalStatus
from workbench.domain.vetting import Stage
from workbench.services.claims import today
from workbench.store import vetting_queries
from workbench.store.client_models import JobOrderRecord, SubmittalRecord
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord, ClaimRecord

MONTHS = 12


@dataclass(frozen=True)
class MonthCount:
    """Submittals and placements in one calendar month ('2026-11')."""

    month: str
    submittals: int
    placements: int


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows, read in one go."""

    stages: tuple[tuple[Stage, int], ...]  # every stage in order, with its live candidates
    expiring_30: int  # claims of live candidates lapsing in the next 30 days
    expiring_90: int
    open_jobs: int
    openings_left: int
    months: tuple[MonthCount, ...]  # the last MONTHS months, oldest first


def _months(day: date) -> list[str]:
    months: list[str] = []
    year, month = day.year, day.month
    for _ in range(MONTHS):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def dashboard(database: Database, *, on: date | None = None) -> Dashboard:
    """Return the pipeline, expiring certifications, open jobs and the monthly activity."""
    day = on or today()
    months = _months(day)
    first = date.fromisoformat(months[0] + "-01")
    with database.read() as session:
        counts = vetting_queries.stage_counts(session)
        stages = tuple(
            (stage, counts.get(stage.id, 0)) for stage in vetting_queries.all_stages(session)
        )

        def lapsing_within(days: int) -> int:
            # Bound as ISO text: the derived dates are compared as stored.
            start = literal(day.isoformat(), String())
            end = literal((day + timedelta(days=days)).isoformat(), String())
            query = (
                select(func.count())
                .select_from(ClaimRecord)
                .join(CandidateRecord, CandidateRecord.id == ClaimRecord.candidate_id)
                .where(
                    CandidateRecord.deleted_at.is_(None),
                    ClaimRecord.lapse_from >= start,
                    ClaimRecord.lapse_from < end,
                )
            )
            return int(session.scalar(query) or 0)

        open_jobs, openings = session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(JobOrderRecord.openings - JobOrderRecord.filled), 0),
            ).where(JobOrderRecord.status == JobStatus.OPEN.value)
        ).one()
        month = func.strftime("%Y-%m", SubmittalRecord.submitted_at)
        sent: dict[str, int] = dict(
            session.execute(
                select(month, func.count())
                .where(SubmittalRecord.submitted_at >= first)
                .group_by(month)
            ).all()
        )
        placed_month = func.strftime("%Y-%m", SubmittalRecord.status_at)
        placed: dict[str, int] = dict(
            session.execute(
                select(placed_month, func.count())
                .where(
                    SubmittalRecord.status == SubmittalStatus.PLACED.value,
                    SubmittalRecord.status_at >= first,
                )
                .group_by(placed_month)
            ).all()
        )
        return Dashboard(
            stages=stages,
            expiring_30=lapsing_within(30),
            expiring_90=lapsing_within(90),
            open_jobs=int(open_jobs),
            openings_left=int(openings),
            months=tuple(MonthCount(m, int(sent.get(m, 0)), int(placed.get(m, 0))) for m in months),
        )
