"""A local mirror of the site, written in its CMS's style, for offline crawls and tests."""
