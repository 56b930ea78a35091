import type { CampaignResults } from '../../contract/surveys.js';

type StreetResult = CampaignResults['streets'][number];

interface AnswerRow {
  street_id: string;
  choices: string;
  comment: string | null;
}

function emptyStreet(id: string, name: string, questions: string[]): StreetResult {
  return {
    streetId: id,
    streetName: name,
    answered: 0,
    questions: questions.map((question) => ({
      question,
      satisfied: 0,
      basicallySatisfied: 0,
      unsatisfied: 0,
    })),
    comments: [],
  };
}

function addAnswer(street: StreetResult, answer: AnswerRow): void {
  street.answered += 1;
  const choices = JSON.parse(answer.choices) as string[];
  choices.forEach((choice, i) => {
    const q = street.questions[i];
    if (!q) {
      return;
    }
    if (choice === 'satisfied') {
      q.satisfied += 1;
    } else if (choice === 'basically_satisfied') {
      q.basicallySatisfied += 1;
    } else {
      q.unsatisfied += 1;
    }
  });
  if (answer.comment) {
    street.comments.push(answer.comment);
  }
}

/** Counts the answers per street and question, streets in their order, only those answered. */
export function tallyByStreet(
  questions: string[],
  answers: AnswerRow[],
  streets: { id: string; name: string }[],
): StreetResult[] {
  const byId = new Map<string, StreetResult>();
  for (const answer of answers) {
    let street = byId.get(answer.street_id);
    if (!street) {
      const name = streets.find((s) => s.id === answer.street_id)?.name ?? answer.street_id;
      street = emptyStreet(answer.street_id, name, questions);
      byId.set(answer.street_id, street);
    }
    addAnswer(street, answer);
  }
  const order = streets.map((s) => s.id);
  return [...byId.values()].sort((a, b) => order.indexOf(a.streetId) - order.indexOf(b.streetId));
}
