"""Count which fields came out empty, so a change of the site's template shows on the first run."""

from __future__ import annotations

import logging
from typing import Any

from szpu_crawler.pipelines.base import ArticlePipeline

logger = logging.getLogger(__name__)

# Fields an article is expected to have; one that is empty is counted as `szpu/missing/<field>`.
WATCHED_FIELDS = ("title", "date_published_raw", "breadcrumbs_raw", "body_text", "byline_raw")
# Fields without which a record is of little use: their absence is logged as a warning.
ESSENTIAL_FIELDS = ("title", "body_text")


class FieldCoveragePipeline(ArticlePipeline):
    """Counts empty fields and the signal that served each field; never drops a record."""

    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        self.stats.inc_value("szpu/articles")
        for name in WATCHED_FIELDS:
            if not item.get(name):
                self.stats.inc_value(f"szpu/missing/{name}")
                if name in ESSENTIAL_FIELDS:
                    logger.warning("No %s found on %s", name, item.get("url"))
        for name, signal in (item.get("signals") or {}).items():
            self.stats.inc_value(f"szpu/signal/{name}/{signal}")
        return item

    def close_spider(self) -> None:
        articles = self.stats.get_value("szpu/articles", 0)
        coverage = ", ".join(
            f"{name} {articles - self.stats.get_value(f'szpu/missing/{name}', 0)}/{articles}"
            for name in WATCHED_FIELDS
        )
        logger.info("Field coverage: %s", coverage)
