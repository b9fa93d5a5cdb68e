import type { Level } from './types.js';

/**
 * A shape per level, so a level never rests on colour alone (WCAG 1.4.1): the text label always
 * accompanies it and the shape survives forced colours and greyscale printing.
 */
export const GLYPHS: Readonly<Record<Level, string>> = {
  core: '◆',
  active: '▲',
  occasional: '●',
  peripheral: '○',
  transactional: '◇',
};

/** Core first: the order of the profile's legend and table. */
export const LEVEL_ORDER: readonly Level[] = ['core', 'active', 'occasional', 'peripheral', 'transactional'];
