// Writes docs/diagnostics.md from the diagnostic registry (the page codeDescription links to).
// Run: node --import tsx scripts/gen-docs.ts  (test/unit/docs.test.ts checks it is current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDiagnosticsDoc } from '../server/src/diagnostics/doc';

writeFileSync(join(__dirname, '..', 'docs', 'diagnostics.md'), renderDiagnosticsDoc());
