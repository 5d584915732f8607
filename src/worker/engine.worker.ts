import { EngineSession } from './engine-session';
import { messageScheduler } from './message-scheduler';

// The Web Worker entry: everything it does is in EngineSession, which the unit tests exercise without a worker.
const session = new EngineSession(
  (message) => {
    self.postMessage(message);
  },
  { schedule: messageScheduler() },
);

self.onmessage = (event: MessageEvent<unknown>) => {
  session.handle(event.data);
};
