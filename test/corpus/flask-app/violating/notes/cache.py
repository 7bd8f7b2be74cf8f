"""A read-through cache of rendered notes."""
import json

import redis

client = redis.Redis(host="cache.internal", port=6379, db=0)
TTL_SECONDS = 300


def cached_note(note_id, load):
    key = f"note:{note_id}"
    hit = client.get(key)
    if hit is not None:
        return json.loads(hit)
    note = load(note_id)
    client.setex(key, TTL_SECONDS, json.dumps(note))
    return note
