import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ARCHIVE_FORMAT,
  ArchiveWriter,
  openArchive,
  splitLines,
  type ArchiveLine,
} from '../../../src/store/archive.js';

const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-archive-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function* chunks(...parts: Buffer[]) {
  yield* parts;
}

async function collect<T>(lines: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

/** An archive of one table `t (a, b)` with these rows. */
async function writeSample(rows: (string | null)[][]): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.jsonl.gz`);
  const archive = new ArchiveWriter(createWriteStream(file));
  await archive.header({
    format: ARCHIVE_FORMAT,
    formatVersion: 1,
    takenAt: '2030-01-01T00:00:00.000Z',
    schemaVersion: '0001_init',
    migrations: ['0001_init'],
    tables: [{ name: 't', columns: ['a', 'b'] }],
    leftOut: ['sessions'],
  });
  await archive.section('t');
  for (const row of rows) await archive.row(row);
  await archive.end([{ name: 't_seq', lastValue: '7', isCalled: true }]);
  return file;
}

/** Rewrites the archive's uncompressed text. */
async function tamper(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, gzipSync(change(gunzipSync(await readFile(file)).toString())));
}

async function readAll(file: string): Promise<ArchiveLine[]> {
  const archive = await openArchive(file);
  try {
    return await collect(archive.lines);
  } finally {
    archive.close();
  }
}

describe('splitLines', () => {
  it('joins lines and characters split between chunks, and keeps an unterminated last line', async () => {
    const text = Buffer.from('é\nsecond ✓\nlast');
    expect(
      await collect(splitLines(chunks(text.subarray(0, 1), text.subarray(1, 9), text.subarray(9)))),
    ).toEqual(['é', 'second ✓', 'last']);
  });
});

describe('an archive', () => {
  const rows = [
    ['1', 'tab\tand "quote"'],
    ['2', null],
  ];

  it('reads back its header, sections, rows and trailer', async () => {
    const file = await writeSample(rows);
    const archive = await openArchive(file);
    expect(archive.header).toMatchObject({ schemaVersion: '0001_init', leftOut: ['sessions'] });
    expect(await collect(archive.lines)).toEqual([
      { kind: 'table', table: { name: 't', columns: ['a', 'b'] } },
      { kind: 'row', values: rows[0] },
      { kind: 'row', values: rows[1] },
      {
        kind: 'end',
        trailer: {
          rows: { t: 2 },
          sequences: [{ name: 't_seq', lastValue: '7', isCalled: true }],
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
    ]);
  });

  it.each([
    ['a changed row', (t: string) => t.replace('"2"', '"3"'), 'its checksum does not match'],
    [
      'a changed count',
      (t: string) => t.replace('"rows":{"t":2}', '"rows":{"t":3}'),
      'its row counts do not match',
    ],
    ['a missing end', (t: string) => t.slice(0, t.indexOf('{"end"')), 'it ends early'],
    [
      'a row of another width',
      (t: string) => t.replace('["2",null]', '["2"]'),
      'a row does not fit its table',
    ],
    ['more after its end', (t: string) => `${t}["3",null]\n`, 'there is more after its end'],
  ])('is refused as damaged with %s', async (_, change, reason) => {
    const file = await writeSample(rows);
    await tamper(file, change);
    await expect(readAll(file)).rejects.toThrow(`The backup is damaged: ${reason}`);
  });

  it('is refused when the file is not an archive at all', async () => {
    const file = path.join(dir, 'not-one.jsonl.gz');
    await writeFile(file, gzipSync('{"hello":"world"}\n'));
    await expect(openArchive(file)).rejects.toThrow(
      /is not a Gatehouse backup: it does not start with one's header/,
    );
    await writeFile(file, 'plain text');
    await expect(openArchive(file)).rejects.toThrow(/is not a Gatehouse backup: incorrect header check/);
  });
});
