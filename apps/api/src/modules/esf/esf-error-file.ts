import { parseString } from '@fast-csv/parse';

/**
 * A CSV file's rows, as the managing authority writes them: UTF-8 (with or without a byte-order
 * mark) or, failing that, Windows-1252, which French desktop tools still produce. An unreadable
 * file answers the line where reading stopped.
 */
export function readCsvRows(data: Buffer, delimiter: string): Promise<{ ok: true; rows: string[][] } | { ok: false; line: number }> {
  const text = decoded(data);
  return new Promise((resolve) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter, trim: true })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', () => resolve({ ok: false, line: rows.length + 1 }))
      .on('end', () => resolve({ ok: true, rows }));
  });
}

function decoded(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}
