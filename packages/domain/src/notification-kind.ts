/** What an organisation is told of in its notifications (and by email). */
export enum NotificationKind {
  CONSENT_GRANTED = 'CONSENT_GRANTED',
  CONSENT_REVOKED = 'CONSENT_REVOKED',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  REFERRAL_ACCEPTED = 'REFERRAL_ACCEPTED',
  REFERRAL_REFUSED = 'REFERRAL_REFUSED',
  REFERRAL_REDIRECTED = 'REFERRAL_REDIRECTED',
  REFERRAL_POSTPONED = 'REFERRAL_POSTPONED',
  /** A month's contract report is due (sent once per contract and month). */
  REPORT_DUE = 'REPORT_DUE',
  /** The organisation is invited to a meeting (the label is the meeting's title and day). */
  MEETING_INVITED = 'MEETING_INVITED',
  /** The minutes of a meeting it attended are published (its share of them). */
  MINUTES_PUBLISHED = 'MINUTES_PUBLISHED',
  /** A place freed on a session went to the first on its waiting list (the label is the person's short name and the action). */
  POSITIONING_PROMOTED = 'POSITIONING_PROMOTED',
  /** The person withdrew a consent herself, from her own space (told to her referent's organisation). */
  CONSENT_WITHDRAWN_BY_PARTICIPANT = 'CONSENT_WITHDRAWN_BY_PARTICIPANT',
  /** The person asked, from her own space, for a correction or the erasure of her data (told to the animation team). */
  RIGHTS_REQUEST_RECEIVED = 'RIGHTS_REQUEST_RECEIVED',
}
