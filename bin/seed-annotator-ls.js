#!/usr/bin/env node
// Language server entry for any LSP client (`seed-annotator-ls --stdio`).
require('../dist/server.js');
