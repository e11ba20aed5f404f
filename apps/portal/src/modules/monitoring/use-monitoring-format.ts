import { useI18n } from 'vue-i18n';

/** Counts and shares as the monitoring shows them: a share without a base reads « — », never 0 %. */
export function useMonitoringFormat() {
  const { t, locale } = useI18n();
  return {
    count: (value: number) => new Intl.NumberFormat(locale.value).format(value),
    share: (value: number | null | undefined) =>
      value == null ? t('monitoring.noShare') : new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(value),
  };
}
