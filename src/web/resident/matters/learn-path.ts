import type { EducationTopic } from '../../../contract/education';

/** The address of the legal-education articles of a topic (`/learn?topic=…`). */
export function learnPath(topic: EducationTopic): string {
  return `/learn?topic=${encodeURIComponent(topic)}`;
}
