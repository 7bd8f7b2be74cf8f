"""Receives the payment provider's webhooks and queues them: python -m worker.webhooks"""
import os

from aiohttp import web

from worker.tasks import record_event


async def receive(request):
    event = await request.json()
    record_event.delay(event)
    return web.json_response({"received": True})


app = web.Application()
app.add_routes([web.post("/webhooks/payments", receive)])

if __name__ == "__main__":
    web.run_app(app, host="0.0.0.0", port=int(os.environ.get("PORT", 8081)))
