import fs from 'node:fs';
import path from 'node:path';

/**
 * Row-level security as it is today, one file per SQL function and one per table (README.md in
 * that folder). Read from the source tree at run time: the API runs from its TypeScript sources
 * (swc in `pnpm start` and `pnpm dev`, Vitest in tests), so the folder sits next to this module.
 */
export const RLS_DIR = path.resolve(__dirname, 'rls');

export interface RlsFile {
  /** The function or table the file defines, from its file name. */
  name: string;
  sql: string;
}

function readFolder(folder: 'functions' | 'tables'): RlsFile[] {
  const dir = path.join(RLS_DIR, folder);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.sql'.length), sql: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

export const readRlsFunctions = (): RlsFile[] => readFolder('functions');
export const readRlsTables = (): RlsFile[] => readFolder('tables');

/**
 * A file's statements one by one (the embedded driver runs one statement per query): a statement
 * ends with a line ending in `;` outside a `$$` function body; `--` comment lines are dropped.
 */
export function sqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (!inBody && current.length === 0 && (line.trim() === '' || line.trim().startsWith('--'))) continue;
    current.push(line);
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      statements.push(current.join('\n').trim());
      current = [];
    }
  }
  if (current.join('').trim() !== '') throw new Error(`SQL without a final ';': ${current.join('\n')}`);
  return statements;
}

/**
 * The statements that make the database match the files: every function replaced first (the
 * policies call them), then every policy of the tables that have a file dropped and re-created
 * from it, so a policy no file names does not survive.
 */
export function rowLevelSecurityStatements(functions = readRlsFunctions(), tables = readRlsTables()): string[] {
  const names = tables.map((table) => `'${table.name}'`).join(', ');
  return [
    ...functions.flatMap((file) => sqlStatements(file.sql)),
    `do $$ declare p record; begin
       for p in select policyname, tablename from pg_policies where schemaname = current_schema() and tablename in (${names}) loop
         execute format('drop policy %I on %I', p.policyname, p.tablename);
       end loop;
     end $$;`,
    ...tables.flatMap((file) => sqlStatements(file.sql)),
  ];
}
