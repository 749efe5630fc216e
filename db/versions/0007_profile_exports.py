"""Record every profile export: whose, when, by whom, with which options, and the SHA-256.

The issue asks that each export be kept in the candidate's history so the agency can prove
later exactly what a client received. One row per candidate per export; a combined PDF gives
each of its candidates a row carrying the combined file's hash. Rows go with their candidate.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "profile_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(length=200), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("combined", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_profile_exports_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_exports")),
    )
    with op.batch_alter_table("profile_exports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_profile_exports_candidate_when", ["candidate_id", "exported_at"], unique=False
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("profile_exports", schema=None) as batch_op:
        batch_op.drop_index("ix_profile_exports_candidate_when")
    op.drop_table("profile_exports")
