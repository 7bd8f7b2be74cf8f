"""Field limits: a lookup table the views only read."""

MAX_LENGTHS = {"title": 200, "body": 20_000}


def too_long(field, value):
    return len(value) > MAX_LENGTHS[field]
