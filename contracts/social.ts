import { z } from 'zod';
import { usernameSchema } from './accounts.js';

/** Follows, follow requests, blocks and privacy settings; public profiles. */

export const usernameParams = z.object({ username: usernameSchema });

export const privacySettingsSchema = z.object({
  /** Follows need approval, and the follower and following lists show only to approved followers. */
  privateAccount: z.boolean(),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const privacySettingsBody = z.object({ privateAccount: z.boolean() });

export const personSchema = z.object({ id: z.string().uuid(), username: z.string(), displayName: z.string().nullable() });
export type Person = z.infer<typeof personSchema>;

/** Where the viewer stands with a person: `requested` is a follow request not answered yet. */
export const followStateSchema = z.enum(['none', 'requested', 'following']);
export type FollowState = z.infer<typeof followStateSchema>;

export const profileSchema = personSchema.extend({
  privateAccount: z.boolean(),
  followers: z.number().int(),
  following: z.number().int(),
  /** Whether the viewer may read the follower and following lists (public account, approved follower, or itself). */
  listsVisible: z.boolean(),
  /** The viewer's relation to this person; all false/none for anonymous viewers and on one's own profile. */
  viewer: z.object({
    isSelf: z.boolean(),
    follow: followStateSchema,
    followsYou: z.boolean(),
    /** The viewer blocked this person (a person who blocked the viewer is not found at all). */
    blocking: z.boolean(),
  }),
});
export type Profile = z.infer<typeof profileSchema>;

export const followResultSchema = z.object({ follow: followStateSchema });

export const peopleQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Opaque cursor from the previous page (`nextCursor`). */
  cursor: z.string().max(200).optional(),
});

/** Newest first (when the follow, request or block began). */
export const peoplePageSchema = z.object({
  items: z.array(personSchema.extend({ since: z.string() })),
  nextCursor: z.string().nullable(),
});
export type PeoplePage = z.infer<typeof peoplePageSchema>;
