import { describe, expect, it } from 'vitest';
import { codeInstructions, withCodeInstructions } from '../../../src/adapters/codes.js';
import { codeMark } from '../../../src/engine/outbound.js';

describe('codeInstructions', () => {
  it('links to the Telegram bot when one serves the deployment, and gives the code for anywhere else', () => {
    expect(codeInstructions('i_x', 'gh_bot', 'en')).toEqual([
      '  Telegram: https://t.me/gh_bot?start=i_x',
      '  Anywhere else: send this code to the bot in a private chat: i_x',
    ]);
  });

  it('gives the code alone without a Telegram bot', () => {
    expect(codeInstructions('r_y', undefined, 'en')).toEqual([
      '  Anywhere else: send this code to the bot in a private chat: r_y',
    ]);
  });

  it('words them in the reader’s language', () => {
    expect(codeInstructions('r_y', 'gh_bot', 'de')).toEqual([
      '  Telegram: https://t.me/gh_bot?start=r_y',
      '  Überall sonst: Schick diesen Code in einem privaten Chat an den Bot: r_y',
    ]);
  });

  it('writes out the marks of a reply', () => {
    expect(withCodeInstructions(`A reset link:\n${codeMark('r_y')}`, undefined, 'en')).toBe(
      'A reset link:\n  Anywhere else: send this code to the bot in a private chat: r_y',
    );
  });
});
