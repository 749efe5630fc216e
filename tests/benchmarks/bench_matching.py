"""Matching figures on the 100k database: one job order ranked over every live candidate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from workbench.domain.clients import ClientDraft, Employment, JobOrderDraft
from workbench.domain.errors import NotFoundError
from workbench.domain.roles import Level, Specialisation
from workbench.services import clients, jobs
from workbench.services.matching import match_job
from workbench.store.engine import Database

Measure = Callable[[Callable[[], object]], float]
CLIENT = "Benchmark Client"
TARGET_MS = 1_000.0


def _jobs(database: Database) -> dict[str, int]:
    """Find or make the two job orders timed: one needing PMP, one needing no certification."""
    try:
        client = clients.find_client(database, CLIENT)
    except NotFoundError:
        client = clients.save_client(database, None, ClientDraft(CLIENT, "Finance"))
    made = {job.title: job.id for job in jobs.jobs(database, client.id)}
    start = date.today() + timedelta(days=30)
    wanted = {
        "Senior Agile PM, PMP required": ("PMP",),
        "Agile PM, no certification required": (),
    }
    for title, required in wanted.items():
        if title not in made:
            draft = JobOrderDraft(
                client_id=client.id,
                title=title,
                specialisation=Specialisation.AGILE_PM,
                level=Level.SENIOR,
                required_certifications=required,
                nice_certifications=("CSM",),
                methodologies=("Scrum", "Kanban"),
                tools=("Jira",),
                location="London, United Kingdom",
                employment=Employment.CONTRACT,
                budget=650,
                currency="USD",
                start_date=start,
                end_date=start + timedelta(days=365),
            )
            made[title] = jobs.save_job(database, None, draft).id
    return {title: made[title] for title in wanted}


def bench_matching(database: Database, median_ms: Measure) -> list[tuple[str, float, float | None]]:
    """Print and return (label, median ms, target ms) for ranking candidates for a job."""
    results: list[tuple[str, float, float | None]] = []
    for title, job_id in _jobs(database).items():
        result = match_job(database, job_id)
        ms = median_ms(lambda job_id=job_id: match_job(database, job_id))
        label = f"match: {title}"
        print(f"{label} ({result.eligible:,} eligible, top 50): median {ms:.0f} ms")
        results.append((label, ms, TARGET_MS))
    return results
