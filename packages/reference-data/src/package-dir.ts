import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where this package lives on disk, to find its data files. Node-only.
 *
 * The package runs as CommonJS: compiled to dist/ (the API in production), under
 * @swc-node/register (the import command) or in vitest, all of which provide `__dirname`.
 * `import.meta` is avoided on purpose: it is a syntax error once compiled to CommonJS. A caller
 * elsewhere (a bundle, native ESM) passes its own folder.
 */
export function packageDir(): string {
  if (typeof __dirname === 'undefined') {
    throw new Error('@jalon/reference-data: cannot locate its data folder here (no __dirname); pass a dataDir explicitly.');
  }
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`@jalon/reference-data: no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** The folder holding the ROME CSV files and PROVENANCE.md. */
export function defaultRomeDataDir(): string {
  return join(packageDir(), 'data', 'rome');
}
