/**
 * On top of the corpus's strict compiler options (scripts/lib/typecheck.ts), the further checks a careful user's
 * tsconfig turns on; the edge and Kapso outputs are held to these too.
 */
export const strictestExtras = {
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
} as const;
