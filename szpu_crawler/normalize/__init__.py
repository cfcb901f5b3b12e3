"""Pure normalisation: plain strings in, plain data out. No Scrapy here."""
