/** Longer author names are not looked up: no real author name comes close. */
export const AUTHOR_NAME_MAX = 300;
