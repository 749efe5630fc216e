"""Benchmarks on 100,000 sample candidates, run by `make bench`, never by the test suite."""
