"""PMI's suspension year and PRINCE2's five-year certificates before 2017, as rule data.

Adds three rule fields and each claim's derived `renewable_until`. The seeded PMP and
PMI-ACP gain a 12-month suspension (renewal due, then expired) and PRINCE2 Practitioner
5 years for certificates earned before 2017, each as a new revision "by Workbench"; the
claims of those rules are re-derived. Checks keep the revision they were recorded under.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

from workbench.domain.certifications import add_months

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen here rather than read from the seed list, so this revision always does the same.
_CHANGES: dict[str, dict[str, object]] = {
    "PMP": {"grace_months": 12},
    "PMI-ACP": {"grace_months": 12},
    "PRINCE2-PRACTITIONER": {"earlier_before": "2017-01-01", "earlier_validity_months": 60},
}
_BY = "Workbench (schema 0004)"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("certification_claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("renewable_until", sa.Date(), nullable=True))

    with op.batch_alter_table("certification_rules", schema=None) as batch_op:
        batch_op.add_column(sa.Column("grace_months", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("earlier_before", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("earlier_validity_months", sa.Integer(), nullable=True))

    connection = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat(" ")
    for code, change in _CHANGES.items():
        row = (
            connection.execute(
                sa.text("SELECT * FROM certification_rules WHERE code = :code"), {"code": code}
            )
            .mappings()
            .first()
        )
        if row is None:
            continue  # removed or renamed by the agency: nothing to bring up to date
        rule = dict(row)
        rule.update(change)
        rule["revision"] = row["revision"] + 1
        connection.execute(
            sa.text(
                "UPDATE certification_rules SET grace_months = :grace_months, "
                "earlier_before = :earlier_before, "
                "earlier_validity_months = :earlier_validity_months, revision = :revision, "
                "updated_at = :now, updated_by = :by WHERE id = :id"
            ),
            {
                "grace_months": rule.get("grace_months"),
                "earlier_before": rule.get("earlier_before"),
                "earlier_validity_months": rule.get("earlier_validity_months"),
                "revision": rule["revision"],
                "now": now,
                "by": _BY,
                "id": row["id"],
            },
        )
        snapshot = {
            key: (json.loads(value) if key in ("renewal_routes", "aliases") else value)
            for key, value in rule.items()
            if key not in ("id", "updated_at", "updated_by")
        }
        snapshot["soft_expiry"] = bool(snapshot["soft_expiry"])
        snapshot["retired"] = bool(snapshot["retired"])
        connection.execute(
            sa.text(
                "INSERT INTO certification_rule_revisions "
                "(rule_id, revision, rule, changed_at, changed_by) "
                "VALUES (:id, :revision, :rule, :now, :by)"
            ),
            {
                "id": row["id"],
                "revision": rule["revision"],
                "rule": json.dumps(snapshot, ensure_ascii=False),
                "now": now,
                "by": _BY,
            },
        )
        _rederive(connection, rule)


def _rederive(connection: sa.Connection, rule: dict[str, object]) -> None:
    """Work out the claims' lapse, reminder and renewable-until dates under the new rule."""
    claims = connection.execute(
        sa.text(
            "SELECT id, earned_on, printed_expiry FROM certification_claims WHERE rule_id = :id"
        ),
        {"id": rule["id"]},
    ).all()
    earlier = rule.get("earlier_before")
    earlier_before = date.fromisoformat(str(earlier)) if earlier else None
    updates = []
    for claim_id, earned_text, printed_text in claims:
        earned = date.fromisoformat(earned_text) if earned_text else None
        printed = date.fromisoformat(printed_text) if printed_text else None
        months = rule["validity_months"]
        if earned and earlier_before and earned < earlier_before:
            months = rule["earlier_validity_months"]
        lapses = printed or (add_months(earned, int(str(months))) if earned and months else None)
        grace = rule.get("grace_months")
        renewable = (
            add_months(lapses, int(str(grace)))
            if lapses and grace and not rule["soft_expiry"]
            else None
        )
        remind = (
            date.fromordinal(lapses.toordinal() - int(str(rule["reminder_days"])))
            if lapses
            else None
        )
        updates.append(
            {
                "id": claim_id,
                "expires_on": lapses.isoformat() if lapses else None,
                "remind_on": remind.isoformat() if remind else None,
                "renewable_until": renewable.isoformat() if renewable else None,
            }
        )
    if updates:
        connection.execute(
            sa.text(
                "UPDATE certification_claims SET expires_on = :expires_on, "
                "remind_on = :remind_on, renewable_until = :renewable_until, "
                "version = version + 1 WHERE id = :id"
            ),
            updates,
        )


def downgrade() -> None:
    """Undo this revision (the revisions it recorded stay as history)."""
    with op.batch_alter_table("certification_rules", schema=None) as batch_op:
        batch_op.drop_column("earlier_validity_months")
        batch_op.drop_column("earlier_before")
        batch_op.drop_column("grace_months")

    with op.batch_alter_table("certification_claims", schema=None) as batch_op:
        batch_op.drop_column("renewable_until")
