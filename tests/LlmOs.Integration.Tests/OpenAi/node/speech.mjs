// Drives llmosd's OpenAI-compatible audio endpoints through the stock `openai` npm client, unchanged:
// audio.transcriptions.create (multipart upload of a WAV file, json and verbose_json), audio.speech.create (WAV back),
// and a refused transcription (an unknown model). Prints one JSON object with what it saw; SpeechCli/NodeOpenAiAudioTests
// asserts on it.
//
// usage: node speech.mjs SOCKET SPEECH_MODEL AUDIO.wav
//
// The same loopback TCP-to-Unix-socket bridge as chat.mjs, so the client is used exactly as shipped.
import fs from 'node:fs';
import net from 'node:net';
import OpenAI from 'openai';

const [socketPath, model, audioPath] = process.argv.slice(2);
if (!socketPath || !model || !audioPath) {
  console.error('usage: node speech.mjs SOCKET SPEECH_MODEL AUDIO.wav');
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
const result = {};

const transcription = await client.audio.transcriptions.create({ file: fs.createReadStream(audioPath), model });
result.transcription = { text: transcription.text, keys: Object.keys(transcription).sort() };

const verbose = await client.audio.transcriptions.create({
  file: fs.createReadStream(audioPath), model, response_format: 'verbose_json', language: 'en',
});
result.verbose = {
  text: verbose.text,
  language: verbose.language ?? null,
  duration: verbose.duration ?? null,
  segments: Array.isArray(verbose.segments) ? verbose.segments.length : null,
};

const speech = await client.audio.speech.create({
  model: 'tts-1', voice: 'alloy', input: 'The kettle has boiled.', response_format: 'wav',
});
const wav = Buffer.from(await speech.arrayBuffer());
result.speech = {
  content_type: speech.headers.get('content-type'),
  bytes: wav.length,
  riff: wav.subarray(0, 4).toString('latin1'),
  wave: wav.subarray(8, 12).toString('latin1'),
  rate: wav.length >= 28 ? wav.readUInt32LE(24) : null,
};

try {
  await client.audio.transcriptions.create({ file: fs.createReadStream(audioPath), model: 'no-such-model' });
  result.error = null;
} catch (e) {
  result.error = { name: e.constructor.name, status: e.status, code: e.code, type: e.type, message: e.message };
}

console.log(JSON.stringify(result));
bridge.close();
process.exit(0);
