// What several families' tables share: the help options most tools take, and a table as written (a full
// ShapeSource, or a string of options).
import type { ShapeSource } from './spec.ts';

export type Table = ShapeSource | string;

export const HELP = '-h --help';
