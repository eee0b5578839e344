/** What to tell people for next-auth's error codes (query parameter `error`). */
export function authErrorMessage(code: string): string {
  switch (code) {
    case "Verification":
      return "This sign-in link has expired or has already been used. Request a new one below.";
    case "EmailSignin":
      return "We could not send the sign-in email. Please try again in a moment.";
    case "OAuthAccountNotLinked":
      return "That email address already has an account here. Sign in with an email link, the way you did before.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
      return "Signing in with GitHub did not work. Please try again, or use an email link.";
    case "AccessDenied":
      return "This account cannot sign in: the moderators have suspended it.";
    case "SessionRequired":
      return "Please sign in to see that page.";
    case "Configuration":
      return "Sign-in is not configured correctly on this server. Please tell the site's administrator.";
    default:
      return "Something went wrong while signing you in. Please try again.";
  }
}
