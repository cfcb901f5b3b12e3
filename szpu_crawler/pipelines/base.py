"""What every pipeline of ours starts from: the crawler, its settings and its stats."""

from __future__ import annotations

from typing import Any, Self

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


class ArticlePipeline(CrawlerPipeline):
    """A pipeline over fetched article records; the spider's notices (an article unchanged,
    removed or not fetched) pass by untouched, to the version pipeline."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if "notice" in item:
            return item
        return self.process_article(item)

    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError
