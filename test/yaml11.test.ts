// Values a YAML 1.1 reader reads differently must be quoted in our specs; lint:specs relies on this detector.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yaml11Hazards } from '../scripts/yaml11.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('yaml11Hazards', () => {
  it('finds a timestamp, a 0-prefixed number, yes/on and a sexagesimal number, not their quoted forms', () => {
    const text = [
      'sent_time: 2019-06-06 11:57:27.274725+00:00',
      'quoted: "2019-06-06 11:57:27.274725+00:00"',
      'phone: 0701020304',
      'flag: yes',
      'list: [on, "on", 12]',
      'clock: 1:20',
      '',
    ].join('\n');
    expect(yaml11Hazards(text).map((h) => h.path)).toEqual(['/sent_time', '/phone', '/flag', '/list/0', '/clock']);
    expect(yaml11Hazards(text)[0].yaml11).toBeInstanceOf(Date);
  });

  const specs = [
    'openapi/partoo.yaml',
    'openapi/argyle-invites.yaml',
    'openapi/mock/partoo.yaml',
    'openapi/mock/argyle-invites.yaml',
  ];
  it.each(specs)('finds none in %s', (file) =>
    expect(yaml11Hazards(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]),
  );
});
