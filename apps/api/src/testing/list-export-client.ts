import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { GraphqlClient } from './graphql-client';

export interface DownloadedExport {
  status: number;
  headers: Record<string, unknown>;
  /** The refusal, when the export was refused. */
  error?: { error: string; code: string; field?: string };
  /** Text lines above the column labels (title, filters), as `label value`. */
  heading: string[];
  labels: string[];
  rows: unknown[][];
  bytes: Buffer;
}

/** Downloads /exports/<list>.<format> as the client's session, and reads the file back (exceljs for XLSX, a CSV parser). */
export async function downloadExport(
  app: FastifyInstance,
  client: GraphqlClient,
  file: string,
  variables: Record<string, unknown> = {},
  filters: Array<{ label: string; value: string }> = [],
): Promise<DownloadedExport> {
  const query = new URLSearchParams({ variables: JSON.stringify(variables), filters: JSON.stringify(filters) });
  const response = await app.inject({ method: 'GET', url: `/exports/${file}?${query}`, headers: client.cookie ? { cookie: client.cookie } : {} });
  const bytes = response.rawPayload;
  const base = { status: response.statusCode, headers: response.headers, bytes, heading: [], labels: [], rows: [] };
  if (response.statusCode !== 200) return { ...base, error: JSON.parse(response.body) as DownloadedExport['error'] };
  if (file.endsWith('.csv')) {
    const [labels = [], ...rows] = parseCsv(bytes.toString('utf8').replace(/^\ufeff/, ''));
    return { ...base, labels, rows };
  }
  return { ...base, ...(await readSheet(bytes)) };
}

/** The first sheet of an export: the lines above the column labels, the labels, and the rows under them. */
export async function readSheet(bytes: Buffer): Promise<Pick<DownloadedExport, 'heading' | 'labels' | 'rows'>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0]!;
  const lines: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => lines.push((row.values as unknown[]).slice(1)));
  const blank = lines.findIndex((line) => line.length === 0 || line.every((cell) => cell === undefined || cell === null));
  const heading = lines.slice(0, blank).map((line) => line.filter((cell) => cell !== undefined).join(' '));
  const [labels = [], ...rows] = lines.slice(blank + 1);
  return { heading, labels: labels as string[], rows: rows.map((row) => Array.from({ length: labels.length }, (_, i) => row[i] ?? null)) };
}

/** RFC 4180 with `;`: quoted fields may hold `;`, `"` (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}
