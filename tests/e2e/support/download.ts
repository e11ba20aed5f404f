import { buffer } from 'node:stream/consumers';
import type { Download } from 'playwright-core';

/** A file the browser downloaded, as bytes: through its stream, since the shared Chromium runs in another process. */
export async function downloaded(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  return buffer(stream);
}
