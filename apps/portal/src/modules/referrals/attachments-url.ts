/** Where a referral's documents are sent (POST), each read at GET /referral-attachments/{id}. */
export const attachmentsUrl = (referralId: string) => `/referrals/${encodeURIComponent(referralId)}/attachments`;
