// Which coders' tags the Tags view and the decorations show: all, only mine, or one coder's. Pure, for tests.

export type CoderFilterState = { kind: 'all' } | { kind: 'mine' } | { kind: 'one'; name: string };

/** Whether a tag by `creator` (undefined: recorded before coders were) is shown; `me` is the current coder. */
export function showsCoder(filter: CoderFilterState, creator: string | undefined, me: string): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'mine':
      return creator === me;
    case 'one':
      return creator === filter.name;
  }
}

/** A short label for the view's description ("only ana's tags"); empty when nothing is filtered. */
export function filterLabel(filter: CoderFilterState, me: string): string {
  switch (filter.kind) {
    case 'all':
      return '';
    case 'mine':
      return `only mine (${me})`;
    case 'one':
      return `only ${filter.name}`;
  }
}

/** The configured coder name, else the OS user name. */
export function coderName(configured: string | undefined, osUser: string): string {
  return configured?.trim() || osUser;
}
