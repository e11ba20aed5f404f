import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageDir } from './package-dir';

/**
 * The French classification of activities (NAF rév. 2, INSEE), from @socialgouv/codes-naf: a
 * company's sector is one of its 732 sub-classes, e.g. « 81.21Z Nettoyage courant des bâtiments ».
 * Node-only; read on first use.
 */
export interface NafActivity {
  readonly code: string;
  readonly label: string;
}

/** A sub-class: two digits, a dot, two digits, a letter. */
export const NAF_CODE_PATTERN = /^\d{2}\.\d{2}[A-Z]$/;

let activities: Map<string, NafActivity> | undefined;

function nafActivities(): Map<string, NafActivity> {
  if (!activities) {
    // Resolved from this package's folder, where pnpm links its dependencies.
    const file = createRequire(join(packageDir(), 'package.json')).resolve('@socialgouv/codes-naf/index.json');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; label: string }>;
    activities = new Map(rows.filter((row) => NAF_CODE_PATTERN.test(row.id)).map((row) => [row.id, Object.freeze({ code: row.id, label: row.label })]));
  }
  return activities;
}

/** The activity of a NAF code typed as people do (« 8121z », « 81.21Z »), or null when there is none. */
export function getNafActivity(code: string): NafActivity | null {
  const compact = code.trim().toUpperCase().replace(/\s/g, '');
  const dotted = /^\d{4}[A-Z]$/.test(compact) ? `${compact.slice(0, 2)}.${compact.slice(2)}` : compact;
  return nafActivities().get(dotted) ?? null;
}
