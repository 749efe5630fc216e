"""Data protection figures on the 100k database: the retention review and the consent check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from workbench.services import consents, retention
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord

Measure = Callable[[Callable[[], object]], float]
# The review runs off the GUI thread with a "looking…" line; a second is what it may take.
REVIEW_TARGET_MS = 1_000.0
# The submit dialog checks consent as it opens: a shortlist's worth must not be felt.
CONSENT_TARGET_MS = 50.0


def bench_privacy(database: Database, median_ms: Measure) -> list[tuple[str, float, float | None]]:
    """Print and return (label, median ms, target ms) for the retention review and consents."""
    today = date.today()
    found = retention.past_retention(database, today)
    review_ms = median_ms(lambda: retention.past_retention(database, today))
    print(
        f"retention review ({len(found):,} past {retention.retention_months(database)} months): "
        f"median {review_ms:.0f} ms"
    )
    with database.read() as session:
        ids = list(session.scalars(select(CandidateRecord.id).limit(50)))
    consent_ms = median_ms(
        lambda: consents.consent_refusals(database, 1, "Benchmark Client", ids, today)
    )
    print(f"consent check for a shortlist of {len(ids)}: median {consent_ms:.1f} ms")
    return [
        ("retention review", review_ms, REVIEW_TARGET_MS),
        ("consent check, 50 candidates", consent_ms, CONSENT_TARGET_MS),
    ]
