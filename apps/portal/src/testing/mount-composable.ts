import { defineComponent, h } from 'vue';
import Toast from 'primevue/toast';
import { mountInApp } from './mount-in-app';

/** Runs a composable where it runs in the portal, in a mounted component (mountInApp), the toasts it says shown in the document. */
export function mountComposable<T>(use: () => T): T {
  let made!: T;
  mountInApp(
    defineComponent({
      setup() {
        made = use();
        return () => h(Toast);
      },
    }),
  );
  return made;
}
