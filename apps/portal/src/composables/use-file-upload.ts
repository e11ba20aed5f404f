import { ref } from 'vue';

/** The documents the API takes (recognised by their bytes there): PDF, JPEG, PNG. */
export const DOCUMENT_ACCEPT = 'application/pdf,image/jpeg,image/png';

export type UploadResult<T> = { ok: true; value: T } | { ok: false; message: string | null };

/** A file's size as people read it, in kilobytes (at least 1). */
export function kilobytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1024));
}

/** The person-facing message of a refused upload: the API sends `{ error, code, field }` (or `message`). */
function refusalMessage(payload: unknown): string | null {
  if (!payload || typeof payload !== 'object') return null;
  if ('error' in payload && typeof payload.error === 'string') return payload.error;
  if ('message' in payload && typeof payload.message === 'string') return payload.message;
  return null;
}

/**
 * Sends one file as the multipart field `file` to an API route, under the session cookie.
 * A refusal gives the API's message, or null when the network or the server failed.
 */
export async function postFile<T = unknown>(url: string, file: File): Promise<UploadResult<T>> {
  try {
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
    if (!response.ok) return { ok: false, message: refusalMessage(await response.json().catch(() => null)) };
    return { ok: true, value: (await response.json().catch(() => null)) as T };
  } catch {
    return { ok: false, message: null };
  }
}

/** One upload at a time, with its progress and the message of its refusal (`failed` when the API gave none). */
export function useFileUpload(failed: () => string) {
  const uploading = ref(false);
  const error = ref<string | null>(null);

  /** The API's answer once the file is stored (what it made of it), or null when it was refused. */
  async function upload<T = unknown>(url: string, file: File): Promise<{ value: T } | null> {
    uploading.value = true;
    error.value = null;
    try {
      const result = await postFile<T>(url, file);
      if (!result.ok) error.value = result.message ?? failed();
      return result.ok ? { value: result.value } : null;
    } finally {
      uploading.value = false;
    }
  }

  return { uploading, error, upload };
}
