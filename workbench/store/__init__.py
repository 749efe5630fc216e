"""Persistence: the SQLite engine, the schema, migrations, paged and full-text queries."""
