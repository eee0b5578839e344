import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

export interface AcceptedMessage {
  to: string;
  messageId: string;
  mail: ParsedMail;
}

export interface RecordingSmtpBehaviour {
  /** An SMTP reply code to refuse this recipient with (e.g. 451 for "try later"), or null to accept. */
  rejectRecipient?: (address: string) => number | null;
  /** While true, messages are read but never answered, as if the server hung mid-transaction. */
  holdMessages?: () => boolean;
}

export interface RecordingSmtpServer {
  url: string;
  /** Messages the server answered 250 to, in order. */
  accepted: AcceptedMessage[];
  behaviour: RecordingSmtpBehaviour;
  acceptedFor(address: string): AcceptedMessage[];
  waitForAccepted(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that records what it accepted and can fail on demand. */
export async function startRecordingSmtpServer(behaviour: RecordingSmtpBehaviour = {}): Promise<RecordingSmtpServer> {
  const accepted: AcceptedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 200,
    onRcptTo(address, _session, callback) {
      const code = state.behaviour.rejectRecipient?.(address.address.toLowerCase()) ?? null;
      if (code === null) return callback();
      const error = Object.assign(new Error(`Mailbox ${address.address} unavailable, try again later`), { responseCode: code });
      callback(error);
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const hold = state.behaviour.holdMessages?.() ?? false;
      simpleParser(stream).then(
        (mail) => {
          if (hold) return; // never answered: the client is left waiting, then disconnects
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          for (const address of to) accepted.push({ to: address, messageId: mail.messageId ?? "", mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on("error", () => {});
  const state = { behaviour };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(next) {
      state.behaviour = next;
    },
    acceptedFor: (address) => accepted.filter((message) => message.to === address.toLowerCase()),
    async waitForAccepted(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (accepted.length < count) {
        if (Date.now() > until) throw new Error(`Only ${accepted.length} of ${count} messages arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
