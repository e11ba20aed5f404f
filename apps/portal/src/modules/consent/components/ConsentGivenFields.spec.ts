// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, reactive } from 'vue';
import { inputById } from '@/testing/form-actions';
import { mountInApp } from '@/testing/mount-in-app';
import { consentGivenInput, newConsentGiven, type ConsentGiven } from '../consent-given';
import ConsentGivenFields from './ConsentGivenFields.vue';

function mountConsent(agreed: boolean) {
  const values = reactive<ConsentGiven & { summary: string }>({ summary: 'Présentation', ...newConsentGiven(agreed) });
  mountInApp(
    defineComponent(
      () => () =>
        h(
          ConsentGivenFields,
          {
            modelValue: values,
            idPrefix: 'candidacy',
            errors: { collectedOn: 'Date trop ancienne.' },
            intro: 'Le partenaire ne voit la candidature qu’avec son accord.',
            agreedLabel: 'Fatima accepte',
            methodLegend: 'Comment',
          },
          { without: () => h('p', 'Sans accord, rien n’est montré.') },
        ),
    ),
  );
  return values;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ConsentGivenFields', () => {
  it('asks how and when the agreement was collected only once she agrees, with the form’s messages', async () => {
    const values = mountConsent(false);
    expect(document.body.textContent).toContain('Sans accord, rien n’est montré.');
    expect(document.getElementById('candidacy-consent-day')).toBeNull();
    inputById('candidacy-agreed').click();
    await nextTick();
    expect(values.agreed).toBe(true);
    expect(document.getElementById('candidacy-consent-day')).not.toBeNull();
    expect(document.body.textContent).toContain('Date trop ancienne.');
    expect(document.getElementById('candidacy-consent-witness')).toBeNull();
  });

  it('asks for the witness of an oral agreement', async () => {
    const values = mountConsent(true);
    values.method = 'ORAL_WITH_WITNESS';
    await nextTick();
    expect(document.querySelector('label[for="candidacy-consent-witness"]')?.textContent).toContain('Témoin');
  });
});

describe('consentGivenInput', () => {
  it('sends the agreement as collected, or none without it', () => {
    expect(consentGivenInput({ agreed: true, method: 'ORAL_WITH_WITNESS', collectedOn: '2026-12-01', witness: 'Paul' })).toEqual({
      method: 'ORAL_WITH_WITNESS',
      collectedOn: '2026-12-01',
      witness: 'Paul',
    });
    expect(consentGivenInput({ agreed: true, method: 'SIGNED_FORM', collectedOn: '2026-12-01', witness: '' })?.witness).toBeNull();
    expect(consentGivenInput({ ...newConsentGiven(false) })).toBeNull();
  });
});
