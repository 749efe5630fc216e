"""Claim status filters as index ranges: NULL-free derived dates and an outcome class.

The status conditions of 0003 tested NULLs with OR (no expiry, no check), so SQLite read
every matching claim row: 82-617 ms for a status filter over 300,000 claims. Each claim
now also keeps its outcome class (verified / failed / unverified) and the days it starts
reminding, lapses and is expired, with 9999-12-31 for never; every status is then one
range on one covering index. Filled here from the columns 0003/0004 derived.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_FOREVER = "9999-12-31"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("certification_claims", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "outcome_class", sa.String(length=12), server_default="unverified", nullable=False
            )
        )
        for name in ("lapse_from", "remind_from", "expired_from"):
            batch_op.add_column(sa.Column(name, sa.Date(), server_default=_FOREVER, nullable=False))
        batch_op.drop_index("ix_certification_claims_expires_on")
        batch_op.drop_index("ix_certification_claims_outcome_expiry")
        batch_op.drop_index("ix_certification_claims_rule_outcome_expiry")

    op.execute(
        "UPDATE certification_claims SET "
        "outcome_class = CASE WHEN latest_outcome = 'verified' THEN 'verified' "
        "WHEN latest_outcome IN ('not-found', 'mismatch') THEN 'failed' "
        "ELSE 'unverified' END, "
        f"lapse_from = coalesce(expires_on, '{_FOREVER}'), "
        f"remind_from = coalesce(remind_on, '{_FOREVER}'), "
        f"expired_from = CASE WHEN expires_on IS NULL OR soft_expiry THEN '{_FOREVER}' "
        "ELSE coalesce(renewable_until, expires_on) END"
    )

    with op.batch_alter_table("certification_claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_certification_claims_lapse",
            ["lapse_from", "expired_from", "outcome_class", "rule_id", "candidate_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_certification_claims_outcome_lapse",
            ["outcome_class", "lapse_from", "rule_id", "candidate_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_certification_claims_outcome_remind",
            ["outcome_class", "remind_from", "lapse_from", "rule_id", "candidate_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_certification_claims_rule_candidate", ["rule_id", "candidate_id"], unique=False
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("certification_claims", schema=None) as batch_op:
        batch_op.drop_index("ix_certification_claims_rule_candidate")
        batch_op.drop_index("ix_certification_claims_outcome_remind")
        batch_op.drop_index("ix_certification_claims_outcome_lapse")
        batch_op.drop_index("ix_certification_claims_lapse")
        batch_op.create_index(
            "ix_certification_claims_rule_outcome_expiry",
            ["rule_id", "latest_outcome", "expires_on", "candidate_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_certification_claims_outcome_expiry", ["latest_outcome", "expires_on"], unique=False
        )
        batch_op.create_index("ix_certification_claims_expires_on", ["expires_on"], unique=False)
        for name in ("expired_from", "remind_from", "lapse_from", "outcome_class"):
            batch_op.drop_column(name)
