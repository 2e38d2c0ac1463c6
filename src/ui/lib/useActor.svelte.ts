/**
 * A runes adapter for XState actors (house style 5): call during component initialisation.
 * The snapshot is a raw state so Svelte does not proxy XState's objects.
 */
import { createActor, type ActorOptions, type AnyActorLogic, type SnapshotFrom } from 'xstate';

export function useActor<T extends AnyActorLogic>(logic: T, options?: ActorOptions<T>) {
  const actor = createActor(logic, options);
  let snapshot = $state.raw<SnapshotFrom<T>>(actor.getSnapshot());
  const subscription = actor.subscribe((next) => {
    snapshot = next;
  });
  actor.start();
  $effect(() => () => {
    subscription.unsubscribe();
    actor.stop();
  });
  return {
    actor,
    send: actor.send.bind(actor),
    get snapshot() {
      return snapshot;
    },
  };
}
