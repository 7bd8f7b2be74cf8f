import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { exportedFunctions } from '../../src/languages/javascript/exported-functions.ts';
import { loadTsMorph } from '../../src/languages/javascript/lazy-ts-morph.ts';
import { resolveRelativeScript } from '../../src/languages/javascript/relative-module.ts';
import { ScriptParser } from '../../src/languages/javascript/script-parser.ts';
import { moduleFile } from '../../src/languages/python/module-file.ts';

describe('Python module files', () => {
  const repo = new MemoryRepository({
    'src/app/__init__.py': '',
    'src/app/store.py': '',
    'src/app/api/views.py': '',
    'src/app/services/__init__.py': '',
    'settings.py': '',
  });

  it('finds an absolute module from the importing file upwards (a src/ root needs no configuration)', () => {
    expect(moduleFile(repo, 'src/app/api/views.py', 'app.store')).toBe('src/app/store.py');
    expect(moduleFile(repo, 'src/app/api/views.py', 'app.services')).toBe('src/app/services/__init__.py');
    expect(moduleFile(repo, 'src/app/api/views.py', 'settings')).toBe('settings.py');
  });

  it('resolves relative imports by their level, and not above the repository root', () => {
    expect(moduleFile(repo, 'src/app/api/views.py', '..store')).toBe('src/app/store.py');
    expect(moduleFile(repo, 'src/app/store.py', '.')).toBe('src/app/__init__.py');
    expect(moduleFile(repo, 'settings.py', '..app')).toBeUndefined();
  });

  it('leaves the standard library and installed packages alone', () => {
    expect(moduleFile(repo, 'src/app/store.py', 'json')).toBeUndefined();
    expect(moduleFile(repo, 'src/app/store.py', 'flask.views')).toBeUndefined();
  });
});

describe('JS/TS relative modules and exports', () => {
  beforeAll(loadTsMorph);

  it('resolves the emitted name of a TypeScript source and a directory index', () => {
    const repo = new MemoryRepository({ 'src/store.ts': '', 'src/lib/index.js': '' });
    expect(resolveRelativeScript(repo, 'src/routes/cart.ts', '../store.js')).toBe('src/store.ts');
    expect(resolveRelativeScript(repo, 'src/app.ts', './lib')).toBe('src/lib/index.js');
    expect(resolveRelativeScript(repo, 'src/app.ts', 'lodash')).toBeUndefined();
  });

  it('names exported functions the way callers reach them', () => {
    const source = new ScriptParser().parse(
      'src/store.ts',
      [
        'function put() {}',
        'class Store { add() {} static create() {} }',
        'export { put as save };',
        'export const store = new Store();',
        'export class CartService { add() {} }',
        'export default { list() {} };',
        'exports.legacy = () => {};',
      ].join('\n'),
    );
    expect([...exportedFunctions(source).keys()].sort()).toEqual(['CartService#add', 'default.legacy', 'default.list', 'legacy', 'save', 'store.add']);
  });
});
