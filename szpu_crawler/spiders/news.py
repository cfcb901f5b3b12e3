"""The `news` spider: home page → column list pages → article pages. Routing only."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from szpu_crawler.pages.article import parse_article_page
from szpu_crawler.pages.listing import ListedArticle, parse_list_page
from szpu_crawler.pages.navigation import find_column_links
from szpu_crawler.settings import user_agent
from szpu_crawler.site import FALLBACK_COLUMN_PATHS, NEWS_COLUMNS, article_ids, canonical_url


class NewsSpider(Spider):
    name = "news"

    base_url: str

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Write the default feed only when no `-o`/`-O` (or FEEDS) names another; make the
        User-Agent from a contact URL given with `-s`."""
        super().update_settings(settings)
        if not settings.getdict("FEEDS"):
            settings.set("FEEDS", settings.getdict("SZPU_DEFAULT_FEEDS"), priority="spider")
        contact_priority = settings.getpriority("SZPU_CONTACT_URL") or 0
        if contact_priority > (settings.getpriority("USER_AGENT") or 0):
            settings.set(
                "USER_AGENT", user_agent(settings["SZPU_CONTACT_URL"]), priority=contact_priority
            )

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.base_url = crawler.settings.get("SZPU_BASE_URL")
        spider.allowed_domains = [urlsplit(spider.base_url).hostname]
        return spider

    @property
    def output_dir(self) -> str:
        """Fills `%(output_dir)s` in FEEDS."""
        return self.settings.get("SZPU_OUTPUT_DIR")

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.base_url, callback=self.parse_home, errback=self.on_request_failed)

    def on_request_failed(self, failure: Failure) -> None:
        """A page that could not be fetched: logged with its URL and reason, and counted."""
        request = failure.request
        kind = "article" if request.callback == self.parse_article else "page"
        reason = failure.value.__class__.__name__
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        self.crawler.stats.inc_value(f"szpu/failed/{kind}")
        self.crawler.stats.inc_value(f"szpu/failed/reason/{reason}")
        self.logger.error("Could not fetch %s %s: %s", kind, request.url, reason)

    def parse_home(self, response: Response) -> Iterator[Request]:
        """Find the news columns in the site's menu; fall back to their known paths.

        @site_url
        @returns requests 2 2
        """
        names = list(NEWS_COLUMNS.values())
        columns = (
            find_column_links(response, self.base_url, names)
            if isinstance(response, TextResponse)
            else {}
        )
        for name in names:
            if name not in columns:
                self.logger.warning(
                    "Column %r not found in the navigation of %s; using its known path",
                    name,
                    response.url,
                )
                self.crawler.stats.inc_value("szpu/columns/fallback")
                columns[name] = urljoin(self.base_url, FALLBACK_COLUMN_PATHS[name])
        for name, url in columns.items():
            yield Request(
                url,
                callback=self.parse_list,
                errback=self.on_request_failed,
                cb_kwargs={"section": name, "first_page_url": url},
            )

    def parse_list(
        self, response: Response, section: str, first_page_url: str
    ) -> Iterator[Request]:
        """Follow every article listed, and every other page of the column's pager.

        @site_url News___Events/Events.htm
        @cb_kwargs {"section": "Events", "first_page_url": "/News___Events/Events.htm"}
        @returns requests 7 7
        """
        page = parse_list_page(response, self.base_url, first_page_url)
        if not page.articles:
            self.logger.warning("List page %s lists no article", response.url)
            self.crawler.stats.inc_value("szpu/list/empty")
        self.crawler.stats.inc_value("szpu/list/pages")
        for listed in page.articles:
            column_id, _ = article_ids(listed.url)
            if column_id not in NEWS_COLUMNS:
                self.logger.info(
                    "Skipping %s listed under %s: not a news column", listed.url, section
                )
                self.crawler.stats.inc_value("szpu/list/other_column")
                continue
            yield Request(
                listed.url,
                callback=self.parse_article,
                errback=self.on_request_failed,
                cb_kwargs={"listed": listed},
            )
        for url in page.page_urls:
            yield Request(
                url,
                callback=self.parse_list,
                errback=self.on_request_failed,
                cb_kwargs={"section": section, "first_page_url": first_page_url},
            )

    def parse_article(
        self, response: Response, listed: ListedArticle | None = None
    ) -> Iterator[dict]:
        """One raw record per article page.

        @site_url info/1162/2433.htm
        @returns items 1 1
        @returns requests 0 0
        @scrapes url column_id article_id section title date_published_raw body_text byline_raw
        """
        url = canonical_url(response.url, self.base_url)
        column_id, article_id = article_ids(url)
        page = parse_article_page(response, self.base_url)
        yield {
            "url": url,
            "column_id": column_id,
            "article_id": article_id,
            "section": NEWS_COLUMNS[column_id],
            **asdict(page),
            "date_listed_raw": listed.date_listed_raw if listed else None,
            "title_listed": listed.title if listed else None,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
