import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** Writes schema.graphql, which the portal's codegen reads; a test fails when it is out of date. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

if (require.main === module) {
  void printedSchema().then((sdl) => fs.writeFileSync(SCHEMA_FILE, sdl));
}
