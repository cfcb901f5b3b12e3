"""`scrapy check`: contracts run on single pages and must not touch the crawl state or outputs."""

from __future__ import annotations

import argparse

from scrapy.commands import check


class Command(check.Command):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        self.settings.set("SZPU_STATE_ENABLED", False, priority="cmdline")
