import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

export interface AcceptedMessage {
  to: string;
  messageId: string;
  mail: ParsedMail;
  /** The message exactly as received, for checks such as DKIM signatures. */
  raw: Buffer;
}

export interface TestSmtpBehaviour {
  /** An SMTP reply code to refuse this recipient with (e.g. 451 for "try later"), or null to accept. */
  rejectRecipient?: (address: string) => number | null;
  /** While true, messages are read but never answered, as if the server hung mid-transaction. */
  holdMessages?: () => boolean;
}

export interface TestSmtpOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Parse and keep every message (default), or only count them, for benchmarks of many thousands. */
  keepMessages?: boolean;
  behaviour?: TestSmtpBehaviour;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  /** Messages the server answered 250 to, one entry per recipient, in order. */
  accepted: AcceptedMessage[];
  /** Every accepted message counts here, kept or not. */
  counts: { messages: number; bytes: number };
  behaviour: TestSmtpBehaviour;
  acceptedFor(address: string): AcceptedMessage[];
  waitForAccepted(count: number, timeoutMs?: number): Promise<void>;
  /** The next message to `address` not yet returned by this method (waits for it to arrive). */
  nextMessageTo(address: string, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that records what it accepts and can fail on demand. */
export async function startTestSmtpServer({
  port = 0,
  keepMessages = true,
  behaviour = {},
}: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const accepted: AcceptedMessage[] = [];
  const counts = { messages: 0, bytes: 0 };
  const arrivals = new EventEmitter().setMaxListeners(0);
  const handedOut = new WeakSet<AcceptedMessage>();
  const state = { behaviour };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 200,
    onRcptTo(address, _session, callback) {
      const code = state.behaviour.rejectRecipient?.(address.address.toLowerCase()) ?? null;
      if (code === null) return callback();
      callback(Object.assign(new Error(`Mailbox ${address.address} unavailable, try again later`), { responseCode: code }));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const hold = state.behaviour.holdMessages?.() ?? false;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        counts.bytes += chunk.length;
        if (keepMessages) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (!keepMessages) {
          counts.messages += 1;
          return callback();
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            if (hold) return; // never answered: the client is left waiting, then disconnects
            counts.messages += 1;
            for (const rcpt of session.envelope.rcptTo)
              accepted.push({ to: rcpt.address.toLowerCase(), messageId: mail.messageId ?? "", mail, raw });
            callback();
            arrivals.emit("message");
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.server.address() as AddressInfo).port;

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, failure: () => string): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (found === undefined) return false;
        clearTimeout(timer);
        arrivals.off("message", attempt);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        arrivals.off("message", attempt);
        reject(new Error(failure()));
      }, timeoutMs);
      if (!attempt()) arrivals.on("message", attempt);
    });

  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    accepted,
    counts,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(next) {
      state.behaviour = next;
    },
    acceptedFor: (address) => accepted.filter((message) => message.to === address.toLowerCase()),
    async waitForAccepted(count, timeoutMs = 20_000) {
      await waitFor(
        () => (accepted.length >= count ? true : undefined),
        timeoutMs,
        () => `Only ${accepted.length} of ${count} messages arrived within ${timeoutMs} ms`,
      );
    },
    nextMessageTo(address, timeoutMs = 10_000) {
      const to = address.toLowerCase();
      return waitFor(
        () => {
          const next = accepted.find((message) => message.to === to && !handedOut.has(message));
          if (!next) return undefined;
          handedOut.add(next);
          return next.mail;
        },
        timeoutMs,
        () => `No mail to ${address} within ${timeoutMs} ms`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
