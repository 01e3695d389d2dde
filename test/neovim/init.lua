-- Minimal neovim config for seed files: filetype `seed` and the Seed Annotator language server over stdio.
-- Use it as is (`nvim -u test/neovim/init.lua seeds/004_….txt`) or copy the two blocks into your own init.lua.
-- Works with neovim 0.7 (Debian 12) and newer: vim.lsp.start where it exists, start_client + attach before.

-- This file lives in <repo>/test/neovim/, so the repository is two levels up (override with SEED_ANNOTATOR_REPO).
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local repo = vim.env.SEED_ANNOTATOR_REPO or vim.fn.fnamemodify(here, ':h:h')
local server = { 'node', repo .. '/bin/seed-annotator-ls.js', '--stdio' }

-- The same files the VS Code extension claims: *.txt under a seeds/ folder and NNN_<16 hex>.txt names.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = { '*/seeds/*.txt', '[0-9][0-9][0-9]_' .. string.rep('[0-9a-f]', 16) .. '.txt' },
  callback = function() vim.bo.filetype = 'seed' end,
})

local client_id = nil
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'seed',
  callback = function(args)
    local config = {
      name = 'seed-annotator',
      cmd = server,
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h:h'),
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      -- neovim 0.7: one client shared by every seed buffer.
      client_id = client_id or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
