// Preloaded into `npm start` / `npm run dev` by scripts/run.ts when TRUST_PROXY is unset (no
// reverse proxy in front): drops the forwarding headers a client sent, at the socket, before
// Next.js sees the request. Next.js then fills X-Forwarded-For from the socket address itself, so
// per-IP rate limits and origin checks cannot be steered by a made-up header. (Next.js keeps a
// client's X-Forwarded-For when present, and route handlers cannot read the socket address.)
import http from "node:http";

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithoutForwardingHeaders(event, request, ...rest) {
  if (event === "request") for (const name of FORWARDING_HEADERS) delete request.headers[name];
  return emit.call(this, event, request, ...rest);
};
