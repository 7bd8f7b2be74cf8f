"""A read-through cache of rendered notes."""
import json
import os

import redis

client = redis.Redis.from_url(os.environ["REDIS_URL"])
TTL_SECONDS = 300


def cached_note(note_id, load):
    key = f"note:{note_id}"
    hit = client.get(key)
    if hit is not None:
        return json.loads(hit)
    note = load(note_id)
    client.setex(key, TTL_SECONDS, json.dumps(note))
    return note
