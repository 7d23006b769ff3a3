import type { FakeSlack, SlackCall } from '../fakes/slack-server.js';
import { form, postSigned } from './slack.js';

interface ButtonElement {
  type: string;
  action_id: string;
  value?: string;
  text: { text: string };
}

interface Block {
  type: string;
  text?: { text: string };
  elements?: ButtonElement[];
}

/** The blocks of a reply the bot sent, whichever way it sent it. */
function blocksOf(call: SlackCall): Block[] {
  const blocks = call.body.blocks;
  return Array.isArray(blocks) ? (blocks as Block[]) : [];
}

/** What a person reads: every reply's text and its buttons in brackets. */
export function readable(calls: SlackCall[]): string {
  return calls
    .filter((c) => c.method === 'chat.postMessage' || c.method === 'respond')
    .map((c) => {
      const blocks = blocksOf(c);
      const text = blocks
        .filter((b) => b.type === 'section')
        .map((b) => b.text?.text ?? '')
        .join('');
      const buttons = blocks.flatMap((b) => b.elements ?? []).map((e) => `[${e.text.text}]`);
      return [text || String(c.body.text ?? ''), ...buttons].join(' ');
    })
    .join('\n');
}

let counter = 0;

const REPLY_METHODS = new Set(['chat.postMessage', 'respond', 'views.open', 'files.completeUploadExternal']);

/** One Slack user in one workspace, driving the bot through signed requests. */
export class SlackUser {
  private seen = 0;
  private lastCalls: SlackCall[] = [];
  private lastChannel: string;

  constructor(
    private readonly slack: FakeSlack,
    private readonly eventsUrl: string,
    readonly team: string,
    readonly user: string,
    readonly dm = `D${user}`,
  ) {
    this.lastChannel = dm;
  }

  /** Waits for the bot's answer to a request (a message, a response or a modal) and for it to finish. */
  private async settle(from: number): Promise<SlackCall[]> {
    const answered = () => this.slack.since(from).some((c) => REPLY_METHODS.has(c.method));
    for (let i = 0; i < 400 && !answered(); i++) await new Promise((r) => setTimeout(r, 10));
    for (let count = -1; this.slack.calls.length !== count;) {
      count = this.slack.calls.length;
      await new Promise((r) => setTimeout(r, 120));
    }
    this.lastCalls = this.slack.since(from);
    this.seen = this.slack.calls.length;
    return this.lastCalls;
  }

  async command(text: string, channel = this.dm): Promise<string> {
    this.lastChannel = channel;
    const from = this.slack.calls.length;
    const response = await postSigned(
      this.eventsUrl,
      form({
        command: '/gatehouse',
        text,
        team_id: this.team,
        user_id: this.user,
        user_name: this.user.toLowerCase(),
        channel_id: channel,
        channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
        response_url: this.slack.responseUrl(),
        trigger_id: `trigger-${++counter}`,
      }),
      'application/x-www-form-urlencoded',
    );
    if (response.status !== 200) throw new Error(`command answered ${response.status}`);
    return readable(await this.settle(from));
  }

  async dmText(text: string): Promise<string> {
    this.lastChannel = this.dm;
    const from = this.slack.calls.length;
    const response = await postSigned(
      this.eventsUrl,
      JSON.stringify({
        type: 'event_callback',
        team_id: this.team,
        api_app_id: 'A1',
        event_id: `Ev${++counter}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'message',
          channel_type: 'im',
          channel: this.dm,
          user: this.user,
          text,
          ts: `${counter}.0001`,
        },
      }),
      'application/json',
    );
    if (response.status !== 200) throw new Error(`event answered ${response.status}`);
    return readable(await this.settle(from));
  }

  /**
   * Clicks the button with this label in the replies of the last request. A posted message comes
   * along with the click, as Slack sends it; an ephemeral one does not.
   */
  async click(label: string): Promise<string> {
    const has = (e: ButtonElement) => e.text.text === label;
    const call = this.lastCalls.find((c) => blocksOf(c).some((b) => (b.elements ?? []).some(has)));
    const button =
      call &&
      blocksOf(call)
        .flatMap((b) => b.elements ?? [])
        .find(has);
    if (!call || !button) throw new Error(`no button ${label} in:\n${readable(this.lastCalls)}`);
    const ephemeral = call.method === 'respond' && call.body.response_type === 'ephemeral';
    const message = ephemeral ? undefined : { ts: '1.000', blocks: blocksOf(call) };
    return this.pressRaw(button.action_id, button.value ?? '', this.channelOfLast(), message);
  }

  /** Clicks the button of the last replies whose action ends in `.value` (a flow's choice, whatever its words). */
  async choose(value: string): Promise<string> {
    const button = this.lastCalls
      .flatMap(blocksOf)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.value?.endsWith(`.${value}`));
    if (!button) throw new Error(`no choice ${value} in:\n${readable(this.lastCalls)}`);
    return this.pressRaw(button.action_id, button.value ?? '', this.channelOfLast());
  }

  /** Buttons posted in the DM are clicked there; ephemeral ones in the channel of the last request. */
  private channelOfLast(): string {
    const post = this.lastCalls.find((c) => c.method === 'chat.postMessage');
    return post ? String(post.body.channel) : this.lastChannel;
  }

  async pressRaw(
    actionId: string,
    value: string,
    channel = this.dm,
    message?: { ts: string; blocks: Block[] },
  ): Promise<string> {
    const from = this.slack.calls.length;
    const response = await postSigned(
      this.eventsUrl,
      form({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: this.team },
          user: { id: this.user },
          channel: { id: channel },
          trigger_id: `trigger-${++counter}`,
          response_url: this.slack.responseUrl(),
          ...(message ? { message: { type: 'message', ...message } } : {}),
          actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
        }),
      }),
      'application/x-www-form-urlencoded',
    );
    if (response.status !== 200) throw new Error(`action answered ${response.status}`);
    return readable(await this.settle(from));
  }

  /**
   * Submits the last opened modal with `value` (and `again` in its second field, if it has one: by
   * default the same); returns the HTTP answer (inline errors) and the replies.
   */
  async submitSecret(value: string, again = value): Promise<{ answer: string; replies: string }> {
    const opened = [...this.slack.calls].reverse().find((c) => c.method === 'views.open');
    if (!opened) throw new Error('no modal was opened');
    const view = opened.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string }[];
    };
    const field = (text: string) => ({ value: { type: 'plain_text_input', value: text } });
    const asksTwice = view.blocks.some((b) => b.block_id === 'again');
    const from = this.slack.calls.length;
    const response = await postSigned(
      this.eventsUrl,
      form({
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: this.team },
          user: { id: this.user },
          view: {
            id: 'V1',
            callback_id: view.callback_id,
            private_metadata: view.private_metadata,
            state: { values: { secret: field(value), ...(asksTwice ? { again: field(again) } : {}) } },
          },
        }),
      }),
      'application/x-www-form-urlencoded',
    );
    if (response.status !== 200) throw new Error(`view answered ${response.status}`);
    const calls = response.text.includes('errors') ? [] : await this.settle(from);
    return { answer: response.text, replies: readable(calls) };
  }

  get sentSoFar(): number {
    return this.seen;
  }
}
