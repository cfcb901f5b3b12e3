"""Settings of szpu-crawler.

Each setting below has a safe default and a one-line doc. The `SZPU_*` settings, politeness,
log level and log file can also be set from the environment variable of the same name; `-s
NAME=value` on the command line wins over both.
"""

from __future__ import annotations

import os

from szpu_crawler import __version__
from szpu_crawler.site import DEFAULT_BASE_URL


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def _env_flag(name: str, default: bool) -> bool:
    return _env(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


BOT_NAME = "szpu_crawler"
SPIDER_MODULES = ["szpu_crawler.spiders"]
NEWSPIDER_MODULE = "szpu_crawler.spiders"

# ---- What to crawl and where to write
# Home page the crawl starts from; the same spider crawls the bundled mirror when this points at it.
SZPU_BASE_URL = _env("SZPU_BASE_URL", DEFAULT_BASE_URL)
# Folder that every output file of a run is written under.
SZPU_OUTPUT_DIR = _env("SZPU_OUTPUT_DIR", "output")
# Where the site's operators can read what this crawler is and how to reach its maintainers.
SZPU_CONTACT_URL = _env("SZPU_CONTACT_URL", "https://github.com/szpu-crawler/szpu-crawler")

# Names the project and its contact URL, so the site can tell who is calling.
USER_AGENT = f"szpu-crawler/{__version__} (+{SZPU_CONTACT_URL})"
# The site's robots.txt is obeyed.
ROBOTSTXT_OBEY = True

# ---- Politeness
# At most this many requests to the site at once.
CONCURRENT_REQUESTS_PER_DOMAIN = int(_env("CONCURRENT_REQUESTS_PER_DOMAIN", "2"))
# Seconds between two requests to the site (AutoThrottle raises it when the site slows down).
DOWNLOAD_DELAY = float(_env("DOWNLOAD_DELAY", "1.0"))
# Adapt the delay to the site's response times.
AUTOTHROTTLE_ENABLED = _env_flag("AUTOTHROTTLE_ENABLED", True)
# First delay AutoThrottle uses, in seconds.
AUTOTHROTTLE_START_DELAY = 1.0
# Longest delay AutoThrottle may choose, in seconds.
AUTOTHROTTLE_MAX_DELAY = 30.0
# Requests AutoThrottle aims to have in flight to the site on average.
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# ---- Bounded work
# Seconds before a request is given up (and retried).
DOWNLOAD_TIMEOUT = 30
# News pages are small: refuse anything over 16 MiB, warn over 4 MiB.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# Retries of a failed request (timeouts, connection errors, 5xx, 429) before it is logged as lost.
RETRY_TIMES = 3

# ---- Nothing listens on a port
# Scrapy's telnet console: off (an operator may turn it on deliberately).
TELNETCONSOLE_ENABLED = False
# Scrapy's remote-control HTTP server, which runs code sent to it: off.
REMOTE_CONTROL_ENABLED = False

# ---- Logging
# Level of the crawl log (DEBUG, INFO, WARNING, ERROR).
LOG_LEVEL = _env("LOG_LEVEL", "INFO")
# File the crawl log goes to; empty means standard error.
LOG_FILE = _env("LOG_FILE", "") or None

# ---- Output
FEED_EXPORT_ENCODING = "utf-8"
# Feed written when the command line names none (`-o`/`-O` replace it): one JSON object per
# line, UTF-8 kept as is; `%(output_dir)s` is SZPU_OUTPUT_DIR.
SZPU_DEFAULT_FEEDS = {
    "%(output_dir)s/articles.jsonl": {"format": "jsonlines", "encoding": "utf8", "overwrite": True},
}

# One concern each, in this order; validation last, so only valid records reach the feed.
ITEM_PIPELINES = {
    "szpu_crawler.pipelines.breadcrumbs.BreadcrumbPipeline": 100,
    "szpu_crawler.pipelines.dates.DatePipeline": 200,
    "szpu_crawler.pipelines.bylines.BylinePipeline": 300,
    "szpu_crawler.pipelines.sources.SourcePipeline": 310,
    "szpu_crawler.pipelines.coverage.FieldCoveragePipeline": 800,
    "szpu_crawler.pipelines.validation.ValidationPipeline": 900,
}
