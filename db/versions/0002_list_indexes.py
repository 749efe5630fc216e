"""List indexes that lead with deleted_at, so filtering and sorting read only the index.

The single-column index on deleted_at made SQLite pick it for `deleted_at IS NULL` (every
live row) and sort 100,000 rows in a temporary B-tree on each search; the sort-column indexes
alone made it read every row from the table to test deleted_at. An index on
(deleted_at, column) answers both and covers the id.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_DROPPED = (
    "available_from",
    "country",
    "deleted_at",
    "level",
    "name_key",
    "primary_role",
    "salary_expectation",
    "updated_at",
    "years_experience",
)
_LIVE_SORTS = (
    "name_key",
    "email_key",
    "phone",
    "primary_role",
    "years_experience",
    "city",
    "available_from",
    "salary_expectation",
    "updated_at",
)


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        for column in _DROPPED:
            batch_op.drop_index(f"ix_candidates_{column}")
        for column in _LIVE_SORTS:
            batch_op.create_index(f"ix_candidates_live_{column}", ["deleted_at", column])
        batch_op.create_index("ix_candidates_live_level_name", ["deleted_at", "level", "name_key"])
        batch_op.create_index(
            "ix_candidates_live_country_name", ["deleted_at", "country", "name_key"]
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_index("ix_candidates_live_country_name")
        batch_op.drop_index("ix_candidates_live_level_name")
        for column in _LIVE_SORTS:
            batch_op.drop_index(f"ix_candidates_live_{column}")
        for column in _DROPPED:
            batch_op.create_index(f"ix_candidates_{column}", [column])
