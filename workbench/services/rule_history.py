"""When and by whom each certification rule was last changed, for the Settings dialog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from workbench.store.engine import Database
from workbench.store.models import CertificationRuleRecord


@dataclass(frozen=True)
class RuleChange:
    """The current revision of a rule and who saved it."""

    revision: int
    changed_at: datetime
    changed_by: str


def last_changes(database: Database) -> dict[str, RuleChange]:
    """Return each catalogue code's current revision with its date and author."""
    query = select(
        CertificationRuleRecord.code,
        CertificationRuleRecord.revision,
        CertificationRuleRecord.updated_at,
        CertificationRuleRecord.updated_by,
    )
    with database.read() as session:
        return {
            code: RuleChange(revision, changed_at, changed_by or "")
            for code, revision, changed_at, changed_by in session.execute(query)
        }
