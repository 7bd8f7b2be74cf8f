import type { GeneratedFile } from './generate-repo.ts';
import { pickSome, pickWeighted, seededRandom, type SeededRandom } from './seeded-random.ts';

export interface GeneratePythonRepoOptions {
  /** How many `.py` files; the manifests (requirements, pyproject, Procfile, Dockerfile) come on top. */
  pythonFiles: number;
  seed: number;
}

/**
 * Generates a synthetic Python service repository: Flask blueprints, FastAPI routers, Django
 * views and models, settings modules, Celery tasks, services and pytest files, averaging about
 * 115 lines a file, with a few twelve-factor violations and a few obviously placeholder
 * secrets. Deterministic like generateRepo: file N depends only on the seed and N.
 */
export function generatePythonRepo(options: GeneratePythonRepoOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  // Another stream than the JS generator's, so a mixed repository does not mirror its halves.
  for (let index = 0; index < options.pythonFiles; index++) files.push(generateFile(options.seed, index));
  files.push(...manifests());
  return files;
}

type Role = 'flask' | 'fastapi' | 'django-views' | 'django-models' | 'settings' | 'tasks' | 'service' | 'test';

const ROLE_WEIGHTS: readonly (readonly [Role, number])[] = [
  ['flask', 16],
  ['fastapi', 14],
  ['django-views', 12],
  ['django-models', 8],
  ['settings', 5],
  ['tasks', 10],
  ['service', 23],
  ['test', 12],
];

const ENTITIES = [
  'user', 'order', 'invoice', 'product', 'customer', 'payment', 'shipment', 'account', 'report',
  'cart', 'review', 'ticket', 'subscription', 'notification', 'coupon', 'vendor', 'refund', 'booking',
] as const;

const FIELDS: readonly (readonly [string, string, string])[] = [
  ['name', 'str', '"untitled"'],
  ['email', 'str', '""'],
  ['status', 'str', '"pending"'],
  ['amount_cents', 'int', '0'],
  ['currency', 'str', '"EUR"'],
  ['quantity', 'int', '1'],
  ['notes', 'str', '""'],
  ['archived', 'bool', 'False'],
  ['region', 'str', '"eu-west"'],
  ['owner_id', 'str', '""'],
  ['version', 'int', '1'],
];

interface Names {
  entity: string;
  Entity: string;
  plural: string;
  index: number;
  fields: readonly (readonly [string, string, string])[];
}

/** Roughly 1 file in 30 gets a violation and 1 in 60 a placeholder credential, as in generateRepo. */
const VIOLATION_RATE = 1 / 30;
const PLACEHOLDER_SECRET_RATE = 1 / 60;

function generateFile(seed: number, index: number): GeneratedFile {
  const rng = seededRandom(seed ^ 0x5eed_0f9a, index);
  const role = pickWeighted(rng, ROLE_WEIGHTS);
  const entity = rng.pick(ENTITIES);
  const names: Names = { entity, Entity: pascal(entity), plural: `${entity}s`, index, fields: pickSome(rng, FIELDS, 4, 8) };
  const folder = `group_${Math.floor(index / 40)}`;
  const stem = `${entity}_${index}`;
  const extras = sprinkle(rng);
  const body = ROLE_WRITERS[role](rng, names);
  const content = finish([...extras.imports, ...body, '', ...extras.body]);
  switch (role) {
    case 'flask':
      return { path: `web/${folder}/${stem}_views.py`, content };
    case 'fastapi':
      return { path: `api/${folder}/${stem}_router.py`, content };
    case 'django-views':
      return { path: `shop/${folder}/${stem}_views.py`, content };
    case 'django-models':
      return { path: `shop/${folder}/${stem}_models.py`, content };
    case 'settings':
      return { path: `config/${folder}/${stem}_settings.py`, content };
    case 'tasks':
      return { path: `workers/${folder}/${stem}_tasks.py`, content };
    case 'service':
      return { path: `services/${folder}/${stem}.py`, content };
    case 'test':
      return { path: `tests/${folder}/test_${stem}.py`, content };
  }
}

interface Extras {
  imports: string[];
  body: string[];
}

function sprinkle(rng: SeededRandom): Extras {
  const extras: Extras = { imports: [], body: [] };
  if (rng.chance(VIOLATION_RATE)) {
    switch (rng.int(0, 3)) {
      case 0:
        extras.imports.push('from flask import Flask');
        extras.body.push('standalone = Flask(__name__)', '', 'if __name__ == "__main__":', '    standalone.run(host="0.0.0.0", port=5000)');
        break;
      case 1:
        extras.imports.push('import logging');
        extras.body.push('audit_log = logging.getLogger("audit")', 'audit_log.addHandler(logging.FileHandler("/var/log/app/audit.log"))');
        break;
      case 2:
        extras.imports.push('import redis');
        extras.body.push('cache = redis.Redis(host="localhost", port=6379, db=0)');
        break;
      default:
        extras.imports.push('import os');
        extras.body.push('DATABASE_URL = os.getenv("DATABASE_URL", "postgres://app@localhost/app")');
    }
  }
  if (rng.chance(PLACEHOLDER_SECRET_RATE)) {
    switch (rng.int(0, 2)) {
      case 0:
        // The AWS documentation's example key id: obviously not a live credential.
        extras.body.push('AWS_DEFAULTS = {"region": "eu-west-1", "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE"}');
        break;
      case 1:
        extras.imports.push('import os');
        extras.body.push('PAYMENT_API_KEY = os.environ.get("PAYMENT_API_KEY", "your-api-key")');
        break;
      default:
        extras.body.push('LOCAL_DATABASE = {"user": "app", "password": "changeme", "host": "db"}');
    }
  }
  return extras;
}

