import type { Role } from '@tavola/contracts/accounts';

/** How roles are named to people (the API's `user` is a member). */
export const roleNames: Record<Role, string> = { user: 'Member', moderator: 'Moderator', admin: 'Administrator' };

export const roleOptions = (['user', 'moderator', 'admin'] as const).map((role) => ({ value: role, label: roleNames[role] }));
