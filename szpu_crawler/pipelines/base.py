"""What every pipeline of ours starts from: the crawler, its settings and its stats."""

from __future__ import annotations

import logging
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


class FieldParserPipeline(ArticlePipeline):
    """Parses one raw field into its normalised field beside it; what the parser could not
    resolve is kept, counted and logged with the URL."""

    raw_field: str
    field: str
    unresolved_stat: str
    unresolved_message: str  # %r the raw value, %s the URL

    def parse(self, raw: str | None) -> dict[str, Any] | None:
        raise NotImplementedError

    def unresolved(self, parsed: dict[str, Any]) -> bool:
        raise NotImplementedError

    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        parsed = self.parse(item.get(self.raw_field))
        if parsed is not None and self.unresolved(parsed):
            self.stats.inc_value(self.unresolved_stat)
            logging.getLogger(type(self).__module__).warning(
                self.unresolved_message, item[self.raw_field], item.get("url")
            )
        item[self.field] = parsed
        return item
