/**
 * Wire-format RDATA (RFC 1035 §3.3, RFC 3597 §4): what the presentation form is
 * converted to, and what the canonical text is printed from, so that `\# len hex`
 * and the type's own text form yield the same record.
 */

export class WireWriter {
  private readonly out: number[] = [];
  private written = 0;

  /**
   * Octets past `limit` are counted, not kept: RDATA that long is an error anyway,
   * and a 100 MB base64 key would otherwise become an array of 75 M numbers.
   */
  constructor(private readonly limit = Infinity) {}

  private room(n: number): boolean {
    this.written += n;
    return this.written <= this.limit;
  }

  u8(v: number): void {
    if (this.room(1)) this.out.push(v & 0xff);
  }
  u16(v: number): void {
    if (this.room(2)) this.out.push((v >>> 8) & 0xff, v & 0xff);
  }
  u32(v: number): void {
    if (this.room(4)) this.out.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  }
  /** Octets given as an array or a binary string (one char per octet). */
  bytes(b: ArrayLike<number> | string): void {
    if (!this.room(b.length)) return;
    if (typeof b === 'string') for (let i = 0; i < b.length; i++) this.out.push(b.charCodeAt(i) & 0xff);
    else for (let i = 0; i < b.length; i++) this.out.push(b[i] & 0xff);
  }
  /** A name as decoded labels (binary strings), uncompressed (RFC 3597 §4). */
  labels(labels: readonly string[]): void {
    for (const l of labels) {
      this.u8(l.length);
      this.bytes(l);
    }
    this.u8(0);
  }
  /** Octets written, those past the limit included. */
  get length(): number {
    return this.written;
  }
  /** Overwrites one octet already written (a length prefix). */
  patch(at: number, v: number): void {
    this.out[at] = v & 0xff;
  }
  toBytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** Reads wire RDATA; every read returns undefined past the end. */
export class WireReader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly end = buf.length) {}

  get remaining(): number {
    return this.end - this.pos;
  }
  atEnd(): boolean {
    return this.pos >= this.end;
  }
  u8(): number | undefined {
    if (this.remaining < 1) return undefined;
    return this.buf[this.pos++];
  }
  u16(): number | undefined {
    if (this.remaining < 2) return undefined;
    const v = (this.buf[this.pos] << 8) | this.buf[this.pos + 1];
    this.pos += 2;
    return v;
  }
  u32(): number | undefined {
    if (this.remaining < 4) return undefined;
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return ((b[p] << 24) >>> 0) + (b[p + 1] << 16) + (b[p + 2] << 8) + b[p + 3];
  }
  bytes(n: number): Uint8Array | undefined {
    if (n < 0 || this.remaining < n) return undefined;
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  rest(): Uint8Array {
    const v = this.buf.subarray(this.pos, this.end);
    this.pos = this.end;
    return v;
  }
  /** An uncompressed name's labels as binary strings; undefined when malformed. */
  labels(): string[] | undefined {
    const labels: string[] = [];
    let total = 1;
    for (;;) {
      const len = this.u8();
      if (len === undefined || len > 63) return undefined;
      if (len === 0) return labels;
      const b = this.bytes(len);
      if (!b) return undefined;
      total += len + 1;
      if (total > 255) return undefined;
      labels.push(binary(b));
    }
  }
}

/** Octets as a binary string (one char per octet). */
export function binary(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

export function hexUpper(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex').toUpperCase();
}

export function hexLower(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

export function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}
