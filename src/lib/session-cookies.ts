// next-auth's database-session cookie; the __Secure- name is used when the site runs on https.
// Pure, so the production server's page cache can tell signed-in readers apart without loading auth.
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
