import type { ServerScope } from 'nano';
import { userDocId, isConflict, isNotFound, type UserDoc } from '../../couch/client';
import type { PublicUser } from '../../domain/schemas/auth';

/** Creates a `_users` account; false when the name is taken. */
export async function createUser(admin: ServerScope, user: { name: string; password: string; roles: string[]; fullName: string }): Promise<boolean> {
  try {
    await admin.use<UserDoc>('_users').insert({ _id: userDocId(user.name), type: 'user', ...user });
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}

export async function findUser(admin: ServerScope, name: string): Promise<PublicUser | null> {
  try {
    const doc = await admin.use<UserDoc>('_users').get(userDocId(name));
    return { email: doc.name, name: doc.fullName ?? doc.name, roles: doc.roles };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
