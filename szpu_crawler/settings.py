"""Settings of szpu-crawler.

Every setting has a safe default and a one-line doc just above it. Those read with `_env(…)` can
also be set from the environment variable of the same name; `-s NAME=value` on the command line
wins over both. The README's settings table lists them all.
"""

from __future__ import annotations

import os

from szpu_crawler import __version__
from szpu_crawler.site import DEFAULT_BASE_URL


def _env(name: str, default: str | int | float | bool) -> str | int | float | bool:
    """The environment's value for `name`, of the default's type; the default when unset."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if isinstance(default, bool):
        return value.lower() in ("1", "true", "yes", "on")
    return type(default)(value)


def user_agent(contact_url: str) -> str:
    """Names the project and where to reach its maintainers, so the site can tell who calls."""
    return f"szpu-crawler/{__version__} (+{contact_url})"


BOT_NAME = "szpu_crawler"
SPIDER_MODULES = ["szpu_crawler.spiders"]
NEWSPIDER_MODULE = "szpu_crawler.spiders"

# ---- What to crawl and where to write

# Home page the crawl starts from; point it at the bundled mirror to crawl offline.
SZPU_BASE_URL = _env("SZPU_BASE_URL", DEFAULT_BASE_URL)
# Folder that every output file of a run is written under; nothing is written elsewhere.
SZPU_OUTPUT_DIR = _env("SZPU_OUTPUT_DIR", "output")
# Where the site's operators can read what this crawler is; sent in the User-Agent.
SZPU_CONTACT_URL = _env("SZPU_CONTACT_URL", "https://github.com/szpu-crawler/szpu-crawler")
# How the crawler identifies itself; made from SZPU_CONTACT_URL unless set.
USER_AGENT = _env("USER_AGENT", user_agent(SZPU_CONTACT_URL))
# The site's robots.txt is obeyed.
ROBOTSTXT_OBEY = _env("ROBOTSTXT_OBEY", True)
# Proxies come from the standard http_proxy / https_proxy / no_proxy environment variables.
HTTPPROXY_ENABLED = _env("HTTPPROXY_ENABLED", True)

# ---- Politeness

# At most this many requests to the site at once.
CONCURRENT_REQUESTS_PER_DOMAIN = _env("CONCURRENT_REQUESTS_PER_DOMAIN", 2)
# Seconds between two requests to the site (AutoThrottle raises it when the site slows down).
DOWNLOAD_DELAY = _env("DOWNLOAD_DELAY", 1.0)
# Adapt the delay to the site's response times.
AUTOTHROTTLE_ENABLED = _env("AUTOTHROTTLE_ENABLED", True)
# First delay AutoThrottle uses, in seconds.
AUTOTHROTTLE_START_DELAY = _env("AUTOTHROTTLE_START_DELAY", 1.0)
# Longest delay AutoThrottle may choose, in seconds.
AUTOTHROTTLE_MAX_DELAY = _env("AUTOTHROTTLE_MAX_DELAY", 30.0)
# Requests AutoThrottle aims to have in flight to the site on average.
AUTOTHROTTLE_TARGET_CONCURRENCY = _env("AUTOTHROTTLE_TARGET_CONCURRENCY", 1.0)

# Items and requests of one response processed at once. A page yields one record, or a list
# page's links: Scrapy's default of 100 starts 100 tasks per response for nothing.
CONCURRENT_ITEMS = _env("CONCURRENT_ITEMS", 4)

# ---- Bounded work

# Seconds before a request is given up (and retried).
DOWNLOAD_TIMEOUT = _env("DOWNLOAD_TIMEOUT", 30)
# News pages are small: a response over this many bytes is refused.
DOWNLOAD_MAXSIZE = _env("DOWNLOAD_MAXSIZE", 16 * 1024 * 1024)
# A response over this many bytes is logged as a warning.
DOWNLOAD_WARNSIZE = _env("DOWNLOAD_WARNSIZE", 4 * 1024 * 1024)
# Retries of a request that timed out, lost its connection or got 500/502/503/504/522/524/408/429.
RETRY_TIMES = _env("RETRY_TIMES", 3)
# Links this many steps from the home page are not followed (a pager or calendar trap ends).
DEPTH_LIMIT = _env("DEPTH_LIMIT", 500)
# A run stops after fetching this many pages, whatever it finds (0: no cap).
CLOSESPIDER_PAGECOUNT = _env("CLOSESPIDER_PAGECOUNT", 20000)

# ---- Nothing listens on a port

# Scrapy's telnet console: off (an operator may turn it on deliberately).
TELNETCONSOLE_ENABLED = _env("TELNETCONSOLE_ENABLED", False)
# Scrapy's remote-control HTTP server, which runs code sent to it and writes a job file: off.
REMOTE_CONTROL_ENABLED = _env("REMOTE_CONTROL_ENABLED", False)

# ---- Logging

# Level of the crawl log (DEBUG, INFO, WARNING, ERROR).
LOG_LEVEL = _env("LOG_LEVEL", "INFO")
# File the crawl log goes to; empty means standard error.
LOG_FILE = _env("LOG_FILE", "") or None

# ---- State, outputs and checks

# Keep crawl state (output/state.sqlite3) and write the run's outputs from it; off only for tests
# of single pages (`scrapy check` turns it off itself).
SZPU_STATE_ENABLED = _env("SZPU_STATE_ENABLED", True)
# Least share of parsed articles that must have each field, or the run's check fails.
SZPU_MIN_COVERAGE = {"title": 0.95, "date_published": 0.95, "body_text": 0.95, "byline": 0.5}
# Coverage is judged only when a run parsed at least this many articles.
SZPU_COVERAGE_MIN_ARTICLES = _env("SZPU_COVERAGE_MIN_ARTICLES", 10)
# Largest drop in articles listed, against the previous run of the same mode, before a check fails.
SZPU_MAX_SEEN_DROP = _env("SZPU_MAX_SEEN_DROP", 0.5)
# Runs that try an article no run could fetch. After that many failed, incremental runs set it
# aside: a warning and the manifest's `set_aside` name it, it is no longer fetched and no longer
# fails the checks; a full run tries it again. 0: never set aside.
SZPU_RETRY_RUNS = _env("SZPU_RETRY_RUNS", 5)
# Write every exchange as WARC under output/warc/, download images and attachments into
# output/files/, and index and package the archive (CDXJ, WACZ) after each run.
SZPU_ARCHIVE_ENABLED = _env("SZPU_ARCHIVE_ENABLED", True)
# A WARC file is closed, and the next one begun, once it is this many bytes.
SZPU_WARC_MAX_SIZE = _env("SZPU_WARC_MAX_SIZE", 100 * 1024 * 1024)
# Sends every exchange to the WARC writer before any other middleware changes the response.
DOWNLOADER_MIDDLEWARES = {"szpu_crawler.archive.warc.WarcMiddleware": 950}
FEED_EXPORT_ENCODING = "utf-8"

# One concern each, in this order: normalisation, coverage, versions against the state,
# validation, then the durable capture of what is valid.
ITEM_PIPELINES = {
    "szpu_crawler.pipelines.breadcrumbs.BreadcrumbPipeline": 100,
    "szpu_crawler.pipelines.dates.DatePipeline": 200,
    "szpu_crawler.pipelines.bylines.BylinePipeline": 300,
    "szpu_crawler.pipelines.sources.SourcePipeline": 310,
    "szpu_crawler.pipelines.facts.FactPipeline": 400,
    "szpu_crawler.pipelines.coverage.FieldCoveragePipeline": 800,
    "szpu_crawler.pipelines.versions.VersionPipeline": 850,
    "szpu_crawler.archive.files.ArticleFilesPipeline": 870,
    "szpu_crawler.pipelines.validation.ValidationPipeline": 900,
    "szpu_crawler.pipelines.versions.CapturePipeline": 950,
}
# Run outputs, manifest and checks (RunRecorder); a warning when a bound stopped work.
EXTENSIONS = {
    "szpu_crawler.extensions.RunRecorder": 500,
    "szpu_crawler.extensions.BoundsReport": 510,
}
# Our `crawl` (run lock, exit status from the checks) and `check` (no state) commands.
COMMANDS_MODULE = "szpu_crawler.commands"
# `scrapy check news` contracts: `@site_url <path>` is a page of SZPU_BASE_URL.
SPIDER_CONTRACTS = {
    "szpu_crawler.contracts.SiteUrlContract": 10,
}
