"""Unsaved drafts, by author, kept in Redis so that every worker sees the same draft."""
from notes.cache import client

DRAFT_TTL_SECONDS = 7 * 24 * 3600


def save_draft(author, text):
    client.setex(f"draft:{author}", DRAFT_TTL_SECONDS, text)


def draft_of(author):
    return (client.get(f"draft:{author}") or b"").decode()
