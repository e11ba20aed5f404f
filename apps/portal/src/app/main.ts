import { createApp, watch } from 'vue';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import 'primeicons/primeicons.css';
import './styles.css';
import App from './App.vue';
import { onSessionLost, apolloClient } from './apollo';
import { i18n } from './i18n';
import { primeVueLocales } from './primevue-locale';
import { router } from './router';
import { JalonPreset } from './theme';
import { noteSessionLost, setViewer, useViewer } from '@/composables/use-viewer';

const app = createApp(App);
app.use(i18n);
app.use(PrimeVue, {
  // No dark scheme yet: the class is never set, so the light scheme applies whatever the system says.
  theme: { preset: JalonPreset, options: { darkModeSelector: '.jalon-dark' } },
  locale: primeVueLocales[i18n.global.locale.value], // deep-merged into PrimeVue's defaults
});
app.use(ConfirmationService);
app.use(ToastService);
app.use(router);

// PrimeVue's own texts (dialog close buttons…) follow the UI language.
watch(
  () => i18n.global.locale.value,
  (locale) => {
    const { aria, ...texts } = primeVueLocales[locale];
    const current = app.config.globalProperties.$primevue.config.locale!;
    Object.assign(current, texts);
    Object.assign(current.aria!, aria);
  },
  { immediate: true },
);

// The API ended the session (expired, revoked by an administrator, logged out elsewhere):
// forget the viewer and ask to log in again, coming back here afterwards.
onSessionLost((reason) => {
  const { viewer } = useViewer();
  const wasLoggedIn = Boolean(viewer.value);
  noteSessionLost(reason);
  if (!wasLoggedIn) return; // the first `me` of the page: the route guard sends to the login page
  setViewer(null);
  const current = router.currentRoute.value;
  const redirect = current.meta.public ? undefined : current.fullPath;
  void router.replace({ name: 'login', query: redirect && redirect !== '/' ? { redirect } : {} }).then(() => apolloClient.clearStore());
});

router.isReady().then(() => app.mount('#app'));
