/**
 * The services task types may consult (code lookup, grouper). One mutable object: loaders fill it in as
 * the lazily loaded code sets arrive, and every case machine sees the same instance.
 */
import type { TaskServices } from '../../domain/tasks/taskTypes';

const services: TaskServices = {};

export function getTaskServices(): TaskServices {
  return services;
}
