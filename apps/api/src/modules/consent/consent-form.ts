import { CONSENT_NOTICE_VERSION, ConsentEffect, ConsentStatus } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { userNames } from '../../db/user-names.query';
import { translate } from '../../i18n/messages';
import { findParticipant } from '../participants/participant.service';
import { Stage } from '../stages/stage.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Consent } from './consent.entity';
import { type ConsentFormLine, renderConsentForm } from './consent-form.pdf';

const frenchDate = (date: string) => date.split('-').reverse().join('/');
const dayOf = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(instant);

/**
 * The consent form of a participant as a PDF, listing every consent in force (grants and
 * refusals) to be printed and signed; the signed scan then comes back as the evidence.
 */
export async function consentFormPdf(ctx: RequestContext, participantGlobalId: string): Promise<{ fileName: string; pdf: Buffer }> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(ctx.locale, key, params);
  const participant = await findParticipant(ctx, participantGlobalId, 'participantId');
  const tenant = await ctx.em.findOneOrFail(Tenant, { id: participant.tenant.id });
  const referentName = (await userNames(ctx, [participant.referent.user.id])).get(participant.referent.user.id) ?? '';
  const consents = await ctx.em.find(
    Consent,
    { participant, status: ConsentStatus.ACTIVE, $or: [{ validUntil: null }, { validUntil: { $gt: ctx.now } }] },
    { populate: ['granteeOrganisation'], orderBy: { createdAt: 'asc' } },
  );
  const listed = consents.flatMap((c) => c.stageIds ?? []);
  const stages = listed.length ? await ctx.em.find(Stage, { id: { $in: listed } }, { populate: ['kind'] }) : [];
  const line = (consent: Consent): ConsentFormLine => {
    const stagesLabel = consent.stageIds
      ? stages
          .filter((s) => consent.stageIds!.includes(s.id))
          .map((s) => `${ctx.locale === 'en' ? s.kind.labelEn : s.kind.labelFr} (${frenchDate(s.plannedStart)})`)
          .join(', ')
      : consent.stageKinds
        ? consent.stageKinds.join(', ')
        : t('consentForm.allStages');
    const until = consent.validUntil ? frenchDate(dayOf(new Date(consent.validUntil.getTime() - 1))) : null;
    return {
      partner: consent.granteeOrganisation?.name ?? t('consentForm.allOfKind', { kind: t(`organisationKind.${consent.granteeKind!}`) }),
      classes: consent.dataClasses.map((c) => t(`dataClass.${c}`)).join(', '),
      stages: stagesLabel,
      purpose: t(`consentPurpose.${consent.purpose}`),
      period: [t('consentForm.from', { from: frenchDate(dayOf(consent.validFrom)) }), until ? t('consentForm.until', { until }) : t('consentForm.open')].join(
        ', ',
      ),
    };
  };
  const pdf = await renderConsentForm({
    title: `${t('consentForm.title')} — ${tenant.name}`,
    intro: t('consentForm.intro', {
      name: `${participant.firstName} ${participant.lastName}`,
      birthDate: frenchDate(participant.birthDate),
      referent: referentName,
      tenant: tenant.name,
    }),
    grantsHeading: t('consentForm.grants'),
    grants: consents.filter((c) => c.effect === ConsentEffect.GRANT).map(line),
    refusalsHeading: t('consentForm.refusals'),
    refusals: consents.filter((c) => c.effect === ConsentEffect.REFUSAL).map(line),
    none: t('consentForm.none'),
    labels: {
      partner: t('consentForm.partner'),
      classes: t('consentForm.classes'),
      stages: t('consentForm.stages'),
      purpose: t('consentForm.purpose'),
      period: t('consentForm.period'),
    },
    rights: t('consentForm.rights', { notice: CONSENT_NOTICE_VERSION }),
    signedAt: t('consentForm.signedAt'),
    signatures: [t('consentForm.participantSignature'), t('consentForm.referentSignature')],
  });
  return { fileName: `accord-partage-${participant.lastName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`, pdf };
}
