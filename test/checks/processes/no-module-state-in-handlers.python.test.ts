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
    {
      name: 'a store function that only reads, called from a view',
      filename: 'app/store.py',
      code: `PRICES = {"basic": 5, "pro": 20}\n\n\ndef price_of(plan):\n    return PRICES.get(plan)\n`,
      files: { 'app/views.py': `from flask import Blueprint\nfrom app.store import price_of\nbp = Blueprint("prices", __name__)\n\n@bp.get("/price/<plan>")\ndef price(plan):\n    return {"price": price_of(plan)}\n` },
    },
    {
      name: 'a bounded cachetools TTLCache written through a helper of another module',
      filename: 'app/cache.py',
      code: `from cachetools import TTLCache\nRENDERED = TTLCache(maxsize=500, ttl=60)\n\n\ndef remember(slug, html):\n    RENDERED[slug] = html\n`,
      files: { 'app/views.py': `from flask import Blueprint\nfrom .cache import remember\nbp = Blueprint("pages", __name__)\n\n@bp.get("/page/<slug>")\ndef page(slug):\n    remember(slug, render(slug))\n    return "ok"\n` },
    },
    {
      name: 'a writing function called only at start-up',
      filename: 'app/registry.py',
      code: `PLUGINS = {}\n\n\ndef register(name, plugin):\n    PLUGINS[name] = plugin\n\n\ndef plugin_named(name):\n    return PLUGINS[name]\n`,
      files: {
        'app/__init__.py': `from flask import Flask\nfrom app import registry\n\n\ndef create_app():\n    app = Flask(__name__)\n    registry.register("csv", object())\n    return app\n`,
        'app/views.py': `from flask import Blueprint\nfrom app.registry import plugin_named\nbp = Blueprint("export", __name__)\n\n@bp.get("/export/<kind>")\ndef export(kind):\n    return plugin_named(kind).run()\n`,
      },
    },
    {
      name: 'a dict local to the helper a view calls',
      filename: 'app/stats.py',
      code: `def count_words(text):\n    counts = {}\n    for word in text.split():\n        counts[word] = counts.get(word, 0) + 1\n    return counts\n`,
      files: { 'app/views.py': `from fastapi import APIRouter\nfrom app.stats import count_words\nrouter = APIRouter()\n\n@router.post("/count")\ndef count(text: str):\n    return count_words(text)\n` },
    },
    {
      name: 'the writing helper is called from a view in a test module only',
      filename: 'app/store.py',
      code: `SEEN = set()\n\n\ndef mark(item_id):\n    SEEN.add(item_id)\n`,
      files: { 'tests/test_views.py': `from flask import Flask\nfrom app.store import mark\napp = Flask(__name__)\n\n@app.post("/mark")\ndef view():\n    mark("x")\n    return ""\n` },
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
    {
      name: 'a Flask view writes a module dict through a function of another module',
      filename: 'app/store.py',
      code: `CARTS = {}\n\n\ndef put(user_id, item):\n    CARTS.setdefault(user_id, []).append(item)\n\n\ndef get(user_id):\n    return CARTS.get(user_id, [])\n`,
      files: { 'app/views.py': `from flask import Blueprint, request\nfrom app import store\nbp = Blueprint("cart", __name__)\n\n@bp.post("/cart")\ndef add_to_cart():\n    store.put(request.json["user"], request.json["item"])\n    return "", 204\n` },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, messageIncludes: 'put(), which a request handler calls (app/views.py, line 7)' }],
    },
    {
      name: 'a FastAPI route, a relative import and a helper two modules away',
      filename: 'src/service/sessions.py',
      code: `from collections import defaultdict\n\nACTIVE = defaultdict(list)\n\n\ndef _remember(user, token):\n    ACTIVE[user].append(token)\n\n\ndef open_session(user, token):\n    _remember(user, token)\n`,
      files: {
        'src/service/auth.py': `from .sessions import open_session\n\n\ndef login(user, password):\n    token = check(user, password)\n    open_session(user, token)\n    return token\n`,
        'src/api/routes.py': `from fastapi import APIRouter\nfrom service import auth\nrouter = APIRouter()\n\n@router.post("/login")\nasync def login(user: str, password: str):\n    return {"token": auth.login(user, password)}\n`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 3, messageIncludes: 'open_session(), which a request handler calls (src/api/routes.py, line 7)' }],
    },
    {
      name: 'a method of a module-level store instance, called from a Django REST view',
      filename: 'shop/store.py',
      code: `_ORDERS = []\n\n\nclass OrderStore:\n    def add(self, order):\n        _ORDERS.append(order)\n\n\norders = OrderStore()\n`,
      files: { 'shop/views.py': `from rest_framework.views import APIView\nfrom rest_framework.response import Response\nfrom shop.store import orders\n\n\nclass OrderView(APIView):\n    def post(self, request):\n        orders.add(request.data)\n        return Response(status=201)\n` },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, messageIncludes: 'orders.add(), which a request handler calls (shop/views.py, line 8)' }],
    },
  ],
});
