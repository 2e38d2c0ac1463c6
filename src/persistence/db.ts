/** The app's database singleton. Repositories take a db parameter so tests can inject their own. */
import { ProgressDB } from './ProgressDB';

export const db = new ProgressDB();
