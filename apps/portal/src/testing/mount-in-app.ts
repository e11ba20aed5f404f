import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import type { Component } from 'vue';
import { i18n } from '@/app/i18n';

/** Mounts a component with what main.ts installs for it (French texts, PrimeVue, toasts, confirmations), in the document. */
export function mountInApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>) {
  return mount(component, {
    attachTo: document.body,
    ...options,
    global: { plugins: [i18n, PrimeVue, ToastService, ConfirmationService] },
  } as ComponentMountingOptions<C>);
}
