import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * postgres.js keeps its connections in queues (open, busy, …) and moves each one between them on
 * every query. Its Queue (3.4.9) forgot the slots `shift` had left behind when `remove` emptied it,
 * so under overlapping queries the busy queue grew by a slot per cycle for as long as the process
 * ran, and every later `remove` scanned them all: CPU per query rose with uptime
 * (patches/postgres+3.4.9.patch).
 */
type Queue<T> = {
  readonly length: number;
  push(x: T): T;
  shift(): T | undefined;
  remove(x: T): T | null;
};

// The package exports only its entry (cjs/src/index.js); its ES module sources sit beside it.
const postgresDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve('postgres')), '../..');
const { default: Queue } = (await import(pathToFileURL(path.join(postgresDir, 'src/queue.js')).href)) as {
  default: <T>() => Queue<T>;
};

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe("postgres.js's connection queue", () => {
  it('keeps nothing of connections that came and went, however long it runs', () => {
    const queue = Queue<object>();
    const a = {};
    const b = {};
    const before = heapAfterCollection();
    // Two connections busy at once: one is taken for the next query, the other finishes.
    for (let i = 0; i < 50_000; i++) {
      queue.push(a);
      queue.push(b);
      queue.shift();
      queue.remove(b);
    }
    const grown = heapAfterCollection() - before;
    expect(queue.length).toBe(0);
    // Unfixed, 50,000 cycles left 400 KB of slots (and took seconds: each remove scanned them all).
    expect(grown).toBeLessThan(100_000);
  });

  it('keeps nothing of connections handed out while others stay queued', () => {
    const queue = Queue<object>();
    queue.push({});
    const before = heapAfterCollection();
    for (let i = 0; i < 50_000; i++) {
      queue.push({});
      queue.shift();
    }
    expect(queue.length).toBe(1);
    expect(heapAfterCollection() - before).toBeLessThan(100_000);
  });

  it('still hands out and removes connections in order', () => {
    const queue = Queue<string>();
    for (const x of ['a', 'b', 'c', 'd']) queue.push(x);
    expect(queue.shift()).toBe('a');
    expect(queue.remove('c')).toBe('c');
    expect(queue.remove('a')).toBeNull();
    expect(queue.length).toBe(2);
    expect(queue.shift()).toBe('b');
    expect(queue.shift()).toBe('d');
    expect(queue.length).toBe(0);
    queue.push('e');
    expect(queue.shift()).toBe('e');
  });
});
