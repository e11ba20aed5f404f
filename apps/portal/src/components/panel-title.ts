import type { InjectionKey } from 'vue';

/** The id of the heading of the PagePanel around a component (a table inside is named by it). */
export const PANEL_TITLE: InjectionKey<string> = Symbol('panel title');
