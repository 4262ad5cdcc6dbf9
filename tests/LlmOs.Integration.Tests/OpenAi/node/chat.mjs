// Drives llmosd through the stock `openai` npm client, unchanged: a non-streamed chat, a streamed one, a stream the
// client aborts, a refused request, the model list and, with --json-schema, a chat constrained by a JSON Schema whose
// answer is validated with ajv. Prints one JSON object with what it saw; NodeOpenAiClientTests asserts on it.
//
// usage: node chat.mjs SOCKET MODEL [--json-schema]
//
// The client speaks HTTP over TCP; llmosd listens on a Unix socket. A tiny bridge on 127.0.0.1 (an ephemeral port,
// loopback only) pipes each TCP connection to the socket, so the client is used exactly as shipped.
import net from 'node:net';
import OpenAI from 'openai';
import Ajv from 'ajv';

const [socketPath, model, ...flags] = process.argv.slice(2);
if (!socketPath || !model) {
  console.error('usage: node chat.mjs SOCKET MODEL [--json-schema]');
  process.exit(2);
}

const bridge = net.createServer((tcp) => {
  const unix = net.connect(socketPath);
  tcp.pipe(unix);
  unix.pipe(tcp);
  tcp.on('error', () => unix.destroy());
  unix.on('error', () => tcp.destroy());
  tcp.on('close', () => unix.destroy());
  unix.on('close', () => tcp.destroy());
});
await new Promise((resolve) => bridge.listen(0, '127.0.0.1', resolve));

const client = new OpenAI({
  apiKey: 'llmos-needs-no-key',
  baseURL: `http://127.0.0.1:${bridge.address().port}/v1`,
  maxRetries: 0,
  timeout: 60_000,
});

const messages = [
  { role: 'system', content: 'You tell short stories.' },
  { role: 'user', content: 'Once upon a time' },
];
const result = {};

const chat = await client.chat.completions.create({ model, messages, max_tokens: 24, temperature: 0, seed: 1 });
result.chat = {
  id: chat.id,
  object: chat.object,
  model: chat.model,
  role: chat.choices[0].message.role,
  text: chat.choices[0].message.content,
  finish_reason: chat.choices[0].finish_reason,
  usage: chat.usage,
};

const stream = await client.chat.completions.create({
  model, messages, max_tokens: 24, temperature: 0, seed: 1, stream: true, stream_options: { include_usage: true },
});
result.stream = { text: '', chunks: 0, ids: [], finish_reason: null, usage: null, roles: [] };
for await (const chunk of stream) {
  result.stream.chunks++;
  if (!result.stream.ids.includes(chunk.id)) result.stream.ids.push(chunk.id);
  for (const choice of chunk.choices) {
    if (choice.delta.role) result.stream.roles.push(choice.delta.role);
    result.stream.text += choice.delta.content ?? '';
    result.stream.finish_reason = choice.finish_reason ?? result.stream.finish_reason;
  }
  if (chunk.usage) result.stream.usage = chunk.usage;
}

// A client that stops reading: abort after a few chunks of a long answer; the daemon must cancel the task.
const long = await client.chat.completions.create({ model, messages, max_tokens: 2000, temperature: 0, stream: true });
result.aborted = { id: null, chunks: 0 };
for await (const chunk of long) {
  result.aborted.id = chunk.id;
  if (++result.aborted.chunks === 3) {
    long.controller.abort();
    break;
  }
}

try {
  await client.chat.completions.create({ model: 'no-such-model', messages });
  result.error = null;
} catch (e) {
  result.error = { name: e.constructor.name, status: e.status, code: e.code, type: e.type, param: e.param ?? null, message: e.message };
}

result.models = (await client.models.list()).data.map((m) => ({ id: m.id, object: m.object }));

if (flags.includes('--json-schema')) {
  const schema = {
    type: 'object',
    properties: {
      title: { type: 'string', maxLength: 40 },
      year: { type: 'integer' },
      happy: { type: 'boolean' },
    },
    required: ['title', 'year', 'happy'],
    additionalProperties: false,
  };
  const answer = await client.chat.completions.create({
    model,
    messages,
    max_tokens: 200,
    temperature: 0.8,
    seed: 3,
    response_format: { type: 'json_schema', json_schema: { name: 'story', schema, strict: true } },
  });
  const text = answer.choices[0].message.content;
  let parsed = null;
  let parseError = null;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    parseError = e.message;
  }
  const validate = new Ajv().compile(schema);
  result.json_schema = {
    text,
    finish_reason: answer.choices[0].finish_reason,
    parse_error: parseError,
    valid: parsed !== null && validate(parsed),
    errors: validate.errors ?? null,
  };
}

console.log(JSON.stringify(result));
bridge.close();
process.exit(0);
