// Concurrent sends to one (business, number) in this process share one check and one POST: exactly one SMS, the
// first caller gets `sent`, the others `skipped` with that invitation.
import type { SendResult } from './types.js';
import type { GuardWindow } from './window.js';

export class InFlight {
  private readonly running = new Map<string, Promise<{ result: SendResult; sentAt: Date }>>();
  constructor(
    private readonly now: () => Date,
    private readonly window: GuardWindow,
  ) {}

  async run(key: string, send: () => Promise<SendResult>): Promise<SendResult> {
    const shared = this.running.get(key);
    if (shared) {
      const { result, sentAt } = await shared;
      if (result.status === 'skipped') return result;
      // The first caller sent it; for everyone else this number was just invited.
      return this.window.skipped(result.targetPhone, result.invitationId, sentAt);
    }
    const p = send().then((result) => ({ result, sentAt: this.now() }));
    this.running.set(key, p);
    try {
      return (await p).result;
    } finally {
      this.running.delete(key);
    }
  }
}
