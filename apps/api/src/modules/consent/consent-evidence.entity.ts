import { Entity, OneToOne } from '@mikro-orm/core';
import { StoredDocument } from '../documents/stored-document.entity';
import { Consent } from './consent.entity';

/** The signed form of a consent, kept in the database with the rest of the file (a new upload replaces it). */
@Entity({ tableName: 'consent_evidence' })
export class ConsentEvidence extends StoredDocument {
  @OneToOne(() => Consent, { owner: true, deleteRule: 'cascade', unique: true })
  consent!: Consent;
}
