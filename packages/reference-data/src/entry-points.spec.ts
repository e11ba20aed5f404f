import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir } from './package-dir';

/** Every module reachable from a source file through relative imports, with its import specifiers. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]!);
    graph.set(file, specifiers);
    for (const specifier of specifiers) if (specifier.startsWith('.')) visit(join(file, '..', `${specifier}.ts`));
  };
  visit(entry);
  return graph;
}

describe('entry points', () => {
  it('keeps the browser entry point free of Node built-ins, so the portal can import it', () => {
    const graph = moduleGraph(join(__dirname, 'index.ts'));
    const nodeImports = [...graph].flatMap(([file, specifiers]) =>
      specifiers
        .filter((specifier) => specifier.startsWith('node:') || ['fs', 'path', 'module', 'os'].includes(specifier))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(nodeImports).toEqual([]);
    const files = [...graph.keys()].map((file) => file.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['text-search.ts', 'csv.ts', 'qpv-file.parser.ts', 'rome.catalog.ts', 'commune.catalog.ts']));
    expect(files).not.toContain('rome.loader.ts');
    expect(files).not.toContain('commune.loader.ts');
  });

  it('publishes the browser entry point as the package and the loaders as « /node »', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8'));
    expect(manifest.main).toBe('src/index.ts');
    // Sources by default (tests, the portal's build, TypeScript); the start script's `compiled` condition runs dist/.
    expect(manifest.exports['.']).toEqual({ compiled: './dist/index.js', default: './src/index.ts' });
    expect(manifest.exports['./node']).toEqual({ compiled: './dist/node.js', default: './src/node.ts' });
  });

  it('offers the loaders and the browser-safe API from « /node »', async () => {
    const node = await import('./node');
    for (const name of [
      'getTrade',
      'isTradeCode',
      'searchTrades',
      'getTradeSheet',
      'closeTradesOf',
      'romeVersion',
      'getCommune',
      'isCommuneCode',
      'searchCommunes',
      'communesOfDepartement',
      'parseQpvFile',
      'esfGroupOf',
      'foldText',
    ]) {
      expect(node, name).toHaveProperty(name);
    }
  });
});
