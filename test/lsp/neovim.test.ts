// A second, independent LSP client: Neovim's built-in one (Debian's neovim, headless) runs
// the bundled server over stdio, receives a diagnostic with its code and gets a hover.
// Needs dist/server.js (`npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const server = join(root, 'dist', 'server.js');
const hasNvim = spawnSync('nvim', ['--version']).status === 0;

const ZONE = `$ORIGIN nvim.test.
$TTL 3600
@ IN SOA ns1 hostmaster ( 2026112401 7200 3600 1209600 300 )
  IN NS ns1
  IN MX 10 ns1
ns1 IN A 192.0.2.53
long IN TXT "${'n'.repeat(300)}"
`;

// Lua: start the client, wait (polling) for diagnostics, ask for a hover on "MX", write JSON.
const INIT = (zone: string, out: string) => `
local out = ${JSON.stringify(out)}
local function finish(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end
vim.cmd('edit ' .. vim.fn.fnameescape(${JSON.stringify(zone)}))
local id = vim.lsp.start_client({
  name = 'zonelint',
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(server)}, '--stdio' },
  root_dir = ${JSON.stringify(join(zone, '..'))},
})
if not id then finish({ error = 'start_client failed' }) end
vim.lsp.buf_attach_client(0, id)
local got = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, { code = lsp.code, source = d.source, lnum = d.lnum, col = d.col, end_col = d.end_col })
end
local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = 4, character = 6 },
}, 10000)
local hover_text = ''
for _, r in pairs(hover or {}) do
  local c = r.result and r.result.contents
  if type(c) == 'table' then hover_text = hover_text .. (c.value or vim.fn.json_encode(c)) end
  if type(c) == 'string' then hover_text = hover_text .. c end
end
finish({ waited = got, diagnostics = diagnostics, hover = hover_text })
`;

test('Neovim gets the server\'s diagnostics (with codes) and hovers', { skip: hasNvim ? false : 'nvim is not installed (Debian package neovim)' }, () => {
  assert.ok(existsSync(server), 'dist/server.js is built (npm run build)');
  const dir = mkdtempSync(join(tmpdir(), 'zonelint-nvim-'));
  try {
    const zone = join(dir, 'nvim.test.zone');
    const out = join(dir, 'result.json');
    const init = join(dir, 'init.lua');
    writeFileSync(zone, ZONE);
    writeFileSync(init, INIT(zone, out));
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', init], { encoding: 'utf8', timeout: 60000, env: { ...process.env, HOME: dir } });
    assert.ok(existsSync(out), `nvim wrote no result (status ${r.status}): ${r.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      waited: boolean;
      diagnostics: { code: string; source: string; lnum: number; col: number; end_col: number }[];
      hover: string;
    };
    assert.equal(result.waited, true, 'diagnostics arrived');
    const long = result.diagnostics.find((d) => d.code === 'zone-txt-string-too-long');
    assert.ok(long, JSON.stringify(result.diagnostics));
    assert.equal(long.source, 'zonelint');
    assert.equal(long.lnum, 6);
    const line = ZONE.split('\n')[6] ?? '';
    assert.match(line.slice(long.col, long.end_col), /^"?n{300}"?$/);
    assert.match(result.hover, /MX/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
