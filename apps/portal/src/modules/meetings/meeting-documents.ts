/** A meeting's documents for DocumentsWithUpload: read at GET /meeting-documents/{id}, spoken of in `meetings.documents`. */
export const MEETING_DOCUMENTS = { downloadPath: '/meeting-documents', texts: 'meetings.documents' } as const;
