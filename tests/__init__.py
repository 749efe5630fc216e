"""Tests for Workbench: unit, integration, window, and benchmarks run by hand."""
