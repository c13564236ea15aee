// E.164 numbers -> the line that first held them, for every row of a batch (100k rows and more). A Map of
// strings costs ~60 bytes a number on the heap and grows with the file; this open-addressing table keeps
// each as a float64 (an E.164 number has at most 15 digits, exact below 2^53, and country codes are a prefix
// code, so the digits alone identify it) beside an int32 line: 24 bytes a number at most, outside the heap.

const EMPTY = 0; // no E.164 number is 0

export class NumberLines {
  private keys = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private static key(e164: string): number {
    const digits = e164.startsWith('+') ? e164.slice(1) : e164;
    if (!/^[1-9]\d{0,14}$/.test(digits)) throw new RangeError(`not an E.164 number: ${JSON.stringify(e164)}`);
    return Number(digits);
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Multiplicative hashing over both halves of the number: the low digits of phone numbers vary most.
    let i = (Math.imul(key % 0x40000000, 0x9e3779b1) ^ Math.imul(Math.floor(key / 0x40000000), 0x85ebca6b)) & mask;
    while (this.keys[i] !== EMPTY && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(e164: string): number | undefined {
    const i = this.slot(NumberLines.key(e164));
    return this.keys[i] === EMPTY ? undefined : this.lines[i];
  }

  has(e164: string): boolean {
    return this.get(e164) !== undefined;
  }

  /** Keeps the first line given for a number. */
  add(e164: string, line: number): void {
    const key = NumberLines.key(e164);
    const i = this.slot(key);
    if (this.keys[i] !== EMPTY) return;
    this.keys[i] = key;
    this.lines[i] = line;
    // Half full at most, so a probe stays short.
    if (++this.count * 2 > this.keys.length) this.grow();
  }

  private grow() {
    const [keys, lines] = [this.keys, this.lines];
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === EMPTY) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.lines[i] = lines[j];
    }
  }
}
