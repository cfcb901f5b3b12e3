"""Bylines split into department and people."""

from __future__ import annotations

from typing import Any

from szpu_crawler.normalize.bylines import parse_byline
from szpu_crawler.pipelines.base import FieldParserPipeline


class BylinePipeline(FieldParserPipeline):
    raw_field = "byline_raw"
    field = "byline"
    unresolved_stat = "szpu/byline/unmatched"
    unresolved_message = "Byline %r matches no rule on %s"

    def parse(self, raw: str | None) -> dict[str, Any] | None:
        return parse_byline(raw)

    def unresolved(self, parsed: dict[str, Any]) -> bool:
        return parsed["rule"] is None
