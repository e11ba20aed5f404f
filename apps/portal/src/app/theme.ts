import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/**
 * Aura, made to meet WCAG AA contrast: a darker primary (blue 700 on white is 6.7:1, Aura's
 * emerald 500 is 2.5:1), form field borders people can see (3:1 at least), darker status colours,
 * and a 2px focus ring.
 */
export const JalonPreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{blue.50}',
      100: '{blue.100}',
      200: '{blue.200}',
      300: '{blue.300}',
      400: '{blue.400}',
      500: '{blue.500}',
      600: '{blue.600}',
      700: '{blue.700}',
      800: '{blue.800}',
      900: '{blue.900}',
      950: '{blue.950}',
    },
    focusRing: { width: '2px', style: 'solid', color: '{primary.color}', offset: '2px', shadow: 'none' },
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
        highlight: { background: '{primary.50}', focusBackground: '{primary.100}', color: '{primary.800}', focusColor: '{primary.900}' },
        text: { color: '{surface.900}', hoverColor: '{surface.950}', mutedColor: '{surface.600}', hoverMutedColor: '{surface.700}' },
        formField: {
          borderColor: '{surface.500}',
          hoverBorderColor: '{surface.600}',
          invalidBorderColor: '{red.700}',
          color: '{surface.900}',
          placeholderColor: '{surface.600}',
          iconColor: '{surface.600}',
        },
      },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          root: {
            secondary: {
              background: '{surface.100}',
              hoverBackground: '{surface.200}',
              activeBackground: '{surface.300}',
              borderColor: '{surface.400}',
              hoverBorderColor: '{surface.500}',
              activeBorderColor: '{surface.500}',
              color: '{surface.800}',
              hoverColor: '{surface.900}',
              activeColor: '{surface.950}',
              focusRing: { color: '{primary.color}', shadow: 'none' },
            },
            danger: {
              background: '{red.700}',
              hoverBackground: '{red.800}',
              activeBackground: '{red.900}',
              borderColor: '{red.700}',
              hoverBorderColor: '{red.800}',
              activeBorderColor: '{red.900}',
              color: '#ffffff',
              hoverColor: '#ffffff',
              activeColor: '#ffffff',
              focusRing: { color: '{red.700}', shadow: 'none' },
            },
          },
          outlined: {
            primary: { borderColor: '{primary.700}', color: '{primary.700}' },
            secondary: { hoverBackground: '{surface.100}', activeBackground: '{surface.200}', borderColor: '{surface.500}', color: '{surface.800}' },
            danger: { borderColor: '{red.700}', color: '{red.700}' },
          },
          text: {
            primary: { color: '{primary.700}' },
            danger: { color: '{red.700}' },
          },
        },
      },
    },
    message: {
      colorScheme: {
        light: {
          info: { color: '{blue.800}', borderColor: '{blue.300}', simple: { color: '{blue.800}' } },
          success: { color: '{green.800}', borderColor: '{green.300}', simple: { color: '{green.800}' } },
          warn: { color: '{yellow.900}', borderColor: '{yellow.400}', simple: { color: '{yellow.900}' } },
          error: { color: '{red.800}', borderColor: '{red.300}', simple: { color: '{red.700}' } },
        },
      },
    },
    tag: {
      colorScheme: {
        light: {
          success: { background: '{green.100}', color: '{green.800}' },
          secondary: { background: '{surface.200}', color: '{surface.800}' },
          danger: { background: '{red.100}', color: '{red.800}' },
          warn: { background: '{orange.100}', color: '{orange.900}' },
        },
      },
    },
    toast: {
      colorScheme: {
        light: {
          success: { color: '{green.800}', detailColor: '{surface.800}' },
          error: { color: '{red.800}', detailColor: '{surface.800}' },
          info: { color: '{blue.800}', detailColor: '{surface.800}' },
        },
      },
    },
  },
});
