// Compiles the API and the workspace packages it runs on to CommonJS in each package's dist/, so
// that production runs plain JavaScript. Run from sources, every process would also load
// @swc-node/register, which loads TypeScript (about 100 MB of memory) and keeps each module's
// source map inline in its code. Types are checked by `pnpm typecheck`, not here: this only
// transpiles, with the options @swc-node/register derives from tsconfig.base.json, so the
// compiled code behaves as the code the tests run. Non-TypeScript files (SQL, CSV) are copied.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformFile } from '@swc/core';

const root = resolve(import.meta.dirname, '../../..');
const PACKAGES = ['apps/api', 'packages/domain', 'packages/reference-data'];
/** Tests and their data stay out of what production runs. */
const LEFT_OUT = /(\.spec\.ts|-spec\.ts)$|(^|\/)(__fixtures__|testdata)(\/|$)/;

const options = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
  swcrc: false,
};

async function compilePackage(dir) {
  const src = join(root, dir, 'src');
  const dist = join(root, dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  let compiled = 0;
  await Promise.all(
    files.map(async (entry) => {
      const from = join(entry.parentPath, entry.name);
      const path = relative(src, from);
      if (LEFT_OUT.test(path)) return;
      const to = join(dist, path);
      mkdirSync(dirname(to), { recursive: true });
      if (!path.endsWith('.ts')) return copyFileSync(from, to);
      const js = to.replace(/\.ts$/, '.js');
      const output = await transformFile(from, { ...options, filename: from, sourceFileName: relative(dirname(js), from) });
      writeFileSync(js, `${output.code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
      writeFileSync(`${js}.map`, output.map);
      compiled++;
    }),
  );
  console.log(`${dir}: ${compiled} modules compiled to dist/`);
}

for (const dir of PACKAGES) await compilePackage(dir);
