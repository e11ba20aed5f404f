import type { Ref } from 'vue';
import type { FieldBinding } from './use-form-dialog';

export interface DraftFieldsProps<TError extends string> {
  /** Put before each field's id: one block of fields may stand in several forms of a page. */
  idPrefix: string;
  errors: Partial<Record<TError, string>>;
}

/**
 * What `field()` is to a dialog, for a block of fields that edits the draft its form passes by
 * v-model (AddressFields, EsfEntryFields…): `v-bind="field('firstName')"` gives a control its id
 * under the block's prefix (« <prefix>-first-name », or the suffix given), its value both ways and
 * the form's message about it.
 */
export function useDraftFields<TDraft extends object, TError extends string>(draft: Ref<TDraft>, props: DraftFieldsProps<TError>) {
  const id = (suffix: string) => `${props.idPrefix}-${suffix}`;

  function field<K extends keyof TDraft & string>(name: K, idSuffix = kebabCase(name)): FieldBinding<TDraft[K]> & { id: string } {
    return {
      id: id(idSuffix),
      modelValue: draft.value[name],
      'onUpdate:modelValue': (value) => (draft.value[name] = value as TDraft[K]),
      error: (props.errors as Partial<Record<string, string>>)[name],
    };
  }

  return { id, field };
}

const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
