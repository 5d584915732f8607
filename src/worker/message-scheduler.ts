/**
 * Runs tasks in order, each in a task of its own after the messages already waiting (a `cancel` among them). This is
 * what `setTimeout(task, 0)` is used for, without its clamp: HTML timers nested five deep wait at least 4 ms, so a
 * run evaluated in slices spent more time waiting than working once every page was in (20 slices of 500 patients:
 * some 80 ms of the wait for the first chart). A message to a channel of our own is not clamped.
 */
export function messageScheduler(): (task: () => void) => void {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => {
    tasks.shift()?.();
  };
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}
