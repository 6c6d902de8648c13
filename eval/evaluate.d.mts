// Types for the evaluation script, so the test suite can import it.
export const CLASSES: string[];
export const EXPECT: Record<string, Record<string, boolean | undefined>>;
export interface EvalRow {
  cls: string;
  path: string;
  kind: 'draft' | 'template';
  verdict: string;
  score: number;
  fired: Set<string>;
}
export function evaluate(dir?: string): Promise<EvalRow[]>;
export function summarize(rows: EvalRow[]): {
  perClass: Record<string, { n: number; verdicts: Record<string, number>; nonPass: number; missingOrMerge: number }>;
  perRule: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
};
export function formatEval(rows: EvalRow[], title?: string): string;
