// WebSocket signaling server: relays each text message to the other peers of the same room (?room=name).
// Plain node:http with a minimal RFC 6455 handshake and text frames; GET /status answers the health probe.
// SIGTERM/SIGINT drain: stop accepting, tell every peer "going away" (close 1001), exit when all are gone (or 5 s).
import { createHash } from 'node:crypto';
import http from 'node:http';

const port = Number(process.env.PORT ?? 4001);
const rooms = new Map(); // room name -> Set of sockets
let draining = false;

function frame(opcode, payload) {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 255]) : null;
  if (!header) throw new Error('message too large');
  return Buffer.concat([header, payload]);
}

/** Decodes the complete client frames at the start of buffer; returns them and the bytes left over. */
function readFrames(buffer) {
  const frames = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset] & 0x0f;
    let length = buffer[offset + 1] & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      if (buffer.length < start + 2) break;
      length = buffer.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      break; // no messages that large in signaling
    }
    if (buffer.length < start + 4 + length) break;
    const mask = buffer.subarray(start, start + 4);
    const payload = Buffer.from(buffer.subarray(start + 4, start + 4 + length).map((byte, index) => byte ^ mask[index % 4]));
    frames.push({ opcode, payload });
    offset = start + 4 + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

function leave(socket, room) {
  rooms.get(room)?.delete(socket);
  if (rooms.get(room)?.size === 0) rooms.delete(room);
  if (draining && rooms.size === 0) process.exit(0);
}

const server = http.createServer((request, response) => {
  if (request.url === '/status') {
    const peers = [...rooms.values()].reduce((sum, peers) => sum + peers.size, 0);
    response.writeHead(draining ? 503 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: draining ? 'draining' : 'ok', rooms: rooms.size, peers }));
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('signaling server: connect with a WebSocket, GET /status for health\n');
});

server.on('upgrade', (request, socket) => {
  const key = request.headers['sec-websocket-key'];
  if (draining || request.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    return;
  }
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const room = new URL(request.url ?? '/', 'http://localhost').searchParams.get('room') ?? 'lobby';
  if (!rooms.has(room)) rooms.set(room, new Set());
  rooms.get(room).add(socket);
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const { opcode, payload } of frames) {
      if (opcode === 0x8) socket.end(frame(0x8, Buffer.alloc(0)));
      else if (opcode === 0x9) socket.write(frame(0xa, payload));
      else if (opcode === 0x1) for (const peer of rooms.get(room) ?? []) if (peer !== socket) peer.write(frame(0x1, payload));
    }
  });
  socket.on('close', () => leave(socket, room));
  socket.on('error', () => leave(socket, room));
});

function drain(signal) {
  if (draining) process.exit(0);
  draining = true;
  console.log(`signaling: ${signal}, draining ${rooms.size} room(s)`);
  server.close();
  const goingAway = Buffer.from([0x03, 0xe9]); // close code 1001
  for (const peers of rooms.values()) for (const socket of peers) socket.end(frame(0x8, goingAway));
  if (rooms.size === 0) process.exit(0);
  setTimeout(() => process.exit(0), 5000).unref();
}

process.on('SIGTERM', () => drain('SIGTERM'));
process.on('SIGINT', () => drain('SIGINT'));
server.listen(port, '0.0.0.0', () => console.log(`signaling: listening on http://localhost:${port} (GET /status)`));
