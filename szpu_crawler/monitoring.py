"""End-of-run checks on a run's manifest: what an operator must hear about."""

from __future__ import annotations

from typing import Any


def run_checks(
    manifest: dict[str, Any],
    previous: dict[str, Any] | None,
    min_coverage: dict[str, float],
    max_seen_drop: float,
    coverage_sample: int,
) -> list[dict[str, Any]]:
    """`[{name, passed, detail}]`: finish reason, errors, field coverage, articles seen.

    Field coverage is judged only over at least `coverage_sample` parsed articles: one reprint
    without a byline in a run of two is not a template change.
    """
    counts = manifest["counts"]
    checks = [
        {
            "name": "finish_reason",
            "passed": manifest["finish_reason"] == "finished",
            "detail": f"finish reason {manifest['finish_reason']!r}",
        },
        {
            "name": "errors",
            "passed": counts["errors"] == 0,
            "detail": f"{counts['errors']} errors logged, {counts['failed']} pages not fetched",
        },
    ]
    coverage = manifest["field_coverage"] or {}
    judged = counts["articles_parsed"] >= coverage_sample
    for field, minimum in min_coverage.items():
        share = coverage.get(field)
        checks.append(
            {
                "name": f"coverage/{field}",
                "passed": not judged or share is None or share >= minimum,
                "detail": f"{field} found in {share if share is not None else 'n/a'} of the "
                f"articles parsed (minimum {minimum}"
                + ("" if judged else f", not judged under {coverage_sample} articles")
                + ")",
            }
        )
    before = (previous or {}).get("counts", {}).get("articles_listed")
    now = counts["articles_listed"]
    checks.append(
        {
            "name": "articles_seen",
            "passed": not before or now >= before * (1 - max_seen_drop),
            "detail": f"{now} articles listed, {before} in the previous run that walked "
            f"{manifest['walk']}",
        }
    )
    return checks
