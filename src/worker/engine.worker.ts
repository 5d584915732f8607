import { EngineSession } from './engine-session';

// The Web Worker entry: everything it does is in EngineSession, which the unit tests exercise without a worker.
const session = new EngineSession((message) => {
  self.postMessage(message);
});

self.onmessage = (event: MessageEvent<unknown>) => {
  session.handle(event.data);
};
