"""Unsaved drafts, by author."""

DRAFTS = {}


def save_draft(author, text):
    DRAFTS[author] = text


def draft_of(author):
    return DRAFTS.get(author, "")
