// A local SMTP server in a process of its own for the digest benchmark, as a real mail server would
// be: accepts every message, keeps only counts. Prints `ready <port>`; answers each line on stdin
// with the counts as JSON. Usage: tsx bench/support/smtp-sink.ts
import { createInterface } from "node:readline";
import { SMTPServer } from "smtp-server";

const counts = { messages: 0, bytes: 0 };
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  maxClients: 200,
  onData(stream, _session, callback) {
    stream.on("data", (chunk: Buffer) => (counts.bytes += chunk.length));
    stream.on("end", () => {
      counts.messages += 1;
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
createInterface({ input: process.stdin }).on("line", () => console.log(JSON.stringify(counts)));
process.stdin.on("end", () => server.close(() => process.exit(0)));
