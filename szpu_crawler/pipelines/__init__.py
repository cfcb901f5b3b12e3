"""Item pipelines: one concern each, counting their outcomes in the crawl stats."""
