import { authRouteHandler } from "@/server/auth/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  return authRouteHandler(request, (await context.params).nextauth);
}

export { handle as GET, handle as POST };
