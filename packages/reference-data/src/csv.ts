import Papa from 'papaparse';

/**
 * CSV through papaparse, which runs in the browser and in Node alike (csv-parse's main build needs
 * Node's Buffer, so it cannot serve the portal). Browser-safe.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  readonly line: number;
  /** Values keyed by header name, untrimmed. */
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  /** Header names, trimmed, in file order. */
  readonly columns: readonly string[];
  readonly records: readonly CsvRecord[];
  /** Structural problems (unclosed quotes, wrong number of fields), with 1-based lines. */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  readonly delimiter: string;
}

/** The delimiter the header line uses most among `;`, `,` and tab (French spreadsheets export `;`). */
function guessDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const best = [';', ',', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 })).sort((a, b) => b.count - a.count)[0]!;
  return best.count > 0 ? best.delimiter : ',';
}

/**
 * Parse CSV text with a header row. Tolerates a UTF-8 byte-order mark, CRLF line ends, blank lines
 * and `;`, `,` or tab separators (guessed from the header line unless given).
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? guessDelimiter(source);
  let columns: string[] | null = null;
  const records: CsvRecord[] = [];
  const errors: { line: number; message: string }[] = [];

  // papaparse reports no line numbers: count line breaks up to where each record starts.
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(source, {
    delimiter,
    skipEmptyLines: false,
    step(result) {
      for (; counted < start; counted++) if (source.charCodeAt(counted) === 10) line++;
      const fields = result.data;
      for (const error of result.errors) errors.push({ line, message: error.message });
      if (columns === null) {
        columns = fields.map((name) => name.trim());
      } else if (!(fields.length === 1 && fields[0]!.trim() === '')) {
        if (fields.length !== columns.length) {
          errors.push({ line, message: `${columns.length} champs séparés par « ${delimiter} » attendus, ${fields.length} trouvés` });
        }
        const values: Record<string, string> = {};
        columns.forEach((name, i) => (values[name] = fields[i] ?? ''));
        records.push({ line, values });
      }
      start = result.meta.cursor;
    },
  });
  return { columns: columns ?? [], records, errors, delimiter };
}

/** Write rows as CSV the way the package's files are: comma, LF, quotes only where needed, final newline. */
export function writeCsv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? '')) },
    { newline: '\n', delimiter: ',', quotes: false },
  );
  return `${body}\n`;
}
