"""sitemap.xml (placeholder; filled in by the findability work)."""

SITEMAPS: dict = {}
