import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  default: <T>(initial?: T[]) => Queue<T>;
};

/**
 * The arrays a queue keeps its slots in, watched: it starts from a copy of the array it is given
 * (`initial.slice()`), and a copy of an Array subclass is of that subclass, as is any copy the queue
 * makes of it later.
 */
class Slots<T> extends Array<T> {
  static made: Slots<unknown>[] = [];
  constructor(length = 0) {
    super(length);
    Slots.made.push(this);
  }
}

function watchedQueue<T>(): Queue<T> {
  Slots.made = [];
  return Queue<T>(new Slots<T>());
}

/** The most slots any array of the queue held, live or left behind. */
function mostSlots(): number {
  return Math.max(...Slots.made.map((slots) => slots.length));
}

describe("postgres.js's connection queue", () => {
  it('keeps nothing of connections that came and went, however long it runs', () => {
    const queue = watchedQueue<object>();
    const a = {};
    const b = {};
    // Two connections busy at once: one is taken for the next query, the other finishes.
    for (let i = 0; i < 50_000; i++) {
      queue.push(a);
      queue.push(b);
      queue.shift();
      queue.remove(b);
    }
    expect(queue.length).toBe(0);
    // Unfixed, its array held 50,000 slots by then (and each remove scanned them all).
    expect(mostSlots()).toBeLessThan(4_096);
  });

  it('keeps nothing of connections handed out while others stay queued', () => {
    const queue = watchedQueue<object>();
    queue.push({});
    for (let i = 0; i < 50_000; i++) {
      queue.push({});
      queue.shift();
    }
    expect(queue.length).toBe(1);
    expect(mostSlots()).toBeLessThan(4_096);
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
