import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { currentLocale } from '@/app/i18n';

export type ExportFormat = 'xlsx' | 'csv';

/** What a list page hands to its « Exporter » menu: which list, and its filters as sent and as shown. */
export interface ListExportRequest {
  /** The name of the list in /exports/<list>.xlsx (apps/api/src/exports/list-exports.ts). */
  list: string;
  /** The filters as the page passes them to its query. */
  variables: Record<string, unknown>;
  /** The same filters as the page shows them, written at the top of the file. */
  filters: Array<{ label: string; value: string }>;
}

/** A list's search as its export says it: nothing when nothing is searched. */
export const searchFilter = (label: string, term: string): ListExportRequest['filters'] => (term ? [{ label, value: term }] : []);

const LINE_FEED = 0x0a;

/**
 * Downloads a list export while it streams: how many rows to expect (X-Export-Rows), how many
 * have arrived (counted in a CSV's lines; an XLSX is compressed, so its bytes are shown instead),
 * and the API's refusal in its own words. The file is saved once whole.
 */
export function useListExport() {
  const { t } = useI18n();
  const running = ref<ExportFormat | null>(null);
  const expectedRows = ref<number | null>(null);
  const receivedRows = ref(0);
  const receivedBytes = ref(0);
  const error = ref<string | null>(null);
  const progress = computed(() =>
    running.value === 'csv' && expectedRows.value ? Math.min(100, Math.round((100 * receivedRows.value) / Math.max(1, expectedRows.value))) : null,
  );

  async function download(request: ListExportRequest, format: ExportFormat): Promise<void> {
    if (running.value) return;
    running.value = format;
    expectedRows.value = null;
    receivedRows.value = 0;
    receivedBytes.value = 0;
    error.value = null;
    try {
      const query = new URLSearchParams({ variables: JSON.stringify(request.variables), filters: JSON.stringify(request.filters) });
      const response = await fetch(`/exports/${request.list}.${format}?${query}`, { headers: { 'accept-language': currentLocale() } });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        error.value = body?.error ?? t('exports.failed');
        return;
      }
      expectedRows.value = Number(response.headers.get('x-export-rows') ?? '') || 0;
      const chunks: Uint8Array[] = [];
      const reader = response.body.getReader();
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        receivedBytes.value += value.length;
        if (format === 'csv') {
          for (const byte of value) if (byte === LINE_FEED) lines++;
          // The first line holds the column labels.
          receivedRows.value = Math.max(0, lines - 1);
        }
      }
      save(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' }), fileNameOf(response, format));
    } catch {
      // Cut off midway (network, or the server stopped the export): nothing is saved.
      error.value = t('exports.failed');
    } finally {
      running.value = null;
    }
  }

  return { running, expectedRows, receivedRows, receivedBytes, progress, error, download };
}

function fileNameOf(response: Response, format: ExportFormat): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? `export.${format}`;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
