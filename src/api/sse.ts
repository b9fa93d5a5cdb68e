import type { StreamMessage } from './client.js';

/**
 * An incremental parser for the `text/event-stream` format (HTML Living Standard, "Parsing an event
 * stream"). Fed arbitrary chunks; emits each complete event. We parse by hand rather than use
 * EventSource because EventSource cannot send an Authorization header, and tokens never go in URLs.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #id: string | undefined;
  /** The id of the last dispatched event (`id:` persists across events, as in EventSource). */
  lastEventId: string | undefined;
  /** Reconnection delay asked for by the server (`retry:`), in ms. */
  retryMs: number | undefined;

  constructor(lastEventId?: string) {
    this.lastEventId = lastEventId;
    this.#id = lastEventId;
  }

  feed(chunk: string, emit: (message: StreamMessage) => void): void {
    this.#buffer += chunk;
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    // The last piece may be an incomplete line; a lone trailing \r could still become \r\n.
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) this.#line(line, emit);
  }

  #line(line: string, emit: (message: StreamMessage) => void): void {
    if (line === '') {
      this.#dispatch(emit);
      return;
    }
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#data.push(value);
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
    }
  }

  #dispatch(emit: (message: StreamMessage) => void): void {
    this.lastEventId = this.#id;
    if (this.#data.length > 0) {
      emit({ id: this.#id, event: this.#event || 'message', data: this.#data.join('\n') });
    }
    this.#data = [];
    this.#event = '';
  }
}
