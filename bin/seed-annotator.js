#!/usr/bin/env node
// Command-line entry: the bundled CLI over the same analysis core as the language server.
require('../dist/cli.js');
