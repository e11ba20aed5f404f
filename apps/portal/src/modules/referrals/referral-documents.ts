/** A referral's documents for DocumentsWithUpload: read at GET /referral-attachments/{id}, sent to POST /referrals/{id}/attachments. */
export const referralDocuments = (referralId: string) => ({
  downloadPath: '/referral-attachments',
  texts: 'referrals.attachments',
  uploadUrl: `/referrals/${encodeURIComponent(referralId)}/attachments`,
});
