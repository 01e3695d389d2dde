// Validates parsed sidecar JSON against the shipped JSON Schema (schemas/tags.schema.json) with ajv.
// The same schema file is registered with VS Code for `*.tags.json`, so the editor and the server agree on "valid".
import type { ErrorObject } from 'ajv';
import { lazyValidator } from '../files/lazyValidator';
import schemaJson from '../../../schemas/tags.schema.json';

/** Compiled on the first sidecar read: every analysis worker thread loads this module (see lazyValidator.ts). */
const validateSchema = lazyValidator(schemaJson);

/** Null when `value` is valid; else one line per problem, each with its JSON path (e.g. `/tags/2/status`). */
export function schemaProblems(value: unknown): string[] | null {
  if (validateSchema(value)) return null;
  return describeErrors(validateSchema.errors ?? []);
}

function describeErrors(errors: ErrorObject[]): string[] {
  // anyOf/contains produce one error per branch tried; keep the ones a person can act on, and each only once.
  const lines = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'allOf') continue;
    const path = e.instancePath || '/';
    let detail = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties') {
      detail = `has an unknown property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`;
    } else if (e.keyword === 'enum') {
      detail = `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (e.keyword === 'const') {
      detail = `must be ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}`;
    }
    lines.add(`${path} ${detail} (schema ${e.schemaPath})`);
  }
  return [...lines];
}
