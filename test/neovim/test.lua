-- Headless neovim drives the language server through its own LSP client: hover, definition and references at
-- one position, written as raw LSP results to a JSON file that test/neovim/neovim.test.ts checks.
-- Run: SEED_NVIM_FILE=… SEED_NVIM_LINE=… SEED_NVIM_CHARACTER=… SEED_NVIM_OUT=… \
--      nvim --headless -n -i NONE -u test/neovim/init.lua -c 'luafile test/neovim/test.lua'
local out = assert(os.getenv('SEED_NVIM_OUT'), 'SEED_NVIM_OUT is not set')
local result = { errors = {} }

local function ask(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 20000)
  if not responses then error(method .. ': ' .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.error then error(method .. ': ' .. vim.inspect(response.error)) end
    return response.result
  end
  error(method .. ': no client answered')
end

local ok, err = pcall(function()
  local seed = os.getenv('SEED_NVIM_FILE')
  if not seed then error('SEED_NVIM_FILE is not set') end
  vim.cmd('edit ' .. vim.fn.fnameescape(seed))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  -- The client exists at once; it is usable when the server has answered `initialize` with its capabilities.
  result.attached = vim.wait(30000, function()
    for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.server_capabilities and next(client.server_capabilities) ~= nil then
        result.client = client.name
        return true
      end
    end
    return false
  end, 100)
  if not result.attached then error('the seed-annotator language server did not attach within 30 s') end
  local at = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(os.getenv('SEED_NVIM_LINE')), character = tonumber(os.getenv('SEED_NVIM_CHARACTER')) },
  }
  result.hover = ask(bufnr, 'textDocument/hover', at)
  result.definition = ask(bufnr, 'textDocument/definition', at)
  result.references = ask(bufnr, 'textDocument/references', vim.tbl_extend('force', at, { context = { includeDeclaration = true } }))
end)
if not ok then table.insert(result.errors, tostring(err)) end

local file = assert(io.open(out, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
