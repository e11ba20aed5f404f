// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import FileUploadInput from './FileUploadInput.vue';
import { mountInApp } from '@/testing/mount-in-app';

/** The API's answer to the POST: `status` and its JSON body. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function mountInput() {
  return mountInApp(FileUploadInput, {
    props: { id: 'import-file', label: 'Choisir le fichier', hint: 'CSV ou XLSX.', url: '/imports', failedMessage: 'Le fichier n’a pas pu être envoyé.' },
  });
}

/** Chooses a file in the input, as a person does. */
async function choose(wrapper: ReturnType<typeof mountInput>) {
  const input = wrapper.get('input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: [new File(['nom;prénom'], 'export.csv', { type: 'text/csv' })], configurable: true });
  await input.trigger('change');
  await flushPromises();
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('FileUploadInput', () => {
  it('sends the chosen file at once and gives what the API made of it', async () => {
    const fetch = answer(201, { id: 'F1' });
    const wrapper = mountInput();
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('import-file-hint');
    await choose(wrapper);
    expect(fetch).toHaveBeenCalledWith('/imports', expect.objectContaining({ method: 'POST' }));
    expect(wrapper.emitted('sending')).toHaveLength(1);
    expect(wrapper.emitted('uploaded')).toEqual([[{ id: 'F1' }]]);
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('says the API’s refusal, tied to the input, and gives nothing', async () => {
    answer(400, { error: 'Ce fichier n’est ni un CSV ni un classeur XLSX.', code: 'BAD_USER_INPUT' });
    const wrapper = mountInput();
    await choose(wrapper);
    expect(wrapper.emitted('sending')).toHaveLength(1);
    expect(wrapper.emitted('uploaded')).toBeUndefined();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Ce fichier n’est ni un CSV ni un classeur XLSX.');
    const input = wrapper.get('input');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('import-file-hint import-file-error');
  });

  it('says its own message when the API gave none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const wrapper = mountInput();
    await choose(wrapper);
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Le fichier n’a pas pu être envoyé.');
  });
});
