"""Our spider with its article pages fetched but not read: what routing alone costs.

The cost table of `bench.crawl_throughput` runs it with the state, the archive and the item
pipelines off, as the floor our crawl stands on.
"""

from __future__ import annotations

from collections.abc import Iterator

from scrapy.http import Response

from szpu_crawler.pages.listing import ListedArticle
from szpu_crawler.spiders.news import NewsSpider


class RoutingOnlySpider(NewsSpider):
    name = "news-routing-only"

    def parse_article(
        self, response: Response, listed: ListedArticle | None = None
    ) -> Iterator[dict]:
        yield {"url": response.url}
