// Workspace trust on the server side: the client says at start whether the workspace is trusted
// (`initializationOptions.trusted`). In an untrusted workspace everything is analyzed and shown, and nothing is
// written: every request that would write a sidecar is refused with this message. See docs/contracts.md.

export const UNTRUSTED_MESSAGE =
  'this workspace is not trusted, so Seed Annotator is read-only here: tags and corrections are shown but not saved. ' +
  'Trust the workspace (Manage Workspace Trust) to tag.';

/** The read-only reason for these initialization options, or null when writing is allowed. */
export function readOnlyReason(initializationOptions: unknown): string | null {
  // Only an explicit `trusted: false` restricts: other LSP clients (neovim, scripts) have no notion of trust.
  const trusted =
    typeof initializationOptions === 'object' && initializationOptions !== null
      ? (initializationOptions as { trusted?: unknown }).trusted
      : undefined;
  return trusted === false ? UNTRUSTED_MESSAGE : null;
}
