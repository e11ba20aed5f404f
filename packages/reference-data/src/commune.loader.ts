import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CommuneCatalog, type Commune, type CommuneSearchOptions, type EtalabCommuneRecord, type EtalabDepartementRecord } from './commune.catalog';
import { packageDir } from './package-dir';

/** Reads communes from @etalab/decoupage-administratif's JSON files. Node-only. */

const SOURCE_PACKAGE = '@etalab/decoupage-administratif';

export interface CommuneSource {
  readonly package: string;
  /** The package version; its major number follows the year of the geography (6.x: 2026). */
  readonly version: string;
}

function resolveSource(file: string): string {
  // Resolve from this package's folder, where pnpm links its dependencies.
  return createRequire(join(packageDir(), 'package.json')).resolve(`${SOURCE_PACKAGE}/${file}`);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(resolveSource(file), 'utf8')) as T;
}

/** Which release of the Etalab package the communes come from. */
export function communeSource(): CommuneSource {
  return { package: SOURCE_PACKAGE, version: readJson<{ version: string }>('package.json').version };
}

/** Load every current commune (about 35,000) and the départements. */
export function loadCommuneCatalog(): CommuneCatalog {
  return CommuneCatalog.fromEtalab(readJson<EtalabCommuneRecord[]>('data/communes.json'), readJson<EtalabDepartementRecord[]>('data/departements.json'));
}

let shared: CommuneCatalog | undefined;

/** The catalog, loaded on first use and kept. */
export function communeCatalog(): CommuneCatalog {
  shared ??= loadCommuneCatalog();
  return shared;
}

export function getCommune(inseeCode: string): Commune | null {
  return communeCatalog().getCommune(inseeCode);
}

export function isCommuneCode(code: string): boolean {
  return communeCatalog().isCommuneCode(code);
}

export function searchCommunes(query: string, options?: CommuneSearchOptions): Commune[] {
  return communeCatalog().searchCommunes(query, options);
}

export function communesOfDepartement(code: string): readonly Commune[] {
  return communeCatalog().communesOfDepartement(code);
}

/** The intercommunality (EPCI: métropole, communauté…) each member commune belongs to, by INSEE code. */
export function communeIntercommunalities(): ReadonlyMap<string, string> {
  const epcis = readJson<Array<{ code: string; membres: Array<{ code: string }> }>>('data/epci.json');
  return new Map(epcis.flatMap((epci) => epci.membres.map((member) => [member.code, epci.code] as const)));
}
