// The client's coder filter rules: all, only mine, one coder; tags recorded before coders were show only under "all".
import assert from 'node:assert/strict';
import { coderName, filterLabel, showsCoder } from '../../client/src/coders';

describe('client: coder filter', () => {
  it("shows all tags, only mine, or one coder's", () => {
    assert.equal(showsCoder({ kind: 'all' }, undefined, 'ana'), true);
    assert.equal(showsCoder({ kind: 'mine' }, 'ana', 'ana'), true);
    assert.equal(showsCoder({ kind: 'mine' }, 'ben', 'ana'), false);
    assert.equal(showsCoder({ kind: 'mine' }, undefined, 'ana'), false);
    assert.equal(showsCoder({ kind: 'one', name: 'ben' }, 'ben', 'ana'), true);
    assert.equal(showsCoder({ kind: 'one', name: 'ben' }, 'ana', 'ana'), false);
  });

  it('labels the filter and falls back to the OS user name', () => {
    assert.equal(filterLabel({ kind: 'all' }, 'ana'), '');
    assert.equal(filterLabel({ kind: 'mine' }, 'ana'), 'only mine (ana)');
    assert.equal(filterLabel({ kind: 'one', name: 'Zoë' }, 'ana'), 'only Zoë');
    assert.equal(coderName('  ', 'osuser'), 'osuser');
    assert.equal(coderName(undefined, 'osuser'), 'osuser');
    assert.equal(coderName(' ana ', 'osuser'), 'ana');
  });
});
