"""Reprint source stamps split into name, publication time and place."""

from __future__ import annotations

import logging
from typing import Any

from szpu_crawler.normalize.sources import parse_source_stamp
from szpu_crawler.pipelines.base import ArticlePipeline

logger = logging.getLogger(__name__)


class SourcePipeline(ArticlePipeline):
    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        source = parse_source_stamp(item.get("source_raw"))
        if source is not None and source["published"] is None:
            self.stats.inc_value("szpu/source/undated")
            logger.warning("Source stamp %r has no date on %s", item["source_raw"], item.get("url"))
        item["source"] = source
        return item
