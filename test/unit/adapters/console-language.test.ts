import { PassThrough, Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../../src/adapters/console/console.js';
import type { Engine } from '../../../src/engine/engine.js';
import type { LocalizedOutbound } from '../../../src/engine/outbound.js';

describe('the console in the reader’s language', () => {
  it('words its own lines in the default, then in the language of the replies', async () => {
    const replies: LocalizedOutbound[] = [
      {
        type: 'secretPrompt',
        text: '¿Tu contraseña?',
        purpose: 'login',
        action: 'a',
        nonce: 'n',
        locale: 'es',
      },
    ];
    const engine = { handle: async () => replies } as unknown as Engine;
    const input = new PassThrough();
    let screen = '';
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        screen += chunk.toString();
        done();
      },
    });
    const finished = runConsole(engine, { input, output, filesDir: tmpdir(), locale: 'de' });
    input.write('/login\n');
    for (let i = 0; i < 200 && !screen.includes('oculta'); i++) await new Promise((r) => setTimeout(r, 10));
    input.end('/quit\n');
    await finished;
    expect(screen).toContain('Gatehouse-Konsole. Tippe /help');
    expect(screen).toContain('bot: ¿Tu contraseña?\n     (escríbela abajo; no se muestra)');
    expect(screen).toContain('operator (contraseña, oculta)> ');
  });
});
