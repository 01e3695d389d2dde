// server/src/lsp/settings.ts: settings pulled from the client (workspace/configuration) or pushed with
// didChangeConfiguration, every field checked; a client that cannot answer leaves the defaults.
import { strict as assert } from 'node:assert';
import type { Connection } from 'vscode-languageserver';
import { normalizeSettings, Settings, SETTINGS_SECTION } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../shared/protocol';

/** The part of a connection Settings uses: configuration requests and the console. */
function fakeConnection(answer: () => Promise<unknown>, warnings: string[] = []): Connection {
  return {
    workspace: { getConfiguration: (section: string) => (section === SETTINGS_SECTION ? answer() : Promise.resolve(null)) },
    console: { warn: (message: string) => warnings.push(message) },
  } as unknown as Connection;
}

describe('settings', () => {
  it('pulls the section from a client that supports workspace/configuration', async () => {
    const settings = new Settings(
      fakeConnection(async () => ({ maxFileSizeKb: 64, tags: ['claim', ' '] })),
      true,
    );
    const current = await settings.refresh({ [SETTINGS_SECTION]: { maxFileSizeKb: 1 } });
    assert.equal(current.maxFileSizeKb, 64, 'what the client answers, not the pushed payload');
    assert.deepEqual(current.tags, ['claim'], 'blank tag names dropped');
    assert.deepEqual(settings.current, current);
  });

  it('reads the pushed payload from a client that does not, and ignores a payload without the section', async () => {
    const settings = new Settings(
      fakeConnection(async () => assert.fail('never asked')),
      false,
    );
    await settings.refresh({ [SETTINGS_SECTION]: { diagnostics: { unattributedQuotes: false } } });
    assert.equal(settings.current.diagnostics.unattributedQuotes, false);
    assert.equal(settings.current.diagnostics.unbalancedQuotes, DEFAULT_SETTINGS.diagnostics.unbalancedQuotes);
    await settings.refresh('not an object');
    assert.equal(settings.current.diagnostics.unattributedQuotes, false, 'kept');
  });

  it('keeps the defaults and warns when the client fails to answer', async () => {
    const warnings: string[] = [];
    const settings = new Settings(
      fakeConnection(() => Promise.reject(new Error('no configuration here')), warnings),
      true,
    );
    assert.deepEqual(await settings.refresh(), normalizeSettings(undefined));
    assert.match(warnings[0], /no configuration here/);
  });

  it('falls back field by field on values of the wrong type', () => {
    const normalized = normalizeSettings({ maxFileSizeKb: -3, filePatterns: 'x', diagnostics: { missingPrimaryDateline: 'no' } });
    assert.equal(normalized.maxFileSizeKb, DEFAULT_SETTINGS.maxFileSizeKb);
    assert.deepEqual(normalized.filePatterns, DEFAULT_SETTINGS.filePatterns);
    assert.equal(normalized.diagnostics.missingPrimaryDateline, DEFAULT_SETTINGS.diagnostics.missingPrimaryDateline);
  });
});
