"""Use cases: plain functions over a Database, one transaction each, returning frozen data."""
