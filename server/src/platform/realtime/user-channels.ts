import { type RealtimeEvent, realtimeEventSchema } from '@tavola/contracts/realtime';
import { z } from 'zod';
import type { PubSub, Unsubscribe } from '../pubsub.js';

/** One socket's end of a user's channel. */
export interface ChannelReceiver {
  /** An event published to the user, with its JSON frame serialised once for every socket. */
  deliver(event: RealtimeEvent, frame: string): void;
  /** The user's session `sessionId` ended, or all of the user's sessions when it is undefined. */
  endSession(sessionId: string | undefined): void;
}

/** Leaves a user's channel; the last receiver to leave ends the PubSub subscription. */
export type LeaveChannel = () => Promise<void>;

/** Instance-to-instance control message on a user's channel; never sent to clients. */
const endSessionMessageSchema = z.object({ control: z.literal('end-session'), sessionId: z.string().min(1).optional() });
export type EndSessionMessage = z.infer<typeof endSessionMessageSchema>;

export function endSessionMessage(sessionId?: string): EndSessionMessage {
  return sessionId === undefined ? { control: 'end-session' } : { control: 'end-session', sessionId };
}

interface UserChannel {
  receivers: Set<ChannelReceiver>;
  subscription: Promise<Unsubscribe>;
}

export function userChannelName(userId: string): string {
  return `user:${userId}`;
}

/**
 * One PubSub subscription per user on this instance, shared by all of that user's sockets
 * (reference-counted): a user with five tabs open costs one Redis SUBSCRIBE, not five.
 */
export class UserChannels {
  private readonly channels = new Map<string, UserChannel>();

  constructor(private readonly pubsub: PubSub) {}

  /** Users with at least one receiver on this instance. */
  get size(): number {
    return this.channels.size;
  }

  /** Resolves once the subscription is live: events published from then on reach `receiver`. */
  async join(userId: string, receiver: ChannelReceiver): Promise<LeaveChannel> {
    let channel = this.channels.get(userId);
    if (!channel) {
      const receivers = new Set<ChannelReceiver>();
      const subscription = this.pubsub.subscribe(userChannelName(userId), (message) => dispatch(receivers, message));
      channel = { receivers, subscription };
      this.channels.set(userId, channel);
    }
    const joined = channel;
    joined.receivers.add(receiver);
    try {
      await joined.subscription;
    } catch (error) {
      joined.receivers.delete(receiver);
      if (this.channels.get(userId) === joined) this.channels.delete(userId);
      throw error;
    }
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      joined.receivers.delete(receiver);
      if (joined.receivers.size > 0 || this.channels.get(userId) !== joined) return;
      this.channels.delete(userId);
      const unsubscribe = await joined.subscription;
      await unsubscribe();
    };
  }

  /** Ends every subscription (shutdown). */
  async close(): Promise<void> {
    const open = [...this.channels.values()];
    this.channels.clear();
    await Promise.allSettled(
      open.map(async (channel) => {
        channel.receivers.clear();
        const unsubscribe = await channel.subscription;
        await unsubscribe();
      }),
    );
  }
}

/** Messages come from other instances too: anything that is neither an event nor a control message is dropped. */
function dispatch(receivers: ReadonlySet<ChannelReceiver>, message: unknown): void {
  if (receivers.size === 0) return;
  const event = realtimeEventSchema.safeParse(message);
  if (event.success) {
    const frame = JSON.stringify(event.data);
    for (const receiver of receivers) receiver.deliver(event.data, frame);
    return;
  }
  const control = endSessionMessageSchema.safeParse(message);
  if (control.success) for (const receiver of [...receivers]) receiver.endSession(control.data.sessionId);
}
