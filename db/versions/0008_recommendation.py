"""The consultant's recommendation on each candidate, printed on client profiles.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision (a column added in place: no table is rebuilt)."""
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recommendation", sa.Text(), server_default="", nullable=False)
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table(
        "candidates",
        schema=None,
        # The rebuilt table is reflected, which forgets AUTOINCREMENT: without it a
        # purged candidate's id would be given again (and their history stub with it).
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch_op:
        batch_op.drop_column("recommendation")
