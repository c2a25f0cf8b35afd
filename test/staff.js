import { sessionCsrf } from '../src/newsroom/csrf.js';
import { createSession, tokenHash } from '../src/newsroom/sessions.js';
import { createUser, getStaffUser } from '../src/newsroom/users.js';
/** The password every test account gets (strong enough for the rules). */
export const TEST_PASSWORD = 'uji-kata-sandi-yang-panjang';
let n = 0;
/** Creates a staff account with a unique email; returns the user. */
export async function makeStaff(db, role, overrides = {}) {
  n += 1;
  const id = await createUser(db, {
    email: overrides.email ?? `${role}-${process.pid}-${n}@warta.test`,
    name: overrides.name ?? `Staf ${role} ${n}`,
    role,
    password: overrides.password ?? TEST_PASSWORD,
    lang: overrides.lang,
  });
  const user = await getStaffUser(db, id);
  if (!user) throw new Error('user not created');
  return user;
}
/**
 * A logged-in staff member for `app.server.inject`: creates the account and a
 * session. `cookie` is the Cookie header value; `csrf` the token for forms.
 * In a browser test, set `warta_session` (path /newsroom) to `token`.
 */
export async function loginAs(app, role, overrides = {}) {
  const user = await makeStaff(app.db, role, overrides);
  const { token } = await createSession(app.db, user.id);
  return {
    user,
    token,
    cookie: `warta_session=${token}`,
    csrf: sessionCsrf(app.config.secretKey, tokenHash(token)),
  };
}
//# sourceMappingURL=staff.js.map
