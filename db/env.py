"""Alembic environment: runs revisions on the connection Workbench hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from workbench.store.migrations import include_in_autogenerate
from workbench.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Run the pending revisions on the given connection, or on sqlalchemy.url."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as own_connection:
            _run(own_connection)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        include_object=include_in_autogenerate,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
