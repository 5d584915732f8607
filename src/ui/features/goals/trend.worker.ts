import { TrendSession } from './trend-session';

// The goals page's worker: keeps the loaded population and computes charter trends off the page's thread.
const session = new TrendSession((message) => {
  postMessage(message);
});
addEventListener('message', (event: MessageEvent) => {
  session.handle(event.data);
});
