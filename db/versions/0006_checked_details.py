"""Each check records the credential id and dates it confirmed.

Found in review: editing a verified claim's id or dates kept it Verified, so a check
confirmed whatever the claim said later. A check now carries the details it was made on,
and only a check on the claim's current details decides its status. Checks recorded
before this revision carry none (details_recorded = 0) and keep counting.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision (columns are added in place: the append-only trigger stays)."""
    with op.batch_alter_table("certification_checks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("checked_credential_id", sa.String(length=100), nullable=True)
        )
        batch_op.add_column(sa.Column("checked_earned_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("checked_printed_expiry", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("details_recorded", sa.Boolean(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    """Undo this revision; the table is rebuilt, so its append-only trigger is made again."""
    with op.batch_alter_table("certification_checks", schema=None) as batch_op:
        batch_op.drop_column("details_recorded")
        batch_op.drop_column("checked_printed_expiry")
        batch_op.drop_column("checked_earned_on")
        batch_op.drop_column("checked_credential_id")
    op.execute("DROP TRIGGER IF EXISTS certification_checks_append_only")
    op.execute(
        "CREATE TRIGGER certification_checks_append_only BEFORE UPDATE ON certification_checks "
        "BEGIN SELECT RAISE(ABORT, 'certification_checks are append-only'); END"
    )
