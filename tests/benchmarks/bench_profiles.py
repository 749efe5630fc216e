"""Time PDF profiles: median per typical profile, and a batch's throughput on one and two cores.

Run with `.venv/bin/python -m tests.benchmarks.bench_profiles [BATCH]` from the repository root.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from tests.unit.profile_samples import CLAIMS, GENERATED_ON, RULES, TYPICAL, candidate
from workbench.pdf.profile_document import Branding, ProfileDocument, ProfileOptions, build_profile
from workbench.pdf.render import render_profile

RUNS = 50
BATCH = 200
TARGET_MS = 40.0
OPTIONS = ProfileOptions(generated_on=GENERATED_ON, show_salary=True)


def documents(count: int) -> list[ProfileDocument]:
    """Return `count` distinct typical profiles (names differ, so no two are the same)."""
    return [
        build_profile(
            candidate(replace(TYPICAL, last_name=f"Kowalska-{n}"), n + 1), CLAIMS, OPTIONS, RULES
        )
        for n in range(count)
    ]


def _render_all(batch: list[ProfileDocument]) -> int:
    """Render a share of the batch in one process; return the bytes written."""
    branding = Branding()
    return sum(len(render_profile(document, OPTIONS, branding)) for document in batch)


def median_ms(document: ProfileDocument) -> float:
    """Return the median time of one render, after a warm-up that loads fonts once."""
    branding = Branding()
    render_profile(document, OPTIONS, branding)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render_profile(document, OPTIONS, branding)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def throughput(batch: list[ProfileDocument], workers: int) -> float:
    """Return profiles a second for the batch split across `workers` processes."""
    shares = [batch[i::workers] for i in range(workers)]
    start = time.perf_counter()
    if workers == 1:
        _render_all(batch)
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_render_all, shares))
    return len(batch) / (time.perf_counter() - start)


def main(argv: list[str]) -> int:
    """Print the median per profile and the batch throughput; exit 1 over the target."""
    count = int(argv[0]) if argv else BATCH
    batch = documents(count)
    median = median_ms(batch[0])
    print(f"typical profile: median {median:.1f} ms over {RUNS} renders (target {TARGET_MS:g})")
    one = throughput(batch, 1)
    print(f"{count} profiles, 1 core: {one:.0f} a second")
    if (os.cpu_count() or 1) >= 2:
        # Includes starting the processes and loading reportlab and the fonts in each.
        two = throughput(batch, 2)
        print(f"{count} profiles, 2 cores: {two:.0f} a second ({two / one:.2f}x)")
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
