"""What every pipeline of ours starts from: the crawler, its settings and its stats."""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler


class CrawlerPipeline:
    """A pipeline built from the crawler, counting its outcomes in `self.stats`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)
