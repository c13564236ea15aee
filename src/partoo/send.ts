// The send path of a Partoo client: a send's input checked and its body built, then the guard's pipeline
// (guard/pipeline.ts) decides and sends. Loaded with a client's first send or check (which waits on the phone
// metadata anyway), so an application that only reads statuses or searches never loads it.
import type { Log } from '../core/log.js';
import type { Runtime } from '../core/runtime.js';
import type { PartooRequests } from './api.js';
import { createGuard, type Guard } from './guard/context.js';
import { decisionLog } from './guard/decisions.js';
import { guardedSend, wouldSkip, type SendBody } from './guard/pipeline.js';
import type { SendResult, SkippedResult } from './guard/types.js';
import type { GuardSettings } from './options.js';
import type { PhoneNormalizer } from './reads.js';
import { prepareSend, type SendInvitationInput } from './send-input.js';

/** What the client resolved and checked at construction, for its send path. */
export interface SendContext extends GuardSettings {
  api: PartooRequests;
  now: () => Date;
  log: Log;
  runtime: Runtime;
  maxRetries: number;
  normalizePhone: PhoneNormalizer;
}

export interface Sender {
  sendInvitation(input: SendInvitationInput): Promise<SendResult>;
  checkInvitation(input: SendInvitationInput): Promise<{ status: 'would_send'; targetPhone: string } | SkippedResult>;
}

export function createSender(ctx: SendContext): Sender {
  const guard = createGuard(ctx);
  return {
    checkInvitation: (input) => checkInvitation(guard, ctx, input),
    sendInvitation: (input) => sendInvitation(guard, ctx, input),
  };
}

async function checkInvitation(guard: Guard, ctx: SendContext, input: SendInvitationInput) {
  const { phone, force, key } = await prepareSend(input, ctx.normalizePhone);
  const skip = await wouldSkip(guard, { businessId: input.businessId, phone, key, force });
  return skip ?? ({ status: 'would_send', targetPhone: phone } as const);
}

async function sendInvitation(guard: Guard, ctx: SendContext, input: SendInvitationInput): Promise<SendResult> {
  const { phone, content, force, key } = await prepareSend(input, ctx.normalizePhone);
  const body: SendBody = {
    business_id: input.businessId,
    target_phone: phone,
    ...(input.targetName !== undefined && { target_name: input.targetName }),
    ...(content !== undefined && { invite_content: content }),
    ...(force && { force: 'True' as const }),
  };
  const note = decisionLog(ctx.log, input.businessId, phone);
  return guardedSend(guard, { businessId: input.businessId, phone, key, force, body, note });
}
