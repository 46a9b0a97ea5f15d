-- Headless Neovim's built-in LSP client against `alinea lsp` (tests/it/lsp.rs runs it):
-- open a plan, wait for its diagnostics, jump to the definition of a reference, and write
-- what happened to $ALINEA_OUT, one fact a line.
local root = vim.env.ALINEA_ROOT
local plan = vim.env.ALINEA_PLAN
local lines = {}

vim.cmd('edit ' .. vim.fn.fnameescape(plan))
local buf = vim.api.nvim_get_current_buf()
local config = { name = 'alinea', cmd = { vim.env.ALINEA_BIN, 'lsp' }, root_dir = root }
if vim.lsp.start then
  -- Neovim 0.8 and later.
  vim.lsp.start(config)
else
  -- Neovim 0.7 (Debian 12's).
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end

local got = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
table.insert(lines, 'diagnostics ' .. tostring(got))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data and d.user_data.lsp) or {}
  local code = d.code or lsp.code or ''
  local message = d.message:gsub('\n.*', '')
  table.insert(lines, string.format('diagnostic %d %d %s %s', d.lnum + 1, d.col + 1, code, message))
end

-- The cursor on the reference, then the client's own go-to-definition.
vim.fn.search(vim.env.ALINEA_NEEDLE)
vim.lsp.buf.definition()
vim.wait(30000, function() return vim.api.nvim_buf_get_name(0) ~= plan end, 50)
local cursor = vim.api.nvim_win_get_cursor(0)
table.insert(lines, string.format('definition %s %d %d', vim.api.nvim_buf_get_name(0), cursor[1], cursor[2] + 1))

vim.fn.writefile(lines, vim.env.ALINEA_OUT)
vim.cmd('qa!')