type Writer = (rng: SeededRandom, n: Names) => string[];

const ROLE_WRITERS: Readonly<Record<Role, Writer>> = {
  flask: (rng, n) => {
    const lines = [
      'from flask import Blueprint, abort, jsonify, request',
      '',
      `from services.${n.entity} import ${n.Entity}Service`,
      '',
      `bp = Blueprint("${n.plural}_${n.index}", __name__, url_prefix="/${n.plural}")`,
      `service = ${n.Entity}Service()`,
      '',
    ];
    for (let h = 0; h < rng.int(10, 16); h++) {
      const verb = rng.pick(['get', 'post', 'put', 'delete'] as const);
      lines.push(
        `@bp.${verb}("/<int:item_id>/v${h}")`,
        `def ${verb}_${n.entity}_${h}(item_id):`,
        `    item = service.get(item_id)`,
        '    if item is None:',
        '        abort(404)',
        ...(verb === 'get'
          ? ['    return jsonify(item)']
          : verb === 'delete'
            ? ['    service.remove(item_id)', '    return "", 204']
            : ['    payload = request.get_json(force=True) or {}', `    updated = service.update(item_id, {k: v for k, v in payload.items() if k in ${JSON.stringify(n.fields.map(([f]) => f))}})`, `    return jsonify(updated), ${verb === 'post' ? 201 : 200}`]),
        '',
        '',
      );
    }
    return lines;
  },
  fastapi: (rng, n) => {
    const lines = [
      'from fastapi import APIRouter, Depends, HTTPException',
      'from pydantic import BaseModel',
      '',
      `from services.${n.entity} import ${n.Entity}Service`,
      '',
      `router = APIRouter(prefix="/${n.plural}", tags=["${n.plural}"])`,
      '',
      '',
      `class ${n.Entity}In(BaseModel):`,
      ...n.fields.map(([field, type, fallback]) => `    ${field}: ${type} = ${fallback}`),
      '',
      '',
      `def get_service() -> ${n.Entity}Service:`,
      `    return ${n.Entity}Service()`,
      '',
      '',
    ];
    for (let h = 0; h < rng.int(10, 16); h++) {
      const verb = rng.pick(['get', 'post', 'put', 'delete'] as const);
      lines.push(
        `@router.${verb}("/{item_id}/v${h}")`,
        `async def ${verb}_${n.entity}_${h}(item_id: int${verb === 'post' || verb === 'put' ? `, body: ${n.Entity}In` : ''}, service: ${n.Entity}Service = Depends(get_service)):`,
        '    item = service.get(item_id)',
        '    if item is None:',
        `        raise HTTPException(status_code=404, detail="${n.entity} not found")`,
        verb === 'post' || verb === 'put' ? '    return service.update(item_id, body.model_dump())' : verb === 'delete' ? '    service.remove(item_id)\n    return {"deleted": item_id}' : '    return item',
        '',
        '',
      );
    }
    return lines;
  },
  'django-views': (rng, n) => {
    const lines = [
      'from django.http import JsonResponse',
      'from django.shortcuts import get_object_or_404',
      'from django.views import View',
      '',
      `from shop.models import ${n.Entity}`,
      '',
      '',
    ];
    for (let h = 0; h < rng.int(8, 12); h++) {
      lines.push(
        `class ${n.Entity}View${h}(View):`,
        '    def get(self, request, pk):',
        `        item = get_object_or_404(${n.Entity}, pk=pk)`,
        `        return JsonResponse({${n.fields.map(([field]) => `"${field}": item.${field}`).join(', ')}})`,
        '',
        '    def delete(self, request, pk):',
        `        get_object_or_404(${n.Entity}, pk=pk).delete()`,
        '        return JsonResponse({"deleted": pk}, status=204)',
        '',
        '',
      );
    }
    return lines;
  },
  'django-models': (rng, n) => {
    const lines = ['from django.db import models', '', ''];
    for (let m = 0; m < rng.int(6, 9); m++) {
      lines.push(
        `class ${n.Entity}${m}(models.Model):`,
        ...n.fields.map(([field, type, fallback]) =>
          type === 'int' ? `    ${field} = models.IntegerField(default=${fallback})` : type === 'bool' ? `    ${field} = models.BooleanField(default=${fallback})` : `    ${field} = models.CharField(max_length=200, default=${fallback})`,
        ),
        '    created_at = models.DateTimeField(auto_now_add=True)',
        '',
        '    class Meta:',
        `        ordering = ["-created_at"]`,
        '',
        '    def __str__(self):',
        `        return f"${n.entity} {self.pk}"`,
        '',
        '',
      );
    }
    return lines;
  },
  settings: (rng, n) => [
    'import os',
    'from pathlib import Path',
    '',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
    'SECRET_KEY = os.environ["SECRET_KEY"]',
    'DEBUG = os.environ.get("DEBUG") == "1"',
    'ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")',
    `CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "${n.plural}")`,
    'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": os.environ["DB_NAME"], "HOST": os.environ["DB_HOST"]}}',
    'CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}',
    'LOGGING = {',
    '    "version": 1,',
    '    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},',
    '    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},',
    '}',
    ...Array.from({ length: rng.int(50, 80) }, (_, s) => `${n.Entity.toUpperCase()}_LIMIT_${s} = int(os.environ.get("${n.Entity.toUpperCase()}_LIMIT_${s}", "${rng.int(1, 500)}"))`),
  ],
  tasks: (rng, n) => {
    const lines = ['import logging', '', 'from celery import shared_task', '', `from services.${n.entity} import ${n.Entity}Service`, '', 'logger = logging.getLogger(__name__)', '', ''];
    for (let t = 0; t < rng.int(9, 14); t++) {
      lines.push(
        `@shared_task(bind=True, max_retries=${rng.int(1, 5)})`,
        `def process_${n.entity}_${t}(self, item_id):`,
        `    service = ${n.Entity}Service()`,
        '    item = service.get(item_id)',
        '    if item is None:',
        `        logger.warning("${n.entity} %s vanished", item_id)`,
        '        return None',
        '    try:',
        `        return service.update(item_id, {"${n.fields[0]![0]}": item.get("${n.fields[0]![0]}")})`,
        '    except ConnectionError as error:',
        '        raise self.retry(exc=error, countdown=30)',
        '',
        '',
      );
    }
    return lines;
  },
  service: (rng, n) => {
    const lines = [
      'import dataclasses',
      'import logging',
      'from typing import Optional',
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      '@dataclasses.dataclass',
      `class ${n.Entity}:`,
      '    id: int',
      ...n.fields.map(([field, type, fallback]) => `    ${field}: ${type} = ${fallback}`),
      '',
      '',
      `class ${n.Entity}Service:`,
      '    def __init__(self, repository=None):',
      '        self.repository = repository',
      '        self.cache = {}',
      '',
      `    def get(self, item_id) -> Optional[dict]:`,
      '        if item_id in self.cache:',
      '            return self.cache[item_id]',
      '        row = self.repository.fetch(item_id) if self.repository else None',
      '        if row is not None:',
      '            self.cache[item_id] = row',
      '        return row',
      '',
      '    def update(self, item_id, changes):',
      '        current = self.get(item_id) or {}',
      '        merged = {**current, **changes, "id": item_id}',
      '        self.cache[item_id] = merged',
      '        return merged',
      '',
      '    def remove(self, item_id):',
      '        self.cache.pop(item_id, None)',
      '',
    ];
    for (let m = 0; m < rng.int(12, 20); m++) {
      const [field] = rng.pick(n.fields);
      lines.push(
        `    def find_by_${field}_${m}(self, value, limit=${rng.int(10, 100)}):`,
        `        found = [item for item in self.cache.values() if item.get("${field}") == value]`,
        `        logger.debug("lookup by ${field}: %d", len(found))`,
        '        return found[:limit]',
        '',
      );
    }
    return lines;
  },
  test: (rng, n) => {
    const lines = ['import pytest', '', `from services.${n.entity} import ${n.Entity}Service`, '', '', '@pytest.fixture()', 'def service():', `    return ${n.Entity}Service()`, '', ''];
    for (let c = 0; c < rng.int(16, 24); c++) {
      const [field, , fallback] = rng.pick(n.fields);
      lines.push(
        `def test_update_keeps_${field}_${c}(service):`,
        `    updated = service.update(${c}, {"${field}": ${fallback}})`,
        `    assert updated["${field}"] == ${fallback}`,
        `    assert service.get(${c}) == updated`,
        '',
        '',
      );
    }
    return lines;
  },
};

function manifests(): GeneratedFile[] {
  return [
    { path: 'requirements.txt', content: 'Django==5.0.7\nFlask==3.0.3\nfastapi==0.111.1\ncelery[redis]==5.4.0\nredis==5.0.7\ngunicorn==22.0.0\nuvicorn==0.30.3\n' },
    { path: 'requirements-dev.txt', content: '-r requirements.txt\npytest==8.2.2\n' },
    { path: 'Procfile', content: 'web: gunicorn web.app:app\nworker: celery -A workers.app worker\n' },
    { path: 'Dockerfile', content: 'FROM python:3.12.7-slim\nWORKDIR /srv\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "web.app:app"]\n' },
  ];
}

function finish(lines: readonly string[]): string {
  return `${lines.join('\n').replace(/\n{4,}/g, '\n\n\n').trim()}\n`;
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
