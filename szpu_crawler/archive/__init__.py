"""Offline copies for archivists: WARC files of every exchange, the files of each article, and a
CDXJ index and WACZ package written after each run."""
