#!/usr/bin/env node
// Language server entry for any LSP client (`seed-annotator-ls --stdio`). Without a transport the server library
// would throw a stack trace; a person who ran it by hand gets the usage line instead.
const TRANSPORTS = /^--(stdio|node-ipc|socket(=\d+)?|pipe(=.+)?)$/;
if (!process.argv.slice(2).some((arg) => TRANSPORTS.test(arg))) {
  process.stderr.write(
    'usage: seed-annotator-ls --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n' +
      'The Seed Annotator language server; an editor starts it with one of these transports.\n',
  );
  process.exit(2);
}
require('../dist/server.js');
