"""Scrapy commands of the project: `crawl` with a run lock and an honest exit status."""
