import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface ReplayServer {
  url: string;
  requests: URL[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback that answers from recorded responses chosen by `route`. */
export async function startReplayServer(
  route: (url: URL, request: IncomingMessage) => Reply | Promise<Reply>,
  port = 0,
): Promise<ReplayServer> {
  const requests: URL[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(url);
    Promise.resolve(route(url, request)).then(
      (reply) => response.writeHead(reply.status, reply.headers ?? { "content-type": "application/json" }).end(reply.body),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening, for network-failure tests. */
export async function closedPortUrl(): Promise<string> {
  const probe = await startReplayServer(() => ({ status: 200, body: "" }));
  await probe.close();
  return probe.url;
}
