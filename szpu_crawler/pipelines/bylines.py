"""Bylines split into department and people."""

from __future__ import annotations

import logging
from typing import Any

from szpu_crawler.normalize.bylines import parse_byline
from szpu_crawler.pipelines.base import ArticlePipeline

logger = logging.getLogger(__name__)


class BylinePipeline(ArticlePipeline):
    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        byline = parse_byline(item.get("byline_raw"))
        if byline is not None and byline["rule"] is None:
            self.stats.inc_value("szpu/byline/unmatched")
            logger.warning("Byline %r matches no rule on %s", byline["raw"], item.get("url"))
        item["byline"] = byline
        return item
