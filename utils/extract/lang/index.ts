import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';
import { pl } from './pl';
import type { DateWords } from './words';

export type { DateWords };

/** Every language whose dates are read, in the order their promise triggers are tried. */
export const LANGUAGES: readonly DateWords[] = [en, de, fr, es, it, nl, pl];
