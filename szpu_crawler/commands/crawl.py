"""`scrapy crawl`: one run at a time per output folder, and a non-zero exit when a check fails.

Scrapy exits 0 whatever happened in the crawl; a scheduled run must say when something went wrong.
Exit status: 0 all checks passed; 1 a check failed (see the log's `Check failed:` lines) or the
crawl could not start; 75 another run holds the lock (try again later).
"""

from __future__ import annotations

import argparse
import fcntl
import logging
import os
from pathlib import Path

from scrapy.commands import crawl
from scrapy.exceptions import UsageError

logger = logging.getLogger(__name__)

LOCK_FILE = "run.lock"
EXIT_CHECK_FAILED = 1
EXIT_LOCKED = 75  # EX_TEMPFAIL


class Command(crawl.Command):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider: scrapy crawl news")
        output_dir = Path(self.settings["SZPU_OUTPUT_DIR"])
        output_dir.mkdir(parents=True, exist_ok=True)
        with open(output_dir / LOCK_FILE, "a+") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.seek(0)
                logger.error(
                    "Another crawl is running on %s (lock %s held by process %s); exiting",
                    output_dir, lock.name, lock.read().strip() or "?",
                )  # fmt: skip
                self.exitcode = EXIT_LOCKED
                return
            lock.truncate(0)
            lock.write(str(os.getpid()))
            lock.flush()
            crawler = self._create_crawler(args[0])
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        if self.crawler_process.bootstrap_failed or crawler.stats.get_value("szpu/checks/failed"):
            self.exitcode = EXIT_CHECK_FAILED
