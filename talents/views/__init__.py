"""Talent pages, one module per area: profile, contacts (anonymous cards and contact requests),
applications (with CVs), saved (bookmarks and searches), gdpr (export and erasure)."""
