import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../context/request-context';
import { errors } from '../../graphql/errors';
import type { MessageKey } from '../../i18n/messages';

/** The largest document kept in the database (a signed form, a referral's attachment). */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** What a document may be, recognised by its first bytes (the declared type is not trusted). */
const SIGNATURES: Array<{ contentType: string; magic: number[] }> = [
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
];

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/**
 * The multipart field `file` of an upload route, read before the request's transaction opens; a
 * file over the limit is cut and refused as too large by the check that follows. Null without one.
 */
export async function uploadedFileOf(request: FastifyRequest): Promise<UploadedFile | null> {
  const part = request.isMultipart() ? await request.file() : undefined;
  return part ? { fileName: part.filename, data: await part.toBuffer().catch(() => Buffer.alloc(DOCUMENT_MAX_BYTES + 1)) } : null;
}

/**
 * A received file, checked: present, at most DOCUMENT_MAX_BYTES, a PDF, JPEG or PNG by its own
 * bytes; its name made safe to send back. Refusals name `file`, with the caller's wording.
 */
export function checkedDocument(ctx: RequestContext, file: UploadedFile | null, messages: { missing: MessageKey; type: MessageKey }, fallbackName: string) {
  if (!file || file.data.length === 0) throw errors.badInput(ctx, 'file', messages.missing);
  if (file.data.length > DOCUMENT_MAX_BYTES) throw errors.badInput(ctx, 'file', 'error.fileTooLarge');
  const contentType = SIGNATURES.find(({ magic }) => magic.every((byte, i) => file.data[i] === byte))?.contentType;
  if (!contentType) throw errors.badInput(ctx, 'file', messages.type);
  return {
    fileName: file.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 200) || fallbackName,
    contentType,
    sizeBytes: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    content: file.data,
  };
}
