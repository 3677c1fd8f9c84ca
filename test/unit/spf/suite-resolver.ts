/**
 * An in-memory Resolver over the `zonedata` of an openspf test scenario, with the
 * conventions of the suite's drivers: SPF-type data doubles as TXT when a name has
 * no TXT entry (`TXT: NONE` blocks that and means no TXT records), names compare
 * case-insensitively, CNAMEs are followed (a loop is an error), and `TIMEOUT`
 * makes every query of the name that has no answer time out.
 */
import type { LookupResult, RecordData, Resolver, RRType } from '../../../server/src/dns/resolver';

type Entry = Record<string, unknown> | string;

interface NameData {
  readonly records: Map<string, unknown[]>;
  readonly timeout: boolean;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

export class SuiteResolver implements Resolver {
  private readonly names = new Map<string, NameData>();

  constructor(zonedata: Record<string, Entry[]>) {
    for (const [name, entries] of Object.entries(zonedata ?? {})) {
      const records = new Map<string, unknown[]>();
      let timeout = false;
      let txtWritten = false;
      for (const entry of entries ?? []) {
        if (entry === 'TIMEOUT') {
          timeout = true;
          continue;
        }
        for (const [type, value] of Object.entries(entry as Record<string, unknown>)) {
          if (type === 'TXT') txtWritten = true;
          if (type === 'TXT' && value === 'NONE') continue;
          const data =
            type === 'TXT' || type === 'SPF'
              ? strings(value)
              : type === 'MX'
                ? { preference: Number((value as unknown[])[0]), exchange: String((value as unknown[])[1]) }
                : String(value);
          records.set(type, [...(records.get(type) ?? []), data]);
        }
      }
      if (!txtWritten && records.has('SPF')) records.set('TXT', records.get('SPF')!);
      this.names.set(normalise(name), { records, timeout });
    }
  }

  async lookup<K extends RRType>(name: string, type: K): Promise<LookupResult<RecordData[K]>> {
    let current = normalise(name);
    for (let hops = 0; hops < 8; hops++) {
      const data = this.names.get(current);
      if (!data) return { kind: 'nxdomain' };
      const records = data.records.get(type);
      if (records?.length) return { kind: 'ok', records: records as RecordData[K][] };
      const cname = data.records.get('CNAME');
      if (cname?.length && type !== 'CNAME') {
        current = normalise(String(cname[0]));
        continue;
      }
      if (data.timeout) return { kind: 'error', reason: 'timeout' };
      return { kind: 'nodata' };
    }
    return { kind: 'error', reason: 'CNAME loop' };
  }
}

function normalise(name: string): string {
  return (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
}
