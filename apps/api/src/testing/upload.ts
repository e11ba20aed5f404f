import type { FastifyInstance } from 'fastify';

/** POSTs one file as the portal's upload does (multipart, field `file`), with the session cookie given. */
export function uploadFile(app: FastifyInstance, url: string, cookie: string, fileName: string, content: Buffer | string) {
  const boundary = 'jalonboundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
