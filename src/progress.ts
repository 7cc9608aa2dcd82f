/**
 * What a command tells the clerk as it goes, as data: which font file serves each role, how the
 * DOCX names its fonts. src/cli/report.ts words it (progressText). Problems are never progress:
 * they are Diagnostics, reported at their place.
 */
import type { ResolvedFont } from './fonts/resolve.js';
import type { FontRole } from './model/types.js';

export type Progress =
  | { kind: 'font'; role: FontRole | 'fallback'; font: ResolvedFont; seriesRoot: string }
  | { kind: 'docx-fonts'; file: string; officialNames: string[] };

export type OnProgress = (p: Progress) => void;

export const silent: OnProgress = () => undefined;
