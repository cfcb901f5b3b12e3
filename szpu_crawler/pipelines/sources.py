"""Reprint source stamps split into name, publication time and place."""

from __future__ import annotations

from typing import Any

from szpu_crawler.normalize.sources import parse_source_stamp
from szpu_crawler.pipelines.base import FieldParserPipeline


class SourcePipeline(FieldParserPipeline):
    raw_field = "source_raw"
    field = "source"
    unresolved_stat = "szpu/source/undated"
    unresolved_message = "Source stamp %r has no date on %s"

    def parse(self, raw: str | None) -> dict[str, Any] | None:
        return parse_source_stamp(raw)

    def unresolved(self, parsed: dict[str, Any]) -> bool:
        return parsed["published"] is None
