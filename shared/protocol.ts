// Every custom request, notification, command id and setting shared by client, server and tests, declared once.

export const LANGUAGE_ID = 'seed';

/** Commands contributed by the client (`seedAnnotator.*`). */
export const ClientCommands = {
  setLanguage: 'seedAnnotator.setLanguage',
} as const;

/** Settings under `seedAnnotator.*` that the server reads. */
export interface SeedAnnotatorSettings {
  filePatterns: string[];
  maxFileSizeKb: number;
  diagnostics: {
    unattributedQuotes: boolean;
    unbalancedQuotes: boolean;
    missingPrimaryDateline: boolean;
  };
  tags: string[];
}
