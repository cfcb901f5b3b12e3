"""Cross-cutting reports of a run."""

from __future__ import annotations

import logging
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class BoundsReport:
    """Says, at the end of a run, which bound stopped work: the depth limit or the page cap.

    Scrapy itself logs the bound only at DEBUG (depth) or as a bare finish reason (page cap); an
    operator reading the log of a scheduled run needs to see it as a warning.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        settings, stats = self.crawler.settings, self.crawler.stats
        ignored = stats.get_value("depth/request_ignored_count", 0)
        if ignored:
            logger.warning(
                "Depth limit reached (DEPTH_LIMIT=%d): %d links were not followed",
                settings.getint("DEPTH_LIMIT"), ignored,
            )  # fmt: skip
        if reason == "closespider_pagecount":
            logger.warning(
                "Page cap reached (CLOSESPIDER_PAGECOUNT=%d): the run stopped before the end "
                "of the site",
                settings.getint("CLOSESPIDER_PAGECOUNT"),
            )
