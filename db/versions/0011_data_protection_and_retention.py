"""Data protection: lawful basis and consents; an index for the retention review.

Only new tables and an index: no existing table is rebuilt, so the upgrade is quick even on
100,000 candidates (the index takes a few seconds over a million history entries).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 05:51:04.631412
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "client_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("how", sa.String(length=200), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_client_consents_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_consents_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_consents")),
    )
    op.create_index("ix_client_consents_client", "client_consents", ["client_id"])
    op.create_index(
        "uq_client_consents_candidate_client",
        "client_consents",
        ["candidate_id", "client_id"],
        unique=True,
    )

    op.create_table(
        "data_protection",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("lawful_basis", sa.String(length=30), nullable=False),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_how", sa.String(length=200), nullable=False),
        sa.Column("consent_expires_on", sa.Date(), nullable=True),
        sa.Column("consent_withdrawn_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_data_protection_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_data_protection")),
    )
    op.create_index("ix_history_candidate_at", "history", ["candidate_id", "at", "action"])


def downgrade() -> None:
    """Undo this revision."""
    # Entries written under 0011 name an entity ("consent") and an action ("kept") that
    # 0010's code cannot read; they become candidate changes, their words kept. The trail
    # refuses updates by trigger, so it is lifted for this one rewrite and put back.
    trigger = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT sql FROM sqlite_master "
                "WHERE type = 'trigger' AND name = 'history_append_only'"
            )
        )
        .scalar()
    )
    op.execute("DROP TRIGGER IF EXISTS history_append_only")
    op.execute("UPDATE history SET entity = 'candidate' WHERE entity = 'consent'")
    op.execute("UPDATE history SET action = 'changed' WHERE action = 'kept'")
    if trigger:
        op.execute(trigger)
    op.drop_index("ix_history_candidate_at", "history")

    op.drop_table("data_protection")
    op.drop_index("uq_client_consents_candidate_client", "client_consents")
    op.drop_index("ix_client_consents_client", "client_consents")

    op.drop_table("client_consents")
