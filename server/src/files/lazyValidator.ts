// A JSON Schema validator compiled on first use, not when its module loads: the language server and every analysis
// worker load the modules that validate sidecars, speakers files and codebooks, and compiling a schema with ajv costs
// tens of milliseconds of start-up each, paid even by processes that never read such a file.
import Ajv, { type ValidateFunction } from 'ajv';

export interface LazyValidator {
  /** Whether `value` matches the schema; `errors` then says why not. */
  (value: unknown): boolean;
  readonly errors: ValidateFunction['errors'];
}

export function lazyValidator(schema: object): LazyValidator {
  let compiled: ValidateFunction | undefined;
  const validate = (value: unknown): boolean => {
    compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
    return compiled(value);
  };
  return Object.defineProperty(validate, 'errors', { get: () => compiled?.errors ?? null }) as LazyValidator;
}
