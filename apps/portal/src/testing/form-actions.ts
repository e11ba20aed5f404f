import { flushPromises } from '@vue/test-utils';
import { nextTick } from 'vue';

/** What a person does to a form mounted in the document (component tests). */
export const inputById = (id: string) => document.getElementById(id) as HTMLInputElement;

export async function typeInto(id: string, value: string): Promise<void> {
  inputById(id).value = value;
  inputById(id).dispatchEvent(new Event('input'));
  await nextTick();
}

/** Sends the form and waits for its answer to be shown. */
export async function clickSubmit(): Promise<void> {
  (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  await flushPromises();
  await nextTick();
}
