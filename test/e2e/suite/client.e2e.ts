// The client half: language detection, activation, the server's start, commands, status.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activeApi, openZone, setSetting, waitFor, workspaceDir, zonelintDiagnostics, type ZonelintApi } from './helpers';

const ZONE = `$ORIGIN client.test.
$TTL 3600
@ IN SOA ns1 hostmaster ( 2026112401 7200 3600 1209600 300 )
  IN NS ns1
ns1 IN A 192.0.2.53
`;

suite('client', () => {
  test('a .zone file opens as DNS Zone and activates the extension', async () => {
    const editor = await openZone(ZONE);
    assert.equal(editor.document.languageId, 'dns-zone');
    await activeApi();
    assert.ok(vscode.extensions.getExtension('zonelint.zonelint')?.isActive);
  });

  test('db.* files are zone files; *.db files only when their first line looks like a zone', async () => {
    const open = async (name: string) => (await vscode.workspace.openTextDocument(path.join(workspaceDir(), name))).languageId;
    assert.equal(await open('db.named'), 'dns-zone');
    assert.equal(await open('legacy.db'), 'dns-zone');
    assert.notEqual(await open('other.db'), 'dns-zone');
  });

  test("the server starts without the extension host's NODE_EXTRA_CA_CERTS (it opens no TLS connection)", async () => {
    // run.mjs starts code-server with the variable set, so the extension host has it.
    assert.ok(process.env.NODE_EXTRA_CA_CERTS, 'the extension host has NODE_EXTRA_CA_CERTS');
    const api = (await activeApi()) as ZonelintApi & { serverPid(): number | undefined };
    await openZone(ZONE);
    const pid = await waitFor('the server process id', () => api.serverPid());
    const environ = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
    assert.ok(environ.some((v) => v.startsWith('ELECTRON_RUN_AS_NODE=')), "read the server's own environment");
    assert.ok(!environ.some((v) => v.startsWith('NODE_EXTRA_CA_CERTS=')), 'NODE_EXTRA_CA_CERTS left out');
  });

  test('the Zonelint commands are registered', async () => {
    await activeApi();
    const all = await vscode.commands.getCommands(true);
    for (const id of ['zonelint.restartServer', 'zonelint.showOutput', 'zonelint.toggleDnsMode']) assert.ok(all.includes(id), id);
  });

  test('the server reports the origin and DNS mode (zonelint/status) for the status bar', async () => {
    const api = await activeApi();
    const editor = await openZone(ZONE);
    const status = await waitFor('a zonelint/status report', () => api.statusOf(editor.document.uri));
    assert.equal(status.origin, 'client.test.');
    assert.equal(status.dnsMode, 'offline');
  });

  test('Zonelint: Switch DNS Mode flips the setting and the server reports the new mode', async () => {
    const api = await activeApi();
    const editor = await openZone(ZONE);
    await waitFor('the first status report', () => api.statusOf(editor.document.uri)?.dnsMode === 'offline');
    // Live mode may query DNS: only ever a closed port on this machine.
    await setSetting('zonelint.dns.servers', ['127.0.0.1:9']);
    try {
      await vscode.commands.executeCommand('zonelint.toggleDnsMode');
      assert.equal(vscode.workspace.getConfiguration('zonelint').get('dns.mode'), 'live');
      await waitFor('a status report in live mode', () => api.statusOf(editor.document.uri)?.dnsMode === 'live');
      await vscode.commands.executeCommand('zonelint.toggleDnsMode');
      await waitFor('a status report back in offline mode', () => api.statusOf(editor.document.uri)?.dnsMode === 'offline');
    } finally {
      await setSetting('zonelint.dns.mode', undefined);
      await setSetting('zonelint.dns.servers', undefined);
    }
  });

  test('Zonelint: Restart Language Server brings diagnostics back', async () => {
    const api = await activeApi();
    const editor = await openZone(ZONE + 'www IN CNAME ns1\nwww IN A 192.0.2.1\n');
    await waitFor('diagnostics before the restart', () => zonelintDiagnostics(editor.document.uri).length > 0);
    await vscode.commands.executeCommand('zonelint.restartServer');
    await api.ready();
    await vscode.window.showTextDocument(editor.document);
    await waitFor('diagnostics after the restart', () => zonelintDiagnostics(editor.document.uri).length > 0);
  });
});
