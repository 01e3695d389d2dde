// Reads the `seedAnnotator` settings from the client and fills in defaults for anything missing or malformed.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type SeedAnnotatorSettings } from '../../../shared/protocol';

export const SETTINGS_SECTION = 'seedAnnotator';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Settings come from user JSON: every field is checked, and a wrong type falls back to its default. */
export function normalizeSettings(raw: unknown): SeedAnnotatorSettings {
  const r = isRecord(raw) ? raw : {};
  const d = isRecord(r.diagnostics) ? r.diagnostics : {};
  const defaults = DEFAULT_SETTINGS;
  const size = r.maxFileSizeKb;
  return {
    filePatterns: stringList(r.filePatterns, defaults.filePatterns),
    maxFileSizeKb: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : defaults.maxFileSizeKb,
    diagnostics: {
      unattributedQuotes: flag(d.unattributedQuotes, defaults.diagnostics.unattributedQuotes),
      unbalancedQuotes: flag(d.unbalancedQuotes, defaults.diagnostics.unbalancedQuotes),
      missingPrimaryDateline: flag(d.missingPrimaryDateline, defaults.diagnostics.missingPrimaryDateline),
    },
    tags: stringList(r.tags, defaults.tags),
  };
}

/** Holds the current settings; refreshed on start and on every `workspace/didChangeConfiguration`. */
export class Settings {
  current: SeedAnnotatorSettings = normalizeSettings(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
  ) {}

  /**
   * Asks the client (when it supports `workspace/configuration`); otherwise uses `pushed`, the payload of
   * didChangeConfiguration, which older clients send instead.
   */
  async refresh(pushed?: unknown): Promise<SeedAnnotatorSettings> {
    if (this.pull) {
      try {
        this.current = normalizeSettings(await this.connection.workspace.getConfiguration(SETTINGS_SECTION));
      } catch (error) {
        this.connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings, using defaults: ${String(error)}`);
      }
    } else if (isRecord(pushed)) {
      this.current = normalizeSettings(pushed[SETTINGS_SECTION]);
    }
    return this.current;
  }
}
