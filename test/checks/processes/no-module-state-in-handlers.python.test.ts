import check from '../../../checks/processes/no-module-state-in-handlers/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a lookup table only read by handlers',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\nCOUNTRIES = {"fr": "France", "de": "Germany"}\n\n@app.get("/countries/<code>")\ndef country(code):\n    return COUNTRIES.get(code, "unknown")\n`,
    },
    {
      name: 'filled at start-up',
      filename: 'main.py',
      code: `from fastapi import FastAPI\napp = FastAPI()\nMODELS = {}\n\n@app.on_event("startup")\ndef load_models():\n    MODELS["default"] = load("model.bin")\n\n@app.get("/predict")\ndef predict(x: float):\n    return MODELS["default"].predict(x)\n`,
    },
    {
      name: 'a local copy',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\nDEFAULTS = ["a", "b"]\n\n@app.post("/items")\ndef items():\n    chosen = list(DEFAULTS)\n    chosen.append("c")\n    return {"items": chosen}\n`,
    },
    {
      name: 'a local of the same name',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\nresults = []\n\n@app.post("/run")\ndef run():\n    results = []\n    results.append(compute())\n    return {"results": results}\n`,
    },
    {
      name: 'a frozenset',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\nALLOWED = frozenset({"png", "jpg"})\n\n@app.post("/upload")\ndef upload():\n    return str(request.args["ext"] in ALLOWED)\n`,
    },
    {
      name: 'a class attribute',
      filename: 'views.py',
      code: `from flask.views import MethodView\n\nclass Counter(MethodView):\n    hits = {}\n\n    def get(self):\n        return "ok"\n`,
    },
    {
      name: 'lru_cache',
      filename: 'main.py',
      code: `from functools import lru_cache\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@lru_cache(maxsize=128)\ndef rates(currency):\n    return fetch_rates(currency)\n\n@app.get("/rates/{currency}")\ndef get_rates(currency: str):\n    return rates(currency)\n`,
    },
    {
      name: 'written by a function no handler calls',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\nREGISTRY = {}\n\ndef register(name, fn):\n    REGISTRY[name] = fn\n\n@app.get("/")\ndef index():\n    return "ok"\n`,
    },
    {
      name: 'per-request state on request.state',
      filename: 'main.py',
      code: `from fastapi import FastAPI, Request\napp = FastAPI()\n\n@app.get("/")\ndef index(request: Request):\n    request.state.user = "x"\n    return {}\n`,
    },
  ],
  invalid: [
    {
      name: 'an item write, reported at the declaration',
      filename: 'app.py',
      code: `from flask import Flask, request\napp = Flask(__name__)\nsessions = {}\n\n@app.post("/login")\ndef login():\n    sessions[request.form["user"]] = new_token()\n    return "ok"\n`,
      errors: [{ messageId: 'moduleState', line: 3, messageIncludes: '(line 7)' }],
    },
    {
      name: 'a mutating method through a same-module helper',
      filename: 'main.py',
      code: `from collections import defaultdict\nfrom fastapi import FastAPI\napp = FastAPI()\ncarts: dict[str, list] = defaultdict(list)\n\ndef add_to_cart(user, item):\n    carts[user].append(item)\n\n@app.post("/cart/{user}")\ndef add(user: str, item: str):\n    add_to_cart(user, item)\n    return {"ok": True}\n`,
      errors: [{ messageId: 'moduleState', line: 4, messageIncludes: '(line 7)' }],
    },
    {
      name: 'global rebinding',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\nrecent = []\n\n@app.post("/events")\ndef events():\n    global recent\n    recent = recent[-99:] + [request.json]\n    return "ok"\n`,
      errors: [{ messageId: 'moduleState', line: 3 }],
    },
    {
      name: 'a Counter updated by a Django view',
      filename: 'stats/views.py',
      code: `from collections import Counter\nfrom django.http import HttpResponse\nHITS = Counter()\n\ndef hit(request, page):\n    HITS[page] += 1\n    return HttpResponse(str(HITS[page]))\n\nurlpatterns = [path("hit/<page>/", hit)]\n`,
      errors: [{ messageId: 'moduleState', line: 3 }],
    },
    {
      name: 'a deque and a set() in one module',
      filename: 'app.py',
      code: `import collections\nfrom flask import Flask\napp = Flask(__name__)\nlatest = collections.deque(maxlen=50)\nseen = set()\n\n@app.post("/track")\ndef track():\n    latest.appendleft(request.json)\n    seen.add(request.remote_addr)\n    return "ok"\n`,
      errors: [
        { messageId: 'moduleState', line: 4 },
        { messageId: 'moduleState', line: 5 },
      ],
    },
    {
      name: 'a cachetools cache is a notice',
      filename: 'main.py',
      code: `from cachetools import TTLCache\nfrom fastapi import FastAPI\napp = FastAPI()\nprofiles = TTLCache(maxsize=1000, ttl=300)\n\n@app.get("/profile/{uid}")\ndef profile(uid: str):\n    if uid not in profiles:\n        profiles[uid] = load_profile(uid)\n    return profiles[uid]\n`,
      errors: [{ messageId: 'cachetools', line: 4, severity: 'notice' }],
    },
    {
      name: 'a WebSocket set is a notice',
      filename: 'main.py',
      code: `from fastapi import FastAPI, WebSocket\napp = FastAPI()\nconnections = set()\n\n@app.websocket("/ws")\nasync def feed(websocket: WebSocket):\n    await websocket.accept()\n    connections.add(websocket)\n`,
      errors: [{ messageId: 'websocketSet', line: 3, severity: 'notice' }],
    },
    {
      name: 'app.state written by a handler is a notice, at the write',
      filename: 'main.py',
      code: `from fastapi import FastAPI, Request\napp = FastAPI()\n\n@app.post("/hits")\ndef hits(request: Request):\n    request.app.state.hits += 1\n    return {}\n`,
      errors: [{ messageId: 'appState', line: 6, severity: 'notice' }],
    },
    {
      name: 'aiohttp app[…] written by a handler',
      filename: 'server.py',
      code: `from aiohttp import web\n\nasync def join(request):\n    request.app["members"].append(request.match_info["name"])\n    return web.Response(text="ok")\n\napp = web.Application()\napp.router.add_post("/join/{name}", join)\n`,
      errors: [{ messageId: 'appState', line: 4, severity: 'notice' }],
    },
  ],
});
