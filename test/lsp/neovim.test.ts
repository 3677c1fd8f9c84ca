/**
 * A second editor: Debian's Neovim (headless, its built-in LSP client) starts
 * `node dist/server.js --stdio`, opens a zone file, and reports the diagnostics and a
 * hover it received. Skipped, with the reason printed, where `nvim` is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from './client';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.status !== 0 ? 'nvim is not installed (.ci/run installs Debian’s neovim)' : false;

const LUA = `
local out = {}
local server = vim.fn.getenv('ZONELINT_SERVER')
local file = vim.fn.getenv('ZONELINT_FILE')
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'zonelint', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
out.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out.diagnostics, { code = d.code, line = d.lnum, col = d.col, source = d.source })
end
local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 1, character = 6 },
}, 5000)
for _, r in pairs(res or {}) do
  if r.result then out.hover = r.result.contents.value end
end
out.waited = ok
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.fn.getenv('ZONELINT_OUT'))
vim.lsp.stop_client(id)
vim.cmd('qa!')
`;

test('Neovim’s built-in LSP client gets diagnostics and hovers', { skip: missing }, () => {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-nvim-'));
  try {
    const file = path.join(dir, 'example.com.zone');
    fs.writeFileSync(file, '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\nns1 IN A 192.0.2.1\nwww IN CNAME ns1\nwww IN A 192.0.2.2\n');
    fs.writeFileSync(path.join(dir, 'check.lua'), LUA);
    const out = path.join(dir, 'out.json');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(dir, 'check.lua')}`], {
      env: { ...process.env, ZONELINT_SERVER: path.resolve(__dirname, '../../dist/server.js'), ZONELINT_FILE: file, ZONELINT_OUT: out },
      encoding: 'utf8',
      timeout: 30000,
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result: ${r.stderr || r.stdout}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      diagnostics: Array<{ code: string; line: number; col: number; source: string }>;
      hover?: string;
      waited: boolean;
    };
    assert.ok(result.waited, 'diagnostics arrived');
    const cname = result.diagnostics.find((d) => d.code === 'zone-cname-and-other-data');
    assert.deepEqual(cname, { code: 'zone-cname-and-other-data', line: 6, col: 0, source: 'zonelint' });
    assert.match(result.hover ?? '', /1 hour/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
