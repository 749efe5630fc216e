"""Workbench: a desktop workbench for IT staffing agencies."""
